import Foundation

/// One network per rate and seed, trained the same way, to compare what the rate does: the
/// U-shaped curve of Srivastava et al. (2014, Fig. 9).
public enum RateSweep {
    /// The outcome of one run.
    public struct Run: Sendable, Equatable, Codable {
        public var rate: Float
        public var seed: UInt64
        public var finalTrainLoss: Double
        public var finalValLoss: Double
        public var bestValLoss: Double
        /// Validation accuracy at the end and at its best; nil for regression.
        public var finalValAccuracy: Double?
        public var bestValAccuracy: Double?
        public var diverged: Bool
    }

    /// A mean and a sample standard deviation over seeds.
    public struct Stat: Sendable, Equatable, Codable {
        public var mean: Double
        public var std: Double

        public init(_ values: [Double]) {
            let n = Double(values.count)
            mean = values.reduce(0, +) / max(n, 1)
            let m = mean
            std = values.count > 1 ? (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot() : 0
        }
    }

    /// One rate, summarised over its seeds.
    public struct Row: Sendable, Equatable, Codable {
        public var rate: Float
        public var runs: Int
        public var finalValLoss: Stat
        public var bestValLoss: Stat
        public var finalValAccuracy: Stat?
        public var bestValAccuracy: Stat?
        /// Final validation loss minus final training loss: how much the network overfits.
        public var gap: Stat
        public var diverged: Int
    }

    /// `config` with `rate` on every hidden layer (the input's rate is kept) and `seed`; for a
    /// CNN, `rate` on every conv layer instead (its dense rates are kept): the sweep compares
    /// what the conv variant does.
    public static func config(_ base: TrainingConfig, rate: Float, seed: UInt64) -> TrainingConfig {
        var c = base
        if var conv = c.conv {
            conv.rates = conv.rates.map { _ in rate }
            c.model = .cnn(conv)
        } else {
            for i in 1..<c.rates.count { c.rates[i] = rate }
        }
        c.seed = seed
        return c
    }

    /// Trains one network for `steps` steps and reports it. `isCancelled` is asked before
    /// every step (and before the final evaluation): once it says yes the run stops there and
    /// throws `CancellationError`, so a cancelled sweep ends within one training step.
    public static func run(_ base: TrainingConfig, rate: Float, seed: UInt64, steps: Int,
                           isCancelled: () -> Bool = { false }) throws -> Run {
        let t = try Trainer(config: config(base, rate: rate, seed: seed))
        for _ in 0..<steps {
            if isCancelled() { throw CancellationError() }
            if t.step() == nil { break }
        }
        if isCancelled() { throw CancellationError() }
        if t.lastEvaluation?.step != t.currentStep { t.evaluate() }
        let val = t.history.valLoss.points.map(\.value).filter(\.isFinite)
        let acc = t.history.valAccuracy.points.map(\.value)
        let e = t.lastEvaluation
        return Run(rate: rate, seed: seed,
                   finalTrainLoss: Double(e?.trainLoss ?? .nan), finalValLoss: Double(e?.valLoss ?? .nan),
                   bestValLoss: val.min() ?? .nan,
                   finalValAccuracy: e?.valAccuracy.map(Double.init), bestValAccuracy: acc.max(),
                   diverged: t.diverged)
    }

    /// One row per rate, in increasing rate order.
    public static func summarize(_ runs: [Run]) -> [Row] {
        let byRate = Dictionary(grouping: runs, by: \.rate)
        return byRate.keys.sorted().map { rate in
            let r = byRate[rate] ?? []
            let accuracies = r.compactMap(\.finalValAccuracy)
            let best = r.compactMap(\.bestValAccuracy)
            return Row(rate: rate, runs: r.count,
                       finalValLoss: Stat(r.map(\.finalValLoss)), bestValLoss: Stat(r.map(\.bestValLoss)),
                       finalValAccuracy: accuracies.count == r.count ? Stat(accuracies) : nil,
                       bestValAccuracy: best.count == r.count ? Stat(best) : nil,
                       gap: Stat(r.map { $0.finalValLoss - $0.finalTrainLoss }),
                       diverged: r.filter(\.diverged).count)
        }
    }

    /// The rate with the lowest mean final validation loss.
    public static func bestByLoss(_ rows: [Row]) -> Row? {
        rows.filter { $0.finalValLoss.mean.isFinite }.min { $0.finalValLoss.mean < $1.finalValLoss.mean }
    }

    /// The rate with the highest mean final validation accuracy (lowest error).
    public static func bestByAccuracy(_ rows: [Row]) -> Row? {
        rows.filter { $0.finalValAccuracy != nil }.max { ($0.finalValAccuracy?.mean ?? 0) < ($1.finalValAccuracy?.mean ?? 0) }
    }
}
