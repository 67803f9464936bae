import Foundation

/// Output helpers for the headless commands.
enum Console {
    /// `dropviz: message` on stderr.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("dropviz: \(message)\n".utf8))
    }

    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
}
