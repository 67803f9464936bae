extension Trainer {
    /// Rows an evaluation pass takes at most. An evaluation of a whole large set at once kept
    /// every layer's activations for every row (a 412,000-row CSV through two 128-wide layers:
    /// about 1 GB, held until the end); in passes it keeps one pass's. Sets of up to this
    /// many rows (every built-in one but Fashion-MNIST) are evaluated in one pass, as before.
    static let evaluationRowsPerPass = 8192

    /// Whether evaluation runs in passes: an MLP, whose rows are independent, except under
    /// DropConnect's moment matching, whose draws follow each example's row in the pass (it
    /// stays in one pass, so its numbers do not depend on the pass size).
    static func evaluatesInPasses(_ config: TrainingConfig) -> Bool {
        let rowBound = config.variant == .dropconnect && config.dropConnectInference == .momentMatching
        return config.conv == nil && config.lstm == nil && !rowBound
    }

    /// The rows an evaluation of `rows` examples holds activations for at once (MemoryEstimate).
    static func evaluationRows(_ config: TrainingConfig, rows: Int) -> Int {
        evaluatesInPasses(config) ? min(rows, evaluationRowsPerPass) : rows
    }

    /// The model's evaluation output on `x`, in passes where `evaluatesInPasses`.
    func evaluationOutput(_ x: Matrix) -> Matrix {
        guard x.rows > Self.evaluationRowsPerPass, let mlp, Self.evaluatesInPasses(config) else { return model.predict(x) }
        return mlp.predict(x, rowsPerPass: Self.evaluationRowsPerPass)
    }
}
