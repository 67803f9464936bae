/// A grid of cells that widgets draw into and backends present. Drawing outside the grid is
/// silently clipped so widgets need not check bounds.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// The cell at a position, or nil outside the buffer.
    public func cell(atX x: Int, y: Int) -> Cell? {
        contains(x: x, y: y) ? cells[y * width + x] : nil
    }

    public func style(atX x: Int, y: Int) -> Style? {
        cell(atX: x, y: y)?.style
    }

    public func symbol(atX x: Int, y: Int) -> Character? {
        cell(atX: x, y: y)?.symbol
    }

    public mutating func set(x: Int, y: Int, cell: Cell) {
        guard contains(x: x, y: y) else { return }
        cells[y * width + x] = cell
    }

    public mutating func set(x: Int, y: Int, _ symbol: Character, style: Style = .plain) {
        set(x: x, y: y, cell: Cell(symbol, style: style))
    }

    /// Changes the style of a cell and keeps its symbol (for highlights and backgrounds).
    public mutating func setStyle(x: Int, y: Int, _ style: Style) {
        guard contains(x: x, y: y) else { return }
        cells[y * width + x].style = style
    }

    /// Writes a string from left to right, one cell per character, clipped to `maxWidth` and to
    /// the buffer. Control characters become spaces so they cannot move the terminal's cursor.
    /// Returns the column after the last character written.
    @discardableResult
    public mutating func put(_ string: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { x + max(0, $0) } ?? width
        var column = x
        for character in string {
            guard column < limit else { break }
            let symbol: Character = character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7f })
                ? " " : character
            set(x: column, y: y, symbol, style: style)
            column += 1
        }
        return column
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        for y in r.y..<r.bottom {
            for x in r.x..<r.right { cells[y * width + x] = cell }
        }
    }

    public mutating func fill(_ rect: Rect, _ symbol: Character, style: Style = .plain) {
        fill(rect, with: Cell(symbol, style: style))
    }

    /// The text of each row, styles dropped: what tests compare against.
    public func lines() -> [String] {
        (0..<height).map { y in String(cells[(y * width)..<((y + 1) * width)].map(\.symbol)) }
    }

    /// The cells that differ from `previous`, row by row. A buffer of another size differs
    /// everywhere, which is what a backend needs after a resize.
    public func diff(from previous: Buffer) -> [(x: Int, y: Int, cell: Cell)] {
        let sameShape = previous.width == width && previous.height == height
        var changes: [(x: Int, y: Int, cell: Cell)] = []
        for y in 0..<height {
            for x in 0..<width {
                let i = y * width + x
                if !sameShape || previous.cells[i] != cells[i] {
                    changes.append((x, y, cells[i]))
                }
            }
        }
        return changes
    }
}
