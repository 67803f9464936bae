import Testing
@testable import DropoutCore

/// The tile transpose and the transposed input gradient it serves (Transpose.swift).
struct TransposeTests {
    /// Every element lands where `t[c, r] = a[r, c]` says, on sizes with and without the tiles'
    /// edges (rows or columns not a multiple of four or eight, fewer than four), by the 4 × 4
    /// tiles here and by the 8 × 8 AVX tiles of CSmallGemm/Transpose8.c (`SmallGemm.transpose`).
    @Test(arguments: [(1, 1), (3, 5), (4, 4), (7, 9), (8, 12), (13, 3), (32, 10), (5, 130), (9, 17), (37, 29), (128, 128)],
          [false, true])
    func transposeMovesEveryElement(_ shape: (Int, Int), avx: Bool) {
        let (rows, cols) = shape
        let a = Matrix(rows: rows, cols: cols, data: (0..<(rows * cols)).map(Float.init))
        var t = Matrix(rows: 2, cols: 2, repeating: -1)
        if avx { SmallGemm.transpose(a, into: &t) } else { Transpose.transpose(a, into: &t) }
        #expect(t.rows == cols && t.cols == rows)
        for r in 0..<rows {
            for c in 0..<cols { #expect(t[c, r] == a[r, c], "[\(r), \(c)]") }
        }
    }

    /// `(W·dyᵀ)ᵀ` gives `dy·Wᵀ` to float rounding, on odd shapes, and each form the sums of
    /// the definition.
    @Test(arguments: [(5, 7, 3), (32, 128, 10), (9, 13, 17)])
    func transposedInputGradientMatchesThePlainProduct(_ shape: (Int, Int, Int)) {
        let (batch, inputs, outputs) = shape
        let dy = FastPathTests.values(batch, outputs, seed: 11)
        var rng = Xoshiro(seed: 12)
        let layer = DenseLayer(inputs: inputs, outputs: outputs, initialization: .he, rng: &rng)
        let w = layer.weight.value
        var plain = Matrix(rows: 0, cols: 0), viaTranspose = Matrix(rows: 0, cols: 0)
        layer.inputGradient(dy, weights: w, into: &plain, transposed: false)
        layer.inputGradient(dy, weights: w, into: &viaTranspose, transposed: true)
        #expect(plain.rows == batch && plain.cols == inputs)
        #expect(viaTranspose.rows == batch && viaTranspose.cols == inputs)
        for b in 0..<batch {
            for i in 0..<inputs {
                var sum = 0.0, magnitude = 0.0
                for o in 0..<outputs {
                    sum += Double(dy[b, o]) * Double(w[i, o])
                    magnitude += abs(Double(dy[b, o]) * Double(w[i, o]))
                }
                let tolerance = 1e-6 * max(1, magnitude)
                #expect(abs(Double(plain[b, i]) - sum) <= tolerance, "plain [\(b), \(i)]")
                #expect(abs(Double(viaTranspose[b, i]) - sum) <= tolerance, "transposed [\(b), \(i)]")
            }
        }
    }
}
