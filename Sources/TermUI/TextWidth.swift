/// Layout by display width rather than by `count`: a CJK character is one `Character` but two
/// terminal columns, so a label measured with `count` overflows its box.
extension String {
    /// Terminal columns the string takes when drawn with `Buffer.put`.
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// The longest prefix that fits in `width` columns; a wide character that would straddle
    /// the limit is left out whole, never cut.
    public func clipped(toWidth width: Int) -> String {
        var used = 0
        var end = startIndex
        for index in indices {
            let w = DisplayWidth.of(self[index])
            if used + w > width { break }
            used += w
            end = self.index(after: index)
        }
        return String(self[..<end])
    }

    /// Lines of at most `width` columns. Breaks at spaces where it can; a word wider than a
    /// line, and text without spaces (Chinese and Japanese use none), breaks between any two
    /// characters. Explicit newlines are kept as line ends.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: Self.wrap(paragraph, width: width))
        }
        return lines
    }

    private static func wrap(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        // Where `line` could break: at its last space (the space itself dropped), or between
        // two characters of which one is wide (Chinese breaks between any two characters,
        // never inside an English word set among them).
        var lastBreak: (index: String.Index, dropsSpace: Bool)?
        var previous: Character?
        for character in paragraph {
            let w = DisplayWidth.of(character)
            // A wide character on 1-column lines cannot be drawn at all.
            if w > width { continue }
            let breaksBefore = character != " " && previous.map { $0 != " " && canBreak(between: $0, and: character) } ?? false
            if lineWidth + w > width {
                if character == " " {
                    // A space at the limit ends the line and is not carried over.
                    lines.append(line)
                    line = ""; lineWidth = 0; lastBreak = nil; previous = nil
                    continue
                }
                if breaksBefore {
                    lines.append(line)
                    line = ""
                } else if let b = lastBreak {
                    lines.append(String(line[..<b.index]))
                    line = String(line[(b.dropsSpace ? line.index(after: b.index) : b.index)...])
                } else {
                    lines.append(line)
                    line = ""
                }
                lineWidth = line.displayWidth
                lastBreak = nil
            } else if breaksBefore, !line.isEmpty {
                lastBreak = (line.endIndex, false)
            }
            if character == " " { lastBreak = (line.endIndex, true) }
            line.append(character)
            lineWidth += w
            previous = character
        }
        lines.append(line)
        return lines
    }

    /// Punctuation that never starts a line (it closes) or never ends one (it opens).
    private static let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", "》", "…", "—", ",", ".", ";", ":", ")", "!", "?"]
    private static let opening: Set<Character> = ["（", "「", "『", "“", "‘", "《", "("]

    /// Whether a line may break between `a` and `b` (neither a space): next to a wide
    /// character, unless that would start a line with closing or end one with opening punctuation.
    private static func canBreak(between a: Character, and b: Character) -> Bool {
        guard DisplayWidth.of(a) == 2 || DisplayWidth.of(b) == 2 else { return false }
        return !closing.contains(b) && !opening.contains(a)
    }
}
