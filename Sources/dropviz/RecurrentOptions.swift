import DropoutCore

extension TrainingOptions {
    /// `--rnn-variant` (or an rnn name in `--variant`) only applies to `--model lstm`, as the conv
    /// options only apply to `--model cnn`.
    func applyRecurrent(_ c: inout TrainingConfig, kind: ModelKind, choice: RecurrentDropoutVariant?) throws {
        guard kind == .lstm else {
            if choice != nil { throw DropvizError("--variant \(variant) is a recurrent variant: it needs --model lstm") }
            if rnnVariant != nil { throw DropvizError("--rnn-variant needs --model lstm") }
            return
        }
        if let choice, let rnnVariant, rnnVariant.lowercased() != choice.rawValue {
            throw DropvizError("--variant \(variant) and --rnn-variant \(rnnVariant) disagree")
        }
        var settings = LSTMSettings()
        settings.variant = try rnnVariant.map { try Parse.choice($0, option: "--rnn-variant") } ?? choice ?? settings.variant
        c.lstm = settings
    }
}
