import DropoutCore
import Foundation
import TermUI

/// The panels' costly values (the data panel's prediction over its whole pixel grid, the
/// co-adaptation panel's correlation matrix, the confusion counts, the Monte Carlo passes),
/// kept between frames so that a frame does not redo them while training has barely moved.
///
/// `view` never computes them (issue 16): it reads the stored value and, when it lacks one or
/// the one it has is out of date, records a *request* (`PanelRequest`: the slot, the key, a
/// snapshot of the trainer, the computation) and draws the last value meanwhile, or a short
/// "computing…" for the very first. The event loop turns the requests into
/// `Effect.computePanel`, runs them on another thread from the snapshot (never the live
/// network: `predict` writes the network's scratch buffers) and the results come back as
/// `Msg.panelValue`, which `update` stores here. Headless renders (tests, figures) settle
/// instead: `settledView` computes the requests on the spot until none is missing.
///
/// Why `view` stays a function of the state. A value is stored with what it was computed
/// from: the model object (held, so its identity cannot be reused), the training step, the
/// whole `TrainingConfig` (rates, scaling, variant, standout and DropConnect settings: all
/// that eval mode reads besides the weights) and the panel's own inputs (area, glyphs,
/// example, layer, samples). The weights change only in `Trainer.step` (which advances the
/// step) or by a new model (`reset`, `t`), and every computation requested here is
/// deterministic (eval mode, and Monte Carlo passes from a fixed seed), so for the same key a
/// recomputation gives exactly the stored value; the test `cachedFrameEqualsUncachedFrame`
/// checks it.
///
/// One relaxation, on purpose: while training runs, a value is reused for up to
/// `staleSteps(s)` steps after the step it was computed at (the panel then shows the network
/// of that step, about a tenth of a second old). Paused, or single-stepping, nothing is stale:
/// any new step requests a new value (the last one stands in until it arrives).
///
/// The store and the request list are a reference held by `AppState`: `view` appends to the
/// request list (it computes nothing and changes nothing it reads), `update` stores values.
/// Used from the loop's thread only.
public final class PanelCache {
    struct Key: Equatable, Sendable {
        let config: TrainingConfig
        /// The panel's inputs besides the network: area, glyphs, example, layer, samples.
        let inputs: [Int]
    }

    private struct Entry {
        let key: Key
        let model: AnyObject
        let step: Int
        let value: any Sendable
    }

    /// A request handed to the loop and not answered yet: what its value is for.
    private struct Issued {
        let id: Int
        let key: Key
        let model: AnyObject
        let step: Int
    }

    private var entries: [String: Entry] = [:]
    /// Requests recorded by `view` since the loop last took them, by slot, with the model
    /// they are for (kept here: the request itself crosses threads, the model may not).
    private var requests: [String: (request: PanelRequest, model: AnyObject)] = [:]
    /// Requests taken by the loop and not answered yet, by slot (one per slot: a newer request
    /// replaces it, and the answer to the older one is then dropped).
    private var issued: [String: Issued] = [:]
    private var nextID = 0
    /// Per slot, how many values were stored, and how many of them were computed on another
    /// thread (tests and the benchmark).
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

    public init() {}

    /// Whether a value asked for is still missing: requested by a frame and not yet taken by
    /// the loop, or taken and not yet answered (tests and the benchmark wait for it).
    public var isComputing: Bool { !requests.isEmpty || !issued.isEmpty }

    /// Frames a running panel may lag behind: about a tenth of a second at 30 frames a second.
    static let staleFrames = 3

    /// Steps a value may be reused for while training runs: a few frames' worth at the
    /// current speed, none when paused (each single step must show).
    static func staleSteps(_ s: AppState) -> Int {
        s.paused ? 0 : staleFrames * s.stepsPerFrame
    }

    /// The value of `slot` for the state's trainer and `inputs`, as stored: the one computed
    /// from the same model, config and inputs at most `staleSteps(s)` steps ago (and not in the
    /// future: a reset goes back to step 0). Otherwise a new value is requested and the stored
    /// one is returned while it is computed if it was for the same inputs (an older step, a
    /// rate change, a reset), else nil (the panel was just opened, or at a new size: the panel
    /// says "computing…"). `compute` must depend only on the trainer it gets and on values it
    /// captured (which are among `inputs`): it runs on a trainer rebuilt from a snapshot.
    func value<T: Sendable>(_ slot: String, _ s: AppState, inputs: [Int],
                            background compute: @escaping @Sendable (Trainer) -> T) -> T? {
        let key = Key(config: s.trainer.config, inputs: inputs)
        let model = s.trainer.model as AnyObject
        let step = s.trainer.currentStep
        let stored = entries[slot].flatMap { e in (e.value as? T).map { (entry: e, value: $0) } }
        if let (e, old) = stored, e.model === model, e.key == key, step >= e.step,
           step - e.step <= Self.staleSteps(s) {
            return old
        }
        request(slot, s, key: key, compute)
        guard let (e, old) = stored, e.key.inputs == inputs else { return nil }
        return old
    }

    /// Records a request for `slot`'s value for the state's trainer now, unless one for the
    /// same model and key is on its way already (a frame while a value is computed does not
    /// ask again; the answer, a few steps old, is then taken, and if it is too old by then the
    /// next frame asks for a newer one).
    private func request<T: Sendable>(_ slot: String, _ s: AppState, key: Key, _ compute: @escaping @Sendable (Trainer) -> T) {
        let model = s.trainer.model as AnyObject
        if let i = issued[slot], i.model === model, i.key == key, s.trainer.currentStep >= i.step { return }
        if let r = requests[slot], r.model === model, r.request.key == key, r.request.step == s.trainer.currentStep { return }
        nextID += 1
        let r = PanelRequest(id: nextID, slot: slot, key: key, step: s.trainer.currentStep,
                             snapshot: EvaluationSnapshot(s.trainer)) { compute($0) }
        requests[slot] = (r, model)
    }

    /// The requests recorded since the last call, now on their way (the loop runs each as an
    /// `Effect.computePanel`); in slot order, so that a settled render is deterministic.
    public func takeRequests() -> [PanelRequest] {
        let taken = requests.keys.sorted().compactMap { requests[$0] }
        requests.removeAll()
        for (r, model) in taken {
            issued[r.slot] = Issued(id: r.id, key: r.key, model: model, step: r.step)
        }
        return taken.map(\.request)
    }

    /// Stores the answer to a request (`Msg.panelValue`); an answer to a request replaced
    /// since, or to one cancelled (no value), only clears it.
    func store(_ result: PanelResult) {
        guard let i = issued[result.slot], i.id == result.id else { return }
        issued[result.slot] = nil
        guard let value = result.value else { return }
        entries[result.slot] = Entry(key: i.key, model: i.model, step: i.step, value: value)
        counts[result.slot, default: (0, 0)].computed += 1
        if result.background { counts[result.slot, default: (0, 0)].background += 1 }
    }

    /// Forgets everything (tests compare a cached frame with a fresh computation).
    public func clear() { entries.removeAll(); requests.removeAll(); issued.removeAll() }
}

extension Rect {
    /// The rectangle as cache inputs.
    var cacheInputs: [Int] { [x, y, width, height] }
}
