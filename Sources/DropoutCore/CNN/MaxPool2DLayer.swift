/// 2×2 max pooling with stride 2: each map's `h × w` pixels become `⌊h/2⌋ × ⌊w/2⌋` (an odd
/// last row or column is left out). Forward `y = max(window)`; backward routes `∂e/∂y` to the
/// window's largest input (the first one on a tie), nothing to the others.
///
/// Under max-pooling dropout (`poolDropout` with variant `.maxpool`, see ConvDropoutLayer) the
/// training max is taken over `m ⊙ x` with the position's 0/1 mask, and backward routes to the
/// largest masked input; evaluation uses probabilistic weighted pooling with `q = 1-p`.
public final class MaxPool2DLayer: Layer {
    public let input: FeatureMapShape
    public let output: FeatureMapShape
    /// The dropout position in front, consulted under max-pooling dropout only.
    public var poolDropout: ConvDropoutLayer?
    /// Whether the last training forward masked the windows (backward must agree with it).
    private var maskedLastTraining = false

    public var inputWidth: Int { input.count }
    public var outputWidth: Int { output.count }
    public var parameters: [Parameter] { [] }

    public init(input: FeatureMapShape) {
        precondition(input.height >= 2 && input.width >= 2, "2×2 pooling needs maps of at least 2×2, got \(input)")
        self.input = input
        output = FeatureMapShape(channels: input.channels, height: input.height / 2, width: input.width / 2)
    }

    private var activeDropout: ConvDropoutLayer? {
        guard let d = poolDropout, d.masksInsidePooling else { return nil }
        return d
    }

    public func forward(_ x: Matrix, into y: inout Matrix, training: Bool) {
        precondition(x.cols == input.count, "pooling: the input is not \(input)")
        y.reshape(rows: x.rows, cols: output.count)
        let d = activeDropout
        if training { maskedLastTraining = d != nil }
        let weighted = !training && d != nil && (d?.rate ?? 0) > 0
        let q = 1 - (d?.rate ?? 0)
        let mask: Matrix? = training ? d?.mask : nil
        if let mask { precondition(mask.count == x.count, "max-pooling dropout: the mask does not match") }
        let s = input, o = output
        x.data.withUnsafeBufferPointer { xs in
            y.data.withUnsafeMutableBufferPointer { ys in
                for e in 0..<x.rows {
                    for c in 0..<s.channels {
                        for i in 0..<o.height {
                            for j in 0..<o.width {
                                let k00 = e * s.count + s.index(c, 2 * i, 2 * j)
                                let k01 = k00 + 1, k10 = k00 + s.width, k11 = k10 + 1
                                let out = e * o.count + o.index(c, i, j)
                                if weighted {
                                    ys[out] = ProbabilisticWeightedPooling.value4(xs[k00], xs[k01], xs[k10], xs[k11], keep: q)
                                } else if let m = mask {
                                    ys[out] = max(max(m.data[k00] * xs[k00], m.data[k01] * xs[k01]),
                                                  max(m.data[k10] * xs[k10], m.data[k11] * xs[k11]))
                                } else {
                                    ys[out] = max(max(xs[k00], xs[k01]), max(xs[k10], xs[k11]))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    public func backward(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool) {
        guard needsInputGradient else { return }
        dx.reshape(rows: x.rows, cols: x.cols)
        dx.fill(0)
        let mask: Matrix? = maskedLastTraining ? poolDropout?.mask : nil
        let s = input, o = output
        for e in 0..<x.rows {
            for c in 0..<s.channels {
                for i in 0..<o.height {
                    for j in 0..<o.width {
                        let k00 = e * s.count + s.index(c, 2 * i, 2 * j)
                        var best = -Float.infinity, arg = k00
                        for t in 0..<4 {
                            let k = k00 + (t & 1) + (t >> 1) * s.width   // the window in reading order
                            let v = mask.map { $0.data[k] * x.data[k] } ?? x.data[k]
                            if v > best { best = v; arg = k }
                        }
                        // ∂(m·x)/∂x = m: a dropped maximum passes no gradient.
                        dx.data[arg] += dy[e, o.index(c, i, j)] * (mask?.data[arg] ?? 1)
                    }
                }
            }
        }
    }
}
