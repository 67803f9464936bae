import DropoutCore
import Foundation
import TermUI

/// The mathematics of the selected layer's variant: what it computes in training and at eval,
/// the selected unit's real numbers in both modes, how often units were actually dropped
/// against `p`, and the regularisation view (Baldi & Sadowski's `p(1-p)`).
///
/// At 80×24 the box holds about 38 × 8 cells: the formula, the numbers and the drop frequency
/// come first; the penalty, its plot and the per-layer table take whatever rows are left.
enum MathsPanel {
    static let headStyle = Style(bold: true)
    static let formulaStyle = Style().fg(.yellow)
    static let labelStyle = Style(dim: true)
    static let valueStyle = Style(bold: true).fg(.cyan)
    static let warnStyle = Style(bold: true).fg(.red)

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        guard area.width >= 10, area.height >= 1, let net = s.trainer.mlp else { return }
        let r = MathsReadout(s, network: net)
        let w = area.width
        var blocks: [PanelBlock] = []
        let l = s.lang
        let name = r.position == 0 ? l.text(.input) : l.text(.hiddenN, r.position)
        blocks.append(PanelBlock(priority: 9, lines: [PanelLine([
            (l.text(.unitOf, name, r.unit, r.width), headStyle),
            ("p=\(PanelText.num(r.rate))", Style(bold: true).fg(.yellow)),
            (" " + l.translate(variantName(r)), labelStyle),
        ])]))
        blocks.append(PanelBlock(priority: 10, lines: formula(r, s: s, network: net, width: w)))
        if let note = note(r, s: s, network: net) { blocks.append(PanelBlock(priority: r.scaling == .none ? 8 : 4, lines: [note])) }
        blocks.append(PanelBlock(priority: 8, lines: numbers(r, l)))
        blocks.append(PanelBlock(priority: 7, lines: statistics(r, l)))
        if let strip = connectionStrip(r, width: w, glyphs: s.glyphs, l) { blocks.append(PanelBlock(priority: 6, lines: strip)) }
        let penalties = RegularisationIdentity.penalties(net)
        let mine = penalties[r.position]
        blocks.append(PanelBlock(priority: 5, lines: [PanelLine([
            (l.text(.reg), labelStyle), ("p(1-p)=", .plain), (PanelText.num(mine.gateVariance, digits: 3), valueStyle),
            (" L2 c=", .plain), (PanelText.num(mine.penaltyCoefficient, digits: 3), valueStyle),
            (coefficientNote(r.scaling, l), labelStyle),
        ])]))
        // The plot takes 1 row at least; it grows below into whatever is left.
        blocks.append(PanelBlock(priority: 3, lines: [PanelLine("")]))
        let table = penalties.map { pen in
            PanelLine([
                ((pen.position == 0 ? "in " : "h\(pen.position) ").padded(toWidth: 4), pen.position == r.position ? headStyle : labelStyle),
                ("p \(PanelText.num(pen.rate))  p(1-p) \(PanelText.num(pen.gateVariance, digits: 3))  c \(PanelText.num(pen.penaltyCoefficient, digits: 3))", .plain),
            ])
        }
        blocks.append(PanelBlock(priority: 1, lines: table))
        let kept = PanelText.fit(blocks, height: area.height)
        // Rows nobody needs go to the plot (up to 4: enough to read the parabola).
        let used = kept.reduce(0) { $0 + $1.lines.count }
        var y = area.y
        for b in kept {
            if b.priority == 3 {
                let rows = min(4, 1 + area.height - used)
                drawPenaltyPlot(rate: r.rate, area: Rect(x: area.x, y: y, width: w, height: rows), glyphs: s.glyphs, language: l, into: &buffer)
                y += rows
                continue
            }
            for line in b.lines where y < area.bottom {
                line.draw(x: area.x, y: y, maxWidth: w, glyphs: s.glyphs, into: &buffer)
                y += 1
            }
        }
    }

    /// What the selected position does: its variant's description (VariantDescription.swift).
    static func description(_ net: MLPNetwork, _ r: MathsReadout) -> (VariantDescription, DropoutLayer) {
        let layer = net.dropout[r.position]
        return (VariantDescription.of(layer), layer)
    }

    static func variantName(_ r: MathsReadout) -> String { VariantDescription.of(r.variant, scaling: r.scaling).name }

    /// The formula of training and eval: one line when it fits, else two.
    static func formula(_ r: MathsReadout, s: AppState, network net: MLPNetwork, width: Int) -> [PanelLine] {
        let l = s.lang
        let (variant, layer) = description(net, r)
        let (train, eval) = variant.formulas(layer, l)
        let one = PanelLine([(l.text(.trainLabel), labelStyle), (train, formulaStyle), (l.text(.evalLabelSpaced), labelStyle), (eval, formulaStyle)])
        if one.width <= width { return [one] }
        return [PanelLine([(l.text(.trainLabel), labelStyle), (train, formulaStyle)]),
                PanelLine([(l.text(.evalLabel), labelStyle), (eval, formulaStyle)])]
    }

    /// The line that says why: the missing rescaling, standout's gate, DropConnect's eval.
    static func note(_ r: MathsReadout, s: AppState, network net: MLPNetwork) -> PanelLine? {
        let (variant, layer) = description(net, r)
        return variant.note(layer, s.lang)
    }

    /// The selected unit's train and eval numbers.
    static func numbers(_ r: MathsReadout, _ l: Language = .en) -> [PanelLine] {
        let variant = VariantDescription.of(r.variant, scaling: r.scaling)
        let train = r.train.map { variant.trainNumbers($0, l) } ?? PanelLine(l.text(.noStepYet), labelStyle)
        return [train, variant.evalNumbers(r.eval, l)]
    }

    /// The running drop statistics against what they converge to.
    static func statistics(_ r: MathsReadout, _ l: Language = .en) -> [PanelLine] {
        guard let st = r.statistics, st.totalDraws > 0 || st.gateCount > 0 else {
            return [PanelLine(l.text(.droppedNoStep), labelStyle)]
        }
        return [VariantDescription.of(r.variant, scaling: r.scaling).statistic(st, r, l)]
    }

    /// DropConnect: the selected unit's incoming connections this step, dropped ones marked.
    /// One cell per connection when they fit, else braille with a dot per dropped connection.
    static func connectionStrip(_ r: MathsReadout, width: Int, glyphs: Glyphs, _ l: Language = .en) -> [PanelLine]? {
        guard VariantDescription.of(r.variant, scaling: r.scaling).showsConnections, let inputs = r.train?.droppedInputs, !inputs.isEmpty else { return nil }
        let label = l.text(.inLabel)
        let room = width - label.displayWidth
        guard room > 4 else { return nil }
        var text = ""
        var note = ""
        if inputs.count <= room {
            text = String(inputs.map { $0 ? (glyphs.isUnicode ? "✕" : "x") : (glyphs.isUnicode ? "·" : ".") })
        } else if glyphs.isUnicode {
            // 8 connections a cell, column-major like the braille dot order: 2 columns × 4 rows.
            let cells = min(room, (inputs.count + 7) / 8)
            for c in 0..<cells {
                var bits: UInt8 = 0
                for k in 0..<8 where c * 8 + k < inputs.count && inputs[c * 8 + k] {
                    bits |= BrailleCanvas.bit(column: k / 4, row: k % 4)
                }
                text.append(Character(Unicode.Scalar(0x2800 + UInt32(bits)) ?? " "))
            }
            if cells * 8 < inputs.count { note = "…" }
        } else {
            // ASCII: a digit per 8 connections, how many of them were dropped.
            let cells = min(room, (inputs.count + 7) / 8)
            for c in 0..<cells {
                let n = (0..<8).filter { c * 8 + $0 < inputs.count && inputs[c * 8 + $0] }.count
                text += n == 0 ? "." : String(n)
            }
        }
        return [PanelLine([(label, labelStyle), (text, Style().fg(.red)), (note, labelStyle)])]
    }

    static func coefficientNote(_ s: Scaling, _ l: Language = .en) -> String {
        switch s {
        case .inverted: return " =p/(1-p)"
        case .vanilla: return " =p(1-p)"
        case .none: return l.text(.evalIgnores)
        }
    }

    /// `p(1-p)` over `p ∈ [0,1)`: the penalty's strength peaks at ½; the current `p` is a
    /// yellow stem under the curve.
    static func drawPenaltyPlot(rate: Float, area: Rect, glyphs: Glyphs, language: Language = .en, into buffer: inout Buffer) {
        let label = area.width >= 30 ? "p(1-p) " : ""
        // Leave room for the shortest caption on the right.
        let plotWidth = min(24, area.width - label.displayWidth - 7)
        guard plotWidth >= 6, area.height >= 1 else { return }
        _ = buffer.put(label, x: area.x, y: area.y, style: labelStyle)
        let plot = Rect(x: area.x + label.displayWidth, y: area.y, width: plotWidth, height: area.height)
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        let dw = canvas.dotWidth, dh = canvas.dotHeight
        func dotY(_ v: Double) -> Int { dh - 1 - Int((v / 0.25 * Double(dh - 1)).rounded()) }
        for dx in 0..<dw {
            let p = Double(dx) / Double(dw)
            canvas.set(dotX: dx, dotY: dotY(p * (1 - p)), color: .cyan)
        }
        let px = min(dw - 1, Int((Double(rate) * Double(dw)).rounded()))
        let top = dotY(Double(rate) * (1 - Double(rate)))
        for y in top..<dh { canvas.set(dotX: px, dotY: y, color: .yellow) }
        canvas.render(into: &buffer, area: plot, glyphs: glyphs)
        let room = area.right - plot.right
        if let text = [L10n.peakLong, .peakShort, .peakMax].map({ glyphs.isUnicode ? language.text($0) : glyphs.spell($0.rawValue) }).first(where: { $0.displayWidth <= room }) {
            _ = buffer.put(text, x: plot.right, y: area.y + area.height - 1, style: labelStyle)
        }
    }
}
