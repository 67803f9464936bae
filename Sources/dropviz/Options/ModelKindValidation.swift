import DropoutCore

extension TrainingOptions {
    /// Options that belong to another model kind are refused while parsing, before any data is
    /// loaded: a conv variant or conv option needs `--model cnn`, a recurrent one `--model lstm`.
    func validateModelKind() throws {
        if let needs = variant.needs, needs.kind != model {
            throw DropvizError("--variant \(variant.name) is a \(needs.family) variant: it needs --model \(needs.kind.rawValue)")
        }
        if model != .cnn && (convVariant != nil || convRate != nil || convRates != nil) {
            throw DropvizError("--conv-variant, --conv-rate and --conv-rates need --model cnn")
        }
        if model != .lstm && rnnVariant != nil {
            throw DropvizError("--rnn-variant needs --model lstm")
        }
        if case .conv(let v) = variant, let convVariant, convVariant != v {
            throw DropvizError("--variant \(v.rawValue) and --conv-variant \(convVariant.rawValue) disagree")
        }
        if case .recurrent(let v) = variant, let rnnVariant, rnnVariant != v {
            throw DropvizError("--variant \(v.rawValue) and --rnn-variant \(rnnVariant.rawValue) disagree")
        }
    }
}
