/// The dropout masks of one LSTM forward pass, one matrix (a row per example) per time step.
///
/// A mask holds the multipliers applied: 0 for a dropped unit, `1/(1-p)` for a kept one
/// (inverted scaling), except RNNDrop's cell mask, whose kept units carry 1: that mask multiplies
/// the cell at every step, so a scale would compound along the memory (a kept cell would grow
/// like `(1/(1-p))^t`; the LSTM learns to forget faster to hold it, and at evaluation, with no
/// mask, its memory fades: measured on the adding problem, a validation MSE above that of
/// predicting the mean). Unscaled, a kept cell computes exactly what it computes at evaluation.
/// An empty list means "no dropout there" (the identity). Masks drawn once
/// per sequence are stored as the same matrix at every step (copy-on-write shares one buffer),
/// so that the unrolled view reads every variant the same way: `masks.cell[t]` and so on.
public struct RecurrentMasks: Sendable {
    /// `z_x` on the input `x_t` (variational).
    public var input: [Matrix] = []
    /// On the recurrent connection `h_{t-1}` (naive: per step; variational's `z_h`: per sequence).
    public var hidden: [Matrix] = []
    /// On the candidate `g_t` (recurrent dropout, per step).
    public var candidate: [Matrix] = []
    /// On the cell state `c_t` (RNNDrop: per sequence; naive-cell: per step).
    public var cell: [Matrix] = []

    public init() {}

    /// The masks of the state `variant` drops (the unrolled view's rows): `h`, `c` or `g`.
    public func state(_ variant: RecurrentDropoutVariant) -> [Matrix] {
        switch variant {
        case .naive, .variational: return hidden
        case .rnndrop, .naiveCell: return cell
        case .recurrent: return candidate
        }
    }

    /// The value of a kept unit in `variant`'s state mask.
    public static func keptValue(_ variant: RecurrentDropoutVariant, rate p: Float) -> Float {
        variant == .rnndrop ? 1 : 1 / (1 - p)
    }

    /// Draws the masks of `variant` for `rows` sequences of `steps` steps: `rate` on the hidden
    /// units (H of them) from `rng`, and for the variational variant `inputRate` on the D inputs
    /// from `inputRNG`. Nothing is drawn for a rate of 0.
    public static func draw(_ variant: RecurrentDropoutVariant, rows: Int, steps: Int, hidden H: Int, inputs D: Int,
                            rate: Float, inputRate: Float, rng: inout Xoshiro, inputRNG: inout Xoshiro) -> RecurrentMasks {
        var m = RecurrentMasks()
        let perStep = !variant.fixedPerSequence
        func masks(width: Int, p: Float, rng: inout Xoshiro) -> [Matrix] {
            guard p > 0 else { return [] }
            let kept = keptValue(variant, rate: p)
            if perStep {
                return (0..<steps).map { _ in bernoulli(rows: rows, cols: width, rate: p, kept: kept, rng: &rng) }
            }
            return Array(repeating: bernoulli(rows: rows, cols: width, rate: p, kept: kept, rng: &rng), count: steps)
        }
        switch variant {
        case .naive: m.hidden = masks(width: H, p: rate, rng: &rng)
        case .rnndrop, .naiveCell: m.cell = masks(width: H, p: rate, rng: &rng)
        case .recurrent: m.candidate = masks(width: H, p: rate, rng: &rng)
        case .variational:
            m.hidden = masks(width: H, p: rate, rng: &rng)
            m.input = masks(width: D, p: inputRate, rng: &inputRNG)
        }
        return m
    }

    /// 0 where `u < p`, else `kept`, one uniform per unit.
    static func bernoulli(rows: Int, cols: Int, rate p: Float, kept: Float, rng: inout Xoshiro) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        for i in 0..<m.count { m.data[i] = rng.uniform() < p ? 0 : kept }
        return m
    }
}
