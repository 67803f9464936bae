import Foundation
import Testing
@testable import DropoutCore

/// The small-matrix kernel's rows over op(A)'s non-zero terms (CSmallGemm/SparseRows.c): the
/// same bits as its dense blocks, and taken where dropout and ReLU thin the activations out.
struct SparseRowsTests {
    static let cpu = BLASKernel.CPU.current()

    /// Standard-normal values of which about `share` are kept, the rest zeros of both signs.
    static func thinned(_ rows: Int, _ cols: Int, share: Float, seed: UInt64) -> Matrix {
        var rng = Xoshiro(seed: seed)
        var m = Matrix(rows: rows, cols: cols)
        for i in 0..<m.count {
            let keep = rng.uniform() < share
            let x = rng.normal()
            m.data[i] = keep ? x : (x < 0 ? -0.0 : 0)
        }
        return m
    }

    /// Both loops on one product; every element the same bit pattern.
    static func expectSameBits(m: Int, n: Int, k: Int, transposeA: Bool, share: Float, alpha: Float, beta: Float) {
        let a = transposeA ? thinned(k, m, share: share, seed: 41) : thinned(m, k, share: share, seed: 41)
        let b = FastPathTests.values(k, n, seed: 42)
        // With beta = 0 C is not read: NaN there would show in both.
        let c0 = beta == 0 ? Matrix(rows: m, cols: n, repeating: .nan) : FastPathTests.values(m, n, seed: 43)
        var dense = c0, rows = c0
        #expect(SmallGemm.gemm(a, transposeA: transposeA, b, into: &dense, alpha: alpha, beta: beta, path: .dense) == .dense)
        #expect(SmallGemm.gemm(a, transposeA: transposeA, b, into: &rows, alpha: alpha, beta: beta, path: .sparseRows) == .sparseRows)
        for i in 0..<dense.count where dense.data[i].bitPattern != rows.data[i].bitPattern {
            Issue.record("\(m)×\(n)×\(k) \(transposeA ? "TN" : "NN") share \(share) element \(i): \(dense.data[i]) and \(rows.data[i])")
            return
        }
    }

    /// Every remainder of the 64-column passes and of the last vector (n = 1…8, 63…72, 127…129),
    /// k across the 64-bit words of the masks (1, 63, 64, 65, 130), rows 1…7, both layouts of A,
    /// A from nearly empty to full, as a forward product (α = 1, β = 0) and as the fused SGD
    /// update (α = −lr, β = 1).
    @Test(.enabled(if: cpu.avx2FMA, "the kernel runs on AVX2 and FMA"), arguments: [false, true])
    func rowsGiveTheDenseBlocksBits(_ transposeA: Bool) {
        for n in [1, 5, 8, 63, 64, 65, 70, 72, 127, 128, 129] {
            for k in [1, 63, 64, 65, 130] {
                for m in [1, 6, 7] {
                    for share: Float in [0.05, 0.25, 1] {
                        Self.expectSameBits(m: m, n: n, k: k, transposeA: transposeA, share: share, alpha: 1, beta: 0)
                        Self.expectSameBits(m: m, n: n, k: k, transposeA: transposeA, share: share, alpha: -0.01, beta: 1)
                    }
                }
            }
        }
    }

    /// The digits network's two thinned products at dropout 0.5 after ReLU (a quarter kept).
    @Test(.enabled(if: cpu.avx2FMA, "the kernel runs on AVX2 and FMA"))
    func digitsProductsGiveTheSameBits() {
        Self.expectSameBits(m: 32, n: 128, k: 128, transposeA: false, share: 0.25, alpha: 1, beta: 1)
        Self.expectSameBits(m: 128, n: 128, k: 32, transposeA: true, share: 0.25, alpha: -0.01, beta: 1)
    }

    /// A NaN in A is a term like any other (not skipped as a zero): both loops give NaN there.
    @Test(.enabled(if: cpu.avx2FMA, "the kernel runs on AVX2 and FMA"))
    func nanInAIsNotSkipped() {
        var a = Self.thinned(3, 70, share: 0.2, seed: 5)
        a[1, 40] = .nan
        let b = FastPathTests.values(70, 64, seed: 6)
        var c = Matrix(rows: 3, cols: 64)
        #expect(SmallGemm.gemm(a, transposeA: false, b, into: &c, alpha: 1, beta: 0, path: .sparseRows) == .sparseRows)
        #expect((0..<64).allSatisfy { c[1, $0].isNaN })
        #expect((0..<64).allSatisfy { !c[0, $0].isNaN && !c[2, $0].isNaN })
    }

    /// The kernel takes the rows for a thin A and at least 64 columns, the dense blocks otherwise.
    @Test(.enabled(if: cpu.avx2FMA, "the kernel runs on AVX2 and FMA"))
    func rowsAreChosenForThinProducts() {
        func chosen(m: Int, n: Int, k: Int, share: Float) -> SmallGemm.Path? {
            let a = Self.thinned(m, k, share: share, seed: 7)
            var c = Matrix(rows: m, cols: n)
            return SmallGemm.gemm(a, transposeA: false, FastPathTests.values(k, n, seed: 8), into: &c, alpha: 1, beta: 0, path: .chosen)
        }
        #expect(chosen(m: 32, n: 128, k: 128, share: 0.25) == .sparseRows)
        #expect(chosen(m: 32, n: 64, k: 128, share: 0.25) == .sparseRows)
        #expect(chosen(m: 32, n: 128, k: 128, share: 0.5) == .dense)
        #expect(chosen(m: 32, n: 63, k: 128, share: 0.25) == .dense)
        #expect(chosen(m: 16, n: 16, k: 16, share: 0.1) == .dense)
    }

