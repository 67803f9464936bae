import TermUI

/// What can happen to the visualizer.
public enum Msg: Sendable, Equatable {
    /// A key or mouse click.
    case input(InputEvent)
    /// Run one training step (the event loop sends as many a frame as the speed says).
    case step
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// The event loop's measurement of training speed.
    case measured(stepsPerSecond: Double)
    /// The result of `Effect.exportFigures`: the files written, or what went wrong.
    case exported(notice: String)
    /// The background sweep's results so far (`Effect.startSweep`), sent as they grow.
    case sweepProgress(SweepJob.Snapshot)
    /// A panel's value computed for a frame's request (`Effect.computePanel`), to store.
    case panelValue(PanelResult)
    /// The run `Effect.buildTrainer` asked for, built (or why it could not be).
    case trainerBuilt(BuiltTrainer)
    /// A frame is about to be drawn: compute the derived state `view` reads (ExampleForward.swift).
    case frame
}
