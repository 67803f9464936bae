import Foundation
import Testing
@testable import DropoutCore

@Suite struct ConvNetworkTests {
    static func config(_ variant: ConvDropoutVariant) -> TrainingConfig {
        var c = TrainingConfig()
        c.dataset = "digits"
        var conv = ConvSettings()
        conv.variant = variant
        c.model = .cnn(conv)
        c.hidden = ConvSettings.defaultHidden
        c.rates = [0, 0.5]
        c.evalEvery = 100_000
        return c
    }

    /// A CNN learns UCI digits with every conv variant in a short run.
    @Test(arguments: ConvDropoutVariant.allCases)
    func learnsDigits(_ variant: ConvDropoutVariant) throws {
        let t = try Trainer(config: Self.config(variant))
        #expect(t.model.kind == .cnn && t.mlp == nil && t.cnn != nil)
        for _ in 0..<800 { t.step() }
        let e = t.evaluate()
        #expect(Double(e.valAccuracy ?? 0) >= 0.9, "\(variant): validation accuracy \(e.valAccuracy ?? 0)")
    }

    /// Save after 30 steps, load, run 20 more: bit for bit the same as 50 straight steps.
    @Test(arguments: [ConvDropoutVariant.spatial, .dropblock, .maxpool])
    func saveAndLoadContinuesExactly(_ variant: ConvDropoutVariant) throws {
        var c = Self.config(variant)
        var conv = try #require(c.conv)
        conv.rates = [0.3, 0.2]
        c.model = .cnn(conv)
        c.evalEvery = 20
        let straight = try Trainer(config: c)
        for _ in 0..<50 { straight.step() }
        let first = try Trainer(config: c)
        for _ in 0..<30 { first.step() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-cnn-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("cnn-\(variant).json").path
        try ModelFile(first).write(to: path)
        let file = try ModelFile.read(from: path)
        #expect(file.version == 3 && file.config.conv == c.conv)
        let resumed = try file.makeTrainer(source: path)
        #expect(resumed.model.kind == .cnn)
        #expect(resumed.model.parameters.map(\.value) == first.model.parameters.map(\.value))
        for _ in 0..<20 { resumed.step() }
        #expect(resumed.model.parameters.map(\.value) == straight.model.parameters.map(\.value))
        #expect(resumed.measure(resumed.data.validation).loss == straight.measure(straight.data.validation).loss)
    }

    /// MLP files (now version 3, like every kind) carry no conv settings, and load as MLPs.
    @Test func mlpFilesAreUnchanged() throws {
        var c = TrainingConfig()
        c.dataset = "xor"
        c.hidden = [8]
        c.rates = [0, 0.5]
        let t = try Trainer(config: c)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-mlp-\(getpid()).json").path
        try ModelFile(t).write(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"version\":3") && !text.contains("conv"))
        let loaded = try ModelFile.read(from: path).makeTrainer(source: path)
        #expect(loaded.model.kind == .mlp && loaded.mlp != nil)
    }

    /// Rate keys reach the conv positions: conv positions first, then the dense ones; the
    /// configuration, the plot's marker and the variant switch follow.
    @Test func liveChangesReachTheConvLayers() throws {
        let t = try Trainer(config: Self.config(.spatial))
        #expect(t.model.positionNames == ["c1", "c2", "flat", "h1"])
        for _ in 0..<3 { t.step() }
        try t.setRate(0.5, layer: 1)
        #expect(t.cnn?.convDropout[1].rate == 0.5 && t.config.conv?.rates == [0.2, 0.5])
        try t.setRate(0.3, layer: 3)
        #expect(t.cnn?.head.dropout[1].rate == 0.3 && t.config.rates == [0, 0.3])
        #expect(t.history.events.map(\.label).contains("c2 p 0.2→0.5"))
        try t.setConvVariant(.dropblock)
        #expect(t.cnn?.convDropout.allSatisfy { $0.variant == .dropblock } == true)
        t.step()
        #expect(t.config.conv?.variant == .dropblock)
        // The state string carries the CNN.
        let (decoded, _) = try StateString.decode(StateString.encode(t.config))
        #expect(decoded == t.config)
    }

    @Test func imageDataAreRequired() throws {
        var c = Self.config(.spatial)
        c.dataset = "moons"
        #expect(throws: SettingError.self) { try Trainer(config: c) }
        var v = Self.config(.spatial)
        var conv = try #require(v.conv)
        conv.padding = .valid
        v.model = .cnn(conv)
        #expect(throws: SettingError.self, "8→6→3→1 cannot be pooled") { try Trainer(config: v) }
        conv.channels = [8]
        conv.rates = [0.2]
        v.model = .cnn(conv)
        #expect((try? Trainer(config: v)) != nil, "one valid conv layer: 8→6→3")
    }
}
