import DropoutCore
import Foundation

/// The one re-execution at start-up that sets OpenBLAS up before it loads: one thread, and
/// kernels that are not generic on a CPU the library does not recognise. Both are environment
/// variables OpenBLAS reads only when it loads, before `main`, hence the re-exec.
enum BLASStartup {
    /// Set in the re-executed process to the core OpenBLAS had detected, when dropviz chose
    /// another: the reports then say who chose the kernels.
    static let detectedVariable = "DROPVIZ_BLAS_DETECTED"
    /// For the tests only: treat OpenBLAS's detection as this core, so that the choice and the
    /// re-exec can be exercised on a CPU the library does recognise.
    static let pretendVariable = "DROPVIZ_TEST_BLAS_DETECTED"

    /// OPENBLAS_NUM_THREADS=1: OpenBLAS starts its worker threads when it loads, and
    /// `openblas_set_num_threads(1)` leaves them running: an idle worker still wakes and
    /// yields, 4–6 % of the process's CPU time on the digits step (perf), and a core's worth of
    /// spinning now and then beside a sweep's jobs. With the variable set OpenBLAS starts none
    /// (numpy's benchmark sets it too). Every product here runs on one thread anyway.
    ///
    /// OPENBLAS_CORETYPE: Debian's OpenBLAS 0.3.21 runs its generic SSE3 kernels on a CPU it
    /// does not know (a Sapphire Rapids: 22–31 GFLOP/s instead of 147), so when it chose a
    /// kernel set without AVX2 on a CPU with AVX2+FMA or AVX-512 the best one is asked for.
    /// A value the user set is never replaced, and neither variable is set twice: the
    /// re-executed process finds both set and goes on.
    static func restart() {
        #if os(Linux)
        let env = ProcessInfo.processInfo.environment
        var changed = false
        if env["OPENBLAS_NUM_THREADS"] == nil {
            setenv("OPENBLAS_NUM_THREADS", "1", 1)
            changed = true
        }
        let detected = env[pretendVariable] ?? BLASKernel.core
        if env["OPENBLAS_CORETYPE"] == nil,
           let better = BLASKernel.replacement(for: detected, on: BLASKernel.CPU.current()) {
            setenv("OPENBLAS_CORETYPE", better, 1)
            setenv(detectedVariable, detected, 1)
            changed = true
        }
        guard changed else { return }
        // The one reader of argv outside the parser: not to parse it, but to hand it unchanged
        // to the same program re-executed with the new environment.
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Only reached when exec failed: carry on with OpenBLAS as it is.
        #endif
    }

    /// Who chose the kernel set in use, in words, with a warning when it is generic on a CPU
    /// that has better ones.
    static var origin: String {
        let env = ProcessInfo.processInfo.environment
        let core = BLASKernel.core
        let requested = env["OPENBLAS_CORETYPE"]
        var words: String
        if let detected = env[detectedVariable], let requested {
            words = requested.lowercased() == core.lowercased()
                ? "chosen by dropviz; OpenBLAS detected \(detected)"
                : "OpenBLAS ignored OPENBLAS_CORETYPE=\(requested) set by dropviz"
        } else if let requested {
            words = "OPENBLAS_CORETYPE=\(requested) set by the user"
        } else {
            words = "detected by OpenBLAS"
        }
        if BLASKernel.isGeneric(core), let best = BLASKernel.CPU.current().bestCore {
            words += "; generic kernels on a CPU that can run \(best)"
        }
        return words
    }

    /// "OpenBLAS 0.3.21, blas_core Zen (detected by OpenBLAS)": for --version and bench.
    static var summary: String {
        let lib = BLASKernel.library
        return "\(lib.name) \(lib.version), blas_core \(BLASKernel.core) (\(origin))"
    }
}
