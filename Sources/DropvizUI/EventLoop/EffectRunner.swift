import Foundation

/// Runs the effects `update` returns, for the event loop, and hands back their results as
/// messages: at once for the quick ones (writing the figures), through `poll()` each frame
/// for the background ones (the sweep's progress). Background threads go through
/// `BackgroundWork`, which the loop drains before the process exits.
///
/// Used from the loop's thread only.
public final class EffectRunner {
    /// The sweep running or finished last; a new one cancels it.
    private var sweep: SweepJob?
    /// The sweep's snapshot sent last, so `poll()` sends only what changed.
    private var sent: SweepJob.Snapshot?
    /// The panel values being computed, by slot (at most one per slot).
    private var panelJobs: [String: PanelJob] = [:]
    /// How many panel jobs this runner started, and how they ended.
    public let panelCounters = PanelJobCounters()
    /// The figures being written (`x`), at most one at a time; its notice, nil when cut short.
    private var export: BackgroundJob<String?>?
    /// The new run being built, and the request to build once it is done (the newest only:
    /// a request replaced before its turn is never built).
    private var build: BackgroundJob<BuiltTrainer>?
    private var nextBuild: TrainerBuild?
    /// Every effect run, in order, when the runner was made with `keepsLog` (tests look at what
    /// the loop was asked to do). Off otherwise: a panel request holds a snapshot of the
    /// weights, and a log of them grew by a frame's snapshots every frame (~270 KB/s at top
    /// speed, 100 MB after a million steps).
    public private(set) var log: [Effect] = []
    private let keepsLog: Bool

    /// Where exported files are written.
    public let directory: String

    public init(directory: String = FileManager.default.currentDirectoryPath, keepsLog: Bool = false) {
        self.directory = directory
        self.keepsLog = keepsLog
    }

    /// Runs `effect` for the state `state` (as the update that asked for it left it); returns
    /// the messages it answers at once.
    public func run(_ effect: Effect, state: AppState) -> [Msg] {
        if keepsLog { log.append(effect) }
        switch effect {
        case .exportFigures(let theme):
            // The cheap figures are drawn here, from the state as it is; the decision map and
            // the writing on another thread (FigureExport.swift).
            guard export == nil else { return [.exported(notice: state.tr(.exportBusy))] }
            let plan = state.figureExport(directory: directory, theme: theme)
            export = BackgroundJob(name: "dropviz export") { plan.write(token: $0) }
            return []
        case .buildTrainer(let request):
            nextBuild = request
            startNextBuild()
            return []
        case .startSweep(let plan):
            sweep?.cancel()
            sweep = SweepJob(plan)
            sent = nil
            return []
        case .computePanel(let request):
            // The request replaces the slot's earlier one (PanelCache drops the older answer).
            panelJobs[request.slot]?.cancel()
            panelJobs[request.slot] = PanelJob(request, counters: panelCounters)
            return []
        }
    }

    /// Starts the waiting build request when no build runs (one thread builds at a time).
    private func startNextBuild() {
        guard build == nil, let request = nextBuild else { return }
        nextBuild = nil
        build = BackgroundJob(name: "dropviz build") { _ in request.build() }
    }

    /// The results background work has produced since the last call.
    public func poll() -> [Msg] {
        var msgs: [Msg] = []
        if let job = export, let notice = job.finished {
            export = nil
            if let notice { msgs.append(.exported(notice: notice)) }
        }
        if let job = build, let built = job.finished {
            build = nil
            // An answer to a request already replaced is dropped by `update`; build the newer.
            msgs.append(.trainerBuilt(built))
            startNextBuild()
        }
        for slot in panelJobs.keys.sorted() {
            guard let result = panelJobs[slot]?.finished else { continue }
            panelJobs[slot] = nil
            msgs.append(.panelValue(result))
        }
        guard let job = sweep else { return msgs }
        let snapshot = job.snapshot
        guard snapshot != sent else { return msgs }
        sent = snapshot
        return msgs + [.sweepProgress(snapshot)]
    }

    /// Panel values being computed on other threads.
    public var panelJobsRunning: Int { panelJobs.values.filter { $0.finished == nil }.count }

    /// Whether background work started here is still running (tests wait for it).
    public var isWorking: Bool {
        (sweep.map { !$0.snapshot.done } ?? false) || panelJobsRunning > 0 || export != nil || build != nil || nextBuild != nil
    }

    /// Asks the background work to stop (the loop is ending; `BackgroundWork.drain` waits):
    /// the sweep within one training step, the panels within one pass of their prediction.
    public func cancelAll() {
        sweep?.cancel()
        for job in panelJobs.values { job.cancel() }
        export?.cancel()
        build?.cancel()
        nextBuild = nil
    }
}
