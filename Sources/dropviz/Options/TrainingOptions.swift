import ArgumentParser
import DropoutCore
import Foundation

/// The options of every command that trains (`run`, `train`, `sweep`…).
struct TrainingOptions: ParsableArguments {
    @Option(help: "Data set: a built-in name (see 'dropviz datasets') or a FILE.csv (default moons; digits for --model cnn, sine-seq for --model lstm).")
    var dataset: String?

    @Option(help: "Input features of a 2-D data set, comma-separated (as in TensorFlow Playground): x1, x2, x1^2, x2^2, x1x2, sin(x1), sin(x2) (default x1,x2).")
    var features: String?

    @Option(help: "What a FILE.csv's last column holds: classification (a class label: a whole number or a name) or regression (a real-valued target; several with --targets).")
    var task: DataTask = .classification

    @Option(parsing: .unconditional, help: "Target columns at the end of a regression CSV (--task regression).")
    var targets: Int?

    @Option(help: "Model: mlp (fully connected), cnn (conv 3×3 + 2×2 pooling per conv layer, then the dense layers; image data such as digits) or lstm (an LSTM over a sequence set: adding, sine-seq).")
    var model: ModelKind = .mlp

    @Option(help: "Hidden layer widths, comma-separated (default 128,128; for --model cnn the dense layers after the convolutions, default 64; for --model lstm the LSTM's units, default 16).")
    var hidden: String?

    @Option(help: "Hidden activation: relu, leaky-relu, tanh, sigmoid, identity; one for every hidden layer, or one per hidden layer comma-separated (relu,tanh).")
    var activation: String = "relu"

    @Option(parsing: .unconditional, help: "Dropout rate (drop probability) of every hidden layer (default 0.6 for an MLP, 0.5 for the dense layers of a CNN, 0.25 for an LSTM).")
    var rate: Float?

    @Option(name: .customLong("input-rate"), parsing: .unconditional, help: "Dropout rate of the input layer.")
    var inputRate: Float?

    @Option(help: "Rates of the input then each hidden layer, comma-separated (instead of --rate/--input-rate).")
    var rates: String?

    @Option(help: "Scaling: inverted (x·m/(1-p) in training), vanilla (×(1-p) at eval) or none (no scaling at all: training and evaluation disagree, to show why scaling is needed).")
    var scaling: Scaling = .inverted

    @Option(help: "Dropout variant: bernoulli, gaussian, dropconnect (masks the weights feeding each hidden layer), standout (keep probability σ(α·a+β) per unit). On the input layer dropconnect and standout act as bernoulli. With --model cnn a conv variant (elementwise, spatial, dropblock, maxpool) sets --conv-variant instead.")
    var variant: VariantChoice = .dense(.bernoulli)

    @Option(name: .customLong("rnn-variant"), help: "Recurrent dropout (--model lstm): naive (h[t-1], a fresh mask every step), naive-cell (the cell, a fresh mask every step), rnndrop (cell, one mask per sequence), recurrent (candidate g only), variational (x and h[t-1], one mask per sequence). An rnn name in --variant does the same.")
    var rnnVariant: RecurrentDropoutVariant?

    @Option(name: .customLong("seq-len"), parsing: .unconditional, help: "Steps of a sequence data set (adding, sine-seq; default 20).")
    var seqLen: Int?

    @Option(name: .customLong("conv-variant"), help: "Dropout on the feature maps (--model cnn): elementwise, spatial (whole channels), dropblock (b×b blocks), maxpool (inside the pooling windows).")
    var convVariant: ConvDropoutVariant?

    @Option(name: .customLong("conv-channels"), help: "Channels of each conv layer (--model cnn), comma-separated.")
    var convChannels: String = "8,16"

    @Option(name: .customLong("conv-rate"), parsing: .unconditional, help: "Dropout rate of every conv layer (--model cnn; DropBlock: 1 - keep).")
    var convRate: Float?

