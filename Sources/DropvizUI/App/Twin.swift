import DropoutCore

/// The same-seed twin: a second network on the very same data, with the same initial weights
/// and batch order (same seed, separate streams) but its own rates, stepped in lock-step.
extension AppState {
    /// Creates the twin and restarts both networks at step 0, so that they stay in lock-step.
    public mutating func startTwin() throws {
        var c = trainer.config
        for i in 1..<c.rates.count { c.rates[i] = twinRate }
        trainer.reset()
        twin = try Trainer(config: c, data: trainer.data)
        twin?.recordsCheckpoints = true
    }

    public mutating func stopTwin() {
        twin = nil
    }

    /// Label of the twin in legends: its hidden rate.
    public var twinLabel: String {
        guard let t = twin else { return "" }
        // The configuration's first hidden rate: a dense layer's, or an LSTM's recurrent rate.
        let p = t.config.rates.count > 1 ? t.config.rates[1] : 0
        return tr(.twinLabel, String(format: "%.2g", p))
    }

    /// The step with the lowest validation loss so far: the early-stopping point.
    public static func bestValidationStep(_ t: Trainer) -> (step: Int, loss: Double)? {
        t.history.valLoss.points.filter(\.value.isFinite).min { $0.value < $1.value }.map { ($0.step, $0.value) }
    }
}

import Foundation
