/// Feature maps to a vector per example, for the dense layers after the convolutions.
///
/// The batch layout is already one row of `C·H·W` columns per example (channel-major, see
/// FeatureMapShape), so flattening moves no number: forward `y = x`, backward `dx = dy`. The
/// layer exists so that the model reads as the maths does, and so that the shape is checked.
public final class FlattenLayer: Layer {
    public let shape: FeatureMapShape
    public var inputWidth: Int { shape.count }
    public var outputWidth: Int { shape.count }
    public var parameters: [Parameter] { [] }

    public init(_ shape: FeatureMapShape) { self.shape = shape }

    public func forward(_ x: Matrix, into y: inout Matrix, training: Bool) {
        precondition(x.cols == shape.count, "flatten: the input is not \(shape)")
        y.reshape(rows: x.rows, cols: x.cols)
        y.data.withUnsafeMutableBufferPointer { out in
            x.data.withUnsafeBufferPointer { src in
                for i in 0..<src.count { out[i] = src[i] }
            }
        }
    }

    public func backward(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool) {
        guard needsInputGradient else { return }
        dx.reshape(rows: dy.rows, cols: dy.cols)
        dx.data.withUnsafeMutableBufferPointer { out in
            dy.data.withUnsafeBufferPointer { src in
                for i in 0..<src.count { out[i] = src[i] }
            }
        }
    }
}
