/// What a dropout position does. Bernoulli and Gaussian act on units; DropConnect acts on the
/// weights of the dense layer feeding the position; standout draws each unit's keep
/// probability from the unit's own pre-activation.
///
/// DropConnect and standout need a dense layer in front of them: on the input position (raw
/// features, produced by no weights) they fall back to Bernoulli unit dropout with the layer's
/// rate and scaling, so that an input rate keeps meaning what it says whatever the variant.
public enum DropoutVariant: String, Codable, CaseIterable, Sendable {
    /// Units dropped with probability `p`, scaled as `Scaling` says (Srivastava et al. 2014).
    case bernoulli
    /// Multiplicative gates `g ~ N(1, p/(1-p))` (Srivastava et al. 2014, §10).
    case gaussian
    /// Weights masked, `M_ij ~ Bernoulli(1-p)` (Wan et al. 2013); see `DropConnect.swift`.
    case dropconnect
    /// Adaptive keep probabilities `π_j = σ(α·a_j + β)` (Ba & Frey 2013); see `Standout.swift`.
    case standout

    /// What the variant does on the input position, where there is no dense layer in front.
    public var onInput: DropoutVariant {
        switch self {
        case .bernoulli, .gaussian: return self
        case .dropconnect, .standout: return .bernoulli
        }
    }
}

/// How DropConnect evaluates a layer once training is over.
public enum DropConnectInference: String, Codable, CaseIterable, Sendable {
    /// Wan et al.'s inference: per unit, a Gaussian with the mean and variance of the masked
    /// pre-activation, `Z` samples through the activation, averaged.
    case momentMatching = "moment-matching"
    /// `a(E[M]⊙W·v + b)`: the cheap rule, which ignores the variance the activation sees.
    case meanField = "mean-field"
}
