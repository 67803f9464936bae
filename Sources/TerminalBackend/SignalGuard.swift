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

/// Set to 1 by SIGINT/SIGTERM; the app loop sees it through `Terminal.poll`.
nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0
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

/// Keeps the terminal usable whatever happens: Ctrl-C via `kill`, SIGTERM, a Swift trap, `exit()`.
enum SignalGuard {
    static let interruptSignals: [Int32] = [SIGINT, SIGTERM]
    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE]

    static var interrupted: Bool { interruptFlag != 0 }

    static var cursesActive: Bool {
        get { cursesActiveFlag != 0 }
        set { cursesActiveFlag = newValue ? 1 : 0 }
    }

    /// Call before `newterm`: ncurses then sees that SIGINT/SIGTERM are taken and leaves them
    /// to us (it still installs its SIGWINCH handler, which turns resizes into KEY_RESIZE).
    static func install() {
        interruptFlag = 0
        cursesActiveFlag = 0
        _ = previousActions
        if !atexitRegistered {
            atexitRegistered = true
            // A plain `exit()` somewhere in the app must not leave the terminal raw.
            atexit { if cursesActiveFlag != 0 { _ = endwin() } }
        }
        for signal in interruptSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if interruptFlag != 0 {
                    // A second signal while the first is still unanswered: the loop is stuck,
                    // so restore the screen and let the signal do what it did before us.
                    if cursesActiveFlag != 0 { _ = endwin() }
                    sigaction(signal, previousActions + Int(signal), nil)
                    raise(signal)
                    return
                }
                interruptFlag = 1
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, previousActions + Int(signal))
        }
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in
                if cursesActiveFlag != 0 {
                    cursesActiveFlag = 0
                    _ = endwin()
                }
                // A real fault repeats when we return and now meets the previous handler (Swift's
                // backtrace) on a sane screen.
                sigaction(signal, previousActions + Int(signal), nil)
                // One sent by kill() would not repeat, and Swift's handler returns after its
                // report, which would leave the app running on a dead screen: die by it instead.
                if let info, info.pointee.si_code <= 0 {
                    var fallback = sigaction()
                    fallback.__sigaction_handler.sa_handler = nil  // SIG_DFL
                    sigemptyset(&fallback.sa_mask)
                    sigaction(signal, &fallback, nil)
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
