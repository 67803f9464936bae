/// Loss and accuracy on the full training and validation sets, in eval mode.
public struct Evaluation: Sendable, Equatable, Codable {
    public var step: Int
    public var trainLoss: Float
    public var valLoss: Float
    /// Fractions in [0, 1]; nil for regression.
    public var trainAccuracy: Float?
    public var valAccuracy: Float?
}

/// What one training step did.
public struct StepReport: Sendable {
    /// The step number after this step (1 for the first step).
    public var step: Int
    public var epoch: Double
    /// The mini-batch loss in train mode (dropout on).
    public var batchLoss: Float
    /// Set when this step was an evaluation step.
    public var evaluation: Evaluation?
    /// True when the loss became NaN or infinite: the trainer stops stepping.
    public var diverged: Bool
}
