import DropoutCore
import Foundation
import TermUI

/// Records the visualizer to an asciicast v2 file (`--record FILE.cast`): every frame drawn,
/// as the ANSI output of the cells that changed, and a marker at every event the plot marks.
///
/// The drawing thread only keeps each frame (a buffer is a copy-on-write value) and hands them
/// over eight at a time — waking another thread every frame cost up to milliseconds on a busy
/// machine: the diff, the escape sequences, the JSON and the writing happen on a serial queue
/// of their own, in chunks of 64 KiB, so a recording costs a frame next to nothing.
///
/// The file is written beside its target under `AtomicFile`'s temporary name and renamed over
/// it by `finish()`: the target is the whole recording or is left as it was, never cut
/// mid-event. The visualizer calls `finish()` on every way out it restores the terminal on.
///
/// `@unchecked Sendable`: the properties below `queue` are touched only on it; the others only
/// on the drawing thread.
public final class CastRecorder: @unchecked Sendable {
    public let path: String
    private let queue = DispatchQueue(label: "dropviz.recording", qos: .utility)
    private let clock = ContinuousClock()
    // The drawing thread's.
    private var start: ContinuousClock.Instant?
    private var markers = RecordingMarkers()
    private var lastTime = 0.0
    private var done = false
    /// Frames and markers not yet handed to the queue, in order.
    private var batch: [Entry] = []
    private enum Entry: Sendable { case frame(Buffer, Double), marker(String, Double) }
    static let framesPerBatch = 8
    // The queue's.
    private let temporary: String
    private var fd: Int32
    private var previous: Buffer?
    private var pending: [UInt8] = []
    private var failure: String?
    private var colorCount = 256
    private var utf8 = true

    static let chunk = 1 << 16

    /// Opens the file, so that a path that cannot be written fails before the screen is taken.
    public init(path: String) throws(DropvizError) {
        self.path = path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DropvizError("--record: '\(path)' is a directory; give a file name such as \((path as NSString).appendingPathComponent("demo.cast"))")
        }
        temporary = AtomicFile.temporaryPath(for: path)
        unlink(temporary)
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DropvizError("--record: cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    /// Starts the clock and writes the header: the screen's size, the time, TERM and SHELL.
    public func begin(width: Int, height: Int, colorCount: Int, utf8: Bool, title: String?) {
        start = clock.now
        var env: [String: String] = [:]
        for name in ["TERM", "SHELL"] { env[name] = ProcessInfo.processInfo.environment[name] }
        let header = Asciicast.header(width: width, height: height, timestamp: Int(Date().timeIntervalSince1970), title: title, env: env)
        queue.async { [self] in
            self.colorCount = colorCount
            self.utf8 = utf8
            append(header)
            append(Asciicast.event(time: 0, .output, ANSIWriter.clearScreen))
        }
    }

    /// Marks what changed in `state` since the last call: the visualizer calls this after
    /// handling the frame's keys, before training goes on, so a reset is still at step 0.
    public func mark(_ state: AppState) {
        guard !done else { return }
        let labels = markers.new(in: state)
        guard !labels.isEmpty else { return }
        let time = now()
        for label in labels { batch.append(.marker(label, time)) }
    }

    /// Records the frame just drawn.
    public func record(_ buffer: Buffer) {
        guard !done else { return }
        batch.append(.frame(buffer, now()))
        if batch.count >= Self.framesPerBatch { handOver() }
    }

    /// Sends the batch to the queue.
    private func handOver() {
        let entries = batch
        batch = []
        queue.async { [self] in
            for entry in entries {
                switch entry {
                case .frame(let buffer, let time): encode(buffer, at: time)
                case .marker(let label, let time): append(Asciicast.event(time: time, .marker, label))
                }
            }
            if pending.count >= Self.chunk { flush() }
        }
    }

    /// On the queue: the frame's output event, after a resize event if its size changed.
    private func encode(_ buffer: Buffer, at time: Double) {
        let output: String
        if let previous, previous.width == buffer.width, previous.height == buffer.height {
            output = ANSIWriter.output(buffer.diff(from: previous), width: buffer.width, colorCount: colorCount, utf8: utf8)
        } else {
            if previous != nil { append(Asciicast.event(time: time, .resize, "\(buffer.width)x\(buffer.height)")) }
            output = ANSIWriter.clearScreen + ANSIWriter.output(buffer.diff(from: Buffer(width: 0, height: 0)), width: buffer.width, colorCount: colorCount, utf8: utf8)
        }
        previous = buffer
        if !output.isEmpty { append(Asciicast.event(time: time, .output, output)) }
    }

    /// Ends the recording: the terminal's colours and cursor given back (for `asciinema play`,
    /// which plays into the user's terminal), everything written, the file renamed into place.
    /// Returns the problem, if writing failed (the target is then left as it was).
    @discardableResult
    public func finish() -> String? {
        guard !done else { return queue.sync { failure } }
        done = true
        guard start != nil else {
            // The screen was never taken: nothing was recorded, and nothing replaces the target.
            return queue.sync {
                close(fd)
                fd = -1
                unlink(temporary)
                return nil
            }
        }
        let time = now()
        handOver()
        return queue.sync {
            let bottom = (previous?.height ?? 1)
            append(Asciicast.event(time: time, .output, "\u{1B}[0m\u{1B}[?25h\u{1B}[\(bottom);1H"))
            flush()
            if failure == nil && fsync(fd) != 0 && errno != EINVAL { failure = Self.lastError() }
            if close(fd) != 0 && failure == nil { failure = Self.lastError() }
            fd = -1
            if failure == nil && rename(temporary, path) != 0 { failure = Self.lastError() }
            if failure != nil { unlink(temporary) }
            return failure
        }
    }

    /// Seconds since `begin`, never less than the last time given (the file's times must not
    /// go back).
    private func now() -> Double {
        guard let start else { return 0 }
        let d = (clock.now - start).components
        lastTime = max(lastTime, Double(d.seconds) + Double(d.attoseconds) / 1e18)
        return lastTime
    }

    private func append(_ line: String) {
        pending.append(contentsOf: line.utf8)
    }

    /// Writes what is pending in one call (whole lines); after a failure nothing more is written.
    private func flush() {
        defer { pending.removeAll(keepingCapacity: true) }
        guard failure == nil, fd >= 0 else { return }
        pending.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = Self.lastError()
                    return
                }
                offset += n
            }
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
