/// What a dropout layer does to the units it sees.
public enum DropoutVariant: String, Codable, CaseIterable, Sendable {
    /// Units dropped with probability `p`, scaled as `Scaling` says (Srivastava et al. 2014).
    case bernoulli
    /// Multiplicative gates `g ~ N(1, p/(1-p))` (Srivastava et al. 2014, §10).
    case gaussian
}
