import Foundation

/// An input feature of a 2-D data set, as in TensorFlow Playground: the network sees these
/// functions of the point `(x₁, x₂)` instead of (or beside) the coordinates themselves.
/// The raw values are the names on the command line, in model files and state strings.
public enum InputFeature: String, CaseIterable, Codable, Sendable {
    case x1, x2
    case x1Squared = "x1^2", x2Squared = "x2^2"
    case x1x2
    case sinX1 = "sin(x1)", sinX2 = "sin(x2)"

    /// The coordinates alone: what every run had before features existed.
    public static let standard: [InputFeature] = [.x1, .x2]

    /// The feature's value at the point `(a, b)` (raw, unstandardised coordinates).
    public func value(_ a: Float, _ b: Float) -> Float {
        switch self {
        case .x1: return a
        case .x2: return b
        case .x1Squared: return a * a
        case .x2Squared: return b * b
        case .x1x2: return a * b
        case .sinX1: return sin(a)
        case .sinX2: return sin(b)
        }
    }

    /// The name on screen, with sub- and superscripts (`x₁²`, `sin x₁`).
    public var symbol: String {
        switch self {
        case .x1: return "x₁"
        case .x2: return "x₂"
        case .x1Squared: return "x₁²"
        case .x2Squared: return "x₂²"
        case .x1x2: return "x₁x₂"
        case .sinX1: return "sin x₁"
        case .sinX2: return "sin x₂"
        }
    }

    /// The list as written on the command line: `x1,x2,x1^2`.
    public static func names(_ features: [InputFeature]) -> String {
        features.map(\.rawValue).joined(separator: ",")
    }

    /// `--features x1,x1^2,…`: known names, each at most once, at least one; kept in the
    /// catalogue's order so that the same set is always the same network input.
    public static func parse(_ text: String) throws -> [InputFeature] {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SettingError(.features, value: "", "needs at least one feature; valid: \(names(allCases))")
        }
        var chosen = Set<InputFeature>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let f = InputFeature(rawValue: name) else {
                throw SettingError(.features, value: name, ": unknown feature '\(name)'; valid: \(names(allCases))")
            }
            guard chosen.insert(f).inserted else { throw SettingError(.features, value: name, ": '\(name)' is listed twice") }
        }
        return ordered(chosen)
    }

    /// `features` in the catalogue's order.
    public static func ordered(_ features: Set<InputFeature>) -> [InputFeature] {
        allCases.filter(features.contains)
    }

    /// Checks a run's list: never empty, no repeats, in the catalogue's order (a state string
    /// or model file edited by hand must not make a different network from the same names).
    public static func validate(_ features: [InputFeature]) throws {
        guard !features.isEmpty else { throw SettingError(.features, value: "", "needs at least one feature; valid: \(names(allCases))") }
        guard features == ordered(Set(features)), Set(features).count == features.count else {
            throw SettingError(.features, value: names(features), ": each feature once, in the order \(names(allCases)); got \(names(features))")
        }
    }

    /// The feature columns of 2-D points (`x` has two columns, raw coordinates): one column a
    /// feature, in the order given.
    public static func expand(_ x: Matrix, _ features: [InputFeature]) -> Matrix {
        precondition(x.cols == 2, "input features need 2-D points")
        var out = Matrix(rows: x.rows, cols: features.count)
        for r in 0..<x.rows {
            let a = x[r, 0], b = x[r, 1]
            for (j, f) in features.enumerated() { out[r, j] = f.value(a, b) }
        }
        return out
    }
}

extension TrainingConfig {
    /// The columns a row of new data has (eval, predict): the two coordinates with input
    /// features, else the model's own inputs.
    public func rawColumns(modelInputs: Int) -> Int { inputFeatures == nil ? modelInputs : 2 }

    /// New raw rows as the network's unstandardised inputs: their features, if the run has any.
    public func applyingInputFeatures(_ x: Matrix) -> Matrix {
        inputFeatures.map { InputFeature.expand(x, $0) } ?? x
    }
}
