import ArgumentParser
import DropoutCore
import DropvizUI
import Foundation
import TerminalBackend

extension Setup {
    /// Trains up to the state string's step with a progress bar on stderr, reading the keys
    /// meanwhile (KeyWatch): `q` or Ctrl-C ends it at once, as it would end the visualizer.
    /// Returns false when it was cancelled: the caller then ends with status 0 (or 128 + the
    /// signal for SIGHUP, SIGUSR1, SIGPIPE, as the visualizer does), the screen never taken.
    func runFastForward(_ state: inout AppState) throws -> Bool {
        var bar = ProgressBar(total: fastForward)
        let keys = KeyWatch()
        defer { keys?.stop() }
        let outcome = FastForward.run(&state, steps: fastForward, progress: { bar.update($0, note: "steps to the state's step") }) {
            guard let keys else { return false }
            return keys.signalled != 0 || FastForward.cancels(keys.typed())
        }
        bar.finish()
        let signal = keys?.signalled ?? 0
        keys?.stop()
        guard case .cancelled(let step) = outcome else {
            state.paused = true
            return true
        }
        Console.stderr("dropviz: stopped at step \(step) of \(fastForward) before the screen opened\n")
        if signal != 0 && signal != SIGINT && signal != SIGTERM { throw ExitCode(128 + signal) }
        return false
    }
}
