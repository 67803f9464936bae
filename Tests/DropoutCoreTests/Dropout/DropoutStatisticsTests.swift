import Testing
@testable import DropoutCore

/// Statistics of the masks over large tensors, against their expected values, with tolerances
/// of 4 standard deviations of the estimate (fixed seeds: never flaky, and a wrong formula is
/// off by far more than 4σ at these sizes).
@Suite struct DropoutStatisticsTests {
    static let rows = 1000, cols = 1000
    static var n: Double { Double(rows * cols) }

    @Test(arguments: [Float(0.1), 0.5, 0.9])
    func droppedFractionAndInvertedMean(p: Float) {
        let d = DropoutLayer(width: Self.cols, rate: p, scaling: .inverted, rng: Xoshiro(seed: 7))
        let x = Matrix(rows: Self.rows, cols: Self.cols, repeating: 1)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, into: &y, training: true)
        let dropped = Double(y.data.filter { $0 == 0 }.count)
        let pd = Double(p)
        let sdFraction = (pd * (1 - pd) / Self.n).squareRoot()
        #expect(abs(dropped / Self.n - pd) < 4 * sdFraction)
        // Kept units carry exactly 1/(1-p).
        #expect(y.data.allSatisfy { $0 == 0 || $0 == 1 / (1 - p) })
        // E[y] = x, Var[y] = x²·p/(1-p).
        let mean = y.data.reduce(0.0) { $0 + Double($1) } / Self.n
        let sdMean = (pd / (1 - pd) / Self.n).squareRoot()
        #expect(abs(mean - 1) < 4 * sdMean)
    }

    @Test(arguments: [Float(0.1), 0.5, 0.9])
    func varianceOfInvertedOutput(p: Float) {
        let d = DropoutLayer(width: Self.cols, rate: p, scaling: .inverted, rng: Xoshiro(seed: 8))
        let x = Matrix(rows: Self.rows, cols: Self.cols, repeating: 2)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, into: &y, training: true)
        // Around the known mean E[y] = 2, so that the estimate's spread is exactly the one below.
        let variance = y.data.reduce(0.0) { $0 + (Double($1) - 2) * (Double($1) - 2) } / Self.n
        let pd = Double(p)
        let expected = 4 * pd / (1 - pd)
        // y/2 is a scaled Bernoulli: Var of the variance estimate from its fourth moment.
        let keep = 1 - pd
        let a = 2 / keep
        let m4 = keep * pow(a - 2, 4) + pd * 16
        let sd = ((m4 - expected * expected) / Self.n).squareRoot()
        // At p = 0.5, (y-2)² is 4 for every unit: the estimate is exact up to rounding.
        #expect(abs(variance - expected) < max(4 * sd, 1e-9 * expected))
    }

    @Test(arguments: [Float(0.1), 0.5, 0.9])
    func vanillaKeepsUnscaledAndEvalScales(p: Float) {
        let d = DropoutLayer(width: 100, rate: p, scaling: .vanilla, rng: Xoshiro(seed: 9))
        let x = GradientCheck.random(50, 100, seed: 10)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, into: &y, training: true)
        for i in 0..<x.count { #expect(y.data[i] == 0 || y.data[i] == x.data[i]) }
        d.forward(x, into: &y, training: false)
        for i in 0..<x.count { #expect(y.data[i] == x.data[i] * (1 - p)) }
    }

    @Test(arguments: [Scaling.inverted, .none])
    func evalIsIdentity(scaling: Scaling) {
        let d = DropoutLayer(width: 30, rate: 0.5, scaling: scaling, rng: Xoshiro(seed: 1))
        let x = GradientCheck.random(20, 30, seed: 2)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, into: &y, training: false)
        #expect(y == x)
    }

    @Test func noRescalingTrainsUnscaled() {
        let d = DropoutLayer(width: 30, rate: 0.5, scaling: .none, rng: Xoshiro(seed: 1))
        let x = GradientCheck.random(20, 30, seed: 2)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, into: &y, training: true)
        for i in 0..<x.count { #expect(y.data[i] == 0 || y.data[i] == x.data[i]) }
    }

    @Test(arguments: [Float(0.1), 0.5, 0.9])
    func backwardIsUpstreamTimesTheSameMask(p: Float) {
        let d = DropoutLayer(width: 64, rate: p, rng: Xoshiro(seed: 3))
        let x = GradientCheck.random(32, 64, seed: 4)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, into: &y, training: true)
        let dy = GradientCheck.random(32, 64, seed: 5)
        var dx = Matrix(rows: 0, cols: 0)
        d.backward(x: x, y: y, dy: dy, dx: &dx, needsInputGradient: true)
        for i in 0..<dx.count {
            #expect(dx.data[i] == dy.data[i] * d.mask.data[i])
            // The mask that scaled the output is the one applied to the gradient.
            #expect((y.data[i] == 0) == (dx.data[i] == 0) || x.data[i] == 0 || dy.data[i] == 0)
        }
    }

    @Test func rateZeroIsIdentity() {
        for scaling in Scaling.allCases {
            let d = DropoutLayer(width: 40, rate: 0, scaling: scaling, rng: Xoshiro(seed: 3))
            let x = GradientCheck.random(10, 40, seed: 4)
            var y = Matrix(rows: 0, cols: 0)
            d.forward(x, into: &y, training: true)
            #expect(y == x)
            d.forward(x, into: &y, training: false)
            #expect(y == x)
        }
    }

    @Test func masksAreFreshEveryStepAndIndependentPerExample() {
        let d = DropoutLayer(width: 200, rate: 0.5, rng: Xoshiro(seed: 3))
        d.drawMask(rows: 2)
        let first = d.mask
        d.drawMask(rows: 2)
        #expect(first != d.mask)
        #expect(Array(first.row(0)) != Array(first.row(1)))
    }

    /// The pitfall of ../shared/DROPOUT.md: `normal() < keep` keeps Φ(keep) ≈ 69% at keep 0.5.
    /// Our mask keeps 50%, and a test of the fraction tells the two apart by a wide margin.
    @Test func notTheNormalDrawPitfall() {
        let d = DropoutLayer(width: 1000, rate: 0.5, rng: Xoshiro(seed: 12))
        d.drawMask(rows: 100)
        let kept = Double(d.mask.data.filter { $0 != 0 }.count) / 100_000
        #expect(abs(kept - 0.5) < 4 * (0.25 / 100_000).squareRoot())
        #expect(abs(kept - 0.69) > 0.1)
    }

    @Test(arguments: [Float(0.1), 0.5, 0.9])
    func gaussianGatesHaveMeanOneAndVariancePOverOneMinusP(p: Float) {
        let d = DropoutLayer(width: Self.cols, rate: p, variant: .gaussian, rng: Xoshiro(seed: 13))
        d.drawMask(rows: Self.rows)
        let g = d.mask.data.map(Double.init)
        let mean = g.reduce(0, +) / Self.n
        let variance = g.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Self.n
        let s2 = Double(p / (1 - p))
        #expect(abs(mean - 1) < 4 * (s2 / Self.n).squareRoot())
        #expect(abs(variance - s2) < 4 * s2 * (2 / Self.n).squareRoot())
        #expect(!g.contains(0))
    }
}

import Foundation
