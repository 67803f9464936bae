import DropoutCore
import Foundation

/// One of the standard networks `dropviz bench` times, and the work one training step does.
struct BenchWorkload: Sendable {
    let name: String
    /// Widths input to output.
    let layers: [Int]
    let batch: Int

    static let standard: [BenchWorkload] = [
        BenchWorkload(name: "tiny", layers: [2, 16, 16, 2], batch: 16),
        BenchWorkload(name: "digits", layers: [64, 128, 128, 10], batch: 32),
        BenchWorkload(name: "wide", layers: [64, 256, 256, 10], batch: 64),
        BenchWorkload(name: "mnist", layers: [784, 1024, 1024, 10], batch: 128),
    ]

    static func named(_ name: String) -> BenchWorkload? {
        standard.first { $0.name == name }
    }

    /// Floating-point operations of one step, counted as 3 × the forward products
    /// (forward, dW and dx each cost one product), the convention numpy's and torch's
    /// scripts use too. The element-wise work is not counted.
    var flopsPerStep: Double {
        var macs = 0
        for i in 0..<(layers.count - 1) { macs += layers[i] * layers[i + 1] }
        return 3 * 2 * Double(batch) * Double(macs)
    }

    /// A trainer on synthetic data of the right shape: standard-normal features, uniform labels,
    /// ReLU, inverted dropout 0.5 on the hidden layers (none on the input), plain SGD. Its
    /// `step()` is exactly the app's step: batch gather, forward, loss, backward, update.
    func makeTrainer(seed: UInt64 = 1) throws -> Trainer {
        let inputs = layers[0], classes = layers[layers.count - 1]
        // Several batches, so that the sampler walks and reshuffles the data as in training.
        let count = batch * 8
        var rng = Stream.generator(seed: seed, stream: .data)
        var x = Matrix(rows: count, cols: inputs)
        for i in 0..<x.count { x.data[i] = rng.normal() }
        let labels = (0..<count).map { _ in rng.below(classes) }
        let data = Dataset(name: "bench-\(name)", features: x, targets: .classes(labels),
                           task: .classification(classes: classes))
        let split = try DataSplit(data, valFraction: 0.1, trainSize: nil, rng: &rng)
        var config = TrainingConfig()
        config.hidden = Array(layers.dropFirst().dropLast())
        config.activation = .relu
        config.rates = [0] + config.hidden.map { _ in Float(0.5) }
        config.scaling = .inverted
        config.variant = .bernoulli
        config.optimizer = .sgd
        // Small enough that random labels never make the loss diverge.
        config.learningRate = 0.01
        config.batchSize = batch
        config.seed = seed
        // Never evaluate on the full sets: only the step is timed.
        config.evalEvery = Int.max
        return try Trainer(config: config, data: split)
    }
}

/// What the benchmarks time with.
enum BenchClock: String, CaseIterable, Sendable {
    /// The process's CPU time: on a machine shared with other work (compilers, other runs) it
    /// counts only this process's own time, so the figures hold still under load.
    case cpu
    /// Elapsed time on the monotonic clock.
    case wall
    /// The calling thread's CPU time (the UI benchmark's drawing thread).
    case thread

    func seconds() -> Double {
        var ts = timespec()
        let id: clockid_t
        switch self {
        case .cpu: id = CLOCK_PROCESS_CPUTIME_ID
        case .wall: id = CLOCK_MONOTONIC
        case .thread: id = CLOCK_THREAD_CPUTIME_ID
        }
        clock_gettime(id, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}

/// Times `body` (which does `count` units of work per call) for about `seconds` in
/// `repetitions` runs after a warm-up, and returns the median rate in units per second.
func medianRate(seconds: Double, repetitions: Int, clock: BenchClock, _ body: (Int) throws -> Void) rethrows -> Double {
    // Warm-up, which also measures how many calls fit in one repetition.
    let warmUp = max(0.05, seconds * 0.2)
    var calls = 0
    let start = clock.seconds()
    var elapsed = 0.0
    repeat {
        try body(1)
        calls += 1
        elapsed = clock.seconds() - start
    } while elapsed < warmUp
    let perRepetition = seconds / Double(repetitions)
    let n = max(1, Int(Double(calls) * perRepetition / elapsed))
    var rates: [Double] = []
    for _ in 0..<repetitions {
        let t0 = clock.seconds()
        try body(n)
        rates.append(Double(n) / (clock.seconds() - t0))
    }
    rates.sort()
    let mid = rates.count / 2
    return rates.count % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2
}
