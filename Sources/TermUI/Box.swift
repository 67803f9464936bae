/// A bordered box with a bold title on its top edge: the help, the lesson, the state overlay,
/// the panels and the grid's cells all draw their frame with it. Only the border and the
/// title are drawn; the inside is left as it is (a caller clears it when it covers others).
public struct Box: Widget {
    public var title: String
    public var glyphs: Glyphs

    public init(title: String = "", glyphs: Glyphs) {
        self.title = title
        self.glyphs = glyphs
    }

    public func render(area r: Rect, into buffer: inout Buffer) {
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
