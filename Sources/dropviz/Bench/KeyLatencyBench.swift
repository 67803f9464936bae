import DropoutCore
import DropvizUI
import Foundation
import TermUI

/// `dropviz bench --ui`, second table: how long a pasted key waits before a frame shows it.
/// The visualizer's own loop (`Visualizer.trainWithinBudget`, `view`, `Visualizer.handleInput`)
/// runs headless; a paste of 100 keys arrives at the worst moment, just after a frame has read
/// its input, so it waits for the next frame's input phase and is shown by the frame after.
/// The latency is the wall time from the paste's arrival to the end of that frame's drawing.
enum KeyLatencyBench {
    struct Scenario {
        let name: String
        let config: TrainingConfig
        let speedIndex: Int
        /// What the scenario sets up besides the speed: a panel, the grid, a pause.
        var prepare: (inout AppState) throws -> Void = { _ in }
        /// The paste (`n` while paused steps 100 times).
        var paste: [InputEvent] = KeyLatencyBench.paste
    }

    struct Result {
        let name: String
        /// The slowest of the pastes, and their median, in milliseconds.
        let worstMs: Double
        let medianMs: Double
        let keysHandled: Int
    }

    static var scenarios: [Scenario] {
        var dropConnect = TrainingConfig()
        dropConnect.variant = .dropconnect
        var cnn = TrainingConfig()
        cnn.dataset = "digits"
        cnn.hidden = ConvSettings.defaultHidden
        cnn.rates = [0] + cnn.hidden.map { _ in 0.5 }
        cnn.model = .cnn(ConvSettings())
        var lstm = TrainingConfig()
        lstm.dataset = "sine-seq"
        lstm.hidden = LSTMSettings.defaultHidden
        lstm.rates = [0] + lstm.hidden.map { _ in LSTMSettings.defaultRate }
        lstm.model = .lstm(LSTMSettings())
        let fastest = AppState.speedSettings.count - 1
        let dataPanel: (inout AppState) throws -> Void = { $0.panel = .data }
        let steps: [InputEvent] = Array(repeating: .char("n"), count: 100)
        return [Scenario(name: "default", config: TrainingConfig(), speedIndex: AppState.defaultSpeedIndex),
                Scenario(name: "default, fastest", config: TrainingConfig(), speedIndex: fastest),
                Scenario(name: "dropconnect, fastest", config: dropConnect, speedIndex: fastest),
                Scenario(name: "dropconnect, data", config: dropConnect, speedIndex: fastest, prepare: dataPanel),
                Scenario(name: "dropconnect, data, n", config: dropConnect, speedIndex: fastest,
                         prepare: { $0.panel = .data; $0.paused = true }, paste: steps),
                Scenario(name: "dropconnect, large view", config: dropConnect, speedIndex: fastest,
                         prepare: { $0.panel = .data; $0.largeData = true }),
                Scenario(name: "cnn digits, fastest", config: cnn, speedIndex: fastest),
                Scenario(name: "lstm sine-seq, fastest", config: lstm, speedIndex: fastest),
                Scenario(name: "grid of 9, data", config: TrainingConfig(), speedIndex: fastest,
                         prepare: { try $0.startGrid(rates: (1...9).map { Float($0) / 10 }); $0.panel = .data })]
            + stormScenarios(fastest: fastest, cnn: cnn, lstm: lstm, dropConnect: dropConnect)
    }

    /// The storm of the end-to-end test (Tests/e2e/reliability.sh) as pastes: 100 keys drawn
    /// from every binding but `q` (exports, new data sets, sweeps, twins, variants, scalings,
    /// panels, overlays), on each model kind and two lessons.
    static func stormScenarios(fastest: Int, cnn: TrainingConfig, lstm: TrainingConfig, dropConnect: TrainingConfig) -> [Scenario] {
        var scenarios = [("storm, default", TrainingConfig(), nil as Lesson?), ("storm, cnn", cnn, nil), ("storm, lstm", lstm, nil),
                         ("storm, dropconnect", dropConnect, nil)]
        for name in ["variants", "recurrent-dropout"] {
            if let lesson = BuiltinLessons.named(name), let setup = try? Setup.from(lesson: lesson) {
                scenarios.append(("storm, lesson " + name, setup.config, lesson))
            }
        }
        return scenarios.enumerated().map { i, s in
            Scenario(name: s.0, config: s.1, speedIndex: fastest,
                     prepare: { state in
                         if let lesson = s.2 {
                             try state.apply(lesson: lesson)
                             state.showLesson = false
                         }
                     },
                     paste: stormPaste(seed: UInt64(i + 1)))
        }
    }

