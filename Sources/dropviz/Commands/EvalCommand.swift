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

    @Option(name: .customLong("dropconnect-samples"), parsing: .unconditional, help: "Samples per unit Z of DropConnect's moment-matching inference (default: the model's own).")
    var dropConnectSamples: Int?

    @OptionGroup var monteCarlo: MonteCarloOptions
    private var mcSamples: Int? { monteCarlo.samples }
    private var mcSeed: UInt64? { monteCarlo.seed }

    enum EvalFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func run() throws {
        let model = try ModelFile.read(from: load)
        // Scoring a given file needs only the model; its own sets need its training data.
        let trainer = try dataset == nil ? model.makeTrainer(source: load) : model.makePredictor(source: load)
        try applyDropConnectSamples(trainer)
        var rows: [(String, Int, Float, Float?)] = []
        var sets: [(String, Dataset)] = []
        if let path = dataset {
            sets.append((path, try ModelFile.standardisedDataset(path: path, trainer: trainer, options: model.scoringOptions)))
        } else {
            sets.append(("train", trainer.data.train))
            sets.append(("validation", trainer.data.validation))
        }
        for (name, set) in sets {
            let (l, a) = trainer.measure(set)
            rows.append((name, set.count, l, a))
        }
        var mc: [(String, MCSummary)] = []
        if let t = mcSamples {
            guard let net = trainer.mlp else {
                throw DropvizError("--mc-samples: Monte Carlo dropout is not for this model (\(trainer.model.kind.rawValue)) yet")
            }
            mc = sets.map { name, set in
                (name, MonteCarloDropout.summary(net, set, samples: t, seed: mcSeed ?? trainer.config.seed))
            }
        }
        switch format {
        case .table:
            print("model \(load): \(trainer.config.dataset), \(trainer.model.kind == .mlp ? "" : trainer.model.summary + ", ")hidden \(trainer.config.hidden.map(String.init).joined(separator: ",")), step \(trainer.currentStep)")
            // The set column fits the longest name (a CSV path is never cut).
            let setWidth = max(14, rows.map(\.0.count).max() ?? 0)
            print("set".padding(toLength: setWidth, withPad: " ", startingAt: 0) + "  examples        loss  accuracy")
            for (name, n, l, a) in rows {
                let acc = a.map { String(format: "%.4f", $0) } ?? "-"
                print(name.padding(toLength: setWidth, withPad: " ", startingAt: 0)
                      + String(format: "  %8d  %10@  %8@", n, EvaluationPrinter.number(l), acc))
            }
            if !mc.isEmpty { MCReport.table(mc, variant: trainer.config.variant) }
        case .json:
            let items = rows.map { name, n, l, a in
                "{\"set\":\(JSONText.quoted(name)),\"examples\":\(n),\"loss\":\(JSONNumber.full(l))"
                    + (a.map { ",\"accuracy\":\(JSONNumber.full($0))" } ?? "") + "}"
            }
            let mcField = mc.isEmpty ? "" : ",\"monte_carlo\":" + MCReport.json(mc)
            print("{\"step\":\(trainer.currentStep),\"results\":[\(items.joined(separator: ","))]\(mcField)}")
        }
    }
}

/// The Monte Carlo dropout part of `dropviz eval`.
enum MCReport {
    static func table(_ rows: [(String, MCSummary)], variant: DropoutVariant) {
        guard let first = rows.first?.1 else { return }
        print("")
        print("Monte Carlo dropout: \(first.samples) passes with dropout on (\(variant.rawValue)), against the plain eval prediction")
        let classification = first.accuracyMC != nil
        let columns = classification
            ? ["acc_mc", "acc_eval", "H_right", "H_wrong", "MI_right", "MI_wrong", "ece_mc", "ece_eval"]
            : ["rmse_mc", "rmse_eval", "mean_std"]
        let setWidth = max(14, rows.map(\.0.count).max() ?? 0)
        print("set".padding(toLength: setWidth, withPad: " ", startingAt: 0) + columns.map(pad).joined(separator: " "))
        for (name, s) in rows {
            let values = classification
                ? [s.accuracyMC, s.accuracyEval, s.meanEntropyCorrect, s.meanEntropyWrong,
                   s.meanMutualInformationCorrect, s.meanMutualInformationWrong, s.eceMC, s.eceEval]
                : [s.rmseMC, s.rmseEval, s.meanStd]
            print(name.padding(toLength: setWidth, withPad: " ", startingAt: 0)
                  + values.map { pad($0.map { String(format: "%.4f", $0) } ?? "-") }.joined(separator: " "))
        }
        if classification {
            print("H: mean predictive entropy H[p̄] (nats) where the MC mean is right / wrong; MI: mutual information; ece: 15 bins")
        }
    }

    static func json(_ rows: [(String, MCSummary)]) -> String {
        let items = rows.map { name, s in
            var fields = ["\"set\":\"\(name)\"", "\"samples\":\(s.samples)", "\"examples\":\(s.examples)"]
            let named: [(String, Double?)] = [
                ("accuracy_mc", s.accuracyMC), ("accuracy_eval", s.accuracyEval),
                ("mean_entropy_correct", s.meanEntropyCorrect), ("mean_entropy_wrong", s.meanEntropyWrong),
                ("mean_mutual_information_correct", s.meanMutualInformationCorrect),
                ("mean_mutual_information_wrong", s.meanMutualInformationWrong),
                ("ece_mc", s.eceMC), ("ece_eval", s.eceEval),
                ("rmse_mc", s.rmseMC), ("rmse_eval", s.rmseEval), ("mean_std", s.meanStd),
            ]
            for (key, v) in named {
                guard let v else { continue }
                fields.append("\"\(key)\":" + JSONNumber.full(v))
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    private static func pad(_ s: String) -> String {
        s.count >= 9 ? s : String(repeating: " ", count: 9 - s.count) + s
    }
}

extension ModelFile {
    /// A user's CSV standardised with the model's training statistics.
    static func standardisedDataset(path: String, trainer: Trainer, options: CSVReadOptions = CSVReadOptions()) throws -> Dataset {
        var set = try DatasetCatalog.isFile(path)
            ? CSVDataset.load(path: path, options: options)
            : { var rng = Stream.generator(seed: trainer.config.seed, stream: .data)
                return try DatasetCatalog.load(path, noise: trainer.config.noise, rng: &rng) }()
        let columns = trainer.config.rawColumns(modelInputs: trainer.data.train.featureCount)
        guard set.featureCount == columns else {
            throw DropvizError("\(path) has \(set.featureCount) features; the model expects \(columns)")
        }
        set.features = trainer.config.applyingInputFeatures(set.features)
        guard set.task == trainer.task || (set.task.isClassification && trainer.task.isClassification && set.task.outputs <= trainer.task.outputs) else {
            throw DropvizError("\(path) does not fit the model's task (\(set.task.outputs) classes, the model has \(trainer.task.outputs))")
        }
        DataSplit.standardise(&set.features, mean: trainer.data.mean, std: trainer.data.std)
        return set
    }
}
