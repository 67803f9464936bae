import Foundation
import Testing
@testable import DropoutCore

/// Dropout as an ensemble: the normalised geometric mean of the thinned subnetworks against the
/// weight-scaled network (Baldi & Sadowski 2013), and Monte Carlo dropout against the
/// arithmetic mean (Srivastava et al. 2014, §7).
@Suite struct EnsembleTests {
    static let inputs = 3, classes = 3

    func network(hidden: [Int], rates: [Float], scaling: Scaling = .inverted, variant: DropoutVariant = .bernoulli,
                 task: LearningTask = .classification(classes: classes)) -> MLPNetwork {
        var initRNG = Xoshiro(seed: 77)
        let arch = Architecture(inputs: Self.inputs, hidden: hidden, task: task, activation: .tanh)
        let net = MLPNetwork(arch, rates: rates, scaling: scaling, variant: variant, initRNG: &initRNG, maskSeed: 5)
        // Larger weights than the initialisation, so that the subnetworks disagree visibly.
        for p in net.parameters { for i in 0..<p.value.count { p.value.data[i] *= 3 } }
        return net
    }

    func examples(_ n: Int, seed: UInt64) -> Dataset {
        let x = GradientCheck.random(n, Self.inputs, seed: seed)
        var rng = Xoshiro(seed: seed + 1)
        return Dataset(name: "random", features: x, targets: .classes((0..<n).map { _ in rng.below(Self.classes) }),
                       task: .classification(classes: Self.classes))
    }

    /// `max |NWGM − softmax(eval logits)|` over every example and class.
    func geometricGap(_ net: MLPNetwork, _ x: Matrix) throws -> Double {
        let avg = try Ensemble.average(net, x, masks: .all)
        let eval = Softmax.probabilities(net.predict(x))
        return zip(avg.geometricLogProbabilities, eval.data).map { abs(exp($0) - Double($1)) }.max() ?? .nan
    }

    /// One hidden layer, softmax output, no input dropout: the geometric mean over all 2⁸
    /// masks is the eval-mode prediction, for both scalings that make `E[scaled mask] = eval
    /// scale`. 1e-5 leaves room for `Float` logits only.
    @Test(arguments: [(Scaling.inverted, Float(0.5)), (.inverted, 0.2), (.vanilla, 0.5), (.vanilla, 0.3)])
    func geometricMeanIsTheWeightScaledNetwork(scaling: Scaling, p: Float) throws {
        let net = network(hidden: [8], rates: [0, p], scaling: scaling)
        let x = examples(20, seed: 3).features
        let avg = try Ensemble.average(net, x, masks: .all)
        #expect(avg.subnetworks == 256 && avg.exact)
        #expect(abs(avg.weights.reduce(0, +) - 1) < 1e-12)
        #expect(try geometricGap(net, x) < 1e-5)
    }

    /// Without scaling the expected logits are `(1−p)·h·W + b`, not the eval network's `h·W + b`:
    /// the identity needs the scaling (and this shows the comparison can fail).
    @Test func withoutScalingTheIdentityFails() throws {
        let net = network(hidden: [8], rates: [0, 0.5], scaling: .none)
        #expect(try geometricGap(net, examples(20, seed: 3).features) > 0.01)
    }

