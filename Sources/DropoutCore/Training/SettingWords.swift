/// An error message that names settings without knowing how a front end spells them: text,
/// with each setting kept as data. The command line renders a setting as its flag (`--grid`),
/// the visualizer as its plain name (`rate grid`), so the core never writes a flag.
///
///     SettingWords("conv variants are for \(setting: .model) cnn")
public struct SettingWords: Equatable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public enum Part: Equatable, Sendable {
        case text(String)
        case setting(SettingError.Setting)
        /// A setting error inside this one (a state string's bad `features=`), rendered the same way.
        case nested(SettingError)
    }

    public var parts: [Part]

    public init(_ text: String) { parts = [.text(text)] }
    public init(stringLiteral value: String) { parts = [.text(value)] }
    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { text(literal) }
        public mutating func appendInterpolation(_ value: some Any) { text("\(value)") }
        public mutating func appendInterpolation(setting: SettingError.Setting) { parts.append(.setting(setting)) }
        public mutating func appendInterpolation(nested: SettingError) { parts.append(.nested(nested)) }
        public mutating func appendInterpolation(_ words: SettingWords) { for p in words.parts { if case .text(let t) = p { text(t) } else { parts.append(p) } } }

        mutating func text(_ s: String) {
            guard !s.isEmpty else { return }
            if case .text(let t)? = parts.last { parts[parts.count - 1] = .text(t + s) } else { parts.append(.text(s)) }
        }
    }

    /// The message with each setting spelt by `name`.
    public func rendered(naming name: (SettingError.Setting) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let t): return t
            case .setting(let s): return name(s)
            case .nested(let e): return e.message(naming: name)
            }
        }.joined()
    }

    /// With plain names.
    public var description: String { rendered { $0.name } }

    /// Whether the words start with ":" (then no space follows the setting's name).
    var startsWithColon: Bool {
        if case .text(let t)? = parts.first { return t.hasPrefix(":") }
        return false
    }
}
