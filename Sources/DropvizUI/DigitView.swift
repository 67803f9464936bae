import DropoutCore
import Foundation
import TermUI

/// A UCI digit (8×8 pixels of ink 0…16) as a grey image, with the network's verdict on the
/// current validation example and, beside it, the first example of the last mini-batch with
/// the pixels input dropout removed in that step in red.
///
/// The mask belongs to the batch's example, not to the validation one (evaluation drops
/// nothing), which is why the two are separate images.
enum DigitView {
    static let side = 8
    static let droppedColor = Color.indexed(196)
    /// Dropped pixels in reds as bright as their ink, so the digit still reads through them.
    static let droppedRamp: [Color] = [52, 88, 124, 160, 196].map { .indexed($0) }

    /// Ink levels 0…1 of row `r` of `features` (standardised), in reading order.
    static func ink(_ s: AppState, _ features: Matrix, row r: Int) -> [Double] {
        (0..<(side * side)).map { j in
            let raw = Double(PanelSupport.raw(s, features[r, j], feature: j))
            return min(max(raw / 16, 0), 1)
        }
    }

    /// The image at `scale` cells a pixel across. `pairRows` averages pairs of pixel rows (an
    /// ASCII screen too short for 8 rows). `dropped` pixels are drawn red (and as ✕/x marks
    /// when a cell is a whole pixel).
    static func image(_ ink: [Double], dropped: [Bool]?, scale k: Int, pairRows: Bool, glyphs: Glyphs) -> HeatMap {
        // k columns and k heat-map rows a pixel: square with half blocks, tall with ASCII.
        let pixelRows = pairRows ? side / 2 : side
        let w = side * k, h = pixelRows * (pairRows ? 1 : k)
        var levels = [Double](repeating: 0, count: w * h)
        var colors = [Color](repeating: .default, count: w * h)
        var points: [HeatMap.Point] = []
        for py in 0..<h {
            for px in 0..<w {
                let column = px / k
                let sourceRows = pairRows ? [2 * py, 2 * py + 1] : [py / k]
                let value = sourceRows.map { ink[$0 * side + column] }.reduce(0, +) / Double(sourceRows.count)
                let isDropped = sourceRows.contains { dropped?[$0 * side + column] ?? false }
                levels[py * w + px] = value
                colors[py * w + px] = isDropped ? droppedRamp[min(droppedRamp.count - 1, Int(value * Double(droppedRamp.count)))]
                                                : ColorRamp.grey.color(value)
                if isDropped && !glyphs.isUnicode {
                    points.append(HeatMap.Point(x: px, y: py, symbol: "x", style: Style(bold: true).fg(droppedColor)))
                }
            }
        }
        return HeatMap(width: w, height: h, levels: levels, colors: colors, points: points, glyphs: glyphs)
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        let net = s.trainer.network
        let val = s.trainer.data.validation
        let row = PanelSupport.exampleRow(s)
        let inputRate = net.dropout[0].rate
        let showBatch = s.trainer.currentStep > 0 && net.dropout[0].mask.rows > 0 && inputRate > 0

        // The largest scale that leaves a 12-column text column and a caption row.
        let images = showBatch ? 2 : 1
        let cellsPerPixelRow = s.glyphs.isUnicode ? 0.5 : 1.0
        var k = 1
        while images * side * (k + 1) + images + 12 <= area.width,
              Double(side * (k + 1)) * cellsPerPixelRow + 1 <= Double(area.height) { k += 1 }
        let pairRows = !s.glyphs.isUnicode && side > area.height - 1
        let imageWidth = side * k
        let imageHeight = pairRows ? side / 2 : (s.glyphs.isUnicode ? side * k / 2 : side * k)

        let valImage = image(ink(s, val.features, row: row), dropped: nil, scale: k, pairRows: pairRows, glyphs: s.glyphs)
        valImage.render(area: Rect(x: area.x, y: area.y, width: imageWidth, height: imageHeight), into: &buffer)
        PanelSupport.line("val #\(row)", row: imageHeight, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        var textX = imageWidth + 1
        if showBatch {
            let batchInput = net.dropoutInput(0)
            let dropped = (0..<(side * side)).map { PanelSupport.inputDropped(s, feature: $0) }
            let batchImage = image(ink(s, batchInput, row: 0), dropped: dropped, scale: k, pairRows: pairRows, glyphs: s.glyphs)
            batchImage.render(area: Rect(x: area.x + textX, y: area.y, width: imageWidth, height: imageHeight), into: &buffer)
            PanelSupport.line("batch[0]", row: imageHeight, in: area, x: textX, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
            textX += imageWidth + 1
        }

        // The verdict on the validation example.
        let p = Softmax.probabilities(net.predict(PanelSupport.rowMatrix(val.features, row)))
        let predicted = Softmax.argmax(p, row: 0)
        var truth = -1
        if case .classes(let labels) = val.targets { truth = labels[row] }
        let right = predicted == truth
        var text: [(String, Style)] = [
            ("val #\(row)/\(val.count)", Style(bold: true)),
            ("true \(PanelSupport.className(s, truth))", .plain),
            ("pred \(PanelSupport.className(s, predicted)) \(Int((Double(p[0, predicted]) * 100).rounded()))%", Style(bold: true).fg(right ? .green : .red)),
        ]
        if showBatch {
            text.append((String(format: "input p %.2f", inputRate), .plain))
            text.append(("dropped \(PanelSupport.inputDroppedCount(s))/\(side * side)", Style().fg(droppedColor)))
        }
        for (i, (line, style)) in text.enumerated() {
            PanelSupport.line(line, row: i, in: area, x: textX, style: style, glyphs: s.glyphs, into: &buffer)
        }

        // What the red means, under the images (and honest about which example it is).
        let note: [String]
        if showBatch {
            note = [s.glyphs.isUnicode ? "red: dropped from batch[0]" : "x: dropped from batch[0]",
                    "in the last step (set to 0σ)"]
        } else if inputRate == 0 {
            note = ["input p = 0: nothing dropped", "raise it to see dropped pixels"]
        } else {
            note = ["no step yet: nothing dropped"]
        }
        for (i, line) in note.enumerated() {
            PanelSupport.line(line, row: imageHeight + 1 + i, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        }
        if pairRows {
            PanelSupport.line("(rows paired)", row: imageHeight + 1 + note.count, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        }
    }
}
