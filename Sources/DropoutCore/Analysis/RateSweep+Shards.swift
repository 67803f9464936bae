import Foundation

/// A sweep split into shards that separate processes (GNU parallel, a Slurm job array) run
/// anywhere: each writes one file per (rate, seed) run, and a merge of the files rebuilds the
/// single sweep's runs in the single sweep's order, so its report is byte for byte the same
/// whatever the number of shards.
extension RateSweep {
    /// One (rate, seed) run of a sweep, with its place in the single sweep's order.
    public struct Task: Sendable, Equatable {
        public var index: Int
        public var rate: Float
        public var seed: UInt64
    }

    /// The runs in the single sweep's order: each rate in the order given, its seeds in turn.
    public static func tasks(rates: [Float], seeds: Int, firstSeed: UInt64) -> [Task] {
        rates.flatMap { r in (0..<seeds).map { (r, firstSeed &+ UInt64($0)) } }
            .enumerated().map { Task(index: $0, rate: $1.0, seed: $1.1) }
    }

    /// Shard `index` of `count` (both from 1): the runs whose position is `index - 1` modulo
    /// `count`, so that every shard gets a share of every rate (rates differ in cost little,
    /// sizes do not, and runs of a rate sit together).
    public struct Shard: Sendable, Equatable, CustomStringConvertible {
        public var index: Int
        public var count: Int

        public static let whole = Shard(index: 1, count: 1)

        public init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }

        /// Parses "K/N" with 1 ≤ K ≤ N.
        public init(parsing text: String) throws {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
                throw SettingError(.shard, value: text, "must be K/N (for example 2/5), got '\(text)'")
            }
            guard n >= 1, (1...n).contains(k) else {
                throw SettingError(.shard, value: text, "\(text): K must be between 1 and N, and N at least 1")
            }
            self.init(index: k, count: n)
        }

        public func contains(_ task: Task) -> Bool { task.index % count == index - 1 }

        public var description: String { "\(index)/\(count)" }
    }

    /// What makes two run files parts of the same sweep.
    public struct Plan: Codable, Equatable, Sendable {
        public var config: TrainingConfig
        public var rates: [Float]
        public var seeds: Int
        public var steps: Int

        public init(config: TrainingConfig, rates: [Float], seeds: Int, steps: Int) {
            self.config = config
            self.rates = rates
            self.seeds = seeds
            self.steps = steps
        }

        public var tasks: [Task] { RateSweep.tasks(rates: rates, seeds: seeds, firstSeed: config.seed) }
    }

    /// One run's file: the plan it belongs to, its place, its result and how long it took.
    public struct RunFile: Codable, Sendable {
        public static let format = "dropviz-sweep-run"
        public var format: String
        public var version: Int
        public var plan: Plan
        public var index: Int
        public var run: Run
        /// Training time of this run, for the merged table's timing line only.
        public var seconds: Double

        public init(plan: Plan, index: Int, run: Run, seconds: Double) {
            format = Self.format
            version = 1
            self.plan = plan
            self.index = index
            self.run = run
            self.seconds = seconds
        }

        public static func name(index: Int) -> String { String(format: "run-%05d.json", index) }

        /// Writes `DIR/run-NNNNN.json` atomically (AtomicFile.swift): a shard killed half-way
        /// leaves whole files or none, never a truncated one (at most a hidden temporary file,
        /// which the merge does not read).
        public func write(into directory: String) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            let path = (directory as NSString).appendingPathComponent(Self.name(index: index))
            let bytes: Data
            do { bytes = try encoder.encode(self) } catch { throw DropvizError("cannot encode sweep run \(index): \(error)") }
            do {
                try AtomicFile.write(bytes, to: path)
            } catch {
                throw DropvizError("cannot write sweep run file '\(path)': \(error.reason)")
            }
        }
    }

    /// Creates `directory` (and its parents) when it does not exist.
    public static func prepareOutput(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SettingError(.out, value: directory, "'\(directory)' is a file, not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SettingError(.out, value: directory, sentence: "cannot create \(setting: .out) directory '\(directory)': \(error.localizedDescription)")
        }
    }

    /// The run files of `directory` and of its subdirectories (one level: a shard per
    /// directory, as `parallel --return` brings them back), put together: the plan they share
    /// and every run in the single sweep's order, with the training seconds added up. Throws
    /// one line naming what is wrong: no files, a file that is not a run file, two plans, two
    /// different results for one run, or runs missing.
    public static func merge(_ directory: String) throws -> (plan: Plan, runs: [Run], seconds: Double) {
        let fm = FileManager.default
        func runFiles(in dir: String) -> [String] {
            ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("run-") && $0.hasSuffix(".json") }
                .sorted().map { (dir as NSString).appendingPathComponent($0) }
        }
        guard let entries = try? fm.contentsOfDirectory(atPath: directory).sorted() else {
            throw SettingError(.merge, value: directory, sentence: "cannot read \(setting: .merge) directory '\(directory)'")
        }
        var paths = runFiles(in: directory)
        for entry in entries {
            let sub = (directory as NSString).appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: sub, isDirectory: &isDirectory), isDirectory.boolValue { paths += runFiles(in: sub) }
        }
        guard !paths.isEmpty else { throw SettingError(.merge, value: directory, "'\(directory)' holds no sweep run files (run-*.json)") }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var plan: Plan?
        var found: [Int: (path: String, run: Run, seconds: Double)] = [:]
        for path in paths {
            let name = (path as NSString).lastPathComponent
            guard let bytes = FileManager.default.contents(atPath: path),
                  let file = try? decoder.decode(RunFile.self, from: bytes), file.format == RunFile.format else {
                throw DropvizError("'\(path)' is not a dropviz sweep run file (corrupt or truncated?)")
            }
            guard file.version == 1 else {
                throw DropvizError("'\(path)' has sweep run file version \(file.version); this dropviz reads version 1")
            }
            if let plan, plan != file.plan {
                throw DropvizError("'\(path)' belongs to another sweep than the other files in '\(directory)' (different options, rates, seeds or steps)")
            }
            plan = file.plan
            let tasks = file.plan.tasks
            guard tasks.indices.contains(file.index), tasks[file.index].rate == file.run.rate,
                  tasks[file.index].seed == file.run.seed, name == RunFile.name(index: file.index) else {
                throw DropvizError("'\(path)' does not match its sweep (run \(file.index) with rate \(file.run.rate), seed \(file.run.seed))")
            }
            // Compared as text: a diverged run's NaN equals itself there, and a Double's text
            // is exact.
            if let twin = found[file.index], "\(twin.run)" != "\(file.run)" {
                throw DropvizError("'\(path)' and '\(twin.path)' hold different results for the same run")
            }
            found[file.index] = found[file.index] ?? (path, file.run, file.seconds)
        }
        guard let plan else { throw SettingError(.merge, value: directory, "'\(directory)' holds no sweep run files") }
        let tasks = plan.tasks
        let missing = tasks.filter { found[$0.index] == nil }
        guard missing.isEmpty else {
            let listed = missing.prefix(5).map { "\(RunFile.name(index: $0.index)) (rate \($0.rate), seed \($0.seed))" }
            throw SettingError(.merge, value: directory, "'\(directory)': \(missing.count) of \(tasks.count) runs missing: \(listed.joined(separator: ", "))\(missing.count > 5 ? ", …" : "")")
        }
        let runs = tasks.compactMap { found[$0.index]?.run }
        let seconds = tasks.compactMap { found[$0.index]?.seconds }.reduce(0, +)
        return (plan, runs, seconds)
    }
}
