import Foundation

/// DropConnect (Wan, Zeiler, Zhang, LeCun, Fergus, ICML 2013) on a hidden position: the weights
/// of the dense layer feeding the position are masked, `r = a((M ⊙ W)·v + b)`.
///
/// - `M_ij ~ Bernoulli(1-p)` is drawn once per training step and shared by the mini-batch's
///   examples: a documented simplification of the paper, which draws a mask per example. The
///   expectation and variance per example are the same; only the correlation across the
///   examples of one batch differs, and one mask per step is what the diagram can show.
/// - Scaling as for units: kept weights carry `1/(1-p)` (inverted) or 1 (vanilla, none).
/// - The bias is not masked (it is no connection from a unit).
/// - The gradient of `W` is masked by `M`: `∂e/∂W = (vᵀ·∂e/∂y) ⊙ M`.
/// - Eval: `E[M_ij]·W` is `W` (inverted), `(1-p)·W` (vanilla) or `W` (none, the deliberate
///   mistake, which also ignores the variance). Moment matching (the paper's inference) draws
///   `Z` samples `s ~ N(μ, σ²)` per unit with `μ = E[M]·W·v + b` and
///   `σ² = Var[M_ij]·(W ⊙ W)(v ⊙ v)`, `Var[M_ij] = kept²·p(1-p)` (vanilla: `p(1-p)`, as in the
///   paper), and averages `a(s)`; mean field is `a(μ)`.
extension DropoutLayer {
    /// Whether this position masks the weights of the dense layer in front of it.
    public var dropsConnections: Bool { effectiveVariant == .dropconnect && rate > 0 }

    /// `E[M_ij]` as evaluation uses it: the weights' multiplier at eval.
    public var connectionEvalScale: Float { scaling.evalScale(rate: rate) }

    /// `Var[M_ij]`, the factor of `(W ⊙ W)(v ⊙ v)` in moment matching; 0 without rescaling,
    /// whose evaluation ignores dropout altogether.
    public var connectionVarianceFactor: Float {
        guard scaling != .none else { return 0 }
        let k = scaling.keptScale(rate: rate)
        return k * k * rate * (1 - rate)
    }

    /// Draws `weightMask`, one `inputs × outputs` mask for the whole mini-batch.
    public func drawWeightMask(inputs: Int, outputs: Int) {
        weightMask.reshape(rows: inputs, cols: outputs)
        Self.fillBernoulli(&weightMask, rate: rate, kept: scaling.keptScale(rate: rate), rng: &rng)
        weightMaskApplied = true
    }

    /// Sets the weight mask by hand (gradient checks under a fixed mask).
    public func setWeightMask(_ m: Matrix) {
        precondition(m.cols == width, "the weight mask has one column per unit of this position")
        weightMask = m
        weightMaskApplied = true
    }

    /// The fraction of unit `unit`'s incoming connections the last step dropped (column
    /// `unit` of `weightMask`); 0 before any DropConnect step.
    public func droppedInputFraction(unit: Int) -> Float {
        let inputs = weightMask.rows
        guard inputs > 0, unit >= 0, unit < weightMask.cols else { return 0 }
        var dropped = 0
        for i in 0..<inputs where weightMask[i, unit] == 0 { dropped += 1 }
        return Float(dropped) / Float(inputs)
    }

    /// `droppedInputFraction` of every unit of the position.
    public func droppedInputFractions() -> [Float] {
        (0..<width).map { droppedInputFraction(unit: $0) }
    }
}

public enum DropConnect {
    /// `masked = M ⊙ W`.
    public static func mask(_ w: Matrix, by m: Matrix, into masked: inout Matrix) {
        precondition(w.rows == m.rows && w.cols == m.cols, "DropConnect: the mask does not match the weights")
        masked.reshape(rows: w.rows, cols: w.cols)
        w.data.withUnsafeBufferPointer { pw in
            m.data.withUnsafeBufferPointer { pm in
                masked.data.withUnsafeMutableBufferPointer { po in
                    for i in 0..<pw.count { po[i] = pw[i] * pm[i] }
                }
            }
        }
    }

    /// The mean `μ = E[M]·v·W + b` and variance `σ² = Var[M]·(v ⊙ v)(W ⊙ W)` of the masked
    /// pre-activation of `dense` on inputs `v` (one row per example).
    public static func moments(_ v: Matrix, dense: DenseLayer, gate: DropoutLayer, mean mu: inout Matrix, variance s2: inout Matrix) {
        dense.forward(v, into: &mu, training: false)  // the eval forward scales W by E[M]
        var v2 = v, w2 = dense.weight.value
        for i in 0..<v2.count { v2.data[i] *= v2.data[i] }
        for i in 0..<w2.count { w2.data[i] *= w2.data[i] }
        s2.reshape(rows: v.rows, cols: dense.outputWidth)
        BLAS.gemm(v2, w2, into: &s2, alpha: gate.connectionVarianceFactor)
    }

    /// Moment-matching inference for `dense` followed by `activation`: `mu` receives `μ`, `out`
    /// the average of `a(s)` over `gate.inferenceSamples` draws `s ~ N(μ, σ²)`. The draws start
    /// from `gate.inferenceStream` every time: the result depends on the weights and the inputs
    /// only (and, through the draws, on each example's row in `v`).
    public static func momentMatched(_ v: Matrix, dense: DenseLayer, activation: Activation, gate: DropoutLayer,
                                     mean mu: inout Matrix, into out: inout Matrix) {
        var s2 = Matrix(rows: 0, cols: 0)
        moments(v, dense: dense, gate: gate, mean: &mu, variance: &s2)
        out.reshape(rows: mu.rows, cols: mu.cols)
        var rng = gate.inferenceStream
        let z = max(1, gate.inferenceSamples)
        for i in 0..<mu.count {
            // A cancelled evaluation (the visualizer quitting) ends within a few thousand
            // units' draws; its result is dropped by whoever cancelled it.
            if i & 4095 == 0 && Cancellation.isRequested { return }
            let m = mu.data[i], s = max(0, s2.data[i]).squareRoot()
            guard s > 0 else {
                out.data[i] = activation.apply(m)
                continue
            }
            var sum: Double = 0
            for _ in 0..<z { sum += Double(activation.apply(m + s * rng.normal())) }
            out.data[i] = Float(sum / Double(z))
        }
    }
}
