import ArgumentParser
import DropoutCore
import Foundation

/// Runs the command and turns every error into one line on stderr and a non-zero exit:
/// a user never sees a stack trace or a page of usage for a typo.
@main
enum Entry {
    static func main() {
        BLAS.useOneThread()
        do {
            var command = try Dropviz.parseAsRoot()
            try command.run()
        } catch let error as DropvizError {
            Console.error(error.message)
            exit(1)
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
}
