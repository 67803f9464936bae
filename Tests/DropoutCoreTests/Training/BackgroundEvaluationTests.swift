import Foundation
import Testing
@testable import DropoutCore

/// Evaluations moved to another thread (the visualizer) give the same history as inline ones,
/// and leave the training exactly as it was: same weights, same losses, whatever the timing.
struct BackgroundEvaluationTests {
    static func config(_ variant: DropoutVariant) -> TrainingConfig {
        var c = TrainingConfig()
        c.hidden = [24, 16]
        c.rates = [0.1, 0.5, 0.4]
        c.variant = variant
        c.evalEvery = 7
        return c
    }

    static func threads() -> BackgroundEvaluation {
        BackgroundEvaluation(spawn: { name, body in
            let t = Thread(block: body)
            t.name = name
            t.start()
        })
    }

    @Test(arguments: [DropoutVariant.bernoulli, .dropconnect])
    func sameHistoryAndWeightsAsInline(_ variant: DropoutVariant) throws {
        let inline = try Trainer(config: Self.config(variant))
        let background = try Trainer(config: Self.config(variant))
        background.backgroundEvaluation = Self.threads()
        for i in 0..<60 {
            inline.step()
            background.step()
            // Uneven timing: sometimes the evaluations finish before the next step, sometimes not.
            if i % 9 == 0 { Thread.sleep(forTimeInterval: 0.01) }
        }
        background.collectBackgroundEvaluations(waiting: true)
        #expect(background.model.parameters.map(\.value) == inline.model.parameters.map(\.value))
        #expect(background.history.batchLoss.points == inline.history.batchLoss.points)
        #expect(background.history.valLoss.points.count == 60 / 7)
        #expect(background.history.valLoss.points == inline.history.valLoss.points)
        #expect(background.history.trainLoss.points == inline.history.trainLoss.points)
        #expect(background.history.valAccuracy.points == inline.history.valAccuracy.points)
        #expect(background.lastEvaluation == inline.lastEvaluation)
        #expect(background.backgroundEvaluation?.backlog == 0)
    }

    /// An evaluation of the weights before a reset is not recorded after it.
    @Test func resetDropsEvaluationsOfTheOldWeights() throws {
        let t = try Trainer(config: Self.config(.bernoulli))
        t.backgroundEvaluation = Self.threads()
        for _ in 0..<7 { t.step() }
        t.reset()
        while t.backgroundEvaluation?.isIdle == false { Thread.sleep(forTimeInterval: 0.001) }
        t.collectBackgroundEvaluations()
        #expect(t.history.valLoss.points.isEmpty)
        #expect(t.lastEvaluation == nil)
    }
}
