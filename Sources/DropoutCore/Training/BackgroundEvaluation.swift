import Foundation
import Synchronization

/// The evaluations on the full sets, moved off the thread that trains (the visualizer).
///
/// Why: `Trainer.step` evaluates on the whole training and validation sets every `evalEvery`
/// steps, and under DropConnect's moment matching that is hundreds of milliseconds; inside a
/// step it cannot be cut by the frame's budget, so keys waited for it. With one of these set on
/// a trainer (`Trainer.backgroundEvaluation`), an evaluation step takes a snapshot of the
/// weights (`EvaluationSnapshot`) and this evaluates it on another thread; the trainer records
/// the results in step order when it collects them (`Trainer.collectBackgroundEvaluations`).
///
/// Determinism: eval mode reads only the weights and the settings, and DropConnect's
/// inference draws from its own fixed stream (DropConnect.swift), so evaluating a snapshot
/// consumes nothing of the training streams and gives exactly the number evaluated inline
/// (`BackgroundEvaluationTests`). The training itself is the same whatever the timing.
public final class BackgroundEvaluation: Sendable {
    /// Runs a body on a new thread (the visualizer counts its threads: BackgroundWork).
    public typealias Spawn = @Sendable (_ name: String, _ body: @escaping @Sendable () -> Void) -> Void

    private struct Queued: Sendable {
        let generation: Int
        let snapshot: EvaluationSnapshot
    }

    private struct State {
        var queue: [Queued] = []
        var finished: [(generation: Int, evaluation: Evaluation)] = []
        /// Submitted and not yet taken: queued, running or finished.
        var backlog = 0
        var working = false
    }

    private let state = Mutex(State())
    private let spawn: Spawn
    private let cancelled: @Sendable () -> Bool

    /// `cancelled` is polled between evaluations and by the long loops inside one: when it is
    /// true the one running and the rest are dropped (the process is about to exit).
    public init(spawn: @escaping Spawn, cancelled: @escaping @Sendable () -> Bool = { false }) {
        self.spawn = spawn
        self.cancelled = cancelled
    }

    /// Evaluations submitted and not yet taken by the trainer.
    public var backlog: Int { state.withLock { $0.backlog } }

    /// Queues `snapshot`; one worker thread at a time evaluates the queue in order.
    func submit(_ snapshot: EvaluationSnapshot, generation: Int) {
        let startsWorker = state.withLock { s -> Bool in
            s.queue.append(Queued(generation: generation, snapshot: snapshot))
            s.backlog += 1
            guard !s.working else { return false }
            s.working = true
            return true
        }
        if startsWorker { spawn("dropviz evaluation") { [self] in work() } }
    }

    private func work() {
        while true {
            let next = state.withLock { s -> Queued? in
                guard !s.queue.isEmpty else { s.working = false; return nil }
                return s.queue.removeFirst()
            }
            guard let next else { return }
            // A snapshot of a valid trainer always rebuilds; were it not to, or when the process
            // is exiting, the evaluation is dropped rather than waited for.
            // The long loops inside the evaluation poll this token, so quitting does not wait
            // for a whole evaluation (seconds under DropConnect's moment matching on a large
            // network); one cut short is dropped.
            let token = CancellationToken(alsoWhen: cancelled)
            let evaluation: Evaluation? = token.isCancelled ? nil : (try? next.snapshot.makeTrainer()).flatMap { t in
                // As inside `Trainer.step`, which evaluates with subnormals flushed.
                var e = Cancellation.$current.withValue(token) { FloatMode.flushingSubnormals { t.measureEvaluation() } }
                guard !token.isCancelled else { return nil }
                // The rebuilt trainer is at step 0; the weights are the snapshot's step's.
                e.step = next.snapshot.step
                return e
            }
            state.withLock { s in
                if let evaluation { s.finished.append((next.generation, evaluation)) } else { s.backlog -= 1 }
            }
        }
    }

    /// The finished evaluations, in step order, taken out of the backlog.
    func takeFinished() -> [(generation: Int, evaluation: Evaluation)] {
        state.withLock { s in
            let f = s.finished
            s.finished = []
            s.backlog -= f.count
            return f
        }
    }

    /// Whether every submitted evaluation has finished (or been dropped).
    var isIdle: Bool { state.withLock { $0.queue.isEmpty && !$0.working } }
}

extension Trainer {
    /// Records the evaluations finished in the background (none when there is no
    /// `backgroundEvaluation`); `waiting`: first waits for those still running, so that an
    /// evaluation made now comes after them on the history.
    public func collectBackgroundEvaluations(waiting: Bool = false) {
        guard let bg = backgroundEvaluation else { return }
        if waiting {
            while !bg.isIdle { Thread.sleep(forTimeInterval: 0.001) }
        }
        for (generation, e) in bg.takeFinished() where generation == evaluationGeneration {
            record(e)
            if !e.trainLoss.isFinite || !e.valLoss.isFinite { markDiverged() }
        }
    }

    /// An evaluation of the weights as they are now, outside the `evalEvery` schedule (after a
    /// change of scaling or variant, so that the plot's marker has the new loss beside it): on
    /// the background evaluator when there is one, recorded when collected like the scheduled
    /// ones; else at once. A key in the visualizer never waits for a whole evaluation this way.
    public func evaluateSoon() {
        if let bg = backgroundEvaluation {
            bg.submit(EvaluationSnapshot(self), generation: evaluationGeneration)
        } else {
            evaluate()
        }
    }

    /// Whether training should wait for the evaluations in the background (more than two
    /// behind): the event loop then draws and reads keys without stepping.
    public var evaluationBacklogged: Bool { (backgroundEvaluation?.backlog ?? 0) > 2 }
}