    /// In a digits step (64-128-128-10, ReLU, dropout 0.5) the second layer's input is that thin:
    /// at most a third of it non-zero, so its forward product and weight gradient take the rows.
    @Test func dropoutAfterReLUIsThinEnough() throws {
        // The bench's digits network (dropviz bench) on standard-normal data with random labels.
        var rng = Xoshiro(seed: 3)
        var x = Matrix(rows: 256, cols: 64)
        for i in 0..<x.count { x.data[i] = rng.normal() }
        let labels = (0..<256).map { _ in rng.below(10) }
        let data = Dataset(name: "thin", features: x, targets: .classes(labels), task: .classification(classes: 10))
        var config = TrainingConfig()
        config.hidden = [128, 128]
        config.activation = .relu
        config.rates = [0, 0.5, 0.5]
        config.optimizer = .sgd
        config.learningRate = 0.01
        config.batchSize = 32
        config.evalEvery = Int.max
        let trainer = try Trainer(config: config, data: try DataSplit(data, valFraction: 0.1, trainSize: nil, rng: &rng))
        for _ in 0..<20 { _ = trainer.step() }
        let mlp = try #require(trainer.mlp)
        let h = mlp.acts[4]
        #expect(h.rows == 32 && h.cols == 128)
        let nonzero = h.data.filter { $0 != 0 }.count
        #expect(nonzero * 3 <= h.count, "\(nonzero) of \(h.count) non-zero")
    }

    /// A thin `dy` (after ReLU and dropout) takes `dy·Wᵀ` by rows over its non-zero terms
    /// (DenseLayer+ThinProducts.swift); its bits are those of the transposed form's
    /// `(W·dyᵀ)ᵀ` through the dense blocks, as before. Digits' hidden layer and odd sizes.
    @Test(.enabled(if: cpu.avx2FMA, "the kernel runs on AVX2 and FMA"), arguments: [(32, 128, 128), (17, 70, 33), (31, 129, 65)])
    func thinInputGradientGivesTheTransposedFormsBits(_ shape: (Int, Int, Int)) {
        let (batch, inputs, outputs) = shape
        let dy = Self.thinned(batch, outputs, share: 0.25, seed: 61)
        var rng = Xoshiro(seed: 62)
        let layer = DenseLayer(inputs: inputs, outputs: outputs, initialization: .he, rng: &rng)
        let w = layer.weight.value
        var thin = Matrix(rows: 0, cols: 0)
        #expect(layer.thinInputGradient(dy, weights: w, into: &thin))
        // The transposed form as it was: W·dyᵀ by the dense blocks, transposed back.
        var dyT = Matrix(rows: 0, cols: 0), dxT = Matrix(rows: inputs, cols: batch), dx = Matrix(rows: 0, cols: 0)
        Transpose.transpose(dy, into: &dyT)
        #expect(SmallGemm.gemm(w, transposeA: false, dyT, into: &dxT, alpha: 1, beta: 0, path: .dense) == .dense)
        Transpose.transpose(dxT, into: &dx)
        #expect(thin.rows == batch && thin.cols == inputs)
        for i in 0..<dx.count where dx.data[i].bitPattern != thin.data[i].bitPattern {
            Issue.record("element \(i): \(dx.data[i]) and \(thin.data[i])")
            return
        }
        // A dense dy keeps the transposed form.
        var untouched = Matrix(rows: 0, cols: 0)
        #expect(!layer.thinInputGradient(FastPathTests.values(batch, outputs, seed: 63), weights: w, into: &untouched))
        #expect(untouched.count == 0)
    }

    /// The fused SGD step with a thin `dy` and a dense `x` (the first layer): `W − lr·xᵀ·dy` as
    /// `W + (−lr·dyᵀ·x)ᵀ` by rows over `dy`'s non-zero terms has the bits of the dense blocks'
    /// `xᵀ·dy` with α = −lr, β = 1, as before. Digits' first layer and odd sizes (tile edges of
    /// the transposed addition).
    @Test(.enabled(if: cpu.avx2FMA, "the kernel runs on AVX2 and FMA"), arguments: [(32, 64, 128), (19, 67, 70), (33, 100, 129)])
    func thinWeightUpdateGivesTheDenseStepsBits(_ shape: (Int, Int, Int)) {
        let (batch, inputs, outputs) = shape
        let x = FastPathTests.values(batch, inputs, seed: 71)
        let dy = Self.thinned(batch, outputs, share: 0.25, seed: 72)
        var rng = Xoshiro(seed: 73)
        let layer = DenseLayer(inputs: inputs, outputs: outputs, initialization: .he, rng: &rng)
        var dense = layer.weight.value
        #expect(SmallGemm.gemm(x, transposeA: true, dy, into: &dense, alpha: -0.05, beta: 1, path: .dense) == .dense)
        #expect(layer.thinWeightUpdate(x: x, dy: dy, learningRate: 0.05))
        let thin = layer.weight.value
        for i in 0..<dense.count where dense.data[i].bitPattern != thin.data[i].bitPattern {
            Issue.record("element \(i): \(dense.data[i]) and \(thin.data[i])")
            return
        }
        // A thin x keeps the kernel's own choice (rows over xᵀ); a dense dy the plain product.
        let before = layer.weight.value
        #expect(!layer.thinWeightUpdate(x: Self.thinned(batch, inputs, share: 0.2, seed: 74), dy: dy, learningRate: 0.05))
        #expect(!layer.thinWeightUpdate(x: x, dy: FastPathTests.values(batch, outputs, seed: 75), learningRate: 0.05))
        #expect(layer.weight.value == before)
    }
}
