import Foundation
import Testing

/// Every bad input gets one line naming the problem on stderr and a non-zero exit; never a
/// stack trace, never a page of usage.
@Suite struct BadInputTests {
    func expectOneLineError(_ args: [String], mentions needle: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try CLI.run(args)
        #expect(r.status != 0, "\(args) exited 0", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(args): stderr was\n\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("dropviz: "), sourceLocation: sourceLocation)
        #expect(r.stderr.contains(needle), "\(args): '\(r.stderr)' does not mention '\(needle)'", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
    }

    @Test func rateOutsideTheUnitInterval() throws {
        try expectOneLineError(["train", "--rate", "1.2", "--steps", "1"], mentions: "--rate")
        try expectOneLineError(["train", "--rate", "-0.1", "--steps", "1"], mentions: "--rate")
        try expectOneLineError(["train", "--input-rate", "1", "--steps", "1"], mentions: "--input-rate")
        try expectOneLineError(["train", "--rates", "0,0.5", "--steps", "1"], mentions: "--rates needs 3 values")
        try expectOneLineError(["train", "--rates", "0,0.5,x", "--steps", "1"], mentions: "'x' is not a number")
    }

    @Test func unknownDataSetAndChoices() throws {
        try expectOneLineError(["train", "--dataset", "mnist", "--steps", "1"], mentions: "unknown data set 'mnist'")
        try expectOneLineError(["train", "--optimizer", "rmsprop", "--steps", "1"], mentions: "--optimizer: unknown value 'rmsprop'")
        try expectOneLineError(["train", "--scaling", "sideways", "--steps", "1"], mentions: "--scaling")
        try expectOneLineError(["train", "--format", "xml", "--steps", "1"], mentions: "xml")
        try expectOneLineError(["train", "--no-such-option"], mentions: "--no-such-option")
    }

    /// Every choice option is typed: the parser refuses a value outside it, naming the option
    /// and listing the values on the one line (the parser's own message spreads six or more
    /// over lines of their own).
    @Test func unknownChoicesNameTheOptionAndItsValues() throws {
        try expectOneLineError(["train", "--scaling", "sideways"], mentions: "--scaling: unknown value 'sideways' (one of: inverted, vanilla, none)")
        try expectOneLineError(["train", "--padding", "diagonal"], mentions: "--padding: unknown value 'diagonal' (one of: same, valid)")
        try expectOneLineError(["train", "--dropconnect-inference", "guess"], mentions: "--dropconnect-inference: unknown value 'guess' (one of: moment-matching, mean-field)")
        try expectOneLineError(["train", "--conv-variant", "stripes"], mentions: "--conv-variant: unknown value 'stripes' (one of: elementwise, spatial, dropblock, maxpool)")
        try expectOneLineError(["train", "--rnn-variant", "x"], mentions: "--rnn-variant: unknown value 'x' (one of: naive, naive-cell, rnndrop, recurrent, variational)")
        try expectOneLineError(["train", "--variant", "zoneout"],
                               mentions: "--variant: unknown value 'zoneout' (one of: bernoulli, gaussian, dropconnect, standout, elementwise, spatial, dropblock, maxpool, naive, naive-cell, rnndrop, recurrent, variational)")
        try expectOneLineError(["run", "--lang", "fr"], mentions: "--lang: unknown value 'fr' (one of: en, zh)")
        try expectOneLineError(["sweep", "--optimizer", "rmsprop"], mentions: "--optimizer: unknown value 'rmsprop' (one of: sgd, momentum, adam)")
        // Any letter case, as before the options were typed.
        let upper = try CLI.run(["train", "--optimizer", "ADAM", "--variant", "Gaussian", "--steps", "1", "--format", "csv"])
        #expect(upper.status == 0, "\(upper.stderr)")
    }

