import DropoutCore
import Foundation
import Synchronization
import TermUI

/// The panels' costly results (the data panel's prediction over its whole pixel grid, the
/// co-adaptation panel's correlation matrix, the confusion counts, the Monte Carlo passes),
/// kept between frames so that a frame does not redo them while training has barely moved.
///
/// Why `view` stays a function of the state. A value is stored with what it was computed
/// from: the model object (held, so its identity cannot be reused), the training step, the
/// whole `TrainingConfig` (rates, scaling, variant, standout and DropConnect settings: all
/// that eval mode reads besides the weights) and the panel's own inputs (area, glyphs,
/// example, layer, samples). The weights change only in `Trainer.step` (which advances the
/// step) or by a new model (`reset`, `t`), and every computation cached here is deterministic
/// (eval mode, and Monte Carlo passes from a fixed seed), so for the same key a recomputation
/// gives exactly the stored value; the test `cachedFrameEqualsUncachedFrame` checks it.
///
/// One relaxation, on purpose: while training runs, a value is reused for up to
/// `staleSteps(s)` steps after the step it was computed at (the panel then shows the network
/// of that step, about a tenth of a second old). Paused, or single-stepping, nothing is stale:
/// any new step recomputes.
///
/// In the visualizer (`computesInBackground`), the slowest values (the decision boundary, the
/// correlations) are recomputed on another thread from an `EvaluationSnapshot` while training
/// runs: a frame draws the last value and the new one replaces it when ready, so neither the
/// frame nor the training pays for it on a machine with a second core. A missing value, and
/// a value for another area, is computed at once as above; paused, or after a rate key, the
/// last value stands in (for a frame or two) while the new one is computed.
public final class PanelCache {
    struct Key: Equatable {
        let config: TrainingConfig
        /// The panel's inputs besides the network: area, glyphs, example, layer, samples.
        let inputs: [Int]
    }

    private struct Entry {
        let key: Key
        let model: AnyObject
        let step: Int
        let value: Any
    }

    private struct Pending {
        let key: Key
        let model: AnyObject
        let step: Int
        let job: PanelJob
    }

    private var entries: [String: Entry] = [:]
    private var pending: [String: Pending] = [:]
    /// Per slot, how many values were computed rather than reused, and how many of them on
    /// another thread (tests and the benchmark).
    private var counts: [String: (computed: Int, background: Int)] = [:]
    /// How many values were computed rather than reused.
    public var computations: Int { counts.values.reduce(0) { $0 + $1.computed } }
    /// How many of them were computed on another thread.
    public var backgroundComputations: Int { counts.values.reduce(0) { $0 + $1.background } }
    /// Both, leaving out the slots whose names begin with `prefix` (a test that follows one
    /// panel leaves out the diagram's unit pictures, which are cached here too).
    public func computations(excluding prefix: String) -> (computed: Int, background: Int) {
        counts.filter { !$0.key.hasPrefix(prefix) }.values.reduce((0, 0)) { ($0.0 + $1.computed, $0.1 + $1.background) }
    }
    /// Whether `value(_:_:inputs:background:)` may compute on another thread (the visualizer).
    public var computesInBackground = false

    public init() {}

    /// Whether a background computation is still running (tests wait for it).
    public var isComputing: Bool { pending.values.contains { !$0.job.isDone } }

    /// Frames a running panel may lag behind: about a tenth of a second at 30 frames a second.
    static let staleFrames = 3

    /// Steps a value may be reused for while training runs: a few frames' worth at the
    /// current speed, none when paused (each single step must show).
    static func staleSteps(_ s: AppState) -> Int {
        s.paused ? 0 : staleFrames * s.stepsPerFrame
    }

    /// The value of `slot` for the state's network and `inputs`: the stored one when it was
    /// computed from the same model, config and inputs at most `staleSteps(s)` steps ago (and
    /// not in the future: a reset goes back to step 0), else `compute()`, stored.
    func value<T>(_ slot: String, _ s: AppState, inputs: [Int], compute: () -> T) -> T {
        let key = Key(config: s.trainer.config, inputs: inputs)
        let model = s.trainer.model as AnyObject
        let step = s.trainer.currentStep
        if let e = entries[slot], e.model === model, e.key == key,
           step >= e.step, step - e.step <= Self.staleSteps(s), let v = e.value as? T {
            return v
        }
        let v = compute()
        counts[slot, default: (0, 0)].computed += 1
        entries[slot] = Entry(key: key, model: model, step: step, value: v)
        return v
    }

