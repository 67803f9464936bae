/// Gaussian dropout's gates `g ~ N(1, σ²)` with `σ² = p/(1-p)`: the variance of Bernoulli
/// dropout's inverted mask at the same rate (Srivastava et al. 2014, §10). One formula, which
/// the mask draw, the maths panel and the diagram all read.
extension DropoutLayer {
    /// `p/(1-p)`, in the caller's precision (the panel compares a `Double` statistic with it).
    public static func gaussianGateVariance<F: BinaryFloatingPoint>(rate p: F) -> F { p / (1 - p) }

    /// `√(p/(1-p))`, the gates' standard deviation.
    public static func gaussianGateDeviation<F: BinaryFloatingPoint>(rate p: F) -> F { gaussianGateVariance(rate: p).squareRoot() }
}
