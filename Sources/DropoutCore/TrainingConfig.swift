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
    public var activation: Activation = .relu
    /// Drop rates: the input layer first, then each hidden layer.
    public var rates: [Float] = [0, 0.5, 0.5]
    public var scaling: Scaling = .inverted
    public var variant: DropoutVariant = .bernoulli
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

    public init() {}

    /// The largest rate accepted: at p → 1 nothing is kept and inverted scaling divides by ~0.
    public static let maxRate: Float = 0.95

    /// Checks every value a user can get wrong, with a message naming the option.
    public func validate() throws {
        guard !hidden.isEmpty else { throw DropvizError("--hidden needs at least one layer width") }
        for h in hidden where h < 1 {
            throw DropvizError("--hidden: a layer width must be at least 1, got \(h)")
        }
        guard rates.count == hidden.count + 1 else {
            throw DropvizError("--rates needs \(hidden.count + 1) values (the input, then each of the \(hidden.count) hidden layers), got \(rates.count)")
        }
        for p in rates { try Self.checkRate(p, option: "rate") }
        guard learningRate > 0 && learningRate.isFinite else {
            throw DropvizError("--lr must be a positive number, got \(learningRate)")
        }
        guard batchSize >= 0 else { throw DropvizError("--batch must be 0 (full batch) or positive, got \(batchSize)") }
        guard weightDecay >= 0 && weightDecay.isFinite else { throw DropvizError("--weight-decay must be non-negative, got \(weightDecay)") }
        guard l1 >= 0 && l1.isFinite else { throw DropvizError("--l1 must be non-negative, got \(l1)") }
        guard evalEvery >= 1 else { throw DropvizError("--eval-every must be at least 1, got \(evalEvery)") }
        guard valFraction > 0 && valFraction < 1 else {
            throw DropvizError("--val-fraction must be between 0 and 1 (exclusive), got \(valFraction)")
        }
        if let n = noise {
            guard n >= 0 && n.isFinite else { throw DropvizError("--noise must be non-negative, got \(n)") }
            if let e = DatasetCatalog.entry(dataset), !e.isGenerated {
                throw DropvizError("--noise applies to generated data sets only, not to '\(dataset)'")
            }
            if DatasetCatalog.isFile(dataset) {
                throw DropvizError("--noise applies to generated data sets only, not to a CSV file")
            }
        }
    }

    public static func checkRate(_ p: Float, option: String) throws {
        guard p.isFinite && p >= 0 && p < 1 else {
            throw DropvizError("\(option) must be in [0, 1), got \(p)")
        }
        guard p <= maxRate else {
            throw DropvizError("\(option) \(p) is above the maximum \(maxRate): almost nothing would be kept")
        }
    }
}
