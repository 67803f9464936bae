import CBLAS
import CSmallGemm

/// Matrix products through OpenBLAS. Every product in the model goes through `gemm`.
public enum BLAS {
    /// One thread: the sweep runs networks on separate cores, and the small products of the
    /// teaching networks are slower when OpenBLAS splits them.
    public static func useOneThread() {
        openblas_set_num_threads(1)
    }

    /// `c = alpha · op(a) · op(b) + beta · c`, with `op` the optional transpose. `c` must already
    /// have the result's shape. Small products go to the kernel of `SmallGemm` unless
    /// `smallKernel` is false (tests compare the two).
    public static func gemm(
        _ a: Matrix, transposeA: Bool = false,
        _ b: Matrix, transposeB: Bool = false,
        into c: inout Matrix, alpha: Float = 1, beta: Float = 0, smallKernel: Bool = true
    ) {
        let m = transposeA ? a.cols : a.rows
        let k = transposeA ? a.rows : a.cols
        let kb = transposeB ? b.cols : b.rows
        let n = transposeB ? b.rows : b.cols
        precondition(k == kb && c.rows == m && c.cols == n, "gemm: shapes do not agree")
        if m == 0 || n == 0 { return }
        if k == 0 {
            if beta == 0 { c.fill(0) } else if beta != 1 { for i in 0..<c.data.count { c.data[i] *= beta } }
            return
        }
        let lda = Int32(a.cols), ldb = Int32(b.cols), ldc = Int32(c.cols)
        let small = smallKernel && SmallGemm.takes(m: m, n: n, k: k, transposeB: transposeB)
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                c.data.withUnsafeMutableBufferPointer { pc in
                    if small, dv_small_sgemm(transposeA ? 1 : 0, Int32(m), Int32(n), Int32(k), alpha, pa.baseAddress, Int(lda),
                                             pb.baseAddress, Int(ldb), beta, pc.baseAddress, Int(ldc)) != 0 {
                        return
                    }
                    cblas_sgemm(
                        CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k),
                        alpha, pa.baseAddress, lda, pb.baseAddress, ldb,
                        beta, pc.baseAddress, ldc)
                }
            }
        }
    }
}
