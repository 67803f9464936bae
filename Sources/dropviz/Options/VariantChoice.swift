import ArgumentParser
import DropoutCore

/// `--variant`: one name from three families. A dense variant acts on the dense layers of any
/// model; a conv variant (the same as `--conv-variant`) needs `--model cnn`, a recurrent one (the
/// same as `--rnn-variant`) `--model lstm`. The names do not overlap, so the name says the family.
/// One typed option rather than three spellings of it: `--variant spatial` keeps working.
enum VariantChoice: ExpressibleByArgument, Equatable {
    case dense(DropoutVariant)
    case conv(ConvDropoutVariant)
    case recurrent(RecurrentDropoutVariant)

    init?(argument: String) {
        let name = argument.lowercased()
        if let v = DropoutVariant(rawValue: name) {
            self = .dense(v)
        } else if let v = ConvDropoutVariant(rawValue: name) {
            self = .conv(v)
        } else if let v = RecurrentDropoutVariant(rawValue: name) {
            self = .recurrent(v)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] {
        DropoutVariant.allCases.map(\.rawValue) + ConvDropoutVariant.allCases.map(\.rawValue)
            + RecurrentDropoutVariant.allCases.map(\.rawValue)
    }

    var name: String {
        switch self {
        case .dense(let v): return v.rawValue
        case .conv(let v): return v.rawValue
        case .recurrent(let v): return v.rawValue
        }
    }

    var defaultValueDescription: String { name }

    /// The model kind the variant needs, with the word the error uses; nil: any model.
    var needs: (kind: ModelKind, family: String)? {
        switch self {
        case .dense: return nil
        case .conv: return (.cnn, "conv")
        case .recurrent: return (.lstm, "recurrent")
        }
    }
}
