import DropoutCore
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

    private var entries: [String: Entry] = [:]
    /// How many values were computed rather than reused (tests and the benchmark).
    public private(set) var computations = 0

    public init() {}

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
        computations += 1
        entries[slot] = Entry(key: key, model: model, step: step, value: v)
        return v
    }

    /// Forgets everything (tests compare a cached frame with a fresh computation).
    public func clear() { entries.removeAll() }
}

extension Rect {
    /// The rectangle as cache inputs.
    var cacheInputs: [Int] { [x, y, width, height] }
}
