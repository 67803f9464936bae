import Foundation
import Testing

/// Bad `--record` paths and presenter fields: one line on stderr, a non-zero status, nothing
/// written, before the screen is taken.
@Suite struct RecordOptionTests {
    func oneLine(_ args: [String], _ needle: String) throws {
        let r = try CLI.run(args)
        #expect(r.status != 0, "\(args)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(needle), "\(args): \(r.stderr)")
    }

    @Test func badRecordPathsAndLessonKeys() throws {
        try oneLine(["run", "--record", "/nonexistent-dir/demo.cast"], "--record: cannot write '/nonexistent-dir/demo.cast'")
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try oneLine(["lesson", "rate", "--record", dir.path], "is a directory")
        try oneLine(["run", "--theme", "sepia"], "theme")
        let bad = dir.appendingPathComponent("keys.json").path
        try #"{"name": "x", "title": "t", "caption": [], "options": [], "keys": "space rv"}"#.write(toFile: bad, atomically: true, encoding: .utf8)
        try oneLine(["run", "--lesson", bad], "keys: 'rv' is not a key")
        // Not a terminal: the recording's file is not left behind, nor its temporary file.
        let cast = dir.appendingPathComponent("demo.cast").path
        try oneLine(["run", "--record", cast], "needs a terminal")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["keys.json"])
    }
}
