import ArgumentParser
import DropoutCore
import DropvizUI
import Foundation

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train headless, printing the training and validation loss at every evaluation."
    )

    @OptionGroup var options: TrainingOptions
    @OptionGroup var headless: HeadlessTraining

    /// Continuing a saved run is `resume` now, whose parser refuses the options a saved model
    /// fixes; the old spelling stays (hidden) for one release to point there.
    @Option(help: .hidden)
    var load: String?

    func run() throws {
        if let path = load {
            throw DropvizError("train --load is now 'dropviz resume \(path)' (the saved model keeps its own configuration)")
        }
        try headless.run { try Trainer(config: options.config()) }
    }
}
