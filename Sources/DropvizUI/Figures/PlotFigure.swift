import Foundation
import TermUI

/// A line chart as SVG, drawn from the same `LinePlot` the screen renders: its series, markers,
/// ranges, ticks and marker-label placement come from the widget, laid out on a grid of
/// character cells (so labels never overlap, as on the screen) with the curves drawn in
/// continuous coordinates instead of braille dots.
///
/// Each curve is a `<polyline class="series" data-label="…">` inside a `<g class="plot">` that
/// carries the mapping (`data-left`, `data-top`, `data-width`, `data-height` in pixels and the
/// data ranges `data-x-low`… with `data-y-scale`), so a reader can turn the points back into
/// the plotted values, within `SVG.coordinateRounding` pixels.
public enum PlotFigure {
    /// A vertical bar from `mean - std` to `mean + std` at `x`, with a dot at the mean.
    public struct ErrorBar: Sendable {
        public var x: Double
        public var mean: Double
        public var std: Double
        public var color: Color
        public init(x: Double, mean: Double, std: Double, color: Color) {
            self.x = x
            self.mean = mean
            self.std = std
            self.color = color
        }
    }

    public struct Panel {
        public var plot: LinePlot
        public var errorBars: [ErrorBar]
        public init(plot: LinePlot, errorBars: [ErrorBar] = []) {
            self.plot = plot
            self.errorBars = errorBars
        }
    }

    /// The cell grid of one panel: about the screen's plot at 110 columns, 26 rows.
    public static let columns = 110, rows = 26
    static let margin = 12.0, panelGap = 18.0

    /// Panels stacked top to bottom under an optional caption line (what the run was).
    public static func svg(_ panels: [Panel], caption: String?, theme: FigureTheme) -> String {
        let cw = FigureFont.charWidth, lh = FigureFont.rowHeight
        let captionHeight = caption == nil ? 0 : lh * 1.5
        let panelHeight = Double(rows) * lh
        // Room on the right for half of the last x tick label.
        let width = 2 * margin + Double(columns + 3) * cw
        let height = 2 * margin + captionHeight + Double(panels.count) * panelHeight + Double(max(0, panels.count - 1)) * panelGap
        var svg = SVG(width: width, height: height)
        if let caption {
            svg.text(caption, x: margin, y: margin + lh * 0.75, fill: theme.dim)
        }
        for (i, panel) in panels.enumerated() {
            let top = margin + captionHeight + Double(i) * (panelHeight + panelGap)
            draw(panel, id: "plot\(i)", originX: margin, originY: top, theme: theme, into: &svg)
        }
        return svg.document(theme: theme, title: panels.map(\.plot.title).joined(separator: "; "))
    }

    /// Where a data point lands, in pixels: the same ranges as the screen's projection, without
    /// its rounding to dots. Nil for what the screen cannot show either (NaN, ≤0 on a log axis).
    struct Mapping {
        let projection: PlotProjection
        let left: Double, top: Double, width: Double, height: Double

        func x(_ x: Double) -> Double {
            left + (x - projection.xLow) / (projection.xHigh - projection.xLow) * width
        }

        func y(_ y: Double) -> Double? {
            guard let t = projection.transformed(y: y) else { return nil }
            return top + (projection.yHigh - t) / (projection.yHigh - projection.yLow) * height
        }
    }

