/// Dropout on units: the input layer's features or a hidden layer's activations.
///
/// Every training forward draws a fresh mask, independently per example and per unit, from the
/// layer's own stream: the rate of one layer never changes the draws of another.
///
/// The layer is "the dropout of one position" whatever the variant: under DropConnect it holds
/// the weight mask of the dense layer in front (`weightMask`, see DropConnect.swift) and lets
/// the units through; under standout it holds the keep probabilities `keep` (see Standout.swift).
public final class DropoutLayer: Layer {
    public let width: Int
    /// The drop probability `p`, `0 <= p < 1`; may change between any two steps.
    public var rate: Float
    public var scaling: Scaling
    public var variant: DropoutVariant
    /// True for the input position, where DropConnect and standout fall back to Bernoulli.
    public let onInput: Bool
    /// The multipliers the last training step applied: 0 for a dropped unit, else `1/(1-p)`
    /// (inverted) or 1; the Gaussian gate values for the Gaussian variant; 0 or 1 for standout;
    /// all 1 under DropConnect (no unit is dropped). One row per example.
    public internal(set) var mask: Matrix
    /// The stream of mask draws (unit masks, weight masks and standout gates alike).
    public var rng: Xoshiro

    // DropConnect (DropConnect.swift)
    /// The weight mask `M` (inputs × outputs of the dense layer in front) of the last training
    /// step: 0 for a dropped connection, else the kept scale. Empty until DropConnect has run.
    public internal(set) var weightMask: Matrix
    /// Whether the last training forward of the dense layer in front applied `weightMask`.
    public internal(set) var weightMaskApplied = false
    public var connectionInference: DropConnectInference = .momentMatching
    /// `Z`, the Gaussian samples per unit of moment-matching inference.
    public var inferenceSamples: Int = 32
    /// Where moment-matching inference starts drawing at every evaluation, so that evaluating
    /// twice gives the same numbers and evaluation never moves the training streams.
    public var inferenceStream: Xoshiro

    // Standout (Standout.swift)
    public var standoutAlpha: Float = 1
    public var standoutBeta: Float = 0
    /// The keep probabilities `π` of the last training step, one row per example.
    public internal(set) var keep: Matrix

    public var inputWidth: Int { width }
    public var outputWidth: Int { width }
    public var parameters: [Parameter] { [] }

