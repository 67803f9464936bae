import ArgumentParser
import DropoutCore
import Foundation

enum BenchFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension BenchClock: ExpressibleByArgument {}

/// Times training steps of the standard networks on one thread, and the BLAS's own sgemm rate
/// for comparison. benchmarks/compare.sh runs the same networks in numpy and torch.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time training steps (forward, dropout, backward, SGD update) on one thread.",
        discussion: """
            Configurations: \(BenchWorkload.standard.map { "\($0.name) (\($0.layers.map(String.init).joined(separator: ",")), batch \($0.batch))" }.joined(separator: "; ")). \
            ReLU, inverted dropout 0.5 on the hidden layers, softmax cross-entropy, SGD. \
            GFLOP/s counts 3 × the forward products per step. Each figure is the median of the \
            repetitions after a warm-up.
            """
    )

    @Option(name: .customLong("config"), help: "Configurations to run (repeatable or comma-separated; default: all).")
    var configs: [String] = []

    @Option(help: "Seconds of timing per configuration, warm-up excluded.")
    var seconds: Double = 1

    @Option(help: "Timed repetitions per configuration; the median is reported.")
    var repetitions: Int = 5

    @Option(help: "Time by the process's CPU time (cpu: steady on a busy machine), the timing thread's (thread) or elapsed time (wall).")
    var clock: BenchClock = .cpu

    @Option(help: "Output format: table, json.")
    var format: BenchFormat = .table

    /// For instruction counts under callgrind, where a timed run would do too few steps.
    @Option(help: .hidden)
    var steps: Int?

    @Flag(inversion: .prefixedNo, help: "Also time a 1024×1024×1024 sgemm of the same BLAS.")
    var sgemm = true

    @Flag(help: "Time a visualizer frame (view, diff, escape sequences) at 200×60 instead, per panel, and the worst key-to-frame latency under a paste of 100 keys.")
    var ui = false

    @Option(help: .hidden)
    var uiFrames: Int = 60

    /// For the test that every kernel set gives the same products: prints the core, then
    /// `BLASProductCheck`'s products as exact hex floats.
    @Flag(help: .hidden)
    var productCheck = false

    func validate() throws {
        guard seconds > 0 && seconds.isFinite else { throw ValidationError("--seconds must be positive, got \(seconds)") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
        if let steps, steps < 1 { throw ValidationError("--steps must be at least 1, got \(steps)") }
        _ = try workloads()
    }

    private func workloads() throws -> [BenchWorkload] {
        let names = configs.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        if names.isEmpty { return BenchWorkload.standard }
        return try names.map { name in
            guard let w = BenchWorkload.named(name) else {
                let known = BenchWorkload.standard.map(\.name).joined(separator: ", ")
                throw ValidationError("unknown --config '\(name)' (known: \(known))")
            }
            return w
        }
    }

    struct Result {
        let workload: BenchWorkload
        let stepsPerSecond: Double
        var msPerStep: Double { 1000 / stepsPerSecond }
        var gflops: Double { workload.flopsPerStep * stepsPerSecond / 1e9 }
    }

    func run() throws {
        if productCheck {
            print(BLASKernel.core)
            for line in BLASProductCheck.lines() { print(line) }
            return
        }
        if ui {
            let results = try UIFrameBench.run(width: 200, height: 60, frames: uiFrames, stepsPerFrame: 10, clock: clock)
            UIFrameBench.print(results, width: 200, height: 60, stepsPerFrame: 10)
            let latencies = try KeyLatencyBench.run(width: 200, height: 60, pastes: 5)
            KeyLatencyBench.print(latencies, pastes: 5)
            return
        }
        if let steps {
            // Exactly `steps` steps per configuration, untimed: callgrind's counts are then
            // comparable between two builds.
            for w in try workloads() {
                let trainer = try w.makeTrainer()
                for _ in 0..<steps where trainer.step() == nil {
                    throw DropvizError("bench: the '\(w.name)' network diverged")
                }
                print("\(w.name): \(steps) steps")
            }
            return
        }
        var results: [Result] = []
        for w in try workloads() {
            let trainer = try w.makeTrainer()
            let rate = try medianRate(seconds: seconds, repetitions: repetitions, clock: clock) { n in
                for _ in 0..<n {
                    guard trainer.step() != nil else {
                        throw DropvizError("bench: the '\(w.name)' network diverged; its timings would mean nothing")
                    }
                }
            }
            results.append(Result(workload: w, stepsPerSecond: rate))
        }
        let sgemmRate = sgemm ? Self.sgemmGflops(seconds: min(seconds, 1), repetitions: repetitions, clock: clock) : nil
        switch format {
        case .table: printTable(results, sgemm: sgemmRate)
        case .json: print(Self.json(results, sgemm: sgemmRate, clock: clock))
        }
    }

    /// The rate of `c = a·b` with 1024×1024 matrices through `BLAS.gemm`, in GFLOP/s: the
    /// ceiling of the mnist network, whose step is almost all products of that size.
    static func sgemmGflops(seconds: Double, repetitions: Int, clock: BenchClock) -> Double {
        let n = 1024
        var rng = Stream.generator(seed: 1, stream: .data)
        var a = Matrix(rows: n, cols: n), b = Matrix(rows: n, cols: n)
        for i in 0..<a.count { a.data[i] = rng.uniform() - 0.5; b.data[i] = rng.uniform() - 0.5 }
        var c = Matrix(rows: n, cols: n)
        let products = medianRate(seconds: seconds, repetitions: repetitions, clock: clock) { k in
            for _ in 0..<k { BLAS.gemm(a, b, into: &c) }
        }
        return products * 2 * Double(n * n * n) / 1e9
    }

    private func printTable(_ results: [Result], sgemm: Double?) {
        print("One thread; \(clock == .cpu ? "CPU" : "wall-clock") time; median of \(repetitions) runs after a warm-up.")
        print("BLAS: \(BLASStartup.summary)")
        let header = ["config", "layers", "batch", "steps/s", "ms/step", "GFLOP/s"]
        var rows = [header]
        for r in results {
            rows.append([r.workload.name, r.workload.layers.map(String.init).joined(separator: "-"), String(r.workload.batch),
                         String(format: "%.0f", r.stepsPerSecond), String(format: "%.4f", r.msPerStep), String(format: "%.2f", r.gflops)])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { c, s in
                let pad = String(repeating: " ", count: widths[c] - s.count)
                return c < 2 ? s + pad : pad + s  // names left, numbers right
            }
            print(cells.joined(separator: "  "))
        }
        if let sgemm {
            var line = "sgemm 1024×1024×1024, 1 thread: " + String(format: "%.2f", sgemm) + " GFLOP/s"
            if let m = results.first(where: { $0.workload.name == "mnist" }) {
                line += String(format: " (mnist step at %.0f%%)", 100 * m.gflops / sgemm)
            }
            print(line)
        }
    }

    static func json(_ results: [Result], sgemm: Double?, clock: BenchClock) -> String {
        func num(_ v: Double) -> String { String(format: "%.6g", v) }
        let configs = results.map { r in
            "{\"name\":\"\(r.workload.name)\",\"layers\":[\(r.workload.layers.map(String.init).joined(separator: ","))],"
                + "\"batch\":\(r.workload.batch),\"steps_per_s\":\(num(r.stepsPerSecond)),"
                + "\"ms_per_step\":\(num(r.msPerStep)),\"gflops\":\(num(r.gflops))}"
        }
        func str(_ v: String) -> String {
            "\"" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let lib = BLASKernel.library
        let blas = "\"blas\":\(str(lib.name)),\"blas_version\":\(str(lib.version)),"
            + "\"blas_core\":\(str(BLASKernel.core)),\"blas_core_origin\":\(str(BLASStartup.origin)),"
        return "{\"tool\":\"dropviz\",\"threads\":1,\"clock\":\"\(clock.rawValue)\",\(blas)\"sgemm_gflops\":\(sgemm.map(num) ?? "null"),"
            + "\"configs\":[\(configs.joined(separator: ","))]}"
    }
}
