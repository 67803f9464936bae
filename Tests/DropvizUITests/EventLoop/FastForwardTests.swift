import DropoutCore
import Testing
@testable import DropvizUI

extension SweepJobTests {
    /// A state string's fast-forward (FastForward.swift): it asks whether to stop between
    /// steps, and a `q` or Ctrl-C typed ends it there.
    ///
    /// Nested in the serialized sweep suite: a cancelled fast-forward drains `BackgroundWork`,
    /// which would cancel the sweeps there.
    @Suite struct FastForwardRun {
        /// The event loop tests' small run.
        func state() throws -> AppState { try RunLoop().state() }

        /// The keys typed by the 8th check: the steps stop there, at step 7.
        @Test func aCancellingKeyStopsItAtTheNextCheck() throws {
            for key: UInt8 in [UInt8(ascii: "q"), 3] {
                var s = try state()
                var checks = 0
                var progress: [Int] = []
                let outcome = FastForward.run(&s, steps: 1_000, checkInterval: .zero, progress: { progress.append($0) }) {
                    checks += 1
                    return FastForward.cancels(checks == 8 ? [UInt8(ascii: "x"), key] : [])
                }
                #expect(outcome == .cancelled(atStep: 7))
                #expect(s.trainer.currentStep == 7)
                #expect(progress == Array(1...7))
                #expect(BackgroundWork.shared.running == 0, "evaluations started meanwhile have ended")
            }
        }

        /// Other keys do not stop it, and it ends where a plain loop of steps would.
        @Test func otherKeysLeaveItToTheEnd() throws {
            var s = try state()
            let outcome = FastForward.run(&s, steps: 40, checkInterval: .zero, progress: { _ in }) {
                FastForward.cancels(Array("pnx[] ".utf8) + [27, 13])
            }
            #expect(outcome == .finished)
            var plain = try state()
            for _ in 0..<40 { update(&plain, .step) }
            #expect(s.trainer.currentStep == 40)
            #expect(s.trainer.mlp!.weights == plain.trainer.mlp!.weights)
        }

        /// Checks are spaced in time: a long interval asks once, before the first step.
        @Test func checksAreSpacedByTheInterval() throws {
            var s = try state()
            var checks = 0
            _ = FastForward.run(&s, steps: 30, checkInterval: .seconds(3600), progress: { _ in }) {
                checks += 1
                return false
            }
            #expect(checks == 1)
        }
    }
}
