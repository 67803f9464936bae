import DropoutCore
import Foundation
import TermUI

/// An image example — a UCI digit (8×8 pixels of ink 0…16) or a Fashion-MNIST picture (28×28,
/// 0…255) — as a grey image, with the network's verdict on the current validation example and,
/// beside it, the first example of the last mini-batch with the pixels input dropout removed in
/// that step in red. Where the panel is smaller than the picture, each cell averages a block of
/// pixels (and shows red if any pixel of it was dropped).
///
/// The mask belongs to the batch's example, not to the validation one (evaluation drops
/// nothing), which is why the two are separate images.
enum DigitView {
    /// The picture's side in pixels and its largest raw ink value.
    struct Geometry: Equatable {
        let side: Int
        let inkMax: Double
        static let digits = Geometry(side: 8, inkMax: 16)
        static let fashion = Geometry(side: 28, inkMax: 255)
    }

    /// The picture geometry of a data set the data panel shows as images, nil for any other.
    static func geometry(dataset: String, featureCount: Int) -> Geometry? {
        if dataset == "digits" && featureCount == 64 { return .digits }
        if (dataset == "fashion-mnist" || dataset.hasPrefix("fashion-mnist:")) && featureCount == 784 { return .fashion }
        return nil
    }
    static let droppedColor = Color.indexed(196)
    /// Dropped pixels in reds as bright as their ink, so the digit still reads through them.
    static let droppedRamp: [Color] = [52, 88, 124, 160, 196].map { .indexed($0) }

    /// Ink levels 0…1 of row `r` of `features` (standardised), in reading order.
    static func ink(_ s: AppState, _ features: Matrix, row r: Int, geometry g: Geometry) -> [Double] {
        (0..<(g.side * g.side)).map { j in
            let raw = Double(PanelSupport.raw(s, features[r, j], feature: j))
            return min(max(raw / g.inkMax, 0), 1)
        }
    }

