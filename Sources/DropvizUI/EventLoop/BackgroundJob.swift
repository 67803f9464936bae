import DropoutCore
import Synchronization

/// One piece of work on another thread whose answer the loop picks up when a frame polls it:
/// the figures `x` writes, the new run a data key builds. Counted by `BackgroundWork` (the
/// process waits for it before exiting), under a token that the evaluation loops poll
/// (Cancellation.swift) and that is cancelled when the process is exiting.
final class BackgroundJob<Value: Sendable>: Sendable {
    private let token = CancellationToken(alsoWhen: { BackgroundWork.shared.isCancellingAll })
    private let result = Mutex<Value?>(nil)

    init(name: String, _ body: @escaping @Sendable (CancellationToken) -> Value) {
        BackgroundWork.shared.start(name: name) { [self] in
            let value = Cancellation.$current.withValue(token) { body(token) }
            result.withLock { $0 = value }
        }
    }

    /// Asks the work to stop at its next poll.
    func cancel() { token.cancel() }

    /// The answer, once the thread has finished.
    var finished: Value? { result.withLock { $0 } }
}
