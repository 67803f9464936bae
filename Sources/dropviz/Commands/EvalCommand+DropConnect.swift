import DropoutCore

extension EvalCommand {
    /// `eval --dropconnect-samples Z`: moment matching with Z samples per unit instead of the
    /// model's own, checked like the training option.
    func applyDropConnectSamples(_ trainer: Trainer) throws {
        guard let z = dropConnectSamples else { return }
        guard z >= 1 && z <= TrainingConfig.maxDropConnectSamples else {
            throw DropvizError("--dropconnect-samples must be between 1 and \(TrainingConfig.maxDropConnectSamples), got \(z)")
        }
        for d in trainer.model.denseDropout { d.inferenceSamples = z }
    }
}
