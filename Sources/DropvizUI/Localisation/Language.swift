import DropoutCore
import Foundation

/// The language of everything the visualizer shows (the command line's help and errors stay
/// English). Chosen by `--lang`, else `DROPVIZ_LANG`, else the locale.
public enum Language: String, CaseIterable, Sendable {
    case en, zh

    /// The explicit option beats the variable, which beats the locale (`LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`: the first one set decides, as for any POSIX program).
    /// (The option arrives typed: the command line's parser refuses a bad `--lang`.)
    public static func resolve(option: Language?, environment: [String: String]) throws -> Language {
        if let option { return option }
        if let value = environment["DROPVIZ_LANG"], !value.isEmpty {
            guard let l = Language(rawValue: value) else {
                throw DropvizError("DROPVIZ_LANG must be en or zh, got '\(value)'")
            }
            return l
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value.hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }

    /// The text of `id` in this language, with `{0}`, `{1}`, … replaced by `args`; English when
    /// the Chinese table has no entry.
    public func text(_ id: L10n, _ args: [Any] = []) -> String {
        var s = self == .zh ? (L10n.chinese[id] ?? id.rawValue) : id.rawValue
        // The standard library's `replacing`, not Foundation's `replacingOccurrences`: the same
        // text (both match whole characters), without a bridge to NSString for every label of
        // every frame (`bench --ui`).
        guard s.utf8.contains(UInt8(ascii: "{")) else { return s }
        for (k, a) in args.enumerated() { s = s.replacing("{\(k)}", with: "\(a)") }
        return s
    }

    public func text(_ id: L10n, _ args: Any...) -> String { text(id, args) }

    /// `english` in this language when the catalogue has it (the key bar, help and legend
    /// entries are looked up by their English text), else `english` itself.
    public func translate(_ english: String) -> String {
        guard self == .zh, let id = L10n(rawValue: english) else { return english }
        return text(id)
    }
}

extension AppState {
    /// The language drawn: Chinese needs a Unicode terminal, so ASCII glyphs mean English.
    public var lang: Language { glyphs.isUnicode ? language : .en }

    func tr(_ id: L10n, _ args: Any...) -> String { lang.text(id, args) }
}

extension AppState {
    /// The speed as the status line says it, in the screen's language.
    var speedLabel: String {
        switch speed {
        case .perSecond(let n): return n == 1 ? tr(.stepPerSecond) : tr(.stepsPerSecond, n)
        case .perFrame: return speed.label
        }
    }

    /// A dropout position's name in the screen's language ("hidden 2" → "隐藏层2"); names
    /// the catalogue does not know (a CNN's, an LSTM's) stay as the model gives them.
    func displayLayerName(_ d: Int) -> String {
        let name = layerName(d)
        guard lang == .zh else { return name }
        if name == "input" { return tr(.input) }
        let digits = name.drop { !$0.isNumber }
        if name.hasPrefix("hidden"), !digits.isEmpty, digits.allSatisfy(\.isNumber) { return tr(.hiddenN, String(digits)) }
        return name
    }
}

/// `L`: English ↔ Chinese, live. An ASCII terminal cannot draw Chinese, so it stays English.
func switchLanguage(_ s: inout AppState) {
    guard s.glyphs.isUnicode else {
        s.notice = "Chinese needs a UTF-8 terminal (LANG=C.UTF-8)"
        return
    }
    s.language = s.language.next
    s.notice = s.tr(.languageNotice)
}
