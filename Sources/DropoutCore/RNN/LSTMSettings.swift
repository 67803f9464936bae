/// The recurrent part of a `--model lstm` run: an LSTM of `hidden[0]` units over the sequence,
/// then a dense readout (of the last `h`, or of every `h_t` for `sine-seq`). The configuration's
/// `rates` are `[z_x, recurrent]`: the input's rate (variational only) and the variant's rate.
public struct LSTMSettings: Codable, Equatable, Sendable {
    public var variant: RecurrentDropoutVariant = .variational

    public init(variant: RecurrentDropoutVariant = .variational) {
        self.variant = variant
    }

    /// The LSTM's units when `--hidden` is not given.
    public static let defaultHidden = [16]
    /// The recurrent rate when `--rate` is not given.
    public static let defaultRate: Float = 0.25
}

extension LSTMNetwork: TrainableModel {
    public var kind: ModelKind { .lstm }
    public var summary: String {
        "lstm \(lstm.hiddenWidth) × \(steps) steps · \(lstm.variant.rawValue) · readout \(readoutKind.rawValue)"
    }
    /// The readout as a one-layer dense shape: the LSTM's units in, the outputs out (saved in
    /// model files next to the configuration, which holds the rest).
    public var architecture: Architecture {
        Architecture(inputs: lstm.inputWidth * steps, hidden: [lstm.hiddenWidth], task: task, activation: .tanh)
    }
    /// `z_x` first, as the MLP's input position comes first; then the recurrent mask.
    public var dropoutPositions: [any DropoutPosition] { [lstm.inputDropout, lstm.recurrentDropout] }
    public var positionNames: [String] { ["x", "rec"] }
    public var positionTitles: [String] { ["input zₓ", "recurrent (\(lstm.variant.maskedState))"] }
    public var denseDropout: [DropoutLayer] { [] }
    public var defaultPosition: Int { 1 }
}

extension RecurrentDropoutPosition: DropoutPosition {}

extension TrainingConfig {
    /// The checks of `--model lstm` and `--seq-len`.
    func validateRecurrent() throws {
        if lstm != nil {
            guard hidden.count == 1 else {
                throw SettingError(.hidden, value: hidden.count, ": an LSTM takes one width (its units), got \(hidden.count)")
            }
            guard SequenceDatasets.stepWidth(dataset) != nil else {
                throw SettingError(.model, value: "lstm", "lstm needs a sequence data set (adding, sine-seq), not '\(dataset)'")
            }
        }
        if let T = sequenceLength {
            guard T >= 2 && T <= SequenceDatasets.maxLength else {
                throw SettingError(.sequenceLength, value: T, "must be between 2 and \(SequenceDatasets.maxLength), got \(T)")
            }
            guard SequenceDatasets.stepWidth(dataset) != nil else {
                throw SettingError(.sequenceLength, value: T, "applies to the sequence data sets (adding, sine-seq), not to '\(dataset)'")
            }
        }
    }
}
