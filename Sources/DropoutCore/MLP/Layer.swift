/// A layer with an explicit forward and backward pass.
///
/// Layers keep no reference to their inputs: the network owns one buffer per layer boundary
/// and hands each layer its input `x` and output `y` again in `backward`, so buffers are reused
/// step after step without copies.
public protocol Layer: AnyObject {
    var inputWidth: Int { get }
    var outputWidth: Int { get }
    var parameters: [Parameter] { get }
    /// `y = f(x)`; `training` switches dropout on.
    func forward(_ x: Matrix, into y: inout Matrix, training: Bool)
    /// Accumulates nothing: sets the parameters' gradients for this batch, and `dx` when asked.
    func backward(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool)
}

/// A weight matrix or bias vector with its gradient and the optimiser's state.
public final class Parameter {
    public let name: String
    public var value: Matrix
    public var grad: Matrix
    /// Momentum's velocity, or Adam's first moment.
    public var firstMoment: Matrix
    /// Adam's second moment.
    public var secondMoment: Matrix
    /// Weight decay and the L1 penalty apply to weights, not to biases.
    public let isWeight: Bool

    public init(name: String, value: Matrix, isWeight: Bool) {
        self.name = name
        self.value = value
        self.isWeight = isWeight
        grad = Matrix(rows: value.rows, cols: value.cols)
        firstMoment = Matrix(rows: value.rows, cols: value.cols)
        secondMoment = Matrix(rows: value.rows, cols: value.cols)
    }

    public func resetOptimizerState() {
        firstMoment.fill(0)
        secondMoment.fill(0)
    }
}
