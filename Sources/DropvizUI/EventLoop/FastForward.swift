import DropoutCore

/// A state string's `step=N`: the run is trained up to step N before the screen is taken,
/// which may take minutes. It stays answerable: between steps, at most every
/// `checkInterval`, it asks `stop` (the caller reads the keys typed and the signals), and
/// ends there when told to.
public enum FastForward {
    public enum Outcome: Equatable, Sendable {
        case finished
        /// Ended by the user at this step; the background work started meanwhile has ended.
        case cancelled(atStep: Int)
    }

    /// `progress` gets the number of steps done after each step.
    public static func run(_ state: inout AppState, steps: Int, checkInterval: Duration = .milliseconds(20),
                           progress: (Int) -> Void, stop: () -> Bool) -> Outcome {
        let clock = ContinuousClock()
        var nextCheck = clock.now
        for i in 0..<steps {
            // Checked before each step, so a key typed at once stops it before the first one.
            if clock.now >= nextCheck {
                if stop() {
                    // Evaluations started on the other core must not be inside BLAS at exit.
                    BackgroundWork.shared.drain()
                    return .cancelled(atStep: i)
                }
                nextCheck = clock.now + checkInterval
            }
            update(&state, .step)
            progress(i + 1)
        }
        return .finished
    }

    /// Whether the bytes typed hold a key that quits the visualizer: `q` or Ctrl-C (the
    /// terminal's signal keys are off meanwhile, so Ctrl-C arrives as the byte 3).
    public static func cancels(_ typed: [UInt8]) -> Bool {
        typed.contains(UInt8(ascii: "q")) || typed.contains(3)
    }
}
