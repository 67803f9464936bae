/// Why dropout regularises (Baldi & Sadowski, NIPS 2013): for one linear unit `O = Σ_i w_i I_i`
/// with squared error and keep gates `δ_i ~ Bernoulli(q_i)`, the expected dropout gradient is
/// the gradient of
///
///     E_R = ½ (t − Σ_i q_i w_i I_i)² + ½ Σ_i q_i (1−q_i) w_i² I_i²
///
/// an input-dependent L2 penalty of strength `q(1−q) = p(1−p)`, largest at `p = ½`.
public enum RegularisationIdentity {
    /// One dropout position's share of the identity.
    public struct LayerPenalty: Sendable, Equatable {
        /// 0 for the input position, `h` for hidden layer `h`.
        public var position: Int
        public var rate: Float
        /// `p(1−p)`: the variance of a keep gate, the penalty's strength in Baldi & Sadowski's
        /// (vanilla) form, on the weights `q·w` the eval network uses.
        public var gateVariance: Float
        /// The coefficient `c` of the penalty `½·c·Σ w_i² I_i²` on the weights as stored:
        /// `p(1−p)` for vanilla gates `δ`, `p/(1−p)` for inverted gates `δ/q` (whose variance
        /// is `p/(1−p)`), 0 without rescaling's eval (which ignores dropout).
        public var penaltyCoefficient: Float
    }

    /// `p(1−p)` and the equivalent penalty coefficient of every dropout position.
    public static func penalties(_ network: MLPNetwork) -> [LayerPenalty] {
        network.dropout.enumerated().map { i, d in
            penalty(position: i, rate: d.rate, scaling: d.scaling)
        }
    }

    public static func penalty(position: Int, rate p: Float, scaling: Scaling) -> LayerPenalty {
        let coefficient: Float
        switch scaling {
        case .vanilla: coefficient = p * (1 - p)
        case .inverted: coefficient = p / (1 - p)
        case .none: coefficient = 0
        }
        return LayerPenalty(position: position, rate: p, gateVariance: p * (1 - p), penaltyCoefficient: coefficient)
    }

    /// `∂/∂w_i` of `½(t − Σ δ_j w_j I_j)²`: the gradient of one dropout sample with gates `δ`.
    public static func dropoutGradient(weights w: [Double], inputs x: [Double], gates d: [Double], target t: Double) -> [Double] {
        var o: Double = 0
        for i in w.indices { o += d[i] * w[i] * x[i] }
        return w.indices.map { -(t - o) * d[$0] * x[$0] }
    }

    /// `∂E_R/∂w_i = −(t − Σ q_j w_j I_j)·q_i I_i + q_i(1−q_i) w_i I_i²`; with `penalised` false,
    /// only the first term (the ordinary network with weights `q·w`).
    public static func regularisedGradient(weights w: [Double], inputs x: [Double], keep q: [Double], target t: Double, penalised: Bool = true) -> [Double] {
        var o: Double = 0
        for i in w.indices { o += q[i] * w[i] * x[i] }
        return w.indices.map { i in
            -(t - o) * q[i] * x[i] + (penalised ? q[i] * (1 - q[i]) * w[i] * x[i] * x[i] : 0)
        }
    }

    /// `E_R` itself.
    public static func regularisedError(weights w: [Double], inputs x: [Double], keep q: [Double], target t: Double) -> Double {
        var o: Double = 0, penalty: Double = 0
        for i in w.indices {
            o += q[i] * w[i] * x[i]
            penalty += q[i] * (1 - q[i]) * w[i] * w[i] * x[i] * x[i]
        }
        return 0.5 * (t - o) * (t - o) + 0.5 * penalty
    }
}
