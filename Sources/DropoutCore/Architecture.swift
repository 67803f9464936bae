/// The shape of a fully-connected network: inputs, hidden widths, outputs.
public struct Architecture: Codable, Equatable, Sendable {
    public var inputs: Int
    public var hidden: [Int]
    public var task: LearningTask
    public var activation: Activation
    public var initialization: Initialization

    public init(inputs: Int, hidden: [Int], task: LearningTask, activation: Activation = .relu, initialization: Initialization? = nil) {
        self.inputs = inputs
        self.hidden = hidden
        self.task = task
        self.activation = activation
        self.initialization = initialization ?? activation.defaultInitialization
    }

    public var outputs: Int { task.outputs }
    /// Widths of the layers that can carry dropout: the input, then each hidden layer.
    public var dropoutWidths: [Int] { [inputs] + hidden }
    /// Widths of every layer, input to output.
    public var widths: [Int] { [inputs] + hidden + [outputs] }
}
