import DropoutCore
@testable import DropvizUI
import Foundation
import TermUI
import Testing

/// The panels' cache (PanelCache.swift) changes nothing on screen: a frame drawn from cached
/// values equals one computed afresh, and a new step, rate or example is never served stale
/// when paused.
@Suite struct PanelCacheTests {
    static let panels: [Panel] = [.data, .coadaptation, .uncertainty, .confusion]

    func state(_ panel: Panel, width: Int = 200, height: Int = 60) throws -> AppState {
        var s = try Fixtures.state(width: width, height: height, hidden: [32, 32])
        for _ in 0..<15 { update(&s, .step) }
        s.panel = panel
        return s
    }

    @Test(arguments: panels)
    func cachedFrameEqualsUncachedFrame(_ panel: Panel) throws {
        let s = try state(panel)
        let first = Fixtures.render(s)
        let computed = s.panelCache.computations
        #expect(computed >= 1, "the panel stores its values")
        let cached = Fixtures.render(s)
        #expect(s.panelCache.computations == computed, "the second frame is drawn from the cache")
        var fresh = s
        fresh.panelCache = PanelCache()
        let uncached = Fixtures.render(fresh)
        #expect(cached == uncached)
        #expect(first == uncached)
    }

    @Test(arguments: panels)
    func pausedStepsRateChangesAndExamplesRecompute(_ panel: Panel) throws {
        var s = try state(panel)
        s.paused = true
        _ = Fixtures.render(s)
        func expectFresh(_ what: String) {
            let before = s.panelCache.computations
            let frame = Fixtures.render(s)
            #expect(s.panelCache.computations > before, "\(what): recomputed")
            var fresh = s
            fresh.panelCache = PanelCache()
            #expect(frame == Fixtures.render(fresh), "\(what): as computed afresh")
        }
        s.trainer.step()
        expectFresh("a step while paused")
        try s.trainer.setRate(0.2, layer: 1)
        expectFresh("a rate change")
        if panel == .uncertainty {
            s.exampleIndex += 1
            expectFresh("another example")
        }
        s.trainer.reset()
        expectFresh("a reset to step 0")
    }

    /// While training runs, a value is reused for at most a few frames' worth of steps.
    @Test func runningPanelsLagAtMostAFewFrames() throws {
        let s = try state(.data)
        _ = Fixtures.render(s)
        let computed = s.panelCache.computations(excluding: "thumbnails").computed
        let lag = PanelCache.staleSteps(s)
        #expect(lag == PanelCache.staleFrames * s.stepsPerFrame)
        for _ in 0..<lag { s.trainer.step() }
        _ = Fixtures.render(s)
        #expect(s.panelCache.computations(excluding: "thumbnails").computed == computed)
        s.trainer.step()
        _ = Fixtures.render(s)
        #expect(s.panelCache.computations(excluding: "thumbnails").computed == computed + 1)
    }

    /// In the visualizer the panel values are computed on another thread (the effect runner):
    /// the first frame says "computing…", a later one keeps showing the last value while the
    /// new one is computed, and the value the thread brings is exactly the one computed on the
    /// spot at the step it was asked for.
    @Test(arguments: [Panel.data, .coadaptation])
    func backgroundValuesEqualThoseComputedOnTheSpot(_ panel: Panel) throws {
        var s = try state(panel)
        let effects = EffectRunner()
        defer { effects.cancelAll() }
        func frame() -> Buffer {
            var b = Buffer(width: s.width, height: s.height)
            view(s, into: &b)
            Visualizer.requestPanels(s, effects: effects)
            return b
        }
        let title = panel.title
        func panelCells(_ b: Buffer) throws -> [Cell] {
            let r = try PanelRenderingTests().panelInside(b, title: title)
            return (r.y..<r.bottom).flatMap { y in (r.x..<r.right).compactMap { b.cell(atX: $0, y: y) } }
        }
        let blank = frame()
        #expect(Fixtures.text(blank).contains("computing…"), "nothing computed in view")
        #expect(s.panelCache.computations == 0)
        Visualizer.waitForPanels(&s, effects: effects)
        let first = try panelCells(frame())
        #expect(try first != panelCells(blank))
        #expect(s.panelCache.computations(excluding: "thumbnails") == (1, 1), "the first value in the background")
        for _ in 0...PanelCache.staleSteps(s) { s.trainer.step() }
        #expect(try panelCells(frame()) == first, "the old value while the new one is computed")
        let startedAt = s.trainer.currentStep
        Visualizer.waitForPanels(&s, effects: effects)
        let background = frame()
        #expect(s.panelCache.computations(excluding: "thumbnails") == (2, 2))
        #expect(try panelCells(background) != first, "the new value is shown")
        var onTheSpot = s
        onTheSpot.panelCache = PanelCache()
        #expect(s.trainer.currentStep == startedAt)
        #expect(background == Fixtures.render(onTheSpot))
    }
}
