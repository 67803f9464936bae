import Synchronization
import Foundation
import Testing
@testable import DropoutCore

/// DropConnect (Wan et al. 2013): the weight masks' statistics, the masked forward and
/// backward, and the two inference rules. Tolerances are 4 standard deviations (fixed seeds).
@Suite struct DropConnectTests {
    func gate(_ width: Int, rate: Float, scaling: Scaling = .inverted, seed: UInt64 = 5) -> DropoutLayer {
        DropoutLayer(width: width, rate: rate, scaling: scaling, variant: .dropconnect, rng: Xoshiro(seed: seed))
    }

    func dense(_ inputs: Int, _ outputs: Int, seed: UInt64 = 3) -> DenseLayer {
        var rng = Xoshiro(seed: seed)
        let d = DenseLayer(inputs: inputs, outputs: outputs, initialization: .glorot, rng: &rng)
        d.bias.value = GradientCheck.random(1, outputs, seed: seed + 1)
        return d
    }

    @Test(arguments: [Scaling.inverted, .vanilla], [Float(0.1), 0.5, 0.8])
    func weightMaskHasTheBernoulliMeanAndVariance(scaling: Scaling, p: Float) {
        let g = gate(500, rate: p, scaling: scaling)
        g.drawWeightMask(inputs: 400, outputs: 500)
        let m = g.weightMask.data.map(Double.init)
        let n = Double(m.count), pd = Double(p), q = 1 - pd
        let kept = Double(scaling.keptScale(rate: p))
        #expect(m.allSatisfy { $0 == 0 || $0 == kept })
        let dropped = Double(m.filter { $0 == 0 }.count) / n
        #expect(abs(dropped - pd) < 4 * (pd * q / n).squareRoot())
        // E[M] = (1-p)·kept, Var[M] = kept²·p(1-p) (the moment-matching factor).
        let mean = m.reduce(0, +) / n
        let variance = m.reduce(0) { $0 + ($1 - q * kept) * ($1 - q * kept) } / n
        let s2 = kept * kept * pd * q
        #expect(abs(mean - q * kept) < 4 * (s2 / n).squareRoot())
        let mu4 = pow(kept, 4) * pd * q * (1 - 3 * pd * q)
        // At p = 0.5, (M - E[M])² is the same for every entry: the estimate is exact.
        #expect(abs(variance - s2) <= max(4 * ((mu4 - s2 * s2) / n).squareRoot(), 1e-9 * s2))
        #expect(abs(Double(g.connectionVarianceFactor) - s2) < 1e-6)
    }