    /// Every key binding but `q` (the storm's keys), 100 of them drawn with `seed`.
    static func stormPaste(seed: UInt64) -> [InputEvent] {
        let keys: [InputEvent] = Array(" naelcrRvstjk<>d{}()gGbBWSxip?,.[]0123456789").map { .char($0) }
            + [.tab, .backTab, .up, .down, .left, .right, .enter, .escape]
        var random = SplitMix64(seed: seed)
        return (0..<100).map { _ in keys[Int(random.next() % UInt64(keys.count))] }
    }

    /// A paste: speed up and down in turn (the state ends where it began), 100 keys.
    static let paste: [InputEvent] = (0..<100).map { $0 % 2 == 0 ? .char("]") : .char("[") }

    static func run(width: Int, height: Int, pastes: Int) throws -> [Result] {
        try scenarios.map { scenario in
            var state = AppState(trainer: try Trainer(config: scenario.config), width: width, height: height)
            state.speedIndex = scenario.speedIndex
            try scenario.prepare(&state)
            // Slow panel values are computed on other threads, as in the visualizer.
            // The storm's x writes its figures in a folder of its own, removed afterwards.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let effects = EffectRunner(directory: folder.path)
            state.trainer.evaluate()
            var buffer = Buffer(width: width, height: height)
            let clock = ContinuousClock()
            var pending: [InputEvent] = []
            var latencies: [Double] = []
            var handled = 0
            // Frames between pastes; the first ones warm the caches up.
            let spacing = 6
            for frame in 0..<(pastes * spacing + 2) {
                let frameStart = clock.now
                Visualizer.trainWithinBudget(&state, from: frameStart, clock: clock)
                Visualizer.receive(&state, effects: effects)
                view(state, into: &buffer)
                Visualizer.requestPanels(state, effects: effects)
                if frame >= spacing && frame % spacing == 0 && frame / spacing <= pastes {
                    Visualizer.handleInput(&state, until: frameStart + Visualizer.frame, clock: clock, effects: effects) { _ in nil }
                    // Arrives just after this frame read its input (the worst moment): it waits
                    // for the next frame's training and drawing, is read, and is shown by the
                    // frame after.
                    let arrival = clock.now
                    pending = scenario.paste
                    let next = clock.now
                        Visualizer.trainWithinBudget(&state, from: next, clock: clock)
                    Visualizer.receive(&state, effects: effects)
                    view(state, into: &buffer)
                    Visualizer.requestPanels(state, effects: effects)
                    Visualizer.handleInput(&state, until: next + Visualizer.frame, clock: clock, effects: effects) { _ in
                        guard !pending.isEmpty else { return nil }
                        handled += 1
                        return pending.removeFirst()
                    }
                    let shownAt = clock.now
                        Visualizer.trainWithinBudget(&state, from: shownAt, clock: clock)
                    Visualizer.receive(&state, effects: effects)
                    view(state, into: &buffer)
                    Visualizer.requestPanels(state, effects: effects)
                    let d = clock.now - arrival
                    latencies.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
                } else {
                    Visualizer.handleInput(&state, until: frameStart + Visualizer.frame, clock: clock, effects: effects) { _ in nil }
                }
            }
            effects.cancelAll()
            BackgroundWork.shared.drain()
            let sorted = latencies.sorted()
            return Result(name: scenario.name, worstMs: sorted.last ?? 0, medianMs: sorted.isEmpty ? 0 : sorted[sorted.count / 2],
                          keysHandled: handled)
        }
    }

    static func print(_ results: [Result], pastes: Int) {
        Swift.print("")
        Swift.print("Key to frame under a paste of \(paste.count) keys (\(pastes) pastes, wall clock): from the paste's arrival to the end of the frame that shows it.")
        Swift.print("scenario                         worst ms  median ms  keys handled")
        for r in results {
            Swift.print(r.name.padding(toLength: 32, withPad: " ", startingAt: 0)
                + String(format: "%11.1f%11.1f%14d", r.worstMs, r.medianMs, r.keysHandled))
        }
    }
}
