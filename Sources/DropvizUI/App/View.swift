import DropoutCore
import Foundation
import TermUI

/// Draws the whole screen for `s` into `buffer` (which must be `s.width × s.height`).
public func view(_ s: AppState, into buffer: inout Buffer) {
    buffer.fill(buffer.area, " ")
    if s.isTooSmall {
        tooSmall(s, into: &buffer)
        return
    }
    let layout = ScreenLayout(width: s.width, height: s.height)
    _ = buffer.put(title(s, width: s.width), x: 0, y: 0, style: Style(bold: true), maxWidth: s.width)
    if let unrolled = UnrolledView(state: s) {
        unrolled.render(area: layout.diagram, into: &buffer)
    } else if let conv = ConvDiagram(state: s) { conv.render(area: layout.diagram, into: &buffer) } else if let mlp = s.trainer.mlp { NetworkDiagram(state: s, network: mlp).render(area: layout.diagram, into: &buffer) }
    let formula = s.trainer.lstmModel != nil ? UnrolledView.formula(s)
        : s.trainer.cnn != nil ? ConvDiagram.formula(s) : Formula.line(s.trainer.config, unicode: s.glyphs.isUnicode, width: s.width - 1, language: s.lang)
    _ = buffer.put(formula, x: 1, y: layout.formula.y,
                   style: s.trainer.config.scaling == .none && s.trainer.config.variant == .bernoulli ? Style(bold: true).fg(.red) : Style().fg(.yellow),
                   maxWidth: s.width - 1)
    var plotArea = layout.plot
    if s.panel != .none, !s.largeData, !s.showsGrid {
        let panelWidth = max(30, min(plotArea.width / 2, 2 * plotArea.height + 24))
        let columns = plotArea.splitColumns([.fill, .fixed(panelWidth)])
        plotArea = columns[0]
        PanelView.render(s, area: columns[1], into: &buffer)
    }
    LinePlot(state: s).render(area: plotArea.inset(horizontal: 1, vertical: 0), into: &buffer)
    if s.largeData, s.trainer.mlp != nil { LargeDataView.render(s, into: &buffer) }
    if s.showsGrid { GridView.render(s, area: Rect(x: 0, y: 1, width: s.width, height: layout.status.y - 1), into: &buffer) }
    StatusBar.render(s, area: layout.status, into: &buffer)
    var hint = KeyBar.text(s)
    if let lesson = s.lesson { hint = s.tr(.lessonHint, lesson.name) }
    if s.presenter.hideKeyBar { hint = "" }
    if let notice = s.notice {
        // A notice too long for one line takes the status line too: it is never cut.
        let lines = notice.wrapped(toWidth: s.width)
        let rows = lines.count > 1 ? [layout.status.y, layout.hint.y] : [layout.hint.y]
        for (k, y) in rows.enumerated() {
            buffer.fill(Rect(x: 0, y: y, width: s.width, height: 1), " ")
            let text = k == rows.count - 1 ? lines.dropFirst(k).joined(separator: " ") : lines[k]
            _ = buffer.put(text, x: 0, y: y, style: Style(bold: true).fg(.yellow), maxWidth: s.width)
        }
    } else {
        _ = buffer.put(hint, x: 0, y: layout.hint.y, style: Style(dim: true), maxWidth: s.width)
    }
    if s.showLesson, let lesson = s.lesson {
        LessonOverlay.render(lesson, page: s.lessonPage, glyphs: s.glyphs, language: s.lang, in: Rect(x: 0, y: 1, width: s.width, height: s.height - 2), into: &buffer)
    }
    let overlayArea = Rect(x: 0, y: 1, width: s.width, height: s.height - 2)
    if s.showHelp {
        let keyPages = HelpOverlay.keyPageCount(glyphs: s.glyphs, language: s.lang, in: overlayArea)
        if s.helpPage < keyPages {
            HelpOverlay.render(page: s.helpPage, glyphs: s.glyphs, language: s.lang, presenter: s.presenter, in: overlayArea, into: &buffer)
        } else {
            HelpOverlay.renderLegend(page: s.helpPage - keyPages, glyphs: s.glyphs, language: s.lang, in: overlayArea, into: &buffer)
        }
    }
    if s.showState {
        StateOverlay.render(s.stateString, glyphs: s.glyphs, language: s.lang, in: overlayArea, into: &buffer)
    }
}

/// The top line; where it is wider than `width`, whole parts go (the seed, then the optimiser,
/// then the variant, which the formula line also names) rather than a word being cut.
func title(_ s: AppState, width: Int = .max) -> String {
    let c = s.trainer.config
    var data = c.dataset
    if let noise = c.noise ?? DatasetCatalog.entry(c.dataset)?.defaultNoise, noise > 0 { data += String(format: " σ%.2f", noise) }
    data += " \(s.trainer.data.train.count)/\(s.trainer.data.validation.count)"
    var net = "\(c.hidden.map(String.init).joined(separator: ",")) \(c.activationList)"
    var variant = c.variant.rawValue
    if let conv = c.conv { net = s.trainer.model.summary; variant = "\(conv.variant.rawValue)/\(variant)" }
    if let lstm = c.lstm { net = "lstm \(c.hidden[0]) T=\(s.trainer.lstmModel?.steps ?? 0)"; variant = lstm.variant.rawValue }
    var parts = ["dropviz", data, net, c.optimizer.rawValue, variant, s.tr(.seed, c.seed)]
    func text() -> String {
        let t = parts.joined(separator: " · ")
        return s.glyphs.spell(t)
    }
    for drop in [5, 3, 3] where text().displayWidth > width && parts.count > drop { parts.remove(at: drop) }
    return text()
}

private func tooSmall(_ s: AppState, into buffer: inout Buffer) {
    let lines = [
        s.tr(.tooSmall, AppState.minimumWidth, AppState.minimumHeight),
        s.tr(.tooSmallNow, s.width, s.height),
        s.tr(.qQuits),
    ]
    for (i, line) in lines.enumerated() {
        let text = s.glyphs.spell(line)
        let x = max(0, (s.width - text.displayWidth) / 2)
        let y = max(0, s.height / 2 - 1 + i)
        _ = buffer.put(text, x: x, y: y, style: i == 0 ? Style(bold: true) : .plain, maxWidth: s.width - x)
    }
}
