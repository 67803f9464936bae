/// Everything that defines a run: the data, the network, the dropout, the optimiser and the
/// seed. Saved in model files and shared between the commands and the visualizer.
public struct TrainingConfig: Codable, Equatable, Sendable {
    public var dataset: String = "moons"
    /// Noise of a generated data set; nil for the set's default.
    public var noise: Double? = nil
    /// Training examples kept after the split; nil keeps them all.
    public var trainSize: Int? = nil
    public var valFraction: Double = 0.3
    public var hidden: [Int] = [128, 128]
    /// The hidden layers' activations: one for all, or one per hidden layer.
    public var activations: [Activation] = [.relu]
    /// Drop rates: the input layer first, then each hidden layer.
    public var rates: [Float] = [0, 0.5, 0.5]
    public var scaling: Scaling = .inverted
    public var variant: DropoutVariant = .bernoulli
    /// Standout's `π = σ(α·a + β)` (see Standout.swift for the defaults).
    public var standoutAlpha: Float = 1
    public var standoutBeta: Float = 0
    /// How DropConnect evaluates, and `Z`, the samples per unit of moment matching.
    public var dropConnectInference: DropConnectInference = .momentMatching
    public var dropConnectSamples: Int = 32
    public var optimizer: OptimizerKind = .adam
    public var learningRate: Float = 0.01
    /// Examples per step; 0 means the whole training set.
    public var batchSize: Int = 32
    public var weightDecay: Float = 0
    public var l1: Float = 0
    public var seed: UInt64 = 1
    /// The seed of the data stream when it differs from `seed` (a new seed in the visualizer
    /// keeps the data); nil means `seed`.
    public var dataSeed: UInt64? = nil
    /// Steps between two evaluations on the full training and validation sets.
    public var evalEvery: Int = 100
    /// The kind of model and the settings only it has (ModelSpec.swift).
    public var model: ModelSpec = .mlp
    /// The convolutional layers of a `--model cnn` run (ConvSettings.swift); nil for the others.
    /// Read-only: set `model`. Left out of MLP model files, which stay as they were.
    public var conv: ConvSettings? { model.conv }
    /// The recurrent settings of a `--model lstm` run (LSTMSettings.swift); nil for the others.
    /// Read-only: set `model`.
    public var lstm: LSTMSettings? { model.lstm }
    /// Steps of a sequence data set (`adding`, `sine-seq`); nil for the default
    /// (`SequenceDatasets.defaultLength`). Left out of files when nil.
    public var sequenceLength: Int? = nil
    /// A CSV data set of real-valued targets: its last `K` columns (`--task regression
    /// --targets K`); nil for a CSV of class labels. Left out of files when nil.
    public var regressionTargets: Int? = nil
    /// The network's inputs as functions of a 2-D set's points (`--features`,
    /// InputFeatures.swift); nil for the data's own features (x1,x2 on a 2-D set). Left out of
    /// files when nil.
    public var inputFeatures: [InputFeature]? = nil

    public init() {}

    /// The first hidden layer's activation (every layer's when there is one); setting it
    /// gives every hidden layer that activation.
    public var activation: Activation {
        get { activations.first ?? .relu }
        set { activations = [newValue] }
    }

    /// The activation of hidden layer `k` (0-based).
    public func activation(ofLayer k: Int) -> Activation {
        activations.count == 1 ? activation : activations[k]
    }

    /// `relu`, or `relu,tanh` for one per layer: what `--activation` and the state string take.
    public var activationList: String { activations.map(\.rawValue).joined(separator: ",") }

    /// The largest rate accepted: at p → 1 nothing is kept and inverted scaling divides by ~0.
    public static let maxRate: Float = 0.95
    /// The most training steps a command, a state string or a model file may ask for: ten
    /// million steps of the smallest network already take hours.
    public static let maxSteps = 10_000_000
    /// Moment matching costs `Z` activations per unit and example at every evaluation.
    public static let maxDropConnectSamples = 10_000

