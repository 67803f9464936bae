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
        #expect(s.notice == nil)
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

    @Test func theRunnerAnswersAnExportAtOnceWithTheFilesItWrote() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-effect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try Fixtures.state(hidden: [8])
        let runner = EffectRunner(directory: dir.path)
        let answer = runner.run(.exportFigures(theme: .dark), state: s)
        #expect(answer == [.exported(notice: s.exportFigures(directory: dir.path, theme: .dark))])
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("dropviz-curves-step0.csv").path))
        // Nothing runs in the background: nothing to poll.
        #expect(runner.poll().isEmpty)
    }
}
