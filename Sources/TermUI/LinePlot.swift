#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line chart at braille resolution: the loss curves. Layout, top to bottom: a header row
/// (title left, legend right), the plot with y tick labels on its left, the x axis, and the x
/// tick labels. Works down to about 30×8; smaller areas lose the labels first.
public struct LinePlot: Widget, Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var points: [(x: Double, y: Double)]
        public var label: String
        public var color: Color

        public init(points: [(x: Double, y: Double)], label: String, color: Color) {
            self.points = points
            self.label = label
            self.color = color
        }

        // Written out because tuples are not Equatable.
        public static func == (a: Series, b: Series) -> Bool {
            a.label == b.label && a.color == b.color && a.points.count == b.points.count
                && zip(a.points, b.points).allSatisfy { $0.x == $1.x && $0.y == $1.y }
        }
    }

    /// A vertical line at an x value, e.g. "rate changed here".
    public struct Marker: Sendable, Equatable {
        public var x: Double
        public var label: String
        /// Shown instead of `label` when the full label finds no free place (e.g. "0.5→0.6"
        /// for "h1-h2 p 0.5→0.6").
        public var shortLabel: String?

        public init(x: Double, label: String, shortLabel: String? = nil) {
            self.x = x
            self.label = label
            self.shortLabel = shortLabel
        }
    }

    public var series: [Series]
    public var title: String
    public var yScale: PlotProjection.Scale
    /// Fixed y range in data units; nil (or unusable, e.g. ≤0 on a log scale) means auto.
    public var yRange: ClosedRange<Double>?
    /// Fixed x range; nil means from the first to the last x in the data.
    public var xRange: ClosedRange<Double>?
    public var markers: [Marker]
    public var glyphs: Glyphs
    public var markerColor: Color
    public var axisStyle: Style
    public var titleStyle: Style
    /// A solid vertical line at this x: the visualizer's time cursor.
    public var cursor: Double? = nil

    public init(
        series: [Series], title: String = "", yScale: PlotProjection.Scale = .linear,
        yRange: ClosedRange<Double>? = nil, xRange: ClosedRange<Double>? = nil,
        markers: [Marker] = [], glyphs: Glyphs = .unicode, markerColor: Color = .yellow,
        axisStyle: Style = Style(dim: true), titleStyle: Style = Style(bold: true)
    ) {
        self.series = series
        self.title = title
        self.yScale = yScale
        self.yRange = yRange
        self.xRange = xRange
        self.markers = markers
        self.glyphs = glyphs
        self.markerColor = markerColor
        self.axisStyle = axisStyle
        self.titleStyle = titleStyle
    }

    /// Where everything goes for a given area, computed once and shared by `render` and by
    /// callers that need to map data to cells (hit testing, tests).
    public struct Layout: Sendable, Equatable {
        public let projection: PlotProjection
        /// The column of the y axis line, nil if there is no room for it.
        public let axisColumn: Int?
        /// The row of the x axis line, nil if there is no room for it.
        public let axisRow: Int?
        public let xLabelRow: Int?
        public let yTicks: [Double]
        public let yTickStep: Double
        public let xTicks: [Double]
        public let xTickStep: Double
    }

    public func layout(in area: Rect) -> Layout? {
        guard area.width >= 4, area.height >= 2 else { return nil }
        let headerRows = headerRowCount(area)
        let axisRow: Int? = area.height >= 4 ? area.bottom - (area.height >= 5 ? 2 : 1) : nil
        let xLabelRow: Int? = area.height >= 5 ? area.bottom - 1 : nil
        let plotTop = area.y + headerRows
        let plotBottom = axisRow ?? area.bottom
        let plotHeight = plotBottom - plotTop
        guard plotHeight >= 1 else { return nil }

        let (yLow, yHigh) = yBounds()
        let (yTicks, yStep) = yTickValues(low: yLow, high: yHigh, rows: plotHeight)
        let labelWidth = area.width >= 16 ? min(yTicks.map { label(y: $0, step: yStep).count }.max() ?? 0, 8) : 0
        let axisColumn: Int? = area.width >= 8 ? area.x + labelWidth : nil
        let plotLeft = (axisColumn ?? (area.x - 1)) + 1
        let plot = Rect(x: plotLeft, y: plotTop, width: area.right - plotLeft, height: plotHeight)
        guard plot.width >= 1 else { return nil }

        let (xLow, xHigh) = xBounds()
        let projection = PlotProjection(plot: plot, xLow: xLow, xHigh: xHigh, yLow: yLow, yHigh: yHigh, scale: yScale)
        let xTicks = AxisTicks.linear(low: xLow, high: xHigh, count: max(2, plot.width / 10))
        return Layout(
            projection: projection, axisColumn: axisColumn, axisRow: axisRow, xLabelRow: xLabelRow,
            yTicks: yTicks, yTickStep: yStep, xTicks: xTicks.values, xTickStep: xTicks.step
        )
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        renderHeader(area: area, into: &buffer)
        guard let layout = layout(in: area) else { return }
        let projection = layout.projection
        let plot = projection.plot

        renderAxes(layout, area: area, into: &buffer)
        for marker in markers {
            guard let column = projection.column(x: marker.x) else { continue }
            for y in plot.y..<plot.bottom {
                buffer.set(x: column, y: y, glyphs.dashedVertical, style: Style(fg: markerColor))
            }
        }

        if let cursor, let column = projection.column(x: cursor) {
            for y in plot.y..<plot.bottom { buffer.set(x: column, y: y, glyphs.vertical, style: Style(fg: .brightWhite, bold: true)) }
        }

        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        for s in series {
            var previous: (x: Int, y: Int)?
            for point in s.points {
                // Unshowable points (NaN, inf, ≤0 on log) are skipped; their neighbours join up.
                guard let dot = projection.dot(x: point.x, y: point.y) else { continue }
                if let previous {
                    canvas.line(from: previous, to: dot, color: s.color)
                } else {
                    canvas.set(dotX: dot.x, dotY: dot.y, color: s.color)
                }
                previous = dot
            }
        }
        canvas.render(into: &buffer, area: plot, glyphs: glyphs)

        // Labels last, over the curves: a marker nobody can read is noise.
        for placed in markerLabels(projection) {
            buffer.put(placed.text, x: placed.x, y: placed.y, style: Style(fg: markerColor, bold: true),
                       maxWidth: plot.right - placed.x)
        }
    }

    /// Where the marker labels go: each beside its line (right of it, or left when the right
    /// has no room), on the first of the top rows where it overlaps no other label. The newest
    /// markers are placed first; a label that finds no place tries its short form, and then
    /// is left out (its line stays): labels never overwrite each other.
    public func markerLabels(_ projection: PlotProjection) -> [(text: String, x: Int, y: Int)] {
        let plot = projection.plot
        let rows = max(1, min(plot.height - 1, 4))
        var taken = Array(repeating: [Range<Int>](), count: rows)
        var placed: [(text: String, x: Int, y: Int)] = []
        for marker in markers.reversed() where !marker.label.isEmpty {
            guard let column = projection.column(x: marker.x) else { continue }
            let candidates = [marker.label] + (marker.shortLabel.map { [$0] } ?? [])
            search: for text in candidates {
                let length = text.displayWidth
                guard length <= plot.width else { continue }
                var starts = [column + 1, column - length]
                starts = starts.filter { $0 >= plot.x && $0 + length <= plot.right }
                for row in 0..<rows {
                    for start in starts {
                        // One free cell between neighbours keeps two labels from reading as one.
                        let span = (start - 1)..<(start + length + 1)
                        if taken[row].allSatisfy({ !$0.overlaps(span) }) {
                            taken[row].append(start..<(start + length))
                            placed.append((text, start, plot.y + row))
                            break search
                        }
                    }
                }
            }
        }
        return placed
    }

    // MARK: - Parts

    private var legendWidth: Int {
        let entries = series.filter { !$0.label.isEmpty }
        return entries.reduce(0) { $0 + $1.label.displayWidth + 2 } + max(0, entries.count - 1) * 2
    }

    /// The legend entries laid out in rows of at most `width` columns (each entry "━ label",
    /// two spaces apart); an entry is never split.
    private func legendRows(width: Int) -> [[Series]] {
        var rows: [[Series]] = [[]]
        var used = 0
        for entry in series where !entry.label.isEmpty {
            let w = entry.label.displayWidth + 2
            if !rows[rows.count - 1].isEmpty && used + 2 + w > width {
                rows.append([])
                used = 0
            }
            used += (rows[rows.count - 1].isEmpty ? 0 : 2) + w
            rows[rows.count - 1].append(entry)
        }
        return rows
    }

    /// The title and the legend share the top row when they fit; otherwise, when the plot is
    /// tall enough to spare rows, the legend gets rows of its own (neither is cut).
    private func headerRowCount(_ area: Rect) -> Int {
        let needed = title.displayWidth + 1 + legendWidth
        guard needed > area.width, area.height >= 8, !title.isEmpty else { return 1 }
        return 1 + min(2, legendRows(width: area.width).count)
    }

    private func renderHeader(area: Rect, into buffer: inout Buffer) {
        let headerRows = headerRowCount(area)
        let rows: [[Series]] = headerRows == 1 ? [series.filter { !$0.label.isEmpty }] : Array(legendRows(width: area.width).prefix(headerRows - 1))
        let legendStart = max(area.x, area.right - legendWidth)
        let titleRoom = headerRows > 1 || legendWidth == 0 ? area.width : legendStart - area.x - 1
        if titleRoom > 0 {
            buffer.put(title, x: area.x, y: area.y, style: titleStyle, maxWidth: titleRoom)
        }
        for (k, row) in rows.enumerated() {
            let rowWidth = row.reduce(0) { $0 + $1.label.displayWidth + 2 } + max(0, row.count - 1) * 2
            var x = headerRows == 1 ? legendStart : max(area.x, area.right - rowWidth)
            let y = headerRows == 1 ? area.y : area.y + 1 + k
            for (i, entry) in row.enumerated() {
                if i > 0 { x += 2 }
                x = buffer.put(String(glyphs.heavyHorizontal), x: x, y: y, style: Style(fg: entry.color, bold: true),
                               maxWidth: area.right - x)
                x += 1
                x = buffer.put(entry.label, x: x, y: y, maxWidth: area.right - x)
            }
        }
    }

    private func renderAxes(_ layout: Layout, area: Rect, into buffer: inout Buffer) {
        let projection = layout.projection
        let plot = projection.plot
        if let axisColumn = layout.axisColumn {
            for y in plot.y..<plot.bottom {
                buffer.set(x: axisColumn, y: y, glyphs.vertical, style: axisStyle)
            }
            var usedRows = Set<Int>()
            for tick in layout.yTicks {
                guard let ty = projection.transformed(y: tick), let row = projection.row(axisY: ty),
                      usedRows.insert(row).inserted else { continue }
                buffer.set(x: axisColumn, y: row, glyphs.teeRight, style: axisStyle)
                let text = label(y: tick, step: layout.yTickStep)
                let width = axisColumn - area.x
                guard width > 0 else { continue }
                // Right-aligned against the axis; too-long labels keep their leading digits.
                let shown = String(text.prefix(width))
                buffer.put(shown, x: axisColumn - shown.count, y: row, maxWidth: width)
            }
        }
        guard let axisRow = layout.axisRow else { return }
        for x in plot.x..<plot.right {
            buffer.set(x: x, y: axisRow, glyphs.horizontal, style: axisStyle)
        }
        if let axisColumn = layout.axisColumn {
            buffer.set(x: axisColumn, y: axisRow, glyphs.bottomLeft, style: axisStyle)
        }
        var nextFree = area.x
        for tick in layout.xTicks {
            guard let column = projection.column(x: tick) else { continue }
            buffer.set(x: column, y: axisRow, glyphs.teeDown, style: axisStyle)
            guard let labelRow = layout.xLabelRow else { continue }
            let text = CompactNumber.format(tick, step: layout.xTickStep)
            var start = column - (text.count - 1) / 2
            start = min(start, area.right - text.count)
            start = max(start, area.x)
            guard start >= nextFree else { continue }
            nextFree = buffer.put(text, x: start, y: labelRow, maxWidth: area.right - start) + 1
        }
    }

    // MARK: - Ranges

    private func label(y: Double, step: Double) -> String {
        switch yScale {
        case .linear: return CompactNumber.format(y, step: step)
        case .log: return CompactNumber.format(y, step: y / 10)
        }
    }

    private func yTickValues(low: Double, high: Double, rows: Int) -> ([Double], Double) {
        let count = max(2, rows / 3)
        switch yScale {
        case .linear:
            return AxisTicks.linear(low: low, high: high, count: count)
        case .log:
            return (AxisTicks.logarithmic(log10Low: low, log10High: high, count: count), 0)
        }
    }

    /// The x range: fixed, or the data's, widened when it is a single value.
    private func xBounds() -> (Double, Double) {
        if let xRange, xRange.lowerBound.isFinite, xRange.upperBound.isFinite,
           xRange.upperBound > xRange.lowerBound {
            return (xRange.lowerBound, xRange.upperBound)
        }
        let xs = series.flatMap { $0.points }.filter { $0.x.isFinite && showable($0.y) }.map(\.x)
        guard let low = xs.min(), let high = xs.max() else { return (0, 1) }
        if high > low { return (low, high) }
        return (low - 0.5, high + 0.5)
    }

    /// The y range in axis units (log10 on a log scale): fixed, or the data's plus 5% padding.
    private func yBounds() -> (Double, Double) {
        let toAxis = { (y: Double) -> Double? in
            guard y.isFinite else { return nil }
            switch self.yScale {
            case .linear: return y
            case .log: return y > 0 ? log10(y) : nil
            }
        }
        if let yRange, let low = toAxis(yRange.lowerBound), let high = toAxis(yRange.upperBound), high > low {
            return (low, high)
        }
        let ys = series.flatMap { $0.points }.filter { $0.x.isFinite }.compactMap { toAxis($0.y) }
        guard let low = ys.min(), let high = ys.max() else { return (0, 1) }
        if high > low {
            let pad = (high - low) * 0.05
            return (low - pad, high + pad)
        }
        let pad: Double = yScale == .log ? 0.5 : (low == 0 ? 1 : abs(low) * 0.1)
        return (low - pad, high + pad)
    }

    private func showable(_ y: Double) -> Bool {
        y.isFinite && (yScale == .linear || y > 0)
    }
}
