/// A run as its initial configuration plus the changes made since (`RunChange`), with
/// checkpoints along the way: what rewinding, branching and the state string's `changes=`
/// are built on.
public struct RunTimeline {
    /// The configuration at step 0 (or at the last reset).
    public internal(set) var initialConfig: TrainingConfig
    /// Every change made so far, in order.
    public internal(set) var changes: [RunChange] = []
    /// Changes still to make, each after its step (a replay, `run --state`).
    public internal(set) var scheduled: [RunChange] = []
    public internal(set) var checkpoints = CheckpointStore()
    /// Off by default: headless training and sweeps would hold copies of the weights for
    /// nothing. The visualizer turns it on.
    public var recordsCheckpoints = false

    init(initialConfig: TrainingConfig, recordsCheckpoints: Bool = false) {
        self.initialConfig = initialConfig
        self.recordsCheckpoints = recordsCheckpoints
    }

    /// The first step that can be rebuilt: 0, or the step a loaded model started from.
    public var firstStep: Int { checkpoints.base?.step ?? 0 }
}

extension Trainer {
    public var recordsCheckpoints: Bool {
        get { timeline.recordsCheckpoints }
        set { timeline.recordsCheckpoints = newValue }
    }

    func logChange(_ kind: RunChange.Kind) {
        timeline.changes.append(RunChange(step: currentStep, kind: kind))
    }

    /// A model file put this trainer at a later step: the run can be rebuilt from there on only.
    func startTimelineHere() {
        timeline = RunTimeline(initialConfig: config, recordsCheckpoints: timeline.recordsCheckpoints)
        timeline.checkpoints.base = checkpoint()
    }

    /// After every step: the checkpoint if one is due, then the scheduled changes of this step.
    func afterStep() {
        guard !diverged else { return }
        if timeline.recordsCheckpoints && timeline.checkpoints.isDue(currentStep) {
            timeline.checkpoints.add(checkpoint())
        }
        applyScheduledChanges()
    }

    private func applyScheduledChanges() {
        while let next = timeline.scheduled.first, next.step <= currentStep {
            timeline.scheduled.removeFirst()
            do {
                try apply(next.kind)
            } catch {
                // `schedule` checked every change against this model, so this is not reached;
                // if it were, the plot says so rather than the run silently differing.
                history.record(event: RunEvent(step: currentStep, kind: .changeNotMade("\(error)")))
            }
        }
    }

    /// Makes `changes` at their steps from now on (those at the current step at once): how a
    /// state string's `changes=` replays. Throws, naming the change, if one does not fit this
    /// model or starts before the current step.
    public func schedule(_ changes: [RunChange]) throws {
        for c in changes {
            let label = RunChange.encode([c])
            func bad(_ why: SettingWords) -> SettingError { SettingError(.state, value: label, ": change '\(label)': \(why)") }
            guard c.step >= currentStep else { throw bad("step \(c.step) is before the run's step \(currentStep)") }
            switch c.kind {
            case .rate(let p, let positions):
                let n = model.dropoutPositions.count
                guard !positions.isEmpty, positions.allSatisfy({ $0 < n }) else { throw bad("this model has dropout positions 0 to \(n - 1)") }
                do { try TrainingConfig.checkRate(p) } catch let e as SettingError { throw bad("the rate \(e.problem)") }
            case .learningRate(let lr):
                guard lr > 0 else { throw bad("the learning rate must be positive") }
            case .dropConnectInference(let rule, let z):
                var cfg = config
                cfg.dropConnectInference = rule
                cfg.dropConnectSamples = z
                do { try cfg.validate() } catch { throw bad("\(error)") }
            case .convVariant:
                guard cnn != nil else { throw bad("conv variants are for \(setting: .model) cnn") }
            case .blockSize(let b):
                guard cnn != nil, b >= 1 else { throw bad("the block size is for \(setting: .model) cnn and at least 1") }
            case .recurrentVariant:
                guard lstmModel != nil else { throw bad("recurrent variants are for \(setting: .model) lstm") }
            case .scaling, .variant, .standout:
                break
            }
        }
        timeline.scheduled = changes
        applyScheduledChanges()
    }

    /// A new trainer at `step` (between `timeline.firstStep` and now), bit for bit as this run
    /// was there, before any change made at that step: the nearest earlier checkpoint is put
    /// back and the steps after it are replayed with the changes made then. This trainer is
    /// left as it is. The new one keeps the checkpoints and changes up to `step`, so training
    /// it on is a branch of this run.
    public func rebuilt(atStep step: Int) throws -> Trainer {
        precondition(step >= timeline.firstStep && step <= currentStep, "rebuilt(atStep:) outside the run")
        let start = timeline.checkpoints.latest(before: step) ?? (step == timeline.firstStep ? timeline.checkpoints.base : nil)
        let t = try Trainer(config: start?.config ?? timeline.initialConfig, data: data)
        t.recordsDropStatistics = recordsDropStatistics
        if let start { t.restore(start) }
        t.timeline.initialConfig = timeline.initialConfig
        t.timeline.recordsCheckpoints = timeline.recordsCheckpoints
        t.timeline.checkpoints = timeline.checkpoints.truncated(after: t.currentStep)
        let from = t.currentStep
        t.timeline.changes = timeline.changes.filter { $0.step < from }
        t.timeline.scheduled = timeline.changes.filter { $0.step >= from && $0.step < step }
        t.applyScheduledChanges()
        while t.currentStep < step, !t.diverged { t.step() }
        return t
    }
}
