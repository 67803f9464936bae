import DropoutCore
import Foundation
import TermUI

/// Exporting the figures of a run: the visualizer's `x` (the screen's figures and the curves
/// CSV) and `dropviz train --plot` (the curves of a headless run).
extension AppState {
    /// What the figures say the run is: the screen's title and the step.
    var figureCaption: String { tr(.figureCaption, title(self), trainer.currentStep) }

    /// Writes the figures of the current screen next to the curves CSV, in `directory`: the
    /// plot, the network diagram (MLPs), the decision map (2-D classification), the sweep chart
    /// (when the sweep panel has results); says the file names, or what went wrong.
    /// All on this thread; the visualizer's `x` prepares the same `FigureExport` here and
    /// writes it on another thread (EffectRunner).
    public func exportFigures(directory: String = FileManager.default.currentDirectoryPath, theme: FigureTheme = .dark) -> String {
        figureExport(directory: directory, theme: theme).write() ?? ""
    }

    /// The figures of the current screen, made ready to write: the ones that are cheap to draw
    /// (the plot, the diagram, the sweep chart, the CSV) as their text, drawn here from the
    /// state as it is; the decision map, which predicts at each of its pixels (seconds under
    /// DropConnect's moment matching), as a snapshot of the weights to draw it from.
    public func figureExport(directory: String, theme: FigureTheme) -> FigureExport {
        let step = trainer.currentStep
        var figures: [FigureExport.Figure] = [
            .init(name: "dropviz-plot-step\(step).svg",
                  document: .text(PlotFigure.svg([.init(plot: LinePlot(state: self))], caption: figureCaption, theme: theme))),
        ]
        if let mlp = trainer.mlp {
            var s = self
            s.refreshExampleForwards()
            figures.append(.init(name: "dropviz-network-step\(step).svg",
                                 document: .text(DiagramFigure.svg(NetworkDiagram(state: s, network: mlp), title: figureCaption, theme: theme, language: lang))))
            if DecisionMapFigure.applies(to: trainer) {
                figures.append(.init(name: "dropviz-map-step\(step).svg",
                                     document: .decisionMap(EvaluationSnapshot(trainer), title: tr(.decisionMapTitle, step), caption: title(self), theme: theme)))
            }
        }
        if panel == .sweep, let snapshot = sweep, !snapshot.runs.isEmpty {
            let rows = RateSweep.summarize(snapshot.runs)
            let note = snapshot.done ? "" : tr(.sweepSoFar, snapshot.runs.count, snapshot.total)
            figures.append(.init(name: "dropviz-sweep-step\(step).svg",
                                 document: .text(SweepFigure.svg(rows, seeds: snapshot.seeds, caption: tr(.sweepCaption, snapshot.steps, note, figureCaption),
                                                                 theme: theme, language: lang))))
        }
        figures.append(.init(name: "dropviz-curves-step\(step).csv", document: .text(CurveLog.csv(trainer.history, twin: twin?.history))))
        return FigureExport(directory: directory, language: lang, figures: figures)
    }
}

/// The files `x` writes, ready to be written on any thread (`write`).
public struct FigureExport: Sendable {
    public struct Figure: Sendable {
        let name: String
        let document: Document
    }

    enum Document: Sendable {
        case text(String)
        /// Drawn when written, on a trainer rebuilt from the snapshot (the same weights, data
        /// and settings: the same map the screen's decision map shows).
        case decisionMap(EvaluationSnapshot, title: String, caption: String, theme: FigureTheme)
    }

    public let directory: String
    let language: Language
    let figures: [Figure]

    /// Writes the files in order (each atomically) and says which, or what went wrong; nil
    /// when `token` was cancelled first (the process is exiting): the files written until
    /// then stay, the rest is not written.
    public func write(token: CancellationToken = CancellationToken()) -> String? {
        var written: [String] = []
        do {
            for figure in figures {
                guard !token.isCancelled, let text = try document(figure.document, token: token) else { return nil }
                let path = (directory as NSString).appendingPathComponent(figure.name)
                if figure.name.hasSuffix(".csv") {
                    try CurveLog.write(text: text, to: path)
                } else {
                    try SVG.write(text, to: path)
                }
                written.append(figure.name)
            }
        } catch {
            return written.isEmpty ? language.errorText(error)
                : language.text(.wroteThen, [written.joined(separator: ", "), language.errorText(error)])
        }
        return language.text(.wroteIn, [written.joined(separator: ", "), directory])
    }

    /// The document's text; nil when cancelled while drawing it.
    private func document(_ document: Document, token: CancellationToken) throws -> String? {
        switch document {
        case .text(let text):
            return text
        case .decisionMap(let snapshot, let title, let caption, let theme):
            let trainer = try snapshot.makeTrainer()
            let svg = Cancellation.$current.withValue(token) {
                DecisionMapFigure.svg(trainer, title: title, caption: caption, theme: theme, language: language)
            }
            return token.isCancelled ? nil : svg
        }
    }
}

/// The curves of a headless run, as the visualizer would plot them at its end: the loss, and
/// for a classifier the accuracy below it, with the run's markers.
public enum CurvesFigure {
    public static func svg(_ trainer: Trainer, theme: FigureTheme) -> String {
        var s = AppState(trainer: trainer, width: AppState.minimumWidth, height: AppState.minimumHeight)
        var panels = [PlotFigure.Panel(plot: LinePlot(state: s))]
        if trainer.task.isClassification {
            s.showAccuracy = true
            panels.append(.init(plot: LinePlot(state: s)))
        }
        return PlotFigure.svg(panels, caption: s.figureCaption, theme: theme)
    }
}
