import DropoutCore
import Foundation
import TermUI
import Testing
@testable import DropvizUI

/// `update` returns what it cannot do to the state (files, the sweep) as effects, and the
/// results of those come back as messages that only change the state.
@Suite struct EffectTests {
    @Test func exportIsAnEffectAndWritesNothingByItself() throws {
        var s = try Fixtures.state(hidden: [8])
        let before = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath)
        let effects = update(&s, .input(.char("x")))
        #expect(effects == [.exportFigures(theme: .dark)])
        #expect(s.notice == s.tr(.exportingFigures))
        #expect(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath).count == before.count)
        s.figureTheme = .light
        #expect(update(&s, .input(.char("x"))) == [.exportFigures(theme: .light)])
        // The answer is shown as the notice.
        update(&s, .exported(notice: "wrote a.svg"))
        #expect(s.notice == "wrote a.svg")
    }

    @Test func sweepKeyAsksForASweepOfTheCurrentConfigAndShowsItEmpty() throws {
        var s = try Fixtures.state(hidden: [8])
        let effects = update(&s, .input(.char("W")))
        let plan = RateSweep.Plan(config: s.trainer.config, rates: SweepJob.defaultRates, seeds: 3, steps: SweepJob.steps)
        #expect(effects == [.startSweep(plan)])
        #expect(s.panel == .sweep)
        #expect(s.sweep == SweepJob.Snapshot(total: 30, steps: SweepJob.steps, seeds: 3))
        #expect(Fixtures.text(Fixtures.render(s)).contains("0/30 runs"))
        // Progress replaces what the panel shows.
        var progress = SweepJob.Snapshot(empty: plan)
        progress.failure = "out of memory"
        update(&s, .sweepProgress(progress))
        #expect(s.sweep == progress)
    }

    @Test func otherKeysAndStepsAskForNothing() throws {
        var s = try Fixtures.state(hidden: [8])
        for key in [" ", "n", "p", "?"] {
            #expect(update(&s, .input(.char(Character(key)))).isEmpty, "\(key)")
        }
        s.paused = false
        #expect(update(&s, .step).isEmpty)
        #expect(update(&s, .resize(width: 100, height: 30)).isEmpty)
    }

    @Test func theRunnerWritesAnExportOnAnotherThreadAndAnswersWithTheFilesItWrote() throws {
        let dir = try Self.temporaryDirectory("effect")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try Fixtures.state(hidden: [8])
        let runner = EffectRunner(directory: dir.path)
        // Nothing at once: the loop's thread only prepares the files.
        #expect(runner.run(.exportFigures(theme: .dark), state: s).isEmpty)
        // A second x while the first is being written is told so, and writes nothing more.
        #expect(runner.run(.exportFigures(theme: .dark), state: s) == [.exported(notice: s.tr(.exportBusy))])
        let answers = Self.poll(runner)
        #expect(answers == [.exported(notice: s.exportFigures(directory: dir.path, theme: .dark))])
        for name in ["plot", "network", "map"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("dropviz-\(name)-step0.svg").path))
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("dropviz-curves-step0.csv").path))
        #expect(runner.poll().isEmpty)
    }

    /// The loop's runner keeps no log of its effects: a panel request holds a snapshot of the
    /// weights, and a log of them grew by every frame's snapshots for as long as the program ran.
    @Test func theLoopsRunnerKeepsNoLog() throws {
        let dir = try Self.temporaryDirectory("nolog")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try Fixtures.state(hidden: [8])
        let runner = EffectRunner(directory: dir.path)
        _ = runner.run(.exportFigures(theme: .dark), state: s)
        #expect(runner.log.isEmpty)
        _ = Self.poll(runner)
        let logging = EffectRunner(directory: dir.path, keepsLog: true)
        _ = logging.run(.exportFigures(theme: .dark), state: s)
        #expect(logging.log == [.exportFigures(theme: .dark)])
        _ = Self.poll(logging)
    }

    /// The decision map, the one figure that predicts at every pixel, is left to the writing
    /// thread: the loop's thread only takes a snapshot of the weights for it.
    @Test func theDecisionMapIsDrawnWhenWrittenNotWhenPrepared() throws {
        let s = try Fixtures.state(hidden: [8], variant: .dropconnect)
        let export = s.figureExport(directory: "/nonexistent", theme: .dark)
        let maps = export.figures.filter { $0.name.contains("-map-") }
        #expect(maps.count == 1)
        guard case .decisionMap = maps[0].document else {
            Issue.record("the map was drawn while the export was prepared")
            return
        }
        // Its text, drawn on the writing thread, is the one the on-the-spot export writes.
        let dir = try Self.temporaryDirectory("map")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = s.figureExport(directory: dir.path, theme: .dark).write()
        let written = try String(contentsOf: dir.appendingPathComponent("dropviz-map-step0.svg"), encoding: .utf8)
        #expect(written == DecisionMapFigure.svg(s.trainer, title: s.tr(.decisionMapTitle, 0), caption: title(s), theme: .dark))
    }

    /// A cancelled export stops before the map and writes nothing after it.
    @Test func aCancelledExportWritesNothingMore() throws {
        let dir = try Self.temporaryDirectory("cancel")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try Fixtures.state(hidden: [8])
        let token = CancellationToken()
        token.cancel()
        #expect(s.figureExport(directory: dir.path, theme: .dark).write(token: token) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// A new empty folder of its own under the temporary directory (the caller removes it).
    static func temporaryDirectory(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The messages the runner's background work answers, polled until it is idle (at most 60 s).
    static func poll(_ runner: EffectRunner) -> [Msg] {
        var answers: [Msg] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while runner.isWorking && ContinuousClock.now < deadline {
            answers += runner.poll()
            Thread.sleep(forTimeInterval: 0.005)
        }
        return answers + runner.poll()
    }
}
