import DropoutCore
import TermUI

/// The time cursor: `PgUp`/`PgDn` move it back/forward by a tenth of the run, `Home` to the
/// first step, `End` back to live. While it is set, the trainer (and twin) on screen are
/// rebuilt at the cursor's step (`Trainer.rebuilt(atStep:)`), so the diagram and every panel
/// show that moment, and training is paused; the live run waits here untouched.
public struct RewindCursor {
    /// The run as it was when the cursor left it: `End` puts it back.
    public let live: Trainer
    public let liveTwin: Trainer?
    let wasPaused: Bool
    /// The step shown.
    public internal(set) var step: Int
    /// The trainer rebuilt at `step`: when something else takes its place (a reset, a new
    /// data set) the cursor is dropped and the live run with it.
    var cursor: Trainer
}

/// The old future of a run that branched: drawn faintly on the plot until the next branch.
public struct BranchGhost {
    public let history: History
    /// The step the branch left from.
    public let fromStep: Int
    /// Branches so far: the marker names the branch with it.
    public let number: Int
    /// The trainer that branched off; the ghost goes when a reset or a new run replaces it.
    let owner: ObjectIdentifier
}

extension AppState {
    public var isRewound: Bool { rewind != nil }

    /// The status line's step: `⏪ step 1200 / 3000` while the cursor is back in time.
    public var stepLabel: String {
        guard let r = rewind else { return tr(.statusStep, trainer.currentStep) }
        return (glyphs.isUnicode ? "⏪" : "<<") + " " + tr(.statusStep, "\(r.step) / \(r.live.currentStep)")
    }

    /// Moves the cursor to `step` (clamped to the run); at the live step it is live again.
    public mutating func moveTimeCursor(to step: Int) {
        let live = rewind?.live ?? trainer
        let k = min(max(step, live.timeline.firstStep), live.currentStep)
        guard k < live.currentStep else { return goLive() }
        do {
            let t = try live.rebuilt(atStep: k)
            let liveTwin = rewind?.liveTwin ?? twin
            let rebuiltTwin = try liveTwin.map { try $0.rebuilt(atStep: min(k, $0.currentStep)) }
            if rewind == nil {
                rewind = RewindCursor(live: trainer, liveTwin: twin, wasPaused: paused, step: k, cursor: t)
            }
            rewind?.step = k
            rewind?.cursor = t
            trainer = t
            twin = rebuiltTwin
            paused = true
            notice = tr(.rewindNotice, stepLabel, live.timeline.firstStep)
        } catch {
            notice = tr(.cannotRebuild, k, error)
        }
    }

    /// Back to the live run, as it was (running or paused).
    public mutating func goLive() {
        guard let r = rewind else { return }
        trainer = r.live
        twin = r.liveTwin
        paused = r.wasPaused
        rewind = nil
        notice = tr(.liveAgain, trainer.currentStep)
    }

    /// Training on from the cursor: the rebuilt run becomes the run, the old future becomes
    /// the ghost, and a marker names the branch. Changes already made at the cursor stay.
    public mutating func branch() {
        guard let r = rewind else { return }
        let number = (ghost?.number ?? 0) + 1
        ghost = BranchGhost(history: r.live.history, fromStep: r.step, number: number, owner: ObjectIdentifier(trainer))
        trainer.history.record(event: RunEvent(step: r.step, kind: .branch(number)))
        rewind = nil
        notice = tr(.branchNotice, number, r.step)
    }

    /// After a key: a reset, a new data set or a new twin replaced the rebuilt run, so the
    /// cursor and the live run it stood for are gone (that run was left), and so is a ghost
    /// whose run was replaced.
    mutating func settleRewind() {
        if let r = rewind, trainer !== r.cursor || trainer.currentStep != r.step { rewind = nil }
        if let g = ghost {
            let owner = rewind?.live ?? trainer
            if ObjectIdentifier(owner) != g.owner || owner.currentStep < g.fromStep { ghost = nil }
        }
    }

    /// The state the plot draws from: the live run in full while the cursor is back in time
    /// (the cursor is a line on it).
    var plotSource: AppState {
        guard let r = rewind else { return self }
        var s = self
        s.trainer = r.live
        s.twin = r.liveTwin
        return s
    }
}

/// The time keys; true when the key was one of them. Space and `n` at the cursor branch and
/// then do what they always do (resume, one step).
func handleTimeKey(_ s: inout AppState, _ event: InputEvent) -> Bool {
    let live = s.rewind?.live ?? s.trainer
    let tenth = max(1, live.currentStep / 10)
    let at = s.rewind?.step ?? live.currentStep
    switch event {
    case .pageUp: s.moveTimeCursor(to: at - tenth)
    case .pageDown: s.moveTimeCursor(to: at + tenth)
    case .home: s.moveTimeCursor(to: live.timeline.firstStep)
    case .end: s.goLive()
    case .char(" "), .char("n"):
        s.branch()
        return false
    default: return false
    }
    return true
}

extension LinePlot {
    /// The cursor's line and the ghost of the run before the last branch.
    mutating func addTimeline(_ s: AppState) {
        if let r = s.rewind {
            cursor = Double(r.step)
            title += " · " + (s.glyphs.isUnicode ? "⏪" : "<<") + " \(r.step)"
        }
        guard let g = s.ghost else { return }
        let old = s.showAccuracy ? g.history.valAccuracy : g.history.valLoss
        let points = old.points.filter { $0.step >= g.fromStep }.map { (x: Double($0.step), y: $0.value) }
        guard let last = points.last else { return }
        // Under the live curves, which are drawn after it.
        series.insert(.init(points: points, label: s.tr(.beforeBranch, g.number), color: .brightBlack), at: 0)
        if let x = xRange, last.x > x.upperBound { xRange = x.lowerBound...last.x }
    }
}
