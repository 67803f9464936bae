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
    case startSweep(RateSweep.Plan)
    /// A panel value a frame lacks (PanelCache.swift): computed on another thread from the
    /// request's snapshot, answered by `.panelValue` when done. A newer request for the same
    /// slot cancels it.
    case computePanel(PanelRequest)
    /// `d`, `{` `}`, `(` `)`: build this new run on another thread (TrainerBuild.swift),
    /// answered by `.trainerBuilt`. A newer request replaces one not yet answered.
    case buildTrainer(TrainerBuild)
}

extension SweepJob.Snapshot {
    /// What the sweep panel shows of `plan` before its first network has finished.
    public init(empty plan: RateSweep.Plan) {
        self.init(total: plan.rates.count * plan.seeds, steps: plan.steps, seeds: plan.seeds)
    }
}
