import Foundation

/// Generated sequence data sets that need memory, in the dense layout (a row per sequence,
/// `T·D` columns, time-major: step t's features are columns `t·D ..< (t+1)·D`).
public enum SequenceDatasets {
    /// Sequence length when `--seq-len` is not given.
    public static let defaultLength = 20
    /// Longer sequences make a training step too slow to watch.
    public static let maxLength = 200

    /// The adding problem (Hochreiter & Schmidhuber 1997): two channels per step, a random value
    /// `v_t ~ U[0,1)` and a marker that is 1 at two steps (one in each half of the sequence) and
    /// 0 elsewhere; the target is the sum of the two marked values (plus `noise`·N(0,1)).
    /// Predicting the mean (1) gives MSE ≈ 1/6 + noise²; a model has to remember the first marked
    /// value for up to T steps to do better.
    public static func adding(count n: Int, length T: Int, noise: Double, rng: inout Xoshiro) -> Dataset {
        precondition(T >= 2, "the adding problem needs at least 2 steps")
        var x = Matrix(rows: n, cols: 2 * T)
        var y = Matrix(rows: n, cols: 1)
        let half = T / 2
        for r in 0..<n {
            for t in 0..<T { x[r, 2 * t] = rng.uniform() }
            let a = rng.below(half), b = half + rng.below(T - half)
            x[r, 2 * a + 1] = 1
            x[r, 2 * b + 1] = 1
            y[r, 0] = x[r, 2 * a] + x[r, 2 * b] + Float(noise * Double(rng.normal()))
        }
        let names = (0..<T).flatMap { ["v\($0)", "marker\($0)"] }
        return Dataset(name: "adding", features: x, targets: .values(y), task: .regression(outputs: 1), featureNames: names)
    }

    /// Steps ahead that `sineSequence` predicts.
    public static let sineHorizon = 3

    /// A sine of random frequency and phase, observed with noise; the target at every step is the
    /// clean sine `k` steps ahead: `x_t = sin(ωt + φ) + noise·N(0,1)`, `y_t = sin(ω(t+k) + φ)`,
    /// `ω ~ U[0.15, 0.45)` radians a step, `φ ~ U[0, 2π)`. One noisy sample says nothing of the
    /// phase or the frequency: the model has to integrate the past steps.
    public static func sineSequence(count n: Int, length T: Int, noise: Double, rng: inout Xoshiro) -> Dataset {
        let k = sineHorizon
        var x = Matrix(rows: n, cols: T)
        var y = Matrix(rows: n, cols: T)
        for r in 0..<n {
            let omega = 0.15 + 0.3 * rng.uniformDouble()
            let phi = 2 * Double.pi * rng.uniformDouble()
            for t in 0..<T {
                x[r, t] = Float(sin(omega * Double(t) + phi) + noise * Double(rng.normal()))
                y[r, t] = Float(sin(omega * Double(t + k) + phi))
            }
        }
        return Dataset(name: "sine-seq", features: x, targets: .values(y), task: .regression(outputs: T),
                       featureNames: (0..<T).map { "x\($0)" })
    }

    /// Features per time step of a sequence set (nil for the others).
    public static func stepWidth(_ name: String) -> Int? {
        switch name {
        case "adding": return 2
        case "sine-seq": return 1
        default: return nil
        }
    }

    /// How an LSTM reads a sequence set out: one answer per sequence or one per step.
    public static func readout(_ name: String) -> SequenceReadout {
        name == "sine-seq" ? .everyStep : .last
    }
}
