import DropoutCore
import TermUI

/// A 1-D regression over an x range that reaches well beyond the data on both sides
/// (`UncertaintyBand.reach`), so that what the network does away from its data is on screen:
/// the data points as braille dots, the eval-mode curve, marks where the training data end
/// and, with Monte Carlo dropout on (`m` in the data panel; always in the MC dropout panel),
/// the MC mean with its ±2σ band shaded behind it.
enum RegressionFitView {
    static let trainColor = Color.green, validationColor = Color.magenta, curveColor = Color.yellow
    /// The MC mean and its band; cyan stays cyan on 8 colours and reads on a projector.
    static let meanColor = Color.brightWhite, bandColor = Color.cyan
    static let bandStyle = Style().fg(bandColor)
    static let edgeStyle = Style()

    static func bandSymbol(_ glyphs: Glyphs) -> Character { glyphs.isUnicode ? "░" : ":" }
    static func edgeSymbol(_ glyphs: Glyphs) -> Character { glyphs.isUnicode ? "┊" : "!" }

    /// What is drawn, in dot columns: the grid, the eval curve and, with MC, the band.
    struct Curves {
        var xs: [Double]
        var eval: [Double]
        var band: UncertaintyBand?
        var trainLow: Double
        var trainHigh: Double
    }

    /// The curves for a plot `columns` dots wide: with `mc`, Monte Carlo dropout at every dot
    /// column (cached: `samples` passes are most of a frame's cost), else the eval curve alone.
    static func curves(_ s: AppState, columns: Int, mc: Bool) -> Curves {
        if mc {
            let samples = max(1, s.mcSamples), seed = s.trainer.config.seed ^ UncertaintyPanel.seedSalt
            // While the first band is computed (PanelCache.swift), the eval curve alone.
            if let band = s.panelCache.value("band", s, inputs: [columns, samples], background: { trainer in
                UncertaintyBand.compute(trainer, points: columns, samples: samples, seed: seed)
            }) {
                return Curves(xs: band.xs, eval: band.eval, band: band, trainLow: band.trainLow, trainHigh: band.trainHigh)
            }
        }
        let (lo, hi) = UncertaintyBand.range(s.trainer.data)
        let n = max(2, columns)
        let xs = (0..<n).map { lo + Double($0) / Double(n - 1) * (hi - lo) }
        // The eval curve through the panel cache too (no curve for the frames its first value
        // takes): `predict` on the live network would write its scratch buffers in `view`.
        let eval = s.panelCache.value("eval curve", s, inputs: [n], background: { trainer -> [Double] in
            guard let net = trainer.mlp else { return [] }
            let out = net.predict(Matrix(rows: n, cols: 1, data: xs.map { Float($0) }))
            return (0..<n).map { Double(out[$0, 0]) }
        }) ?? []
        let (tLo, tHi) = UncertaintyBand.dataRange(s.trainer.data, sets: [s.trainer.data.train])
        return Curves(xs: xs, eval: eval, band: nil, trainLow: tLo, trainHigh: tHi)
    }

    /// Where values land on the plot: x by dot column, y by dot row.
    struct Scale {
        var x0: Double, x1: Double, columns: Int
        var low: Double, high: Double, rows: Int

        func dotX(_ v: Double) -> Int { Int(((v - x0) / (x1 - x0) * Double(columns - 1)).rounded()) }
        func dotY(_ v: Double) -> Int { Int(((high - v) / (high - low) * Double(rows - 1)).rounded()) }
        /// The values a cell row spans, top and bottom.
        func cellSpan(_ cy: Int) -> (top: Double, bottom: Double) {
            let perDot = (high - low) / Double(rows - 1)
            return (high - (Double(cy * 4) - 0.5) * perDot, high - (Double(cy * 4 + 3) + 0.5) * perDot)
        }
    }

    /// The y range: the targets, the curves and the whole band, so that the band's width far
    /// from the data is on screen (the fit among the data is smaller for it, which is the
    /// point: the network is sure of little there).
    static func yRange(_ s: AppState, _ c: Curves) -> (low: Double, high: Double) {
        var low = Double.infinity, high = -Double.infinity
        for set in [s.trainer.data.validation, s.trainer.data.train] {
            guard case .values(let y) = set.targets else { continue }
            for r in 0..<y.rows where y[r, 0].isFinite { low = min(low, Double(y[r, 0])); high = max(high, Double(y[r, 0])) }
        }
        var values = c.eval
        if let band = c.band {
            for (m, d) in zip(band.mean, band.std) { values += [m - 2 * d, m + 2 * d] }
        }
        for v in values where v.isFinite { low = min(low, v); high = max(high, v) }
        if !(low < high) { low = (low.isFinite ? low : 0) - 1; high = low + 2 }
        return (low, high)
    }

