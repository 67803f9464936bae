import DropoutCore

/// What `update` asks the event loop to do because the state cannot hold it: writing files
/// and running work on another thread. `update` stays a function from a state and a message to
/// a state (tests call it without touching the disk or starting threads); the loop runs the
/// effects through an `EffectRunner` and their results come back as `Msg`s.
public enum Effect: Sendable, Equatable {
    /// `x`: write the screen's figures and the curves CSV (in the runner's directory, the
    /// working directory in the program); answered by `.exported(notice:)`.
    case exportFigures(theme: FigureTheme)
    /// `W`: cancel the sweep running before (if any) and start this one; its results arrive
    /// as `.sweepProgress` while it runs.
    case startSweep(SweepRequest)
}

/// A rate sweep to run in the background: `rates` × `seeds` networks of `steps` steps on `base`.
public struct SweepRequest: Sendable, Equatable {
    public var base: TrainingConfig
    public var rates: [Float]
    public var seeds: Int
    public var steps: Int

    public init(base: TrainingConfig, rates: [Float], seeds: Int, steps: Int) {
        self.base = base
        self.rates = rates
        self.seeds = seeds
        self.steps = steps
    }

    /// What the sweep panel shows before the first network has finished.
    public var emptySnapshot: SweepJob.Snapshot {
        SweepJob.Snapshot(total: rates.count * seeds, steps: steps, seeds: seeds)
    }
}
