import Foundation

/// Dropout as an ensemble (Srivastava et al. 2014 §7; Baldi & Sadowski 2013).
///
/// Training with unit dropout trains the thinned subnetworks of one network at once: a mask `m`
/// over the droppable units (every unit of a position whose rate `p > 0`) picks one, with
/// probability `w_m = Π p^(dropped) (1−p)^(kept)`. Kept units are multiplied by the training
/// scale `s` (`1/(1−p)` inverted, `1` vanilla), dropped ones by 0; the *same* mask applies to
/// every example, so a subnetwork is a fixed network.
///
/// The two averages of the subnetworks' class probabilities `P_m = softmax(z_m)`:
/// - arithmetic: `Σ_m w_m P_m`, which Monte Carlo dropout estimates with `T` passes;
/// - normalised weighted geometric mean: `NWGM_k = Π_m P_m(k)^{w_m} / Σ_j Π_m P_m(j)^{w_m}`.
///   As `log P_m(k) = z_mk − logsumexp(z_m)` and the second term does not depend on `k`, it
///   cancels in the normalisation: **NWGM = softmax(Σ_m w_m z_m)**, the softmax of the
///   expected logits.
///
/// With one hidden layer, no input dropout and a softmax output, `z_m = (h ⊙ s·r_m)·W + b` is
/// linear in the mask `r_m`, so `Σ_m w_m z_m = (h ⊙ s·E[r])·W + b = (h ⊙ s(1−p))·W + b`, and
/// `s(1−p)` is exactly the eval-mode scale (1 inverted, `1−p` vanilla): the geometric mean *is*
/// the weight-scaled network. A second hidden layer (or input dropout) puts a non-linearity
/// between the mask and the logits, and the identity becomes an approximation.
///
/// Only Bernoulli unit dropout has such a finite ensemble: Gaussian gates are a continuum,
/// DropConnect drops weights (one subnetwork per weight mask), and standout's keep
/// probabilities depend on the example, so a subnetwork has no single probability.
public enum Ensemble {
    /// At most this many droppable units are enumerated exactly (2¹⁶ subnetworks).
    public static let maxExactUnits = 16

    /// Why the ensemble of `network` cannot be formed, or nil when it can.
    public static func unsupported(_ network: MLPNetwork) -> String? {
        guard network.architecture.task.isClassification else {
            return "the ensemble view is for classification (it averages class probabilities); this model does regression"
        }
        for d in network.dropout where d.effectiveVariant != .bernoulli && d.rate > 0 {
            switch d.effectiveVariant {
            case .gaussian: return "the gaussian variant has a continuum of gated networks, not 2ⁿ thinned subnetworks; the ensemble view covers bernoulli unit dropout"
            case .dropconnect: return "dropconnect drops weights, not units; the ensemble view covers bernoulli unit dropout"
            case .standout: return "standout's keep probabilities depend on each example, so a subnetwork has no single probability; the ensemble view covers bernoulli unit dropout"
            case .bernoulli: break
            }
        }
        return nil
    }

    /// A unit that dropout may remove: position `position` (0 = input), unit `unit`.
    public struct Unit: Sendable, Equatable {
        public var position: Int
        public var unit: Int
    }

    /// Every unit of every position with a positive rate, input first.
    public static func droppableUnits(_ network: MLPNetwork) -> [Unit] {
        network.dropout.enumerated().flatMap { d, layer in
            layer.rate > 0 ? (0..<layer.width).map { Unit(position: d, unit: $0) } : []
        }
    }

    /// Which subnetworks: all `2ⁿ`, or `count` masks drawn from their distribution.
    public enum Masks: Sendable, Equatable {
        case all
        case sampled(count: Int, seed: UInt64)
    }

    /// The averages of the subnetworks' predictions on `x` (a row per example, `k` classes).
    public struct Averages {
        public var subnetworks: Int
        public var exact: Bool
        /// `w_m` of each subnetwork (summing to 1; `1/N` for sampled masks).
        public var weights: [Double]
        /// `log Σ_m w_m P_m`, row-major `n × k`.
        public var arithmeticLogProbabilities: [Double]
        /// `Σ_m w_m z_m`, row-major `n × k`: the geometric mean is its softmax.
        public var meanLogits: [Double]
        /// `log NWGM`, row-major `n × k`.
        public var geometricLogProbabilities: [Double] { logSoftmax(meanLogits, classes: classes) }
        public var classes: Int
    }

