/// How Bernoulli dropout keeps the expected activation the same in training and at evaluation.
public enum Scaling: String, Codable, CaseIterable, Sendable {
    /// Train `x·m/(1-p)`, evaluate `x` (PyTorch, Keras).
    case inverted
    /// Train `x·r`, evaluate `(1-p)·x` (the original paper).
    case vanilla
    /// Train `x·r`, evaluate `x`: the deliberate mistake the app uses to show why scaling is needed.
    case none

    /// The multiplier of a kept unit in training.
    public func keptScale(rate p: Float) -> Float {
        self == .inverted ? 1 / (1 - p) : 1
    }

    /// The multiplier of every unit at evaluation.
    public func evalScale(rate p: Float) -> Float {
        self == .vanilla ? 1 - p : 1
    }
}
