import DropoutCore
import TermUI

extension LinePlot {
    /// The loss (or accuracy) curves of the run, with a marker at every rate or setting change.
    public init(state s: AppState) {
        let h = s.trainer.history
        func pts(_ series: DropoutCore.Series) -> [(x: Double, y: Double)] { series.points.map { (Double($0.step), $0.value) } }
        var series: [LinePlot.Series] = []
        var title: String
        if s.showAccuracy {
            title = "accuracy"
            series.append(.init(points: pts(h.trainAccuracy), label: "train", color: .cyan))
            series.append(.init(points: pts(h.valAccuracy), label: "val", color: .magenta))
            if let t = s.twin {
                series.append(.init(points: pts(t.history.valAccuracy), label: s.twinLabel, color: .yellow))
            }
        } else {
            title = "loss"
            series.append(.init(points: pts(h.smoothedLoss), label: "batch", color: .brightBlack))
            series.append(.init(points: pts(h.trainLoss), label: "train", color: .cyan))
            series.append(.init(points: pts(h.valLoss), label: "val", color: .magenta))
            if let t = s.twin {
                series.append(.init(points: pts(t.history.valLoss), label: s.twinLabel, color: .yellow))
            }
        }
        var markers = h.events.map { LinePlot.Marker(x: Double($0.step), label: $0.label) }
        if let t = s.twin {
            // The early-stopping points, and the gap between the two validation curves now.
            if let b = AppState.bestValidationStep(s.trainer) { markers.append(.init(x: Double(b.step), label: "best")) }
            if let b = AppState.bestValidationStep(t) { markers.append(.init(x: Double(b.step), label: "best twin")) }
            if let a = h.valLoss.last?.value, let b = t.history.valLoss.last?.value, !s.showAccuracy {
                title += String(format: " · gap twin−main %+.3f", b - a)
            }
        }
        let last = Double(max(s.trainer.currentStep, 10))
        self.init(series: series, title: title + (s.logScale ? " · log" : ""),
                  yScale: s.logScale ? .log : .linear,
                  yRange: s.showAccuracy && !s.logScale ? 0...1 : nil,
                  xRange: 0...last, markers: markers, glyphs: s.glyphs)
    }
}
