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

    /// Writes one cell. A wide symbol also takes the cell to its right (a continuation); one
    /// whose right half would fall outside the buffer is drawn as a space instead, and a wide
    /// symbol partly overwritten loses its other half to a space: the grid never holds half a
    /// character.
    public mutating func set(x: Int, y: Int, cell: Cell) {
        guard y >= 0, y < height else { return }
        // Only the buffer places continuations, always right of their wide symbol.
        let cell = cell.isContinuation ? Cell(scalar: " ", style: cell.style) : cell
        guard cell.width == 2 else {
            if contains(x: x, y: y) { place(cell, x: x, y: y) }
            return
        }
        if x + 1 >= width || x < 0 {
            // The half inside the buffer, if any, becomes a space.
            let inside = x < 0 ? x + 1 : x
            if contains(x: inside, y: y) { place(Cell(scalar: " ", style: cell.style), x: inside, y: y) }
            return
        }
        place(cell, x: x, y: y)
        var right = Cell.continuation
        right.style = cell.style
        place(right, x: x + 1, y: y)
    }

    /// Stores a cell, first breaking up the wide symbol it lands on half of.
    private mutating func place(_ cell: Cell, x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(scalar: " ", style: cells[i - 1].style)
        } else if cells[i].width == 2, x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(scalar: " ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    public mutating func set(x: Int, y: Int, _ symbol: Character, style: Style = .plain) {
        set(x: x, y: y, cell: Cell(symbol, style: style))
    }

    /// Changes the style of a cell and keeps its symbol (for highlights and backgrounds). Both
    /// halves of a wide symbol take the style: the terminal draws them as one.
    public mutating func setStyle(x: Int, y: Int, _ style: Style) {
        guard contains(x: x, y: y) else { return }
        let i = y * width + x
        cells[i].style = style
        if cells[i].isContinuation, x > 0 {
            cells[i - 1].style = style
        } else if cells[i].width == 2, x + 1 < width {
            cells[i + 1].style = style
        }
    }

    /// Writes a string from left to right, clipped to `maxWidth` columns and to the buffer. A
    /// narrow character takes one cell, a wide one (CJK, emoji) two; one that does not fit
    /// whole before the limit is not cut in half but leaves a space, and writing stops.
    /// Characters that take no column on their own (a joiner, a mark with nothing to sit on)
    /// are skipped. Control characters become spaces so they cannot move the terminal's cursor.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ string: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { x + max(0, $0) } ?? width
        // Most text drawn is ASCII: byte by byte, without breaking it into `Character`s.
        if string.utf8.allSatisfy({ $0 < 0x80 }) { return putASCII(string, x: x, y: y, style: style, limit: limit) }
        var column = x
        for character in string {
            guard column < limit else { break }
            let isControl = character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7f })
            let columns = isControl ? 1 : DisplayWidth.of(character)
            if columns == 0 { continue }
            if column + columns > limit {
                set(x: column, y: y, cell: Cell(scalar: " ", style: style))
                column += 1
                break
            }
            set(x: column, y: y, isControl ? " " : character, style: style)
            column += columns
        }
        return column
    }

    /// `put` for ASCII text, the same cells: every character one column, a control character
    /// (CR LF together, the one ASCII pair that makes a single character) one space.
    private mutating func putASCII(_ string: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var column = x
        let bytes = string.utf8
        var i = bytes.startIndex
        while i < bytes.endIndex, column < limit {
            let byte = bytes[i]
            i = bytes.index(after: i)
            let isControl = byte < 0x20 || byte == 0x7f
            if byte == 0x0D, i < bytes.endIndex, bytes[i] == 0x0A { i = bytes.index(after: i) }
            if y >= 0, y < height, column >= 0, column < width {
                place(Cell(scalar: isControl ? " " : Unicode.Scalar(byte), style: style), x: column, y: y)
            }
            column += 1
        }
        return column
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard r.width > 0, r.height > 0 else { return }
        guard cell.width == 1 else {
            // Rare (a wide fill): cell by cell, so each wide symbol gets its continuation.
            for y in r.y..<r.bottom {
                for x in stride(from: r.x, to: r.right, by: 2) { set(x: x, y: y, cell: cell) }
            }
            return
        }
        for y in r.y..<r.bottom {
            // Wide symbols the rectangle's edges cut through lose their outer half to a space.
            if r.x > 0, cells[y * width + r.x].isContinuation {
                cells[y * width + r.x - 1] = Cell(scalar: " ", style: cells[y * width + r.x - 1].style)
            }
            if r.right < width, cells[y * width + r.right].isContinuation {
                cells[y * width + r.right] = Cell(scalar: " ", style: cells[y * width + r.right].style)
            }
            // One pass over the row's memory: a full-screen clear is 12 000 cells a frame.
            let start = y * width + r.x, count = r.width
            cells.withUnsafeMutableBufferPointer { p in
                UnsafeMutableBufferPointer(rebasing: p[start..<(start + count)]).update(repeating: cell)
            }
        }
    }

    public mutating func fill(_ rect: Rect, _ symbol: Character, style: Style = .plain) {
        fill(rect, with: Cell(symbol, style: style))
    }

    /// The text of each row, styles dropped: what tests compare against. A wide character
    /// appears once (its continuation is no character), so each row is `width` columns wide.
    public func lines() -> [String] {
        (0..<height).map { y in
            String(cells[(y * width)..<((y + 1) * width)].lazy.filter { !$0.isContinuation }.map(\.symbol))
        }
    }

    /// The cells that differ from `previous`, row by row. A buffer of another size differs
    /// everywhere, which is what a backend needs after a resize. Continuations are never
    /// listed: drawing a wide symbol draws both its columns, and a continuation cannot change
    /// without its wide symbol changing too (`set` and `setStyle` write both halves). A wide
    /// symbol replaced by two narrow ones lists both narrow cells.
    public func diff(from previous: Buffer) -> [(x: Int, y: Int, cell: Cell)] {
        let sameShape = previous.width == width && previous.height == height
        var changes: [(x: Int, y: Int, cell: Cell)] = []
        // Through buffer pointers: the indices are in range by construction, and checking
        // 2 × 12 000 of them a frame showed in `bench --ui`.
        cells.withUnsafeBufferPointer { current in
            previous.cells.withUnsafeBufferPointer { before in
                for y in 0..<height {
                    for x in 0..<width {
                        let i = y * width + x
                        let cell = current[i]
                        if !cell.isContinuation, !sameShape || before[i] != cell {
                            changes.append((x, y, cell))
                        }
                    }
                }
            }
        }
        return changes
    }
}