    /// As `value(_:_:inputs:compute:)` for a computation that needs only the model, which may
    /// then run on another thread: while training runs, a value older than `staleSteps(s)`
    /// is still returned, and a snapshot of the trainer is evaluated in the background; its
    /// result is the slot's value from the next frame on. `compute` must depend only on the
    /// trainer it gets and on values it captured (which are among `inputs`).
    /// `placeholder`: what a frame shows while a value for new inputs (a panel just opened,
    /// a new size) is computed in the background; without one that value is computed at once.
    func value<T: Sendable>(_ slot: String, _ s: AppState, inputs: [Int], placeholder: (() -> T)? = nil,
                            background compute: @escaping @Sendable (Trainer) -> T) -> T {
        let key = Key(config: s.trainer.config, inputs: inputs)
        let model = s.trainer.model as AnyObject
        let step = s.trainer.currentStep
        if let p = pending[slot], p.job.isDone {
            pending[slot] = nil
            guard let result = p.job.value else {
                // The snapshot did not rebuild (it should always): computed here instead.
                return value(slot, s, inputs: inputs) { compute(s.trainer) }
            }
            if let v = result as? T, p.model === model, p.key == key {
                entries[slot] = Entry(key: key, model: model, step: p.step, value: v)
                counts[slot, default: (0, 0)].computed += 1
                counts[slot, default: (0, 0)].background += 1
            }
        }
        if computesInBackground, let placeholder, entries[slot]?.key.inputs != inputs {
            startJob(slot, s, key: key, compute)
            return placeholder()
        }
        guard computesInBackground, let e = entries[slot], let old = e.value as? T else {
            return value(slot, s, inputs: inputs) { compute(s.trainer) }
        }
        let current = e.model === model && e.key == key && step >= e.step
        if current && step - e.step <= Self.staleSteps(s) { return old }
        // Out of date: kept on screen while the new value is computed on another thread.
        // Paused (a single step `n`), after a rate key or a reset, and running alike: what
        // made a key wait seconds under DropConnect on a large panel. Only a value of other
        // inputs (a new area) cannot stand in and is computed at once.
        guard e.key.inputs == inputs else {
            return value(slot, s, inputs: inputs) { compute(s.trainer) }
        }
        startJob(slot, s, key: key, compute)
        return old
    }

    /// Starts computing `slot`'s value for the state's network on another thread, unless a
    /// computation of it is already running (its result is checked against the key when it
    /// is taken).
    private func startJob<T: Sendable>(_ slot: String, _ s: AppState, key: Key, _ compute: @escaping @Sendable (Trainer) -> T) {
        guard pending[slot] == nil else { return }
        let snapshot = EvaluationSnapshot(s.trainer)
        pending[slot] = Pending(key: key, model: s.trainer.model as AnyObject, step: s.trainer.currentStep, job: PanelJob(snapshot, compute))
    }

    /// Forgets everything (tests compare a cached frame with a fresh computation).
    public func clear() { entries.removeAll(); pending.removeAll() }
}

extension Rect {
    /// The rectangle as cache inputs.
    var cacheInputs: [Int] { [x, y, width, height] }
}

/// One background computation of a panel value: a thread that rebuilds the model from its
/// snapshot and runs the computation on it.
final class PanelJob: Sendable {
    private let result = Mutex<(done: Bool, value: (any Sendable)?)>((false, nil))

    init<T: Sendable>(_ snapshot: EvaluationSnapshot, _ compute: @escaping @Sendable (Trainer) -> T) {
        // Counted by BackgroundWork so that the process waits for it before exiting.
        BackgroundWork.shared.start(name: "dropviz panel") { [self] in
            // A snapshot of a valid trainer rebuilds; if it ever did not, the frame that finds
            // the job done computes the value itself.
            let value: (any Sendable)? = (try? snapshot.makeTrainer()).map { compute($0) }
            self.result.withLock { $0 = (true, value) }
        }
    }

    var isDone: Bool { result.withLock { $0.done } }
    var value: (any Sendable)? { result.withLock { $0.value } }
}
