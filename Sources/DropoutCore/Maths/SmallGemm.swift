import CSmallGemm

/// When a product goes to the small-matrix kernel of `CSmallGemm` instead of OpenBLAS.
///
/// OpenBLAS (Debian's 0.3.21 has no small-matrix path for AMD or Haswell-class CPUs) packs both
/// operands before every product; on the teaching networks the packing costs about as much as
/// the arithmetic. The kernel reads B in place and keeps a 6 × 16 block of C in registers.
/// Measured on this project's AMD EPYC (Zen 3, one thread, C benchmark against Debian's
/// OpenBLAS; see the README's Performance section), the kernel over OpenBLAS:
/// - digits' products (32 × 128 × 64 … 128 × 128 × 32, both `A` and `Aᵀ`): 1.15–2.9× faster;
/// - wide's up to 64 × 256 × 64: 1.1×, its 4-million ones 0.8–1.06× (so left to OpenBLAS);
/// - mnist's: 0.55× (no cache blocking), left to OpenBLAS;
/// - fewer than 16 columns (10 classes, 2 outputs): 0.6–0.7×, left to OpenBLAS.
/// The choice depends on the shapes and the CPU only, so a run on one machine is reproducible.
enum SmallGemm {
    /// The largest product (m·n·k multiply-adds) the kernel takes.
    static let largestProduct = 1 << 20
    /// The fewest columns of the result it takes (one block of 16 is its unit).
    static let fewestColumns = 16
    /// x86-64 with AVX2 and FMA; elsewhere every product goes to OpenBLAS.
    static let isAvailable = dv_small_sgemm_available() != 0

    /// Whether `op(A)·op(B)` of this shape goes to the kernel (`B` is never transposed there).
    static func takes(m: Int, n: Int, k: Int, transposeB: Bool) -> Bool {
        isAvailable && !transposeB && n >= fewestColumns && m * n * k <= largestProduct
    }
}

extension SmallGemm {
    /// The kernel's two loops: dense 6 × 16 blocks, or rows over op(A)'s non-zero terms (what
    /// ReLU and dropout leave: about a quarter). The kernel picks the rows when C has at least
    /// 64 columns and at most a third of op(A) is non-zero; both give the same bits
    /// (CSmallGemm/SparseRows.c), so the choice, made on the data, never changes a result.
    enum Path: Int32 {
        case chosen = 0, dense = 1, sparseRows = 2
    }

    /// `c = alpha·op(a)·b + beta·c` (`c` already shaped) through `path` (tests compare the
    /// loops); returns the loop that ran, nil when the kernel is not available on this CPU.
    static func gemm(_ a: Matrix, transposeA: Bool, _ b: Matrix, into c: inout Matrix,
                     alpha: Float, beta: Float, path: Path) -> Path? {
        let m = transposeA ? a.cols : a.rows, k = transposeA ? a.rows : a.cols
        precondition(b.rows == k && c.rows == m && c.cols == b.cols, "SmallGemm.gemm: shapes do not agree")
        let ran = a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                c.data.withUnsafeMutableBufferPointer { pc in
                    dv_small_sgemm_path(path.rawValue, transposeA ? 1 : 0, Int32(m), Int32(b.cols), Int32(k), alpha,
                                        pa.baseAddress, a.cols, pb.baseAddress, b.cols, beta, pc.baseAddress, c.cols)
                }
            }
        }
        return Path(rawValue: ran).flatMap { $0 == .chosen ? nil : $0 }
    }
}

extension SmallGemm {
    /// Whether the kernel computes `op(a)·B` (`n` columns) by rows over `op(a)`'s non-zero
    /// terms (`CSmallGemm.dv_sparse_rows_takes`).
    static func takesRows(_ a: Matrix, transposed: Bool = false, columns n: Int) -> Bool {
        let m = transposed ? a.cols : a.rows, k = transposed ? a.rows : a.cols
        return a.data.withUnsafeBufferPointer { pa in
            dv_sparse_rows_takes(transposed ? 1 : 0, Int32(m), Int32(n), Int32(k), pa.baseAddress, a.cols) != 0
        }
    }

    /// `w += tᵀ` (`w` is `t.cols × t.rows`), one float addition per element, in AVX tiles
    /// (CSmallGemm/Transpose8.c); element by element on a CPU without AVX2.
    static func addTransposed(_ t: Matrix, to w: inout Matrix) {
        precondition(w.rows == t.cols && w.cols == t.rows, "addTransposed: shapes do not agree")
        let done = t.data.withUnsafeBufferPointer { pt in
            w.data.withUnsafeMutableBufferPointer { pw in
                dv_add_transposed(pt.baseAddress, Int32(t.rows), Int32(t.cols), pw.baseAddress) != 0
            }
        }
        if !done {
            for r in 0..<t.rows {
                for c in 0..<t.cols { w.data[c * t.rows + r] += t.data[r * t.cols + c] }
            }
        }
    }
}

extension SmallGemm {
    /// `t = aᵀ` in 8 × 8 AVX tiles (CSmallGemm/Transpose8.c), or by `Transpose` on a CPU
    /// without AVX2: the same values either way.
    static func transpose(_ a: Matrix, into t: inout Matrix) {
        t.reshape(rows: a.cols, cols: a.rows)
        let done = a.data.withUnsafeBufferPointer { pa in
            t.data.withUnsafeMutableBufferPointer { pt in
                dv_transpose(pa.baseAddress, Int32(a.rows), Int32(a.cols), pt.baseAddress) != 0
            }
        }
        if !done { Transpose.transpose(a, into: &t) }
    }
}
