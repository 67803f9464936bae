import Foundation
import Testing

/// `--activation`: one value for every hidden layer, or one per hidden layer; a wrong count or
/// name is one line on stderr; the list reaches the saved model.
@Suite struct ActivationOptionTests {
    @Test func aListGivesEachLayerItsActivation() throws {
        let model = CLI.temporaryDirectory().appendingPathComponent("mixed.json").path
        let r = try CLI.run(["train", "--dataset", "xor", "--hidden", "8,6", "--activation", "relu,tanh", "--steps", "20",
                             "--format", "csv", "--save", model])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: model))) as? [String: Any]
        let config = object?["config"] as? [String: Any]
        #expect(config?["activations"] as? [String] == ["relu", "tanh"])
        let architecture = object?["architecture"] as? [String: Any]
        #expect(architecture?["activations"] as? [String] == ["relu", "tanh"])
        #expect(architecture?["initializations"] as? [String] == ["he", "glorot"])
        // One value: every layer, and the file as it always was (no list).
        let one = CLI.temporaryDirectory().appendingPathComponent("one.json").path
        let u = try CLI.run(["train", "--dataset", "xor", "--hidden", "8,6", "--activation", "tanh", "--steps", "5", "--format", "csv", "--save", one])
        #expect(u.status == 0, "\(u.stderr)")
        let text = try String(contentsOfFile: one, encoding: .utf8)
        #expect(text.contains("\"activation\":\"tanh\"") && !text.contains("activations"))
    }

    @Test func aWrongCountOrNameIsOneLine() throws {
        for (args, needle) in [(["--hidden", "8,6", "--activation", "relu,tanh,relu"], "--activation needs 1 value (every hidden layer) or 2 (one per hidden layer), got 3"),
                               (["--hidden", "8", "--activation", "relu,tanh"], "--activation needs 1 value (one hidden layer), got 2"),
                               (["--hidden", "8,6", "--activation", "relu,swish"], "--activation: unknown value 'swish'")] {
            let r = try CLI.run(["train", "--dataset", "xor", "--steps", "1"] + args)
            #expect(r.status != 0)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(r.stderr.contains(needle), "\(r.stderr)")
        }
    }
}
