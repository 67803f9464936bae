import Foundation
import Synchronization

/// Every thread the visualizer starts besides the main one (the rate sweep, the panels'
/// background computations), counted so that the process can wait for them before it exits.
///
/// Why: `exit` runs the C library's teardown, and OpenBLAS's unmaps the buffers a thread
/// still inside `sgemm` is using: quitting during a sweep crashed with SIGSEGV. So the
/// visualizer calls `drain()` before it returns; work that can be cancelled is told to stop
/// first (the sweep stops within one training step), the rest is short and is waited for.
public final class BackgroundWork: Sendable {
    public static let shared = BackgroundWork()

    private struct State {
        var running = 0
        var cancelAll = false
    }
    private let state = Mutex(State())

    init() {}

    /// Threads started through `start` that have not finished yet.
    public var running: Int { state.withLock { $0.running } }

    /// Whether `drain()` has asked every job to stop (a job that can stop early polls it).
    public var isCancellingAll: Bool { state.withLock { $0.cancelAll } }

    /// Runs `body` on a new thread named `name`, counted until it returns.
    public func start(name: String, _ body: @escaping @Sendable () -> Void) {
        state.withLock { $0.running += 1 }
        let thread = Thread { [self] in
            body()
            state.withLock { $0.running -= 1 }
        }
        thread.name = name
        thread.start()
    }

    /// Asks every job to stop and waits until none runs (at most `timeout`; returns whether
    /// they all ended). New jobs may start again afterwards.
    @discardableResult
    public func drain(timeout: Duration = .seconds(30)) -> Bool {
        state.withLock { $0.cancelAll = true }
        defer { state.withLock { $0.cancelAll = false } }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while running > 0 {
            if clock.now >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return true
    }
}
