import DropoutCore
import DropvizUI
import Foundation
import TermUI

/// `dropviz bench --ui`: the cost of one visualizer frame without a terminal. A frame is
/// `view(state, into:)`, the diff against the previous frame a backend does
/// (`Buffer.diff(from:)`), and the escape sequences that would write the changed cells, for
/// the default scenario with training running between frames, with no panel and with each.
///
/// As in the visualizer, the slow panel values are computed on another thread: the frame
/// time is the drawing thread's, and the other thread's work is reported beside it.
enum UIFrameBench {
    struct Result {
        let panel: Panel
        let msPerFrame: Double
        /// The slowest timed frame: one that recomputes a panel's cached values.
        let maxMs: Double
        let changedCells: Int
        let bytesPerFrame: Int
        /// CPU time of the background computations per frame (not with the wall clock).
        let backgroundMsPerFrame: Double?
        /// Panel values computed in the frames timed, and how many on another thread.
        let computations: Int
        let backgroundComputations: Int
    }

    static func run(width: Int, height: Int, frames: Int, stepsPerFrame: Int, clock: BenchClock) throws -> [Result] {
        try Panel.allCases.map { panel in
            var state = AppState(trainer: try Trainer(config: TrainingConfig()), width: width, height: height)
            state.panel = panel
            // Slow panel values are computed on other threads, as in the visualizer.
            let effects = EffectRunner()
            state.trainer.evaluate()
            var buffer = Buffer(width: width, height: height)
            var previous = Buffer(width: width, height: height)
            var total = 0.0, slowest = 0.0, changed = 0, bytes = 0, training = 0.0
            // The drawing thread's own time: the process's would include the other thread.
            let frameClock = clock == .wall ? BenchClock.wall : BenchClock.thread
            // The first frames fill the screen (and any cache); only steady frames are timed.
            let warmUp = 3
            var startProcess = 0.0, startComputations = 0, startBackground = 0
            for f in 0..<(frames + warmUp) {
                if f == warmUp {
                    Visualizer.waitForPanels(&state, effects: effects)
                    startProcess = BenchClock.cpu.seconds()
                    startComputations = state.panelCache.computations
                    startBackground = state.panelCache.backgroundComputations
                }
                let s0 = BenchClock.thread.seconds()
                for _ in 0..<stepsPerFrame { update(&state, .step) }
                Visualizer.receive(&state, effects: effects)
                let t0 = frameClock.seconds()
                view(state, into: &buffer)
                Visualizer.requestPanels(state, effects: effects)
                let changes = buffer.diff(from: previous)
                let output = ANSIWriter.output(changes)
                let t1 = frameClock.seconds()
                if f >= warmUp {
                    total += t1 - t0
                    training += BenchClock.thread.seconds() - s0 - (t1 - t0)
                    slowest = max(slowest, t1 - t0)
                    changed += changes.count
                    bytes += output.utf8.count
                }
                swap(&buffer, &previous)
            }
            Visualizer.waitForPanels(&state, effects: effects)
            // The process's CPU time less this thread's: what the background computations took.
            let background = clock != .wall ? max(0, BenchClock.cpu.seconds() - startProcess - total - training) : nil
            return Result(panel: panel, msPerFrame: 1000 * total / Double(frames), maxMs: 1000 * slowest, changedCells: changed / frames,
                          bytesPerFrame: bytes / frames, backgroundMsPerFrame: background.map { 1000 * $0 / Double(frames) },
                          computations: state.panelCache.computations - startComputations,
                          backgroundComputations: state.panelCache.backgroundComputations - startBackground)
        }
    }

    static func print(_ results: [Result], width: Int, height: Int, stepsPerFrame: Int) {
        Swift.print("Visualizer frame at \(width)×\(height): view + diff + escape sequences; \(stepsPerFrame) training steps between frames (not timed).")
        Swift.print("Slow panel values are computed on another thread, as in the visualizer: 'other thread' is its CPU time per frame.")
        Swift.print("panel           ms/frame    max ms  changed cells  bytes  other thread  computed (other thread)")
        for r in results {
            let name = r.panel == .none ? "(none)" : r.panel.rawValue
            let other = r.backgroundMsPerFrame.map { String(format: "%11.3f", $0) } ?? String(repeating: " ", count: 10) + "-"
            Swift.print(name.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: "%10.3f", r.msPerFrame) + String(format: "%10.3f", r.maxMs) + String(format: "%15d", r.changedCells) + String(format: "%7d", r.bytesPerFrame)
                + "  " + other + String(format: "%10d (%d)", r.computations, r.backgroundComputations))
        }
    }
}
