import ArgumentParser
import DropoutCore
import DropvizUI
import Foundation

/// Options of the visualizer for preparing a class, shared by `run` and `lesson`.
struct VisualizerOptions: ParsableArguments {
    @Option(help: "Record the session to this asciicast v2 file (play it with 'asciinema play FILE.cast'; markers are chapters).")
    var record: String?

    @Option(help: "Colours of the figures x exports: dark (the terminal's) or light (for print).")
    var theme: FigureTheme = .dark

    /// Applies the options to `setup`; opens the recording file, so a bad path fails now.
    func apply(to setup: inout Setup) throws {
        setup.theme = theme
        if let path = record { setup.recorder = try CastRecorder(path: path) }
    }
}
