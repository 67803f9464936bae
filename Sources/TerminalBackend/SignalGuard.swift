#if canImport(Glibc)
import Glibc
#endif
import CNCurses

// State shared with signal handlers. Signal handlers cannot take captures or locks, so these
// are plain globals: `nonisolated(unsafe)` is sound here because each is a single word (or a
// pointer to preallocated memory) written either by the main thread before the handlers are
// installed, or by a handler as one aligned store that the main loop only polls. They are
// all touched in `SignalGuard.install()` first so their lazy initialisation (swift_once)
// never runs inside a handler.

/// Set to 1 by an interrupting signal; the app loop sees it through `Terminal.poll`.
nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0
/// The first interrupting signal's number, or 0.
nonisolated(unsafe) private var receivedSignalNumber: sig_atomic_t = 0
/// 1 when the user asked for Swift's backtrace (SWIFT_BACKTRACE set): a crash is then handed
/// to Swift's handler, which prints it and holds the terminal for a while; otherwise the
/// process dies at once by the signal's default action.
nonisolated(unsafe) private var wantsBacktrace: sig_atomic_t = 0
/// The line a crash writes to stderr, preallocated: a handler may not allocate.
nonisolated(unsafe) private let crashLine: (pointer: UnsafeMutablePointer<UInt8>, count: Int) = {
    let text = Array("dropviz: crashed (fatal signal); the terminal was restored. Set SWIFT_BACKTRACE=enable=yes for a backtrace.\n".utf8)
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: text.count)
    pointer.initialize(from: text, count: text.count)
    return (pointer, text.count)
}()
/// 1 while curses owns the screen, so handlers know whether `endwin()` is needed.
nonisolated(unsafe) private var cursesActiveFlag: sig_atomic_t = 0
/// The actions that were in place before ours, indexed by signal number, to hand faults back to
/// (Swift's own crash reporter among them) and to restore on `stop()`.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
    pointer.initialize(repeating: sigaction(), count: Int(NSIG))
    return pointer
}()
nonisolated(unsafe) private var atexitRegistered = false

/// SIG_DFL for `signal` (async-signal-safe: sigaction only).
private func setDefaultAction(_ signal: Int32) {
    var fallback = sigaction()
    fallback.__sigaction_handler.sa_handler = nil  // SIG_DFL
    sigemptyset(&fallback.sa_mask)
    sigaction(signal, &fallback, nil)
}

/// Keeps the terminal usable whatever happens: Ctrl-C via `kill`, SIGTERM, a hang-up, a Swift
/// trap, SIGQUIT, `exit()`.
enum SignalGuard {
    /// Signals that end the app through its normal path (restore, join background work, exit).
    /// SIGHUP: the terminal went away; SIGPIPE: a write found no reader; SIGUSR1: nothing of
    /// ours uses it, and its default would kill the process with the screen still taken.
    static let interruptSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGPIPE]
    /// Signals after which the process must die: the screen is restored first.
    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGABRT, SIGQUIT]

    static var interrupted: Bool { interruptFlag != 0 }
    static var receivedSignal: Int32 { Int32(receivedSignalNumber) }

    static var cursesActive: Bool {
        get { cursesActiveFlag != 0 }
        set { cursesActiveFlag = newValue ? 1 : 0 }
    }

    /// Call before `newterm`: ncurses then sees that SIGINT/SIGTERM are taken and leaves them
    /// to us (it still installs its SIGWINCH handler, which turns resizes into KEY_RESIZE).
    static func install() {
        interruptFlag = 0
        receivedSignalNumber = 0
        cursesActiveFlag = 0
        wantsBacktrace = getenv("SWIFT_BACKTRACE") != nil ? 1 : 0
        _ = previousActions
        _ = crashLine
        if !atexitRegistered {
            atexitRegistered = true
            // A plain `exit()` somewhere in the app must not leave the terminal raw.
            atexit {
                if cursesActiveFlag != 0 { _ = endwin() }
                restoreWatchedTerminal()
            }
        }
        for signal in interruptSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if interruptFlag != 0 {
                    // A second signal while the first is still unanswered: the loop is stuck,
                    // so restore the screen and let the signal do what it did before us.
                    if cursesActiveFlag != 0 { _ = endwin() }
                    restoreWatchedTerminal()
                    sigaction(signal, previousActions + Int(signal), nil)
                    raise(signal)
                    return
                }
                receivedSignalNumber = signal
                interruptFlag = 1
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, previousActions + Int(signal))
        }
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in
                restoreWatchedTerminal()
                if cursesActiveFlag != 0 {
                    cursesActiveFlag = 0
                    _ = endwin()
                    if signal != SIGQUIT { _ = write(2, crashLine.pointer, crashLine.count) }
                }
                if wantsBacktrace != 0 {
                    // A real fault repeats when we return and now meets the previous handler
                    // (Swift's backtrace) on a sane screen.
                    sigaction(signal, previousActions + Int(signal), nil)
                } else {
                    // Swift's crash reporter would hold the terminal for many seconds with
                    // SIGTERM blocked: die by the default action instead (a real fault repeats
                    // when we return; one sent by kill() is raised again below).
                    setDefaultAction(signal)
                }
                // One sent by kill() or abort() would not repeat, and Swift's handler returns
                // after its report, which would leave the app running on a dead screen: die by
                // it instead.
                if let info, info.pointee.si_code <= 0 {
                    setDefaultAction(signal)
                    raise(signal)
                }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO
            sigaction(signal, &action, previousActions + Int(signal))
        }
    }

    static func restore() {
        for signal in interruptSignals + crashSignals {
            sigaction(signal, previousActions + Int(signal), nil)
        }
    }
}
