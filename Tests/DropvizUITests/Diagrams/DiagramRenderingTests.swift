import DropoutCore
import DropvizUI
import TermUI
import Testing

@Suite struct DiagramRenderingTests {
    /// A known mask is drawn exactly: ✕ where the mask is 0, a kept glyph elsewhere, and the
    /// count label says how many.
    @Test func knownMaskIsDrawnExactly() throws {
        var s = try Fixtures.state()
        update(&s, .step)
        let layer = s.trainer.mlp!.dropout[1]
        var mask = layer.mask
        for j in 0..<128 { mask[0, j] = j % 3 == 0 ? 0 : 2 }
        layer.setMask(mask)
        let buffer = Fixtures.render(s)
        let layout = ScreenLayout(width: 80, height: 24)
        let frames = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths, in: layout.diagram)
        let f = frames[1]
        #expect(f.shown == 128, "all 128 units visible at 80×24")
        var cells = Set<Int>()
        for j in 0..<128 {
            let (x, y) = f.cell(ofUnit: j)
            cells.insert(y * 80 + x)
            let symbol = buffer.symbol(atX: x, y: y)
            if j % 3 == 0 {
                #expect(symbol == "✕", "unit \(j) is dropped")
                #expect(buffer.style(atX: x, y: y)?.fg == .red)
            } else {
                #expect(symbol != "✕" && symbol != " ", "unit \(j) is kept and visible")
            }
        }
        #expect(cells.count == 128, "every unit has its own cell")
        #expect(Fixtures.text(buffer).contains("dropped 43/128"))
    }

    @Test func labelsShowNameWidthRateAndCount() throws {
        var s = try Fixtures.state()
        update(&s, .step)
        let text = Fixtures.text(Fixtures.render(s))
        for needle in ["input 2", "hidden1 128", "hidden2 128", "output 2", "p=0.50", "p=0.00", "dropped 0/2"] {
            #expect(text.contains(needle), "\(needle)")
        }
        let d1 = s.trainer.mlp!.dropout[1].droppedCount(row: 0)
        #expect(text.contains("dropped \(d1)/128"))
    }

    @Test func evalViewDropsNothing() throws {
        var s = try Fixtures.state()
        update(&s, .step)
        update(&s, .input(.char("e")))
        let text = Fixtures.text(Fixtures.render(s))
        #expect(!text.contains("✕"))
        #expect(text.contains("EVAL"))
    }

    /// (Columns wide enough for "+N more" and the count together: DiagramCountLabelTests.)
    @Test func compressedLayerSaysHowManyMore() {
        let frames = NetworkDiagram.layout(widths: [2, 1000, 2], in: Rect(x: 0, y: 0, width: 90, height: 11))
        let f = frames[1]
        #expect(f.shown < 1000 && f.count == 1000)
        let units: [[NetworkDiagram.UnitState]] = [[.kept(level: 1), .kept(level: 1)], Array(repeating: .dropped, count: 1000), [.kept(level: 1), .kept(level: 1)]]
        let d = NetworkDiagram(units: units, labels: [("a", "p", "c"), ("b", "p", "dropped 1000/1000"), ("c", "p", "c")], selected: 1, glyphs: .unicode, caption: "")
        var b = Buffer(width: 90, height: 11)
        d.render(area: b.area, into: &b)
        #expect(Fixtures.text(b).contains("+\(1000 - f.shown) more"))
        let drawn = b.cells.filter { $0.symbol == "✕" }.count
        #expect(drawn == f.shown)
    }

    @Test func asciiGlyphsWhenTheLocaleIsNotUTF8() throws {
        var s = try Fixtures.state(glyphs: .ascii)
        for _ in 0..<12 { update(&s, .step) }
        let text = Fixtures.text(Fixtures.render(s))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
        #expect(text.contains("x"))
    }
}
