import DropoutCore
@testable import DropvizUI
import TermUI
import Testing

/// Grid mode's keys: ←/→ select a cell (it becomes the trainer, so the rate keys act on it
/// alone), Enter shows its full view and back; and the screen draws one cell per rate.
@Suite struct GridModeTests {
    static func state() throws -> AppState {
        var s = try Fixtures.state(width: 160, height: 45, hidden: [16, 16])
        try s.startGrid(rates: [0, 0.3, 0.6])
        s.notice = nil
        return s
    }

    @Test func arrowsSelectCellsAndRateKeysActOnTheSelectedOne() throws {
        var s = try Self.state()
        let grid = try #require(s.grid)
        #expect(s.trainer === grid.cells[0] && s.showsGrid)
        update(&s, .input(.right))
        #expect(s.gridSelected == 1 && s.trainer === grid.cells[1])
        update(&s, .input(.char("8")))
        #expect(grid.cells.map { $0.config.rates[1] } == [0, 0.8, 0.6], "only the selected cell's rate changed")
        let titles = Fixtures.text(Fixtures.render(s))
        #expect(titles.contains(" p=0.8 ") && !titles.contains(" p=0.3 "), "the cell's title shows its rate as it is now")
        update(&s, .input(.char("u")))
        update(&s, .input(.char("5")))
        #expect(Fixtures.text(Fixtures.render(s)).contains(" p=0.8/0.5 ") || Fixtures.text(Fixtures.render(s)).contains(" p=0.5/0.8 "),
                "unlinked layers with different rates show each")
        update(&s, .input(.left))
        update(&s, .input(.left))
        #expect(s.gridSelected == 2, "← wraps around")
        update(&s, .step)
        #expect(grid.cells.allSatisfy { $0.currentStep == 1 }, "a step steps every cell")
    }

    @Test func enterPromotesTheSelectedCellAndBack() throws {
        var s = try Self.state()
        update(&s, .input(.tab))
        let gridScreen = Fixtures.text(Fixtures.render(s))
        #expect(gridScreen.contains(" p=0.0 ") && gridScreen.contains(" p=0.3 ") && gridScreen.contains(" p=0.6 "))
        #expect(!gridScreen.contains("hidden1 16"), "the grid replaces the diagram")
        update(&s, .input(.enter))
        #expect(s.gridPromoted && !s.showsGrid)
        let full = Fixtures.render(s)
        #expect(Fixtures.text(full).contains("hidden1 16") && Fixtures.text(full).contains("p=0.30"), "the full view of the selected cell (p=0.3)")
        // Promoted, ← and → select layers again, not cells.
        update(&s, .input(.right))
        #expect(s.gridSelected == 1 && s.selectedLayer == 2)
        update(&s, .input(.enter))
        #expect(s.showsGrid && s.gridSelected == 1)
        #expect(Fixtures.text(Fixtures.render(s)).contains(" p=0.6 "))
    }

    @Test func gridCellShowsItsNumbersAndSelection() throws {
        var s = try Self.state()
        for _ in 0..<40 { update(&s, .step) }
        let b = Fixtures.render(s)
        let rects = GridView.cellRects(count: 3, in: Rect(x: 0, y: 1, width: 160, height: ScreenLayout(width: 160, height: 45).status.y - 1))
        for (i, rect) in rects.enumerated() {
            let cell = try #require(s.grid?.cells[i])
            let e = try #require(cell.lastEvaluation)
            let text = b.lines()[rect.y + 1]
            #expect(text.contains("val \(PanelText.num(Double(e.valLoss))) train \(PanelText.num(Double(e.trainLoss)))"), "cell \(i): \(text)")
            // The title: reversed on the selected cell only.
            let titleStyle = try #require(b.style(atX: rect.x + 3, y: rect.y))
            #expect(titleStyle.reverse == (i == 0), "cell \(i)'s title")
        }
    }
}
