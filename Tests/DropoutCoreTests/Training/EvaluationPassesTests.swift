import Testing
@testable import DropoutCore

/// Evaluations of large sets run in passes (Trainer+EvaluationPasses.swift): the same output
/// as one pass up to rounding; one pass, exactly, for small sets and DropConnect's moment
/// matching (whose draws follow the rows).
@Suite struct EvaluationPassesTests {
    /// 3 × 8,192 + 100 rows of 3 features, 2 classes.
    func trainer(_ variant: DropoutVariant) throws -> Trainer {
        let n = 3 * Trainer.evaluationRowsPerPass + 100
        var rng = Xoshiro(seed: 11)
        var x = Matrix(rows: n, cols: 3)
        for i in 0..<x.count { x.data[i] = Float(rng.normal()) }
        let labels = (0..<n).map { x[$0, 0] + x[$0, 1] > 0 ? 1 : 0 }
        let data = Dataset(name: "big", features: x, targets: .classes(labels), task: .classification(classes: 2))
        var c = TrainingConfig()
        c.hidden = [16, 8]
        c.rates = [0, 0.5, 0.5]
        c.variant = variant
        c.dropConnectSamples = 4
        var split = Xoshiro(seed: 3)
        let t = try Trainer(config: c, data: try DataSplit(data, valFraction: 0.2, trainSize: nil, rng: &split))
        for _ in 0..<30 { t.step() }
        return t
    }

    @Test func passesGiveOnePassOutput() throws {
        let t = try trainer(.bernoulli)
        let x = t.data.train.features
        #expect(x.rows > Trainer.evaluationRowsPerPass)
        let whole = t.model.predict(x)
        let passes = t.evaluationOutput(x)
        #expect(passes.rows == whole.rows && passes.cols == whole.cols)
        var worst: Float = 0
        for i in 0..<whole.count { worst = max(worst, abs(passes.data[i] - whole.data[i]) / max(1, abs(whole.data[i]))) }
        #expect(worst <= 1e-5)
        // Small sets: one pass, the very same numbers.
        let small = Matrix(rows: 50, cols: 3, data: Array(x.data[0..<150]))
        #expect(t.evaluationOutput(small) == t.model.predict(small))
    }

    @Test func dropConnectMomentMatchingStaysInOnePass() throws {
        let t = try trainer(.dropconnect)
        #expect(t.config.dropConnectInference == .momentMatching)
        let x = t.data.train.features
        #expect(t.evaluationOutput(x) == t.model.predict(x))
    }

    /// The memory check counts one pass's activations, not the whole set's, where evaluation
    /// runs in passes: the same network on the same data needs less than under DropConnect's
    /// moment matching by about the activations of the rows beyond a pass.
    @Test func theMemoryEstimateCountsOnePass() throws {
        let passes = try trainer(.bernoulli), whole = try trainer(.dropconnect)
        let a = MemoryEstimate.bytes(passes.config, data: passes.data)
        let b = MemoryEstimate.bytes(whole.config, data: whole.data)
        // Activations a row: (3 + 16 + 8 + 2) widths × 4 copies × 4 bytes; DropConnect also
        // keeps two more copies of its 3·16 + 16·8 + 8·2 + 26 parameters.
        let perRow = Double((3 + 16 + 8 + 2) * 4 * 4)
        let rowsBeyond = Double(passes.data.train.count - Trainer.evaluationRowsPerPass)
        let parameters = Double(3 * 16 + 16 + 16 * 8 + 8 + 8 * 2 + 2) * 2 * 4
        #expect(abs((b - a) - (rowsBeyond * perRow + parameters)) < 1)
    }
}
