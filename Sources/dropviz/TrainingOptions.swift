import ArgumentParser
import DropoutCore
import Foundation

/// The options of every command that trains (`run`, `train`, `sweep`…).
struct TrainingOptions: ParsableArguments {
    @Option(help: "Data set: a built-in name (see 'dropviz datasets') or a FILE.csv.")
    var dataset: String = "moons"

    @Option(help: "Hidden layer widths, comma-separated.")
    var hidden: String = "128,128"

    @Option(help: "Hidden activation: relu, leaky-relu, tanh, sigmoid, identity.")
    var activation: String = "relu"

    @Option(help: "Dropout rate (drop probability) of every hidden layer.")
    var rate: Float?

    @Option(name: .customLong("input-rate"), help: "Dropout rate of the input layer.")
    var inputRate: Float?

    @Option(help: "Rates of the input then each hidden layer, comma-separated (instead of --rate/--input-rate).")
    var rates: String?

    @Option(help: "Scaling: inverted (x·m/(1-p) in training) or vanilla (×(1-p) at eval).")
    var scaling: String = "inverted"

    @Option(help: "Dropout variant: bernoulli, gaussian, dropconnect (masks the weights feeding each hidden layer), standout (keep probability σ(α·a+β) per unit). On the input layer dropconnect and standout act as bernoulli.")
    var variant: String = "bernoulli"

    @Option(name: .customLong("standout-alpha"), help: "Standout's α in π = σ(α·a + β) (a: the unit's pre-activation).")
    var standoutAlpha: Float = 1

    @Option(name: .customLong("standout-beta"), help: "Standout's β in π = σ(α·a + β).")
    var standoutBeta: Float = 0

    @Option(name: .customLong("dropconnect-inference"), help: "DropConnect at evaluation: moment-matching (the paper's Gaussian sampling) or mean-field (a(E[M]·W·v)).")
    var dropConnectInference: String = "moment-matching"

    @Option(name: .customLong("dropconnect-samples"), help: "Samples per unit Z of DropConnect's moment-matching inference.")
    var dropConnectSamples: Int = 32

    @Option(help: "Optimiser: sgd, momentum, adam.")
    var optimizer: String = "adam"

    @Option(help: "Learning rate.")
    var lr: Float = 0.01

    @Option(help: "Examples per step (0 = the whole training set).")
    var batch: Int = 32

    @Option(name: .customLong("train-size"), help: "Training examples to keep (default: 80 for generated data sets, all for real ones).")
    var trainSize: Int?

    @Option(name: .customLong("val-fraction"), help: "Fraction of the examples held out for validation.")
    var valFraction: Double = 0.3

    @Option(help: "Noise of a generated data set (default: the set's own, 0.35 for moons).")
    var noise: Double?

    @Option(help: "Seed of every random stream (data, weights, batch order, masks).")
    var seed: UInt64 = 1

    @Option(name: .customLong("eval-every"), help: "Steps between evaluations on the full training and validation sets (default 100; 20 in the visualizer).")
    var evalEvery: Int?

    @Option(name: .customLong("weight-decay"), help: "L2 penalty λ on the weights.")
    var weightDecay: Float = 0

    @Option(help: "L1 penalty λ on the weights.")
    var l1: Float = 0

    /// The configuration these options describe, or an error naming the bad option.
    func config(defaultEvalEvery: Int = 100) throws -> TrainingConfig {
        var c = TrainingConfig()
        c.dataset = dataset
        c.noise = noise
        let generated = DatasetCatalog.entry(dataset)?.isGenerated ?? false
        c.trainSize = trainSize ?? (generated ? 80 : nil)
        c.valFraction = valFraction
        c.hidden = try Parse.integers(hidden, option: "--hidden")
        c.activation = try Parse.choice(activation, option: "--activation")
        let depth = c.hidden.count
        if let r = rates {
            if rate != nil || inputRate != nil {
                throw DropvizError("--rates cannot be combined with --rate or --input-rate")
            }
            c.rates = try Parse.floats(r, option: "--rates")
        } else {
            c.rates = [inputRate ?? 0] + Array(repeating: rate ?? 0.5, count: depth)
        }
        if rates != nil {
            for p in c.rates { try TrainingConfig.checkRate(p, option: "--rates") }
        } else {
            try TrainingConfig.checkRate(c.rates[0], option: "--input-rate")
            for p in c.rates.dropFirst() { try TrainingConfig.checkRate(p, option: "--rate") }
        }
        c.scaling = try Parse.choice(scaling, option: "--scaling")
        c.variant = try Parse.choice(variant, option: "--variant")
        c.standoutAlpha = standoutAlpha
        c.standoutBeta = standoutBeta
        c.dropConnectInference = try Parse.choice(dropConnectInference, option: "--dropconnect-inference")
        c.dropConnectSamples = dropConnectSamples
        c.optimizer = try Parse.choice(optimizer, option: "--optimizer")
        c.learningRate = lr
        c.batchSize = batch
        c.seed = seed
        c.evalEvery = evalEvery ?? defaultEvalEvery
        c.weightDecay = weightDecay
        c.l1 = l1
        try c.validate()
        return c
    }
}

/// Turns option strings into values, with errors that name the option.
enum Parse {
    static func integers(_ s: String, option: String) throws -> [Int] {
        let parts = s.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return try parts.map { part in
            guard let v = Int(part) else { throw DropvizError("\(option): '\(part)' is not a whole number") }
            guard v >= 1 else { throw DropvizError("\(option): a layer width must be at least 1, got \(v)") }
            return v
        }
    }

    static func floats(_ s: String, option: String) throws -> [Float] {
        let parts = s.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return try parts.map { part in
            guard let v = Float(part) else { throw DropvizError("\(option): '\(part)' is not a number") }
            return v
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ s: String, option: String) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: s.lowercased()) else {
            let known = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw DropvizError("\(option): unknown value '\(s)' (one of: \(known))")
        }
        return v
    }
}