    /// Runs every subnetwork of `masks` on `x`, calling `visit` with each one's logits and
    /// weight, and returns the averages.
    public static func average(_ network: MLPNetwork, _ x: Matrix, masks: Masks,
                               visit: (Matrix, Double) -> Void = { _, _ in }) throws -> Averages {
        if let why = unsupported(network) { throw DropvizError(why) }
        let units = droppableUnits(network)
        let k = network.architecture.outputs, n = x.rows
        var probabilitySum = [Double](repeating: 0, count: n * k)
        var logitSum = probabilitySum
        var weights: [Double] = []
        var keep = [Bool](repeating: true, count: units.count)
        var buffers = ThinnedBuffers()
        func run(_ weight: Double) {
            let z = thinnedLogits(network, x, units: units, keep: keep, buffers: &buffers)
            let p = Softmax.probabilities(z)
            for i in 0..<(n * k) {
                probabilitySum[i] += weight * Double(p.data[i])
                logitSum[i] += weight * Double(z.data[i])
            }
            weights.append(weight)
            visit(z, weight)
        }
        switch masks {
        case .all:
            guard units.count <= maxExactUnits else {
                throw DropvizError("all 2^\(units.count) subnetworks are too many (at most \(maxExactUnits) droppable units are enumerated); sample masks instead")
            }
            for bits in 0..<(1 << units.count) {
                var w = 1.0
                for (i, u) in units.enumerated() {
                    let p = Double(network.dropout[u.position].rate)
                    keep[i] = bits & (1 << i) == 0
                    w *= keep[i] ? 1 - p : p
                }
                run(w)
            }
        case .sampled(let count, let seed):
            precondition(count >= 1, "at least one sampled mask")
            for sample in sampledMasks(network, count: count, seed: seed) {
                keep = sample
                run(1 / Double(count))
            }
        }
        // The exact weights sum to 1 up to rounding; dividing by their sum removes it.
        let total = weights.reduce(0, +)
        let exact = masks == .all
        return Averages(subnetworks: weights.count, exact: exact, weights: weights.map { $0 / total },
                        arithmeticLogProbabilities: probabilitySum.map { log($0 / total) },
                        meanLogits: logitSum.map { $0 / total }, classes: k)
    }

    /// The `count` masks of `.sampled(count:seed:)`, in the order `average` runs them: for each,
    /// whether each of `droppableUnits(network)` is kept (the ensemble panel draws them).
    public static func sampledMasks(_ network: MLPNetwork, count: Int, seed: UInt64) -> [[Bool]] {
        let units = droppableUnits(network)
        var rng = Stream.generator(seed: seed, stream: .ensembleMasks)
        return (0..<count).map { _ in
            units.map { rng.uniformDouble() >= Double(network.dropout[$0.position].rate) }
        }
    }

    /// Reused between subnetworks: two activations' buffers.
    struct ThinnedBuffers {
        var a = Matrix(rows: 0, cols: 0)
        var b = Matrix(rows: 0, cols: 0)
    }

    /// The logits of the subnetwork that keeps the droppable units where `keep` is true: the
    /// training forward with that one mask for every example (kept units times the training
    /// scale), and no randomness.
    static func thinnedLogits(_ network: MLPNetwork, _ x: Matrix, units: [Unit], keep: [Bool], buffers: inout ThinnedBuffers) -> Matrix {
        var multipliers = network.dropout.map { [Float](repeating: 1, count: $0.width) }
        for (u, kept) in zip(units, keep) {
            let d = network.dropout[u.position]
            multipliers[u.position][u.unit] = kept ? d.scaling.keptScale(rate: d.rate) : 0
        }
        buffers.a = x
        scaleColumns(&buffers.a, by: multipliers[0])
        for h in 0..<network.architecture.hidden.count {
            let activation = network.architecture.activations[h]
            network.dense[h].forward(buffers.a, into: &buffers.b, training: false)
            for i in 0..<buffers.b.count { buffers.b.data[i] = activation.apply(buffers.b.data[i]) }
            scaleColumns(&buffers.b, by: multipliers[h + 1])
            swap(&buffers.a, &buffers.b)
        }
        var out = Matrix(rows: 0, cols: 0)
        network.dense[network.dense.count - 1].forward(buffers.a, into: &out, training: false)
        return out
    }

    private static func scaleColumns(_ m: inout Matrix, by s: [Float]) {
        for r in 0..<m.rows {
            for j in 0..<m.cols { m.data[r * m.cols + j] *= s[j] }
        }
    }

    /// `z − logsumexp(z)` per row of a row-major `n × k` array.
    static func logSoftmax(_ z: [Double], classes k: Int) -> [Double] {
        var out = z
        for base in stride(from: 0, to: z.count, by: k) {
            let row = z[base..<(base + k)]
            let m = row.max() ?? 0
            let lse = m + log(row.reduce(0) { $0 + exp($1 - m) })
            for j in 0..<k { out[base + j] = z[base + j] - lse }
        }
        return out
    }
}
