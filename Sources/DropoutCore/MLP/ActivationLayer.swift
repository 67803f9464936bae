/// An element-wise non-linearity.
public final class ActivationLayer: Layer {
    public let activation: Activation
    public let width: Int
    public var inputWidth: Int { width }
    public var outputWidth: Int { width }
    public var parameters: [Parameter] { [] }

    public init(_ activation: Activation, width: Int) {
        self.activation = activation
        self.width = width
    }

    public func forward(_ x: Matrix, into y: inout Matrix, training: Bool) {
        y.reshape(rows: x.rows, cols: x.cols)
        let f = activation
        x.data.withUnsafeBufferPointer { xs in
            y.data.withUnsafeMutableBufferPointer { ys in
                let n = xs.count
                // ReLU gets its own loop: with the switch of `apply` out of it, it vectorises
                // (the generic loop costs about 12 instructions an element).
                if f == .relu {
                    for i in 0..<n { ys[i] = xs[i] > 0 ? xs[i] : 0 }
                } else {
                    for i in 0..<n { ys[i] = f.apply(xs[i]) }
                }
            }
        }
    }

    public func backward(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool) {
        guard needsInputGradient else { return }
        dx.reshape(rows: x.rows, cols: x.cols)
        let f = activation
        x.data.withUnsafeBufferPointer { xs in
            y.data.withUnsafeBufferPointer { ys in
                dy.data.withUnsafeBufferPointer { g in
                    dx.data.withUnsafeMutableBufferPointer { out in
                        let n = xs.count
                        if f == .relu {
                            for i in 0..<n { out[i] = g[i] * (xs[i] > 0 ? 1 : 0) }
                        } else {
                            for i in 0..<n { out[i] = g[i] * f.derivative(x: xs[i], y: ys[i]) }
                        }
                    }
                }
            }
        }
    }
}
