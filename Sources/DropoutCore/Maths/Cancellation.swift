import Synchronization

/// A flag another thread sets to ask a long computation to stop (a panel's value computed in
/// the background when the user quits or the value is no longer wanted).
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)
    /// A condition that cancels too (the process exiting), polled with the flag.
    private let condition: (@Sendable () -> Bool)?

    public init(alsoWhen condition: (@Sendable () -> Bool)? = nil) { self.condition = condition }

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) || (condition?() ?? false) }
}

/// The token of the computation running on this thread, if any: the long loops of evaluation
/// (`MLPNetwork.predict(_:rowsPerPass:)` between passes, Monte Carlo dropout between samples,
/// DropConnect's moment matching between blocks of units)
/// poll it and return early, so a cancelled computation ends within one pass.
///
/// Why a task-local rather than a parameter: the panels' computations are closures over a
/// trainer that call the ordinary prediction functions; binding the token around the closure
/// reaches those loops without a cancellation argument on every function between them. A
/// result cut short is meaningless (its last rows are zeros): whoever cancelled must drop it,
/// which the panel jobs do (they check the token after the computation).
public enum Cancellation {
    @TaskLocal public static var current: CancellationToken?

    /// Whether the computation running on this thread has been asked to stop.
    public static var isRequested: Bool { current?.isCancelled ?? false }
}
