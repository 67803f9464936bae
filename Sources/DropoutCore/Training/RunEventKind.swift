/// What a plot marker stands for, as data: the core records the kind, and a user interface
/// words it in its own language. `englishLabel` is the label the core has always written
/// (to recordings, files and the command line), unchanged.
public enum RunEventKind: Sendable, Equatable, Codable {
    /// A rate change at dropout positions named as the model names them ("h1", "h1-h2"),
    /// from the rate before this step's key presses to the new one.
    case rate(positions: String, from: Float, to: Float)
    /// Any other change a key makes (the same as the change log's; its `.rate` is not used
    /// here, as the marker wants names and the old rate).
    case change(RunChange.Kind)
    case diverged
    /// A scheduled change that could not be made, with the error's text (English).
    case changeNotMade(String)
    /// The run trained on from the time cursor: branch `n`.
    case branch(Int)

    public var englishLabel: String {
        let f = Trainer.format
        switch self {
        case .rate(let positions, let from, let to): return "\(positions) p \(f(from))→\(f(to))"
        case .change(let c):
            switch c {
            case .rate(let p, let positions): return "p" + positions.map(String.init).joined(separator: "+") + " \(f(p))"
            case .scaling(let s): return "scaling \(s.rawValue)"
            case .variant(let v): return "variant \(v.rawValue)"
            case .standout(let a, let b): return "standout α \(f(a)) β \(f(b))"
            case .dropConnectInference(let i, let z): return "dropconnect \(i.rawValue) Z \(z)"
            case .learningRate(let lr): return "lr \(lr)"
            case .convVariant(let v): return "conv \(v.rawValue)"
            case .blockSize(let b): return "block \(b)"
            case .recurrentVariant(let v): return "rnn \(v.rawValue)"
            }
        case .diverged: return "diverged"
        case .changeNotMade(let error): return "change not made: \(error)"
        case .branch(let n): return "branch \(n)"
        }
    }
}

extension RunEvent {
    /// An event of a known kind, labelled in English as before.
    public init(step: Int, kind: RunEventKind) {
        self.init(step: step, label: kind.englishLabel)
        self.kind = kind
    }
}
