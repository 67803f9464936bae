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
                for i in 0..<xs.count { ys[i] = f.apply(xs[i]) }
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
                        for i in 0..<xs.count { out[i] = g[i] * f.derivative(x: xs[i], y: ys[i]) }
                    }
                }
            }
        }
    }
}
