import DropoutCore
import TermUI

/// The grid of rates on screen: a cell per rate with its small decision map (2-D data), its
/// train and validation loss as sparklines on one scale shared by every cell, its rate and its
/// current validation loss and accuracy. The selected cell's frame is bold and its title
/// reversed.
enum GridView {
    /// Columns of cells for `n` cells: 2 → 2, 3–4 → 2, 5–6 → 3, 7–9 → 3.
    static func columns(_ n: Int) -> Int { n <= 4 ? 2 : 3 }

    /// The cells' rectangles in `area`, row by row.
    static func cellRects(count n: Int, in area: Rect) -> [Rect] {
        let cols = columns(n), rows = (n + cols - 1) / cols
        let w = area.width / cols, h = area.height / rows
        return (0..<n).map { i in Rect(x: area.x + (i % cols) * w, y: area.y + (i / cols) * h, width: w, height: h) }
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        guard let grid = s.grid else { return }
        buffer.fill(area, " ")
        let rects = cellRects(count: grid.cells.count, in: area)
        // One loss scale for every sparkline: the cells are compared at a glance.
        let losses = grid.cells.flatMap { $0.history.trainLoss.points.map(\.value) + $0.history.valLoss.points.map(\.value) }.filter(\.isFinite)
        let low = losses.min() ?? 0, high = losses.max() ?? 1
        for (i, (cell, rect)) in zip(grid.cells, rects).enumerated() {
            renderCell(s, cell: cell, selected: i == s.gridSelected, index: i,
                       scale: (low, high), area: rect, into: &buffer)
        }
    }

    /// A cell's hidden rate as it is now (the rate keys change the selected cell's): one number
    /// while its hidden layers share it, else each layer's.
    static func rateLabel(_ cell: Trainer) -> String {
        let hidden = cell.config.rates.dropFirst()
        let distinct = Array(Set(hidden))
        return distinct.count == 1 ? Trainer.format(distinct[0]) : hidden.map(Trainer.format).joined(separator: "/")
    }

    static func renderCell(_ s: AppState, cell: Trainer, selected: Bool, index: Int,
                           scale: (low: Double, high: Double), area: Rect, into buffer: inout Buffer) {
        guard area.width >= 12, area.height >= 4 else { return }
        Box(title: "", glyphs: s.glyphs).render(area: area, into: &buffer)
        let title = " p=\(rateLabel(cell)) "
        _ = buffer.put(title, x: area.x + 2, y: area.y, style: Style(bold: true, reverse: selected), maxWidth: area.width - 4)
        let inner = area.inset(by: 1)
        var textArea = inner
        var cs = s
        cs.trainer = cell
        if DataPanel.kind(cs) == .boundary {
            // About square: a cell is twice as tall as wide.
            let mapWidth = min(inner.width / 2, 2 * inner.height + 1)
            let mapArea = Rect(x: inner.x, y: inner.y, width: mapWidth, height: inner.height)
            let glyphs = s.glyphs
            if let map = s.panelCache.value("grid\(index)", cs, inputs: mapArea.cacheInputs + [glyphs.isUnicode ? 1 : 0], background: { trainer in
                DecisionBoundaryView.heatMap(trainer, glyphs: glyphs, mapArea: mapArea)
            }) {
                map.render(area: mapArea, into: &buffer)
            } else {
                ComputingPlaceholder.render(s, area: mapArea, into: &buffer)
            }
            textArea = Rect(x: mapArea.right + 1, y: inner.y, width: max(0, inner.right - mapArea.right - 1), height: inner.height)
        }
        let e = cell.lastEvaluation
        let val = e.map { s.tr(.gridValTrain, PanelText.num(Double($0.valLoss)), PanelText.num(Double($0.trainLoss))) } ?? s.tr(.gridValNone)
        let acc = e?.valAccuracy.map { s.tr(.gridAcc, EnsemblePanel.pct(Double($0))) } ?? ""
        // The rows' names ("tr  ", "训练 "): the sparklines take what they leave.
        let trName = s.tr(.gridTrainRow), vaName = s.tr(.gridValRow)
        let width = max(1, textArea.width - max(trName.displayWidth, vaName.displayWidth))
        let train = Sparkline.text(Sparkline.resample(cell.history.trainLoss.points.map(\.value), count: width), low: scale.low, high: scale.high, glyphs: s.glyphs)
        let valBars = Sparkline.text(Sparkline.resample(cell.history.valLoss.points.map(\.value), count: width), low: scale.low, high: scale.high, glyphs: s.glyphs)
        let lines: [(String, Style)] = [
            (val, Style(bold: true)), (acc, .plain),
            (trName + train, Style().fg(.cyan)), (vaName + valBars, Style().fg(.magenta)),
            (cell.diverged ? s.tr(.gridDiverged) : s.tr(.statusStep, cell.currentStep), Style(dim: true)),
        ]
        for (r, (text, style)) in lines.enumerated() {
            PanelSupport.line(text, row: r, in: textArea, style: style, glyphs: s.glyphs, into: &buffer)
        }
    }
}
