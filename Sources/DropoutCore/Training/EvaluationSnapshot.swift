/// A trainer's model as plain values (settings, data, weights), to rebuild on another thread
/// for evaluation while the original goes on training: the visualizer computes its slow panels
/// (a decision boundary over thousands of grid points) on the second core from one.
///
/// Eval mode reads the weights and the settings in `TrainingConfig` (rates, scaling, variant,
/// standout and DropConnect inference), and nothing else of the training state, so the rebuilt
/// model predicts exactly what the original did when the snapshot was taken.
public struct EvaluationSnapshot: Sendable {
    public let config: TrainingConfig
    public let data: DataSplit
    public let weights: [Matrix]
    /// The training step the weights are from.
    public let step: Int

    public init(_ trainer: Trainer) {
        config = trainer.config
        data = trainer.data
        weights = trainer.model.parameters.map(\.value)
        step = trainer.currentStep
    }

    /// A trainer at the snapshot's weights (its optimiser and generators are fresh: use it
    /// to evaluate, not to train on).
    public func makeTrainer() throws -> Trainer {
        let t = try Trainer(config: config, data: data)
        let parameters = t.model.parameters
        guard parameters.count == weights.count else { throw DropvizError("snapshot: the model does not match its weights") }
        for (p, w) in zip(parameters, weights) {
            guard p.value.rows == w.rows && p.value.cols == w.cols else { throw DropvizError("snapshot: the model does not match its weights") }
            p.value = w
        }
        return t
    }
}
