import DropoutCore
import Foundation

/// `sweep --shard K/N --out DIR` and `sweep --merge DIR`: a sweep run by any scheduler
/// (GNU parallel, a Slurm job array) as N processes, each writing its runs as files, then
/// put together into the report one process would have printed.
extension SweepCommand {
    /// Trains this shard's runs and writes each one's file as soon as it ends, so that a
    /// shard stopped half-way keeps what it finished. Prints nothing on stdout.
    func runShard(_ plan: RateSweep.Plan, workers: Int) throws {
        let part = try shard.map(RateSweep.Shard.init(parsing:)) ?? .whole
        guard let out else { throw DropvizError("--shard needs --out DIR, where each run's result is written") }
        try RateSweep.prepareOutput(out)
        let mine = plan.tasks.filter(part.contains)
        _ = try Self.runAll(mine, base: plan.config, steps: plan.steps, workers: workers) { task, run, seconds in
            try RateSweep.RunFile(plan: plan, index: task.index, run: run, seconds: seconds).write(into: out)
        }
        Console.error("sweep shard \(part): \(mine.count) of \(plan.tasks.count) runs written to \(out) (then: dropviz sweep --merge \(out))")
    }

    /// The report of the run files in `directory`, identical in CSV and JSON to the single
    /// sweep's; the table's timing line adds up the runs' training time instead.
    func report(merging directory: String) throws {
        guard shard == nil, out == nil else { throw DropvizError("--merge takes no --shard or --out: it trains nothing") }
        let merged = try RateSweep.merge(directory)
        let timing = "merged from \(merged.runs.count) run files, \(String(format: "%.1f", merged.seconds)) s of training"
        SweepReport.report(merged.runs, plan: merged.plan, timing: timing, format: format)
    }
}
