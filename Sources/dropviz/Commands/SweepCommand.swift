import ArgumentParser
import DropoutCore
import DropvizUI
import Dispatch
import Foundation
import Synchronization
import TermUI

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Train one network per rate and seed, on every core, and compare them."
    )

    @OptionGroup var options: TrainingOptions
    @OptionGroup var figure: FigureOptions

    @Option(name: .customLong("sweep-rates"), help: "The hidden-layer rates to compare, comma-separated.")
    var sweepRates: String = "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9"

    @Option(help: "Seeds per rate (seeds --seed, --seed+1, …).")
    var seeds: Int = 3

    @Option(help: "Training steps per network.")
    var steps: Int = 3000

    @Option(help: "Networks trained at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Output format: table (with a chart), csv, json.")
    var format: SweepFormat = .table

    @Option(help: "Run only shard K of N of the (rate, seed) runs (needs --out); e.g. 2/5.")
    var shard: String?

    @Option(help: "Write each run's result to this directory (run-NNNNN.json) instead of a report.")
    var out: String?

    @Option(help: "Print the report of the run files in this directory (from --out) instead of training.")
    var merge: String?

    enum SweepFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    func run() throws {
        if let merge { return try report(merging: merge) }
        let base = try options.config()
        try figure.check()
        let rates = try Parse.floats(sweepRates, option: "--sweep-rates")
        for p in rates { try checkRate(p, flag: "--sweep-rates") }
        guard !rates.isEmpty else { throw DropvizError("--sweep-rates needs at least one rate") }
        guard seeds >= 1 else { throw DropvizError("--seeds must be at least 1, got \(seeds)") }
        guard steps >= 1 else { throw DropvizError("--steps must be at least 1, got \(steps)") }
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard workers >= 1 else { throw DropvizError("--jobs must be at least 1, got \(workers)") }
        // Fail on bad data before starting threads.
        _ = try Trainer(config: base)

        let plan = RateSweep.Plan(config: base, rates: rates, seeds: seeds, steps: steps)
        if shard != nil || out != nil { return try runShard(plan, workers: workers) }
        let started = Date()
        let runs = try Self.runAll(plan.tasks, base: base, steps: steps, workers: workers)
        let seconds = Date().timeIntervalSince(started)
        let timing = "\(String(format: "%.1f", seconds)) s on \(workers) thread(s)"
        SweepReport.report(runs, plan: plan, timing: timing, format: format)
        try figure.write {
            SweepFigure.svg(RateSweep.summarize(runs), seeds: seeds, caption: SweepReport.caption(base: base, steps: steps), theme: figure.theme)
        }
    }

    /// Runs every (rate, seed) on `workers` threads, each with its own trainer (nothing is
    /// shared but the queue of tasks and the results), with a progress bar on stderr.
    /// `finished` gets each run as it ends, with its training seconds, on the worker's thread.
    static func runAll(_ tasks: [RateSweep.Task], base: TrainingConfig, steps: Int, workers: Int,
                       finished: @Sendable (RateSweep.Task, RateSweep.Run, Double) throws -> Void = { _, _, _ in }) throws -> [RateSweep.Run] {
        struct Shared {
            var next = 0
            var done = 0
            var results: [RateSweep.Run?]
            var error: DropvizError?
            var bar: ProgressBar
        }
        let shared = Mutex(Shared(results: Array(repeating: nil, count: tasks.count), bar: ProgressBar(total: tasks.count)))
        DispatchQueue.concurrentPerform(iterations: min(workers, tasks.count)) { _ in
            while true {
                let index: Int? = shared.withLock { s in
                    guard s.next < tasks.count, s.error == nil else { return nil }
                    defer { s.next += 1 }
                    return s.next
                }
                guard let i = index else { return }
                let task = tasks[i]
                do {
                    let started = Date()
                    let run = try RateSweep.run(base, rate: task.rate, seed: task.seed, steps: steps)
                    try finished(task, run, Date().timeIntervalSince(started))
                    shared.withLock { s in
                        s.results[i] = run
                        s.done += 1
                        s.bar.update(s.done, note: "networks")
                    }
                } catch {
                    shared.withLock { s in s.error = error as? DropvizError ?? (error as? SettingError).map { DropvizError($0.commandLineMessage) } ?? DropvizError("\(error)") }
                }
            }
        }
        return try shared.withLock { s in
            s.bar.finish()
            if let e = s.error { throw e }
            return s.results.compactMap { $0 }
        }
    }
}
