import Foundation
import Testing

/// The core's errors name settings, not flags (SettingWords.swift); the command line spells
/// each setting as its flag. These are the exact lines the command line printed when the core
/// still wrote the flags itself: they must not change by a character.
@Suite struct SettingFlagMessageTests {
    func expectLine(_ args: [String], _ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try CLI.run(args)
        #expect(r.status != 0, "\(args) exited 0", sourceLocation: sourceLocation)
        #expect(r.stderr == "dropviz: " + line + "\n", "\(args): stderr was\n\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func stateStringErrorsNameTheStateFlag() throws {
        try expectLine(["run", "--state", "v9;data=moons"], "--state: not a dropviz state string (it starts with 'v1;')")
        try expectLine(["run", "--state", "v1;colour=blue"], "--state: unknown key 'colour'")
        try expectLine(["run", "--state", "v1;noise"], "--state: 'noise' is not key=value")
        try expectLine(["run", "--state", "v1;changes=5"], "--state: bad change '5': not STEP:KEY=VALUE")
        // A setting error inside another keeps both flags.
        try expectLine(["run", "--state", "v1;data=moons;features=x1,x1"], "--state: --features: 'x1' is listed twice")
    }

    @Test func featureGridAndShardErrorsNameTheirFlags() throws {
        try expectLine(["train", "--features", "x1,x1", "--steps", "1"], "--features: 'x1' is listed twice")
        try expectLine(["run", "--grid", "0,half"], "--grid: 'half' is not a rate (give 2 to 9 rates such as 0,0.25,0.5)")
        try expectLine(["run", "--grid", "0.5"], "--grid needs 2 to 9 rates, got 1")
        try expectLine(["sweep", "--shard", "two", "--out", "/tmp/never"], "--shard must be K/N (for example 2/5), got 'two'")
        try expectLine(["sweep", "--shard", "3/2", "--out", "/tmp/never"], "--shard 3/2: K must be between 1 and N, and N at least 1")
    }

    @Test func directoriesAndMemoryNameTheirFlags() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain-file").path
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        try expectLine(["sweep", "--shard", "1/2", "--out", file, "--steps", "1"], "--out '\(file)' is a file, not a directory")
        try expectLine(["sweep", "--merge", dir.path], "--merge '\(dir.path)' holds no sweep run files (run-*.json)")
        let r = try CLI.run(["train", "--max-memory", "1M", "--steps", "1"])
        #expect(r.stderr.hasPrefix("dropviz: this network (--hidden, --conv-channels, --batch, the data set) needs about "), "\(r.stderr)")
        #expect(r.stderr.hasSuffix(" (set by --max-memory)\n"), "\(r.stderr)")
    }
}
