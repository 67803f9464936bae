import ArgumentParser
import DropoutCore
import Foundation
import TerminalBackend

/// Runs the command and turns every error into one line on stderr and a non-zero exit:
/// a user never sees a stack trace or a page of usage for a typo.
@main
enum Entry {
    static func main() {
        BLASStartup.restart()
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
        } catch let error as SettingError {
            Console.error(error.commandLineMessage)
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
            let full = Dropviz.message(for: error)
            if let choice = ChoiceErrorText.rewrite(full) {
                Console.error(choice)
                exit(code.rawValue == 0 ? 1 : code.rawValue)
            }
            let message = full
                .split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            Console.error("\(message.replacingOccurrences(of: "Error: ", with: "")) (see 'dropviz help')")
            exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}
