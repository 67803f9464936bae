import Foundation

/// The parser's message for a value outside a choice option's enum, in the form every other
/// bad value takes (`--optimizer: unknown value 'rmsprop' (one of: sgd, momentum, adam)`) and on
/// one line: the parser lists six or more values as bullets on lines of their own.
enum ChoiceErrorText {
    /// The one-line message, or nil when `message` is not the parser's bad-choice message.
    static func rewrite(_ message: String) -> String? {
        let lines = message.split(separator: "\n").map(String.init)
        guard let first = lines.first,
              let valueStart = first.range(of: "The value '")?.upperBound,
              let valueEnd = first.range(of: "' is invalid for '", range: valueStart..<first.endIndex),
              let listStart = first.range(of: ". Please provide one of ", range: valueEnd.upperBound..<first.endIndex)
        else { return nil }
        let value = first[valueStart..<valueEnd.lowerBound]
        let option = first[valueEnd.upperBound...].prefix { $0 != " " && $0 != "'" }
        // Either inline ('a', 'b' or 'c'.) or "the following:" then "  - a" lines.
        let inline = first[listStart.upperBound...]
        let names: [String]
        if inline.hasPrefix("the following") {
            names = lines.dropFirst().compactMap { line in
                let t = line.trimmingCharacters(in: .whitespaces)
                return t.hasPrefix("- ") ? String(t.dropFirst(2)) : nil
            }
        } else {
            names = inline.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        return "\(option): unknown value '\(value)' (one of: \(names.joined(separator: ", ")))"
    }
}
