import DropoutCore
@testable import DropvizUI
import TermUI
import Testing

/// The live architecture keys: h H (add, remove a hidden layer), M N (×2, ÷2 units), A Y (the
/// selected layer's activation, every layer's). Each restarts training from the same seed.
@Suite struct ArchitectureKeysTests {
    static func state(hidden: [Int] = [8, 6], width: Int = 80, height: Int = 24) throws -> AppState {
        var s = try Fixtures.state(width: width, height: height, hidden: hidden)
        s.selectedLayer = 1
        for _ in 0..<30 { update(&s, .step) }
        return s
    }

    /// The restarted run is exactly a fresh run of the new configuration (same seed).
    static func expectFreshRun(_ s: AppState) throws {
        #expect(s.trainer.currentStep == 0)
        let fresh = try Trainer(config: s.trainer.config)
        #expect(fresh.mlp!.weights == s.trainer.mlp!.weights)
        #expect(s.trainer.config.seed == 1)
        #expect(s.notice?.contains("training restarts, same seed") == true, "\(s.notice ?? "no notice")")
    }

    @Test func hAddsALayerAfterTheSelectedOneWithItsWidthAndRate() throws {
        var s = try Self.state(hidden: [8, 6])
        update(&s, .input(.char("u")))  // unlinked: give hidden 1 its own rate
        update(&s, .input(.char("3")))
        update(&s, .input(.char("h")))
        #expect(s.trainer.config.hidden == [8, 8, 6])
        #expect(s.trainer.config.rates == [0, 0.3, 0.3, 0.5])
        #expect(s.trainer.mlp!.architecture.widths == [2, 8, 8, 6, 2])
        #expect(s.selectedLayer == 2, "the new layer is selected")
        #expect(s.notice == "hidden 2 added, 8 units: training restarts, same seed (2-8-8-6-2 relu)")
        try Self.expectFreshRun(s)
        // With the input selected, the new layer goes first, as wide as hidden 1.
        s.selectedLayer = 0
        update(&s, .input(.char("h")))
        #expect(s.trainer.config.hidden == [8, 8, 8, 6])
        #expect(s.selectedLayer == 1)
    }

    @Test func theDiagramShowsTheNewLayerAt80x24() throws {
        var s = try Self.state(hidden: [8, 6])
        #expect(!Fixtures.text(Fixtures.render(s)).contains("hidden3"))
        update(&s, .input(.char("h")))
        update(&s, .step)
        let text = Fixtures.text(Fixtures.render(s))
        #expect(text.contains("hidden1 8") && text.contains("hidden2 8") && text.contains("hidden3 6"), "\(text)")
        #expect(text.contains("training restarts"))
    }

    @Test func hStopsAtTheLimit() throws {
        var s = try Self.state(hidden: Array(repeating: 4, count: AppState.maxHiddenLayers))
        update(&s, .input(.char("h")))
        #expect(s.trainer.config.hidden.count == AppState.maxHiddenLayers)
        #expect(s.trainer.currentStep == 30, "nothing restarted")
        #expect(s.notice == "at most \(AppState.maxHiddenLayers) hidden layers")
    }

    @Test func bigHRemovesTheSelectedLayerButNeverTheLast() throws {
        var s = try Self.state(hidden: [8, 6])
        update(&s, .input(.char("u")))
        update(&s, .input(.char("2")))  // hidden 1's rate 0.2; hidden 2 keeps 0.5
        update(&s, .input(.char("H")))
        #expect(s.trainer.config.hidden == [6])
        #expect(s.trainer.config.rates == [0, 0.5])
        #expect(s.selectedLayer == 1)
        #expect(s.notice == "hidden 1 removed: training restarts, same seed (2-6-2 relu)")
        try Self.expectFreshRun(s)
        for _ in 0..<5 { update(&s, .step) }
        update(&s, .input(.char("H")))
        #expect(s.trainer.config.hidden == [6])
        #expect(s.trainer.currentStep == 5)
        #expect(s.notice == "H: the last hidden layer stays (a network needs one)")
    }

    @Test func mAndNDoubleAndHalveWithinTheLimits() throws {
        var s = try Self.state(hidden: [8, 6])
        s.selectedLayer = 2
        update(&s, .input(.char("M")))
        #expect(s.trainer.config.hidden == [8, 12])
        #expect(s.notice == "hidden 2: 12 units: training restarts, same seed (2-8-12-2 relu)")
        try Self.expectFreshRun(s)
        update(&s, .input(.char("N")))
        update(&s, .input(.char("N")))
        #expect(s.trainer.config.hidden == [8, 3])
        update(&s, .input(.char("N")))
        update(&s, .input(.char("N")))
        #expect(s.trainer.config.hidden == [8, 1])
        update(&s, .input(.char("N")))
        #expect(s.trainer.config.hidden == [8, 1])
        #expect(s.notice == "hidden 2: 1 units is the limit (1…512)")
        var wide = try Self.state(hidden: [300])
        update(&wide, .input(.char("M")))
        #expect(wide.trainer.config.hidden == [512], "capped at 512")
        update(&wide, .input(.char("M")))
        #expect(wide.trainer.config.hidden == [512])
        #expect(wide.notice == "hidden 1: 512 units is the limit (1…512)")
    }

