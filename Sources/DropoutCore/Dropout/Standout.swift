import Foundation

/// Standout, or adaptive dropout (Ba & Frey, NIPS 2013), on a hidden position.
///
/// Each unit's keep probability comes from its own pre-activation `a_j = w_j·x + b_j` (the
/// dense output feeding the position; the paper's tied form, where the standout network shares
/// the layer's weights): `π_j = σ(α·a_j + β)`, `m_j ~ Bernoulli(π_j)`, train `y_j = m_j·g(a_j)`,
/// eval `y_j = π_j·g(a_j)` (the expectation over `m`). This is the paper's form whatever the
/// `scaling` setting, which only concerns Bernoulli and DropConnect.
///
/// Defaults `α = 1`, `β = 0`: the tied form with no offset, so that π = ½ at a = 0, strongly
/// positive units are kept more and strongly negative ones dropped more (a negative α reverses
/// the ordering). Ba & Frey treat α and β as hyper-parameters to tune per task; these defaults
/// are a neutral starting point, not values the paper prescribes.
///
/// The rate does not enter π: a position at rate 0 is switched off (identity), any rate > 0
/// switches standout on there, so that `--rate 0` keeps meaning "no dropout here".
///
/// Gradients: the keep probabilities are *not* back-propagated through. Training sees a
/// sampled `m`, which is held fixed in the backward pass, `∂e/∂x = ∂e/∂y ⊙ m` (as in the
/// paper's simplest form, which trains the standout weights only through their tie to `w`).
extension DropoutLayer {
    /// Whether this position draws standout gates.
    public var drawsStandout: Bool { effectiveVariant == .standout && rate > 0 }

    /// One unit's keep probability `π = σ(α·a + β)`: the one formula, which the maths panel
    /// reads too rather than computing its own.
    @inline(__always)
    public static func standoutKeep(_ a: Float, alpha: Float, beta: Float) -> Float {
        1 / (1 + exp(-(alpha * a + beta)))
    }

    /// This position's keep probability for a unit whose pre-activation is `a`.
    public func standoutKeep(preActivation a: Float) -> Float {
        Self.standoutKeep(a, alpha: standoutAlpha, beta: standoutBeta)
    }

    /// `π = σ(α·a + β)`, element-wise, into `keep`.
    public static func standoutKeep(preActivation a: Matrix, alpha: Float, beta: Float, into keep: inout Matrix) {
        keep.reshape(rows: a.rows, cols: a.cols)
        a.data.withUnsafeBufferPointer { pa in
            keep.data.withUnsafeMutableBufferPointer { pk in
                for i in 0..<pa.count { pk[i] = standoutKeep(pa[i], alpha: alpha, beta: beta) }
            }
        }
    }

    /// Computes `keep = π` from the pre-activation and draws `mask = m ~ Bernoulli(π)`, with
    /// values 0 or 1 (a unit is kept when `u < π_j`).
    public func drawStandoutMask(preActivation a: Matrix) {
        precondition(a.cols == width, "standout: the pre-activation has \(a.cols) units, the layer \(width)")
        mask.reshape(rows: a.rows, cols: width)
        guard drawsStandout else {
            keep.reshape(rows: a.rows, cols: width)
            keep.fill(1)
            mask.fill(1)
            return
        }
        Self.standoutKeep(preActivation: a, alpha: standoutAlpha, beta: standoutBeta, into: &keep)
        for i in 0..<keep.count { mask.data[i] = rng.uniform() < keep.data[i] ? 1 : 0 }
    }

    /// Eval: `y = π ⊙ x`, with π from the given pre-activation; `keep` (the training step's π
    /// that the diagram shows) is left alone.
    func standoutEval(_ x: Matrix, preActivation a: Matrix, into y: inout Matrix) {
        guard drawsStandout else {
            scale(x, by: 1, into: &y)
            return
        }
        var pi = Matrix(rows: 0, cols: 0)
        Self.standoutKeep(preActivation: a, alpha: standoutAlpha, beta: standoutBeta, into: &pi)
        multiply(x, by: pi, into: &y)
    }
}