    @Option(name: .customLong("conv-rates"), help: "Rates of each conv layer, comma-separated (instead of --conv-rate).")
    var convRates: String?

    @Option(parsing: .unconditional, help: "Kernel side k of the conv layers (--model cnn).")
    var kernel: Int = 3

    @Option(help: "Padding of the conv layers (--model cnn): same or valid.")
    var padding: ConvPadding = .same

    @Option(name: .customLong("block-size"), parsing: .unconditional, help: "DropBlock's block side b (--model cnn).")
    var blockSize: Int = 2

    @Option(name: .customLong("standout-alpha"), parsing: .unconditional, help: "Standout's α in π = σ(α·a + β) (a: the unit's pre-activation).")
    var standoutAlpha: Float = 1

    @Option(name: .customLong("standout-beta"), parsing: .unconditional, help: "Standout's β in π = σ(α·a + β).")
    var standoutBeta: Float = 0

    @Option(name: .customLong("dropconnect-inference"), help: "DropConnect at evaluation: moment-matching (the paper's Gaussian sampling) or mean-field (a(E[M]·W·v)).")
    var dropConnectInference: DropConnectInference = .momentMatching

    @Option(name: .customLong("dropconnect-samples"), parsing: .unconditional, help: "Samples per unit Z of DropConnect's moment-matching inference.")
    var dropConnectSamples: Int = 32

    @Option(help: "Optimiser: sgd, momentum, adam.")
    var optimizer: OptimizerKind = .adam

    @Option(parsing: .unconditional, help: "Learning rate (default 0.001 for an MLP, 0.01 for a CNN or LSTM).")
    var lr: Float?

    @Option(parsing: .unconditional, help: "Examples per step (0 = the whole training set).")
    var batch: Int = 32

    @Option(name: .customLong("train-size"), parsing: .unconditional, help: "Training examples to keep (default: 80 for generated point sets, all for real and sequence sets).")
    var trainSize: Int?

    @Option(name: .customLong("val-fraction"), parsing: .unconditional, help: "Fraction of the examples held out for validation.")
    var valFraction: Double = 0.3

    @Option(parsing: .unconditional, help: "Noise of a generated data set (default: the set's own, 0.35 for moons).")
    var noise: Double?

    @Option(parsing: .unconditional, help: "Seed of every random stream (data, weights, batch order, masks).")
    var seed: UInt64 = 1

    @Option(name: .customLong("eval-every"), parsing: .unconditional, help: "Steps between evaluations on the full training and validation sets (default 100; 20 in the visualizer).")
    var evalEvery: Int?

    @Option(name: .customLong("weight-decay"), parsing: .unconditional, help: "L2 penalty λ on the weights.")
    var weightDecay: Float = 0

    @Option(parsing: .unconditional, help: "L1 penalty λ on the weights.")
    var l1: Float = 0

    @Option(name: .customLong("max-memory"), help: "Refuse a network whose estimated memory is above this (e.g. 512M, 4G; default: the machine's memory).")
    var maxMemory: String?

    /// Runs at parsing, before anything is built: the limit applies to every trainer made.
    mutating func validate() throws {
        try validateModelKind()
        if let text = maxMemory {
            guard let bytes = MemoryEstimate.parse(text) else {
                throw DropvizError("--max-memory: '\(text)' is not a size (like 512M or 4G)")
            }
            MemoryEstimate.setUserLimit(bytes)
        }
    }

    /// The configuration these options describe, or an error naming the bad option.
    /// The default scenario's Adam step and hidden rate, chosen by measurement: on moons σ0.35
    /// with 80 points and 128,128 units, at 3000 steps over 10 seeds the p = 0 twin's final
    /// validation loss is 3.5× the dropout network's (at least 2.35× on every seed), and the
    /// dropout network ends at 1.4× its own best (README, "The default scenario").
    static let mlpLearningRate: Float = 0.001, mlpRate: Float = 0.6

