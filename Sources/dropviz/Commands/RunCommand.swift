import ArgumentParser
import DropoutCore
import DropvizUI
import Foundation
import TerminalBackend

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open the interactive visualizer (the default command)."
    )

    @OptionGroup var options: TrainingOptions
    @OptionGroup var language: LanguageOption

    @Option(help: "Start from a state string (key S in the visualizer shows the current one).")
    var state: String?

    @Option(help: "Open a lesson file (JSON; see 'dropviz lesson --print NAME').")
    var lesson: String?

    @Option(name: .customLong("twin-rate"), help: "Start with the same-seed twin at this hidden rate.")
    var twinRate: Float?

    @Option(help: "A grid of rates: one network per hidden rate (2 to 9, e.g. 0,0.25,0.5,0.75), trained in lock-step from the same seed.")
    var grid: String?

    @Option(help: "Write the curves to this CSV file when the visualizer ends.")
    var log: String?

    @Option(name: .customLong("state-out"), help: "Where to write the state string when the visualizer ends (default: dropviz-state.txt; it is also printed).")
    var stateOut: String = "dropviz-state.txt"

    @OptionGroup var visualizer: VisualizerOptions

    @Flag(help: "Present to a class: no key bar, and training waits for space.")
    var present = false

    func run() throws {
        var setup = try Setup.from(options: options, defaultEvalEvery: 20)
        if let path = lesson {
            guard state == nil else { throw DropvizError("--lesson and --state cannot be combined") }
            setup = try Setup.from(lesson: Lesson.load(path: path))
        }
        if let text = state { setup = try Setup.from(state: text) }
        if let p = twinRate {
            try checkRate(p, flag: "--twin-rate")
            setup.twinRate = p
        }
        if let text = grid {
            guard twinRate == nil else { throw DropvizError("--grid and --twin-rate cannot be combined (the grid's cells are the comparison)") }
            setup.gridRates = try RateGrid.parse(text)
        }
        setup.logPath = log
        setup.language = try language.resolve()
        setup.statePath = stateOut
        try visualizer.apply(to: &setup)
        setup.present = present
        try setup.start()
    }
}

/// Everything the visualizer starts from: plain options, a lesson or a state string.
struct Setup {
    var config: TrainingConfig
    var twinRate: Float?
    var gridRates: [Float]?
    var lesson: Lesson?
    var panel: Panel = .none
    var speed: Int?
    var fastForward = 0
    /// A state string's `changes=`: made at their steps (RunChange.swift).
    var changes: [RunChange] = []
    var logPath: String?
    var statePath: String?
    /// `--record`, opened; `--theme` of the figures `x` exports.
    var recorder: CastRecorder?
    var theme: FigureTheme = .dark
    /// `--present`: the key bar hidden, training paused at the start.
    var present = false
    var language: Language = .en

    static func from(options: TrainingOptions, defaultEvalEvery: Int) throws -> Setup {
        Setup(config: try options.config(defaultEvalEvery: defaultEvalEvery))
    }

    static func from(lesson: Lesson) throws -> Setup {
        let options: TrainingOptions
        do { options = try TrainingOptions.parse(lesson.options) } catch {
            // A bad choice's message from the parser may list its values on lines of their own.
            let full = TrainingOptions.message(for: error)
            throw DropvizError("lesson '\(lesson.name)': bad options: \(ChoiceErrorText.rewrite(full) ?? full)")
        }
        var s = try from(options: options, defaultEvalEvery: 20)
        // Its twin, panel, speed and selection are applied by `AppState.apply(lesson:)`.
        s.lesson = lesson
        return s
    }

    static func from(state text: String) throws -> Setup {
        // A string copied from the wrapped S box may carry line breaks.
        let (config, extras) = try StateString.decode(text.filter { $0 != "\n" && $0 != "\r" }, extraKeys: AppState.stateStringKeys)
        var s = Setup(config: config)
        if let step = extras["step"] {
            guard let n = Int(step), n >= 0, n <= TrainingConfig.maxSteps else {
                throw DropvizError("--state: 'step' must be a whole number between 0 and \(TrainingConfig.maxSteps), got '\(step)'")
            }
            s.fastForward = n
        }
        if let changes = extras["changes"] { s.changes = try RunChange.decode(changes) }
        if let twin = extras["twin"] {
            guard let p = Float(twin) else { throw DropvizError("--state: bad value '\(twin)' for 'twin'") }
            try checkRate(p, flag: "--state twin")
            s.twinRate = p
        }
        if let panel = extras["panel"] {
            guard let p = Panel(rawValue: panel) else { throw DropvizError("--state: bad value '\(panel)' for 'panel'") }
            s.panel = p
        }
        return s
    }

    func start() throws {
        // Whatever ends the run, the recording is finished (or its temporary file removed).
        defer { recorder?.finish() }
        guard Console.stdoutIsTerminal else {
            throw DropvizError("the visualizer needs a terminal; for headless training use 'dropviz train'")
        }
        let trainer = try Trainer(config: config)
        var state = AppState(trainer: trainer, width: 80, height: 24)
        state.language = language
        state.panel = panel
        state.figureTheme = theme
        if let t = twinRate {
            state.twinRate = t
            try state.startTwin()
        }
        if let rates = gridRates { try state.startGrid(rates: rates) }
        if let v = speed, let i = AppState.speedSettings.firstIndex(of: .perFrame(v)) { state.speedIndex = i }
        if let l = lesson { try state.apply(lesson: l) }
        try state.trainer.schedule(changes)
        if present {
            state.presenter.hideKeyBar = true
            state.paused = true
        }
        // A state string reproduces a screen: train up to its step, then wait paused.
        // Progress on stderr while it runs, before the screen is taken (FastForward.swift).
        if fastForward > 0 {
            guard try runFastForward(&state) else { return }
        }
        let final = try Visualizer.run(state: state, recorder: recorder, screen: Terminal())
        // The state string outlives the screen: printed, and kept in a file to paste from.
        let text = final.stateString
        print("state: \(text)")
        if let path = statePath {
            do { try (text + "\n").write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw DropvizError("cannot write the state string to '\(path)': \(error.localizedDescription)")
            }
            print("(also in \(path); reproduce with: dropviz run --state '\(text)')")
        }
        if let path = logPath {
            try CurveLog.write(final.trainer.history, twin: final.twin?.history, to: path)
        }
        if let recorder {
            if let problem = recorder.finish() { throw DropvizError("cannot write the recording '\(recorder.path)': \(problem)") }
            print("recording in \(recorder.path) (play it with: asciinema play \(recorder.path))")
        }
        // Ended by a hang-up, SIGUSR1 or SIGPIPE: the screen is restored and the log written,
        // but the exit status says how it ended (128 + the signal, as the shell reports).
        // SIGINT and SIGTERM are the user's way to quit, like q: status 0.
        let signal = Terminal.receivedSignal
        if signal != 0 && signal != SIGINT && signal != SIGTERM { throw ExitCode(128 + signal) }
    }
}
