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

    enum SweepFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    func run() throws {
        let base = try options.config()
        try figure.check()
        let rates = try Parse.floats(sweepRates, option: "--sweep-rates")
        for p in rates { try TrainingConfig.checkRate(p, option: "--sweep-rates") }
        guard !rates.isEmpty else { throw DropvizError("--sweep-rates needs at least one rate") }
        guard seeds >= 1 else { throw DropvizError("--seeds must be at least 1, got \(seeds)") }
        guard steps >= 1 else { throw DropvizError("--steps must be at least 1, got \(steps)") }
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard workers >= 1 else { throw DropvizError("--jobs must be at least 1, got \(workers)") }
        // Fail on bad data before starting threads.
        _ = try Trainer(config: base)

        let tasks = rates.flatMap { r in (0..<seeds).map { (r, base.seed + UInt64($0)) } }
        let started = Date()
        let runs = try Self.runAll(tasks, base: base, steps: steps, workers: workers)
        let seconds = Date().timeIntervalSince(started)
        let rows = RateSweep.summarize(runs)
        switch format {
        case .table: SweepReport.table(rows, base: base, steps: steps, seeds: seeds, seconds: seconds, workers: workers)
        case .csv: SweepReport.csv(rows)
        case .json: SweepReport.json(rows, runs: runs)
        }
        try figure.write {
            SweepFigure.svg(rows, seeds: seeds, caption: SweepReport.caption(base: base, steps: steps), theme: figure.theme)
        }
    }

    /// Runs every (rate, seed) on `workers` threads, each with its own trainer (nothing is
    /// shared but the queue of tasks and the results), with a progress bar on stderr.
    static func runAll(_ tasks: [(Float, UInt64)], base: TrainingConfig, steps: Int, workers: Int) throws -> [RateSweep.Run] {
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
                let (rate, seed) = tasks[i]
                do {
                    let run = try RateSweep.run(base, rate: rate, seed: seed, steps: steps)
                    shared.withLock { s in
                        s.results[i] = run
                        s.done += 1
                        s.bar.update(s.done, note: "networks")
                    }
                } catch {
                    shared.withLock { s in s.error = error as? DropvizError ?? DropvizError("\(error)") }
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
