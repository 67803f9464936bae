/// Which model a configuration trains, with the settings only that kind has: one value, so a
/// configuration cannot describe a CNN and an LSTM at once. Stored as `TrainingConfig.model`;
/// `TrainingConfig.conv` and `.lstm` are read-only views of it. Model files and state strings
/// keep their separate `conv` and `lstm` fields (`init(conv:lstm:)` reads them back).
public enum ModelSpec: Equatable, Sendable {
    /// The fully-connected network (`MLPNetwork`): its layers are the configuration's `hidden`.
    case mlp
    /// Convolutions with pooling, then the dense layers of the configuration (`ConvNetwork`).
    case cnn(ConvSettings)
    /// An LSTM over the sequence, then a dense readout (`LSTMNetwork`).
    case lstm(LSTMSettings)

    public var kind: ModelKind {
        switch self {
        case .mlp: return .mlp
        case .cnn: return .cnn
        case .lstm: return .lstm
        }
    }

    /// The conv settings of a CNN, nil for the other kinds.
    public var conv: ConvSettings? {
        if case .cnn(let s) = self { return s }
        return nil
    }

    /// The recurrent settings of an LSTM, nil for the other kinds.
    public var lstm: LSTMSettings? {
        if case .lstm(let s) = self { return s }
        return nil
    }

    /// A model of `kind` with that kind's default settings.
    public init(_ kind: ModelKind) {
        switch kind {
        case .mlp: self = .mlp
        case .cnn: self = .cnn(ConvSettings())
        case .lstm: self = .lstm(LSTMSettings())
        }
    }

    /// The model of the two optional fields that files and state strings hold: neither is the
    /// MLP. Both at once described no model before there was one field either (validation
    /// refused it); it stays an error naming both.
    public init(conv: ConvSettings?, lstm: LSTMSettings?) throws {
        switch (conv, lstm) {
        case (nil, nil): self = .mlp
        case (let c?, nil): self = .cnn(c)
        case (nil, let l?): self = .lstm(l)
        case (_?, _?):
            throw SettingError(.model, value: "cnn+lstm", "is cnn or lstm, not both: the settings hold conv layers and lstm settings")
        }
    }
}

/// Which kind of model a configuration trains (`ModelSpec` without its settings): what
/// `--model` names and the models report.
public enum ModelKind: String, Codable, CaseIterable, Sendable {
    /// The fully-connected network (`MLPNetwork`).
    case mlp
    /// Convolutions with pooling, then the dense layers (`ConvNetwork`).
    case cnn
    /// An LSTM over the sequence, then a dense readout (`LSTMNetwork`, LSTMSettings.swift).
    case lstm
}
