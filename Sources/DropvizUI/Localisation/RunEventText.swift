import DropoutCore

/// A loss-plot marker in the screen's language. The core records what happened
/// (`RunEventKind`) and its English label; English screens show that label as it always was,
/// other languages word the kind. Events without a kind (older saved runs) keep their label.
extension Language {
    public func label(_ event: RunEvent) -> String {
        guard self != .en, let kind = event.kind else { return event.label }
        switch kind {
        case .rate: return event.label  // position codes and numbers: no words
        case .diverged: return text(.gridDiverged)
        case .changeNotMade(let error): return text(.markerNotMade, knownErrorText(error) ?? error)
        case .branch(let n): return text(.markerBranch, n)
        case .change(let c):
            switch c {
            case .rate, .standout: return event.label  // α, β and numbers: no words
            case .scaling(let s): return text(.markerScaling, translate(s.rawValue))
            case .variant(let v): return text(.markerVariant, translate(v.rawValue))
            case .dropConnectInference(let i, let z): return text(.markerDropConnect, translate(i.rawValue), z)
            case .learningRate(let lr): return text(.statusLR, lr)
            case .convVariant(let v): return text(.markerConv, v.rawValue)
            case .blockSize(let b): return text(.markerBlock, b)
            case .recurrentVariant(let v): return text(.markerRNN, v.rawValue)
            }
        }
    }
}
