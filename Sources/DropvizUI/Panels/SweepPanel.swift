import DropoutCore
import Foundation
import TermUI

/// The sweep inside the visualizer: validation loss and accuracy against the rate, filling in
/// as the background runs finish (`W` starts one on the current configuration).
enum SweepPanel {
    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        guard let snap = s.sweep else {
            let lines = [L10n.sweepIntro1, .sweepIntro2, .sweepIntro3, .sweepIntro4, .sweepIntro5].map { s.tr($0) }
            for (i, line) in lines.enumerated() where i < area.height {
                _ = buffer.put(s.glyphs.spell(line), x: area.x, y: area.y + i, style: Style(dim: true), maxWidth: area.width)
            }
            return
        }
        let rows = RateSweep.summarize(snap.runs)
        var header = s.tr(.sweepHeader, snap.runs.count, snap.total, snap.steps, snap.seeds)
        if let f = snap.failure { header = s.tr(.failed, f) }
        _ = buffer.put(s.glyphs.spell(header), x: area.x, y: area.y, style: Style(bold: true), maxWidth: area.width)
        var parts: [String] = []
        if let b = RateSweep.bestByAccuracy(rows), let a = b.finalValAccuracy {
            parts.append(s.tr(.bestAccuracy, String(format: "%.1f", b.rate), String(format: "%.1f", a.mean * 100)))
        }
        if let b = RateSweep.bestByLoss(rows) { parts.append(s.tr(.bestLoss, String(format: "%.1f", b.rate))) }
        // The summary is never cut (a cut "p=0.9" reads as "p=0"): one line when it fits,
        // else a line per part, else only the parts that fit whole.
        let joined = parts.joined(separator: " · ")
        let footer = joined.displayWidth <= area.width ? [joined] : parts.filter { $0.displayWidth <= area.width }
        for (k, line) in footer.enumerated() {
            _ = buffer.put(s.glyphs.spell(line), x: area.x, y: area.bottom - footer.count + k, style: Style().fg(.yellow), maxWidth: area.width)
        }
        let plotArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1 - footer.count))
        guard rows.count >= 1, plotArea.height >= 3 else { return }
        let showAccuracy = s.showAccuracy && rows.allSatisfy { $0.finalValAccuracy != nil }
        let series: LinePlot.Series = showAccuracy
            ? .init(points: rows.map { (Double($0.rate), $0.finalValAccuracy?.mean ?? 0) }, label: s.tr(.valAcc), color: .magenta)
            : .init(points: rows.map { (Double($0.rate), $0.finalValLoss.mean) }, label: s.tr(.finalValLoss), color: .magenta)
        var plot = LinePlot(series: [series], title: s.tr(.versusP), glyphs: s.glyphs)
        plot.xRange = 0...0.9
        plot.render(area: plotArea, into: &buffer)
    }
}
