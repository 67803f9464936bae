import Foundation
import Testing
import DropoutCore

/// The inputs that trapped, allocated tens of gigabytes or ran for days: each is now one line
/// and a non-zero exit, before anything big is allocated.
@Suite struct ReliabilityInputTests {
    func expectOneLine(_ args: [String], mentions needle: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try CLI.run(args)
        #expect(r.status != 0, "\(args) exited 0", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(args): stderr was\n\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(needle), "\(args): '\(r.stderr)' does not mention '\(needle)'", sourceLocation: sourceLocation)
    }

    @Test func hugeRunLengthsAreRefused() throws {
        try expectOneLine(["train", "--epochs", "1e300"], mentions: "--epochs")
        try expectOneLine(["train", "--steps", "2000000000"], mentions: "--steps")
        try expectOneLine(["train", "--steps", "-3"], mentions: "--steps")
    }

    @Test func networksAboveTheMemoryLimitAreRefused() throws {
        try expectOneLine(["train", "--hidden", "100000000", "--steps", "1"], mentions: "--max-memory")
        try expectOneLine(["train", "--hidden", "50000,50000", "--steps", "1"], mentions: "--max-memory")
        try expectOneLine(["train", "--model", "cnn", "--dataset", "digits", "--conv-channels", "100000", "--steps", "1"], mentions: "--max-memory")
        // The limit is the option's when given: the default network (~1.5 MB) is over 1M.
        try expectOneLine(["train", "--max-memory", "1M", "--steps", "1"], mentions: "set by --max-memory")
        try expectOneLine(["train", "--max-memory", "lots", "--steps", "1"], mentions: "--max-memory")
        #expect(try CLI.run(["train", "--max-memory", "64M", "--steps", "1"]).status == 0)
    }

    @Test func negativeNumbersReachTheRangeChecks() throws {
        try expectOneLine(["train", "--seed", "-1", "--steps", "1"], mentions: "--seed")
        try expectOneLine(["train", "--batch", "-5", "--steps", "1"], mentions: "--batch")
        // A negative value that is valid is a value, not an unknown option.
        #expect(try CLI.run(["train", "--standout-beta", "-1", "--variant", "standout", "--steps", "1"]).status == 0)
    }

    @Test func aHugeStateStepIsRefused() throws {
        try expectOneLine(["run", "--state", "v1;step=2000000000"], mentions: "'step'")
    }

    @Test func aModelFileWithANegativeStepIsRefused() throws {
        let dir = CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("m.json").path
        #expect(try CLI.run(["train", "--steps", "3", "--save", path]).status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let bad = text.replacingOccurrences(of: "\"step\":3", with: "\"step\":-5")
        #expect(bad != text)
        try bad.write(toFile: path, atomically: true, encoding: .utf8)
        try expectOneLine(["eval", "--load", path], mentions: "\"step\" is -5")
    }

    @Test func outputLostToAFullDeviceIsAnError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["train", "--steps", "20"]
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        p.standardError = err
        try p.run()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus != 0)
        #expect(e.contains("cannot write standard output"))
    }

    @Test func lstmWithoutADataSetPicksASequenceSet() throws {
        let r = try CLI.run(["train", "--model", "lstm", "--steps", "2", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// The same for a CNN: it gets the digits, the images it is drawn for.
    @Test func cnnWithoutADataSetPicksTheDigits() throws {
        let r = try CLI.run(["train", "--model", "cnn", "--steps", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let digits = try CLI.run(["train", "--model", "cnn", "--dataset", "digits", "--steps", "2"])
        #expect(r.stdout == digits.stdout, "the same run as with --dataset digits")
    }

    @Test func aStaleTemporaryFileIsRemovedByTheNextSave() throws {
        let dir = CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("model.json").path
        let stale = AtomicFile.temporaryPath(for: path)
        #expect(stale.hasSuffix("/.model.json.dropviz-tmp"))
        // What a save killed half way leaves behind.
        try Data(repeating: 7, count: 1000).write(to: URL(fileURLWithPath: stale))
        #expect(try CLI.run(["train", "--steps", "2", "--save", path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
