import DropoutCore
import DropvizUI
import Foundation
import TermUI
import Testing
@testable import dropviz

/// The event loop's input handling: every key already waiting is handled in the frame that
/// finds it, even when the frame has overrun its time (a slow step or panel).
@Suite struct EventLoopTests {
    /// A queue of events standing in for the terminal; records the timeouts asked for.
    final class FakeInput {
        var events: [InputEvent]
        var timeouts: [Int] = []
        init(_ events: [InputEvent]) { self.events = events }
        func poll(_ ms: Int) -> InputEvent? {
            timeouts.append(ms)
            return events.isEmpty ? nil : events.removeFirst()
        }
    }

    func state() throws -> AppState {
        var c = TrainingConfig()
        c.hidden = [4]
        c.rates = [0, 0.5]
        return AppState(trainer: try Trainer(config: c), width: 100, height: 30)
    }

    @Test func anOverrunFrameStillHandlesEveryWaitingKey() throws {
        var s = try state()
        let start = s.speedIndex
        // Three speed-ups and a pause, all waiting when the frame is already over.
        let input = FakeInput(Array(repeating: .char("]"), count: 3) + [.char(" ")])
        let clock = ContinuousClock()
        Visualizer.handleInput(&s, until: clock.now - .milliseconds(50), clock: clock, effects: EffectRunner()) { input.poll($0) }
        #expect(input.events.isEmpty)
        #expect(s.paused)
        #expect(s.speedIndex == min(start + 3, AppState.speeds.count - 1))
        // Past the deadline it only looks (timeout 0), it never waits.
        #expect(input.timeouts.allSatisfy { $0 == 0 })
    }

    @Test func quitStopsReadingInput() throws {
        var s = try state()
        let input = FakeInput([.char("q"), .char(" ")])
        let clock = ContinuousClock()
        Visualizer.handleInput(&s, until: clock.now + .milliseconds(5), clock: clock, effects: EffectRunner()) { input.poll($0) }
        #expect(s.quit)
        #expect(input.events.count == 1)
    }
}