    /// Two hidden layers put a non-linearity between the first mask and the logits: the
    /// geometric mean is no longer the weight-scaled network. Measured as the mean absolute
    /// difference of the probabilities, against how far a subnetwork typically is from the
    /// geometric mean (the same measure, averaged over the masks with their weights): weight
    /// scaling is off, but closer than a subnetwork. Input dropout breaks the identity too.
    /// Measured (tanh, weights ×3, 20 examples): 0.12 against 0.29 for hidden 4,4 at p = 0.5,
    /// 0.15 against 0.22 for input dropout 0.5 on 3 inputs (each input matters a lot).
    @Test(arguments: [([4, 4], [Float(0), 0.5, 0.5]), ([6], [0.5, 0])])
    func otherwiseWeightScalingOnlyApproximates(hidden: [Int], rates: [Float]) throws {
        let net = network(hidden: hidden, rates: rates)
        let x = examples(20, seed: 3).features
        var subnetworks: [(Matrix, Double)] = []
        let avg = try Ensemble.average(net, x, masks: .all) { z, w in subnetworks.append((Softmax.probabilities(z), w)) }
        let geometric = avg.geometricLogProbabilities.map(exp)
        func distance(_ p: Matrix) -> Double {
            zip(p.data, geometric).reduce(0) { $0 + abs(Double($1.0) - $1.1) } / Double(geometric.count)
        }
        let gap = distance(Softmax.probabilities(net.predict(x)))
        let subnetworkDistance = subnetworks.reduce(0) { $0 + $1.1 * distance($1.0) }
        #expect(gap > 1e-3, "the identity should not hold here")
        #expect(gap < subnetworkDistance, "weight scaling should approximate the geometric mean")
    }

    /// Monte Carlo dropout's mean of T passes (one mask per example and pass) converges to the
    /// exact arithmetic mean over the 2⁶ subnetworks: within 4σ/√T per probability, σ the
    /// passes' own standard deviation. p = 0.5 is exact in the 16-bit draw. The arithmetic and
    /// geometric means differ by more than that tolerance somewhere, so MC does pick the
    /// arithmetic one.
    @Test func monteCarloConvergesToTheArithmeticMean() throws {
        let net = network(hidden: [6], rates: [0, 0.5])
        let x = examples(8, seed: 4).features
        let avg = try Ensemble.average(net, x, masks: .all)
        let T = 20_000
        let mc = MonteCarloDropout.predict(net, x, samples: T, seed: 9)
        var separated = false
        for i in 0..<mc.mean.count {
            let tolerance = 4 * Double(mc.std.data[i]) / Double(T).squareRoot() + 1e-6
            let arithmetic = exp(avg.arithmeticLogProbabilities[i])
            #expect(abs(Double(mc.mean.data[i]) - arithmetic) <= tolerance, "entry \(i)")
            if abs(exp(avg.geometricLogProbabilities[i]) - arithmetic) > tolerance { separated = true }
        }
        #expect(separated, "the geometric and arithmetic means should differ beyond the MC error somewhere")
    }

    /// N sampled masks estimate the exact averages: each mean logit within 4 standard errors,
    /// the standard deviation taken over the exact enumeration.
    @Test func sampledMasksEstimateTheExactMean() throws {
        let net = network(hidden: [5, 5], rates: [0, 0.3, 0.5])
        let x = examples(6, seed: 5).features
        var logits: [[Double]] = [], weights: [Double] = []
        let exact = try Ensemble.average(net, x, masks: .all) { z, w in
            logits.append(z.data.map(Double.init))
            weights.append(w)
        }
        let total = weights.reduce(0, +)
        let N = 4000
        let sampled = try Ensemble.average(net, x, masks: .sampled(count: N, seed: 11))
        #expect(sampled.subnetworks == N && !sampled.exact)
        for i in exact.meanLogits.indices {
            let variance = zip(logits, weights).reduce(0) { $0 + $1.1 / total * pow($1.0[i] - exact.meanLogits[i], 2) }
            #expect(abs(sampled.meanLogits[i] - exact.meanLogits[i]) <= 4 * (variance / Double(N)).squareRoot() + 1e-9, "entry \(i)")
        }
        let again = try Ensemble.average(net, x, masks: .sampled(count: N, seed: 11))
        #expect(again.meanLogits == sampled.meanLogits, "same seed, same masks")
    }

    /// The exact mask weights are `Π p^dropped (1−p)^kept`: with p = 0.2 on 3 units, the mask
    /// keeping all three has weight 0.8³ and each mask's weight matches its dropped count.
    @Test func exactWeightsAreTheMaskProbabilities() throws {
        let net = network(hidden: [3], rates: [0, 0.2])
        let avg = try Ensemble.average(net, examples(2, seed: 1).features, masks: .all)
        #expect(avg.subnetworks == 8)
        for (bits, w) in avg.weights.enumerated() {
            let dropped = bits.nonzeroBitCount
            let expected = pow(Double(Float(0.2)), Double(dropped)) * pow(1 - Double(Float(0.2)), Double(3 - dropped))
            #expect(abs(w - expected) < 1e-12)
        }
    }

