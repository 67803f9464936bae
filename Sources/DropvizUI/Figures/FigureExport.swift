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
    public func exportFigures(directory: String = FileManager.default.currentDirectoryPath, theme: FigureTheme = .dark) -> String {
        let step = trainer.currentStep
        var figures: [(name: String, document: () -> String)] = [
            ("dropviz-plot-step\(step).svg", { PlotFigure.svg([.init(plot: LinePlot(state: self))], caption: self.figureCaption, theme: theme) }),
        ]
        if let mlp = trainer.mlp {
            figures.append(("dropviz-network-step\(step).svg", {
                var s = self
                s.refreshExampleForwards()
                return DiagramFigure.svg(NetworkDiagram(state: s, network: mlp), title: self.figureCaption, theme: theme, language: self.lang)
            }))
            if DecisionMapFigure.applies(to: trainer) {
                figures.append(("dropviz-map-step\(step).svg", {
                    DecisionMapFigure.svg(self.trainer, title: self.tr(.decisionMapTitle, step), caption: title(self), theme: theme, language: self.lang)
                }))
            }
        }
        if panel == .sweep, let snapshot = sweep, !snapshot.runs.isEmpty {
            let rows = RateSweep.summarize(snapshot.runs)
            let note = snapshot.done ? "" : tr(.sweepSoFar, snapshot.runs.count, snapshot.total)
            figures.append(("dropviz-sweep-step\(step).svg", {
                SweepFigure.svg(rows, seeds: snapshot.seeds, caption: self.tr(.sweepCaption, snapshot.steps, note, self.figureCaption),
                                theme: theme, language: self.lang)
            }))
        }
        var written: [String] = []
        do {
            for figure in figures {
                try SVG.write(figure.document(), to: (directory as NSString).appendingPathComponent(figure.name))
                written.append(figure.name)
            }
            let csv = "dropviz-curves-step\(step).csv"
            try CurveLog.write(trainer.history, twin: twin?.history, to: (directory as NSString).appendingPathComponent(csv))
            written.append(csv)
        } catch {
            return written.isEmpty ? errorNotice(error) : tr(.wroteThen, written.joined(separator: ", "), errorNotice(error))
        }
        return tr(.wroteIn, written.joined(separator: ", "), directory)
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
