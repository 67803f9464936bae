import Foundation
import Testing

/// `sweep --shard K/N --out DIR` run by GNU parallel, then `sweep --merge DIR`: the same
/// report, byte for byte, as the sweep in one process.
@Suite struct SweepShardTests {
    static let args = ["sweep", "--dataset", "xor", "--hidden", "16", "--steps", "120", "--seeds", "2", "--sweep-rates", "0,0.3,0.6"]

    /// Runs the shards 1…n of `args` as GNU parallel jobs, each on one thread, each into its
    /// own directory `dir/shard-K` (as `parallel --sshlogin … --return` brings them back).
    static func runShards(_ n: Int, into dir: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["parallel", "--will-cite", "--halt", "now,fail=1", "-j", String(n),
                       CLI.binary.path] + args + ["--jobs", "1", "--shard", "{}/\(n)", "--out", dir + "/shard-{}", ":::"]
            + (1...n).map(String.init)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "GNU parallel failed (is Debian's 'parallel' installed? scripts/install-deps.sh)")
    }

    @Test func threeShardsThroughGNUParallelMergeToTheSingleSweep() throws {
        let dir = CLI.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.runShards(3, into: dir)
        let files = try (1...3).flatMap { try FileManager.default.contentsOfDirectory(atPath: "\(dir)/shard-\($0)") }
        #expect(files.filter { $0.hasSuffix(".json") }.count == 6, "one file per (rate, seed) run: \(files)")
        for format in ["json", "csv"] {
            let single = try CLI.run(Self.args + ["--format", format])
            let merged = try CLI.run(["sweep", "--merge", dir, "--format", format])
            #expect(single.status == 0 && merged.status == 0, "\(single.stderr) \(merged.stderr)")
            #expect(!single.stdout.isEmpty && merged.stdout == single.stdout, "\(format) differs")
        }
        let table = try CLI.run(["sweep", "--merge", dir])
        #expect(table.stdout.contains("merged from 6 run files") && table.stdout.contains("best rate by final validation loss"))
    }

    @Test func oneShardWritesOnlyItsShare() throws {
        let dir = CLI.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(Self.args + ["--jobs", "1", "--shard", "2/4", "--out", dir])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        // Runs 1 and 5 of 0…5.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["run-00001.json", "run-00005.json"])
        let merged = try CLI.run(["sweep", "--merge", dir])
        #expect(merged.status != 0)
        #expect(merged.stderr.split(separator: "\n").count == 1 && merged.stderr.contains("4 of 6 runs missing")
                && merged.stderr.contains("run-00000.json (rate 0.0, seed 1)"), "\(merged.stderr)")
    }

    @Test func runFilesOfAnotherSweepAreRefused() throws {
        let dir = CLI.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try CLI.run(Self.args + ["--jobs", "1", "--shard", "1/2", "--out", dir])
        _ = try CLI.run(Self.args + ["--jobs", "1", "--shard", "2/2", "--out", dir, "--steps", "121"])
        let merged = try CLI.run(["sweep", "--merge", dir])
        #expect(merged.status != 0 && merged.stderr.contains("belongs to another sweep"), "\(merged.stderr)")
        #expect(merged.stderr.split(separator: "\n").count == 1)
    }

    @Test func badShardInput() throws {
        for (args, words) in [(["--shard", "0/3", "--out", "/tmp/x"], "between 1 and N"),
                              (["--shard", "2"], "K/N"),
                              (["--shard", "1/2"], "needs --out"),
                              (["--merge", "/nonexistent-dropviz-dir"], "cannot read --merge directory")] {
            let r = try CLI.run(Self.args + args)
            #expect(r.status != 0 && r.stderr.contains(words) && r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("run-00000.json")
        try Data("{\"format\": \"dropviz-sweep-run\", \"version\"".utf8).write(to: file)
        let r = try CLI.run(["sweep", "--merge", file.deletingLastPathComponent().path])
        #expect(r.status != 0 && r.stderr.contains("is not a dropviz sweep run file"), "\(r.stderr)")
        let notADirectory = try CLI.run(Self.args + ["--shard", "1/2", "--out", file.path])
        #expect(notADirectory.status != 0 && notADirectory.stderr.contains("is a file, not a directory"), "\(notADirectory.stderr)")
    }
}
