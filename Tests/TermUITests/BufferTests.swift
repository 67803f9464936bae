import Testing
@testable import TermUI

@Suite struct BufferTests {
    @Test func putWritesAndClipsAtTheRightEdge() {
        var buffer = Buffer(width: 6, height: 2)
        let end = buffer.put("hello world", x: 2, y: 1)
        #expect(buffer.lines() == ["      ", "  hell"])
        #expect(end == 6)
    }

    @Test func putRespectsMaxWidthAndStyle() {
        var buffer = Buffer(width: 8, height: 1)
        let bold = Style(fg: .red, bold: true)
        buffer.put("abcdef", x: 1, y: 0, style: bold, maxWidth: 3)
        #expect(buffer.lines() == [" abc    "])
        #expect(buffer.style(atX: 1, y: 0) == bold)
        #expect(buffer.style(atX: 4, y: 0) == .plain)
    }

    @Test func drawingOutsideIsIgnored() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.put("xyz", x: -1, y: 0)
        buffer.set(x: 5, y: 0, "q")
        buffer.put("zzz", x: 0, y: 3)
        #expect(buffer.lines() == ["yz "])
        #expect(buffer.cell(atX: 3, y: 0) == nil)
    }

    @Test func controlCharactersBecomeSpaces() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.put("a\tb\n", x: 0, y: 0)
        #expect(buffer.lines() == ["a b "])
    }

    @Test func fillIsClippedToTheBuffer() {
        var buffer = Buffer(width: 4, height: 3)
        buffer.fill(Rect(x: 2, y: 1, width: 10, height: 10), "#")
        #expect(buffer.lines() == ["    ", "  ##", "  ##"])
    }

    @Test func diffListsOnlyChangedCells() {
        var before = Buffer(width: 5, height: 3)
        before.put("abc", x: 0, y: 0)
        var after = before
        after.set(x: 4, y: 2, "z")
        after.setStyle(x: 1, y: 0, Style(reverse: true))
        let changes = after.diff(from: before)
        #expect(changes.count == 2)
        #expect(changes.map { [$0.x, $0.y] } == [[1, 0], [4, 2]])
        #expect(changes[0].cell == Cell("b", style: Style(reverse: true)))
        #expect(changes[1].cell.symbol == "z")
        #expect(after.diff(from: after).isEmpty)
    }

    @Test func diffAgainstAnotherSizeIsEverything() {
        let small = Buffer(width: 2, height: 2)
        let big = Buffer(width: 3, height: 2)
        #expect(big.diff(from: small).count == 6)
    }
}
