import Testing
@testable import DropoutCore

/// A cancelled sweep run stops within one training step: cancellation is asked before every
/// step, not only between networks.
@Suite struct RateSweepCancellationTests {
    static var config: TrainingConfig {
        var c = TrainingConfig()
        c.dataset = "xor"
        c.hidden = [8]
        c.rates = [0, 0]
        return c
    }

    @Test func cancellationIsAskedBeforeEveryStepAndStopsTheRun() throws {
        let c = Self.config
        var asked = 0
        // Answers "cancelled" at the 38th question: 37 steps ran, the 38th never starts.
        #expect(throws: CancellationError.self) {
            _ = try RateSweep.run(c, rate: 0.2, seed: 1, steps: 1000) {
                asked += 1
                return asked > 37
            }
        }
        #expect(asked == 38)
    }

    @Test func anUncancelledRunAsksOncePerStepAndOnceBeforeItsFinalEvaluation() throws {
        let c = Self.config
        var asked = 0
        _ = try RateSweep.run(c, rate: 0.2, seed: 1, steps: 50) {
            asked += 1
            return false
        }
        #expect(asked == 51)
    }
}
