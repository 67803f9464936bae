import Foundation
import Testing
@testable import DropoutCore

/// The model as one value (ModelSpec.swift): a configuration holds one kind, and the files and
/// state strings written before it, with their separate `conv` and `lstm` fields, still read
/// and are written as they were.
@Suite struct ModelSpecTests {
    /// Configurations as the release before `ModelSpec` wrote them in model files (copied from
    /// `dropviz train --save` files of that release: an MLP, a CNN with its own settings, an LSTM).
    static let oldConfigurations: [(json: String, model: ModelSpec)] = {
        var conv = ConvSettings()
        conv.blockSize = 3
        conv.channels = [4]
        conv.rates = [0.2]
        conv.variant = .dropblock
        return [
            (#"{"activation":"relu","batchSize":32,"dataset":"moons","dropConnectInference":"moment-matching","dropConnectSamples":32,"evalEvery":100,"hidden":[128,128],"l1":0,"learningRate":0.001,"optimizer":"adam","rates":[0,0.6,0.6],"scaling":"inverted","seed":1,"standoutAlpha":1,"standoutBeta":0,"trainSize":80,"valFraction":0.3,"variant":"bernoulli","weightDecay":0}"#, .mlp),
            (#"{"activation":"relu","batchSize":32,"conv":{"blockSize":3,"channels":[4],"kernel":3,"padding":"same","rates":[0.2],"variant":"dropblock"},"dataset":"digits","dropConnectInference":"moment-matching","dropConnectSamples":32,"evalEvery":100,"hidden":[64],"l1":0,"learningRate":0.01,"optimizer":"adam","rates":[0,0.5],"scaling":"inverted","seed":1,"standoutAlpha":1,"standoutBeta":0,"valFraction":0.3,"variant":"bernoulli","weightDecay":0}"#, .cnn(conv)),
            (#"{"activation":"relu","batchSize":32,"dataset":"sine-seq","dropConnectInference":"moment-matching","dropConnectSamples":32,"evalEvery":100,"hidden":[16],"l1":0,"learningRate":0.01,"lstm":{"variant":"variational"},"optimizer":"adam","rates":[0,0.25],"scaling":"inverted","seed":1,"standoutAlpha":1,"standoutBeta":0,"valFraction":0.3,"variant":"bernoulli","weightDecay":0}"#, .lstm(LSTMSettings(variant: .variational))),
        ]
    }()

    @Test func theTwoOldFieldsMakeOneModel() throws {
        var conv = ConvSettings()
        conv.kernel = 5
        #expect(try ModelSpec(conv: nil, lstm: nil) == .mlp)
        #expect(try ModelSpec(conv: conv, lstm: nil) == .cnn(conv))
        #expect(try ModelSpec(conv: nil, lstm: LSTMSettings(variant: .rnndrop)) == .lstm(LSTMSettings(variant: .rnndrop)))
        #expect(throws: SettingError.self) { try ModelSpec(conv: conv, lstm: LSTMSettings()) }
        for kind in ModelKind.allCases { #expect(ModelSpec(kind).kind == kind) }
    }

    /// `conv` and `lstm` are views of `model`: choosing another kind drops the old settings.
    @Test func aConfigurationHoldsOneModel() {
        var c = TrainingConfig()
        #expect(c.model == .mlp && c.conv == nil && c.lstm == nil)
        c.model = .cnn(ConvSettings())
        #expect(c.conv == ConvSettings() && c.lstm == nil)
        c.model = .lstm(LSTMSettings(variant: .recurrent))
        #expect(c.conv == nil && c.lstm == LSTMSettings(variant: .recurrent))
        c.model = .mlp
        #expect(c.conv == nil && c.lstm == nil)
    }

    /// A configuration of the old files reads back as its one model and is written byte for
    /// byte as it was (sorted keys, as model files are written).
    @Test(arguments: 0..<3)
    func oldConfigurationsReadAndWriteAsBefore(_ i: Int) throws {
        let (json, model) = Self.oldConfigurations[i]
        let c = try JSONDecoder().decode(TrainingConfig.self, from: Data(json.utf8))
        #expect(c.model == model)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: try encoder.encode(c), as: UTF8.self) == json)
    }

    /// A model file whose configuration holds both `conv` and `lstm` describes no model: one
    /// line naming the file and the problem, no trainer built.
    @Test func aModelFileHoldingBothIsOneClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-modelspec-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("both.json").path
        var c = TrainingConfig()
        c.dataset = "xor"
        c.trainSize = 40
        c.hidden = [4]
        c.rates = [0, 0.5]
        try ModelFile(Trainer(config: c)).write(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try ModelFile.read(from: path).config.model == .mlp)
        let conv = #""conv":{"blockSize":2,"channels":[8,16],"kernel":3,"padding":"same","rates":[0.2,0.2],"variant":"spatial"}"#
        let both = text.replacingOccurrences(of: #""config":{"#, with: #""config":{"# + conv + #","lstm":{"variant":"variational"},"#)
        #expect(both != text)
        try both.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ModelFile.read(from: path)
            Issue.record("a file holding both conv and lstm must be refused")
        } catch let e as DropvizError {
            #expect(e.message == "model file '\(path)': model is cnn or lstm, not both: the settings hold conv layers and lstm settings")
            #expect(!e.message.contains("\n"))
        }
        // Each alone is a model (the conv settings fit no 2-feature set, which the trainer says).
        let cnnOnly = text.replacingOccurrences(of: #""config":{"#, with: #""config":{"# + conv + ",")
        try cnnOnly.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ModelFile.read(from: path).config.model == .cnn(ConvSettings()))
    }

    /// State strings: the old CNN and LSTM forms read back as one model and are written as
    /// they were; a string naming both kinds' keys is refused as before.
    @Test func stateStringsKeepTheirForm() throws {
        let cnn = "v1;data=digits;noise=default;train=all;val=0.3;hidden=64;act=relu;rates=0,0.5;scaling=inverted;variant=bernoulli;opt=adam;lr=0.01;batch=32;seed=1;model=cnn;conv=4;kernel=3;pad=same;crates=0.2;cvariant=dropblock;block=3;eval=100"
        let lstm = "v1;data=sine-seq;noise=default;train=all;val=0.3;hidden=16;act=relu;rates=0,0.25;scaling=inverted;variant=bernoulli;opt=adam;lr=0.01;batch=32;seed=1;model=lstm;rvariant=variational;eval=100"
        for (text, model) in [(cnn, Self.oldConfigurations[1].model), (lstm, Self.oldConfigurations[2].model)] {
            let c = try StateString.decode(text).config
            #expect(c.model == model)
            #expect(StateString.encode(c) == text)
        }
        func message(_ s: String) -> String {
            do { _ = try StateString.decode(s); return "no error" } catch { return "\(error)" }
        }
        #expect(message(lstm.replacingOccurrences(of: ";eval=100", with: ";conv=8;eval=100")) == "model is cnn or lstm, not both: the settings hold conv layers and lstm settings")
        #expect(message(cnn.replacingOccurrences(of: ";eval=100", with: ";rvariant=rnndrop;eval=100")).contains("not both"))
        // `model=mlp` after a kind's keys drops them, as it always did.
        #expect(try StateString.decode(cnn.replacingOccurrences(of: ";eval=100", with: ";model=mlp;hidden=64;eval=100")).config.model == .mlp)
    }
}
