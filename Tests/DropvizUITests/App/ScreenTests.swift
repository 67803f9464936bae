import DropoutCore
import DropvizUI
import TermUI
import Testing

@Suite struct ScreenTests {
    @Test(arguments: [(80, 24), (200, 60)])
    func layoutHasEveryPart(width: Int, height: Int) throws {
        var s = try Fixtures.state(width: width, height: height)
        for _ in 0..<30 { update(&s, .step) }
        let b = Fixtures.render(s)
        let lines = b.lines()
        #expect(lines.count == height && lines.allSatisfy { $0.count == width })
        #expect(lines[0].hasPrefix("dropviz · moons"))
        #expect(lines[height - 2].contains("step 30"))
        #expect(lines[height - 2].contains("TRAIN") && lines[height - 2].contains("running"))
        #expect(lines[height - 1].contains("? help") && lines[height - 1].contains("q quit"))
        let text = lines.joined(separator: "\n")
        #expect(text.contains("━ train") && text.contains("━ val"))
        // Braille curves are on the screen.
        #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        // Every unit of both hidden layers is drawn.
        let frames = NetworkDiagram.layout(widths: [2, 128, 128, 2], in: ScreenLayout(width: width, height: height).diagram)
        #expect(frames.allSatisfy { $0.shown == $0.count })
    }

    @Test func helpOverlayListsEveryKey() throws {
        var s = try Fixtures.state()
        update(&s, .input(.char("?")))
        #expect(s.showHelp)
        // Every page of keys (HelpPagingTests checks each is on exactly one).
        var text = ""
        for _ in 0..<HelpOverlay.keyPageCount(glyphs: s.glyphs, in: Rect(x: 0, y: 1, width: s.width, height: s.height - 2)) {
            text += Fixtures.text(Fixtures.render(s))
            update(&s, .input(.char("?")))
        }
        for (keys, action) in KeyBindings.all {
            #expect(text.contains(action), "\(action)")
            #expect(text.contains(keys), "\(keys)")
        }
        update(&s, .input(.char("x")))
        #expect(!s.showHelp)
    }

    @Test func tooSmallShowsAMessageAndRecovers() throws {
        var s = try Fixtures.state(width: 60, height: 20)
        var text = Fixtures.text(Fixtures.render(s))
        #expect(text.contains("at least 80×24"))
        #expect(text.contains("60×20"))
        update(&s, .resize(width: 100, height: 30))
        text = Fixtures.text(Fixtures.render(s))
        #expect(!text.contains("enlarge"))
        #expect(text.contains("hidden1 128"))
    }

    @Test func rateChangeIsMarkedOnThePlot() throws {
        var s = try Fixtures.state(width: 120, height: 40)
        for _ in 0..<40 { update(&s, .step) }
        update(&s, .input(.up))
        for _ in 0..<40 { update(&s, .step) }
        // Linked (the default): one marker for both hidden layers.
        var plot = LinePlot(state: s)
        #expect(plot.markers == [LinePlot.Marker(x: 40, label: "h1-h2 p 0.5→0.55", shortLabel: "0.5→0.55")])
        #expect(Array(s.trainer.config.rates.dropFirst()) == [0.55, 0.55])
        // Unlinked: the selected layer only.
        update(&s, .input(.char("u")))
        update(&s, .input(.up))
        for _ in 0..<40 { update(&s, .step) }
        plot = LinePlot(state: s)
        #expect(plot.markers.last == LinePlot.Marker(x: 80, label: "h1 p 0.55→0.6", shortLabel: "0.55→0.6"))
        #expect(Array(s.trainer.config.rates.dropFirst()) == [0.6, 0.55])
        let text = Fixtures.text(Fixtures.render(s))
        #expect(text.contains("h1-h2 p 0.5→0.55"))
        #expect(text.contains("h1 p 0.55→0.6"))
        #expect(text.contains("┊"))
    }

    @Test func divergenceIsShownAndResetOffered() throws {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.hidden = [8]
        c.rates = [0, 0]
        c.optimizer = .sgd
        c.learningRate = 1e30
        var s = AppState(trainer: try Trainer(config: c), width: 80, height: 24)
        for _ in 0..<100 { update(&s, .step) }
        #expect(s.trainer.diverged)
        let text = Fixtures.text(Fixtures.render(s))
        #expect(text.contains("DIVERGED"))
        #expect(text.contains("press r to reset"))
        update(&s, .input(.char("r")))
        #expect(!s.trainer.diverged && s.trainer.currentStep == 0)
    }
}
