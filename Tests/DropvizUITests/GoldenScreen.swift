import Foundation
import TermUI
import Testing

/// Whole-screen snapshots kept as text under Golden/: `NAME.txt` holds the characters, one
/// row a line; `NAME.style.txt` a legend of the styles used and, per row, one letter per cell
/// naming its style. A screen is compared with its files cell by cell; a failure names the
/// first differing cell and shows that row as recorded and as drawn now.
///
/// Re-recording is explicit: with DROPVIZ_RECORD_GOLDEN=1 in the environment the tests write
/// the files from what is drawn now (and pass); review the change with `git diff`.
enum GoldenScreen {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var isRecording: Bool { ProcessInfo.processInfo.environment["DROPVIZ_RECORD_GOLDEN"] == "1" }

    /// The letters that name styles in the style file, in order of first use on the screen.
    static let styleLetters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// Compares `buffer` with the files of `name` (or records them), as a test expectation.
    static func check(_ buffer: Buffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (chars, styles) = encode(buffer)
        let charsURL = directory.appendingPathComponent("\(name).txt")
        let stylesURL = directory.appendingPathComponent("\(name).style.txt")
        if isRecording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try chars.write(to: charsURL, atomically: true, encoding: .utf8)
            try styles.write(to: stylesURL, atomically: true, encoding: .utf8)
            return
        }
        guard let wantChars = try? String(contentsOf: charsURL, encoding: .utf8),
              let wantStyles = try? String(contentsOf: stylesURL, encoding: .utf8) else {
            Issue.record("no golden screen \(name) in \(directory.path): record it with DROPVIZ_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if let difference = firstDifference(recorded: cells(wantChars), drawn: cells(chars), rows: rows(wantChars), drawnRows: rows(chars)) {
            Issue.record("golden screen \(name), characters: \(difference)", sourceLocation: sourceLocation)
            return
        }
        if let difference = firstDifference(recorded: styleCells(wantStyles), drawn: styleCells(styles),
                                            rows: styleRows(wantStyles), drawnRows: styleRows(styles)) {
            Issue.record("golden screen \(name), styles: \(difference)\nrecorded legend:\n\(legend(wantStyles))\nnow:\n\(legend(styles))",
                         sourceLocation: sourceLocation)
        }
    }

    /// The two files' texts for `buffer`.
    static func encode(_ buffer: Buffer) -> (chars: String, styles: String) {
        var chars = "# golden screen \(buffer.width)x\(buffer.height): one row a line (re-record with DROPVIZ_RECORD_GOLDEN=1)\n"
        var order: [Style] = []
        var letterOf: [Style: Character] = [:]
        var styleRows: [String] = []
        for y in 0..<buffer.height {
            var row = "", styleRow = ""
            for x in 0..<buffer.width {
                guard let cell = buffer.cell(atX: x, y: y) else { continue }
                if !cell.isContinuation { row.append(cell.symbol) }
                let letter: Character
                if let l = letterOf[cell.style] {
                    letter = l
                } else {
                    // Past the letters, "?" (a test would then see the styles as equal; no
                    // screen uses that many).
                    letter = order.count < styleLetters.count ? styleLetters[order.count] : "?"
                    letterOf[cell.style] = letter
                    order.append(cell.style)
                }
                styleRow.append(letter)
            }
            chars += row + "\n"
            styleRows.append(styleRow)
        }
        var styles = "# styles of the cells of \(buffer.width)x\(buffer.height): a legend, then one letter a cell\n"
        for (i, style) in order.enumerated() where i < styleLetters.count {
            styles += "\(styleLetters[i]) = \(describe(style))\n"
        }
        styles += "--\n" + styleRows.joined(separator: "\n") + "\n"
        return (chars, styles)
    }

    static func describe(_ s: Style) -> String {
        var parts = ["fg \(s.fg)", "bg \(s.bg)"]
        if s.bold { parts.append("bold") }
        if s.dim { parts.append("dim") }
        if s.reverse { parts.append("reverse") }
        if s.underline { parts.append("underline") }
        return parts.joined(separator: ", ")
    }

    /// The rows of a characters file (its header dropped).
    static func rows(_ text: String) -> [String] {
        Array(text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast().map(String.init))
    }

    /// The cells of each row: a wide character is followed by its continuation (""), as in the
    /// buffer, so columns line up.
    static func cells(_ text: String) -> [[String]] {
        rows(text).map { row in
            row.flatMap { c -> [String] in String(c).displayWidth == 2 ? [String(c), ""] : [String(c)] }
        }
    }

    /// The style rows: each cell's letter replaced by its style's description, so two files
    /// that name the same styles with other letters compare equal.
    static func styleCells(_ text: String) -> [[String]] {
        let legendOf = Dictionary(legend(text).split(separator: "\n").compactMap { line -> (Character, String)? in
            guard let first = line.first, line.dropFirst().hasPrefix(" = ") else { return nil }
            return (first, String(line.dropFirst(4)))
        }, uniquingKeysWith: { a, _ in a })
        return styleRows(text).map { row in row.map { legendOf[$0] ?? "?" } }
    }

    static func legend(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let end = lines.firstIndex(of: "--") ?? lines.endIndex
        return lines[1..<end].joined(separator: "\n")
    }

    static func styleRows(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "--") else { return [] }
        return lines[(start + 1)...].dropLast().map(String.init)
    }

    /// The first cell where the two screens differ, said with the row as recorded and as drawn.
    static func firstDifference(recorded: [[String]], drawn: [[String]], rows: [String], drawnRows: [String]) -> String? {
        if recorded.count != drawn.count { return "\(recorded.count) rows recorded, \(drawn.count) drawn" }
        for y in recorded.indices {
            let a = recorded[y], b = drawn[y]
            guard a != b else { continue }
            let x = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let was = x < a.count ? a[x] : "(end of row)"
            let now = x < b.count ? b[x] : "(end of row)"
            return "first difference at row \(y), column \(x): recorded \"\(was)\", drawn \"\(now)\"\n"
                + "recorded: \(y < rows.count ? rows[y] : "")\n"
                + "drawn:    \(y < drawnRows.count ? drawnRows[y] : "")"
        }
        return nil
    }
}
