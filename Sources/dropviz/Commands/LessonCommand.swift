import ArgumentParser
import DropoutCore
import DropvizUI
import Foundation

struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Open the visualizer on a prepared lesson with instructions.",
        discussion: "A lesson is a small JSON file: '--print NAME' shows one to copy and edit, 'dropviz run --lesson FILE' opens your own."
    )

    @Argument(help: "The lesson to open (see --list).")
    var name: String?

    @Flag(help: "List the built-in lessons.")
    var list = false

    @Flag(help: "Print the lesson's JSON file instead of opening it.")
    var print = false

    @Option(name: .customLong("state-out"), help: "Where to write the state string when the visualizer ends (default: dropviz-state.txt; it is also printed).")
    var stateOut: String = "dropviz-state.txt"

    @OptionGroup var visualizer: VisualizerOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        if list {
            for l in BuiltinLessons.all {
                let width = (BuiltinLessons.all.map(\.name.count).max() ?? 0) + 2
                Swift.print(l.name.padding(toLength: width, withPad: " ", startingAt: 0) + l.title)
            }
            return
        }
        guard let name else {
            throw DropvizError("name a lesson (one of: \(BuiltinLessons.all.map(\.name).joined(separator: ", "))) or use --list")
        }
        guard let lesson = BuiltinLessons.named(name) else {
            throw DropvizError("unknown lesson '\(name)' (one of: \(BuiltinLessons.all.map(\.name).joined(separator: ", ")))")
        }
        if print {
            Swift.print(lesson.json())
            return
        }
        var setup = try Setup.from(lesson: lesson)
        setup.statePath = stateOut
        try visualizer.apply(to: &setup)
        setup.language = try language.resolve()
        try setup.start()
    }
}
