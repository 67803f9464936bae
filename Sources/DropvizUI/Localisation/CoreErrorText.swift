import DropoutCore
import Foundation

/// The training code's errors in the screen's language. The core's messages are English (the
/// command line prints them as they are); the ones a key can cause in the visualizer are in
/// the catalogue with the core's exact wording, holes for the variable parts, so the Chinese
/// can be filled from the English. Any other error is shown in English after "not done:".
extension Language {
    static let coreErrors: [L10n] = [
        .errFashionMissing, .errTrainSizeLarger, .errTooSmallToSplit, .errCannotWrite,
        .errNoiseGenerated, .errMemoryOverSet, .errMemoryOverMachine,
    ]

    public func errorText(_ error: Error) -> String {
        let english = "\(error)"
        guard self != .en else { return english }
        return knownErrorText(english) ?? text(.errorNotice, english)
    }

    /// `english` in this language when the catalogue has its wording, else nil.
    func knownErrorText(_ english: String) -> String? {
        for id in Self.coreErrors {
            if let holes = Self.match(english, template: id.rawValue) { return text(id, holes) }
        }
        return nil
    }

    /// The values of `{0}`, `{1}`, … when `text` is `template` with them filled in, else nil.
    static func match(_ text: String, template: String) -> [Any]? {
        let hole = try? NSRegularExpression(pattern: #"\{(\d)\}"#)
        let whole = NSRange(template.startIndex..., in: template)
        let holes = hole?.matches(in: template, range: whole) ?? []
        var pattern = "^", last = template.startIndex, order: [Int] = []
        for m in holes {
            guard let r = Range(m.range, in: template), let n = Range(m.range(at: 1), in: template) else { return nil }
            pattern += NSRegularExpression.escapedPattern(for: String(template[last..<r.lowerBound])) + "(.*?)"
            order.append(Int(template[n]) ?? 0)
            last = r.upperBound
        }
        pattern += NSRegularExpression.escapedPattern(for: String(template[last...])) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        var values = [Any](repeating: "", count: (order.max() ?? -1) + 1)
        for (k, n) in order.enumerated() {
            guard let r = Range(m.range(at: k + 1), in: text) else { return nil }
            values[n] = String(text[r])
        }
        return values
    }
}

extension AppState {
    /// A core error as a notice, in the screen's language.
    func errorNotice(_ error: Error) -> String { lang.errorText(error) }
}
