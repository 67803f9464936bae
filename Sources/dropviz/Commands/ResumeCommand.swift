import ArgumentParser
import DropoutCore
import Foundation

/// `dropviz resume MODEL`: continue training a saved model with its own configuration. Only the
/// options that can apply to a saved run exist here, so the parser refuses the others.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue training a saved model (its own configuration is used)."
    )

    @Argument(help: "The model file to continue (JSON, from 'train --save').")
    var model: String

    @OptionGroup var headless: HeadlessTraining

    @Flag(name: .customLong("allow-changed-data"), help: "Continue even if the training CSV changed since the model was saved.")
    var allowChangedData = false

    func run() throws {
        try headless.run { try ModelFile.read(from: model).makeTrainer(source: model, allowChangedData: allowChangedData) }
    }
}
