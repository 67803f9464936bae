import Foundation

/// What `dropviz ensemble` reports on a labelled set: the thinned subnetworks one by one (as a
/// histogram of their accuracy), their arithmetic and geometric means, the weight-scaled
/// (eval-mode) network, and Monte Carlo averages of growing `T` beside it (Srivastava et al.
/// 2014, Fig. 11). See Ensemble.swift for the maths.
public struct EnsembleReport: Sendable {
    /// Mean cross-entropy (nats) and the fraction of examples whose argmax is the label.
    public struct Score: Sendable, Equatable {
        public var loss: Double
        public var accuracy: Double
    }

    /// Subnetworks whose accuracy lies in `[from, to)` (the last bin includes 1): how many,
    /// and their total weight (their probability under the masks' distribution).
    public struct Bin: Sendable, Equatable {
        public var from: Double
        public var to: Double
        public var count: Int
        public var weight: Double
    }

    /// The weighted mean, the least and the largest of a quantity over the subnetworks.
    public struct Spread: Sendable, Equatable {
        public var mean: Double
        public var min: Double
        public var max: Double
    }

    public struct MCPoint: Sendable, Equatable {
        public var samples: Int
        public var score: Score
    }

    public var subnetworks: Int
    public var exact: Bool
    public var droppableUnits: Int
    public var examples: Int
    public var histogram: [Bin]
    public var subnetworkLoss: Spread
    public var subnetworkAccuracy: Spread
    public var arithmeticMean: Score
    public var geometricMean: Score
    public var weightScaled: Score
    public var mcCurve: [MCPoint]

    public static let histogramBins = 10

    /// The report on `set` (classification). Sampled masks and the Monte Carlo passes are
    /// seeded by `seed` (separate streams), so the same seed gives the same report.
    public static func make(_ network: MLPNetwork, _ set: Dataset, masks: Ensemble.Masks, mcCurve: [Int], seed: UInt64) throws -> EnsembleReport {
        guard case .classes(let labels) = set.targets else {
            throw DropvizError(Ensemble.unsupported(network) ?? "the ensemble view needs class labels")
        }
        let n = set.count, bins = histogramBins
        var histogram = (0..<bins).map { Bin(from: Double($0) / Double(bins), to: Double($0 + 1) / Double(bins), count: 0, weight: 0) }
        var losses: [Double] = [], accuracies: [Double] = []
        let averages = try Ensemble.average(network, set.features, masks: masks) { z, w in
            var none: Matrix? = nil
            let (loss, correct) = Loss.softmaxCrossEntropy(logits: z, labels: labels, gradient: &none)
            losses.append(Double(loss))
            accuracies.append(Double(correct) / Double(n))
            // In integers, so that an accuracy of exactly 0.3 is not put in the bin below.
            let b = min(bins - 1, correct * bins / n)
            histogram[b].count += 1
            histogram[b].weight += w
        }
        let total = averages.weights.reduce(0, +)
        for b in histogram.indices { histogram[b].weight /= total }
        let k = averages.classes
        return EnsembleReport(
            subnetworks: averages.subnetworks, exact: averages.exact,
            droppableUnits: Ensemble.droppableUnits(network).count, examples: n, histogram: histogram,
            subnetworkLoss: spread(losses, averages.weights), subnetworkAccuracy: spread(accuracies, averages.weights),
            arithmeticMean: score(logProbabilities: averages.arithmeticLogProbabilities, classes: k, labels: labels),
            geometricMean: score(logProbabilities: averages.geometricLogProbabilities, classes: k, labels: labels),
            weightScaled: score(logProbabilities: Ensemble.logSoftmax(network.predict(set.features).data.map(Double.init), classes: k),
                                classes: k, labels: labels),
            mcCurve: monteCarloCurve(network, set.features, labels: labels, samples: mcCurve, seed: seed))
    }

    /// The MC average of `T` passes for each `T` of `samples` (ascending): one run of passes,
    /// read off at each `T`, so that the first `T` passes of a longer curve are the shorter
    /// curve's (the running sum is of the per-`T` means, exact up to `Float` rounding).
    public static func monteCarloCurve(_ network: MLPNetwork, _ x: Matrix, labels: [Int], samples: [Int], seed: UInt64) -> [MCPoint] {
        let counts = Array(Set(samples)).sorted()
        let k = network.architecture.outputs
        var streams = MonteCarloDropout.streams(seed: seed, positions: network.dropout.count)
        var sum = [Double](repeating: 0, count: x.rows * k)
        var done = 0
        return counts.map { t in
            precondition(t >= 1, "at least one Monte Carlo pass")
            let mc = MonteCarloDropout.predict(network, x, samples: t - done, streams: &streams)
            for i in sum.indices { sum[i] += Double(t - done) * Double(mc.mean.data[i]) }
            done = t
            let logP = sum.map { log($0 / Double(t)) }
            return MCPoint(samples: t, score: score(logProbabilities: logP, classes: k, labels: labels))
        }
    }

    /// Cross-entropy and accuracy from row-major `n × k` log-probabilities.
    static func score(logProbabilities logP: [Double], classes k: Int, labels: [Int]) -> Score {
        var loss = 0.0
        var correct = 0
        for (r, label) in labels.enumerated() {
            let base = r * k
            loss -= logP[base + label]
            // The first largest, as `Softmax.argmax` breaks ties.
            var best = 0
            for j in 1..<max(1, k) where logP[base + j] > logP[base + best] { best = j }
            if best == label { correct += 1 }
        }
        let n = Double(max(1, labels.count))
        return Score(loss: loss / n, accuracy: Double(correct) / n)
    }

    private static func spread(_ v: [Double], _ w: [Double]) -> Spread {
        Spread(mean: zip(v, w).reduce(0) { $0 + $1.0 * $1.1 } / max(1e-300, w.reduce(0, +)),
               min: v.min() ?? .nan, max: v.max() ?? .nan)
    }
}
