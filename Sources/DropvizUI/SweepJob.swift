import DropoutCore
import Foundation
import Synchronization

/// A rate sweep running in the background while the visualizer trains: one network per rate
/// and seed, one at a time on its own thread (the other core keeps the screen smooth), its
/// results filling in the sweep panel as they finish.
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

    /// Starts at once: `rates` × `seeds` networks of `steps` steps each on `base`.
    public init(base: TrainingConfig, rates: [Float], seeds: Int, steps: Int) {
        let tasks = rates.flatMap { r in (0..<seeds).map { (r, base.seed + UInt64($0)) } }
        state = Mutex(Snapshot(total: tasks.count, steps: steps, seeds: seeds))
        let thread = Thread { [self] in
            for (rate, seed) in tasks {
                if cancelled.load(ordering: .relaxed) { return }
                do {
                    let run = try RateSweep.run(base, rate: rate, seed: seed, steps: steps)
                    state.withLock { $0.runs.append(run) }
                } catch {
                    state.withLock { $0.failure = "\(error)" }
                    return
                }
            }
        }
        thread.name = "dropviz sweep"
        thread.start()
    }

    public var snapshot: Snapshot { state.withLock { $0 } }

    /// Stops after the network being trained now.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public static let defaultRates: [Float] = (0...9).map { Float($0) / 10 }
    /// Steps per network in the visualizer's sweep: shorter than `dropviz sweep`'s 3000 so the
    /// panel fills in within a minute or two.
    public static let steps = 1500
}
