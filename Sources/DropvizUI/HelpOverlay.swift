import TermUI

/// A box in the middle of the screen listing every key.
public enum HelpOverlay {
    public static func render(glyphs: Glyphs, in area: Rect, into buffer: inout Buffer) {
        let rows = KeyBindings.all.map { (keys: ascii($0.keys, glyphs), action: ascii($0.action, glyphs)) }
        let keyWidth = rows.map(\.keys.count).max() ?? 0
        let entryWidth = keyWidth + 2 + (rows.map(\.action.count).max() ?? 0)
        // Two columns when one would not fit the height.
        let columns = rows.count + 4 > area.height ? 2 : 1
        let perColumn = (rows.count + columns - 1) / columns
        let footer = "p = drop probability · any key closes"
        let width = min(area.width, max(columns * entryWidth + (columns - 1) * 2, footer.count) + 4)
        let height = min(area.height, perColumn + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box, " ")
        drawBox(box, title: " keys ", glyphs: glyphs, into: &buffer)
        for (i, row) in rows.enumerated() {
            let column = i / perColumn, line = i % perColumn
            guard line + 1 < box.height - 2 else { continue }
            let x = box.x + 2 + column * (entryWidth + 2)
            let y = box.y + 1 + line
            _ = buffer.put(row.keys, x: x, y: y, style: Style(bold: true).fg(.yellow), maxWidth: max(0, box.right - 2 - x))
            _ = buffer.put(row.action, x: x + keyWidth + 2, y: y, maxWidth: max(0, box.right - 2 - x - keyWidth - 2))
        }
        _ = buffer.put(ascii(footer, glyphs), x: box.x + 2, y: box.bottom - 2, style: Style(dim: true), maxWidth: box.width - 4)
    }

    static func ascii(_ s: String, _ glyphs: Glyphs) -> String {
        guard !glyphs.isUnicode else { return s }
        return s.replacingOccurrences(of: "↑", with: "up").replacingOccurrences(of: "↓", with: "down")
            .replacingOccurrences(of: "←", with: "left").replacingOccurrences(of: "→", with: "right")
            .replacingOccurrences(of: "…", with: "..").replacingOccurrences(of: "±", with: "+-")
            .replacingOccurrences(of: "∓", with: "-+").replacingOccurrences(of: "÷", with: "/").replacingOccurrences(of: "×", with: "x")
            .replacingOccurrences(of: "½", with: "1/2").replacingOccurrences(of: "α", with: "alpha").replacingOccurrences(of: "β", with: "beta")
            .replacingOccurrences(of: "·", with: "-")
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
