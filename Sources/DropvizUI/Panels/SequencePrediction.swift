import DropoutCore
import Foundation
import TermUI

/// The first validation sequence in eval mode, for the LSTM's diagram: the input over time and,
/// for a per-step readout (`sine-seq`), the target and the prediction at every step; for a
/// last-step readout (`adding`), the target and the prediction as numbers, with the marked steps.
struct SequencePrediction {
    /// The first input feature per step, in its own units (the sine, or the adding problem's values).
    let input: [Double]
    /// Steps whose marker is 1 (adding problem).
    let marked: [Int]
    /// Per-step target and prediction (every-step readout), else one value each.
    let target: [Double]
    let predicted: [Double]
    let everyStep: Bool
    /// Steps ahead the target is (sine-seq), for the legend.
    let horizon: Int?

    // Not blue: dark blue on black vanishes on a projector.
    static let inputColor = Color.green, targetColor = Color.cyan, predictionColor = Color.yellow

    init(state s: AppState, network net: LSTMNetwork) {
        let val = s.trainer.data.validation
        let T = net.steps, D = net.lstm.inputWidth
        everyStep = net.readoutKind == .everyStep
        horizon = s.trainer.config.dataset == "sine-seq" ? SequenceDatasets.sineHorizon : nil
        guard val.count > 0, case .values(let y) = val.targets else {
            input = []; marked = []; target = []; predicted = []
            return
        }
        let x = PanelSupport.rowMatrix(val.features, 0)
        input = (0..<T).map { Double(PanelSupport.raw(s, x[0, $0 * D], feature: $0 * D)) }
        marked = D >= 2 ? (0..<T).filter { PanelSupport.raw(s, x[0, $0 * D + 1], feature: $0 * D + 1) > 0.5 } : []
        target = (0..<y.cols).map { Double(y[0, $0]) }
        // No prediction drawn for the frames its first value takes (PanelCache.swift).
        let out = ValidationOutput.of(s, row: 0, slot: "sequence prediction")
        predicted = out.map { out in (0..<out.cols).map { Double(out[0, $0]) } } ?? []
    }

    func render(area: Rect, glyphs: Glyphs, lang: Language = .en, into buffer: inout Buffer) {
        guard area.height >= 3, area.width >= 10, !input.isEmpty else { return }
        var legend: [(String, Color)] = [(lang.text(.seqInput), Self.inputColor)]
        if everyStep {
            legend += [(lang.text(.seqTarget) + (horizon.map { " (+\($0))" } ?? ""), Self.targetColor), (lang.text(.seqPrediction), Self.predictionColor)]
        }
        // Which sequence, when there is room: the first of the validation set.
        var x = area.width >= 45 ? PanelSupport.line(lang.text(.firstValSequence), row: 0, in: area, style: Style(dim: true), glyphs: glyphs, into: &buffer) - area.x : 0
        for (text, color) in legend {
            x = PanelSupport.line(text + " ", row: 0, in: area, x: x, style: Style().fg(color), glyphs: glyphs, into: &buffer) - area.x
        }
        var plotHeight = area.height - 1
        if !everyStep {
            let t = target.first ?? .nan, p = predicted.first ?? .nan
            let text = lang.text(.targetPrediction, String(format: "%.3f", t), String(format: "%.3f", p))
            PanelSupport.line(text, row: area.height - 1, in: area, style: Style(bold: true).fg(Self.predictionColor), glyphs: glyphs, into: &buffer)
            plotHeight -= 1
        }
        guard plotHeight >= 1 else { return }
        let plot = Rect(x: area.x, y: area.y + 1, width: area.width, height: plotHeight)
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        let series = everyStep ? [input, target, predicted] : [input]
        let all = series.flatMap { $0 }.filter(\.isFinite)
        var low = all.min() ?? 0, high = all.max() ?? 1
        if !(low < high) { low -= 1; high = low + 2 }
        let T = input.count
        let dotX = { (t: Int) in T <= 1 ? 0 : Int((Double(t) / Double(T - 1) * Double(canvas.dotWidth - 1)).rounded()) }
        let dotY = { (v: Double) in Int(((high - v) / (high - low) * Double(canvas.dotHeight - 1)).rounded()) }
        // The marked steps of the adding problem as vertical dotted lines.
        for t in marked {
            for yy in stride(from: 0, to: canvas.dotHeight, by: 2) { canvas.set(dotX: dotX(t), dotY: yy, color: Self.targetColor) }
        }
        for (values, color) in zip(series, [Self.inputColor, Self.targetColor, Self.predictionColor]) {
            var previous: (x: Int, y: Int)?
            for (t, v) in values.enumerated() where v.isFinite {
                let point = (x: dotX(t), y: dotY(v))
                canvas.line(from: previous ?? point, to: point, color: color)
                previous = point
            }
        }
        canvas.render(into: &buffer, area: plot, glyphs: glyphs)
    }
}