    /// Checks every value a user can get wrong; a `SettingError` says which setting (the
    /// command line names it by its flag).
    public func validate() throws {
        guard !hidden.isEmpty else { throw SettingError(.hidden, value: "", "needs at least one layer width") }
        for h in hidden where h < 1 {
            throw SettingError(.hidden, value: h, ": a layer width must be at least 1, got \(h)")
        }
        guard activations.count == 1 || activations.count == hidden.count else {
            let counts = hidden.count == 1 ? "1 value (one hidden layer)" : "1 value (every hidden layer) or \(hidden.count) (one per hidden layer)"
            throw SettingError(.activation, value: activations.count, "needs \(counts), got \(activations.count)")
        }
        guard rates.count == hidden.count + 1 else {
            throw SettingError(.rates, value: rates.count, "needs \(hidden.count + 1) values (the input, then each of the \(hidden.count) hidden layers), got \(rates.count)")
        }
        for p in rates { try Self.checkRate(p) }
        guard learningRate > 0 && learningRate.isFinite else {
            throw SettingError(.learningRate, value: learningRate, "must be a positive number, got \(learningRate)")
        }
        guard batchSize >= 0 else { throw SettingError(.batchSize, value: batchSize, "must be 0 (full batch) or positive, got \(batchSize)") }
        guard weightDecay >= 0 && weightDecay.isFinite else { throw SettingError(.weightDecay, value: weightDecay, "must be non-negative, got \(weightDecay)") }
        guard l1 >= 0 && l1.isFinite else { throw SettingError(.l1, value: l1, "must be non-negative, got \(l1)") }
        guard standoutAlpha.isFinite else { throw SettingError(.standoutAlpha, value: standoutAlpha, "must be a finite number, got \(standoutAlpha)") }
        guard standoutBeta.isFinite else { throw SettingError(.standoutBeta, value: standoutBeta, "must be a finite number, got \(standoutBeta)") }
        guard dropConnectSamples >= 1 && dropConnectSamples <= Self.maxDropConnectSamples else {
            throw SettingError(.dropConnectSamples, value: dropConnectSamples, "must be between 1 and \(Self.maxDropConnectSamples), got \(dropConnectSamples)")
        }
        guard evalEvery >= 1 else { throw SettingError(.evalEvery, value: evalEvery, "must be at least 1, got \(evalEvery)") }
        try validateDataTask()
        try conv?.validate()
        try validateRecurrent()
        if let f = inputFeatures { try InputFeature.validate(f) }
        guard valFraction > 0 && valFraction < 1 else {
            throw SettingError(.valFraction, value: valFraction, "must be between 0 and 1 (exclusive), got \(valFraction)")
        }
        if let n = noise {
            guard n >= 0 && n.isFinite else { throw SettingError(.noise, value: n, "must be non-negative, got \(n)") }
            if let e = DatasetCatalog.entry(dataset), !e.isGenerated {
                throw SettingError(.noise, value: n, "applies to generated data sets only, not to '\(dataset)'")
            }
            if DatasetCatalog.isFile(dataset) {
                throw SettingError(.noise, value: n, "applies to generated data sets only, not to a CSV file")
            }
        }
    }

    /// A dropout rate in [0, `maxRate`]; `setting` says which rate the error is about.
    public static func checkRate(_ p: Float, setting: SettingError.Setting = .rate) throws {
        guard p.isFinite && p >= 0 && p < 1 else {
            throw SettingError(setting, value: p, "must be in [0, 1), got \(p)")
        }
        guard p <= maxRate else {
            throw SettingError(setting, value: p, "\(p) is above the maximum \(maxRate): almost nothing would be kept")
        }
    }
}

extension TrainingConfig {
    private enum CodingKeys: String, CodingKey {
        case dataset, noise, trainSize, valFraction, hidden, activation, activations, rates, scaling, variant
        case standoutAlpha, standoutBeta, dropConnectInference, dropConnectSamples
        case optimizer, learningRate, batchSize, weightDecay, l1, seed, dataSeed, evalEvery
        case conv, lstm, sequenceLength, regressionTargets
        case inputFeatures
    }

