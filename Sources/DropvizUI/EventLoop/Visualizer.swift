import DropoutCore
import Foundation
import TermUI

/// The event loop: poll input with a timeout, run as many training steps as the speed and the
/// frame budget allow, draw about 30 frames a second. All state changes go through `update`;
/// the effects it returns (files, the sweep) are run here by an `EffectRunner`, whose results
/// come back as messages. It draws on any `Screen`: the ncurses terminal, or a test's fake.
public enum Visualizer {
    public static let frame: Duration = .milliseconds(33)
    /// Training may use at most this much of a frame, so keys are answered within a frame.
    public static let trainingBudget: Duration = .milliseconds(30)

    /// Runs until the user quits; returns the final state (for `--log`).
    /// `recorder`: where the frames are recorded (`--record`); it is finished on every way out.
    /// `effects`: runs what `update` asks for (a test passes its own to look at it).
    public static func run(state initial: AppState, recorder: CastRecorder? = nil, screen terminal: any Screen,
                           effects: EffectRunner = EffectRunner()) throws -> AppState {
        do { try terminal.start() } catch {
            throw DropvizError("\(error)")
        }
        var frameTimes = FrameTimes()
        defer {
            terminal.stop()
            effects.cancelAll()
            recorder?.finish()
            frameTimes.report()
            // No thread may be inside BLAS when `exit` tears it down (BackgroundWork.swift).
            BackgroundWork.shared.drain()
        }
        let clock = ContinuousClock()
        let size = terminal.size()
        var state = initial
        state.width = size.width
        state.height = size.height
        state.glyphs = terminal.glyphs
        recorder?.begin(width: size.width, height: size.height, colorCount: terminal.colorCount, utf8: terminal.isUTF8,
                        title: initial.lesson.map { "dropviz lesson \($0.name)" } ?? "dropviz")
        if state.trainer.lastEvaluation == nil { state.trainer.evaluate() }
        if let twin = state.twin, twin.lastEvaluation == nil { twin.evaluate() }
        var buffer = Buffer(width: size.width, height: size.height)
        var window: [(ContinuousClock.Instant, Int)] = []
        while !state.quit {
            let frameStart = clock.now
            // What background work (the sweep, the panels) has produced since the last frame.
            receive(&state, effects: effects)
            trainWithinBudget(&state, from: frameStart, clock: clock)
            window.append((clock.now, state.trainer.currentStep))
            if window.count > 30 { window.removeFirst(window.count - 30) }
            if let first = window.first, let last = window.last, last.0 > first.0 {
                let seconds = Double((last.0 - first.0).components.attoseconds) / 1e18 + Double((last.0 - first.0).components.seconds)
                update(&state, .measured(stepsPerSecond: max(0, Double(last.1 - first.1)) / seconds))
            }
            if buffer.width != state.width || buffer.height != state.height {
                buffer = Buffer(width: state.width, height: state.height)
            }
            let drawStart = clock.now
            update(&state, .frame)
            view(state, into: &buffer)
            // The panel values the frame lacked are computed on the other core while training
            // runs on this one; they arrive through `receive` (PanelCache.swift).
            requestPanels(state, effects: effects)
            terminal.present(buffer)
            frameTimes.presented(at: clock.now)
            let recordStart = clock.now
            recorder?.record(buffer)
            // The chapters of what was just drawn (a lesson page closed by a key that arrived
            // during its first frame is marked), and again after the keys, before the next
            // frame's steps (a reset is seen as the step going back to 0).
            recorder?.mark(state)
            frameTimes.add(clock.now - drawStart, recording: clock.now - recordStart)
            handleInput(&state, until: frameStart + frame, clock: clock, effects: effects) {
                let event = terminal.poll(timeoutMs: $0)
                if let event { frameTimes.read(event, at: clock.now) }
                return event
            }
            recorder?.mark(state)
        }
        return state
    }

    /// Runs the frame's training steps: the speed's steps per frame, or fewer when the
    /// budget since `frameStart` is spent, so that the frame reaches its input in time.
    public static func trainWithinBudget(_ state: inout AppState, from frameStart: ContinuousClock.Instant, clock: ContinuousClock) {
        // Here rather than only at the frame's start: a run installed since (a new data set
        // arriving through `receive`) gets its evaluator before its first step, or its first
        // evaluation would run inside a step, on this thread.
        state.scheduleEvaluationsInBackground()
        var stepsThisFrame = 0
        while stepsThisFrame < state.stepsPerFrame && !state.paused && !state.trainer.diverged
                && clock.now - frameStart < trainingBudget && !state.evaluationBacklogged {
            update(&state, .step)
            stepsThisFrame += 1
        }
    }

    /// Most events handled in one frame: a paste of thousands of keys still lets frames draw.
    public static let maxEventsPerFrame = 512

    /// Waits for input until `deadline`, handling each event as it comes, then handles every
    /// event already waiting even when the frame has overrun (a slow step, a slow panel):
    /// a frame never leaves a key it could read for the next one.
    /// `poll(ms)` waits up to `ms` milliseconds for an event (the terminal's `poll`).
    /// `effects` runs what the keys ask for, and must be the runner the caller polls: the
    /// answers of a runner nobody polls (a new data set's run, the figures' notice) are lost.
    public static func handleInput(_ state: inout AppState, until deadline: ContinuousClock.Instant,
                                   clock: ContinuousClock, effects: EffectRunner,
                                   poll: (Int) -> InputEvent?) {
        for _ in 0..<maxEventsPerFrame where !state.quit {
            let remaining = deadline - clock.now
            let ms = remaining > .zero
                ? Int(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)
                : 0
            guard let event = poll(ms) else { return }
            if case .resize(let w, let h) = event {
                send(&state, .resize(width: w, height: h), effects: effects)
            } else {
                send(&state, .input(event), effects: effects)
            }
        }
    }

    /// Updates the state with `msg`, runs the effects the update returns, and updates it with
    /// the messages they answer at once, until nothing is left to do.
    public static func send(_ state: inout AppState, _ msg: Msg, effects: EffectRunner) {
        var queue = [msg]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in update(&state, next) {
                queue += effects.run(effect, state: state)
            }
        }
    }
}
