import DropoutCore
import Foundation
import Synchronization

/// A rate sweep running in the background while the visualizer trains: one network per rate
/// and seed, one at a time on its own thread (the other core keeps the screen smooth), its
/// results filling in the sweep panel as they finish.
///
/// At most one sweep trains at a time: a new one cancels the one before (which stops within
/// one training step) and runs on the same thread after it, so a burst of `W` presses leaves
/// one thread, not one per press. The thread is counted by `BackgroundWork`, whose `drain()`
/// the visualizer calls before the process exits.
public final class SweepJob: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var runs: [RateSweep.Run] = []
        public var total: Int
        public var steps: Int
        public var seeds: Int
        public var failure: String?
        public var done: Bool { runs.count == total || failure != nil }
    }

    private let state: Mutex<Snapshot>
    private let cancelled = Atomic<Bool>(false)
    private let base: TrainingConfig
    private let tasks: [(rate: Float, seed: UInt64)]
    private let steps: Int

    /// Starts at once (after any sweep before it has stopped): `rates` × `seeds` networks of
    /// `steps` steps each on `base`.
    public init(base: TrainingConfig, rates: [Float], seeds: Int, steps: Int) {
        self.base = base
        self.steps = steps
        tasks = rates.flatMap { r in (0..<seeds).map { (r, base.seed + UInt64($0)) } }
        state = Mutex(Snapshot(total: tasks.count, steps: steps, seeds: seeds))
        SweepRunner.submit(self)
    }

    /// Starts the sweep `plan` describes (the event loop's `Effect.startSweep`).
    public convenience init(_ plan: RateSweep.Plan) {
        self.init(base: plan.config, rates: plan.rates, seeds: plan.seeds, steps: plan.steps)
    }

    public var snapshot: Snapshot { state.withLock { $0 } }

    /// Stops within one training step of the network being trained now.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Cancelled by `cancel()`, or by `BackgroundWork.drain()` before the process exits.
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) || BackgroundWork.shared.isCancellingAll }

    /// Trains every network in turn until done, failed or cancelled (on the runner's thread).
    fileprivate func runAll() {
        for (rate, seed) in tasks {
            if isCancelled { return }
            do {
                let run = try RateSweep.run(base, rate: rate, seed: seed, steps: steps) { self.isCancelled }
                state.withLock { $0.runs.append(run) }
            } catch is CancellationError {
                return
            } catch {
                state.withLock { $0.failure = "\(error)" }
                return
            }
        }
    }

    public static let defaultRates: [Float] = (0...9).map { Float($0) / 10 }
    /// Steps per network in the visualizer's sweep: shorter than `dropviz sweep`'s 3000 so the
    /// panel fills in within a minute or two.
    public static let steps = 1500
}

/// The one thread that runs sweeps, one after the other: the newest submitted job runs next
/// and every older one is cancelled, so at most one sweep trains at any time.
enum SweepRunner {
    private struct Queue {
        var current: SweepJob?
        var next: SweepJob?
        var threadRunning = false
    }
    private static let queue = Mutex(Queue())

    static func submit(_ job: SweepJob) {
        let startsThread = queue.withLock { q in
            q.current?.cancel()
            q.next?.cancel()
            q.next = job
            if q.threadRunning { return false }
            q.threadRunning = true
            return true
        }
        if startsThread { BackgroundWork.shared.start(name: "dropviz sweep", loop) }
    }

    /// Whether the runner's thread is alive (tests).
    static var isRunning: Bool { queue.withLock { $0.threadRunning } }

    @Sendable private static func loop() {
        while true {
            let job: SweepJob? = queue.withLock { q in
                q.current = q.next
                q.next = nil
                if q.current == nil { q.threadRunning = false }
                return q.current
            }
            guard let job else { return }
            job.runAll()
        }
    }
}
