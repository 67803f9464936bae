import Foundation
import Testing
@testable import DropoutCore

/// Baldi & Sadowski's identity: the mean dropout gradient of one linear unit with squared
/// error is the gradient of E_R = ½(t − Σ q w I)² + ½ Σ q(1−q) w² I², checked over many masks
/// with a tolerance of 4 standard errors from the sample standard deviation.
@Suite struct RegularisationIdentityTests {
    let w: [Double] = [0.8, -1.2, 0.5, 1.5, -0.7]
    let x: [Double] = [1.1, 0.9, -1.6, 0.7, 1.3]
    let t = 0.4
    let n = 100_000

    /// Mean and standard error of the dropout gradient over `n` masks of `gate`.
    func meanGradient(gate: (inout Xoshiro, Int) -> Double) -> (mean: [Double], se: [Double]) {
        var rng = Xoshiro(seed: 77)
        var sum = [Double](repeating: 0, count: w.count), sumSq = sum
        for _ in 0..<n {
            let d = w.indices.map { gate(&rng, $0) }
            let g = RegularisationIdentity.dropoutGradient(weights: w, inputs: x, gates: d, target: t)
            for i in g.indices { sum[i] += g[i]; sumSq[i] += g[i] * g[i] }
        }
        let N = Double(n)
        let mean = sum.map { $0 / N }
        let se = w.indices.map { i in ((sumSq[i] / N - mean[i] * mean[i]) * N / (N - 1) / N).squareRoot() }
        return (mean, se)
    }

    @Test func meanDropoutGradientIsThePenalisedGradient() {
        let q: [Double] = [0.2, 0.5, 0.8, 0.9, 0.35]
        let (mean, se) = meanGradient { rng, i in rng.uniformDouble() < q[i] ? 1 : 0 }
        let penalised = RegularisationIdentity.regularisedGradient(weights: w, inputs: x, keep: q, target: t)
        let plain = RegularisationIdentity.regularisedGradient(weights: w, inputs: x, keep: q, target: t, penalised: false)
        for i in w.indices {
            #expect(abs(mean[i] - penalised[i]) < 4 * se[i], "w\(i): \(mean[i]) vs \(penalised[i]) ± \(se[i])")
            #expect(abs(mean[i] - plain[i]) > 4 * se[i], "w\(i) must tell the penalty apart")
        }
        // The analytic gradient is the gradient of E_R.
        let numeric = w.indices.map { i -> Double in
            var up = w, down = w
            up[i] += 1e-5; down[i] -= 1e-5
            return (RegularisationIdentity.regularisedError(weights: up, inputs: x, keep: q, target: t)
                - RegularisationIdentity.regularisedError(weights: down, inputs: x, keep: q, target: t)) / 2e-5
        }
        for i in w.indices { #expect(abs(numeric[i] - penalised[i]) < 1e-6) }
    }

    /// Inverted gates δ/q: the mean gradient is that of ½(t − Σ w I)² + ½·c·Σ w² I² with the
    /// helper's coefficient c = p/(1−p).
    @Test func invertedGatesGiveThePOverOneMinusPCoefficient() {
        let p = 0.3, q = 0.7
        let c = Double(RegularisationIdentity.penalty(position: 1, rate: Float(p), scaling: .inverted).penaltyCoefficient)
        #expect(abs(c - p / q) < 1e-6)
        let (mean, se) = meanGradient { rng, _ in rng.uniformDouble() < q ? 1 / q : 0 }
        var o: Double = 0
        for i in w.indices { o += w[i] * x[i] }
        for i in w.indices {
            let expected = -(t - o) * x[i] + c * w[i] * x[i] * x[i]
            #expect(abs(mean[i] - expected) < 4 * se[i])
        }
    }

    @Test func penaltyStrengthPerLayer() throws {
        var initRNG = Xoshiro(seed: 1)
        let arch = Architecture(inputs: 2, hidden: [4, 4], task: .classification(classes: 2))
        let net = MLPNetwork(arch, rates: [0.2, 0.5, 0.9], scaling: .vanilla, variant: .bernoulli, initRNG: &initRNG, maskSeed: 1)
        let penalties = RegularisationIdentity.penalties(net)
        #expect(penalties.map(\.position) == [0, 1, 2])
        for (pen, p) in zip(penalties, [Float(0.2), 0.5, 0.9]) {
            #expect(abs(pen.gateVariance - p * (1 - p)) < 1e-6)
            #expect(abs(pen.penaltyCoefficient - p * (1 - p)) < 1e-6)
        }
        // Largest at p = ½.
        #expect(penalties.map(\.gateVariance).max() == penalties[1].gateVariance)
    }
}
