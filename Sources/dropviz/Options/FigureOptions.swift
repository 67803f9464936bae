import ArgumentParser
import DropoutCore
import DropvizUI
import Foundation

/// `--plot FILE.svg` and `--theme`: a figure for slides, written when the command ends.
struct FigureOptions: ParsableArguments {
    @Option(help: "Also write a figure (SVG, for slides) to this file when training ends.")
    var plot: String?

    @Option(help: "Colours of the --plot figure: dark (the terminal's) or light (for print).")
    var theme: FigureTheme = .dark

    /// Fails before any training when the figure could not be written at the end.
    func check() throws {
        guard let path = plot else { return }
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DropvizError("--plot: no such directory '\(directory)'")
        }
        guard !(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) else {
            throw DropvizError("--plot: '\(path)' is a directory; give a file name such as \((path as NSString).appendingPathComponent("figure.svg"))")
        }
    }

    /// Writes the figure `document` makes, if `--plot` was given (atomically).
    func write(_ document: () -> String) throws {
        guard let path = plot else { return }
        try SVG.write(document(), to: path)
    }
}

extension FigureTheme: ExpressibleByArgument {}
