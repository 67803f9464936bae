import ArgumentParser
import DropoutCore
import Foundation
import TerminalBackend

/// Runs the command and turns every error into one line on stderr and a non-zero exit:
/// a user never sees a stack trace or a page of usage for a typo.
@main
enum Entry {
    static func main() {
        restartWithOneBLASThread()
        BLAS.useOneThread()
        do {
            var command = try Dropviz.parseAsRoot()
            try command.run()
            // Output lost to a full disk or a closed pipe must not end with status 0.
            if StandardOutput.failed {
                throw DropvizError("cannot write standard output: \(String(cString: strerror(errno)))")
            }
        } catch let error as DropvizError {
            Console.error(error.message)
            exit(1)
        } catch let code as ExitCode {
            // A status without a message (the visualizer ended by a signal).
            exit(code.rawValue)
        } catch {
            let code = Dropviz.exitCode(for: error)
            if code == .success {
                // --help and --version: ArgumentParser prints them in full.
                Dropviz.exit(withError: error)
            }
            let message = Dropviz.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            Console.error("\(message.replacingOccurrences(of: "Error: ", with: "")) (see 'dropviz help')")
            exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }

    /// OpenBLAS starts its worker threads when it loads, before `main`, and
    /// `openblas_set_num_threads(1)` leaves them running: an idle worker still wakes and
    /// yields, 4–6 % of the process's CPU time on the digits step (perf), and a core's worth of
    /// spinning now and then beside a sweep's jobs. With OPENBLAS_NUM_THREADS=1 in the
    /// environment OpenBLAS starts none (numpy's benchmark sets it too), so the process sets it
    /// and runs itself again, once. Every product here runs on one thread anyway.
    static func restartWithOneBLASThread() {
        #if os(Linux)
        guard getenv("OPENBLAS_NUM_THREADS") == nil else { return }
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Only reached when exec failed: carry on with the threads.
        #endif
    }
}
