/// A grid of pixels, each a level in 0…1 (and optionally its own colour), drawn two pixels a
/// cell with the upper half block: the foreground paints the upper pixel, the background the
/// lower one. With ASCII glyphs every cell is one pixel, drawn as a shade character (" .:*#")
/// in the pixel's colour, so the picture survives both a non-UTF-8 locale and a monochrome
/// terminal. Glyphs can be laid over single pixels (data points, marks).
///
/// Pixels are addressed from the top-left; the grid is drawn top-left aligned in the area and
/// clipped to it. Callers size the grid with `pixelSize(for:glyphs:)`.
public struct HeatMap: Widget, Sendable, Equatable {
    /// A glyph drawn over one pixel.
    public struct Point: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public var symbol: Character
        public var style: Style

        public init(x: Int, y: Int, symbol: Character, style: Style) {
            self.x = x
            self.y = y
            self.symbol = symbol
            self.style = style
        }
    }

    public let width: Int
    public let height: Int
    /// Row-major, `width × height`; NaN marks a pixel with nothing to show (left blank).
    public var levels: [Double]
    /// A colour per pixel (categories); nil colours each pixel by `ramp` from its level.
    public var colors: [Color]?
    public var ramp: ColorRamp
    public var points: [Point]
    public var glyphs: Glyphs

    public init(width: Int, height: Int, levels: [Double], colors: [Color]? = nil,
                ramp: ColorRamp = .diverging, points: [Point] = [], glyphs: Glyphs = .unicode) {
        precondition(levels.count == max(0, width) * max(0, height), "one level per pixel")
        precondition(colors == nil || colors?.count == levels.count, "one colour per pixel")
        self.width = max(0, width)
        self.height = max(0, height)
        self.levels = levels
        self.colors = colors
        self.ramp = ramp
        self.points = points
        self.glyphs = glyphs
    }

    /// Pixels stacked in one cell: 2 with half blocks, 1 with ASCII shades.
    public static func pixelsPerCell(_ glyphs: Glyphs) -> Int { glyphs.isUnicode ? 2 : 1 }

    /// The largest grid `area` can show.
    public static func pixelSize(for area: Rect, glyphs: Glyphs) -> (width: Int, height: Int) {
        (area.width, area.height * pixelsPerCell(glyphs))
    }

    /// The cell a pixel lands in, relative to the area's top-left corner.
    public func cell(ofPixelX x: Int, y: Int) -> (x: Int, y: Int) {
        (x, y / Self.pixelsPerCell(glyphs))
    }

    public func level(x: Int, y: Int) -> Double {
        guard x >= 0, y >= 0, x < width, y < height else { return .nan }
        return levels[y * width + x]
    }

    /// The colour of a pixel, or nil when it is blank (NaN or outside).
    public func color(x: Int, y: Int) -> Color? {
        let v = level(x: x, y: y)
        guard !v.isNaN else { return nil }
        return colors?[y * width + x] ?? ramp.color(v)
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        let perCell = Self.pixelsPerCell(glyphs)
        let rows = min(area.height, (height + perCell - 1) / perCell)
        let columns = min(area.width, width)
        // The half blocks as cells once, not a `Character` taken apart for every cell.
        let blank = Cell(" "), upperHalf = Cell(glyphs.upperHalf), lowerHalf = Cell(glyphs.lowerHalf)
        func styled(_ template: Cell, _ style: Style) -> Cell {
            var c = template
            c.style = style
            return c
        }
        for cy in 0..<rows {
            for cx in 0..<columns {
                let x = area.x + cx, y = area.y + cy
                if glyphs.isUnicode {
                    let upper = color(x: cx, y: 2 * cy), lower = color(x: cx, y: 2 * cy + 1)
                    switch (upper, lower) {
                    case (nil, nil): buffer.set(x: x, y: y, cell: blank)
                    case (let u?, nil): buffer.set(x: x, y: y, cell: styled(upperHalf, Style(fg: u)))
                    case (nil, let l?): buffer.set(x: x, y: y, cell: styled(lowerHalf, Style(fg: l)))
                    case (let u?, let l?): buffer.set(x: x, y: y, cell: styled(upperHalf, Style(fg: u, bg: l)))
                    }
                } else {
                    let v = level(x: cx, y: cy)
                    let c = color(x: cx, y: cy)
                    buffer.set(x: x, y: y, v.isNaN ? " " : glyphs.shade(v), style: Style(fg: c ?? .default))
                }
            }
        }
        for p in points where p.x >= 0 && p.y >= 0 && p.x < min(width, area.width) && p.y < min(height, rows * perCell) {
            let (cx, cy) = cell(ofPixelX: p.x, y: p.y)
            var style = p.style
            // The point sits on the pixel's colour, so the map still reads around it.
            if glyphs.isUnicode, style.bg == .default, let c = color(x: p.x, y: p.y) { style.bg = c }
            buffer.set(x: area.x + cx, y: area.y + cy, p.symbol, style: style)
        }
    }
}

/// Colours for levels in 0…1, as xterm 256-colour indices chosen so that
/// `Color.degraded(toColorCount: 8)` keeps their meaning (blue stays blue, pale becomes white).
public enum ColorRamp: Sendable, Equatable {
    /// Blue (0) through white (0.5) to red (1): signed quantities (correlations, p(class 1)).
    case diverging
    /// Dark to light grey: intensities (pixels of an image).
    case grey

    /// The steps of the ramp, low to high.
    public var steps: [Color] {
        switch self {
        case .diverging: return Self.divergingSteps
        case .grey: return Self.greySteps
        }
    }

    // Built once: a heat map asks for a colour per pixel, thousands a frame.
    // 256-cube (r,g,b): (0,1,4) (1,2,5) (2,2,5) (3,4,5) white (5,4,4) (5,3,3) (5,2,2) (4,0,0).
    private static let divergingSteps: [Color] = [26, 69, 105, 153, 231, 224, 217, 210, 160].map { .indexed($0) }
    // The grey ramp 232…255 in 8 steps, from near black to near white.
    private static let greySteps: [Color] = [233, 236, 239, 242, 245, 248, 251, 254].map { .indexed($0) }

    /// The step for `level` (clamped; NaN counts as the middle).
    public func color(_ level: Double) -> Color {
        let s = steps
        let v = level.isNaN ? 0.5 : min(max(level, 0), 1)
        return s[min(s.count - 1, Int(v * Double(s.count)))]
    }
}
