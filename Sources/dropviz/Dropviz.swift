import ArgumentParser

struct Dropviz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dropviz",
        abstract: "Watch dropout train a real neural network, in the terminal.",
        discussion: """
            With no subcommand, opens the visualizer on the default scenario (two moons with \
            noise 0.35, 80 training examples, hidden 128,128, Adam at 0.001, rate 0.6).
            """,
        // The kernels matter as much as the version to a speed report: 3–5× between them.
        version: "0.1.0\nblas: \(BLASStartup.summary)",
        subcommands: [RunCommand.self, TrainCommand.self, ResumeCommand.self, EvalCommand.self, PredictCommand.self, EnsembleCommand.self, DatasetsCommand.self, SweepCommand.self, LessonCommand.self, BenchCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