    func config(defaultEvalEvery: Int = 100) throws -> TrainingConfig {
        var c = TrainingConfig()
        let kind = model
        // An LSTM needs sequences and a CNN images: without --dataset each gets one rather
        // than an error.
        let dataset = self.dataset ?? (kind == .lstm ? "sine-seq" : kind == .cnn ? "digits" : "moons")
        c.dataset = dataset
        c.noise = noise
        c.trainSize = trainSize ?? TrainingConfig.defaultTrainSize(for: dataset)
        c.sequenceLength = seqLen
        c.regressionTargets = try regressionTargets()
        c.valFraction = valFraction
        c.hidden = try hidden.map { try Parse.integers($0, option: "--hidden") }
            ?? (kind == .cnn ? ConvSettings.defaultHidden : kind == .lstm ? LSTMSettings.defaultHidden : [128, 128])
        c.activations = try activation.split(separator: ",", omittingEmptySubsequences: false)
            .map { try Parse.choice($0.trimmingCharacters(in: .whitespaces), option: "--activation") }
        let depth = c.hidden.count
        if let r = rates {
            if rate != nil || inputRate != nil {
                throw DropvizError("--rates cannot be combined with --rate or --input-rate")
            }
            c.rates = try Parse.floats(r, option: "--rates")
        } else {
            c.rates = [inputRate ?? 0] + Array(repeating: rate ?? (kind == .lstm ? LSTMSettings.defaultRate : kind == .mlp ? Self.mlpRate : 0.5), count: depth)
        }
        if rates != nil {
            for p in c.rates { try checkRate(p, flag: "--rates") }
        } else {
            try checkRate(c.rates[0], flag: "--input-rate")
            for p in c.rates.dropFirst() { try checkRate(p, flag: "--rate") }
        }
        c.scaling = scaling
        try applyVariants(&c, kind: kind)
        c.standoutAlpha = standoutAlpha
        c.standoutBeta = standoutBeta
        c.dropConnectInference = dropConnectInference
        c.dropConnectSamples = dropConnectSamples
        c.optimizer = optimizer
        c.learningRate = lr ?? (kind == .mlp ? Self.mlpLearningRate : 0.01)
        c.batchSize = batch
        c.seed = seed
        c.evalEvery = evalEvery ?? defaultEvalEvery
        c.weightDecay = weightDecay
        c.l1 = l1
        c.inputFeatures = try features.map(InputFeature.parse)
        try c.validate()
        return c
    }
}

extension TrainingOptions {
    /// `--variant` names a dense variant or, for a CNN, a conv variant (the model kinds were
    /// checked in `validateModelKind`).
    func applyVariants(_ c: inout TrainingConfig, kind: ModelKind) throws {
        if case .dense(let v) = variant { c.variant = v }
        try applyRecurrent(&c, kind: kind)
        guard kind == .cnn else { return }
        var conv = ConvSettings()
        conv.channels = try Parse.integers(convChannels, option: "--conv-channels")
        var choice: ConvDropoutVariant? = nil
        if case .conv(let v) = variant { choice = v }
        conv.variant = convVariant ?? choice ?? conv.variant
        if let r = convRates {
            if convRate != nil { throw DropvizError("--conv-rates cannot be combined with --conv-rate") }
            conv.rates = try Parse.floats(r, option: "--conv-rates")
        } else {
            conv.rates = Array(repeating: convRate ?? conv.rates[0], count: conv.channels.count)
        }
        conv.kernel = kernel
        conv.padding = padding
        conv.blockSize = blockSize
        c.model = .cnn(conv)
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

    /// Still used by `--activation`, a String because it is becoming a list (one per layer).
    static func choice<T: RawRepresentable & CaseIterable>(_ s: String, option: String) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: s.lowercased()) else {
            let known = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw DropvizError("\(option): unknown value '\(s)' (one of: \(known))")
        }
        return v
    }
}
