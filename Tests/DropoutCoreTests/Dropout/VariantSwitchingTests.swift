import Foundation
import Testing
@testable import DropoutCore

/// Changing the variant between two steps resets nothing, and runs with the new variants and
/// settings save and load like any other.
@Suite struct VariantSwitchingTests {
    func config(_ variant: DropoutVariant = .bernoulli) -> TrainingConfig {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.trainSize = 60
        c.hidden = [12, 8]
        c.rates = [0.1, 0.5, 0.3]
        c.variant = variant
        c.evalEvery = 20
        return c
    }

    @Test func switchingKeepsTheWeightsAndTrainingGoesOn() throws {
        let t = try Trainer(config: config())
        for _ in 0..<30 { t.step() }
        for variant in [DropoutVariant.dropconnect, .standout, .gaussian, .bernoulli, .dropconnect] {
            let weights = t.mlp!.weights, step = t.currentStep
            t.setVariant(variant)
            #expect(t.mlp!.weights == weights)
            #expect(t.currentStep == step)
            #expect(t.mlp!.dropout.allSatisfy { $0.variant == variant })
            for _ in 0..<30 {
                let r = t.step()
                #expect(r?.batchLoss.isFinite == true)
            }
            #expect(t.mlp!.weights != weights)
            #expect(t.evaluate().valLoss.isFinite)
        }
        #expect(t.history.events.contains { $0.label == "variant dropconnect" })
    }

    @Test(arguments: [DropoutVariant.dropconnect, .standout])
    func saveAndLoadContinuesExactly(_ variant: DropoutVariant) throws {
        var c = config(variant)
        c.standoutAlpha = 1.5
        c.standoutBeta = -0.25
        c.dropConnectSamples = 8
        let straight = try Trainer(config: c)
        for _ in 0..<60 { straight.step() }
        let first = try Trainer(config: c)
        for _ in 0..<35 { first.step() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-variant-\(getpid())-\(variant).json").path
        try ModelFile(first).write(to: path)
        let resumed = try ModelFile.read(from: path).makeTrainer(source: path)
        #expect(resumed.config == c)
        for _ in 0..<25 { resumed.step() }
        #expect(resumed.mlp!.weights == straight.mlp!.weights)
        #expect(resumed.measure(resumed.data.validation).loss == straight.measure(straight.data.validation).loss)
    }

    /// A version-1 file written before these settings existed loads with their defaults.
    @Test func filesWithoutTheNewSettingsLoadWithDefaults() throws {
        let t = try Trainer(config: config())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-old-\(getpid()).json").path
        try ModelFile(t).write(to: path)
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
        var config = object["config"] as? [String: Any] ?? [:]
        for key in ["standoutAlpha", "standoutBeta", "dropConnectInference", "dropConnectSamples"] {
            #expect(config[key] != nil)
            config[key] = nil
        }
        object["config"] = config
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        let loaded = try ModelFile.read(from: path)
        let defaults = TrainingConfig()
        #expect(loaded.config.standoutAlpha == defaults.standoutAlpha)
        #expect(loaded.config.standoutBeta == defaults.standoutBeta)
        #expect(loaded.config.dropConnectInference == defaults.dropConnectInference)
        #expect(loaded.config.dropConnectSamples == defaults.dropConnectSamples)
        #expect(loaded.config == t.config)
    }

    @Test func settingsReachTheLayersAndAreValidated() throws {
        let t = try Trainer(config: config(.standout))
        try t.setStandout(alpha: -2, beta: 0.5)
        #expect(t.mlp!.dropout.allSatisfy { $0.standoutAlpha == -2 && $0.standoutBeta == 0.5 })
        try t.setDropConnectInference(.meanField, samples: 64)
        #expect(t.mlp!.dropout.allSatisfy { $0.connectionInference == .meanField && $0.inferenceSamples == 64 })
        #expect(throws: SettingError.self) { try t.setDropConnectInference(.momentMatching, samples: 0) }
        var bad = config()
        bad.standoutAlpha = .nan
        #expect(throws: SettingError.self) { try bad.validate() }
    }
}
