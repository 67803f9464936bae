import Foundation
import Testing
@testable import DropoutCore

/// Monte Carlo dropout (Gal & Ghahramani 2016) and the calibration error it is judged by.
@Suite struct MonteCarloDropoutTests {
    func network(rates: [Float], task: LearningTask = .classification(classes: 2), hidden: [Int] = [3]) -> MLPNetwork {
        var initRNG = Xoshiro(seed: 51)
        let arch = Architecture(inputs: 2, hidden: hidden, task: task, activation: .tanh)
        let net = MLPNetwork(arch, rates: rates, scaling: .inverted, variant: .bernoulli, initRNG: &initRNG, maskSeed: 6)
        // Larger weights than the initialisation, so that masks change the output visibly.
        for p in net.parameters { for i in 0..<p.value.count { p.value.data[i] *= 3 } }
        return net
    }

    @Test func withoutDropoutEveryPassAgrees() {
        let net = network(rates: [0, 0])
        let x = GradientCheck.random(5, 2, seed: 1)
        let mc = MonteCarloDropout.predict(net, x, samples: 20, seed: 3)
        #expect(mc.std.data.allSatisfy { $0 == 0 })
        #expect(mc.mutualInformation.allSatisfy { $0 < 1e-6 })
        let plain = Softmax.probabilities(net.predict(x))
        for i in 0..<plain.count { #expect(abs(mc.mean.data[i] - plain.data[i]) < 1e-6) }
        for r in 0..<5 {
            let h = Softmax.entropy((0..<2).map { Double(plain[r, $0]) })
            #expect(abs(mc.entropy[r] - h) < 1e-6)
        }
    }

    /// With p = 0.5 on 3 hidden units there are 8 masks per example: the exact mean and spread
    /// of the class probabilities over them, against T = 20 000 passes, within 4σ/√T (mean) and
    /// 4 standard deviations of the variance estimate (spread).
    @Test func meanConvergesToTheExactMeanOverMasks() {
        let p: Float = 0.5
        let net = network(rates: [0, p])
        let x = GradientCheck.random(3, 2, seed: 2)
        let T = 20_000
        let mc = MonteCarloDropout.predict(net, x, samples: T, seed: 4)
        let d0 = net.dense[0], d1 = net.dense[1]
        for r in 0..<3 {
            var h = [Float](repeating: 0, count: 3)
            for j in 0..<3 {
                var a = d0.bias.value.data[j]
                for i in 0..<2 { a += x[r, i] * d0.weight.value[i, j] }
                h[j] = tanh(a)
            }
            var outcomes: [(weight: Double, p1: Double)] = []
            for bits in 0..<8 {
                var z = [Float](repeating: 0, count: 2)
                var weight = 1.0
                for k in 0..<2 {
                    z[k] = d1.bias.value.data[k]
                    for j in 0..<3 {
                        let kept = bits & (1 << j) != 0
                        if k == 0 { weight *= kept ? Double(1 - p) : Double(p) }
                        if kept { z[k] += h[j] / (1 - p) * d1.weight.value[j, k] }
                    }
                }
                let p1 = Double(Softmax.probabilities(Matrix(rows: 1, cols: 2, data: z))[0, 1])
                outcomes.append((weight, p1))
            }
            let mean = outcomes.reduce(0) { $0 + $1.weight * $1.p1 }
            let variance = outcomes.reduce(0) { $0 + $1.weight * ($1.p1 - mean) * ($1.p1 - mean) }
            let mu4 = outcomes.reduce(0) { $0 + $1.weight * pow($1.p1 - mean, 4) }
            #expect(variance > 1e-4, "the masks matter for example \(r)")
            #expect(abs(Double(mc.mean[r, 1]) - mean) < 4 * (variance / Double(T)).squareRoot())
            let s = Double(mc.std[r, 1])
            #expect(abs(s * s - variance) < 4 * ((mu4 - variance * variance) / Double(T)).squareRoot() + 1e-6)
            #expect(mc.mutualInformation[r] > 0)
        }
    }

    @Test func passesLeaveTheTrainingStreamsAndMasksAlone() throws {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.trainSize = 60
        c.hidden = [8, 8]
        c.rates = [0.1, 0.5, 0.5]
        for variant in DropoutVariant.allCases {
            c.variant = variant
            let a = try Trainer(config: c), b = try Trainer(config: c)
            for step in 0..<30 {
                a.step(); b.step()
                if step % 10 == 0 {
                    let before = a.mlp!.dropout.map(\.mask)
                    _ = MonteCarloDropout.predict(a.mlp!, a.data.validation.features, samples: 5, seed: 9)
                    #expect(a.mlp!.dropout.map(\.mask) == before)
                }
            }
            #expect(a.mlp!.weights == b.mlp!.weights, "\(variant)")
            #expect(a.mlp!.dropout.map(\.rng) == b.mlp!.dropout.map(\.rng))
        }
    }

    @Test func regressionReportsMeanAndSpread() {
        let still = network(rates: [0, 0], task: .regression(outputs: 1))
        let x = GradientCheck.random(4, 2, seed: 5)
        let a = MonteCarloDropout.predict(still, x, samples: 10, seed: 1)
        #expect(a.std.data.allSatisfy { $0 == 0 } && a.entropy.isEmpty)
        let noisy = network(rates: [0, 0.5], task: .regression(outputs: 1))
        let b = MonteCarloDropout.predict(noisy, x, samples: 200, seed: 1)
        #expect(b.std.data.allSatisfy { $0 > 0 })
    }

    @Test func summaryComparesWithThePlainPrediction() throws {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.trainSize = 80
        c.hidden = [16, 16]
        let t = try Trainer(config: c)
        for _ in 0..<200 { t.step() }
        let s = MonteCarloDropout.summary(t.mlp!, t.data.validation, samples: 30, seed: 2)
        #expect(s.accuracyEval.map(Float.init) == t.measure(t.data.validation).accuracy)
        #expect(s.accuracyMC != nil && s.eceMC != nil && s.eceEval != nil && s.rmseMC == nil)
        // Same seed, same numbers.
        #expect(MonteCarloDropout.summary(t.mlp!, t.data.validation, samples: 30, seed: 2) == s)
    }

    @Test func expectedCalibrationErrorOfAHandExample() {
        // Bin 13 (0.9): accuracy ½, confidence 0.9; bin 9 (0.6): accuracy 1, confidence 0.6.
        let ece = Calibration.expectedCalibrationError(confidences: [0.9, 0.9, 0.6, 0.6], correct: [true, false, true, true])
        #expect(abs(ece - 0.4) < 1e-12)
        #expect(Calibration.expectedCalibrationError(confidences: [1, 1], correct: [true, true]) == 0)
    }
}