    /// One mask per mini-batch, shared by its examples: y = x·(M ⊙ W) + b, and the units of
    /// the position itself pass unchanged.
    @Test func forwardUsesOneMaskForTheBatch() {
        let g = gate(6, rate: 0.5)
        let d = dense(5, 6)
        d.connectionDropout = g
        let x = GradientCheck.random(8, 5, seed: 9)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, into: &y, training: true)
        #expect(g.weightMask.rows == 5 && g.weightMask.cols == 6)
        #expect(g.weightMask.data.contains(0))
        for r in 0..<8 {
            for j in 0..<6 {
                var s = d.bias.value.data[j]
                for i in 0..<5 { s += x[r, i] * g.weightMask[i, j] * d.weight.value[i, j] }
                #expect(abs(y[r, j] - s) < 1e-5)
            }
        }
        var z = Matrix(rows: 0, cols: 0)
        g.forward(y, preActivation: y, into: &z, training: true)
        #expect(z == y)
        #expect(g.mask.data.allSatisfy { $0 == 1 })
    }

    @Test func droppedInputFractionCountsTheUnitsColumn() {
        let g = gate(300, rate: 0.3)
        g.drawWeightMask(inputs: 200, outputs: 300)
        for j in [0, 17, 299] {
            let zeros = (0..<200).filter { g.weightMask[$0, j] == 0 }.count
            #expect(g.droppedInputFraction(unit: j) == Float(zeros) / 200)
        }
        let all = g.droppedInputFractions().map(Double.init)
        let mean = all.reduce(0, +) / 300
        #expect(abs(mean - 0.3) < 4 * (0.3 * 0.7 / 60_000).squareRoot())
    }

    /// Under a fixed mask the layer is `x·(M ⊙ W) + b`: dW = (xᵀ·dy) ⊙ M, dx = dy·(M ⊙ W)ᵀ,
    /// checked against finite differences of the same masked function.
    @Test(arguments: [Scaling.inverted, .vanilla])
    func gradientUnderAFixedMask(scaling: Scaling) {
        let g = gate(4, rate: 0.4, scaling: scaling)
        let d = dense(5, 4)
        d.connectionDropout = g
        let x = GradientCheck.random(6, 5, seed: 11)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, into: &y, training: true)
        let m = g.weightMask
        #expect(m.data.contains(0))
        let c = GradientCheck.random(6, 4, seed: 12)
        var dx = Matrix(rows: 0, cols: 0)
        d.backward(x: x, y: y, dy: c, dx: &dx, needsInputGradient: true)
        func loss(_ xs: Matrix, _ w: Matrix) -> Double {
            var s: Double = 0
            for r in 0..<xs.rows {
                for j in 0..<4 {
                    var a = Double(d.bias.value.data[j])
                    for i in 0..<5 { a += Double(xs[r, i]) * Double(m[i, j] * w[i, j]) }
                    s += a * Double(c[r, j])
                }
            }
            return s
        }
        let numericW = GradientCheck.numeric(d.weight.value.data) { loss(x, Matrix(rows: 5, cols: 4, data: $0)) }
        #expect(GradientCheck.relativeError(d.weight.grad.data, numericW) < 1e-2)
        for i in 0..<m.count where m.data[i] == 0 { #expect(d.weight.grad.data[i] == 0) }
        let numericX = GradientCheck.numeric(x.data) { loss(Matrix(rows: 6, cols: 5, data: $0), d.weight.value) }
        #expect(GradientCheck.relativeError(dx.data, numericX) < 1e-2)
    }

    /// μ and σ² of moment matching are the mean and variance of the training pre-activation
    /// `(M ⊙ W)·v + b` over masks.
    @Test(arguments: [Scaling.inverted, .vanilla])
    func momentsAreThoseOfTheMaskedPreActivation(scaling: Scaling) {
        let g = gate(3, rate: 0.4, scaling: scaling, seed: 21)
        let d = dense(6, 3, seed: 22)
        d.connectionDropout = g
        let v = GradientCheck.random(1, 6, seed: 23)
        var mu = Matrix(rows: 0, cols: 0), s2 = Matrix(rows: 0, cols: 0)
        DropConnect.moments(v, dense: d, gate: g, mean: &mu, variance: &s2)
        let n = 40_000
        var samples = [[Double]](repeating: [], count: 3)
        var y = Matrix(rows: 0, cols: 0)
        for _ in 0..<n {
            d.forward(v, into: &y, training: true)
            for j in 0..<3 { samples[j].append(Double(y.data[j])) }
        }
        for j in 0..<3 {
            let s = samples[j], N = Double(n)
            let mean = s.reduce(0, +) / N
            let m = Double(mu.data[j]), sigma2 = Double(s2.data[j])
            #expect(abs(mean - m) < 4 * (sigma2 / N).squareRoot(), "mean of unit \(j)")
            let centred = s.map { ($0 - m) * ($0 - m) }
            let variance = centred.reduce(0, +) / N
            let m4 = centred.reduce(0) { $0 + $1 * $1 } / N
            #expect(abs(variance - sigma2) < 4 * ((m4 - sigma2 * sigma2) / N).squareRoot(), "variance of unit \(j)")
        }
    }

    /// With the identity activation moment matching averages Z draws of N(μ, σ²): within 4σ/√Z
    /// of μ; the same inputs give the same output twice (the stream restarts).
    @Test func momentMatchingAveragesGaussianSamples() {
        let g = gate(4, rate: 0.5, seed: 31)
        g.inferenceSamples = 400
        let d = dense(5, 4, seed: 32)
        d.connectionDropout = g
        let v = GradientCheck.random(3, 5, seed: 33)
        var mu = Matrix(rows: 0, cols: 0), s2 = Matrix(rows: 0, cols: 0), out = Matrix(rows: 0, cols: 0)
        DropConnect.moments(v, dense: d, gate: g, mean: &mu, variance: &s2)
        DropConnect.momentMatched(v, dense: d, activation: .identity, gate: g, mean: &mu, into: &out)
        for i in 0..<out.count {
            #expect(abs(out.data[i] - mu.data[i]) < 4 * (s2.data[i] / 400).squareRoot() + 1e-6)
        }
        var again = Matrix(rows: 0, cols: 0)
        DropConnect.momentMatched(v, dense: d, activation: .identity, gate: g, mean: &mu, into: &again)
        #expect(again == out)
        // ReLU is convex: the average of a(s) lies above a(μ) where σ > 0 (Jensen), which the
        // mean-field rule misses.
        var relu = Matrix(rows: 0, cols: 0)
        g.inferenceSamples = 4000
        DropConnect.momentMatched(v, dense: d, activation: .relu, gate: g, mean: &mu, into: &relu)
        for i in 0..<relu.count where abs(mu.data[i]) < s2.data[i].squareRoot() {
            #expect(relu.data[i] > max(0, mu.data[i]))
        }
    }

    /// Moment matching polls the running computation's cancellation every 4,096 units: asked
    /// to stop after its first poll, it has written the first block and nothing after it (the
    /// visualizer quitting does not wait for a whole evaluation of a large network).
    @Test func momentMatchingStopsWithinABlockWhenCancelled() {
        let g = gate(4, rate: 0.5, seed: 31)
        let d = dense(5, 4, seed: 32)
        d.connectionDropout = g
        let v = GradientCheck.random(3000, 5, seed: 33)
        var mu = Matrix(rows: 0, cols: 0), full = Matrix(rows: 0, cols: 0), cut = Matrix(rows: 0, cols: 0)
        DropConnect.momentMatched(v, dense: d, activation: .identity, gate: g, mean: &mu, into: &full)
        let polls = Atomic<Int>(0)
        let token = CancellationToken(alsoWhen: { polls.add(1, ordering: .relaxed).newValue > 1 })
        Cancellation.$current.withValue(token) {
            DropConnect.momentMatched(v, dense: d, activation: .identity, gate: g, mean: &mu, into: &cut)
        }
        #expect(full.count == 12_000 && cut.count == full.count)
        #expect(Array(cut.data[0..<4096]) == Array(full.data[0..<4096]))
        #expect(cut.data[4096...].allSatisfy { $0 == 0 })
        #expect(full.data[4096...].contains { $0 != 0 })
    }

    /// The network's evaluation: mean field is `a(E[M]·W·v + b)`; moment matching is
    /// deterministic from call to call; the input position falls back to Bernoulli.
    @Test(arguments: [Scaling.inverted, .vanilla, .none])
    func networkInference(scaling: Scaling) {
        var initRNG = Xoshiro(seed: 41)
        let arch = Architecture(inputs: 3, hidden: [5], task: .classification(classes: 2), activation: .tanh)
        let net = MLPNetwork(arch, rates: [0.2, 0.5], scaling: scaling, variant: .dropconnect, initRNG: &initRNG, maskSeed: 2)
        let x = GradientCheck.random(4, 3, seed: 42)
        net.dropout[1].connectionInference = .meanField
        let meanField = net.predict(x)
        // By hand: input scaled as Bernoulli eval, hidden weights scaled by E[M].
        let s = scaling.evalScale(rate: 0.5), sIn = scaling.evalScale(rate: 0.2)
        let d0 = net.dense[0], d1 = net.dense[1]
        for r in 0..<4 {
            var h = [Float](repeating: 0, count: 5)
            for j in 0..<5 {
                var a = d0.bias.value.data[j]
                for i in 0..<3 { a += sIn * x[r, i] * s * d0.weight.value[i, j] }
                h[j] = tanh(a)
            }
            for k in 0..<2 {
                var z = d1.bias.value.data[k]
                for j in 0..<5 { z += h[j] * d1.weight.value[j, k] }
                #expect(abs(meanField[r, k] - z) < 1e-5)
            }
        }
        net.dropout[1].connectionInference = .momentMatching
        let first = net.predict(x)
        #expect(net.predict(x) == first)
        if scaling == .none { #expect(first == meanField) } else { #expect(first != meanField) }
        // The input position draws a Bernoulli unit mask under DropConnect.
        net.forwardTraining(x)
        #expect(net.dropout[0].mask.data.allSatisfy { $0 == 0 || $0 == scaling.keptScale(rate: 0.2) })
        #expect(net.dropout[0].weightMask.count == 0)
        #expect(net.dropout[1].weightMask.rows == 3 && net.dropout[1].weightMask.cols == 5)
    }
}