    /// The `side`×`side` picture on a `w`×`h` heat-map grid: each heat-map pixel is the mean of
    /// the picture's pixels it covers (one pixel repeated when enlarging; a block when
    /// shrinking, e.g. pairs of rows on an ASCII screen too short for 8). `dropped` pixels are
    /// drawn red (and as x marks on an ASCII screen).
    static func image(_ ink: [Double], dropped: [Bool]?, side: Int, width w: Int, height h: Int, glyphs: Glyphs) -> HeatMap {
        var levels = [Double](repeating: 0, count: w * h)
        var colors = [Color](repeating: .default, count: w * h)
        var points: [HeatMap.Point] = []
        /// The picture's pixels under heat-map pixel `i` of `n` along a side: at least one.
        func span(_ i: Int, _ n: Int) -> Range<Int> {
            let lo = i * side / n
            return lo..<max(lo + 1, (i + 1) * side / n)
        }
        for py in 0..<h {
            let sourceRows = span(py, h)
            for px in 0..<w {
                let sourceColumns = span(px, w)
                var sum = 0.0
                var isDropped = false
                for r in sourceRows {
                    for c in sourceColumns {
                        sum += ink[r * side + c]
                        isDropped = isDropped || (dropped?[r * side + c] ?? false)
                    }
                }
                let value = sum / Double(sourceRows.count * sourceColumns.count)
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
        guard let net = s.trainer.mlp else { return }
        let val = s.trainer.data.validation
        let row = PanelSupport.exampleRow(s)
        let inputRate = net.dropout[0].rate
        let showBatch = s.trainer.currentStep > 0 && net.dropout[0].mask.rows > 0 && inputRate > 0
        let g = geometry(dataset: s.trainer.config.dataset, featureCount: val.featureCount) ?? .digits
        let side = g.side
        let images = showBatch ? 2 : 1
        // The text column is as wide as its longest line can be ("dropped 784/784").
        let least = max(12, s.tr(.droppedOf, side * side, side * side).displayWidth)
        // Room for the longest class name too ("pred T-shirt/top 100%") where the pictures keep
        // three quarters of their width with it (a large screen); else (80×24) the pictures
        // keep their size and the names are cut to the column (PanelSupport.labelled), never
        // the numbers.
        let names = val.classNames.map { s.tr(.predClass, $0, 100).displayWidth }
        let roomy = max(least, names.max() ?? 0)
        let unicode = s.glyphs.isUnicode
        let narrow = Self.size(side: side, images: images, area: area, unicode: unicode, textWidth: least)
        let wide = Self.size(side: side, images: images, area: area, unicode: unicode, textWidth: roomy)
        let (imageWidth, heatRows) = 4 * wide.width >= 3 * narrow.width ? wide : narrow
        // Half blocks put two heat-map rows in a cell row.
        let imageHeight = s.glyphs.isUnicode ? (heatRows + 1) / 2 : heatRows

        let valImage = image(ink(s, val.features, row: row, geometry: g), dropped: nil, side: side, width: imageWidth, height: heatRows, glyphs: s.glyphs)
        valImage.render(area: Rect(x: area.x, y: area.y, width: imageWidth, height: imageHeight), into: &buffer)
        PanelSupport.line(s.tr(.valN, row), row: imageHeight, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        var textX = imageWidth + 1
        if showBatch {
            let batchInput = net.dropoutInput(0)
            let dropped = (0..<(side * side)).map { PanelSupport.inputDropped(s, feature: $0) }
            let batchImage = image(ink(s, batchInput, row: 0, geometry: g), dropped: dropped, side: side, width: imageWidth, height: heatRows, glyphs: s.glyphs)
            batchImage.render(area: Rect(x: area.x + textX, y: area.y, width: imageWidth, height: imageHeight), into: &buffer)
            PanelSupport.line("batch[0]", row: imageHeight, in: area, x: textX, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
            textX += imageWidth + 1
        }

        // The verdict on the validation example.
        guard let output = ValidationOutput.of(s, row: row, slot: "digit verdict") else {
            PanelSupport.line(ComputingPlaceholder.text(s), row: 0, in: area, x: textX, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
            return
        }
        let p = Softmax.probabilities(output)
        let predicted = Softmax.argmax(p, row: 0)
        var truth = -1
        if case .classes(let labels) = val.targets { truth = labels[row] }
        let right = predicted == truth
        let percent = Int((Double(p[0, predicted]) * 100).rounded())
        let column = area.width - textX
        var text: [(String, Style)] = [
            (s.tr(.valNOf, row, val.count), Style(bold: true)),
            (PanelSupport.labelled(s, .trueLabel, truth, width: column), .plain),
            (PanelSupport.labelled(s, .predClass, predicted, percent, width: column), Style(bold: true).fg(right ? .green : .red)),
        ]
        if showBatch {
            text.append((s.tr(.inputP, String(format: "%.2f", inputRate)), .plain))
            text.append((s.tr(.droppedOf, PanelSupport.inputDroppedCount(s), side * side), Style().fg(droppedColor)))
        }
        for (i, (line, style)) in text.enumerated() {
            PanelSupport.line(line, row: i, in: area, x: textX, style: style, glyphs: s.glyphs, into: &buffer)
        }

        // What the red means, under the images (and honest about which example it is).
        let note: [String]
        if showBatch {
            note = [s.glyphs.isUnicode ? s.tr(.redDroppedFromBatch) : "x: dropped from batch[0]",
                    s.tr(.inLastStepZero)]
        } else if inputRate == 0 {
            note = [s.tr(.inputPZero), s.tr(.raiseToSee)]
        } else {
            note = [s.tr(.noStepNothingDropped)]
        }
        for (i, line) in note.enumerated() {
            PanelSupport.line(line, row: imageHeight + 1 + i, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        }
        if heatRows < side {
            let shrunk = s.glyphs.isUnicode || imageWidth < side ? s.tr(.shrunkToFit, side) : "(rows paired)"
            PanelSupport.line(shrunk, row: imageHeight + 1 + note.count, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        }
    }

    /// The image's width in cells and height in heat-map rows: the largest whole enlargement
    /// (k cells a pixel across; square with half blocks, k rows a pixel in ASCII) that leaves a
    /// `textWidth`-column text column and a caption row; where not even one cell a pixel fits, the
    /// largest picture that does (square with half blocks; ASCII pairs rows, as a cell is
    /// about twice as tall as wide).
    static func size(side: Int, images: Int, area: Rect, unicode: Bool, textWidth: Int = 12) -> (width: Int, heatRows: Int) {
        let cellsPerHeatRow = unicode ? 0.5 : 1.0
        func fits(width: Int, heatRows: Int) -> Bool {
            images * width + images + textWidth <= area.width && (Double(heatRows) * cellsPerHeatRow).rounded(.up) + 1 <= Double(area.height)
        }
        if fits(width: side, heatRows: side) {
            var k = 1
            while fits(width: side * (k + 1), heatRows: side * (k + 1)) { k += 1 }
            return (side * k, side * k)
        }
        if !unicode && fits(width: side, heatRows: side / 2) { return (side, side / 2) }
        // Shrink: the widest square (half blocks) or 2:1 (ASCII) picture that fits.
        var w = side - 1
        while w > 1 && !fits(width: w, heatRows: unicode ? w : max(1, w / 2)) { w -= 1 }
        return (w, unicode ? w : max(1, w / 2))
    }
}
