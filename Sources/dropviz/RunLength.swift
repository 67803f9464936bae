import ArgumentParser
import DropoutCore

/// How long to train: `--steps` or `--epochs`, not both.
struct RunLength: ParsableArguments {
    @Option(help: "Training steps (mini-batches) to run (default 3000).")
    var steps: Int?

    @Option(help: "Epochs to run instead of --steps.")
    var epochs: Double?

    func steps(for trainer: Trainer) throws -> Int {
        switch (steps, epochs) {
        case (.some, .some):
            throw DropvizError("--steps and --epochs cannot be combined")
        case (.some(let n), nil):
            guard n >= 0 else { throw DropvizError("--steps must be non-negative, got \(n)") }
            return n
        case (nil, .some(let e)):
            guard e > 0 && e.isFinite else { throw DropvizError("--epochs must be positive, got \(e)") }
            return Int((e * Double(trainer.data.train.count) / Double(trainer.batchSize)).rounded(.up))
        case (nil, nil):
            return 3000
        }
    }
}
