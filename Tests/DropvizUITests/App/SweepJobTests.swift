import DropoutCore
import Foundation
import Testing
@testable import DropvizUI

/// Background sweeps: at most one trains, a cancelled one ends within a training step, and
/// `BackgroundWork.drain()` leaves no thread running (the visualizer calls it before exit).
@Suite(.serialized) struct SweepJobTests {
    func base() -> TrainingConfig {
        var c = TrainingConfig()
        c.dataset = "digits"
        c.hidden = [64, 64]
        c.rates = [0, 0.5, 0.5]
        return c
    }

    @Test func aBurstOfSweepsRunsOnOneThreadAndDrainStopsIt() throws {
        let jobs = (0..<50).map { _ in SweepJob(base: base(), rates: [0.1, 0.5], seeds: 2, steps: 100_000) }
        // Only the newest one is left to run; the others were cancelled before they started.
        #expect(BackgroundWork.shared.running <= 1 + 2)  // the sweep runner, panel jobs of other tests
        #expect(SweepRunner.isRunning)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(BackgroundWork.shared.drain(timeout: .seconds(10)))
        // 100 000 steps of a 64-64 digits network take minutes: stopping took one step.
        #expect(clock.now - start < .seconds(5))
        #expect(!SweepRunner.isRunning)
        #expect(BackgroundWork.shared.running == 0)
        #expect(jobs.allSatisfy { $0.snapshot.runs.isEmpty })
    }

    @Test func aCancelledSweepStopsWithinAStepAndTheNextOneRuns() throws {
        var small = base()
        small.dataset = "xor"
        small.hidden = [4]
        small.rates = [0, 0]
        let long = SweepJob(base: base(), rates: [0.5], seeds: 1, steps: 100_000)
        let short = SweepJob(base: small, rates: [0, 0.5], seeds: 1, steps: 20)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(20)
        while !short.snapshot.done && clock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(short.snapshot.runs.count == 2)
        #expect(long.snapshot.runs.isEmpty)
        #expect(BackgroundWork.shared.drain(timeout: .seconds(10)))
    }
}
