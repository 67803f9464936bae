import Testing
@testable import TermUI

@Suite struct BrailleCanvasTests {
    /// Renders a canvas alone and returns the braille bits of each cell (nil for untouched cells).
    func bits(_ canvas: BrailleCanvas) -> [[UInt32?]] {
        var buffer = Buffer(width: canvas.width, height: canvas.height)
        canvas.render(into: &buffer, area: buffer.area, glyphs: .unicode)
        return (0..<canvas.height).map { y in
            (0..<canvas.width).map { x in
                let scalar = buffer.symbol(atX: x, y: y)?.unicodeScalars.first?.value ?? 0x20
                return scalar == 0x20 ? nil : scalar - 0x2800
            }
        }
    }

    @Test(arguments: [
        (0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (1, 0, 0x08),
        (1, 1, 0x10), (1, 2, 0x20), (0, 3, 0x40), (1, 3, 0x80),
    ])
    func eachDotHasItsBit(column: Int, row: Int, bit: Int) {
        var canvas = BrailleCanvas(width: 3, height: 2)
        // Cell (1, 1) holds dots x 2...3, y 4...7.
        canvas.set(dotX: 2 + column, dotY: 4 + row)
        var expected: [[UInt32?]] = [[nil, nil, nil], [nil, nil, nil]]
        expected[1][1] = UInt32(bit)
        #expect(bits(canvas) == expected)
    }

    @Test func dotsAccumulateAndLastColourWins() {
        var canvas = BrailleCanvas(width: 1, height: 1)
        canvas.set(dotX: 0, dotY: 0, color: .red)
        canvas.set(dotX: 1, dotY: 3, color: .green)
        var buffer = Buffer(width: 1, height: 1)
        canvas.render(into: &buffer, area: buffer.area, glyphs: .unicode)
        #expect(buffer.symbol(atX: 0, y: 0) == "\u{2881}")
        #expect(buffer.style(atX: 0, y: 0)?.fg == .green)
    }

    @Test func dotsOutsideAreIgnored() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.set(dotX: -1, dotY: 0)
        canvas.set(dotX: 4, dotY: 0)
        canvas.set(dotX: 0, dotY: 4)
        #expect(bits(canvas) == [[nil, nil]])
    }

    @Test func horizontalLineFillsTheRow() {
        var canvas = BrailleCanvas(width: 3, height: 1)
        canvas.line(from: (0, 1), to: (5, 1))
        #expect(bits(canvas) == [[0x12, 0x12, 0x12]])
    }

    @Test func diagonalLineVisitsEveryDotOnTheDiagonal() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.line(from: (0, 0), to: (3, 3))
        for i in 0...3 { #expect(canvas.isSet(dotX: i, dotY: i)) }
        // (0,0)+(1,1) in the first cell; (2,2)+(3,3) in the second.
        #expect(bits(canvas) == [[0x11, 0x84]])
    }

    @Test func linesToFarAwayPointsAreClippedQuickly() {
        var canvas = BrailleCanvas(width: 2, height: 2)
        canvas.line(from: (0, 0), to: (1_000_000_000, 0))
        #expect(bits(canvas)[0] == [0x09, 0x09])
    }

    @Test func asciiRenderingIsOneAsciiCharacterPerCell() {
        var canvas = BrailleCanvas(width: 4, height: 1)
        canvas.set(dotX: 0, dotY: 0)            // top only
        canvas.set(dotX: 2, dotY: 3)            // bottom only
        canvas.line(from: (4, 0), to: (4, 3))   // full height
        canvas.set(dotX: 6, dotY: 1)            // middle
        var buffer = Buffer(width: 4, height: 1)
        canvas.render(into: &buffer, area: buffer.area, glyphs: .ascii)
        #expect(buffer.lines() == ["'.:-"])
    }
}
