import DropoutCore
import TermUI

extension LinePlot {
    /// The loss (or accuracy) curves of the run, with a marker at every rate or setting change.
    public init(state s: AppState) {
        let s = s.plotSource
        let h = s.trainer.history
        let window = LossPlotWindow(state: s)
        func pts(_ series: DropoutCore.Series) -> [(x: Double, y: Double)] {
            series.points.filter { Double($0.step) >= window.x.lowerBound }.map { (Double($0.step), $0.value) }
        }
        var series: [LinePlot.Series] = []
        var title: String
        if s.showAccuracy {
            title = s.tr(.accuracy)
            series.append(.init(points: pts(h.trainAccuracy), label: s.tr(.train), color: .cyan))
            series.append(.init(points: pts(h.valAccuracy), label: s.tr(.val), color: .magenta))
            if let t = s.twin {
                series.append(.init(points: pts(t.history.trainAccuracy), label: s.tr(.twinTrain), color: .green))
                series.append(.init(points: pts(t.history.valAccuracy), label: s.tr(.twinValCurve), color: .yellow))
            }
        } else {
            title = s.tr(.loss)
            series.append(.init(points: pts(h.smoothedLoss), label: s.tr(.batch), color: .white))
            series.append(.init(points: pts(h.trainLoss), label: s.tr(.train), color: .cyan))
            series.append(.init(points: pts(h.valLoss), label: s.tr(.val), color: .magenta))
            if let t = s.twin {
                series.append(.init(points: pts(t.history.trainLoss), label: s.tr(.twinTrain), color: .green))
                series.append(.init(points: pts(t.history.valLoss), label: s.tr(.twinValCurve), color: .yellow))
            }
        }
        var markers = h.events.map { e in
            let label = s.lang.label(e)
            return LinePlot.Marker(x: Double(e.step), label: label, shortLabel: Self.shortLabel(label))
        }
        if let t = s.twin {
            title += " · \(s.twinLabel)"
            // The early-stopping points.
            if let b = AppState.bestValidationStep(s.trainer) { markers.append(.init(x: Double(b.step), label: s.tr(.best))) }
            if let b = AppState.bestValidationStep(t) { markers.append(.init(x: Double(b.step), label: s.tr(.twinBest))) }
        }
        var yRange: ClosedRange<Double>? = s.showAccuracy && !s.logScale ? 0...1 : nil
        if yRange == nil, !s.logScale, let range = window.yRange(series.map(\.points)) {
            yRange = range.range
            if range.clipped { title += " · " + s.tr(.startOffScale) }
        }
        if s.recentWindow { title += " · " + s.tr(.recent) }
        self.init(series: series, title: title + (s.logScale ? " · " + s.tr(.log) : ""),
                  yScale: s.logScale ? .log : .linear,
                  yRange: yRange,
                  xRange: window.x, markers: markers, glyphs: s.glyphs)
        addTimeline(s)
    }

    /// The last word of a marker's label ("0.5→0.6" of "h1-h2 p 0.5→0.6"), used where the
    /// whole label has no room.
    static func shortLabel(_ label: String) -> String? {
        guard let last = label.split(separator: " ").last, String(last).displayWidth < label.displayWidth else { return nil }
        return String(last)
    }
}

/// Which part of the run the loss plot shows, and the y range that makes it readable.
struct LossPlotWindow {
    /// The steps shown: the whole run, or its recent part (`w`).
    let x: ClosedRange<Double>
    /// Points before this step are left out of the y range: the first steps' loss (the network
    /// still random, or a CNN at 10 before it settles) would flatten everything after it.
    let warmUpEnd: Double

    /// The recent window: the last quarter of the run, at least this many steps.
    static let minimumRecentSteps = 400.0

    init(state s: AppState) {
        let last = Double(max(s.trainer.currentStep, 10))
        var low = 0.0
        if s.recentWindow { low = max(0, last - max(Self.minimumRecentSteps, last / 4)) }
        x = low...last
        // The warm-up: the first 5 % of the run, once the run is long enough for it to matter.
        warmUpEnd = low > 0 || last < 200 ? low : last * 0.05
    }

    /// The y range of the points after the warm-up, padded by 5 %, and whether a warm-up point
    /// lies above it; nil when too few points are left to go on.
    func yRange(_ series: [[(x: Double, y: Double)]]) -> (range: ClosedRange<Double>, clipped: Bool)? {
        var low = Double.infinity, high = -Double.infinity, warmHigh = -Double.infinity
        var count = 0
        for points in series {
            for p in points where p.y.isFinite {
                if p.x < warmUpEnd {
                    warmHigh = max(warmHigh, p.y)
                } else {
                    low = min(low, p.y)
                    high = max(high, p.y)
                    count += 1
                }
            }
        }
        guard count >= 4, high > low else { return nil }
        let pad = (high - low) * 0.05
        let range = (low - pad)...(high + pad)
        return (range, warmHigh > range.upperBound)
    }
}
