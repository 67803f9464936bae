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

    /// In the visualizer's mode the slow panels are recomputed on another thread: a frame
    /// keeps showing the last value meanwhile, and the value the thread brings is exactly the
    /// one computed on the spot at the step it was started from.
    @Test(arguments: [Panel.data, .coadaptation])
    func backgroundValuesEqualThoseComputedOnTheSpot(_ panel: Panel) throws {
        let s = try state(panel)
        s.panelCache.computesInBackground = true
        let title = panel.title
        func panelCells(_ b: Buffer) throws -> [Cell] {
            let r = try PanelRenderingTests().panelInside(b, title: title)
            return (r.y..<r.bottom).flatMap { y in (r.x..<r.right).compactMap { b.cell(atX: $0, y: y) } }
        }
        var first = try panelCells(Fixtures.render(s))
        if panel == .data {
            // A new area: the map is blank while its first value is computed in the background.
            let deadline = Date().addingTimeInterval(60)
            while s.panelCache.isComputing && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
            let blank = first
            first = try panelCells(Fixtures.render(s))
            #expect(first != blank)
            #expect(s.panelCache.computations(excluding: "thumbnails").computed == 1 && s.panelCache.computations(excluding: "thumbnails").background == 1, "the first map in the background")
        } else {
            #expect(s.panelCache.computations(excluding: "thumbnails").computed == 1 && s.panelCache.computations(excluding: "thumbnails").background == 0, "the first value at once")
        }
        for _ in 0...PanelCache.staleSteps(s) { s.trainer.step() }
        #expect(try panelCells(Fixtures.render(s)) == first, "the old value while the new one is computed")
        let startedAt = s.trainer.currentStep
        // The thread's value is taken by the next frame after it is done.
        let deadline = Date().addingTimeInterval(60)
        while s.panelCache.isComputing && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        #expect(!s.panelCache.isComputing)
        let background = Fixtures.render(s)
        #expect(s.panelCache.computations(excluding: "thumbnails").background == (panel == .data ? 2 : 1))
        #expect(try panelCells(background) != first, "the new value is shown")
        var onTheSpot = s
        onTheSpot.panelCache = PanelCache()
        #expect(s.trainer.currentStep == startedAt)
        #expect(background == Fixtures.render(onTheSpot))
    }
}
