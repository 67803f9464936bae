/// The shape of a fully-connected network: inputs, hidden widths, outputs, and each hidden
/// layer's activation.
public struct Architecture: Equatable, Sendable {
    public var inputs: Int
    public var hidden: [Int]
    public var task: LearningTask
    /// One activation per hidden layer.
    public var activations: [Activation]
    /// One initialisation per hidden layer (the output layer's is always Glorot).
    public var initializations: [Initialization]

    /// `activations` of one value applies to every hidden layer; an `initialization` given
    /// applies to every layer, else each layer takes its activation's default.
    public init(inputs: Int, hidden: [Int], task: LearningTask, activations: [Activation], initialization: Initialization? = nil) {
        precondition(activations.count == 1 || activations.count == hidden.count, "one activation, or one per hidden layer")
        self.inputs = inputs
        self.hidden = hidden
        self.task = task
        self.activations = activations.count == 1 ? Array(repeating: activations[0], count: hidden.count) : activations
        self.initializations = self.activations.map { initialization ?? $0.defaultInitialization }
    }

    public init(inputs: Int, hidden: [Int], task: LearningTask, activation: Activation = .relu, initialization: Initialization? = nil) {
        self.init(inputs: inputs, hidden: hidden, task: task, activations: [activation], initialization: initialization)
    }

    /// The first hidden layer's activation: the only one when every layer has the same.
    public var activation: Activation { activations.first ?? .relu }
    public var initialization: Initialization { initializations.first ?? activation.defaultInitialization }
    /// Whether the hidden layers differ in activation.
    public var hasMixedActivations: Bool { Set(activations).count > 1 }
    /// `relu`, or `relu,tanh` when the layers differ.
    public var activationLabel: String {
        hasMixedActivations ? activations.map(\.rawValue).joined(separator: ",") : activation.rawValue
    }

    public var outputs: Int { task.outputs }
    /// Widths of the layers that can carry dropout: the input, then each hidden layer.
    public var dropoutWidths: [Int] { [inputs] + hidden }
    /// Widths of every layer, input to output.
    public var widths: [Int] { [inputs] + hidden + [outputs] }
}

/// Files keep the single `activation` and `initialization` they always had; the lists are
/// written only when the layers differ, so a uniform network's file is byte for byte as before.
extension Architecture: Codable {
    private enum CodingKeys: String, CodingKey {
        case inputs, hidden, task, activation, initialization, activations, initializations
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inputs = try c.decode(Int.self, forKey: .inputs)
        hidden = try c.decode([Int].self, forKey: .hidden)
        task = try c.decode(LearningTask.self, forKey: .task)
        let one = try c.decode(Activation.self, forKey: .activation)
        let oneInit = try c.decode(Initialization.self, forKey: .initialization)
        activations = try c.decodeIfPresent([Activation].self, forKey: .activations) ?? Array(repeating: one, count: hidden.count)
        initializations = try c.decodeIfPresent([Initialization].self, forKey: .initializations) ?? Array(repeating: oneInit, count: hidden.count)
        guard activations.count == hidden.count, initializations.count == hidden.count else {
            throw DecodingError.dataCorruptedError(forKey: .activations, in: c, debugDescription: "one activation and initialisation per hidden layer")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(hidden, forKey: .hidden)
        try c.encode(task, forKey: .task)
        try c.encode(activation, forKey: .activation)
        try c.encode(initialization, forKey: .initialization)
        if Set(activations).count > 1 || Set(initializations).count > 1 {
            try c.encode(activations, forKey: .activations)
            try c.encode(initializations, forKey: .initializations)
        }
    }
}
