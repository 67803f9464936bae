/// The bytes a terminal receives for a list of changed cells: a cursor move where the run of
/// changes breaks, an SGR sequence where the style changes, then the symbol. The same cells the
/// ncurses backend draws, written as plain ANSI: used by recordings (`asciicast`), which need
/// output they can store, and by the frame benchmark, which has no terminal.
public enum ANSIWriter {
    /// Clears the screen with the terminal's default colours and hides the cursor: what a
    /// recording starts with, and what comes before a frame of another size.
    public static let clearScreen = "\u{1B}[0m\u{1B}[?25l\u{1B}[H\u{1B}[2J"

    /// `width`: the screen's width, when known. A wide symbol that the right edge would cut
    /// becomes a space (as the ncurses backend does), and after the last column the cursor
    /// position is taken as unknown (terminals differ in where a full row leaves it).
    /// `colorCount` (0, 8, 16, 256) degrades colours as the terminal would; `utf8` false
    /// draws non-ASCII symbols as `?` (two for a wide one), as the backend does outside UTF-8.
    public static func output(_ changes: [(x: Int, y: Int, cell: Cell)], width: Int? = nil,
                              colorCount: Int = 256, utf8: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(changes.count * 4)
        var cursor: (x: Int, y: Int) = (-1, -1)
        var style: Style? = nil
        for c in changes {
            var cell = c.cell
            if let width, c.x + cell.width > width { cell = Cell(scalar: " ", style: cell.style) }
            if c.x != cursor.x || c.y != cursor.y {
                out += "\u{1B}[\(c.y + 1);\(c.x + 1)H"
            }
            if style != cell.style {
                out += sgr(cell.style, colorCount: colorCount)
                style = cell.style
            }
            out += text(of: cell, utf8: utf8)
            cursor = (c.x + max(cell.width, 1), c.y)
            if let width, cursor.x >= width { cursor = (-1, -1) }
        }
        return out
    }

    public static func sgr(_ s: Style, colorCount: Int = 256) -> String {
        var codes = ["0"]
        if s.bold { codes.append("1") }
        if s.dim { codes.append("2") }
        if s.underline { codes.append("4") }
        if s.reverse { codes.append("7") }
        if colorCount > 0 {
            if let i = s.fg.degraded(toColorCount: colorCount).paletteIndex { codes.append(code(i, base: 30)) }
            if let i = s.bg.degraded(toColorCount: colorCount).paletteIndex { codes.append(code(i, base: 40)) }
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// The 8 and 16 colours by their own codes (an 8-colour terminal knows no `38;5`), the rest
    /// of the palette by index.
    private static func code(_ index: Int, base: Int) -> String {
        switch index {
        case 0..<8: return "\(base + index)"
        case 8..<16: return "\(base + 60 + index - 8)"
        default: return "\(base + 8);5;\(index)"
        }
    }

    /// What the cell prints. Control characters and a base that takes no column would shift
    /// the row (a lone mark merges into the cell to its left): a space instead.
    private static func text(of cell: Cell, utf8: Bool) -> String {
        if !utf8 && !cell.scalar.isASCII { return cell.width == 2 ? "??" : "?" }
        if cell.scalar.value < 0x20 || cell.scalar.value == 0x7f || DisplayWidth.of(cell.scalar) == 0 { return " " }
        return String(cell.symbol)
    }
}
