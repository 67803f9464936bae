import DropoutCore
import DropvizUI
import TermUI
import Testing

/// Every key does what the help says.
@Suite struct UpdateTests {
    @Test func pauseAndSingleStep() throws {
        var s = try Fixtures.state(hidden: [16])
        update(&s, .input(.char(" ")))
        #expect(s.paused)
        update(&s, .step)
        #expect(s.trainer.currentStep == 0, "no training while paused")
        update(&s, .input(.char("n")))
        #expect(s.trainer.currentStep == 1)
        update(&s, .input(.char(" ")))
        #expect(!s.paused)
        update(&s, .input(.char("n")))
        #expect(s.trainer.currentStep == 1, "n steps only while paused")
        update(&s, .step)
        #expect(s.trainer.currentStep == 2)
    }

    @Test func rateKeys() throws {
        var s = try Fixtures.state(hidden: [16, 16])
        #expect(s.selectedLayer == 1)
        update(&s, .input(.up))
        #expect(s.trainer.mlp!.dropout[1].rate == 0.55)
        update(&s, .input(.char("+")))
        #expect(s.trainer.mlp!.dropout[1].rate == 0.6)
        update(&s, .input(.down))
        update(&s, .input(.char("-")))
        #expect(s.trainer.mlp!.dropout[1].rate == 0.5)
        update(&s, .input(.char("3")))
        #expect(s.trainer.mlp!.dropout[1].rate == 0.3)
        update(&s, .input(.char("0")))
        update(&s, .input(.down))
        #expect(s.trainer.mlp!.dropout[1].rate == 0, "never below 0")
        update(&s, .input(.char("9")))
        for _ in 0..<5 { update(&s, .input(.up)) }
        #expect(s.trainer.mlp!.dropout[1].rate == TrainingConfig.maxRate, "capped at the documented maximum")
    }

    @Test func layerSelectionAndApplyToAll() throws {
        var s = try Fixtures.state(hidden: [16, 16])
        update(&s, .input(.right))
        #expect(s.selectedLayer == 2)
        update(&s, .input(.tab))
        #expect(s.selectedLayer == 0, "wraps to the input layer")
        update(&s, .input(.left))
        #expect(s.selectedLayer == 2)
        update(&s, .input(.char("2")))
        update(&s, .input(.char("a")))
        #expect(s.trainer.mlp!.dropout.map(\.rate) == [0, 0.2, 0.2])
    }

    @Test func selectedUnitStaysInsideTheSelectedLayer() throws {
        var s = try Fixtures.state(hidden: [16])
        for _ in 0..<20 { update(&s, .input(.char("k"))) }
        #expect(s.selectedUnit == 15)
        update(&s, .input(.left))
        #expect(s.selectedLayer == 0 && s.selectedUnit == 1, "the input layer of moons has 2 units")
        update(&s, .input(.char("j")))
        update(&s, .input(.char("j")))
        #expect(s.selectedUnit == 0)
    }

    @Test func mouseClickSelectsALayer() throws {
        var s = try Fixtures.state()
        let layout = ScreenLayout(width: 80, height: 24)
        let frames = NetworkDiagram.layout(widths: [2, 128, 128, 2], in: layout.diagram)
        update(&s, .input(.mouse(x: frames[2].block.x, y: frames[2].block.y)))
        #expect(s.selectedLayer == 2)
        update(&s, .input(.mouse(x: frames[0].frame.x + 1, y: frames[0].frame.y)))
        #expect(s.selectedLayer == 0)
        update(&s, .input(.mouse(x: frames[3].block.x, y: frames[3].block.y)))
        #expect(s.selectedLayer == 0, "the output layer has no dropout to select")
    }

    @Test func toggles() throws {
        var s = try Fixtures.state(hidden: [16])
        update(&s, .input(.char("e"))); #expect(s.evalView)
        update(&s, .input(.char("l"))); #expect(s.logScale)
        update(&s, .input(.char("c"))); #expect(s.showAccuracy)
        let speed = s.speedIndex
        update(&s, .input(.char("]"))); #expect(s.speedIndex == speed + 1)
        update(&s, .input(.char("["))); update(&s, .input(.char("["))); #expect(s.speedIndex == speed - 1)
        update(&s, .input(.char("q"))); #expect(s.quit)
        var t = try Fixtures.state(hidden: [16])
        update(&t, .input(.ctrlC)); #expect(t.quit)
    }

