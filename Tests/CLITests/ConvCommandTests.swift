import Foundation
import Testing

@Suite struct ConvCommandTests {
    /// `train --model cnn` prints well-formed CSV, the same bytes twice.
    @Test func trainCNNPrintsWellFormedCSV() throws {
        let args = ["train", "--model", "cnn", "--dataset", "digits", "--train-size", "300", "--variant", "dropblock",
                    "--steps", "60", "--eval-every", "20", "--format", "csv"]
        let a = try CLI.run(args), b = try CLI.run(args)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        let lines = a.stdout.split(separator: "\n")
        #expect(lines.first == "step,epoch,train_loss,val_loss,train_acc,val_acc")
        #expect(lines.count == 5, "header, steps 0, 20, 40, 60")
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells.count == 6 && cells.allSatisfy { Double($0) != nil }, "\(line)")
        }
    }

    /// Save, eval and resume a CNN through the model file.
    @Test func saveEvalAndLoadACNN() throws {
        let dir = CLI.temporaryDirectory()
        let model = dir.appendingPathComponent("cnn.json").path
        let train = try CLI.run(["train", "--model", "cnn", "--dataset", "digits", "--train-size", "200", "--conv-variant", "spatial",
                                 "--steps", "20", "--format", "csv", "--save", model])
        #expect(train.status == 0, "\(train.stderr)")
        let eval = try CLI.run(["eval", "--load", model])
        #expect(eval.status == 0 && eval.stdout.contains("conv 8,16"), "\(eval.stdout)\(eval.stderr)")
        let mc = try CLI.run(["eval", "--load", model, "--mc-samples", "5"])
        #expect(mc.status != 0 && mc.stderr.contains("not for this model"))
        let resumed = try CLI.run(["resume", model, "--steps", "10", "--format", "csv"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
    }

    @Test func sweepCNN() throws {
        let r = try CLI.run(["sweep", "--model", "cnn", "--dataset", "digits", "--train-size", "200", "--variant", "spatial",
                             "--sweep-rates", "0,0.3", "--seeds", "1", "--steps", "30", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 3, "\(r.stdout)")
    }

    @Test func badConvInputSaysWhy() throws {
        let cases: [([String], String)] = [
            (["train", "--model", "cnn", "--dataset", "moons", "--steps", "1"], "needs image data"),
            (["train", "--variant", "spatial", "--dataset", "digits", "--steps", "1"], "needs --model cnn"),
            (["train", "--model", "cnn", "--dataset", "digits", "--padding", "valid", "--steps", "1"], "too small to pool"),
            (["train", "--model", "cnn", "--dataset", "digits", "--conv-rates", "0.1", "--steps", "1"], "--conv-rates needs 2 values"),
            (["train", "--model", "rnn", "--steps", "1"], "--model: unknown value 'rnn'"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(args)
            #expect(r.status != 0 && r.stderr.contains(message), "\(args): \(r.stderr)")
        }
    }
}
