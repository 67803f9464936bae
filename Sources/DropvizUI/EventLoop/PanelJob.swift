import DropoutCore
import Synchronization

/// One panel value computed on another thread (`Effect.computePanel`): the request's trainer
/// rebuilt from its snapshot and the computation run on it, under a cancellation token that
/// the evaluation loops poll between passes (DropoutCore/Maths/Cancellation.swift), so that a
/// cancelled job ends within one pass of `predict` and quitting does not wait for it.
final class PanelJob: Sendable {
    let request: PanelRequest
    private let token = CancellationToken()
    private let result = Mutex<PanelResult?>(nil)

    /// `counters`: the runner's, told when the job starts and how it ends.
    init(_ request: PanelRequest, counters: PanelJobCounters) {
        self.request = request
        counters.count { $0.started += 1 }
        // Counted by BackgroundWork so that the process waits for it before exiting.
        BackgroundWork.shared.start(name: "dropviz panel") { [self] in
            let r = request.compute(token: token, background: true)
            // The result first: a job counted as ended is finished.
            result.withLock { $0 = r }
            counters.count { if r.value == nil { $0.cancelled += 1 } else { $0.completed += 1 } }
        }
    }

    /// Asks the computation to stop; its result then has no value.
    func cancel() { token.cancel() }

    /// The result, once the thread has finished.
    var finished: PanelResult? { result.withLock { $0 } }
}

/// Panel jobs started by one runner, and of them those that ran to the end with a value and
/// those ended by a cancellation (tests check that a quit cancels rather than waits: started
/// = completed + cancelled once the loop has returned).
public final class PanelJobCounters: Sendable {
    public struct Counts: Sendable, Equatable {
        public var started = 0, completed = 0, cancelled = 0
    }
    private let counts = Mutex(Counts())

    public var value: Counts { counts.withLock { $0 } }

    func count(_ change: (inout Counts) -> Void) { counts.withLock { change(&$0) } }
}
