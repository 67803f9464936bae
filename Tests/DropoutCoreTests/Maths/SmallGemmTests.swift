import Foundation
import Testing
@testable import DropoutCore

/// The small-matrix kernel (SmallGemm.swift, CSmallGemm): the sums of the definition on every
/// block edge, `beta` as documented, and taken where the networks need it.
struct SmallGemmTests {
    static let cpu = BLASKernel.CPU.current()

    /// `alpha·op(A)·B + beta·C` in doubles, and the bound on any float evaluation of it:
    /// a sum of k products in any order is within 2·k·u·Σ|a||b| (u = 2⁻²⁴), the scaling by
    /// alpha and the beta term add an ulp each.
    static func check(m: Int, n: Int, k: Int, transposeA: Bool, alpha: Float, beta: Float) {
        let a = transposeA ? FastPathTests.values(k, m, seed: 21) : FastPathTests.values(m, k, seed: 21)
        let b = FastPathTests.values(k, n, seed: 22)
        let c0 = FastPathTests.values(m, n, seed: 23)
        // With beta = 0, C must not be read: NaN in it would show.
        var c = beta == 0 ? Matrix(rows: m, cols: n, repeating: .nan) : c0
        BLAS.gemm(a, transposeA: transposeA, b, into: &c, alpha: alpha, beta: beta)
        let u = 1.0 / Double(1 << 24)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0, magnitude = 0.0
                for p in 0..<k {
                    let x = Double(transposeA ? a[p, i] : a[i, p]) * Double(b[p, j])
                    sum += x
                    magnitude += abs(x)
                }
                let old = beta == 0 ? 0 : Double(beta) * Double(c0[i, j])
                let exact = Double(alpha) * sum + old
                let bound = (2 * Double(k) + 2) * u * abs(Double(alpha)) * magnitude + 2 * u * (abs(exact) + abs(old))
                #expect(abs(Double(c[i, j]) - exact) <= bound, "\(m)×\(n)×\(k) \(transposeA ? "TN" : "NN") [\(i), \(j)]")
            }
        }
    }

    /// Rows 1…13 cover every remainder of the 6-row blocks; 16…47 columns every width of the
    /// masked last block (1 to 15 columns, within one vector of 8 or across two).
    @Test(.enabled(if: cpu.avx2FMA, "the kernel runs on AVX2 and FMA"), arguments: [false, true])
    func everyBlockEdgeGivesTheSumsOfTheDefinition(_ transposeA: Bool) {
        for m in 1...13 {
            for n in [16, 17, 20, 23, 24, 25, 31, 32, 47] {
                #expect(SmallGemm.takes(m: m, n: n, k: 37, transposeB: false))
                Self.check(m: m, n: n, k: 37, transposeA: transposeA, alpha: 1, beta: 0)
            }
        }
    }

    /// The fused SGD update's form (alpha = −lr, beta = 1) and a general beta, on the digits
    /// network's shapes (as the dense layers call them) and k = 1.
    @Test(.enabled(if: cpu.avx2FMA, "the kernel runs on AVX2 and FMA"))
    func alphaAndBetaAsDocumented() {
        let shapes: [(Int, Int, Int, Bool)] = [(32, 128, 64, false), (128, 128, 32, true), (64, 128, 32, true),
                                              (128, 32, 128, false), (7, 19, 1, false), (7, 19, 1, true)]
        for (m, n, k, t) in shapes {
            #expect(SmallGemm.takes(m: m, n: n, k: k, transposeB: false))
            Self.check(m: m, n: n, k: k, transposeA: t, alpha: -0.01, beta: 1)
            Self.check(m: m, n: n, k: k, transposeA: t, alpha: 0.5, beta: -1.5)
        }
    }

    /// It is there on this CPU when it has AVX2 and FMA, and it leaves to OpenBLAS what it is
    /// slower at: fewer than 16 columns, a transposed B, mnist's products.
    @Test func takesOnlyWhatItIsFasterAt() {
        #expect(SmallGemm.isAvailable == Self.cpu.avx2FMA)
        #expect(!SmallGemm.takes(m: 32, n: 10, k: 128, transposeB: false))
        #expect(!SmallGemm.takes(m: 32, n: 128, k: 128, transposeB: true))
        #expect(!SmallGemm.takes(m: 128, n: 1024, k: 784, transposeB: false))
        #expect(SmallGemm.takes(m: 32, n: 128, k: 128, transposeB: false) == Self.cpu.avx2FMA)
    }

    /// The kernel and OpenBLAS agree to the same bound on a product both can do.
    @Test func agreesWithOpenBLAS() {
        let a = FastPathTests.values(29, 53, seed: 31), b = FastPathTests.values(53, 41, seed: 32)
        var mine = Matrix(rows: 29, cols: 41), theirs = Matrix(rows: 29, cols: 41)
        BLAS.gemm(a, b, into: &mine)
        BLAS.gemm(a, b, into: &theirs, smallKernel: false)
        for i in 0..<29 {
            for j in 0..<41 {
                var magnitude: Float = 0
                for p in 0..<53 { magnitude += abs(a[i, p] * b[p, j]) }
                #expect(abs(mine[i, j] - theirs[i, j]) <= 2 * 53 * Float.ulpOfOne / 2 * magnitude, "[\(i), \(j)]")
            }
        }
    }
}
