import ArgumentParser
import DropoutCore
import DropvizUI
import Foundation

/// What `train` and `resume` share: how long to train, what to print, what to write at the end.
struct HeadlessTraining: ParsableArguments {
    @OptionGroup var length: RunLength
    @OptionGroup var figure: FigureOptions

    @Option(help: "Output format: table, csv, jsonl.")
    var format: OutputFormat = .table

    @Option(help: "Save the model here when training ends (JSON, written atomically).")
    var save: String?

    @Option(help: "Also write the curves (every evaluation) to this CSV file.")
    var log: String?

    @Option(name: .customLong("export-split"), help: "Write the training and validation examples exactly as used (raw and standardised CSVs) into this directory.")
    var exportSplit: String?

    /// Trains `trainer` for the asked length, one line per evaluation, then writes the files.
    func run(_ makeTrainer: () throws -> Trainer) throws {
        try figure.check()
        let trainer = try makeTrainer()
        let steps = try length.steps(for: trainer)
        if let dir = exportSplit { try SplitExport.write(trainer, to: dir) }
        let printer = EvaluationPrinter(format: format, classification: trainer.task.isClassification)
        if let h = printer.header() { print(h) }
        print(printer.line(trainer.evaluate(), epoch: trainer.epoch))
        var bar = ProgressBar(total: steps)
        for i in 0..<steps {
            guard let report = trainer.step() else { break }
            if let e = report.evaluation { print(printer.line(e, epoch: report.epoch)) }
            if report.diverged {
                bar.finish()
                try save.map { try ModelFile(trainer).write(to: $0) }
                throw DropvizError("diverged at step \(report.step): the loss is not finite (try a smaller --lr)")
            }
            bar.update(i + 1, note: trainer.lastEvaluation.map { "val_loss \(EvaluationPrinter.number($0.valLoss))" } ?? "")
        }
        bar.finish()
        if trainer.lastEvaluation?.step != trainer.currentStep {
            print(printer.line(trainer.evaluate(), epoch: trainer.epoch))
        }
        if let path = save { try ModelFile(trainer).write(to: path) }
        if let path = log { try CurveLog.write(trainer.history, to: path) }
        try figure.write { CurvesFigure.svg(trainer, theme: figure.theme) }
    }
}
