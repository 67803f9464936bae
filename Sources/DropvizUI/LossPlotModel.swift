import DropoutCore
import TermUI

extension LinePlot {
    /// The loss (or accuracy) curves of the run, with a marker at every rate or setting change.
    public init(state s: AppState) {
        let h = s.trainer.history
        func pts(_ series: DropoutCore.Series) -> [(x: Double, y: Double)] { series.points.map { (Double($0.step), $0.value) } }
        var series: [LinePlot.Series] = []
        let title: String
        if s.showAccuracy {
            title = "accuracy"
            series.append(.init(points: pts(h.trainAccuracy), label: "train", color: .cyan))
            series.append(.init(points: pts(h.valAccuracy), label: "val", color: .magenta))
        } else {
            title = "loss"
            series.append(.init(points: pts(h.smoothedLoss), label: "batch", color: .brightBlack))
            series.append(.init(points: pts(h.trainLoss), label: "train", color: .cyan))
            series.append(.init(points: pts(h.valLoss), label: "val", color: .magenta))
        }
        let markers = h.events.map { LinePlot.Marker(x: Double($0.step), label: $0.label) }
        let last = Double(max(s.trainer.currentStep, 10))
        self.init(series: series, title: title + (s.logScale ? " · log" : ""),
                  yScale: s.logScale ? .log : .linear,
                  yRange: s.showAccuracy && !s.logScale ? 0...1 : nil,
                  xRange: 0...last, markers: markers, glyphs: s.glyphs)
    }
}