    @Test func aCyclesTheSelectedLayerAndYEveryLayer() throws {
        var s = try Self.state(hidden: [8, 6])
        s.selectedLayer = 2
        update(&s, .input(.char("A")))
        #expect(s.trainer.config.activations == [.relu, .leakyRelu])
        #expect(s.trainer.mlp!.layers.compactMap { ($0 as? ActivationLayer)?.activation } == [.relu, .leakyRelu])
        #expect(s.notice == "hidden 2: leaky-relu: training restarts, same seed (2-8-6-2 relu,leaky-relu)")
        try Self.expectFreshRun(s)
        #expect(s.stateString.contains(";act=relu,leaky-relu;"))
        #expect(Fixtures.text(Fixtures.render(s)).contains("8,6 relu,leaky-relu"))
        update(&s, .input(.char("A")))
        #expect(s.trainer.config.activations == [.relu, .tanh])
        // Y: every layer takes the activation after the selected one's: one value again.
        update(&s, .input(.char("Y")))
        #expect(s.trainer.config.activations == [.sigmoid])
        #expect(s.notice == "every hidden layer: sigmoid: training restarts, same seed (2-8-6-2 sigmoid)")
        // Layers added or removed keep their activations.
        update(&s, .input(.char("A")))  // [sigmoid, identity]
        update(&s, .input(.char("h")))
        #expect(s.trainer.config.activations == [.sigmoid, .identity, .identity])
        s.selectedLayer = 1
        update(&s, .input(.char("H")))
        #expect(s.trainer.config.activations == [.identity], "the same for every layer: one value again")
        // Cycling the whole way round comes back to one value.
        update(&s, .input(.char("Y")))
        #expect(s.trainer.config.activations == [.relu])
    }

    @Test func theTwinFollowsTheNewArchitecture() throws {
        var s = try Self.state(hidden: [8, 6])
        update(&s, .input(.char("t")))
        for _ in 0..<10 { update(&s, .step) }
        update(&s, .input(.char("h")))
        let twin = try #require(s.twin)
        #expect(twin.config.hidden == [8, 8, 6])
        #expect(twin.config.rates == [0, s.twinRate, s.twinRate, s.twinRate])
        #expect(twin.currentStep == 0)
        #expect(twin.mlp!.weights == s.trainer.mlp!.weights, "same seed: same initial weights")
        update(&s, .input(.char("A")))
        #expect(s.twin?.config.activations == s.trainer.config.activations)
    }

    /// A new run: the time cursor, the ghost and the recorded changes are the old run's and go.
    @Test func theHistoryAndTheRecordedChangesStartAgain() throws {
        var s = try Self.state(hidden: [8, 6])
        update(&s, .input(.char("4")))  // a rate change: recorded in the state string's changes
        for _ in 0..<30 { update(&s, .step) }
        #expect(s.stateString.contains("changes="))
        update(&s, .input(.pageUp))
        #expect(s.isRewound)
        update(&s, .input(.char("M")))
        #expect(!s.isRewound)
        #expect(s.ghost == nil)
        #expect(s.trainer.history.trainLoss.points.count <= 1)
        #expect(!s.stateString.contains("changes="))
        let back = try StateString.decode(s.stateString, extraKeys: AppState.stateStringKeys).config
        #expect(back == s.trainer.config)
        #expect(back.hidden == [16, 6] && back.rates == [0, 0.4, 0.4])
    }

    @Test func otherModelsAndTheInputSaySo() throws {
        var s = try Self.state(hidden: [8, 6])
        s.selectedLayer = 0
        for key: Character in ["H", "M", "N", "A", "Y"] {
            update(&s, .input(.char(key)))
            #expect(s.notice == "select a hidden layer first (← →)", "\(key)")
            #expect(s.trainer.currentStep == 30)
        }
        var cnn = try ConvDiagramTests.state(.elementwise)
        for key: Character in ["h", "H", "M", "N", "A", "Y"] {
            update(&cnn, .input(.char(key)))
            #expect(cnn.notice == "\(key): changing the layers is for the MLP, not this model")
        }
        #expect(cnn.trainer.config.hidden == [16])
        var lstm = try UnrolledViewTests.state(.variational)
        update(&lstm, .input(.char("h")))
        #expect(lstm.notice == "h: changing the layers is for the MLP, not this model")
    }
}