    @Test func resetKeepsInitialWeightsAndNewSeedChangesThem() throws {
        var s = try Fixtures.state(hidden: [16])
        let initial = s.trainer.mlp!.weights
        for _ in 0..<5 { update(&s, .step) }
        update(&s, .input(.char("r")))
        #expect(s.trainer.currentStep == 0 && s.trainer.mlp!.weights == initial)
        let seed = s.trainer.config.seed
        update(&s, .input(.char("R")))
        #expect(s.trainer.config.seed != seed && s.trainer.mlp!.weights != initial)
    }

    /// A rate change reaches the very next step's mask, and changes nothing else.
    @Test func rateChangeReachesTheNextMask() throws {
        var s = try Fixtures.state(hidden: [256])
        for _ in 0..<3 { update(&s, .step) }
        let weights = s.trainer.mlp!.weights
        update(&s, .input(.char("9")))
        #expect(s.trainer.mlp!.weights == weights)
        update(&s, .step)
        let m = s.trainer.mlp!.dropout[1].mask
        let dropped = Double(m.data.filter { $0 == 0 }.count) / Double(m.count)
        // 32 × 256 draws at p = 0.9: 4σ is under 0.01.
        #expect(abs(dropped - 0.9) < 0.01)
    }
}

@Suite struct VariantKeyTests {
    @Test func variantAndScalingSwitchLiveWithoutReset() throws {
        var s = try Fixtures.state(hidden: [16])
        for _ in 0..<5 { update(&s, .step) }
        let weights = s.trainer.mlp!.weights
        update(&s, .input(.char("v")))
        #expect(s.trainer.config.variant == .gaussian)
        #expect(s.trainer.mlp!.weights == weights && s.trainer.currentStep == 5)
        #expect(s.trainer.history.events.last?.label == "variant gaussian")
        update(&s, .input(.char("s")))
        #expect(s.trainer.config.scaling == .vanilla)
        update(&s, .input(.char("s")))
        #expect(s.trainer.config.scaling == Scaling.none)
        #expect(s.notice?.contains("1/(1-p) times larger") == true)
        for _ in 0..<3 { update(&s, .input(.char("v"))) }
        #expect(s.trainer.config.variant == .bernoulli)
        #expect(Fixtures.text(Fixtures.render(s)).contains("NO rescaling"))
        update(&s, .step)
    }

    @Test func formulaLineFollowsTheVariant() throws {
        var s = try Fixtures.state(hidden: [16])
        var seen: [String] = []
        for _ in DropoutVariant.allCases {
            let text = Fixtures.text(Fixtures.render(s))
            // The form that fits the 80-column screen, whole: never cut mid-word.
            let line = Formula.line(s.trainer.config, width: 79)
            #expect(line.count <= 79)
            #expect(text.contains(line))
            seen.append(line)
            update(&s, .input(.char("v")))
        }
        #expect(Set(seen).count == DropoutVariant.allCases.count)
    }

    @Test func datasetControlsRestartAndSaySo() throws {
        var s = try Fixtures.state(hidden: [16])
        settledUpdate(&s, .input(.char("d")))
        #expect(s.trainer.config.dataset == "circle")
        #expect(s.notice?.contains("restarts") == true)
        settledUpdate(&s, .input(.char(")")))
        #expect(s.trainer.config.noise == 0.15)
        settledUpdate(&s, .input(.char("{")))
        #expect(s.trainer.data.train.count == 40)
        settledUpdate(&s, .input(.char("}")))
        #expect(s.trainer.data.train.count == 80)
        for _ in 0..<5 { settledUpdate(&s, .input(.char("d"))) }
        #expect(s.trainer.config.dataset == "digits")
        #expect(s.trainer.mlp!.architecture.inputs == 64)
        settledUpdate(&s, .input(.char("(")))
        #expect(s.notice?.contains("only for generated") == true)
    }
}
