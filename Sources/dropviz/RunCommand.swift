import ArgumentParser
import DropoutCore
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open the interactive visualizer (the default command)."
    )

    @OptionGroup var options: TrainingOptions

    func run() throws {
        let config = try options.config(defaultEvalEvery: 20)
        guard Console.stdoutIsTerminal else {
            throw DropvizError("the visualizer needs a terminal; for headless training use 'dropviz train'")
        }
        try Visualizer.run(trainer: Trainer(config: config))
    }
}
