/// Dropout on units: the input layer's features or a hidden layer's activations.
///
/// Every training forward draws a fresh mask, independently per example and per unit, from the
/// layer's own stream: the rate of one layer never changes the draws of another.
public final class DropoutLayer: Layer {
    public let width: Int
    /// The drop probability `p`, `0 <= p < 1`; may change between any two steps.
    public var rate: Float
    public var scaling: Scaling
    public var variant: DropoutVariant
    /// The multipliers the last training step applied: 0 for a dropped unit, else `1/(1-p)`
    /// (inverted) or 1; the Gaussian gate values for the Gaussian variant. One row per example.
    public private(set) var mask: Matrix
    /// The stream of mask draws.
    public var rng: Xoshiro

    public var inputWidth: Int { width }
    public var outputWidth: Int { width }
    public var parameters: [Parameter] { [] }

    public init(width: Int, rate: Float, scaling: Scaling = .inverted, variant: DropoutVariant = .bernoulli, rng: Xoshiro) {
        precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1)")
        self.width = width
        self.rate = rate
        self.scaling = scaling
        self.variant = variant
        self.rng = rng
        mask = Matrix(rows: 0, cols: width)
    }

    /// Whether this layer changes anything in training.
    public var isActive: Bool { rate > 0 }

    public func forward(_ x: Matrix, into y: inout Matrix, training: Bool) {
        y.reshape(rows: x.rows, cols: x.cols)
        if training {
            drawMask(rows: x.rows)
            multiply(x, by: mask, into: &y)
        } else {
            let s = variant == .bernoulli ? scaling.evalScale(rate: rate) : 1
            scale(x, by: s, into: &y)
        }
    }

    public func backward(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool) {
        guard needsInputGradient else { return }
        dx.reshape(rows: dy.rows, cols: dy.cols)
        // The training pass's mask, scale included: ∂e/∂x = ∂e/∂y ⊙ m.
        multiply(dy, by: mask, into: &dx)
    }

    /// Draws a new mask for `rows` examples. Exposed so tests and the app can draw without data.
    public func drawMask(rows: Int) {
        mask.reshape(rows: rows, cols: width)
        let p = rate
        switch variant {
        case .bernoulli:
            let kept = scaling.keptScale(rate: p)
            if p == 0 {
                mask.fill(kept)
                return
            }
            // Two 32-bit uniforms from each 64-bit draw; a unit is dropped when u < p.
            let threshold = UInt64((Double(p) * 4_294_967_296.0).rounded())
            let n = mask.count
            mask.data.withUnsafeMutableBufferPointer { m in
                var i = 0
                while i + 1 < n {
                    let r = rng.next()
                    m[i] = (r >> 32) < threshold ? 0 : kept
                    m[i + 1] = (r & 0xFFFF_FFFF) < threshold ? 0 : kept
                    i += 2
                }
                if i < n { m[i] = (rng.next() >> 32) < threshold ? 0 : kept }
            }
        case .gaussian:
            let sigma = (p / (1 - p)).squareRoot()
            for i in 0..<mask.count { mask.data[i] = 1 + sigma * rng.normal() }
        }
    }

    /// Sets the mask by hand (gradient checks under a fixed mask).
    public func setMask(_ m: Matrix) {
        precondition(m.cols == width)
        mask = m
    }

    private func multiply(_ a: Matrix, by m: Matrix, into out: inout Matrix) {
        precondition(a.count == m.count, "dropout: mask shape does not match")
        a.data.withUnsafeBufferPointer { pa in
            m.data.withUnsafeBufferPointer { pm in
                out.data.withUnsafeMutableBufferPointer { po in
                    for i in 0..<pa.count { po[i] = pa[i] * pm[i] }
                }
            }
        }
    }

    private func scale(_ a: Matrix, by s: Float, into out: inout Matrix) {
        a.data.withUnsafeBufferPointer { pa in
            out.data.withUnsafeMutableBufferPointer { po in
                for i in 0..<pa.count { po[i] = pa[i] * s }
            }
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
