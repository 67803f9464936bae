import DropoutCore
import TermUI

/// The rate sweep as SVG: validation loss against the rate, the final loss with an error bar of
/// ± one standard deviation over seeds at each rate (the best loss beside it, as in the table),
/// and the final validation accuracy the same way for a classifier.
public enum SweepFigure {
    public static func panels(_ rows: [RateSweep.Row], seeds: Int, language l: Language = .en) -> [PlotFigure.Panel] {
        guard !rows.isEmpty else { return [] }
        let rates = rows.map { Double($0.rate) }
        // Padded, so the first and last bars stand clear of the axes.
        let low = rates.min() ?? 0, high = rates.max() ?? 0, pad = (high - low) * 0.04
        let xRange: ClosedRange<Double>? = low < high ? (low - pad)...(high + pad) : nil
        let spread = seeds > 1 ? l.text(.meanStdSeeds, seeds) : l.text(.oneSeed)
        var panels: [PlotFigure.Panel] = []
        let lossBars = rows.map { PlotFigure.ErrorBar(x: Double($0.rate), mean: $0.finalValLoss.mean, std: $0.finalValLoss.std, color: .magenta) }
        let best = rows.map { (x: Double($0.rate), y: $0.bestValLoss.mean) }
        let loss = LinePlot(series: [.init(points: lossBars.map { ($0.x, $0.mean) }, label: l.text(.finalValLoss), color: .magenta),
                                     .init(points: best, label: l.text(.bestValLoss), color: .cyan)],
                            title: l.text(.valLossVsRate, spread),
                            yRange: range(lossBars, also: best.map(\.y)), xRange: xRange)
        panels.append(.init(plot: loss, errorBars: lossBars))
        let accuracies = rows.compactMap { r in r.finalValAccuracy.map { PlotFigure.ErrorBar(x: Double(r.rate), mean: $0.mean, std: $0.std, color: .magenta) } }
        if accuracies.count == rows.count {
            let acc = LinePlot(series: [.init(points: accuracies.map { ($0.x, $0.mean) }, label: l.text(.finalValAcc), color: .magenta)],
                               title: l.text(.valAccVsRate, spread),
                               yRange: range(accuracies, also: []), xRange: xRange)
            panels.append(.init(plot: acc, errorBars: accuracies))
        }
        return panels
    }

    /// The y range holding every bar whole (and the other values), padded by 5 %.
    static func range(_ bars: [PlotFigure.ErrorBar], also values: [Double]) -> ClosedRange<Double>? {
        let all = (bars.flatMap { [$0.mean - $0.std, $0.mean + $0.std] } + values).filter(\.isFinite)
        guard let low = all.min(), let high = all.max(), high > low else { return nil }
        let pad = (high - low) * 0.05
        return (low - pad)...(high + pad)
    }

    public static func svg(_ rows: [RateSweep.Row], seeds: Int, caption: String?, theme: FigureTheme, language: Language = .en) -> String {
        PlotFigure.svg(panels(rows, seeds: seeds, language: language), caption: caption, theme: theme)
    }
}
