import DropoutCore
import TermUI

/// A 1-D regression: the data points as braille dots and the network's eval-mode curve, from
/// one batched prediction at every dot column.
enum RegressionFitView {
    static let trainColor = Color.cyan, validationColor = Color.blue, curveColor = Color.yellow

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        let plot = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1)
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        let (x0, x1) = DataPanel.bounds(s, feature: 0)
        let columns = canvas.dotWidth
        var grid = Matrix(rows: columns, cols: 1)
        for c in 0..<columns { grid[c, 0] = Float(x0 + (Double(c) + 0.5) / Double(columns) * (x1 - x0)) }
        let curve = s.trainer.network.predict(grid)
        // The y range covers the targets and the curve, so a wild fit early on stays on screen.
        var low = Double.infinity, high = -Double.infinity
        var sets: [(Dataset, Color)] = []
        for (set, color) in [(s.trainer.data.validation, validationColor), (s.trainer.data.train, trainColor)] {
            guard case .values(let y) = set.targets else { continue }
            for r in 0..<y.rows where y[r, 0].isFinite { low = min(low, Double(y[r, 0])); high = max(high, Double(y[r, 0])) }
            sets.append((set, color))
        }
        for c in 0..<columns where curve[c, 0].isFinite {
            low = min(low, Double(curve[c, 0])); high = max(high, Double(curve[c, 0]))
        }
        if !(low < high) { low = (low.isFinite ? low : 0) - 1; high = low + 2 }
        let dotY = { (v: Double) in Int(((high - v) / (high - low) * Double(canvas.dotHeight - 1)).rounded()) }
        let dotX = { (v: Double) in Int(((v - x0) / (x1 - x0) * Double(columns)).rounded(.down)) }
        for (set, color) in sets {
            guard case .values(let y) = set.targets else { continue }
            for r in 0..<set.count { canvas.set(dotX: dotX(Double(set.features[r, 0])), dotY: dotY(Double(y[r, 0])), color: color) }
        }
        // The curve last: its colour wins the cells it shares with points.
        var previous: (x: Int, y: Int)?
        for c in 0..<columns where curve[c, 0].isFinite {
            let point = (x: c, y: dotY(Double(curve[c, 0])))
            canvas.line(from: previous ?? point, to: point, color: curveColor)
            previous = point
        }
        canvas.render(into: &buffer, area: plot, glyphs: s.glyphs)
        var x = PanelSupport.line("━ fit", row: area.height - 1, in: area, style: Style(bold: true).fg(curveColor), glyphs: s.glyphs, into: &buffer) - area.x
        x = PanelSupport.line(" · train", row: area.height - 1, in: area, x: x, style: Style().fg(trainColor), glyphs: s.glyphs, into: &buffer) - area.x
        PanelSupport.line(" · val", row: area.height - 1, in: area, x: x, style: Style().fg(validationColor), glyphs: s.glyphs, into: &buffer)
    }
}
