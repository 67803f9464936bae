import DropoutCore
import Foundation
import TermUI
import Testing
@testable import DropvizUI

extension SweepJobTests {
    /// The event loop (`Visualizer.run`) driven by a scripted screen: keys, resize, quit, a
    /// slow frame, effects run and their results arriving.
    ///
    /// Nested in the serialized sweep suite because the loop drains `BackgroundWork` when it
    /// ends, which cancels any sweep running at that moment, and the sweeps there would see it.
    @Suite struct RunLoop {
        func state(width: Int = 80, height: Int = 24) throws -> AppState {
            var c = TrainingConfig()
            c.dataset = "xor"
            c.trainSize = 64
            c.hidden = [4]
            c.rates = [0, 0.2]
            return AppState(trainer: try Trainer(config: c), width: width, height: height)
        }

        @Test func keysAreHandledAndQuitEndsTheLoopAndGivesTheScreenBack() throws {
            let screen = FakeScreen(frames: [[.char(" ")], [.char("c")], [.char("q")]])
            let s = try Visualizer.run(state: try state(), screen: screen)
            #expect(screen.started && screen.stopped)
            #expect(!screen.ranOut)
            #expect(s.quit && s.paused && s.showAccuracy)
            // One frame per batch of keys: the loop stops reading after q.
            #expect(screen.frames.count == 3)
            // The frame after the pause shows it (the status line says paused).
            #expect(Fixtures.text(screen.frames[1]).lowercased().contains("paused"))
            #expect(!Fixtures.text(screen.frames[0]).lowercased().contains("paused"))
        }

        @Test func aResizeRedrawsAtTheNewSize() throws {
            let screen = FakeScreen(frames: [[.resize(width: 100, height: 30)], [.char("q")]])
            let s = try Visualizer.run(state: try state(), screen: screen)
            #expect(screen.frames.map(\.width) == [80, 100])
            #expect(screen.frames.map(\.height) == [24, 30])
            #expect(s.width == 100 && s.height == 30)
        }

        @Test func theScreensSizeIsTakenAtStart() throws {
            let screen = FakeScreen(width: 120, height: 40, frames: [[.char("q")]])
            _ = try Visualizer.run(state: try state(), screen: screen)
            #expect(screen.frames.first.map { ($0.width, $0.height) } ?? (0, 0) == (120, 40))
        }

        @Test func aSlowFrameStillReadsEveryWaitingKeyInThatFrame() throws {
            // Each frame takes two frame times to draw: its keys are read at once (timeout 0),
            // all of them, and every frame reads input.
            let screen = FakeScreen(frames: [[.char("]"), .char("]"), .char("]")], [.char("q")]])
            screen.presentDelay = Visualizer.frame * 2
            let initial = try state()
            let s = try Visualizer.run(state: initial, screen: screen)
            #expect(s.speedIndex == min(initial.speedIndex + 3, AppState.speedSettings.count - 1))
            #expect(screen.pollsAfterFrame.allSatisfy { $0 >= 1 })
            #expect(screen.timeouts.allSatisfy { $0 == 0 })
            #expect(screen.frames.count == 2)
        }

        @Test func exportIsRunByTheLoopAndItsNoticeArrives() throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-loop-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let runner = EffectRunner(directory: dir.path, keepsLog: true)
            // x after the first frame; q once a frame shows the files written.
            let screen = FakeScreen { n, shown in
                n == 0 ? [.char(" ")] : n == 1 ? [.char("x")] : Fixtures.text(shown).contains("wrote dropviz-plot") ? [.char("q")] : []
            }
            _ = try Visualizer.run(state: try state(), screen: screen, effects: runner)
            #expect(!screen.ranOut)
            // Besides the panel values the frames asked for (the diagram's unit pictures).
            #expect(runner.log.filter { if case .computePanel = $0 { false } else { true } } == [.exportFigures(theme: .dark)])
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(files.contains { $0.hasPrefix("dropviz-curves-step") && $0.hasSuffix(".csv") })
            #expect(files.contains { $0.hasPrefix("dropviz-plot-step") })
            // A frame after x shows the notice the effect sent back from its thread.
            #expect(screen.frames.dropFirst(2).contains { Fixtures.text($0).contains("wrote dropviz-plot") })
        }

