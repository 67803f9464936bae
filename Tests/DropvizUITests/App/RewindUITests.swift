import DropoutCore
import DropvizUI
import TermUI
import Testing

/// The time cursor and branching as a user drives them: keys in, screens out, cell by cell.
@Suite struct RewindUITests {
    static func trained(_ steps: Int, width: Int = 100, height: Int = 30) throws -> AppState {
        var s = try Fixtures.state(width: width, height: height, hidden: [16, 16])
        s.speedIndex = AppState.speedSettings.firstIndex(of: .perFrame(1)) ?? 0
        for _ in 0..<steps { update(&s, .step) }
        return s
    }

    /// Where the screen's plot is, and its projection of steps to columns.
    static func plotLayout(_ s: AppState) throws -> LinePlot.Layout {
        let area = ScreenLayout(width: s.width, height: s.height).plot.inset(horizontal: 1, vertical: 0)
        return try #require(LinePlot(state: s).layout(in: area))
    }

    @Test func pageUpRewindsPausesAndShowsTheCursorStep() throws {
        var s = try Self.trained(300)
        let live = s.trainer
        let liveWeights = live.mlp!.weights
        update(&s, .input(.pageUp))
        #expect(s.isRewound && s.paused)
        #expect(s.trainer !== live && s.trainer.currentStep == 270, "a tenth of the run back")
        #expect(s.trainer.mlp!.weights == (try live.rebuilt(atStep: 270)).mlp!.weights)
        #expect(StatusBar.text(s).contains("⏪ step 270 / 300"))
        update(&s, .step)
        #expect(s.trainer.currentStep == 270, "no training at the cursor")
        update(&s, .input(.pageUp))
        update(&s, .input(.pageUp))
        #expect(s.trainer.currentStep == 210)
        update(&s, .input(.pageDown))
        #expect(s.trainer.currentStep == 240)
        update(&s, .input(.home))
        #expect(s.trainer.currentStep == 0 && s.trainer.history.valLoss.isEmpty)
        update(&s, .input(.end))
        #expect(!s.isRewound && s.trainer === live && !s.paused, "back to the live run, running as it was")
        #expect(live.currentStep == 300 && live.mlp!.weights == liveWeights, "the live run waited untouched")
        #expect(StatusBar.text(s).contains("step 300") && !StatusBar.text(s).contains("⏪"))
        // PgDn past the live step is live too.
        update(&s, .input(.pageUp))
        update(&s, .input(.pageDown))
        #expect(!s.isRewound && s.trainer === live)
    }

    /// The plot shows the whole live run with a solid bright line at the cursor's step, and
    /// nowhere else.
    @Test func plotDrawsTheCursorLine() throws {
        var s = try Self.trained(400)
        update(&s, .input(.pageUp))
        update(&s, .input(.pageUp))
        #expect(s.trainer.currentStep == 320)
        let layout = try Self.plotLayout(s)
        #expect(layout.projection.xHigh == 400, "the plot keeps the whole live run")
        let column = try #require(layout.projection.column(x: 320))
        let b = Fixtures.render(s)
        let plot = layout.projection.plot
        func isCursor(_ x: Int, _ y: Int) -> Bool {
            b.symbol(atX: x, y: y) == "│" && b.style(atX: x, y: y)?.fg == .brightWhite
        }
        let onLine = (plot.y..<plot.bottom).filter { isCursor(column, $0) }.count
        #expect(onLine >= plot.height / 2, "the line runs down the plot (curves may cross it)")
        for x in plot.x..<plot.right where x != column {
            #expect(!(plot.y..<plot.bottom).contains { isCursor(x, $0) }, "no cursor line at column \(x)")
        }
        update(&s, .input(.end))
        let live = Fixtures.render(s)
        #expect(!(plot.y..<plot.bottom).contains { live.style(atX: column, y: $0)?.fg == .brightWhite && live.symbol(atX: column, y: $0) == "│" })
    }

    /// Space at the cursor branches: the run goes on from there, the old future stays as a
    /// faint ghost curve, a marker names the branch, and a rate changed there is marked too.
    @Test func resumingBranchesAndLeavesAGhost() throws {
        var s = try Self.trained(300)
        let oldVal = s.trainer.history.valLoss
        update(&s, .input(.pageUp))
        update(&s, .input(.pageUp))
        update(&s, .input(.char("8")))
        update(&s, .input(.char(" ")))
        #expect(!s.isRewound && !s.paused && s.trainer.currentStep == 240)
        let ghost = try #require(s.ghost)
        #expect(ghost.fromStep == 240 && ghost.number == 1)
        let events = s.trainer.history.events.map(\.label)
        #expect(events.contains("branch 1") && events.contains("h1-h2 p 0.5→0.8"))
        for _ in 0..<10 { update(&s, .step) }
        #expect(s.trainer.currentStep == 250)
        let plot = LinePlot(state: s)
        let series = try #require(plot.series.first)
        #expect(series.label == "before branch 1" && series.color == .brightBlack)
        #expect(series.points.map(\.x) == oldVal.points.filter { $0.step >= 240 }.map { Double($0.step) })
        #expect(plot.xRange == 0...300, "the plot reaches to the end of the old future")
        // On the screen: grey braille after the live run's last column, where only the ghost is.
        let layout = try Self.plotLayout(s)
        let b = Fixtures.render(s)
        let from = try #require(layout.projection.column(x: 260))
        let grey = (from..<layout.projection.plot.right).flatMap { x in
            (layout.projection.plot.y..<layout.projection.plot.bottom).filter { y in
                b.style(atX: x, y: y)?.fg == .brightBlack && (b.symbol(atX: x, y: y)?.unicodeScalars.first.map { (0x2800...0x28FF).contains($0.value) } ?? false)
            }
        }
        #expect(!grey.isEmpty, "the ghost is drawn past the live run")
        #expect(Fixtures.text(b).contains("branch 1"))
        // The state string replays the branch: the rate change at step 240 is in it.
        #expect(s.stateString.contains("changes=240:p1+2=0.8"))
        // The next branch replaces the ghost.
        update(&s, .input(.pageUp))
        update(&s, .input(.char("n")))
        #expect(s.ghost?.number == 2 && s.trainer.currentStep == 226)
    }

    /// A reset, a new data set or a twin at the cursor makes a new run: the cursor and the
    /// ghost go.
    @Test func aResetAtTheCursorDropsTheCursorAndTheGhost() throws {
        var s = try Self.trained(200)
        update(&s, .input(.pageUp))
        update(&s, .input(.char(" ")))
        #expect(s.ghost != nil)
        update(&s, .input(.pageUp))
        update(&s, .input(.char("r")))
        #expect(!s.isRewound && s.ghost == nil && s.trainer.currentStep == 0)
    }

    @Test func theTwinRewindsWithTheRun() throws {
        var s = try Fixtures.state(width: 100, height: 30, hidden: [16, 16])
        update(&s, .input(.char("t")))
        for _ in 0..<100 { update(&s, .step) }
        let twin = try #require(s.twin)
        update(&s, .input(.pageUp))
        #expect(s.twin?.currentStep == 90 && s.twin !== twin)
        #expect(s.twin?.model.parameters.map(\.value.data) == (try twin.rebuilt(atStep: 90)).model.parameters.map(\.value.data))
        update(&s, .input(.end))
        #expect(s.twin === twin)
    }
}
