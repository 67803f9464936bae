import Testing
@testable import DropoutCore

/// The core refuses a bad configuration with data (which setting, which value), and its text
/// names no command-line flag: the command line adds its own names (CLI tests check those).
@Suite struct SettingErrorTests {
    func refusal(_ change: (inout TrainingConfig) -> Void) -> SettingError? {
        var c = TrainingConfig()
        change(&c)
        do { try c.validate(); return nil } catch { return error as? SettingError }
    }

    @Test func badSettingsAreDataWithoutFlags() throws {
        let cases: [((inout TrainingConfig) -> Void, SettingError.Setting, String)] = [
            ({ $0.learningRate = -1 }, .learningRate, "-1.0"),
            ({ $0.batchSize = -5 }, .batchSize, "-5"),
            ({ $0.rates = [0, 1.5, 0.5] }, .rate, "1.5"),
            ({ $0.hidden = [8, 0]; $0.rates = [0, 0, 0] }, .hidden, "0"),
            ({ $0.valFraction = 1 }, .valFraction, "1.0"),
            ({ $0.dropConnectSamples = 0 }, .dropConnectSamples, "0"),
            ({ $0.evalEvery = 0 }, .evalEvery, "0"),
            ({ var conv = ConvSettings(); conv.kernel = 9; $0.model = .cnn(conv) }, .kernel, "9"),
            ({ $0.dataset = "digits"; $0.noise = 0.2 }, .noise, "0.2"),
        ]
        for (change, setting, value) in cases {
            let e = try #require(refusal(change), "\(setting)")
            #expect(e.setting == setting && e.value == value, "\(e)")
            #expect(!e.description.contains("--"), "\(e)")
            #expect(e.description.hasPrefix(setting.name), "\(e)")
        }
        #expect(refusal { _ in } == nil)
    }

    @Test func ratesSayWhichRate() {
        #expect(throws: SettingError(.convRate, value: Float(1), "must be in [0, 1), got 1.0")) { try TrainingConfig.checkRate(1, setting: .convRate) }
        #expect(throws: Never.self) { try TrainingConfig.checkRate(0.5) }
    }
}