    /// A variant of another model kind is refused at parsing, naming the model it needs.
    @Test func variantsOfAnotherModelKind() throws {
        try expectOneLineError(["train", "--model", "lstm", "--variant", "dropblock"], mentions: "--variant dropblock is a conv variant: it needs --model cnn")
        try expectOneLineError(["train", "--model", "cnn", "--variant", "variational"], mentions: "--variant variational is a recurrent variant: it needs --model lstm")
        try expectOneLineError(["train", "--conv-rate", "0.1"], mentions: "--conv-variant, --conv-rate and --conv-rates need --model cnn")
        try expectOneLineError(["train", "--model", "cnn", "--variant", "spatial", "--conv-variant", "dropblock"], mentions: "--variant spatial and --conv-variant dropblock disagree")
    }

    /// `resume` takes only what applies to a saved model: training options are unknown to it.
    @Test func resumeRefusesWhatASavedModelFixes() throws {
        try expectOneLineError(["resume"], mentions: "<model>")
        try expectOneLineError(["resume", CLI.temporaryDirectory().appendingPathComponent("none.json").path], mentions: "does not exist")
        try expectOneLineError(["resume", "m.json", "--model", "cnn"], mentions: "--model")
        try expectOneLineError(["resume", "m.json", "--hidden", "8"], mentions: "--hidden")
    }

    @Test func badCSVFiles() throws {
        let dir = CLI.temporaryDirectory()
        func file(_ name: String, _ text: String) throws -> String {
            let p = dir.appendingPathComponent(name).path
            try text.write(toFile: p, atomically: true, encoding: .utf8)
            return p
        }
        let nonNumeric = try file("nonnum.csv", "a,b,label\n1,2,0\n3,oops,1\n")
        try expectOneLineError(["train", "--dataset", nonNumeric, "--steps", "1"], mentions: "\(nonNumeric):3: 'oops' is not a number")
        let ragged = try file("ragged.csv", "1,2,0\n3,4,1\n5,1\n")
        try expectOneLineError(["train", "--dataset", ragged, "--steps", "1"], mentions: "\(ragged):3: 2 columns, expected 3")
        let label = try file("label.csv", "1,2,0\n3,4,0.5\n")
        try expectOneLineError(["train", "--dataset", label, "--steps", "1"], mentions: "\(label):2: the class label")
        try expectOneLineError(["train", "--dataset", dir.appendingPathComponent("absent.csv").path, "--steps", "1"], mentions: "cannot read data file")
    }

    @Test func badModelFiles() throws {
        let dir = CLI.temporaryDirectory()
        let corrupt = dir.appendingPathComponent("corrupt.json").path
        try "{\"format\": \"dropviz-mo".write(toFile: corrupt, atomically: true, encoding: .utf8)
        try expectOneLineError(["eval", "--load", corrupt], mentions: "not valid JSON")
        try expectOneLineError(["eval", "--load", dir.appendingPathComponent("none.json").path], mentions: "does not exist")
        try expectOneLineError(["resume", corrupt, "--steps", "1"], mentions: "not valid JSON")
    }

    @Test func widthsAndConflicts() throws {
        try expectOneLineError(["train", "--hidden", "128,0", "--steps", "1"], mentions: "at least 1")
        try expectOneLineError(["train", "--hidden", "12,abc", "--steps", "1"], mentions: "'abc' is not a whole number")
        try expectOneLineError(["train", "--rates", "0,0.5,0.5", "--rate", "0.2", "--steps", "1"], mentions: "cannot be combined")
        try expectOneLineError(["train", "--steps", "10", "--epochs", "2"], mentions: "cannot be combined")
        try expectOneLineError(["train", "--dataset", "digits", "--noise", "0.2", "--steps", "1"], mentions: "--noise applies to generated data sets only")
        try expectOneLineError(["train", "--train-size", "5000", "--steps", "1"], mentions: "--train-size 5000 is larger")
        try expectOneLineError(["train", "--lr", "-1", "--steps", "1"], mentions: "--lr")
    }

    @Test func visualizerWithoutATerminalPointsToTrain() throws {
        try expectOneLineError([], mentions: "dropviz train")
    }
}
