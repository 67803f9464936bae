import DropoutCore

/// The visualizer's evaluations on the full sets run on another thread
/// (DropoutCore/BackgroundEvaluation.swift), so that an evaluation step under DropConnect,
/// or on a large CNN, does not hold a key for hundreds of milliseconds.
extension AppState {
    /// The trainers that step: the grid's cells (or the one network) and the twin.
    var steppingTrainers: [Trainer] {
        (grid?.cells ?? [trainer]) + (twin.map { [$0] } ?? [])
    }

    /// Once a frame in the visualizer: gives every stepping trainer (a grid, a twin or a new
    /// network may have appeared since) a background evaluator, and records the evaluations
    /// finished since the last frame (also while paused, when no step collects them).
    public func scheduleEvaluationsInBackground() {
        for t in steppingTrainers {
            if t.backgroundEvaluation == nil { t.backgroundEvaluation = Self.backgroundEvaluator() }
            t.collectBackgroundEvaluations()
        }
    }

    /// An evaluator on a thread counted by `BackgroundWork`, stopped when the process exits.
    static func backgroundEvaluator() -> BackgroundEvaluation {
        BackgroundEvaluation(spawn: { name, body in BackgroundWork.shared.start(name: name, body) },
                             cancelled: { BackgroundWork.shared.isCancellingAll })
    }

    /// Whether training waits this frame for the evaluations in the background.
    public var evaluationBacklogged: Bool { steppingTrainers.contains { $0.evaluationBacklogged } }
}
