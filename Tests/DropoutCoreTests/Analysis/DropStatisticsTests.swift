import Testing
@testable import DropoutCore

/// The running drop statistics the visualizer shows against `p`: they converge to `p` (and
/// to `p/(1-p)` for Gaussian gates) within 4 standard deviations of the estimate, the per-unit
/// counts add up, and they restart at a reset or a rate change.
@Suite struct DropStatisticsTests {
    static func trainer(variant: DropoutVariant = .bernoulli, rates: [Float] = [0.2, 0.5], scaling: Scaling = .inverted) throws -> Trainer {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.trainSize = 64
        c.hidden = [32]
        c.rates = rates
        c.variant = variant
        c.scaling = scaling
        c.batchSize = 32
        c.evalEvery = 1000
        let t = try Trainer(config: c)
        t.recordsDropStatistics = true
        return t
    }

    @Test func headlessTrainingRecordsNothing() throws {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.hidden = [8]
        c.rates = [0, 0.5]
        let t = try Trainer(config: c)
        for _ in 0..<5 { t.step() }
        #expect(t.dropStatistics[position: 1] == nil)
    }

    @Test(arguments: [Scaling.inverted, .vanilla])
    func layerDropFractionConvergesToRate(scaling: Scaling) throws {
        let t = try Self.trainer(scaling: scaling)
        for _ in 0..<200 { t.step() }
        for (d, p) in [(0, 0.2), (1, 0.5)] {
            let s = try #require(t.dropStatistics[position: d])
            #expect(s.steps == 200)
            #expect(s.drawsPerUnit == 200 * 32)
            // Binomial: sd of the fraction is √(p(1-p)/n).
            let sd = (p * (1 - p) / Double(s.totalDraws)).squareRoot()
            #expect(abs(s.dropFraction - p) < 4 * sd, "position \(d): \(s.dropFraction) vs \(p)")
            #expect(abs(s.dropFractionStandardError - sd) < 1e-6 * sd, "p is a Float")
        }
    }

    /// Gaussian gates g ~ N(1, σ²), σ² = p/(1-p): the sample variance has sd √(2σ⁴/n).
    @Test func gaussianGateVarianceConvergesToPOverOneMinusP() throws {
        let t = try Self.trainer(variant: .gaussian, rates: [0.2, 0.5])
        for _ in 0..<200 { t.step() }
        for (d, p) in [(0, 0.2), (1, 0.5)] {
            let s = try #require(t.dropStatistics[position: d])
            let sigma2 = p / (1 - p)
            let n = Double(s.gateCount)
            #expect(s.totalDropped == 0, "a Gaussian gate is never exactly 0")
            #expect(abs(s.gateVariance - sigma2) < 4 * (2 * sigma2 * sigma2 / n).squareRoot(), "position \(d): \(s.gateVariance) vs \(sigma2)")
            #expect(abs(s.gateMean - 1) < 4 * (sigma2 / n).squareRoot())
        }
    }

    /// Per unit: exactly the zeros of the masks the steps drew, and they sum to the total.
    @Test func perUnitCountsAddUpToTheMasks() throws {
        let t = try Self.trainer()
        var expected = [Int](repeating: 0, count: 32)
        for _ in 0..<25 {
            t.step()
            let m = t.mlp!.dropout[1].mask
            for r in 0..<m.rows { for j in 0..<32 where m[r, j] == 0 { expected[j] += 1 } }
        }
        let s = try #require(t.dropStatistics[position: 1])
        #expect(s.dropped == expected)
        #expect(s.dropped.reduce(0, +) == s.totalDropped)
        #expect(s.totalDraws == 25 * 32 * 32)
        #expect(abs(s.dropFraction(unit: 3) - Double(expected[3]) / Double(25 * 32)) < 1e-12)
    }

    @Test func dropConnectCountsDroppedInputsPerUnit() throws {
        let t = try Self.trainer(variant: .dropconnect, rates: [0, 0.5])
        var expected = [Int](repeating: 0, count: 32)
        for _ in 0..<40 {
            t.step()
            let layer = t.mlp!.dropout[1]
            for j in 0..<32 { expected[j] += Int((layer.droppedInputFraction(unit: j) * 2).rounded()) }
        }
        let s = try #require(t.dropStatistics[position: 1])
        // Two inputs (moons) per unit per step.
        #expect(s.drawsPerUnit == 40 * 2)
        #expect(s.dropped == expected)
        let sd = (0.25 / Double(s.totalDraws)).squareRoot()
        #expect(abs(s.dropFraction - 0.5) < 4 * sd)
    }

    @Test func standoutDropFractionMatchesMeanKeep() throws {
        let t = try Self.trainer(variant: .standout, rates: [0, 0.5])
        for _ in 0..<100 { t.step() }
        let s = try #require(t.dropStatistics[position: 1])
        // E[dropped] = 1 − mean π; the drops are independent given π, so the sd is at most ½/√n.
        let sd = 0.5 / Double(s.totalDraws).squareRoot()
        #expect(abs(s.dropFraction - (1 - s.meanKeep)) < 4 * sd)
        #expect(s.meanKeep > 0 && s.meanKeep < 1)
    }

    @Test func restartsAtResetAndRateChange() throws {
        let t = try Self.trainer()
        for _ in 0..<5 { t.step() }
        try t.setRate(0.3, layer: 1)
        t.step()
        #expect(t.dropStatistics[position: 1]?.steps == 1)
        #expect(t.dropStatistics[position: 1]?.rate == 0.3)
        #expect(t.dropStatistics[position: 0]?.steps == 6, "the other position carries on")
        t.reset()
        #expect(t.dropStatistics[position: 0] == nil)
    }
}
