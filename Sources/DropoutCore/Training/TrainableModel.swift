/// What `Trainer` needs of a model, whatever its kind: the training forward with the batch
/// written into the model's own input buffer, the output, backward, evaluation, the parameters
/// the optimiser updates, and the dropout positions whose rates the keys change.
///
/// `MLPNetwork` (the MLP) and `ConvNetwork` conform. A new kind (say an LSTM) conforms the same
/// way, adds a `ModelKind` case and its settings to `TrainingConfig` (as `conv` is), and is
/// built in `Trainer.makeModel`. Tools that only make sense for one kind (the dense diagram,
/// DropConnect's statistics, Monte Carlo dropout) ask `Trainer.mlp` and say "not for this
/// model" when it is nil.
public protocol TrainableModel: AnyObject {
    var kind: ModelKind { get }
    /// One line for titles and reports, e.g. "64-128-128-10 relu".
    var summary: String { get }
    /// Every weight and bias, fixed at construction (the optimiser walks this list each step).
    var parameters: [Parameter] { get }
    /// The training forward pass with the batch written straight into the input buffer.
    func forwardTraining(fillInput: (inout Matrix) -> Void)
    /// The output of the last `forwardTraining` (logits or regression outputs).
    var output: Matrix { get }
    /// Backpropagates through the last training pass, setting every parameter's gradient.
    func backward(_ dOutput: Matrix)
    /// Evaluation forward (no masks) on any number of examples.
    func predict(_ x: Matrix) -> Matrix
    /// The dense layers (for a CNN, those after the convolutions): saved in model files.
    var architecture: Architecture { get }
    /// Every dropout position, in the order `TrainingConfig.positionRates` lists their rates
    /// and the visualizer selects them.
    var dropoutPositions: [any DropoutPosition] { get }
    /// Short names of the positions for the plot's markers ("in", "h1", "c1").
    var positionNames: [String] { get }
    /// Names for the screen ("input", "hidden 1", "conv 1").
    var positionTitles: [String] { get }
    /// The positions that run the dense variants (`DropoutVariant`, `Scaling`, standout and
    /// DropConnect settings).
    var denseDropout: [DropoutLayer] { get }
    /// The position the visualizer selects first.
    var defaultPosition: Int { get }
}

/// One dropout position: its rate, its stream of mask draws and how many units one example has.
public protocol DropoutPosition: AnyObject {
    var rate: Float { get set }
    var rng: Xoshiro { get set }
    var unitCount: Int { get }
}

extension DropoutLayer: DropoutPosition {
    public var unitCount: Int { width }
}

extension ConvDropoutLayer: DropoutPosition {
    public var unitCount: Int { shape.count }
}

extension MLPNetwork: TrainableModel {
    public var kind: ModelKind { .mlp }
    public var summary: String {
        architecture.widths.map(String.init).joined(separator: "-") + " " + architecture.activationLabel
    }
    public var dropoutPositions: [any DropoutPosition] { dropout }
    public var positionNames: [String] { dropout.indices.map { $0 == 0 ? "in" : "h\($0)" } }
    public var positionTitles: [String] { dropout.indices.map { $0 == 0 ? "input" : "hidden \($0)" } }
    public var denseDropout: [DropoutLayer] { dropout }
    public var defaultPosition: Int { dropout.count > 1 ? 1 : 0 }
}
