import DropoutCore
import Foundation
import TermUI

/// The decision map of a 2-D classifier as SVG: the data panel's map (the same eval-mode grid
/// prediction and colours, at a finer grid) with every training point (filled) and validation
/// point (hollow) at its exact position. Points are `<circle class="point train|val">` inside a
/// `<g class="map">` carrying the data ranges, like the plot's.
public enum DecisionMapFigure {
    /// Grid cells a side, and their size in pixels.
    static let cells = 120, cellSize = 4.0
    static let left = 40.0, top = 52.0

    /// Whether the trainer's data has a decision map (two features, classification).
    public static func applies(to trainer: Trainer) -> Bool {
        let data = trainer.data.planeValidation
        return data.task.isClassification && data.featureCount == 2
    }

    /// `caption`, what the run is, goes under the title in small type (it is long).
    public static func svg(_ trainer: Trainer, title: String, caption: String = "", theme: FigureTheme, language: Language = .en) -> String {
        let lh = FigureFont.rowHeight
        let side = Double(cells) * cellSize
        var svg = SVG(width: left + side + 20, height: top + side + lh * 5)
        svg.text(title, x: 12, y: 12 + lh * 0.75, fill: theme.foreground, bold: true)
        svg.text(caption, x: 12, y: 12 + lh * 1.75, fill: theme.dim, size: 9)
        // ASCII glyphs: one pixel a cell, so the grid is exactly cells × cells.
        let map = DecisionBoundaryView.heatMap(trainer, glyphs: .ascii, mapArea: Rect(x: 0, y: 0, width: cells, height: cells))
        let (x0, x1) = DataPanel.bounds(trainer.data, feature: 0)
        let (y0, y1) = DataPanel.bounds(trainer.data, feature: 1)
        svg.open("g", ["class": "map", "data-left": SVG.exact(left), "data-top": SVG.exact(top),
                       "data-width": SVG.exact(side), "data-height": SVG.exact(side),
                       "data-x-low": SVG.exact(x0), "data-x-high": SVG.exact(x1),
                       "data-y-low": SVG.exact(y0), "data-y-high": SVG.exact(y1)])
        svg.open("g", ["class": "regions", "shape-rendering": "crispEdges"])
        // One rectangle per run of equal colour along a row: the map is smooth, so runs are long.
        for py in 0..<map.height {
            var px = 0
            while px < map.width {
                let color = map.color(x: px, y: py)
                var end = px + 1
                while end < map.width, map.color(x: end, y: py) == color { end += 1 }
                if let color {
                    svg.rect(x: left + Double(px) * cellSize, y: top + Double(py) * cellSize,
                             width: Double(end - px) * cellSize, height: cellSize, fill: theme.hex(color))
                }
                px = end
            }
        }
        svg.close("g")
        for (set, isTraining) in [(trainer.data.planeValidation, false), (trainer.data.planeTrain, true)] {
            guard case .classes(let labels) = set.targets else { continue }
            for r in 0..<set.count {
                let cx = left + (Double(set.features[r, 0]) - x0) / (x1 - x0) * side
                let cy = top + (y1 - Double(set.features[r, 1])) / (y1 - y0) * side
                let color = theme.hex(PanelSupport.pointColor(labels[r]))
                let attributes = " class=\"point \(isTraining ? "train" : "val")\" data-class=\"\(labels[r])\""
                if isTraining {
                    svg.circle(cx: cx, cy: cy, r: 3.2, fill: color, stroke: "#ffffff", extra: " stroke-width=\"0.8\"" + attributes)
                } else {
                    svg.circle(cx: cx, cy: cy, r: 2.4, fill: "none", stroke: color, extra: " stroke-width=\"1.4\"" + attributes)
                }
            }
        }
        svg.close("g")
        svg.rect(x: left, y: top, width: side, height: side, fill: "none", extra: " stroke=\"\(theme.dim)\"")
        let names = trainer.data.planeValidation.featureNames
        svg.text(names.count > 0 ? names[0] : "feature 1", x: left + side / 2, y: top + side + lh, fill: theme.dim, anchor: .middle)
        svg.text(names.count > 1 ? names[1] : "feature 2", x: left - 8, y: top + side / 2, fill: theme.dim, anchor: .middle,
                 extra: " transform=\"rotate(-90 \(SVG.number(left - 8)) \(SVG.number(top + side / 2)))\"")
        drawLegend(trainer, y: top + side + lh * 2.6, theme: theme, language: language, into: &svg)
        return svg.document(theme: theme, title: title)
    }

    static func drawLegend(_ trainer: Trainer, y: Double, theme: FigureTheme, language l: Language, into svg: inout SVG) {
        let lh = FigureFont.rowHeight
        let classes = trainer.data.validation.task.outputs
        let names = trainer.data.validation.classNames
        let name = { (k: Int) in k < names.count ? names[k] : String(k) }
        svg.open("g", ["class": "legend"])
        var x = left
        for k in 0..<classes {
            svg.rect(x: x, y: y - 10, width: 14, height: 14, fill: theme.hex(PanelSupport.regionColor(k)))
            svg.circle(cx: x + 7, cy: y - 3, r: 3.2, fill: theme.hex(PanelSupport.pointColor(k)), stroke: "#ffffff", extra: " stroke-width=\"0.8\"")
            svg.text(name(k), x: x + 20, y: y, fill: theme.foreground)
            x += 20 + FigureFont.width(name(k)) + 16
        }
        let background = classes == 2 ? l.text(.mapPEval, name(1)) : l.text(.mapLikeliestEval)
        svg.text(l.text(.filledHollow, background), x: left, y: y + lh * 1.3, fill: theme.dim)
        svg.close("g")
    }
}
