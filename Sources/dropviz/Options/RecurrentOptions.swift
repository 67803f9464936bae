import DropoutCore

extension TrainingOptions {
    /// `--rnn-variant` (or an rnn name in `--variant`) sets the LSTM's recurrent dropout.
    func applyRecurrent(_ c: inout TrainingConfig, kind: ModelKind) throws {
        guard kind == .lstm else { return }
        var settings = LSTMSettings()
        var choice: RecurrentDropoutVariant? = nil
        if case .recurrent(let v) = variant { choice = v }
        settings.variant = rnnVariant ?? choice ?? settings.variant
        c.model = .lstm(settings)
    }
}
