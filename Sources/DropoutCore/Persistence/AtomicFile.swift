import Foundation

/// Writes a file so that it is either the old one or the whole new one, never a part: the
/// bytes go to `.NAME.dropviz-tmp` beside the target, are flushed to disk, then renamed over it.
///
/// The temporary name is fixed for a target, so a save killed half way (SIGKILL, power loss)
/// leaves a file one can recognise, and the next save of the same target removes it first.
/// Two processes saving to the same path at once are not supported.
public enum AtomicFile {
    public struct Failure: Error, Sendable {
        public let reason: String
    }

    /// The temporary file used for `path`.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).dropviz-tmp").path
    }

    public static func write(_ bytes: Data, to path: String) throws(Failure) {
        let tmp = temporaryPath(for: path)
        // A stale one from a save that was killed.
        unlink(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(reason: lastError()) }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = lastError()
                    return
                }
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 && errno != EINVAL { failure = lastError() }
        if close(fd) != 0 && failure == nil { failure = lastError() }
        if failure == nil && rename(tmp, path) != 0 { failure = lastError() }
        if let failure {
            unlink(tmp)
            throw Failure(reason: failure)
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
