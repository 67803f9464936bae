import Foundation
import Testing

/// `--model lstm` on the command line: train, save and load, sweep, the options' errors.
@Suite struct LSTMCommandTests {
    static let base = ["--model", "lstm", "--dataset", "adding", "--seq-len", "10", "--hidden", "8"]

    @Test func trainSaveLoadAndTheSameBytes() throws {
        let args = ["train"] + Self.base + ["--rnn-variant", "rnndrop", "--rate", "0.3", "--steps", "60", "--eval-every", "20", "--format", "csv"]
        let a = try CLI.run(args), b = try CLI.run(args)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.split(separator: "\n").count == 5, "header, steps 0, 20, 40, 60")
        let dir = CLI.temporaryDirectory()
        let model = dir.appendingPathComponent("lstm.json").path
        let straight = try CLI.run(["train"] + Self.base + ["--variant", "recurrent", "--steps", "40", "--format", "csv"])
        let first = try CLI.run(["train"] + Self.base + ["--variant", "recurrent", "--steps", "25", "--format", "csv", "--save", model])
        #expect(first.status == 0, "\(first.stderr)")
        let resumed = try CLI.run(["resume", model, "--steps", "15", "--format", "csv"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.split(separator: "\n").last == straight.stdout.split(separator: "\n").last)
    }

    @Test func sweepRunsTheRecurrentRate() throws {
        let r = try CLI.run(["sweep"] + Self.base + ["--rnn-variant", "variational", "--sweep-rates", "0,0.5", "--seeds", "1", "--steps", "30", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count >= 3)
    }

    @Test func datasetsAreListed() throws {
        let r = try CLI.run(["datasets"])
        #expect(r.stdout.contains("adding") && r.stdout.contains("sine-seq"))
    }

    @Test(arguments: [
        (["train", "--model", "lstm", "--dataset", "moons"], "needs a sequence data set"),
        (["train", "--model", "lstm", "--dataset", "adding", "--hidden", "8,8"], "--hidden: an LSTM takes one width"),
        (["train", "--dataset", "adding", "--rnn-variant", "naive"], "--rnn-variant needs --model lstm"),
        (["train", "--dataset", "adding", "--variant", "rnndrop"], "needs --model lstm"),
        (["train", "--model", "lstm", "--dataset", "adding", "--rnn-variant", "sideways"], "--rnn-variant: unknown value"),
        (["train", "--model", "lstm", "--dataset", "adding", "--variant", "naive", "--rnn-variant", "rnndrop"], "disagree"),
        (["train", "--dataset", "moons", "--seq-len", "10"], "--seq-len applies to the sequence data sets"),
        (["train", "--model", "lstm", "--dataset", "adding", "--seq-len", "1"], "--seq-len must be between 2"),
    ])
    func badOptionsGiveOneLine(_ args: [String], _ message: String) throws {
        let r = try CLI.run(args)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
