import ArgumentParser
import DropoutCore
import Foundation

struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the built-in data sets with their sizes."
    )

    func run() throws {
        print("name            examples  features  classes  description")
        for e in DatasetCatalog.entries {
            var rng = Stream.generator(seed: 1, stream: .data)
            let d = try DatasetCatalog.load(e.name, noise: nil, rng: &rng)
            let classes = d.task.isClassification ? String(d.task.outputs) : "-"
            let size = e.isGenerated ? "\(d.count)*" : String(d.count)
            print(e.name.padding(toLength: 14, withPad: " ", startingAt: 0)
                  + String(format: "  %8@  %8d  %7@  ", size, d.featureCount, classes) + e.summary)
        }
        print("* generated: noise with --noise (default per set), 80 training examples (sequence sets: all) unless --train-size.")
        print("Any FILE.csv works too: numeric columns, the integer class label last, header optional.")
    }
}
