/// Where dropout acts in an LSTM, and whether its mask is drawn once per sequence or afresh at
/// every time step (DROPOUT.md, "Recurrent variants"). Every variant uses inverted scaling
/// (kept values times `1/(1-p)`) and evaluates with no dropout at all.
public enum RecurrentDropoutVariant: String, Codable, CaseIterable, Sendable {
    /// A fresh mask at every time step on the recurrent connection `h_{t-1}`: what one gets by
    /// putting an ordinary dropout layer inside the loop.
    case naive
    /// A fresh mask at every time step on the cell state, `c_t = m_t ⊙ (f_t ⊙ c_{t-1} + i_t ⊙ g_t)`:
    /// not one of the four of DROPOUT.md, but the per-step counterpart of RNNDrop. In an LSTM
    /// the memory lives in `c`, not in `h` (naive leaves `c` alone and, measured on the adding
    /// problem, does not hurt); this is the per-step dropout that erases the memory: a unit
    /// survives t steps with probability `(1-p)^t`.
    case naiveCell = "naive-cell"
    /// Moon et al. 2015: one mask per sequence on the cell state,
    /// `c_t = m ⊙ (f_t ⊙ c_{t-1} + i_t ⊙ g_t)`, `m ∈ {0, 1}` (unscaled: it is applied at every step).
    case rnndrop
    /// Semeniuta et al. 2016: dropout on the candidate only, `c_t = f_t ⊙ c_{t-1} + i_t ⊙ d(g_t)`,
    /// with a fresh mask per step: the memory itself is never erased, so per-step masks are safe.
    case recurrent
    /// Gal & Ghahramani 2016: `z_x` on `x_t` and `z_h` on `h_{t-1}`, drawn once per sequence and
    /// reused at every time step.
    case variational

    /// Whether the mask is the same at every time step of a sequence.
    public var fixedPerSequence: Bool {
        switch self {
        case .naive, .naiveCell, .recurrent: return false
        case .rnndrop, .variational: return true
        }
    }

    /// What the unrolled view draws: the units whose mask this variant draws.
    public var maskedState: String {
        switch self {
        case .naive, .variational: return "h"
        case .rnndrop, .naiveCell: return "c"
        case .recurrent: return "g"
        }
    }

    /// One line for the screen: what the variant computes in training.
    public var formula: String {
        switch self {
        case .naive: return "h̃ₜ₋₁ = hₜ₋₁ ⊙ mₜ, a fresh mₜ every step"
        case .naiveCell: return "cₜ = mₜ ⊙ (fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ), a fresh mₜ every step"
        case .rnndrop: return "cₜ = m ⊙ (fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ), one m per sequence"
        case .recurrent: return "cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ d(gₜ), the candidate only"
        case .variational: return "x̃ₜ=xₜ⊙zₓ, h̃ₜ₋₁=hₜ₋₁⊙zₕ, zₓ zₕ once per sequence"
        }
    }

    /// The same in ASCII, for terminals without UTF-8.
    public var asciiFormula: String {
        switch self {
        case .naive: return "h~[t-1] = h[t-1]*m[t], a fresh m[t] every step"
        case .naiveCell: return "c[t] = m[t]*(f[t]*c[t-1] + i[t]*g[t]), a fresh m[t] every step"
        case .rnndrop: return "c[t] = m*(f[t]*c[t-1] + i[t]*g[t]), one m per sequence"
        case .recurrent: return "c[t] = f[t]*c[t-1] + i[t]*d(g[t]), the candidate only"
        case .variational: return "x~[t]=x[t]*zx, h~[t-1]=h[t-1]*zh, zx zh once per sequence"
        }
    }
}
