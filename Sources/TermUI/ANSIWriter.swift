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
        // Bytes, not `String` pieces: a frame is hundreds of changed cells, and building each
        // cursor move and SGR sequence as strings (interpolation, an array of codes joined)
        // cost more than the rest of the frame's drawing (`bench --ui`).
        var out: [UInt8] = []
        out.reserveCapacity(changes.count * 8)
        var cursor: (x: Int, y: Int) = (-1, -1)
        var style: Style? = nil
        for c in changes {
            var cell = c.cell
            if let width, c.x + cell.width > width { cell = Cell(scalar: " ", style: cell.style) }
            if c.x != cursor.x || c.y != cursor.y {
                out.append(0x1B); out.append(UInt8(ascii: "["))
                appendDecimal(c.y + 1, to: &out)
                out.append(UInt8(ascii: ";"))
                appendDecimal(c.x + 1, to: &out)
                out.append(UInt8(ascii: "H"))
            }
            if style != cell.style {
                appendSGR(cell.style, colorCount: colorCount, to: &out)
                style = cell.style
            }
            appendText(of: cell, utf8: utf8, to: &out)
            cursor = (c.x + max(cell.width, 1), c.y)
            if let width, cursor.x >= width { cursor = (-1, -1) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func sgr(_ s: Style, colorCount: Int = 256) -> String {
        var out: [UInt8] = []
        appendSGR(s, colorCount: colorCount, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `ESC [ 0 ; codes… m`: a reset, then the attributes and colours the style sets.
    private static func appendSGR(_ s: Style, colorCount: Int, to out: inout [UInt8]) {
        out.append(0x1B); out.append(UInt8(ascii: "[")); out.append(UInt8(ascii: "0"))
        if s.bold { out.append(UInt8(ascii: ";")); out.append(UInt8(ascii: "1")) }
        if s.dim { out.append(UInt8(ascii: ";")); out.append(UInt8(ascii: "2")) }
        if s.underline { out.append(UInt8(ascii: ";")); out.append(UInt8(ascii: "4")) }
        if s.reverse { out.append(UInt8(ascii: ";")); out.append(UInt8(ascii: "7")) }
        if colorCount > 0 {
            if let i = s.fg.degraded(toColorCount: colorCount).paletteIndex { appendCode(i, base: 30, to: &out) }
            if let i = s.bg.degraded(toColorCount: colorCount).paletteIndex { appendCode(i, base: 40, to: &out) }
        }
        out.append(UInt8(ascii: "m"))
    }

    /// `;` and a colour's code: the 8 and 16 colours by their own codes (an 8-colour terminal
    /// knows no `38;5`), the rest of the palette by index.
    private static func appendCode(_ index: Int, base: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: ";"))
        switch index {
        case 0..<8: appendDecimal(base + index, to: &out)
        case 8..<16: appendDecimal(base + 60 + index - 8, to: &out)
        default:
            appendDecimal(base + 8, to: &out)
            out.append(UInt8(ascii: ";")); out.append(UInt8(ascii: "5")); out.append(UInt8(ascii: ";"))
            appendDecimal(index, to: &out)
        }
    }

    /// The decimal digits of a non-negative number (a negative one is written as 0: rows,
    /// columns and palette indices never are).
    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        let value = max(0, value)
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// What the cell prints. Control characters and a base that takes no column would shift
    /// the row (a lone mark merges into the cell to its left): a space instead.
    private static func appendText(of cell: Cell, utf8: Bool, to out: inout [UInt8]) {
        if !utf8 && !cell.scalar.isASCII {
            out.append(UInt8(ascii: "?"))
            if cell.width == 2 { out.append(UInt8(ascii: "?")) }
            return
        }
        if cell.scalar.value < 0x20 || cell.scalar.value == 0x7f || DisplayWidth.of(cell.scalar) == 0 {
            out.append(UInt8(ascii: " "))
            return
        }
        if cell.mark != nil {
            // Rare (the tilde of h̃): the grapheme the two scalars make, as `symbol` gives it.
            out.append(contentsOf: String(cell.symbol).utf8)
            return
        }
        UTF8.encode(cell.scalar) { out.append($0) }
    }
}
