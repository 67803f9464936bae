import CNCurses

/// The process's standard output as the C library buffers it (Swift's `print` writes there).
public enum StandardOutput {
    /// Flushes it; true when any write to it failed since the start (ENOSPC on /dev/full…):
    /// the caller must then not exit with status 0.
    public static var failed: Bool { cn_stdout_failed() != 0 }
}