        /// A slow panel in flight when `q` arrives: the loop cancels it (the job ends within
        /// one pass of its prediction) and returns with no job left running, instead of
        /// waiting seconds for it to finish. Checked by the runner's counts, not by time: the
        /// map asked for here (the Monte Carlo map with 2000 passes over its grid) takes many
        /// seconds to compute whole, and stops between two passes.
        @Test func quittingCancelsASlowPanelInFlight() throws {
            var c = TrainingConfig()
            c.dataset = "moons"
            c.trainSize = 64
            c.hidden = [256, 256]
            var s = AppState(trainer: try Trainer(config: c), width: 160, height: 45)
            s.paused = true
            s.panel = .data
            s.uncertaintyMap = true
            s.mcSamples = 2000
            let runner = EffectRunner(keepsLog: true)
            // q as soon as a frame finds the data panel's map computing on another thread.
            let screen = FakeScreen(width: 160, height: 45) { _, _ in runner.panelJobsRunning > 0 ? [.char("q")] : [] }
            screen.maxFrames = 300
            _ = try Visualizer.run(state: s, screen: screen, effects: runner)
            #expect(!screen.ranOut)
            #expect(runner.log.contains { if case .computePanel(let r) = $0 { r.slot == "mcmap" } else { false } })
            let n = runner.panelCounters.value
            #expect(n.started == n.completed + n.cancelled, "no panel job is left running")
            #expect(n.cancelled >= 1, "the map was cancelled, not waited for")
            #expect(runner.panelJobsRunning == 0)
        }

        /// The sweep panel's count of finished networks ("7/30 runs") in a frame, if shown.
        static func finishedRuns(_ shown: Buffer) -> Int? {
            for line in Fixtures.text(shown).split(separator: "\n") {
                guard let r = line.range(of: "/30 runs") else { continue }
                return Int(line[..<r.lowerBound].reversed().prefix { $0.isNumber }.reversed().map(String.init).joined())
            }
            return nil
        }

        // It used to hang once the suite's other tests had run (the process warm): the script
        // waited for a frame showing "1/30 runs", and a warm machine finishes the 1500-step
        // xor networks faster than frames are drawn, so the count went 0, 2, 4, … 30 and never
        // showed 1, 11 or 21. The loop sends only the newest progress each frame, on purpose.
        @Test func aSweepRunsInTheBackgroundAndItsResultsArriveAsFramesGoOn() throws {
            // W, then frames until the panel shows a finished network (or the fake gives up).
            var counts: [Int] = []
            let screen = FakeScreen(width: 160, height: 45) { n, shown in
                if n == 0 { return [.char("W")] }
                let done = Self.finishedRuns(shown)
                if let done { counts.append(done) }
                return (done ?? 0) >= 1 ? [.char("q")] : []
            }
            screen.maxFrames = 30 * 60
            let runner = EffectRunner(keepsLog: true)
            let s = try Visualizer.run(state: try state(width: 160, height: 45), screen: screen, effects: runner)
            #expect(!screen.ranOut, "counts shown: \(counts)")
            // The first effect besides the panel values the frames asked for.
            guard case .startSweep(let plan)? = runner.log.first(where: { if case .computePanel = $0 { false } else { true } }) else {
                Issue.record("no sweep started: \(runner.log)")
                return
            }
            #expect(plan.rates == SweepJob.defaultRates && plan.seeds == 3)
            #expect(s.panel == .sweep)
            #expect((s.sweep?.runs.count ?? 0) >= 1)
            #expect(s.sweep?.total == 30)
            // The first frame after W shows the sweep's panel (how many runs are done by then
            // depends on the machine: on an idle one, a few).
            #expect(Fixtures.text(screen.frames[1]).contains("/30 runs"))
            // The loop's drain stopped the sweep before it returned.
            #expect(!SweepRunner.isRunning)
        }
    }
}
