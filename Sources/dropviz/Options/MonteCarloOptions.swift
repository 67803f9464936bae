import ArgumentParser

/// `--mc-samples T [--mc-seed S]`: the Monte Carlo dropout options of `eval` and `predict`.
struct MonteCarloOptions: ParsableArguments {
    @Option(name: .customLong("mc-samples"), parsing: .unconditional, help: "Also run Monte Carlo dropout: T stochastic passes with dropout on.")
    var samples: Int?

    @Option(name: .customLong("mc-seed"), help: "Seed of the Monte Carlo passes' own streams (default: the model's seed).")
    var seed: UInt64?

    func validate() throws {
        if let t = samples, t < 1 || t > 100_000 {
            throw ValidationError("--mc-samples must be between 1 and 100000, got \(t)")
        }
    }
}
