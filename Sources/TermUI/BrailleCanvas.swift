/// A drawing surface at braille resolution: every cell holds 2×4 dots, so curves look smooth
/// in a small area. Dots are addressed from the top-left; dots outside are ignored.
public struct BrailleCanvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var bits: [UInt8]
    private var colors: [Color]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        bits = Array(repeating: 0, count: self.width * self.height)
        colors = Array(repeating: .default, count: self.width * self.height)
    }

    public var dotWidth: Int { width * 2 }
    public var dotHeight: Int { height * 4 }

    /// The Unicode braille bit of a dot inside its cell (column 0...1, row 0...3). The odd
    /// order of the bottom row is history: braille first had six dots, the last two came later.
    @inline(__always)
    public static func bit(column: Int, row: Int) -> UInt8 {
        // Rows 0-2 are bits 0-2 (left) and 3-5 (right); row 3 is bit 6 (left) and 7 (right).
        let r = row & 3, c = column & 1
        return r == 3 ? UInt8(0x40 << c) : UInt8(1 << (r + 3 * c))
    }

    public mutating func set(dotX: Int, dotY: Int, color: Color = .default) {
        guard dotX >= 0, dotY >= 0, dotX < dotWidth, dotY < dotHeight else { return }
        let i = (dotY / 4) * width + dotX / 2
        bits[i] |= Self.bit(column: dotX % 2, row: dotY % 4)
        colors[i] = color
    }

    /// The dot bits set in a cell (0 when empty or outside).
    public func pattern(cellX: Int, cellY: Int) -> UInt8 {
        guard cellX >= 0, cellY >= 0, cellX < width, cellY < height else { return 0 }
        return bits[cellY * width + cellX]
    }

    public func isSet(dotX: Int, dotY: Int) -> Bool {
        guard dotX >= 0, dotY >= 0 else { return false }
        return pattern(cellX: dotX / 2, cellY: dotY / 4) & Self.bit(column: dotX % 2, row: dotY % 4) != 0
    }

    /// Bresenham's line, both ends included. Endpoints may lie outside; those dots are clipped.
    public mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), color: Color = .default) {
        // Clamp far-away endpoints so a huge value cannot make the loop run for ages; the
        // clamped segment still leaves the canvas on the same side.
        let limit = 4 * (dotWidth + dotHeight) + 8
        let clamp = { (v: Int) in min(max(v, -limit), limit) }
        var x0 = clamp(start.x), y0 = clamp(start.y)
        let x1 = clamp(end.x), y1 = clamp(end.y)
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            set(dotX: x0, dotY: y0, color: color)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
        }
    }

    /// Draws the non-empty cells into `area` (top-left aligned, clipped), keeping the
    /// background of what is already there. Empty cells are left alone so that whatever was
    /// drawn before (grid lines, markers) shows through.
    public func render(into buffer: inout Buffer, area: Rect, glyphs: Glyphs) {
        for cy in 0..<min(height, area.height) {
            for cx in 0..<min(width, area.width) {
                let pattern = bits[cy * width + cx]
                guard pattern != 0 else { continue }
                let x = area.x + cx, y = area.y + cy
                var style = buffer.style(atX: x, y: y) ?? .plain
                style.fg = colors[cy * width + cx]
                buffer.set(x: x, y: y, cell: Cell(scalar: Self.symbol(for: pattern, glyphs: glyphs), style: style))
            }
        }
    }

    static func symbol(for pattern: UInt8, glyphs: Glyphs) -> Unicode.Scalar {
        if glyphs.isUnicode {
            // U+2800...U+28FF are all valid scalars, so this cannot fail.
            return Unicode.Scalar(0x2800 + UInt32(pattern)) ?? " "
        }
        // One ASCII character per cell that still hints where the dots are.
        let top: UInt8 = 0x01 | 0x08          // row 0
        let upperMiddle: UInt8 = 0x02 | 0x10  // row 1
        let lowerMiddle: UInt8 = 0x04 | 0x20  // row 2
        let bottom: UInt8 = 0x40 | 0x80       // row 3
        switch (pattern & top != 0, pattern & upperMiddle != 0, pattern & lowerMiddle != 0, pattern & bottom != 0) {
        case (false, _, _, false): return "-"
        case (_, _, false, false): return "'"
        case (false, false, _, _): return "."
        default: return ":"
        }
    }
}
