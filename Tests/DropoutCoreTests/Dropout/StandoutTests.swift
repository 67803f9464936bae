import Foundation
import Testing
@testable import DropoutCore

/// Standout (Ba & Frey 2013): π = σ(α·a + β), m ~ Bernoulli(π), train m·x, eval π·x.
@Suite struct StandoutTests {
    func layer(_ width: Int, alpha: Float = 1, beta: Float = 0, rate: Float = 0.5, seed: UInt64 = 7) -> DropoutLayer {
        let d = DropoutLayer(width: width, rate: rate, variant: .standout, rng: Xoshiro(seed: seed))
        d.standoutAlpha = alpha
        d.standoutBeta = beta
        return d
    }

    @Test func keepProbabilitiesAreTheSigmoidOfTheScaledPreActivation() {
        let a = GradientCheck.random(5, 4, seed: 1, scale: 2)
        var pi = Matrix(rows: 0, cols: 0)
        DropoutLayer.standoutKeep(preActivation: a, alpha: 2, beta: -0.5, into: &pi)
        for i in 0..<a.count {
            #expect(abs(pi.data[i] - 1 / (1 + exp(-(2 * a.data[i] - 0.5)))) < 1e-6)
        }
        DropoutLayer.standoutKeep(preActivation: a, alpha: 0, beta: 0, into: &pi)
        #expect(pi.data.allSatisfy { $0 == 0.5 })
    }

    /// Per unit, the kept fraction over many examples is π_j within 4·√(π(1-π)/n).
    @Test(arguments: [(Float(1), Float(0)), (-1.5, 0.5)])
    func gatesKeepEachUnitWithItsProbability(alpha: Float, beta: Float) {
        let columns: [Float] = [-3, -1, 0, 0.5, 2, 4]
        let n = 40_000
        var a = Matrix(rows: n, cols: columns.count)
        for r in 0..<n { for j in columns.indices { a[r, j] = columns[j] } }
        let d = layer(columns.count, alpha: alpha, beta: beta)
        let x = Matrix(rows: n, cols: columns.count, repeating: 3)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, preActivation: a, into: &y, training: true)
        #expect(d.mask.data.allSatisfy { $0 == 0 || $0 == 1 })
        for i in 0..<y.count { #expect(y.data[i] == 3 * d.mask.data[i]) }
        for j in columns.indices {
            let pi = Double(1 / (1 + exp(-(alpha * columns[j] + beta))))
            #expect(abs(Double(d.keep[0, j]) - pi) < 1e-6)
            let kept = Double((0..<n).filter { d.mask[$0, j] == 1 }.count) / Double(n)
            #expect(abs(kept - pi) < 4 * (pi * (1 - pi) / Double(n)).squareRoot(), "unit \(j)")
        }
    }

    @Test func evalMultipliesByTheKeepProbability() {
        let d = layer(4, alpha: 1.5, beta: 0.2)
        let a = GradientCheck.random(3, 4, seed: 2)
        let x = GradientCheck.random(3, 4, seed: 3)
        var trained = Matrix(rows: 0, cols: 0)
        d.forward(x, preActivation: a, into: &trained, training: true)
        let trainingKeep = d.keep
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, preActivation: GradientCheck.random(3, 4, seed: 4), into: &y, training: false)
        var pi = Matrix(rows: 0, cols: 0)
        DropoutLayer.standoutKeep(preActivation: GradientCheck.random(3, 4, seed: 4), alpha: 1.5, beta: 0.2, into: &pi)
        for i in 0..<y.count { #expect(abs(y.data[i] - pi.data[i] * x.data[i]) < 1e-6) }
        // Evaluation leaves the training step's π (what the diagram shows) alone.
        #expect(d.keep == trainingKeep)
    }

    @Test func rateZeroSwitchesStandoutOff() {
        let d = layer(5, rate: 0)
        let x = GradientCheck.random(4, 5, seed: 5)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, preActivation: x, into: &y, training: true)
        #expect(y == x)
        d.forward(x, preActivation: x, into: &y, training: false)
        #expect(y == x)
    }

    /// Under a fixed gate the layer is linear in x: dx = dy ⊙ m, and π is not differentiated.
    @Test func gradientUnderAFixedGate() {
        let d = layer(6)
        let a = GradientCheck.random(4, 6, seed: 6)
        let x = GradientCheck.random(4, 6, seed: 7)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, preActivation: a, into: &y, training: true)
        let m = d.mask
        #expect(m.data.contains(0) && m.data.contains(1))
        let c = GradientCheck.random(4, 6, seed: 8)
        var dx = Matrix(rows: 0, cols: 0)
        d.backward(x: x, y: y, dy: c, dx: &dx, needsInputGradient: true)
        let numeric = GradientCheck.numeric(x.data) { xs in
            var s: Double = 0
            for i in xs.indices { s += Double(xs[i] * m.data[i]) * Double(c.data[i]) }
            return s
        }
        #expect(GradientCheck.relativeError(dx.data, numeric) < 1e-2)
        for i in 0..<dx.count { #expect(dx.data[i] == c.data[i] * m.data[i]) }
    }
}