    static func draw(_ panel: Panel, id: String, originX: Double, originY: Double, theme: FigureTheme, into svg: inout SVG) {
        let plot = panel.plot
        let cw = FigureFont.charWidth, lh = FigureFont.rowHeight
        guard let layout = plot.layout(in: Rect(x: 0, y: 0, width: columns, height: rows)) else { return }
        let projection = layout.projection
        let cells = projection.plot
        let map = Mapping(projection: projection, left: originX + Double(cells.x) * cw, top: originY + Double(cells.y) * lh,
                          width: Double(cells.width) * cw, height: Double(cells.height) * lh)
        let baseline = lh * 0.75
        svg.open("g", ["class": "panel", "data-title": plot.title])
        defer { svg.close("g") }
        let right = map.left + map.width, bottom = map.top + map.height

        drawHeader(plot, headerRows: cells.y, originX: originX, originY: originY, theme: theme, into: &svg)

        // Grid and ticks, from the widget's own tick values and labels.
        svg.open("g", ["class": "axes"])
        var usedRows = Set<Int>()
        for tick in layout.yTicks {
            guard let py = map.y(tick), py >= map.top - 0.5, py <= bottom + 0.5,
                  usedRows.insert(Int((py / lh).rounded())).inserted else { continue }
            svg.line(map.left, py, right, py, stroke: theme.grid)
            svg.line(map.left - 4, py, map.left, py, stroke: theme.dim)
            let text = plot.yScale == .log ? CompactNumber.format(tick, step: tick / 10) : CompactNumber.format(tick, step: layout.yTickStep)
            svg.text(text, x: map.left - 6, y: py + 4, fill: theme.dim, anchor: .end)
        }
        var nextFree = -Double.infinity
        for tick in layout.xTicks {
            let px = map.x(tick)
            guard px >= map.left - 0.5, px <= right + 0.5 else { continue }
            svg.line(px, map.top, px, bottom, stroke: theme.grid)
            svg.line(px, bottom, px, bottom + 4, stroke: theme.dim)
            let text = CompactNumber.format(tick, step: layout.xTickStep)
            let half = FigureFont.width(text) / 2
            guard px - half >= nextFree else { continue }
            svg.text(text, x: px, y: bottom + lh, fill: theme.dim, anchor: .middle)
            nextFree = px + half + cw
        }
        svg.line(map.left, map.top, map.left, bottom, stroke: theme.dim)
        svg.line(map.left, bottom, right, bottom, stroke: theme.dim)
        svg.close("g")

        let markerColor = theme.hex(plot.markerColor)
        for marker in plot.markers where marker.x >= projection.xLow && marker.x <= projection.xHigh {
            let px = map.x(marker.x)
            svg.line(px, map.top, px, bottom, stroke: markerColor, extra: " stroke-dasharray=\"4 3\" class=\"marker\"")
        }

        svg.clipRect(id: id, x: map.left, y: map.top, width: map.width, height: map.height)
        svg.open("g", ["class": "plot", "clip-path": "url(#\(id))",
                       "data-left": SVG.exact(map.left), "data-top": SVG.exact(map.top),
                       "data-width": SVG.exact(map.width), "data-height": SVG.exact(map.height),
                       "data-x-low": SVG.exact(projection.xLow), "data-x-high": SVG.exact(projection.xHigh),
                       "data-y-low": SVG.exact(projection.yLow), "data-y-high": SVG.exact(projection.yHigh),
                       "data-y-scale": projection.scale == .log ? "log" : "linear"])
        for series in plot.series {
            // Unshowable points are skipped and their neighbours joined, as on the screen.
            let points = series.points.compactMap { p -> (x: Double, y: Double)? in
                guard p.x.isFinite, let py = map.y(p.y) else { return nil }
                return (map.x(p.x), py)
            }
            guard !points.isEmpty else { continue }
            let attributes = " class=\"series\" data-label=\"\(SVG.escape(series.label))\""
            if points.count == 1 {
                svg.circle(cx: points[0].x, cy: points[0].y, r: 2, fill: theme.hex(series.color), extra: attributes)
            } else {
                svg.polyline(points, stroke: theme.hex(series.color), width: 1.6, extra: attributes)
            }
        }
        svg.close("g")

        for bar in panel.errorBars {
            guard let low = map.y(bar.mean - bar.std), let high = map.y(bar.mean + bar.std), let mid = map.y(bar.mean) else { continue }
            let px = map.x(bar.x), color = theme.hex(bar.color)
            svg.open("g", ["class": "errorbar", "data-x": SVG.exact(bar.x)])
            svg.line(px, low, px, high, stroke: color, width: 1.5)
            svg.line(px - 5, low, px + 5, low, stroke: color, width: 1.5)
            svg.line(px - 5, high, px + 5, high, stroke: color, width: 1.5)
            svg.circle(cx: px, cy: mid, r: 3, fill: color)
            svg.close("g")
        }

        // Labels last, over the curves, where the screen would put them (never overlapping).
        for placed in plot.markerLabels(projection) {
            let x = originX + Double(placed.x) * cw, y = originY + Double(placed.y) * lh
            svg.rect(x: x - 1, y: y + 1, width: FigureFont.width(placed.text) + 2, height: lh - 2, fill: theme.background,
                     extra: " fill-opacity=\"0.8\"")
            svg.text(placed.text, x: x, y: y + baseline, fill: markerColor, bold: true, extra: " class=\"marker-label\"")
        }
    }

    /// The title on the first row; the legend right of it when both fit, else right-aligned on
    /// the rows the widget kept for it. Entries are "━ label", as on the screen.
    static func drawHeader(_ plot: LinePlot, headerRows: Int, originX: Double, originY: Double, theme: FigureTheme, into svg: inout SVG) {
        let cw = FigureFont.charWidth, lh = FigureFont.rowHeight
        svg.text(plot.title, x: originX, y: originY + lh * 0.75, fill: theme.foreground, bold: true)
        let entries = plot.series.filter { !$0.label.isEmpty }
        let entryWidth = { (s: LinePlot.Series) in s.label.displayWidth + 2 }
        var rows: [[LinePlot.Series]] = [[]]
        var used = 0
        // The widget keeps one row when the title, a space and the legend fit in it.
        let room = headerRows > 1 ? columns : columns - plot.title.displayWidth - 1
        for entry in entries {
            if !rows[rows.count - 1].isEmpty, used + 2 + entryWidth(entry) > room {
                rows.append([])
                used = 0
            }
            used += (rows[rows.count - 1].isEmpty ? 0 : 2) + entryWidth(entry)
            rows[rows.count - 1].append(entry)
        }
        svg.open("g", ["class": "legend"])
        for (k, row) in rows.enumerated() {
            let rowWidth = row.reduce(0) { $0 + entryWidth($1) } + 2 * max(0, row.count - 1)
            var x = originX + Double(columns - rowWidth) * cw
            let y = originY + Double(headerRows > 1 ? k + 1 : k) * lh
            for entry in row {
                svg.line(x, y + lh / 2, x + 1.5 * cw, y + lh / 2, stroke: theme.hex(entry.color), width: 3)
                svg.text(entry.label, x: x + 2 * cw, y: y + lh * 0.75, fill: theme.foreground)
                x += Double(entryWidth(entry) + 2) * cw
            }
        }
        svg.close("g")
    }
}
