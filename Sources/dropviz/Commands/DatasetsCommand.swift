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
            // 70,000 images are not loaded to be counted: the package is there or not.
            if e.name == FashionMNIST.name {
                let state = FashionMNIST.installedFiles() == nil ? "not installed (apt-get install \(FashionMNIST.package))" : "installed"
                print(e.name.padding(toLength: 14, withPad: " ", startingAt: 0)
                      + String(format: "  %8@  %8d  %7d  ", "70000", 784, 10) + e.summary + ": " + state)
                continue
            }
            var rng = Stream.generator(seed: 1, stream: .data)
            let d = try DatasetCatalog.load(e.name, noise: nil, rng: &rng)
            let classes = d.task.isClassification ? String(d.task.outputs) : "-"
            let size = e.isGenerated ? "\(d.count)*" : String(d.count)
            print(e.name.padding(toLength: 14, withPad: " ", startingAt: 0)
                  + String(format: "  %8@  %8d  %7@  ", size, d.featureCount, classes) + e.summary)
        }
        print("* generated: noise with --noise (default per set), 80 training examples (sequence sets: all) unless --train-size.")
        print("fashion-mnist:N is a seeded subset of N images.")
        print("Any FILE.csv works too: numeric columns, the class label last (a whole number or a name; --task regression: real targets), header optional.")
    }
}
