import Foundation
import Testing
@testable import DropoutCore

/// One activation per hidden layer: the configuration, the network built from it, the state
/// string and the model file; and the single-activation API and files as they were.
@Suite struct PerLayerActivationTests {
    func config(_ activations: [Activation]) -> TrainingConfig {
        var c = TrainingConfig()
        c.dataset = "xor"
        c.trainSize = 60
        c.hidden = [12, 8]
        c.rates = [0.1, 0.5, 0.3]
        c.activations = activations
        c.evalEvery = 25
        return c
    }

    func hiddenActivations(_ net: MLPNetwork) -> [Activation] {
        net.layers.compactMap { ($0 as? ActivationLayer)?.activation }
    }

    @Test func oneActivationAppliesToEveryLayer() throws {
        var c = config([.relu])
        c.activation = .tanh
        #expect(c.activations == [.tanh])
        #expect(c.activation(ofLayer: 1) == .tanh)
        #expect(hiddenActivations(try Trainer(config: c).mlp!) == [.tanh, .tanh])
        c.activations = [.relu, .sigmoid]
        #expect(c.activation == .relu)
        #expect(c.activation(ofLayer: 1) == .sigmoid)
        let net = try Trainer(config: c).mlp!
        #expect(hiddenActivations(net) == [.relu, .sigmoid])
        // Each layer starts with its activation's initialisation (He for ReLU, Glorot for the sigmoid).
        #expect(net.architecture.initializations == [.he, .glorot])
        #expect(net.summary == "2-12-8-2 relu,sigmoid")
    }

    @Test func aWrongCountIsOneClearError() {
        var c = config([.relu, .tanh, .relu])
        #expect(throws: SettingError.self) { try c.validate() }
        do { try c.validate() } catch {
            // The plain name; the command line says `--activation` (SettingFlags.swift).
            #expect("\(error)" == "activations needs 1 value (every hidden layer) or 2 (one per hidden layer), got 3")
            #expect((error as? SettingError)?.setting == .activation)
        }
        c.activations = []
        #expect(throws: SettingError.self) { try c.validate() }
    }

    /// The fused ReLU blocks and the layer-by-layer path agree on a mixed network (the fused
    /// path must skip the tanh block).
    @Test func mixedNetworkFusedAndLayerByLayerAgree() throws {
        let fused = try Trainer(config: config([.relu, .tanh]))
        let plain = try Trainer(config: config([.relu, .tanh]))
        plain.mlp!.usesFastPaths = false
        for _ in 0..<20 { fused.step(); plain.step() }
        let (a, b) = (fused.mlp!.weights, plain.mlp!.weights)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) {
            let worst = zip(x, y).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-4, "\(worst)")
        }
        // And the tanh layer really is tanh: its outputs lie in (-1, 1) and some are negative.
        let t = fused.mlp!.acts[6]  // the output of layers[5], the tanh
        #expect(t.data.allSatisfy { abs($0) < 1 } && t.data.contains { $0 < 0 })
    }

    @Test func stateStringCarriesTheList() throws {
        let c = config([.relu, .tanh])
        let text = StateString.encode(c)
        #expect(text.contains(";act=relu,tanh;"))
        #expect(try StateString.decode(text).config == c)
        // A string from before per-layer activations: one value for every layer.
        let old = StateString.encode(config([.tanh]))
        #expect(old.contains(";act=tanh;"))
        let back = try StateString.decode(old).config
        #expect(back.activations == [.tanh])
        #expect(hiddenActivations(try Trainer(config: back).mlp!) == [.tanh, .tanh])
        #expect(throws: SettingError.self) { try StateString.decode(old.replacingOccurrences(of: "act=tanh", with: "act=relu,tanh,relu")) }
        #expect(throws: SettingError.self) { try StateString.decode(old.replacingOccurrences(of: "act=tanh", with: "act=relu,")) }
    }

    /// ModelFileTests' temporary folder.
    func tempPath(_ name: String) -> String { ModelFileTests().tempPath(name) }

    /// A mixed network saved and loaded continues exactly; a uniform one's file has no list
    /// (as files always were), and such a file loads.
    @Test func modelFileCarriesTheList() throws {
        let t = try Trainer(config: config([.tanh, .relu]))
        for _ in 0..<30 { t.step() }
        let path = tempPath("mixed.json")
        try ModelFile(t).write(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"activations\":[\"tanh\",\"relu\"]"))
        let loaded = try ModelFile.read(from: path).makeTrainer(source: path)
        #expect(loaded.config.activations == [.tanh, .relu])
        #expect(hiddenActivations(loaded.mlp!) == [.tanh, .relu])
        #expect(loaded.mlp!.weights == t.mlp!.weights)
        for _ in 0..<10 { t.step(); loaded.step() }
        #expect(loaded.mlp!.weights == t.mlp!.weights)

        let uniform = try Trainer(config: config([.sigmoid]))
        let upath = tempPath("uniform.json")
        try ModelFile(uniform).write(to: upath)
        let utext = try String(contentsOfFile: upath, encoding: .utf8)
        #expect(!utext.contains("activations") && !utext.contains("initializations"))
        #expect(utext.contains("\"activation\":\"sigmoid\""))
        let uloaded = try ModelFile.read(from: upath).makeTrainer(source: upath)
        #expect(uloaded.config.activations == [.sigmoid])
        #expect(hiddenActivations(uloaded.mlp!) == [.sigmoid, .sigmoid])
    }
}
