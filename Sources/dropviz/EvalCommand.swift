import ArgumentParser
import DropoutCore
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Loss and accuracy of a saved model, in eval mode (no units dropped)."
    )

    @Option(help: "The saved model (from 'dropviz train --save').")
    var load: String

    @Option(help: "Evaluate on this CSV file instead of the model's own training and validation sets.")
    var dataset: String?

    @Option(help: "Output format: table or json.")
    var format: EvalFormat = .table

    enum EvalFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func run() throws {
        let model = try ModelFile.read(from: load)
        let trainer = try model.makeTrainer(source: load)
        var rows: [(String, Int, Float, Float?)] = []
        if let path = dataset {
            let set = try ModelFile.standardisedDataset(path: path, trainer: trainer)
            let (l, a) = trainer.measure(set)
            rows.append((path, set.count, l, a))
        } else {
            let (tl, ta) = trainer.measure(trainer.data.train)
            let (vl, va) = trainer.measure(trainer.data.validation)
            rows.append(("train", trainer.data.train.count, tl, ta))
            rows.append(("validation", trainer.data.validation.count, vl, va))
        }
        switch format {
        case .table:
            print("model \(load): \(trainer.config.dataset), hidden \(trainer.config.hidden.map(String.init).joined(separator: ",")), step \(trainer.currentStep)")
            print("set".padding(toLength: 14, withPad: " ", startingAt: 0) + "  examples        loss  accuracy")
            for (name, n, l, a) in rows {
                let acc = a.map { String(format: "%.4f", $0) } ?? "-"
                print(name.padding(toLength: 14, withPad: " ", startingAt: 0)
                      + String(format: "  %8d  %10@  %8@", n, EvaluationPrinter.number(l), acc))
            }
        case .json:
            let items = rows.map { name, n, l, a in
                "{\"set\":\"\(name)\",\"examples\":\(n),\"loss\":\(EvaluationPrinter.json(l))"
                    + (a.map { ",\"accuracy\":\(String(format: "%.4f", $0))" } ?? "") + "}"
            }
            print("{\"step\":\(trainer.currentStep),\"results\":[\(items.joined(separator: ","))]}")
        }
    }
}

extension ModelFile {
    /// A user's CSV standardised with the model's training statistics.
    static func standardisedDataset(path: String, trainer: Trainer) throws -> Dataset {
        var set = try DatasetCatalog.isFile(path)
            ? CSVDataset.load(path: path)
            : { var rng = Stream.generator(seed: trainer.config.seed, stream: .data)
                return try DatasetCatalog.load(path, noise: trainer.config.noise, rng: &rng) }()
        guard set.featureCount == trainer.data.train.featureCount else {
            throw DropvizError("\(path) has \(set.featureCount) features; the model expects \(trainer.data.train.featureCount)")
        }
        guard set.task == trainer.task || (set.task.isClassification && trainer.task.isClassification && set.task.outputs <= trainer.task.outputs) else {
            throw DropvizError("\(path) does not fit the model's task (\(set.task.outputs) classes, the model has \(trainer.task.outputs))")
        }
        DataSplit.standardise(&set.features, mean: trainer.data.mean, std: trainer.data.std)
        return set
    }
}