    public init(width: Int, rate: Float, scaling: Scaling = .inverted, variant: DropoutVariant = .bernoulli,
                onInput: Bool = false, rng: Xoshiro, inferenceStream: Xoshiro? = nil) {
        precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1)")
        self.width = width
        self.rate = rate
        self.scaling = scaling
        self.variant = variant
        self.onInput = onInput
        self.rng = rng
        // A fixed, distinct stream when none is given: a jump of the mask stream's seed.
        self.inferenceStream = inferenceStream ?? Xoshiro(seed: rng.state[0] ^ 0x5DEE_CE66_D1CE_F00D)
        mask = Matrix(rows: 0, cols: width)
        weightMask = Matrix(rows: 0, cols: width)
        keep = Matrix(rows: 0, cols: width)
    }

    /// Whether this layer changes anything in training.
    public var isActive: Bool { rate > 0 }

    /// What this position does: the variant, or its fallback on the input position.
    public var effectiveVariant: DropoutVariant { onInput ? variant.onInput : variant }

    public func forward(_ x: Matrix, into y: inout Matrix, training: Bool) {
        forward(x, preActivation: nil, into: &y, training: training)
    }

    /// The forward pass with the pre-activation `a` of the dense layer in front (the input of
    /// its activation), which standout's keep probabilities are computed from. The network
    /// always passes it on hidden positions; the other variants ignore it.
    public func forward(_ x: Matrix, preActivation a: Matrix?, into y: inout Matrix, training: Bool) {
        y.reshape(rows: x.rows, cols: x.cols)
        switch effectiveVariant {
        case .bernoulli, .gaussian:
            if training {
                drawMask(rows: x.rows)
                multiply(x, by: mask, into: &y)
            } else {
                let s = effectiveVariant == .bernoulli ? scaling.evalScale(rate: rate) : 1
                scale(x, by: s, into: &y)
            }
        case .dropconnect:
            // The dense layer in front masked its weights; the units pass unchanged.
            if training { drawMask(rows: x.rows) }
            scale(x, by: 1, into: &y)
        case .standout:
            guard let a else { preconditionFailure("standout needs the pre-activation of the layer in front") }
            if training {
                drawStandoutMask(preActivation: a)
                multiply(x, by: mask, into: &y)
            } else {
                standoutEval(x, preActivation: a, into: &y)
            }
        }
    }

    public func backward(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool) {
        guard needsInputGradient else { return }
        dx.reshape(rows: dy.rows, cols: dy.cols)
        // The training pass's mask, scale included: ∂e/∂x = ∂e/∂y ⊙ m.
        multiply(dy, by: mask, into: &dx)
    }

    /// Draws a new mask for `rows` examples. Exposed so tests and the app can draw without data.
    /// Standout draws its mask from the pre-activation instead (`drawStandoutMask`); under
    /// DropConnect (and standout at rate 0) the unit mask is all ones.
    public func drawMask(rows: Int) {
        mask.reshape(rows: rows, cols: width)
        let p = rate
        switch effectiveVariant {
        case .bernoulli:
            Self.fillBernoulli(&mask, rate: p, kept: scaling.keptScale(rate: p), rng: &rng)
        case .gaussian:
            let sigma = Self.gaussianGateDeviation(rate: p)
            for i in 0..<mask.count { mask.data[i] = 1 + sigma * rng.normal() }
        case .dropconnect, .standout:
            mask.fill(1)
        }
    }

    /// Fills `m` with 0 where `u < p`, else `kept`: the Bernoulli draw of unit masks and of
    /// DropConnect's weight masks alike.
    ///
    /// `u` has 16 bits: each 64-bit draw gives four units (one per 16-bit field, low field
    /// first), so `p` acts as `round(p·65536)/65536` (at most 2⁻¹⁷ from the rate set; clamped
    /// to at least 1/65536 for `p > 0` and at most 65535/65536). Four units a draw and no branch
    /// per unit (a branch on a random bit is mispredicted half the time at p = 0.5) made the
    /// draw several times cheaper than two 32-bit uniforms a draw; see the README's Performance.
    static func fillBernoulli(_ m: inout Matrix, rate p: Float, kept: Float, rng: inout Xoshiro) {
        if p == 0 {
            m.fill(kept)
            return
        }
        let threshold = quantisedThreshold(p)
        m.data.withUnsafeMutableBufferPointer { out in
            guard let o = out.baseAddress else { return }
            fillBernoulli(o, count: out.count, threshold: threshold, keptBits: kept.bitPattern, rng: &rng)
        }
    }

    /// The loop of `fillBernoulli`, outside any closure: a generator captured by one stayed in
    /// memory, and the store and reload of its state at every draw made the draw half as slow.
    private static func fillBernoulli(_ o: UnsafeMutablePointer<Float>, count n: Int, threshold: UInt64, keptBits: UInt32,
                                      rng: inout Xoshiro) {
        var g = rng
        defer { rng = g }
        let th = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: threshold))
        var i = 0
        while i + 8 <= n {
            fillEight(o + i, g.next(), g.next(), th, keptBits)
            i += 8
        }
        if i < n {
            // Whole draws as in the loop (one for up to four units), the units past `n` unused.
            var tail = SIMD8<Float>()
            withUnsafeMutablePointer(to: &tail) { t in
                t.withMemoryRebound(to: Float.self, capacity: 8) { f in
                    let r0 = g.next(), r1 = n - i > 4 ? g.next() : 0
                    fillEight(f, r0, r1, th, keptBits)
                    for j in 0..<(n - i) { o[i + j] = f[j] }
                }
            }
        }
    }

    /// `p` as a 16-bit threshold: a unit is dropped when its 16-bit `u` is below it.
    static func quantisedThreshold(_ p: Float) -> UInt64 {
        min(65535, max(1, UInt64((Double(p) * 65536).rounded())))
    }

    /// The drop probability the 16-bit draw actually uses for rate `p`.
    public static func effectiveRate(_ p: Float) -> Double {
        p == 0 ? 0 : Double(quantisedThreshold(p)) / 65536
    }

    /// Eight units from two draws, four 16-bit fields each, low field first.
    @inline(__always)
    private static func fillEight(_ o: UnsafeMutablePointer<Float>, _ r0: UInt64, _ r1: UInt64, _ threshold: SIMD8<Int32>,
                                  _ kept: UInt32) {
        // A vector compare and blend: written per unit as `u < threshold ? 0 : kept` (or even
        // as integer masks), the compiler turned it into a branch on a random bit, mispredicted
        // half the time at p = 0.5. The fields are widened, not shifted out one by one.
        let u = SIMD8<Int32>(truncatingIfNeeded: unsafeBitCast(SIMD2<UInt64>(r0, r1), to: SIMD8<UInt16>.self))
        // Below 2¹⁶ both: a signed compare gives the same answer and SSE2 has one.
        let bits = SIMD8<UInt32>(repeating: 0).replacing(with: kept, where: u .>= threshold)
        UnsafeMutableRawPointer(o).storeBytes(of: bits, as: SIMD8<UInt32>.self)
    }

    /// Sets the mask by hand (gradient checks under a fixed mask).
    public func setMask(_ m: Matrix) {
        precondition(m.cols == width)
        mask = m
    }

    func multiply(_ a: Matrix, by m: Matrix, into out: inout Matrix) {
        precondition(a.count == m.count, "dropout: mask shape does not match")
        a.data.withUnsafeBufferPointer { pa in
            m.data.withUnsafeBufferPointer { pm in
                out.data.withUnsafeMutableBufferPointer { po in
                    for i in 0..<pa.count { po[i] = pa[i] * pm[i] }
                }
            }
        }
    }

    func scale(_ a: Matrix, by s: Float, into out: inout Matrix) {
        a.data.withUnsafeBufferPointer { pa in
            out.data.withUnsafeMutableBufferPointer { po in
                for i in 0..<pa.count { po[i] = pa[i] * s }
            }
        }
    }

    /// Everything a training forward draws or records, as a value: Monte Carlo passes save it
    /// and put it back so that they leave no trace.
    struct Draws {
        var rng: Xoshiro
        var mask: Matrix
        var weightMask: Matrix
        var weightMaskApplied: Bool
        var keep: Matrix
    }

    var draws: Draws {
        get { Draws(rng: rng, mask: mask, weightMask: weightMask, weightMaskApplied: weightMaskApplied, keep: keep) }
        set {
            rng = newValue.rng
            mask = newValue.mask
            weightMask = newValue.weightMask
            weightMaskApplied = newValue.weightMaskApplied
            keep = newValue.keep
        }
    }

    /// Units dropped in row `row` of the last mask (Bernoulli: multiplier exactly 0).
    public func droppedCount(row: Int = 0) -> Int {
        guard row < mask.rows else { return 0 }
        var n = 0
        for j in 0..<width where mask[row, j] == 0 { n += 1 }
        return n
    }
}
