/// The dropout of one convolutional position: the feature maps after a convolution's
/// activation, before its pooling. Whatever the variant, `mask` holds what the last training
/// step did, one row per example and one column per pixel of every map (the feature-map
/// layout): 0 for a dropped pixel, else its multiplier.
///
/// - elementwise, spatial: `y = x ⊙ m`, `m ∈ {0, 1/(1-p)}` (whole channels at once for spatial).
/// - dropblock: `y = x ⊙ m`, `m ∈ {0, count(all)/count(kept)}` counted over the example's maps
///   (per example, so that one example's rescaling does not depend on the rest of its batch).
/// - maxpool: `y = x`; the pooling layer after it (`MaxPool2DLayer.poolDropout`) applies the
///   0/1 mask inside each window before the max, and evaluates by probabilistic weighted pooling.
///
/// Backward: `∂e/∂x = ∂e/∂y ⊙ m` with the training pass's mask (maxpool: `∂e/∂y`).
/// Evaluation passes `x` unchanged (inverted scaling; `--scaling` is for the dense positions).
public final class ConvDropoutLayer: Layer {
    public let shape: FeatureMapShape
    /// The drop probability `p` (DropBlock: `1 - keep`); may change between any two steps.
    public var rate: Float
    public var variant: ConvDropoutVariant
    /// DropBlock's block side `b`.
    public var blockSize: Int
    public var rng: Xoshiro
    public internal(set) var mask: Matrix
    /// Gradient checks fix the mask: training forwards then reuse it instead of drawing.
    var maskFrozen = false

    public var inputWidth: Int { shape.count }
    public var outputWidth: Int { shape.count }
    public var parameters: [Parameter] { [] }

    public init(shape: FeatureMapShape, rate: Float, variant: ConvDropoutVariant, blockSize: Int = 2, rng: Xoshiro) {
        precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1)")
        precondition(blockSize >= 1, "DropBlock's block size must be at least 1")
        self.shape = shape
        self.rate = rate
        self.variant = variant
        self.blockSize = blockSize
        self.rng = rng
        mask = Matrix(rows: 0, cols: shape.count)
    }

    /// Whether the pooling layer after this position applies the mask instead of this layer.
    public var masksInsidePooling: Bool { variant == .maxpool }

    public func forward(_ x: Matrix, into y: inout Matrix, training: Bool) {
        precondition(x.cols == shape.count, "conv dropout: the input is not \(shape)")
        y.reshape(rows: x.rows, cols: x.cols)
        if training {
            if !maskFrozen { drawMask(rows: x.rows) }
            if !masksInsidePooling {
                multiply(x, by: mask, into: &y)
                return
            }
        }
        copy(x, into: &y)
    }

    public func backward(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool) {
        guard needsInputGradient else { return }
        dx.reshape(rows: dy.rows, cols: dy.cols)
        if masksInsidePooling { copy(dy, into: &dx) } else { multiply(dy, by: mask, into: &dx) }
    }

    /// Draws a new mask for `rows` examples from the position's stream.
    public func drawMask(rows: Int) {
        mask.reshape(rows: rows, cols: shape.count)
        let p = rate
        let inverted = 1 / (1 - p)
        let area = shape.area, per = shape.count
        switch variant {
        case .elementwise:
            DropoutLayer.fillBernoulli(&mask, rate: p, kept: inverted, rng: &rng)
        case .maxpool:
            // Wu & Gu keep the retained units as they are: the max is taken over them.
            DropoutLayer.fillBernoulli(&mask, rate: p, kept: 1, rng: &rng)
        case .spatial:
            mask.data.withUnsafeMutableBufferPointer { m in
                for e in 0..<rows {
                    for c in 0..<shape.channels {
                        let v: Float = p > 0 && rng.uniform() < p ? 0 : inverted
                        let base = e * per + c * area
                        for i in 0..<area { m[base + i] = v }
                    }
                }
            }
        case .dropblock:
            mask.data.withUnsafeMutableBufferPointer { m in
                for e in 0..<rows {
                    for c in 0..<shape.channels {
                        DropBlock.drawMap(m, base: e * per + c * area, rate: p, block: blockSize,
                                          height: shape.height, width: shape.width, rng: &rng)
                    }
                    var kept = 0
                    for i in 0..<per where m[e * per + i] != 0 { kept += 1 }
                    // count(all)/count(kept); with nothing kept every multiplier is 0 anyway.
                    let scale = kept > 0 ? Float(per) / Float(kept) : 0
                    for i in 0..<per { m[e * per + i] *= scale }
                }
            }
        }
    }

    /// Sets the mask by hand and keeps it for the following training forwards (gradient checks,
    /// and tests of what the visualizer draws).
    public func setMask(_ m: Matrix) {
        precondition(m.cols == shape.count)
        mask = m
        maskFrozen = true
    }

    /// Whether pixel `index` (a column of the feature-map layout) of example `row` was dropped
    /// in the last training step.
    public func isDropped(row: Int, index: Int) -> Bool {
        row < mask.rows && mask[row, index] == 0
    }

    /// Whether channel `c` of example `row` was dropped entirely in the last training step.
    public func isChannelDropped(row: Int, channel c: Int) -> Bool {
        guard row < mask.rows else { return false }
        for i in 0..<shape.area where mask[row, c * shape.area + i] != 0 { return false }
        return true
    }

    /// Pixels dropped in example `row` over every map.
    public func droppedCount(row: Int = 0) -> Int {
        guard row < mask.rows else { return 0 }
        var n = 0
        for i in 0..<shape.count where mask[row, i] == 0 { n += 1 }
        return n
    }

    private func multiply(_ a: Matrix, by m: Matrix, into out: inout Matrix) {
        precondition(a.count == m.count, "conv dropout: mask shape does not match")
        a.data.withUnsafeBufferPointer { pa in
            m.data.withUnsafeBufferPointer { pm in
                out.data.withUnsafeMutableBufferPointer { po in
                    for i in 0..<pa.count { po[i] = pa[i] * pm[i] }
                }
            }
        }
    }

    private func copy(_ a: Matrix, into out: inout Matrix) {
        a.data.withUnsafeBufferPointer { pa in
            out.data.withUnsafeMutableBufferPointer { po in
                for i in 0..<pa.count { po[i] = pa[i] }
            }
        }
    }
}
