import TermUI

/// A box in the middle of the screen listing every key.
public enum HelpOverlay {
    public static func render(glyphs: Glyphs, in area: Rect, into buffer: inout Buffer) {
        let rows = KeyBindings.all.map { (keys: ascii($0.keys, glyphs), action: $0.action) }
        let keyWidth = rows.map(\.keys.count).max() ?? 0
        let lines = rows.map { $0.keys.padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "  " + $0.action }
        let footer = "rate p = drop probability · any key closes"
        let width = min(area.width, max(lines.map(\.count).max() ?? 0, footer.count) + 4)
        let height = min(area.height, lines.count + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box, " ")
        drawBox(box, title: " keys ", glyphs: glyphs, into: &buffer)
        for (i, line) in lines.enumerated() where i + 1 < box.height - 2 {
            _ = buffer.put(line, x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4)
            _ = buffer.put(rows[i].keys, x: box.x + 2, y: box.y + 1 + i, style: Style(bold: true).fg(.yellow), maxWidth: box.width - 4)
        }
        _ = buffer.put(footer, x: box.x + 2, y: box.bottom - 2, style: Style(dim: true), maxWidth: box.width - 4)
    }

    static func ascii(_ s: String, _ glyphs: Glyphs) -> String {
        guard !glyphs.isUnicode else { return s }
        return s.replacingOccurrences(of: "↑", with: "up").replacingOccurrences(of: "↓", with: "down")
            .replacingOccurrences(of: "←", with: "left").replacingOccurrences(of: "→", with: "right")
            .replacingOccurrences(of: "…", with: "..")
    }

    static func drawBox(_ r: Rect, title: String, glyphs: Glyphs, into buffer: inout Buffer) {
        guard r.width >= 2, r.height >= 2 else { return }
        for x in r.x..<r.right {
            buffer.set(x: x, y: r.y, glyphs.horizontal)
            buffer.set(x: x, y: r.bottom - 1, glyphs.horizontal)
        }
        for y in r.y..<r.bottom {
            buffer.set(x: r.x, y: y, glyphs.vertical)
            buffer.set(x: r.right - 1, y: y, glyphs.vertical)
        }
        buffer.set(x: r.x, y: r.y, glyphs.topLeft)
        buffer.set(x: r.right - 1, y: r.y, glyphs.topRight)
        buffer.set(x: r.x, y: r.bottom - 1, glyphs.bottomLeft)
        buffer.set(x: r.right - 1, y: r.bottom - 1, glyphs.bottomRight)
        _ = buffer.put(title, x: r.x + 2, y: r.y, style: Style(bold: true), maxWidth: r.width - 4)
    }
}
