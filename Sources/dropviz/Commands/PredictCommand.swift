import ArgumentParser
import DropoutCore
import Foundation

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "A saved model's predictions for the rows of a CSV file, optionally with Monte Carlo dropout's mean and spread."
    )

    @Option(help: "The saved model (from 'dropviz train --save').")
    var load: String

    @Option(help: "CSV of raw (unstandardised) input features, one example a line; an optional header line; a label column last is ignored.")
    var input: String

    @OptionGroup var monteCarlo: MonteCarloOptions
    private var mcSamples: Int? { monteCarlo.samples }
    private var mcSeed: UInt64? { monteCarlo.seed }

    @Option(help: "Output format: csv or json.")
    var format: PredictFormat = .csv

    enum PredictFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }

    func run() throws {
        let model = try ModelFile.read(from: load)
        let trainer = try model.makePredictor(source: load)
        let rows = try FeatureCSV.load(path: input, features: trainer.config.rawColumns(modelInputs: trainer.data.train.featureCount))
        if rows.hadLabelColumn {
            Console.error("note: \(input) has one column more than the model's \(rows.features.cols) features; the last is taken as a label and ignored")
        }
        var x = trainer.config.applyingInputFeatures(rows.features)
        try Prediction.standardise(&x, with: model, source: load)
        let result = try Prediction.predict(trainer, x, mcSamples: mcSamples, seed: mcSeed ?? trainer.config.seed)
        let table = PredictionTable(result: result, lines: rows.lines, classification: trainer.task.isClassification,
                                    labels: ClassLabels.of(trainer.data.train))
        switch format {
        case .csv: print(table.csv(), terminator: "")
        case .json: print(table.json(classNames: trainer.data.train.classNames, seed: mcSeed ?? trainer.config.seed))
        }
    }
}

/// `dropviz predict`'s output: every number in its shortest form that reads back to the same
/// `Float` (Swift's `description`), not rounded to a few digits; a non-finite value is
/// `nan`/`inf` in CSV and `null` in JSON.
struct PredictionTable {
    let result: PredictionResult
    let lines: [Int]
    let classification: Bool
    /// The label of each class as in the training data (ClassLabels.swift).
    let labels: [String]

    private var outputs: Int { result.outputs.cols }
    private var prefix: String { classification ? "p_" : "y_" }

    func csv() -> String {
        var header = ["line"] + (0..<outputs).map { prefix + String($0) }
        if classification { header += ["class", "label"] }
        if result.monteCarlo != nil {
            header += (0..<outputs).map { "mc_mean_\($0)" } + (0..<outputs).map { "mc_std_\($0)" }
            if classification { header += ["mc_class", "mc_label"] }
        }
        var text = header.joined(separator: ",") + "\n"
        for r in lines.indices {
            var cells = [String(lines[r])] + row(result.outputs, r).map(\.description)
            if classification { cells += [String(result.classes[r]), label(result.classes[r])] }
            if let mc = result.monteCarlo {
                cells += row(mc.mean, r).map(\.description) + row(mc.std, r).map(\.description)
                if classification { cells += [String(result.monteCarloClasses[r]), label(result.monteCarloClasses[r])] }
            }
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    func json(classNames: [String], seed: UInt64) -> String {
        let items = lines.indices.map { r -> String in
            var fields = ["\"line\":\(lines[r])",
                          "\"\(classification ? "probabilities" : "values")\":" + Self.array(row(result.outputs, r))]
            if classification { fields += ["\"class\":\(result.classes[r])", "\"label\":\(JSONText.quoted(label(result.classes[r])))"] }
            if let mc = result.monteCarlo {
                fields += ["\"mc_mean\":" + Self.array(row(mc.mean, r)), "\"mc_std\":" + Self.array(row(mc.std, r))]
                if classification {
                    fields += ["\"mc_class\":\(result.monteCarloClasses[r])", "\"mc_label\":\(JSONText.quoted(label(result.monteCarloClasses[r])))"]
                }
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        var head = ["\"task\":\"\(classification ? "classification" : "regression")\""]
        if classification {
            head.append("\"classes\":[" + classNames.map(JSONText.quoted).joined(separator: ",") + "]")
            head.append("\"labels\":[" + labels.map(JSONText.quoted).joined(separator: ",") + "]")
        }
        if let mc = result.monteCarlo { head += ["\"mc_samples\":\(mc.samples)", "\"mc_seed\":\(seed)"] }
        return "{" + head.joined(separator: ",") + ",\"predictions\":[" + items.joined(separator: ",") + "]}"
    }

    private func label(_ c: Int) -> String { c < labels.count ? labels[c] : String(c) }

    private func row(_ m: Matrix, _ r: Int) -> [Float] {
        Array(m.data[(r * m.cols)..<((r + 1) * m.cols)])
    }

    /// The shortest decimal that reads back to the same `Float`; JSON has no NaN or infinity.
    static func number(_ v: Float) -> String { JSONNumber.full(v) }

    static func array(_ v: [Float]) -> String {
        "[" + v.map(number).joined(separator: ",") + "]"
    }

}
