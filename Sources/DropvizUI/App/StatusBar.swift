import DropoutCore
import Foundation
import TermUI

/// The status line: step, epoch, speed, the latest losses and accuracies, the learning rate,
/// the scaling, the view and whether training runs.
public enum StatusBar {
    /// The status text, fitted to `width`: the least important parts go first.
    public static func text(_ s: AppState, width: Int = .max) -> String {
        let t = s.trainer
        // (text, priority): lower numbers are dropped first when the line is too long.
        var parts: [(String, Int)] = []
        parts.append((s.stepLabel, 9))
        parts.append((s.tr(.statusEpoch, String(format: "%.0f", t.epoch)), 2))
        parts.append((s.tr(.statusRate, String(format: "%.0f", s.stepsPerSecond)), 4))
        if let e = t.lastEvaluation {
            let acc: (Float?) -> String = { $0.map { String(format: " %.0f%%", $0 * 100) } ?? "" }
            parts.append((s.tr(.statusTrain, format(e.trainLoss) + acc(e.trainAccuracy)), 8))
            parts.append((s.tr(.statusVal, format(e.valLoss) + acc(e.valAccuracy)), 8))
        }
        parts.append((s.tr(.statusLR, format(t.config.learningRate)), 3))
        parts.append((s.lang.translate(t.config.scaling.rawValue), 5))
        parts.append((s.tr(s.evalView ? .evalMode : .trainMode), 7))
        parts.append((runState(s), 10))
        parts.append((s.speedLabel, 6))
        if s.ratesAreLinkable { parts.append((s.linkedRates ? s.tr(.pLinked) : s.tr(.pLayer, s.displayLayerName(s.selectedLayer)), 7)) }
        if let t = s.twin, let e = t.lastEvaluation { parts.append((s.tr(.twinVal, format(e.valLoss)), 4)) }
        let separator = " │ "
        func joined() -> String { " " + parts.map(\.0).joined(separator: separator) }
        while joined().displayWidth > width, let drop = parts.enumerated().min(by: { $0.element.1 < $1.element.1 }) {
            parts.remove(at: drop.offset)
        }
        return joined()
    }

    public static func runState(_ s: AppState) -> String {
        if s.trainer.diverged { return s.tr(.diverged) }
        return s.tr(s.paused ? .paused : .running)
    }

    static func format(_ v: Float) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : "inf" }
        return String(format: "%.3g", v)
    }

    public static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        let text = s.glyphs.spell(text(s, width: area.width))
        buffer.fill(area, " ", style: Style(reverse: true))
        _ = buffer.put(text, x: area.x, y: area.y, style: Style(reverse: true), maxWidth: area.width)
        let state = runState(s)
        if let range = text.range(of: state) {
            let x = area.x + String(text[..<range.lowerBound]).displayWidth
            let style = s.trainer.diverged ? Style(bold: true, reverse: true).fg(.red) : Style(bold: true, reverse: true)
            _ = buffer.put(state, x: x, y: area.y, style: style, maxWidth: max(0, area.right - x))
        }
    }
}
