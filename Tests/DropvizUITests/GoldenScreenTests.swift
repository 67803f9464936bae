import DropoutCore
import Foundation
import TermUI
import Testing
@testable import DropvizUI

/// Four whole screens, compared cell by cell (characters and styles) with the files under
/// Golden/ (GoldenScreen.swift). A change to what any of them shows fails here until it is
/// re-recorded on purpose: `DROPVIZ_RECORD_GOLDEN=1 swift test --filter GoldenScreenTests`.
@Suite struct GoldenScreenTests {
    /// The default run at 80×24, paused at step 60: `dropviz run` without options (moons, 80
    /// training points, 128-128, p = 0.6, Adam at 0.001: TrainingOptions' defaults).
    static func defaultRun() throws -> AppState {
        var c = TrainingConfig()
        c.trainSize = TrainingConfig.defaultTrainSize(for: c.dataset)
        c.rates = [0, 0.6, 0.6]
        c.learningRate = 0.001
        var s = AppState(trainer: try Trainer(config: c), width: 80, height: 24)
        for _ in 0..<60 { update(&s, .step) }
        update(&s, .input(.char(" ")))
        return s
    }

    @Test func defaultRunAtStep60() throws {
        let s = try Self.defaultRun()
        #expect(s.trainer.currentStep == 60 && s.paused)
        try GoldenScreen.check(Fixtures.render(s), "default-80x24")
    }

    @Test func helpOverlay() throws {
        var s = try Self.defaultRun()
        update(&s, .input(.char("?")))
        #expect(s.showHelp)
        try GoldenScreen.check(Fixtures.render(s), "help-80x24")
    }

    @Test func mathsPanel() throws {
        var s = try Self.defaultRun()
        s.width = 160
        s.height = 45
        while s.panel != .maths { update(&s, .input(.char("p"))) }
        try GoldenScreen.check(Fixtures.render(s), "maths-panel-160x45")
    }

    @Test func cnnView() throws {
        var s = try ConvDiagramTests.state(.spatial)
        for _ in 0..<20 { update(&s, .step) }
        update(&s, .input(.char(" ")))
        try GoldenScreen.check(Fixtures.render(s), "cnn-80x24")
    }

    /// The comparison itself: a changed cell fails and the message names it and its row.
    @Test func aChangedCellIsFoundAndItsRowShown() throws {
        var b = Buffer(width: 6, height: 2)
        _ = b.put("ab中d", x: 0, y: 1, style: .plain)
        let (chars, styles) = GoldenScreen.encode(b)
        var changed = b
        _ = changed.put("x", x: 4, y: 1, style: .plain)
        let (chars2, _) = GoldenScreen.encode(changed)
        let diff = GoldenScreen.firstDifference(recorded: GoldenScreen.cells(chars), drawn: GoldenScreen.cells(chars2),
                                                rows: GoldenScreen.rows(chars), drawnRows: GoldenScreen.rows(chars2))
        #expect(diff?.hasPrefix("first difference at row 1, column 4: recorded \"d\", drawn \"x\"") == true, "\(diff ?? "")")
        #expect(diff?.contains("recorded: ab中d") == true)
        #expect(GoldenScreen.firstDifference(recorded: GoldenScreen.cells(chars), drawn: GoldenScreen.cells(chars),
                                             rows: [], drawnRows: []) == nil)
        // A style alone differs too, whatever letters the files use.
        var bold = b
        _ = bold.put("a", x: 0, y: 1, style: Style(bold: true))
        let styles2 = GoldenScreen.encode(bold).styles
        let styleDiff = GoldenScreen.firstDifference(recorded: GoldenScreen.styleCells(styles), drawn: GoldenScreen.styleCells(styles2),
                                                     rows: [], drawnRows: [])
        #expect(styleDiff?.hasPrefix("first difference at row 1, column 0") == true, "\(styleDiff ?? "")")
    }
}
