import Foundation
import Testing
@testable import DropoutCore

/// `--model lstm` through `Trainer`: the model it builds, live changes, state strings, files.
@Suite struct LSTMTrainerTests {
    static func config(_ variant: RecurrentDropoutVariant = .variational, dataset: String = "adding", rates: [Float] = [0.1, 0.25]) -> TrainingConfig {
        var c = TrainingConfig()
        c.dataset = dataset
        c.sequenceLength = 12
        c.hidden = [8]
        c.rates = rates
        c.model = .lstm(LSTMSettings(variant: variant))
        c.evalEvery = 10
        return c
    }

    @Test func trainerBuildsTheLSTM() throws {
        let t = try Trainer(config: Self.config())
        #expect(t.model.kind == .lstm && t.config.model.kind == .lstm && t.mlp == nil && t.cnn == nil)
        let net = try #require(t.lstmModel)
        #expect(net.lstm.inputWidth == 2 && net.lstm.hiddenWidth == 8 && net.steps == 12 && net.readoutKind == .last)
        #expect(net.lstm.inputRate == 0.1 && net.lstm.rate == 0.25)
        #expect(t.model.dropoutPositions.map(\.unitCount) == [2, 8])
        t.step()
        #expect(net.lstm.masks.hidden.count == 12 && net.lstm.masks.input.count == 12)
        let sine = try Trainer(config: Self.config(dataset: "sine-seq"))
        #expect(sine.lstmModel?.readoutKind == .everyStep && sine.lstmModel?.lstm.inputWidth == 1)
        sine.step()
        #expect(sine.model.output.cols == 12)
    }

    @Test func badConfigurationsAreRefused() {
        func message(_ change: (inout TrainingConfig) -> Void) -> String {
            var c = Self.config()
            change(&c)
            do { _ = try Trainer(config: c); return "" } catch { return "\(error)" }
        }
        #expect(message { $0.dataset = "moons" }.contains("needs a sequence data set"))
        #expect(message { $0.hidden = [8, 8]; $0.rates = [0, 0, 0] }.contains("an LSTM takes one width"))
        // The core names the setting, not a command-line flag (the CLI adds the flag).
        #expect(message { $0.sequenceLength = 1 } == "sequence length must be between 2 and \(SequenceDatasets.maxLength), got 1")
        #expect(message { $0.model = .mlp; $0.dataset = "moons" }.contains("sequence length applies to the sequence data sets"))
    }

    /// Rates and the variant change between steps without resetting anything, and are marked.
    @Test func liveChanges() throws {
        let t = try Trainer(config: Self.config(.naive))
        for _ in 0..<3 { t.step() }
        let weights = t.model.parameters.map(\.value)
        try t.setRate(0.5, layer: 1)
        try t.setRecurrentVariant(.rnndrop)
        #expect(t.model.parameters.map(\.value) == weights)
        #expect(t.config.rates == [0.1, 0.5] && t.config.lstm?.variant == .rnndrop)
        #expect(t.history.events.map(\.label) == ["rec p 0.25→0.5", "rnn rnndrop"])
        t.step()
        let net = try #require(t.lstmModel)
        #expect(net.lstm.masks.cell.count == 12 && net.lstm.masks.hidden.isEmpty)
        let mlp = try Trainer(config: TrainingConfig())
        #expect(throws: DropvizError.self) { try mlp.setRecurrentVariant(.naive) }
    }

    @Test func stateStringsRoundTrip() throws {
        let c = Self.config(.recurrent)
        let s = StateString.encode(c)
        #expect(s.contains("model=lstm") && s.contains("rvariant=recurrent") && s.contains("seq=12"))
        let (back, _) = try StateString.decode(s)
        #expect(back == c)
    }

    /// Save after 15 steps, load, 10 more: the same weights as 25 straight steps.
    @Test(arguments: RecurrentDropoutVariant.allCases)
    func saveAndLoadContinuesExactly(_ variant: RecurrentDropoutVariant) throws {
        let straight = try Trainer(config: Self.config(variant))
        for _ in 0..<25 { straight.step() }
        let first = try Trainer(config: Self.config(variant))
        for _ in 0..<15 { first.step() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-lstm-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("\(variant).json").path
        try ModelFile(first).write(to: path)
        let file = try ModelFile.read(from: path)
        #expect(file.version == 3 && file.config.lstm?.variant == variant)
        let resumed = try file.makeTrainer(source: path)
        for _ in 0..<10 { resumed.step() }
        #expect(resumed.model.parameters.map(\.value) == straight.model.parameters.map(\.value))
    }
}
