import Foundation
import Testing

@Suite struct TrainCommandTests {
    static let scenario = ["train", "--dataset", "moons", "--noise", "0.35", "--train-size", "80", "--hidden", "128,128",
                           "--optimizer", "adam", "--lr", "0.01", "--rate", "0.5"]

    /// The issue's own command, shortened: a well-formed CSV, the same bytes twice.
    @Test func csvIsWellFormedAndReproducible() throws {
        let args = Self.scenario + ["--steps", "300", "--format", "csv"]
        let a = try CLI.run(args), b = try CLI.run(args)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        let lines = a.stdout.split(separator: "\n")
        #expect(lines.first == "step,epoch,train_loss,val_loss,train_acc,val_acc")
        #expect(lines.count == 5, "header, step 0, 100, 200, 300")
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells.count == 6)
            #expect(cells.allSatisfy { Double($0) != nil }, "\(line)")
        }
        #expect(lines.last?.hasPrefix("300,") == true)
    }

    @Test func jsonLinesParse() throws {
        let r = try CLI.run(["train", "--dataset", "iris", "--hidden", "16", "--steps", "200", "--format", "jsonl"])
        #expect(r.status == 0)
        for line in r.stdout.split(separator: "\n") {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(obj?["val_acc"] is Double)
        }
    }

    @Test func saveLoadAndEval() throws {
        let dir = CLI.temporaryDirectory()
        let model = dir.appendingPathComponent("m.json").path
        let straight = try CLI.run(["train", "--dataset", "xor", "--hidden", "16,16", "--steps", "300", "--format", "csv"])
        let first = try CLI.run(["train", "--dataset", "xor", "--hidden", "16,16", "--steps", "200", "--format", "csv", "--save", model])
        #expect(first.status == 0)
        let resumed = try CLI.run(["resume", model, "--steps", "100", "--format", "csv"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        // The continued run ends exactly where the straight run does.
        #expect(resumed.stdout.split(separator: "\n").last == straight.stdout.split(separator: "\n").last)
        let eval = try CLI.run(["eval", "--load", model, "--format", "json"])
        #expect(eval.status == 0)
        let obj = try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any]
        #expect(obj?["step"] as? Int == 200)
        #expect((obj?["results"] as? [Any])?.count == 2)
        // A saved model keeps its configuration: resume's parser has no --rate to accept.
        let conflict = try CLI.run(["resume", model, "--rate", "0.2"])
        #expect(conflict.status != 0 && conflict.stderr.contains("--rate"), "\(conflict.stderr)")
        // The old spelling points to the new one, in one line.
        let old = try CLI.run(["train", "--load", model, "--steps", "1"])
        #expect(old.status != 0 && old.stderr == "dropviz: train --load is now 'dropviz resume \(model)' (the saved model keeps its own configuration)\n", "\(old.stderr)")
    }

    @Test func datasetsListsEverySet() throws {
        let r = try CLI.run(["datasets"])
        #expect(r.status == 0)
        for name in ["moons", "circle", "xor", "gaussian", "spiral", "sine", "digits", "breast-cancer", "iris", "wine"] {
            #expect(r.stdout.contains(name))
        }
        #expect(r.stdout.contains("1797"))
    }

    @Test func divergenceIsReportedNotACrash() throws {
        let r = try CLI.run(["train", "--optimizer", "sgd", "--lr", "1e30", "--steps", "50", "--format", "csv"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("diverged"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
