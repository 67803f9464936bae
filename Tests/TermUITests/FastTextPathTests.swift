import Testing
@testable import TermUI

/// The byte-level paths that make a frame cheaper (ASCII text in `Buffer.put`, the escape
/// sequences of `ANSIWriter`) give exactly what the general paths give.
@Suite struct FastTextPathTests {
    /// ASCII text goes byte by byte; the same text with one non-ASCII character after it goes
    /// character by character. Their common part must be the same cells, CR LF (one character
    /// of two scalars) one space, every other control character one space.
    @Test func asciiTextIsDrawnAsTheCharacterPathDrawsIt() {
        let ascii = "a\r\nb\tc\u{7f}d\u{0}e\r\rf\n\ng"
        let style = Style(fg: .red, bold: true)
        for (x, maxWidth) in [(0, nil), (2, 5), (-3, nil), (1, 0), (30, nil), (3, 40)] as [(Int, Int?)] {
            var fast = Buffer(width: 24, height: 2), general = Buffer(width: 24, height: 2)
            let fastEnd = fast.put(ascii, x: x, y: 1, style: style, maxWidth: maxWidth)
            let generalEnd = general.put(ascii + "é", x: x, y: 1, style: style, maxWidth: maxWidth)
            // 15 columns, stopped at the limit.
            let limit = maxWidth.map { x + max(0, $0) } ?? 24
            #expect(fastEnd == max(x, min(x + 15, limit)))
            // The general path drew "é" one column after the ASCII part, when it had room.
            #expect(generalEnd == (x + 15 < limit ? fastEnd + 1 : fastEnd))
            if generalEnd == fastEnd + 1 { general.set(x: fastEnd, y: 1, cell: fast.cell(atX: fastEnd, y: 1) ?? .blank) }
            #expect(fast == general, "x \(x) maxWidth \(String(describing: maxWidth))")
        }
        var buffer = Buffer(width: 16, height: 1)
        #expect(buffer.put(ascii, x: 0, y: 0) == 15)
        #expect(buffer.lines() == ["a b c d e  f  g "])
    }

    /// ASCII text over half of a wide character breaks it up, as any drawing does.
    @Test func asciiTextOverAWideCharacterLeavesNoHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("中文", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.lines() == [" x文  "])
        buffer.put("y", x: 2, y: 0)
        #expect(buffer.lines() == [" xy   "])
    }

    /// The bytes of a frame, written out by hand from the rule: a cursor move where the run of
    /// changes breaks, an SGR sequence (reset, attributes, colours) where the style changes.
    @Test func escapeSequencesAreTheDocumentedBytes() {
        let red = Style(fg: .red, bold: true)
        let changes: [(x: Int, y: Int, cell: Cell)] = [
            (0, 0, Cell("a", style: red)), (1, 0, Cell("b", style: red)),
            (11, 9, Cell("─", style: Style(fg: .indexed(196), bg: .brightBlue, dim: true, reverse: true, underline: true))),
            (12, 9, Cell("中")), (14, 9, Cell("\u{7}")), (15, 9, Cell("h\u{303}")), (16, 9, Cell(scalar: "\u{301}")),
        ]
        let esc = "\u{1B}["
        #expect(ANSIWriter.output(changes) == esc + "1;1H" + esc + "0;1;31mab" + esc + "10;12H" + esc + "0;2;4;7;38;5;196;104m─"
            + esc + "0m中 h\u{303} ")
        // 8 colours: the palette index becomes its basic colour, the bright one its base.
        #expect(ANSIWriter.output(Array(changes[2...2]), colorCount: 8) == esc + "10;12H" + esc + "0;2;4;7;31;44m─")
        #expect(ANSIWriter.output(Array(changes[2...2]), colorCount: 0) == esc + "10;12H" + esc + "0;2;4;7m─")
        // No UTF-8: non-ASCII symbols as "?", two for a wide one.
        #expect(ANSIWriter.output(Array(changes[2...3]), utf8: false) == esc + "10;12H" + esc + "0;2;4;7;38;5;196;104m?" + esc + "0m??")
        // A wide symbol the right edge cuts becomes a space, and so does a cell past the edge.
        let edge: [(x: Int, y: Int, cell: Cell)] = [(12, 9, Cell("中")), (0, 10, Cell("x")), (13, 10, Cell("y"))]
        #expect(ANSIWriter.output(edge, width: 13) == esc + "10;13H" + esc + "0m " + esc + "11;1Hx" + esc + "11;14H ")
        #expect(ANSIWriter.sgr(Style(fg: .brightBlack, bg: .indexed(7))) == esc + "0;90;47m")
        #expect(ANSIWriter.sgr(.plain) == esc + "0m")
        #expect(ANSIWriter.output([]) == "")
    }
}
