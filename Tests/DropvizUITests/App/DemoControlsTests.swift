import DropoutCore
import DropvizUI
import TermUI
import Testing

/// The controls added for teaching in front of a class: slow motion, the twin's rate, the plot's
/// recent window and warm-up, and marker labels that never overwrite each other.
@Suite struct DemoControlsTests {
    /// At "1 step/s" the event loop offers one step message a frame (30 a second); `update`
    /// steps on every 30th of them.
    @Test func slowMotionStepsOnceEveryFrameRateOverNFrames() throws {
        var s = try Fixtures.state(hidden: [8])
        s.speedIndex = try #require(AppState.speedSettings.firstIndex(of: .perSecond(1)))
        #expect(s.stepsPerFrame == 1)
        for _ in 0..<(AppState.frameRate * 3) { update(&s, .step) }
        #expect(s.trainer.currentStep == 3)
        s.speedIndex = try #require(AppState.speedSettings.firstIndex(of: .perSecond(5)))
        for _ in 0..<AppState.frameRate { update(&s, .step) }
        #expect(s.trainer.currentStep == 8)
        // `[` from the slowest speed stays there; `]` walks up to the per-frame speeds.
        s.speedIndex = 0
        update(&s, .input(.char("[")))
        #expect(s.speed == .perSecond(1))
        for _ in 0..<AppState.slowSpeeds.count { update(&s, .input(.char("]"))) }
        #expect(s.speed == .perFrame(1))
    }

    /// `T` steps the twin's rate 0 → 0.2 → … → 0.8 → 0 and restarts both from the same weights.
    @Test func twinRateKeyRestartsBothAtTheNextRate() throws {
        var s = try Fixtures.state(hidden: [8, 8])
        update(&s, .input(.char("t")))
        for _ in 0..<15 { update(&s, .step) }
        var seen: [Float] = []
        for _ in 0..<5 {
            update(&s, .input(.char("T")))
            let twin = try #require(s.twin)
            seen.append(twin.config.rates[1])
            #expect(Array(twin.config.rates.dropFirst()).allSatisfy { $0 == twin.config.rates[1] })
            #expect(s.trainer.currentStep == 0 && twin.currentStep == 0)
            #expect(twin.mlp!.parameters.map(\.value.data) == s.trainer.mlp!.parameters.map(\.value.data),
                    "the same initial weights")
        }
        #expect(seen == [0.2, 0.4, 0.6, 0.8, 0])
    }

    /// The y range leaves out the first 5 % of the run (the untrained network's loss) and says
    /// so; `w` shows the last quarter of the run (at least 400 steps).
    @Test func plotWindowLeavesOutTheWarmUpAndWShowsTheRecentPart() throws {
        var s = try Fixtures.state(width: 120, height: 40, hidden: [32, 32])
        for _ in 0..<2000 { update(&s, .step) }
        var plot = LinePlot(state: s)
        #expect(plot.xRange == 0...2000)
        let late = s.trainer.history.valLoss.points.filter { $0.step >= 100 }.map(\.value)
            + s.trainer.history.trainLoss.points.filter { $0.step >= 100 }.map(\.value)
            + s.trainer.history.smoothedLoss.points.filter { $0.step >= 100 }.map(\.value)
        let range = try #require(plot.yRange)
        let lateMax = try #require(late.max()), lateMin = try #require(late.min())
        #expect(range.contains(lateMax) && range.contains(lateMin))
        // The title says so exactly when a warm-up point is above the range.
        let h = s.trainer.history
        let warm = [h.smoothedLoss, h.trainLoss, h.valLoss].flatMap(\.points).filter { $0.step < 100 }.map(\.value)
        let clipped = (warm.max() ?? 0) > range.upperBound
        #expect(plot.title.contains("start off scale") == clipped)
        let early = warm.filter { $0 < range.lowerBound || $0 > range.upperBound }
        #expect(clipped || early.isEmpty)
        update(&s, .input(.char("w")))
        plot = LinePlot(state: s)
        #expect(plot.xRange == 1500...2000)
        #expect(plot.series.allSatisfy { $0.points.allSatisfy { $0.x >= 1500 } })
        #expect(plot.title.contains("recent"))
    }

    /// Many markers close together: every label that is drawn stands on its own cells, with a
    /// free cell between neighbours; none overwrites another.
    @Test func markerLabelsNeverOverlap() throws {
        let markers = (0..<12).map { LinePlot.Marker(x: Double(100 + 3 * $0), label: "h1-h2 p 0.\($0 % 9)→0.\(($0 + 1) % 9)", shortLabel: "→0.\(($0 + 1) % 9)") }
        let plot = LinePlot(series: [.init(points: [(0, 1), (1000, 0)], label: "val", color: .magenta)],
                            title: "loss", xRange: 0...1000, markers: markers)
        let area = Rect(x: 0, y: 0, width: 60, height: 12)
        let layout = try #require(plot.layout(in: area))
        let placed = plot.markerLabels(layout.projection)
        #expect(placed.count >= 4, "the top rows take several labels")
        for (i, a) in placed.enumerated() {
            #expect(a.x >= layout.projection.plot.x && a.x + a.text.count <= layout.projection.plot.right)
            for b in placed[(i + 1)...] where a.y == b.y {
                #expect(a.x + a.text.count < b.x || b.x + b.text.count < a.x, "\(a) and \(b)")
            }
        }
        // On the screen each placed label reads whole.
        var buffer = Buffer(width: 60, height: 12)
        plot.render(area: area, into: &buffer)
        let lines = buffer.lines()
        for p in placed { #expect(lines[p.y].contains(p.text), "\(p.text)") }
    }
}
