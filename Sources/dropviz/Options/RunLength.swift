import ArgumentParser
import DropoutCore

/// How long to train: `--steps` or `--epochs`, not both.
struct RunLength: ParsableArguments {
    @Option(parsing: .unconditional, help: "Training steps (mini-batches) to run (default 3000).")
    var steps: Int?

    @Option(parsing: .unconditional, help: "Epochs to run instead of --steps.")
    var epochs: Double?

    func steps(for trainer: Trainer) throws -> Int {
        switch (steps, epochs) {
        case (.some, .some):
            throw DropvizError("--steps and --epochs cannot be combined")
        case (.some(let n), nil):
            guard n >= 0 && n <= TrainingConfig.maxSteps else {
                throw DropvizError("--steps must be between 0 and \(TrainingConfig.maxSteps), got \(n)")
            }
            return n
        case (nil, .some(let e)):
            guard e > 0 && e.isFinite else { throw DropvizError("--epochs must be positive, got \(e)") }
            // Checked as a Double: converting 1e300 to Int would trap.
            let steps = (e * Double(trainer.data.train.count) / Double(trainer.batchSize)).rounded(.up)
            guard steps <= Double(TrainingConfig.maxSteps) else {
                throw DropvizError("--epochs \(e) means more than \(TrainingConfig.maxSteps) steps, the maximum")
            }
            return Int(steps)
        case (nil, nil):
            return 3000
        }
    }
}