    /// One activation is written as `activation`, as always; a list as `activations` (with
    /// `activation` its first, for readers that look there).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dataset, forKey: .dataset)
        try c.encodeIfPresent(noise, forKey: .noise)
        try c.encodeIfPresent(trainSize, forKey: .trainSize)
        try c.encode(valFraction, forKey: .valFraction)
        try c.encode(hidden, forKey: .hidden)
        try c.encode(activation, forKey: .activation)
        if activations.count > 1 { try c.encode(activations, forKey: .activations) }
        try c.encode(rates, forKey: .rates)
        try c.encode(scaling, forKey: .scaling)
        try c.encode(variant, forKey: .variant)
        try c.encode(standoutAlpha, forKey: .standoutAlpha)
        try c.encode(standoutBeta, forKey: .standoutBeta)
        try c.encode(dropConnectInference, forKey: .dropConnectInference)
        try c.encode(dropConnectSamples, forKey: .dropConnectSamples)
        try c.encode(optimizer, forKey: .optimizer)
        try c.encode(learningRate, forKey: .learningRate)
        try c.encode(batchSize, forKey: .batchSize)
        try c.encode(weightDecay, forKey: .weightDecay)
        try c.encode(l1, forKey: .l1)
        try c.encode(seed, forKey: .seed)
        try c.encodeIfPresent(dataSeed, forKey: .dataSeed)
        try c.encode(evalEvery, forKey: .evalEvery)
        try c.encodeIfPresent(conv, forKey: .conv)
        try c.encodeIfPresent(lstm, forKey: .lstm)
        try c.encodeIfPresent(sequenceLength, forKey: .sequenceLength)
        try c.encodeIfPresent(regressionTargets, forKey: .regressionTargets)
        try c.encodeIfPresent(inputFeatures, forKey: .inputFeatures)
    }

    /// Model files of format version 1 written before the standout and DropConnect settings
    /// existed lack those keys: they decode with the defaults. Every older key stays required.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        dataset = try c.decode(String.self, forKey: .dataset)
        noise = try c.decodeIfPresent(Double.self, forKey: .noise)
        trainSize = try c.decodeIfPresent(Int.self, forKey: .trainSize)
        valFraction = try c.decode(Double.self, forKey: .valFraction)
        hidden = try c.decode([Int].self, forKey: .hidden)
        activations = try c.decodeIfPresent([Activation].self, forKey: .activations) ?? [c.decode(Activation.self, forKey: .activation)]
        rates = try c.decode([Float].self, forKey: .rates)
        scaling = try c.decode(Scaling.self, forKey: .scaling)
        variant = try c.decode(DropoutVariant.self, forKey: .variant)
        standoutAlpha = try c.decodeIfPresent(Float.self, forKey: .standoutAlpha) ?? standoutAlpha
        standoutBeta = try c.decodeIfPresent(Float.self, forKey: .standoutBeta) ?? standoutBeta
        dropConnectInference = try c.decodeIfPresent(DropConnectInference.self, forKey: .dropConnectInference) ?? dropConnectInference
        dropConnectSamples = try c.decodeIfPresent(Int.self, forKey: .dropConnectSamples) ?? dropConnectSamples
        optimizer = try c.decode(OptimizerKind.self, forKey: .optimizer)
        learningRate = try c.decode(Float.self, forKey: .learningRate)
        batchSize = try c.decode(Int.self, forKey: .batchSize)
        weightDecay = try c.decode(Float.self, forKey: .weightDecay)
        l1 = try c.decode(Float.self, forKey: .l1)
        seed = try c.decode(UInt64.self, forKey: .seed)
        dataSeed = try c.decodeIfPresent(UInt64.self, forKey: .dataSeed)
        evalEvery = try c.decode(Int.self, forKey: .evalEvery)
        // The two fields files have always had; both at once is a SettingError (ModelSpec.swift).
        model = try ModelSpec(conv: c.decodeIfPresent(ConvSettings.self, forKey: .conv),
                              lstm: c.decodeIfPresent(LSTMSettings.self, forKey: .lstm))
        sequenceLength = try c.decodeIfPresent(Int.self, forKey: .sequenceLength)
        regressionTargets = try c.decodeIfPresent(Int.self, forKey: .regressionTargets)
        inputFeatures = try c.decodeIfPresent([InputFeature].self, forKey: .inputFeatures)
    }
}
