/// What dropout does on the feature maps of a convolutional layer. The dense variants
/// (`DropoutVariant`) keep acting on the dense layers after the convolutions.
public enum ConvDropoutVariant: String, Codable, CaseIterable, Sendable {
    /// Every pixel of every map dropped independently with probability `p`, kept ones scaled by
    /// `1/(1-p)`: plain dropout, for comparison. Neighbouring pixels are strongly correlated,
    /// so the next layer can read a dropped pixel off its neighbours: it regularises little.
    case elementwise
    /// Whole channels dropped per example with probability `p`, kept ones scaled by `1/(1-p)`
    /// (Tompson et al., CVPR 2015; PyTorch's `Dropout2d`).
    case spatial
    /// Contiguous `b × b` blocks dropped, about a fraction `p` of each map, rescaled by
    /// `count(all)/count(kept)` (Ghiasi, Lin & Le, NeurIPS 2018); see DropBlock.swift.
    case dropblock
    /// Units masked inside each 2×2 pooling window before the max in training (no rescaling);
    /// probabilistic weighted pooling at evaluation (Wu & Gu, Neural Networks 2015); see
    /// ProbabilisticWeightedPooling.swift.
    case maxpool

    /// What the line under the diagram says the variant computes.
    public var formula: String {
        switch self {
        case .elementwise: return "pixel dropped if u<p, kept ×1/(1-p); eval y=x"
        case .spatial: return "channel dropped if u<p (per example), kept ×1/(1-p); eval y=x"
        case .dropblock: return "b×b blocks, seed rate γ=p/b²·f²/(f-b+1)², ×all/kept; eval y=x"
        case .maxpool: return "pool max over kept units (u≥p); eval Σ q(1-q)^(n-i)·a_(i), q=1-p"
        }
    }
}
