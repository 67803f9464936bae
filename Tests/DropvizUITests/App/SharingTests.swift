import DropoutCore
import DropvizUI
import Foundation
import TermUI
import Testing

@Suite struct SharingTests {
    @Test func stateStringReproducesTheRun() throws {
        var s = try Fixtures.state(hidden: [16])
        update(&s, .input(.up))
        for _ in 0..<12 { update(&s, .step) }
        update(&s, .input(.char("S")))
        #expect(s.showState)
        // The box shows the whole string, wrapped after its separators.
        let shown = Fixtures.render(s).lines().map { $0.trimmingCharacters(in: .whitespaces) }
        let wrapped = StateOverlay.wrap(s.stateString, width: 76)
        #expect(wrapped.joined() == s.stateString)
        for line in wrapped { #expect(shown.contains { $0.contains(line) }, "\(line)") }
        let (config, extras) = try StateString.decode(s.stateString, extraKeys: AppState.stateStringKeys)
        // The configuration of step 0 and the change made since, at its step.
        #expect(config == s.trainer.timeline.initialConfig)
        #expect(extras["step"] == "12")
        #expect(extras["changes"] == "0:p1=0.55")
        // Replaying the configuration and its changes to that step gives the same weights.
        let replay = try Trainer(config: config)
        try replay.schedule(RunChange.decode(try #require(extras["changes"])))
        #expect(replay.config == s.trainer.config)
        for _ in 0..<12 { replay.step() }
        #expect(replay.mlp!.weights == s.trainer.mlp!.weights)
    }

    @Test func exportedCurvesAreWellFormedCSV() throws {
        var s = try Fixtures.state(hidden: [16])
        update(&s, .input(.char("t")))
        for _ in 0..<40 { update(&s, .step) }
        s.trainer.evaluate()
        s.twin?.evaluate()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-export-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let message = s.exportCurves(directory: dir)
        #expect(message.hasPrefix("wrote "))
        let text = try String(contentsOfFile: dir + "/dropviz-curves-step40.csv", encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "step,train_loss,val_loss,train_acc,val_acc,twin_train_loss,twin_val_loss,twin_train_acc,twin_val_acc")
        #expect(lines.count == 1 + s.trainer.history.valLoss.points.count)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells.count == 9 && cells.allSatisfy { Double($0) != nil }, "\(line)")
        }
    }

    @Test func everyBuiltInLessonLoads() throws {
        for lesson in BuiltinLessons.all {
            try lesson.check(source: lesson.name)
            let back = try JSONDecoder().decode(Lesson.self, from: Data(lesson.json().utf8))
            #expect(back == lesson)
            #expect(!lesson.caption.isEmpty)
        }
        #expect(Set(BuiltinLessons.all.map(\.name)) == ["overfitting", "scaling", "rate", "uncertainty", "variants", "conv-dropout", "recurrent-dropout", "grid"])
    }

    @Test func lessonOverlayShowsTheCaption() throws {
        var s = try Fixtures.state()
        s.lesson = BuiltinLessons.named("scaling")
        s.showLesson = true
        let text = Fixtures.text(Fixtures.render(s))
        #expect(text.contains("Why dropout rescales"))
        #expect(text.contains("Press s once for none"))
        update(&s, .input(.char("z")))
        #expect(!s.showLesson)
        update(&s, .input(.char("i")))
        #expect(s.showLesson)
    }
}