    @Test func withoutDropoutThereIsOneSubnetwork() throws {
        let net = network(hidden: [4], rates: [0, 0])
        let set = examples(10, seed: 2)
        let r = try EnsembleReport.make(net, set, masks: .all, mcCurve: [1, 4], seed: 1)
        #expect(r.subnetworks == 1 && r.exact && r.droppableUnits == 0)
        #expect(abs(r.arithmeticMean.loss - r.weightScaled.loss) < 1e-5)
        #expect(abs(r.geometricMean.loss - r.weightScaled.loss) < 1e-5)
        #expect(r.mcCurve.allSatisfy { abs($0.score.loss - r.weightScaled.loss) < 1e-5 })
    }

    /// The report's scores are the library's own: weight scaling is `Loss` on `predict`, the
    /// histogram counts every subnetwork once and its weights sum to 1.
    @Test func reportAgreesWithTheLoss() throws {
        let net = network(hidden: [6], rates: [0, 0.5])
        let set = examples(40, seed: 6)
        let r = try EnsembleReport.make(net, set, masks: .all, mcCurve: [8, 2, 2], seed: 3)
        var none: Matrix? = nil
        let (loss, correct) = Loss.evaluate(net.predict(set.features), set.targets, gradient: &none)
        #expect(abs(r.weightScaled.loss - Double(loss)) < 1e-5)
        #expect(r.weightScaled.accuracy == Double(correct) / 40)
        #expect(abs(r.geometricMean.loss - r.weightScaled.loss) < 1e-5, "one hidden layer: the identity")
        #expect(r.histogram.map(\.count).reduce(0, +) == 64)
        #expect(abs(r.histogram.map(\.weight).reduce(0, +) - 1) < 1e-12)
        #expect(r.subnetworkAccuracy.min <= r.subnetworkAccuracy.mean && r.subnetworkAccuracy.mean <= r.subnetworkAccuracy.max)
        #expect(r.mcCurve.map(\.samples) == [2, 8], "sorted, without repeats")
        // Read off one run of passes: T = 2 of the curve is the 2-pass average from the seed.
        let two = MonteCarloDropout.predict(net, set.features, samples: 2, seed: 3)
        let direct = EnsembleReport.score(logProbabilities: two.mean.data.map { log(Double($0)) }, classes: Self.classes,
                                          labels: labels(set))
        #expect(abs(r.mcCurve[0].score.loss - direct.loss) < 1e-5)
    }

    private func labels(_ set: Dataset) -> [Int] {
        if case .classes(let c) = set.targets { return c }
        return []
    }

    @Test func refusesWhatHasNoFiniteEnsemble() {
        let cases: [(MLPNetwork, String)] = [
            (network(hidden: [4], rates: [0, 0.5], variant: .gaussian), "gaussian"),
            (network(hidden: [4], rates: [0, 0.5], variant: .dropconnect), "dropconnect"),
            (network(hidden: [4], rates: [0, 0.5], variant: .standout), "standout"),
            (network(hidden: [4], rates: [0, 0.5], task: .regression(outputs: 1)), "regression"),
        ]
        for (net, word) in cases {
            #expect(Ensemble.unsupported(net)?.contains(word) == true, "\(word)")
            #expect(throws: DropvizError.self) { try Ensemble.average(net, GradientCheck.random(2, Self.inputs, seed: 1), masks: .all) }
        }
        // Input dropout under DropConnect is Bernoulli (there are no weights in front).
        #expect(Ensemble.unsupported(network(hidden: [4], rates: [0.5, 0], variant: .dropconnect)) == nil)
        #expect(throws: DropvizError.self) {
            try Ensemble.average(network(hidden: [17], rates: [0, 0.5]), GradientCheck.random(2, Self.inputs, seed: 1), masks: .all)
        }
    }
}
