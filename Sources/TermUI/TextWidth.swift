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
        // Where `line` could break: just after its last space (the space itself dropped).
        var lastSpace: String.Index?
        for character in paragraph {
            let w = DisplayWidth.of(character)
            // A wide character on 1-column lines cannot be drawn at all.
            if w > width { continue }
            if lineWidth + w > width {
                if character == " " {
                    // A space at the limit ends the line and is not carried over.
                    lines.append(line)
                    line = ""; lineWidth = 0; lastSpace = nil
                    continue
                }
                if let space = lastSpace {
                    lines.append(String(line[..<space]))
                    line = String(line[line.index(after: space)...])
                } else {
                    lines.append(line)
                    line = ""
                }
                lineWidth = line.displayWidth
                lastSpace = nil
            }
            if character == " " { lastSpace = line.endIndex }
            line.append(character)
            lineWidth += w
        }
        lines.append(line)
        return lines
    }
}
