import DropoutCore
import Foundation
import TermUI

/// Co-adaptation: how strongly the selected hidden layer's units move together over the
/// validation set (eval mode, after the activation, before dropout). The heat map is the
/// correlation matrix of the first units that fit (−1 blue … 0 white … +1 red; units that never
/// vary are left blank), and the summary is the mean |r| over every pair of units that vary.
enum CoadaptationPanel {
    struct Numbers: Sendable {
        /// The dropout position (1 = first hidden layer).
        let layer: Int
        let correlations: Matrix
        let summary: (value: Double, usedUnits: Int)
        var units: Int { correlations.rows }
        var deadUnits: Int { units - summary.usedUnits }
    }

    /// The layer shown: the selected one, or hidden layer 1 when the input is selected.
    static func layer(_ s: AppState) -> Int { min(max(1, s.selectedLayer), (s.trainer.mlp?.dropout.count ?? 1) - 1) }

    static func numbers(_ s: AppState) -> Numbers {
        numbers(s.trainer, layer: layer(s))
    }

    /// The numbers from the trainer alone, so that they can be computed on another thread.
    static func numbers(_ trainer: Trainer, layer d: Int) -> Numbers {
        // The panel is the MLP's (PanelView checks); another model has no units to correlate.
        guard let net = trainer.mlp else { return Numbers(layer: d, correlations: Matrix(rows: 0, cols: 0), summary: (0, 0)) }
        _ = net.predict(trainer.data.validation.features)
        let c = Coadaptation.correlations(net.evalDropoutInput(d))
        return Numbers(layer: d, correlations: c, summary: Coadaptation.meanAbsOffDiagonal(c))
    }

    /// The correlations of units `0..<n` as a heat map, one pixel a unit pair.
    static func heatMap(_ c: Matrix, units n: Int, glyphs: Glyphs) -> HeatMap {
        var levels = [Double](repeating: .nan, count: n * n)
        for i in 0..<n { for j in 0..<n { levels[i * n + j] = (Double(c[i, j]) + 1) / 2 } }
        return HeatMap(width: n, height: n, levels: levels, ramp: .diverging, glyphs: glyphs)
    }

    /// How many units the map shows in `area`, leaving `textWidth` columns for the text.
    static func shownUnits(area: Rect, units: Int, glyphs: Glyphs, textWidth: Int) -> Int {
        let (w, h) = HeatMap.pixelSize(for: area, glyphs: glyphs)
        return max(0, min(units, w - textWidth - 1, h))
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        let d = layer(s)
        guard let n = s.panelCache.value("coadaptation", s, inputs: [d], background: { trainer in numbers(trainer, layer: d) }) else {
            ComputingPlaceholder.render(s, area: area, into: &buffer)
            return
        }
        let textWidth = min(22, max(18, area.width / 3))
        let shown = shownUnits(area: area, units: n.units, glyphs: s.glyphs, textWidth: textWidth)
        let map = heatMap(n.correlations, units: shown, glyphs: s.glyphs)
        map.render(area: Rect(x: area.x, y: area.y, width: shown, height: area.height), into: &buffer)

        let mean = n.summary.value.isNaN ? "n/a" : String(format: "%.3f", n.summary.value)
        let lines: [(String, Style)] = [
            (s.tr(.layerEval, s.displayLayerName(n.layer)), Style(bold: true)),
            (s.tr(.meanR, mean), Style(bold: true).fg(.yellow)),
            (s.tr(.overUnits, n.summary.usedUnits, n.units), .plain),
            (n.deadUnits == 0 ? s.tr(.noneConstant) : s.tr(.constantDead, n.deadUnits), Style(dim: n.deadUnits == 0)),
            (shown < n.units ? s.tr(.mapPart, shown, n.units) : s.tr(.mapAll, n.units), Style(dim: true)),
            (s.glyphs.isUnicode ? s.tr(.blueToRed) : "-1 ' ' 0 : +1 #", Style(dim: true)),
            (s.tr(.validationSet), Style(dim: true)),
        ]
        let x = shown > 0 ? shown + 1 : 0
        for (i, (text, style)) in lines.enumerated() {
            PanelSupport.line(text, row: i, in: area, x: x, style: style, glyphs: s.glyphs, into: &buffer)
        }
    }
}
