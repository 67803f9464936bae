import Foundation
import Testing
@testable import DropoutCore

/// Errors name settings as data: the core writes no command-line flag, and each front end
/// spells the settings its own way (the command line's flags: CLITests/SettingFlagMessageTests).
@Suite struct SettingWordsTests {
    /// Spells a setting so that a test can see where each one went.
    static func marked(_ s: SettingError.Setting) -> String { "<\(s.rawValue)>" }

    func refusal(_ body: () throws -> Void) throws -> SettingError {
        do { try body() } catch let e as SettingError { return e }
        throw DropvizError("no SettingError")
    }

    @Test func errorsThatNamedFlagsNameSettings() throws {
        let cases: [(SettingError, SettingError.Setting, String, String)] = [
            (try refusal { _ = try RateGrid.parse("0,half") }, .grid,
             "rate grid: 'half' is not a rate (give 2 to 9 rates such as 0,0.25,0.5)", "<grid>: 'half' is not a rate (give 2 to 9 rates such as 0,0.25,0.5)"),
            (try refusal { try RateGrid.check([0.5]) }, .grid, "rate grid needs 2 to 9 rates, got 1", "<grid> needs 2 to 9 rates, got 1"),
            (try refusal { _ = try RateSweep.Shard(parsing: "3/2") }, .shard,
             "shard 3/2: K must be between 1 and N, and N at least 1", "<shard> 3/2: K must be between 1 and N, and N at least 1"),
            (try refusal { _ = try InputFeature.parse("x1,x1") }, .features, "input features: 'x1' is listed twice", "<features>: 'x1' is listed twice"),
            (try refusal { _ = try StateString.decode("v1;colour=blue") }, .state, "state string: unknown key 'colour'", "<state>: unknown key 'colour'"),
            // A setting error inside another: both spelt by the same front end.
            (try refusal { _ = try StateString.decode("v1;data=moons;features=x1,x1") }, .state,
             "state string: input features: 'x1' is listed twice", "<state>: <features>: 'x1' is listed twice"),
            (try refusal {
                var c = TrainingConfig()
                c.hidden = [8, 8, 8]
                c.rates = [0, 0.5, 0.5, 0.5]
                c.activations = [.relu, .tanh]
                try c.validate()
            }, .activation, "activations needs 1 value (every hidden layer) or 3 (one per hidden layer), got 2",
             "<activation> needs 1 value (every hidden layer) or 3 (one per hidden layer), got 2"),
        ]
        for (error, setting, plain, marked) in cases {
            #expect(error.setting == setting, "\(error)")
            #expect(error.description == plain)
            #expect(error.message(naming: Self.marked) == marked)
        }
    }

    /// A sentence names its settings where it says so, and the main setting is not put in front.
    @Test func aSentenceNamesSettingsInside() {
        let e = SettingError(.maxMemory, value: 5, sentence: "too big (\(setting: .hidden), \(setting: .batchSize)); \(SettingWords("set by \(setting: .maxMemory)"))")
        #expect(e.message(naming: Self.marked) == "too big (<hidden>, <batchSize>); set by <maxMemory>")
        #expect(e.description == "too big (hidden widths, batch size); set by the memory limit option")
        #expect(e.problem == e.description)
    }

    /// The source itself: no string literal in DropoutCore holds a flag (`--`), so no error
    /// message can.
    @Test func noStringInTheCoreNamesAFlag() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/DropoutCore")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        let literal = try Regex(#""[^"]*--[a-z][^"]*""#)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//"), line.contains(literal) else { continue }
                found.append("\(file):\(n + 1): \(code)")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
