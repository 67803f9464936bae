import Testing
@testable import TermUI

/// Wide (two-column) characters in the cell buffer: a wide cell is followed by its
/// continuation, nothing ever holds half a character, and the diff keeps a terminal in step.
@Suite struct WideBufferTests {
    /// Every wide cell has its continuation to the right, every continuation a wide cell to the
    /// left, and every row is exactly `width` display columns.
    static func checkInvariants(_ buffer: Buffer, _ comment: Comment? = nil) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer.cell(atX: x, y: y)!
                if cell.width == 2 {
                    #expect(buffer.cell(atX: x + 1, y: y)?.isContinuation == true, "wide at \(x),\(y) \(comment ?? "")")
                }
                if cell.isContinuation {
                    #expect(x > 0 && buffer.cell(atX: x - 1, y: y)?.width == 2, "orphan at \(x),\(y) \(comment ?? "")")
                }
            }
        }
        for line in buffer.lines() {
            #expect(line.displayWidth == buffer.width, "\(line) \(comment ?? "")")
        }
    }

    @Test func mixedTextTakesOneCellPerNarrowAndTwoPerWideCharacter() {
        var buffer = Buffer(width: 10, height: 1)
        let end = buffer.put("a丢b弃", x: 0, y: 0)
        #expect(end == 6)
        #expect(buffer.symbol(atX: 0, y: 0) == "a")
        #expect(buffer.symbol(atX: 1, y: 0) == "丢")
        #expect(buffer.cell(atX: 2, y: 0)?.isContinuation == true)
        #expect(buffer.symbol(atX: 3, y: 0) == "b")
        #expect(buffer.symbol(atX: 4, y: 0) == "弃")
        #expect(buffer.cell(atX: 5, y: 0)?.isContinuation == true)
        #expect(buffer.symbol(atX: 6, y: 0) == " ")
        #expect(buffer.lines() == ["a丢b弃    "])
        Self.checkInvariants(buffer)
    }

    @Test func aWideCharacterThatDoesNotFitLeavesASpaceAndStops() {
        var buffer = Buffer(width: 8, height: 2, fill: Cell("x"))
        let end = buffer.put("ab丢c", x: 0, y: 0, maxWidth: 3)
        #expect(end == 3)
        #expect(buffer.lines()[0] == "ab xxxxx")
        // At the buffer's right edge.
        buffer.put("abcdefg丢", x: 0, y: 1)
        #expect(buffer.lines()[1] == "abcdefg ")
        Self.checkInvariants(buffer)
    }

    @Test func narrowTextIsLaidOutAsBefore() {
        var buffer = Buffer(width: 8, height: 1)
        #expect(buffer.put("héllo wörld", x: 1, y: 0, maxWidth: 5) == 6)
        #expect(buffer.lines() == [" héllo  "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("丢弃率", x: 0, y: 0)
        buffer.set(x: 1, y: 0, "z")  // the right half of 丢
        buffer.set(x: 2, y: 0, "y")  // the left half of 弃
        #expect(buffer.lines() == [" zy 率"])
        Self.checkInvariants(buffer)
        // A wide character written over the right half of another.
        buffer.put("验", x: 5, y: 0)  // would straddle the edge: a space
        buffer.put("训", x: 3, y: 0)
        #expect(buffer.lines() == [" zy训 "])
        Self.checkInvariants(buffer)
    }

    @Test func aWideCharacterHalfOutsideOnTheLeftIsASpace() {
        var buffer = Buffer(width: 4, height: 1, fill: Cell("x"))
        buffer.put("丢弃", x: -1, y: 0)
        #expect(buffer.lines() == [" 弃x"])
        Self.checkInvariants(buffer)
    }

    @Test func fillAndStyleKeepWideCharactersWhole() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("丢弃率", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), "-")
        #expect(buffer.lines() == [" -- 率"])
        Self.checkInvariants(buffer)
        let reverse = Style(reverse: true)
        buffer.setStyle(x: 5, y: 0, reverse)
        #expect(buffer.style(atX: 4, y: 0) == reverse)
        buffer.fill(Rect(x: 0, y: 0, width: 6, height: 1), with: Cell("丢"))
        #expect(buffer.lines() == ["丢丢丢"])
        Self.checkInvariants(buffer)
    }

    /// A full 80×24 screen of English, Chinese and emoji written at every offset and clip.
    @Test func mixedTextAt80x24StaysAligned() {
        var buffer = Buffer(width: 80, height: 24)
        let samples = ["丢弃率 p = 0.5", "训练/验证 loss", "反向缩放 inverted", "蒙特卡洛 dropout 😀", "共适应 co-adaptation", "ｶﾀｶﾅ 한국어 Ａ！"]
        for y in 0..<24 {
            let text = String(repeating: samples[y % samples.count] + " │ ", count: 6)
            // Columns that start mid-way and clips of odd widths put wide characters at the limit.
            buffer.put(text, x: y - 3, y: y, maxWidth: 40 + y)
            buffer.put(samples[(y + 1) % samples.count], x: 60 + y % 3, y: y)
        }
        Self.checkInvariants(buffer)
        // Each character sits where the display widths before it say.
        let line = String(repeating: samples[0] + " │ ", count: 6)
        var row = Buffer(width: 80, height: 1)
        row.put(line, x: 0, y: 0)
        var column = 0
        for character in line where column + character.displayWidthInColumns <= 80 {
            #expect(row.symbol(atX: column, y: 0) == character, "\(character) at \(column)")
            column += character.displayWidthInColumns
        }
    }

    @Test func diffOfAWideCharacterReplacedByTwoNarrowOnesListsBoth() {
        var before = Buffer(width: 4, height: 1)
        before.put("丢", x: 0, y: 0)
        var after = before
        after.put("ab", x: 0, y: 0)
        #expect(after.diff(from: before).map { "\($0.x)\($0.cell.symbol)" } == ["0a", "1b"])
        // And back: only the wide character, which covers both columns.
        #expect(before.diff(from: after).map { "\($0.x)\($0.cell.symbol)" } == ["0丢"])
        // A wide character moved by one column.
        var shifted = Buffer(width: 4, height: 1)
        shifted.put("丢", x: 1, y: 0)
        #expect(shifted.diff(from: before).map { "\($0.x)\($0.cell.symbol)" } == ["0 ", "1丢"])
    }

    /// A terminal that follows the diffs shows what the buffer holds, through random edits.
    @Test func aTerminalFollowingTheDiffsShowsTheBuffer() {
        var rng = SplitMix(seed: 19)
        let pieces = ["a", "bc", "丢", "弃率", "x丢y", "😀", " ", "ｶ"]
        var screen = ScreenModel(width: 12, height: 3)
        var shown = Buffer(width: 12, height: 3)
        for step in 0..<400 {
            var next = shown
            for _ in 0..<3 {
                let piece = pieces[Int(rng.next() % UInt64(pieces.count))]
                next.put(piece, x: Int(rng.next() % 13) - 1, y: Int(rng.next() % 3), maxWidth: Int(rng.next() % 5))
            }
            for change in next.diff(from: shown) { screen.draw(change.cell, x: change.x, y: change.y) }
            shown = next
            Self.checkInvariants(shown, "step \(step)")
            #expect(screen.lines() == shown.lines(), "step \(step)")
        }
    }
}

extension Character {
    fileprivate var displayWidthInColumns: Int { DisplayWidth.of(self) }
}

/// How a terminal treats wide characters: one takes two columns, and writing over either half
/// of one erases the whole of it.
private struct ScreenModel {
    let width: Int
    var rows: [[Character?]]  // nil: the right half of the wide character to the left

    init(width: Int, height: Int) {
        self.width = width
        rows = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    mutating func draw(_ cell: Cell, x: Int, y: Int) {
        let columns = DisplayWidth.of(cell.symbol)
        for column in x..<(x + columns) { erase(column, y) }
        rows[y][x] = cell.symbol
        if columns == 2 { rows[y][x + 1] = nil }
    }

    private mutating func erase(_ x: Int, _ y: Int) {
        if rows[y][x] == nil { rows[y][x - 1] = " " }
        if let c = rows[y][x], DisplayWidth.of(c) == 2 { rows[y][x + 1] = " " }
        rows[y][x] = " "
    }

    func lines() -> [String] { rows.map { String($0.compactMap { $0 }) } }
}

private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
