import DropoutCore
import Foundation
import TermUI

/// The validation confusion matrix (rows: true class, columns: predicted, eval mode) and the
/// accuracy. Counts when the matrix fits as numbers; otherwise a heat map, two true classes a
/// cell row, the diagonal in greens and the mistakes in reds by their share of the true class.
enum ConfusionPanel {
    /// `counts[t][p]`: validation examples of class t predicted as p.
    static func counts(_ s: AppState) -> [[Int]]? { counts(s.trainer) }

    /// The counts from the trainer alone, so that they can be computed on another thread.
    static func counts(_ trainer: Trainer) -> [[Int]]? {
        let val = trainer.data.validation
        guard case .classification(let k) = val.task, case .classes(let labels) = val.targets else { return nil }
        let p = trainer.model.predict(val.features)
        var m = Array(repeating: Array(repeating: 0, count: k), count: k)
        for r in 0..<val.count where labels[r] < k { m[labels[r]][Softmax.argmax(p, row: r)] += 1 }
        return m
    }

    static let greens: [Color] = [22, 28, 34, 40, 46].map { .indexed($0) }
    static let reds: [Color] = [52, 88, 124, 160, 196].map { .indexed($0) }
    static let empty = Color.indexed(236)

    /// The colour of a cell holding `share` of its true class.
    static func color(share: Double, diagonal: Bool) -> Color {
        guard share > 0 else { return empty }
        let ramp = diagonal ? greens : reds
        return ramp[min(ramp.count - 1, Int(share * Double(ramp.count)))]
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        guard let computed = s.panelCache.value("confusion", s, inputs: [], background: { counts($0) }) else {
            ComputingPlaceholder.render(s, area: area, into: &buffer)
            return
        }
        guard let m = computed else {
            PanelSupport.line(s.tr(.confusionMatrix), row: 0, in: area, style: Style(bold: true), glyphs: s.glyphs, into: &buffer)
            PanelSupport.line(s.tr(.classificationOnly), row: 1, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
            return
        }
        let k = m.count
        let total = m.joined().reduce(0, +)
        let right = (0..<k).map { m[$0][$0] }.reduce(0, +)
        let accuracy = total == 0 ? 0 : Double(right) / Double(total)
        let summary = s.tr(.valAccuracy, String(format: "%.1f", accuracy * 100), right, total)
        let labelWidth = min(4, (0..<k).map { PanelSupport.className(s, $0, maxLength: 4).displayWidth }.max() ?? 1)
        let digits = String(m.joined().max() ?? 0).count
        let cellWidth = max(digits, labelWidth) + 1
        if k + 2 <= area.height, max(3, labelWidth) + 1 + k * cellWidth <= area.width {
            numbers(s, m, area: area, labelWidth: labelWidth, cellWidth: cellWidth, into: &buffer)
            PanelSupport.line(summary, row: k + 1, in: area, style: Style(bold: true), glyphs: s.glyphs, into: &buffer)
        } else if s.glyphs.isUnicode, (k + 1) / 2 + 2 <= area.height, 4 + 2 * k <= area.width {
            heat(s, m, area: area, into: &buffer)
            PanelSupport.line(summary, row: (k + 1) / 2 + 1, in: area, style: Style(bold: true), glyphs: s.glyphs, into: &buffer)
        } else {
            worstConfusions(s, m, area: area, summary: summary, into: &buffer)
        }
    }

    /// Counts under class-name headers; the diagonal bold on green, mistakes in red.
    static func numbers(_ s: AppState, _ m: [[Int]], area: Rect, labelWidth: Int, cellWidth: Int, into buffer: inout Buffer) {
        let k = m.count
        let name = { (c: Int) in PanelSupport.className(s, c, maxLength: labelWidth) }
        // The row labels' column also holds the corner label.
        let x0 = max(3, labelWidth) + 1
        PanelSupport.line("t\\p", row: 0, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        for c in 0..<k {
            let label = String(repeating: " ", count: max(0, cellWidth - name(c).displayWidth)) + name(c)
            PanelSupport.line(label, row: 0, in: area, x: x0 + c * cellWidth, style: Style(bold: true), glyphs: s.glyphs, into: &buffer)
        }
        for t in 0..<k {
            PanelSupport.line(name(t), row: t + 1, in: area, style: Style(bold: true), glyphs: s.glyphs, into: &buffer)
            for p in 0..<k {
                let n = m[t][p]
                let text = n == 0 && t != p ? (s.glyphs.isUnicode ? "·" : ".") : String(n)
                let padded = String(repeating: " ", count: max(0, cellWidth - text.count)) + text
                let style = t == p ? Style(bold: true).fg(.black).bg(.indexed(114))
                                   : (n > 0 ? Style(bold: true).fg(.red) : Style(dim: true))
                PanelSupport.line(padded, row: t + 1, in: area, x: x0 + p * cellWidth, style: style, glyphs: s.glyphs, into: &buffer)
            }
        }
    }

    /// Two true classes a cell row (half blocks), two columns a predicted class.
    static func heatMap(_ m: [[Int]]) -> HeatMap {
        let k = m.count
        var levels = [Double](repeating: 0, count: 2 * k * k)
        var colors = [Color](repeating: empty, count: 2 * k * k)
        for t in 0..<k {
            let rowTotal = max(1, m[t].reduce(0, +))
            for p in 0..<k {
                let share = Double(m[t][p]) / Double(rowTotal)
                for dx in 0..<2 {
                    levels[t * 2 * k + 2 * p + dx] = share
                    colors[t * 2 * k + 2 * p + dx] = color(share: share, diagonal: t == p)
                }
            }
        }
        return HeatMap(width: 2 * k, height: k, levels: levels, colors: colors, glyphs: .unicode)
    }

    static func heat(_ s: AppState, _ m: [[Int]], area: Rect, into buffer: inout Buffer) {
        let k = m.count
        let name = { (c: Int) in PanelSupport.className(s, c, maxLength: 1) }
        // Column labels one character each, over the left column of their pair.
        for c in 0..<k {
            PanelSupport.line(name(c), row: 0, in: area, x: 4 + 2 * c, style: Style(bold: true), glyphs: s.glyphs, into: &buffer)
        }
        PanelSupport.line("t\\p", row: 0, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        for r in 0..<((k + 1) / 2) {
            let lower = 2 * r + 1 < k ? name(2 * r + 1) : " "
            PanelSupport.line("\(name(2 * r))/\(lower)", row: r + 1, in: area, style: Style(bold: true), glyphs: s.glyphs, into: &buffer)
        }
        heatMap(m).render(area: Rect(x: area.x + 4, y: area.y + 1, width: 2 * k, height: (k + 1) / 2), into: &buffer)
        // The legend beside the map when there is room.
        let x = 4 + 2 * k + 1
        let legend = [L10n.rowsTrue, .colsPred, .greenRight, .redWrong, .shadeShare, .ofTrueRow].map { s.tr($0) }
        for (i, line) in legend.enumerated() where i + 1 < area.height - 1 && area.width - x >= 9 {
            PanelSupport.line(line, row: i, in: area, x: x, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        }
    }

    /// When no form of the matrix fits: the accuracy and the largest confusions.
    static func worstConfusions(_ s: AppState, _ m: [[Int]], area: Rect, summary: String, into buffer: inout Buffer) {
        PanelSupport.line(summary, row: 0, in: area, style: Style(bold: true), glyphs: s.glyphs, into: &buffer)
        var mistakes: [(t: Int, p: Int, n: Int)] = []
        for t in m.indices { for p in m.indices where p != t && m[t][p] > 0 { mistakes.append((t, p, m[t][p])) } }
        mistakes.sort { ($0.n, -$0.t, -$0.p) > ($1.n, -$1.t, -$1.p) }
        PanelSupport.line(s.tr(mistakes.isEmpty ? .noMistakes : .worstMistakes), row: 1, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        for (i, e) in mistakes.prefix(max(0, area.height - 2)).enumerated() {
            let text = "\(PanelSupport.className(s, e.t, maxLength: 10))→\(PanelSupport.className(s, e.p, maxLength: 10)) ×\(e.n)"
            PanelSupport.line(text, row: i + 2, in: area, style: Style().fg(.red), glyphs: s.glyphs, into: &buffer)
        }
    }
}
