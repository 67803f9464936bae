import Foundation
import Testing
@testable import DropoutCore

@Suite struct ModelFileTests {
    func tempPath(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    func config(_ optimizer: OptimizerKind) -> TrainingConfig {
        var c = TrainingConfig()
        c.dataset = "xor"
        c.trainSize = 60
        c.hidden = [12, 8]
        c.rates = [0.1, 0.5, 0.3]
        c.optimizer = optimizer
        c.evalEvery = 25
        return c
    }

    /// Save after 60 steps, load, run 40 more: bit for bit the same as 100 straight steps,
    /// for every optimiser (their state is saved too).
    @Test(arguments: OptimizerKind.allCases)
    func saveAndLoadContinuesExactly(_ kind: OptimizerKind) throws {
        let straight = try Trainer(config: config(kind))
        for _ in 0..<100 { straight.step() }

        let first = try Trainer(config: config(kind))
        for _ in 0..<60 { first.step() }
        let path = tempPath("m-\(kind).json")
        try ModelFile(first).write(to: path)
        let resumed = try ModelFile.read(from: path).makeTrainer(source: path)
        #expect(resumed.currentStep == 60)
        #expect(resumed.mlp!.weights == first.mlp!.weights)
        for _ in 0..<40 { resumed.step() }
        #expect(resumed.mlp!.weights == straight.mlp!.weights)
        #expect(resumed.measure(resumed.data.validation).loss == straight.measure(straight.data.validation).loss)
    }

    @Test func theFileIsVersionedJSON() throws {
        let t = try Trainer(config: config(.adam))
        let path = tempPath("v.json")
        try ModelFile(t).write(to: path)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        #expect(object?["format"] as? String == "dropviz-model")
        #expect(object?["version"] as? Int == 3)
        #expect((object?["parameters"] as? [Any])?.count == 6)
    }

    @Test func corruptOrMismatchedFilesGiveClearErrors() throws {
        let t = try Trainer(config: config(.sgd))
        let good = tempPath("good.json")
        try ModelFile(t).write(to: good)
        let text = try String(contentsOfFile: good, encoding: .utf8)

        func error(_ contents: String) -> String {
            let p = tempPath("bad.json")
            try? contents.write(toFile: p, atomically: true, encoding: .utf8)
            do {
                _ = try ModelFile.read(from: p).makeTrainer(source: p)
                return "no error"
            } catch let e as DropvizError {
                return e.message
            } catch {
                return "unexpected \(error)"
            }
        }
        #expect(error(String(text.prefix(text.count / 2))).contains("not valid JSON"))
        #expect(error("{\"hello\": 1}").contains("not a dropviz model file"))
        #expect(error(text.replacingOccurrences(of: "\"version\":3", with: "\"version\":7")).contains("version 7"))
        #expect(error(text.replacingOccurrences(of: "\"hidden\":[12,8]", with: "\"hidden\":[12,9]")).contains("wrong shape"))
        #expect(error(text.replacingOccurrences(of: "\"step\":0", with: "\"step\":\"x\"")).contains("corrupt"))
        // A bad setting names the file and the setting (plainly: a model file has no flags).
        let badRate = try #require(text.range(of: #""learningRate":[^,}]*"#, options: .regularExpression))
        #expect(error(text.replacingCharacters(in: badRate, with: "\"learningRate\":-1")).hasSuffix("': learning rate must be a positive number, got -1.0"))
        do {
            _ = try ModelFile.read(from: tempPath("missing.json"))
            Issue.record("a missing file must fail")
        } catch let e as DropvizError {
            #expect(e.message.contains("does not exist"))
        }
    }

    @Test func writingIsAtomic() throws {
        // A failed write leaves the previous file untouched.
        let t = try Trainer(config: config(.sgd))
        let path = tempPath("atomic.json")
        try ModelFile(t).write(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: DropvizError.self) { try ModelFile(t).write(to: "/nonexistent-dir/x.json") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