    /// The plot, its legend on the last row; `mc` adds the band; `example` (a validation row)
    /// is marked at its target.
    static func render(_ s: AppState, area: Rect, mc: Bool, example: Int? = nil, into buffer: inout Buffer) {
        guard area.width >= 4, area.height >= 3 else { return }
        let plot = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1)
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        let c = curves(s, columns: canvas.dotWidth, mc: mc)
        let (low, high) = yRange(s, c)
        let scale = Scale(x0: c.xs.first ?? 0, x1: c.xs.last ?? 1, columns: canvas.dotWidth, low: low, high: high, rows: canvas.dotHeight)
        if let band = c.band { drawBand(band, scale: scale, plot: plot, glyphs: s.glyphs, into: &buffer) }
        // Where the training data end: a dashed column each side, over the band.
        for v in [c.trainLow, c.trainHigh] {
            let cx = plot.x + scale.dotX(v) / 2
            for y in plot.y..<plot.bottom where cx >= plot.x && cx < plot.right {
                buffer.set(x: cx, y: y, edgeSymbol(s.glyphs), style: edgeStyle)
            }
        }
        for (set, color) in [(s.trainer.data.validation, validationColor), (s.trainer.data.train, trainColor)] {
            guard case .values(let y) = set.targets else { continue }
            for r in 0..<set.count { canvas.set(dotX: scale.dotX(Double(set.features[r, 0])), dotY: scale.dotY(Double(y[r, 0])), color: color) }
        }
        // The curves last: their colours win the cells they share with points.
        drawCurve(c.eval, scale: scale, color: curveColor, on: &canvas)
        if let band = c.band { drawCurve(band.mean, scale: scale, color: meanColor, on: &canvas) }
        canvas.render(into: &buffer, area: plot, glyphs: s.glyphs)
        if let r = example, case .values(let t) = s.trainer.data.validation.targets, r < t.rows {
            let cx = scale.dotX(Double(s.trainer.data.validation.features[r, 0])) / 2, cy = scale.dotY(Double(t[r, 0])) / 4
            if cx >= 0, cx < plot.width, cy >= 0, cy < plot.height {
                buffer.set(x: plot.x + cx, y: plot.y + cy, s.glyphs.isUnicode ? "◆" : "@", style: Style(bold: true).fg(trainColor).reverse())
            }
        }
        legend(s, row: area.height - 1, in: area, mc: mc, into: &buffer)
    }

    static func drawCurve(_ values: [Double], scale: Scale, color: Color, on canvas: inout BrailleCanvas) {
        var previous: (x: Int, y: Int)?
        for (c, v) in values.enumerated() where v.isFinite {
            let point = (x: c, y: scale.dotY(v))
            canvas.line(from: previous ?? point, to: point, color: color)
            previous = point
        }
    }

    /// The cells that mean ± 2σ covers, column by column (each cell column spans two dot
    /// columns, so it takes the wider of the two); at least the cell of the mean.
    static func bandCells(_ band: UncertaintyBand, scale: Scale, plot: Rect) -> [(x: Int, y: Int)] {
        var cells: [(x: Int, y: Int)] = []
        for cx in 0..<plot.width {
            let dots = [2 * cx, 2 * cx + 1].filter { $0 < band.mean.count && band.mean[$0].isFinite && band.std[$0].isFinite }
            guard !dots.isEmpty else { continue }
            let top = dots.map { band.mean[$0] + 2 * band.std[$0] }.max() ?? 0
            let bottom = dots.map { band.mean[$0] - 2 * band.std[$0] }.min() ?? 0
            for cy in 0..<plot.height {
                let span = scale.cellSpan(cy)
                if span.bottom <= top && span.top >= bottom { cells.append((cx, cy)) }
            }
        }
        return cells
    }

    static func drawBand(_ band: UncertaintyBand, scale: Scale, plot: Rect, glyphs: Glyphs, into buffer: inout Buffer) {
        for (cx, cy) in bandCells(band, scale: scale, plot: plot) {
            buffer.set(x: plot.x + cx, y: plot.y + cy, bandSymbol(glyphs), style: bandStyle)
        }
    }

    static func legend(_ s: AppState, row: Int, in area: Rect, mc: Bool, into buffer: inout Buffer) {
        let g = s.glyphs
        var items: [(String, Style)] = [(s.tr(.fit), Style(bold: true).fg(curveColor))]
        if mc { items += [(" ━ MC", Style(bold: true).fg(meanColor)), (" \(bandSymbol(g))" + (g.isUnicode ? "±2σ" : "+-2sd"), bandStyle)] }
        items += [(s.tr(.dotTrain), Style().fg(trainColor)), (s.tr(.dotVal), Style().fg(validationColor)), (" " + s.tr(.dataEdge, edgeSymbol(g)), edgeStyle)]
        if !mc, area.width >= 46 { items.append((s.tr(.mKey) + (g.isUnicode ? "±2σ" : "+-2sd"), Style(dim: true))) }
        var x = 0
        for (text, style) in items {
            x = PanelSupport.line(text, row: row, in: area, x: x, style: style, glyphs: g, into: &buffer) - area.x
        }
    }
}
