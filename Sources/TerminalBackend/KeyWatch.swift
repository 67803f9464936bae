#if canImport(Glibc)
import Glibc
#endif

// The terminal's modes before a `KeyWatch` changed them, for the signal handlers
// (SignalGuard.swift): a signal that kills the process while keys are watched must not leave
// the shell without echo. Preallocated, and written before the handlers can need it.
nonisolated(unsafe) private let savedModes: UnsafeMutablePointer<termios> = {
    let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    pointer.initialize(to: termios())
    return pointer
}()
/// 1 while a `KeyWatch` has the terminal's modes changed.
nonisolated(unsafe) private var watchingFlag: sig_atomic_t = 0

/// Puts the terminal's modes back if a `KeyWatch` changed them (async-signal-safe: tcsetattr).
func restoreWatchedTerminal() {
    if watchingFlag != 0 {
        watchingFlag = 0
        tcsetattr(0, TCSANOW, savedModes)
    }
}

/// Reads the keys typed while the screen is not taken yet (a state string's fast-forward):
/// the terminal without line buffering, echo or signal keys, so `q` and Ctrl-C arrive as bytes
/// at once and nothing typed is printed over the progress bar. SIGINT, SIGTERM, SIGHUP,
/// SIGUSR1 and SIGPIPE are caught meanwhile as by the visualizer (`signalled`); `stop()`
/// (or the end of the watch) puts everything back.
public final class KeyWatch {
    private var active = false

    /// Nil when standard input is not a terminal: there are no keys to read.
    public init?() {
        guard isatty(0) == 1, tcgetattr(0, savedModes) == 0 else { return nil }
        var modes = savedModes.pointee
        modes.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        withUnsafeMutableBytes(of: &modes.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        SignalGuard.install()
        watchingFlag = 1
        guard tcsetattr(0, TCSANOW, &modes) == 0 else {
            watchingFlag = 0
            SignalGuard.restore()
            return nil
        }
        active = true
    }

    deinit { stop() }

    /// The bytes typed since the last call, without waiting.
    public func typed() -> [UInt8] {
        guard active else { return [] }
        var bytes: [UInt8] = []
        var ready = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        var chunk = [UInt8](repeating: 0, count: 64)
        while poll(&ready, 1, 0) > 0, ready.revents & Int16(POLLIN) != 0 {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// The first interrupting signal since the watch began, or 0.
    public var signalled: Int32 { SignalGuard.interrupted ? SignalGuard.receivedSignal : 0 }

    /// Gives the terminal its modes and the signals their actions back. Safe to call twice.
    public func stop() {
        guard active else { return }
        active = false
        restoreWatchedTerminal()
        SignalGuard.restore()
    }
}
