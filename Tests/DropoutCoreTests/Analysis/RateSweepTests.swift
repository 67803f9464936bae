import Testing
@testable import DropoutCore

@Suite struct RateSweepTests {
    func run(_ rate: Float, _ seed: UInt64, final: Double, best: Double, acc: Double, train: Double) -> RateSweep.Run {
        RateSweep.Run(rate: rate, seed: seed, finalTrainLoss: train, finalValLoss: final, bestValLoss: best,
                      finalValAccuracy: acc, bestValAccuracy: acc + 0.01, diverged: false)
    }

    @Test func summaryIsMeanAndSampleStdPerRate() {
        let runs = [run(0.5, 1, final: 1, best: 0.5, acc: 0.8, train: 0.1), run(0.5, 2, final: 3, best: 0.7, acc: 0.9, train: 0.3),
                    run(0, 1, final: 4, best: 0.4, acc: 0.7, train: 0)]
        let rows = RateSweep.summarize(runs)
        #expect(rows.map(\.rate) == [0, 0.5])
        let half = rows[1]
        #expect(half.runs == 2)
        #expect(half.finalValLoss.mean == 2)
        #expect(abs(half.finalValLoss.std - 2.squareRoot()) < 1e-12)
        #expect(abs(half.gap.mean - 1.8) < 1e-12)
        #expect(abs((half.finalValAccuracy?.mean ?? 0) - 0.85) < 1e-12)
        #expect(rows[0].finalValLoss.std == 0)
        #expect(RateSweep.bestByLoss(rows)?.rate == 0.5)
        #expect(RateSweep.bestByAccuracy(rows)?.rate == 0.5)
    }

    @Test func aRunIsTheSameAsTrainingTheConfigByHand() throws {
        var c = TrainingConfig()
        c.dataset = "xor"
        c.trainSize = 60
        c.hidden = [16]
        c.rates = [0.1, 0]
        c.evalEvery = 50
        let r = try RateSweep.run(c, rate: 0.3, seed: 4, steps: 200)
        var d = c
        d.rates = [0.1, 0.3]
        d.seed = 4
        let t = try Trainer(config: d)
        for _ in 0..<200 { t.step() }
        #expect(r.finalValLoss == Double(t.lastEvaluation?.valLoss ?? .nan))
        #expect(r.bestValLoss == t.history.valLoss.points.map(\.value).min())
        #expect(r.rate == 0.3 && r.seed == 4)
    }
}
