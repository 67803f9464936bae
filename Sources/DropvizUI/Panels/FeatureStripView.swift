import DropoutCore
import Foundation
import TermUI

/// Data sets without a picture of their own (iris, wine, breast cancer, other CSVs): the
/// current validation example's features as a strip of cells coloured by standardised value,
/// the network's prediction against the truth, and the first example of the last mini-batch
/// with the features input dropout removed in that step marked ✕.
enum FeatureStripView {
    /// Standardised values from -3σ to +3σ span the diverging ramp.
    static func level(_ z: Float) -> Double { (Double(z) + 3) / 6 }

    /// One strip: `features` cells wide at most `width`, `cell` columns a feature.
    static func strip(_ values: [Float], dropped: [Bool]?, width: Int, glyphs: Glyphs) -> (map: HeatMap, shown: Int, cell: Int) {
        let cell = max(1, min(4, width / max(1, values.count)))
        let shown = min(values.count, width / cell)
        let w = shown * cell, h = HeatMap.pixelsPerCell(glyphs)
        var levels = [Double](repeating: 0, count: w * h)
        var points: [HeatMap.Point] = []
        for f in 0..<shown {
            for c in 0..<cell {
                for y in 0..<h { levels[y * w + f * cell + c] = level(values[f]) }
            }
            if dropped?[f] == true {
                points.append(HeatMap.Point(x: f * cell + (cell - 1) / 2, y: 0, symbol: glyphs.isUnicode ? "✕" : "x",
                                            style: Style(bold: true).fg(.black)))
            }
        }
        return (HeatMap(width: w, height: h, levels: levels, points: points, glyphs: glyphs), shown, cell)
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        guard let net = s.trainer.mlp else { return }
        let val = s.trainer.data.validation
        let row = PanelSupport.exampleRow(s)
        guard let output = ValidationOutput.of(s, row: row, slot: "feature strip") else {
            ComputingPlaceholder.render(s, area: area, into: &buffer)
            return
        }
        var lines: [(String, Style)] = [(s.tr(.valNOf, row, val.count), Style(bold: true))]
        switch val.targets {
        case .classes(let labels):
            let p = Softmax.probabilities(output)
            let k = Softmax.argmax(p, row: 0)
            let rest = area.width - lines[0].0.displayWidth - 2
            lines[0].0 += "  " + PanelSupport.labelled(s, .trueLabel, labels[row], width: rest)
            lines.append((PanelSupport.labelled(s, .predClass, k, Int((Double(p[0, k]) * 100).rounded()), width: area.width),
                          Style(bold: true).fg(k == labels[row] ? .green : .red)))
        case .values(let y):
            lines[0].0 += "  " + s.tr(.trueLabel, CompactNumber.format(Double(y[row, 0])))
            lines.append((s.tr(.predValue, CompactNumber.format(Double(output[0, 0]))), Style(bold: true).fg(.yellow)))
        }
        for (i, (text, style)) in lines.enumerated() {
            PanelSupport.line(text, row: i, in: area, style: style, glyphs: s.glyphs, into: &buffer)
        }
        let labelWidth = 6
        let stripWidth = area.width - labelWidth
        guard stripWidth >= 1 else { return }
        let d = val.featureCount
        var y = lines.count
        let valStrip = strip(Array(val.features.row(row)), dropped: nil, width: stripWidth, glyphs: s.glyphs)
        PanelSupport.line(s.tr(.val), row: y, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        if y < area.height { valStrip.map.render(area: Rect(x: area.x + labelWidth, y: area.y + y, width: stripWidth, height: 1), into: &buffer) }
        y += 1
        let trained = s.trainer.currentStep > 0 && net.dropout[0].mask.rows > 0
        if trained {
            let batch = net.dropoutInput(0)
            let dropped = (0..<d).map { PanelSupport.inputDropped(s, feature: $0) }
            let batchStrip = strip(Array(batch.row(0)), dropped: dropped, width: stripWidth, glyphs: s.glyphs)
            PanelSupport.line(s.tr(.batch), row: y, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
            if y < area.height { batchStrip.map.render(area: Rect(x: area.x + labelWidth, y: area.y + y, width: stripWidth, height: 1), into: &buffer) }
            y += 1
        }
        let shownNote = valStrip.shown < d ? s.tr(.firstOfFeatures, valStrip.shown, d) : s.tr(.nFeatures, d)
        let notes = [
            s.tr(.stripScale, shownNote),
        ] + (trained ? [s.tr(.droppedInBatch), s.tr(.inputPParen, String(format: "%.2f", net.dropout[0].rate))]
                     : [s.tr(.noStepNothingDropped)])
        for note in notes where y < area.height {
            PanelSupport.line(note, row: y, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
            y += 1
        }
    }
}
