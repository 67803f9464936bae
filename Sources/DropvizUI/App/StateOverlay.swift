import TermUI

/// The state string (`S`) in a box, wrapped after its `;` separators over as many lines as it
/// needs, so the whole of it can be selected and copied.
public enum StateOverlay {
    static func render(_ state: String, glyphs: Glyphs, language: Language = .en, in area: Rect, into buffer: inout Buffer) {
        let width = min(area.width, 100)
        let lines = wrap(state, width: width - 4)
        let notes = [language.text(.stateReproduce), language.text(.stateWritten)]
            .map { glyphs.spell($0) }
        let height = min(area.height, lines.count + notes.count + 3)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box, " ")
        Box(title: language.text(.stateTitle), glyphs: glyphs).render(area: box, into: &buffer)
        for (k, line) in (lines + [""] + notes).enumerated() where k < box.height - 2 {
            _ = buffer.put(line, x: box.x + 2, y: box.y + 1 + k, style: k < lines.count ? Style(bold: true) : Style(dim: true), maxWidth: box.width - 4)
        }
    }

    /// Lines of at most `width` columns, broken after a `;` where one is near (a field is
    /// never split unless it alone is longer than a line).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var line = ""
        for field in text.split(separator: ";", omittingEmptySubsequences: false).enumerated().map({ $0.offset == 0 ? String($0.element) : ";" + $0.element }) {
            if !line.isEmpty && line.displayWidth + field.displayWidth > width {
                lines.append(line)
                line = ""
            }
            line += field
            while line.displayWidth > width {
                // A file name may be Chinese: cut by columns, never inside a character.
                let head = line.clipped(toWidth: max(width, 2))
                lines.append(head)
                line = String(line.dropFirst(head.count))
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
