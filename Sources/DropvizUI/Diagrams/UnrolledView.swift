import DropoutCore
import Foundation
import TermUI

/// The diagram of an LSTM: the network unrolled over time for the first sequence of the last
/// mini-batch. Time steps are columns, the units of the state the variant drops (h, c or g) are
/// rows, and `✕` marks a unit dropped at that step. A mask drawn once per sequence (RNNDrop,
/// variational) makes unbroken rows of `✕`; a fresh mask per step (naive, recurrent dropout)
/// makes noise. Beside it, the first validation sequence: the prediction against the target.
struct UnrolledView {
    let positions: [(name: String, rate: Float)]
    let selected: Int
    let variant: RecurrentDropoutVariant
    let info: String
    /// The rows of the grid: a label, then per step the unit's level (0…1) and whether it was
    /// dropped. `z_x` rows (variational with an input rate) come first.
    let rows: [(label: String, levels: [Double], dropped: [Bool])]
    /// Units of the state in all (the grid may show fewer).
    let unitCount: Int
    let steps: Int
    let prediction: SequencePrediction
    let glyphs: Glyphs
    let lang: Language

    init?(state s: AppState) {
        guard let net = s.trainer.lstmModel else { return nil }
        let lstm = net.lstm
        glyphs = s.glyphs
        lang = s.lang
        selected = s.selectedLayer
        variant = lstm.variant
        positions = zip(net.positionNames, net.dropoutPositions).map { ($0, $1.rate) }
        steps = lstm.steps
        unitCount = lstm.hiddenWidth
        prediction = SequencePrediction(state: s, network: net)
        let state = variant.maskedState
        let trained = s.trainer.currentStep > 0 && lstm.trace.steps == steps && (lstm.trace.h.first?.rows ?? 0) > 0
        var text = s.tr(.lstmInfo, state, steps)
        guard trained else {
            info = text + s.tr(.infoNoStepYet)
            rows = []
            return
        }
        let trace: LSTMTrace
        let masks: RecurrentMasks
        if s.evalView {
            // Derived state computed in `update` (ExampleForward.swift).
            trace = s.exampleForwards.recurrent(lstm, input: PanelSupport.rowMatrix(net.trainingInput, 0), step: s.trainer.currentStep)
            masks = RecurrentMasks()
        } else {
            trace = lstm.trace
            masks = lstm.masks
        }
        // The value each row shades by: the state the mask multiplies at that step.
        let v = lstm.variant, H = lstm.hiddenWidth, T = lstm.steps
        let value = { (t: Int, j: Int) -> Float in
            switch v {
            case .naive, .variational: return t == 0 ? 0 : trace.h[t - 1][0, j]
            case .rnndrop, .naiveCell: return trace.c[t][0, j]
            case .recurrent: return trace.gates[t][0, 3 * H + j]
            }
        }
        let isDropped = { (list: [Matrix], t: Int, j: Int) -> Bool in
            t < list.count && list[t].rows > 0 && list[t][0, j] == 0
        }
        var rows: [(String, [Double], [Bool])] = []
        if v == .variational && lstm.inputRate > 0 {
            let x = trace.x
            let top = max(Double((0..<T).flatMap { t in (0..<lstm.inputWidth).map { abs(x[t][0, $0]) } }.max() ?? 0), 1e-6)
            for d in 0..<lstm.inputWidth {
                rows.append(("x\(d + 1)", (0..<T).map { Double(abs(x[$0][0, d])) / top },
                             (0..<T).map { isDropped(masks.input, $0, d) }))
            }
        }
        let list = masks.state(v)
        let top = max(Double((0..<T).flatMap { t in (0..<H).map { abs(value(t, $0)) } }.max() ?? 0), 1e-6)
        for j in 0..<H {
            rows.append(("\(state)\(j + 1)", (0..<T).map { Double(abs(value($0, j))) / top },
                         (0..<T).map { isDropped(list, $0, j) }))
        }
        self.rows = rows.map { (label: $0.0, levels: $0.1, dropped: $0.2) }
        if s.evalView {
            text += s.tr(.infoEvalNothingDropped)
        } else if lstm.rate == 0 {
            text += s.tr(.infoPZeroNothingDropped)
        } else {
            let dropped = (0..<T).reduce(0) { n, t in n + (0..<H).filter { isDropped(list, t, $0) }.count }
            text += " · batch[0] \(dropped)/\(T * H) ✕ · "
            text += s.tr(v.fixedPerSequence ? .oneMaskASequence : .newMaskEveryStep)
        }
        info = text
    }

    /// The line under the diagram: what the variant computes in training, and evaluation.
    static func formula(_ s: AppState) -> String {
        guard let v = s.trainer.lstmModel?.lstm.variant else { return "" }
        return "\(v.rawValue): " + (s.glyphs.isUnicode ? s.lang.translate(v.formula) + s.tr(.evalUnmasked) : v.asciiFormula + " | eval unmasked")
    }

    /// Columns per time step that fit `width` (labels included), from 3 down to 1.
    static func cellWidth(steps: Int, width: Int, label: Int) -> Int {
        for w in stride(from: 3, through: 1, by: -1) where label + w * steps <= width { return w }
        return 1
    }

    static let labelWidth = 4

    func render(area: Rect, into buffer: inout Buffer) {
        guard area.height >= 4 else { return }
        var x = area.x + 1
        for (i, p) in positions.enumerated() where x < area.right {
            let label = String(format: "%@ p=%.2f", p.name, p.rate)
            x = buffer.put(label, x: x, y: area.y, style: i == selected ? Style(bold: true).reverse() : Style(), maxWidth: area.right - x) + 2
        }
        _ = buffer.put(glyphs.spell(lang.text(.nextVariantHint)), x: x, y: area.y, style: Style(dim: true), maxWidth: max(0, area.right - x))
        _ = buffer.put(glyphs.spell(info), x: area.x + 1, y: area.y + 1, style: Style().fg(.cyan), maxWidth: area.width - 1)
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        // The grid takes what it needs (up to 3 columns a step); the prediction the rest when
        // that leaves it room, else the grid has the whole width.
        let gridNeeds = Self.labelWidth + 1 + Self.cellWidth(steps: steps, width: body.width * 6 / 10, label: Self.labelWidth + 1) * steps
        let split = body.width - gridNeeds >= 24
        let grid = Rect(x: body.x + 1, y: body.y, width: split ? gridNeeds : body.width - 1, height: body.height)
        renderGrid(grid, into: &buffer)
        if split {
            let right = Rect(x: grid.right + 1, y: body.y, width: body.right - grid.right - 2, height: body.height)
            prediction.render(area: right, glyphs: glyphs, lang: lang, into: &buffer)
        }
    }

    /// Unit rows, one column group per step, and a time axis under them.
    func renderGrid(_ area: Rect, into buffer: inout Buffer) {
        guard !rows.isEmpty, area.height >= 2 else { return }
        let label = Self.labelWidth
        let w = Self.cellWidth(steps: steps, width: area.width, label: label)
        // Steps that fit: the last ones (the readout's end of the sequence) when not all do.
        let shownSteps = min(steps, max(1, (area.width - label) / w))
        let first = steps - shownSteps
        let shownRows = min(rows.count, area.height - 1)
        for (r, row) in rows.prefix(shownRows).enumerated() {
            let y = area.y + r
            _ = buffer.put(row.label, x: area.x, y: y, style: Style(dim: true), maxWidth: label - 1)
            for t in first..<steps {
                let cx = area.x + label + (t - first) * w
                if row.dropped[t] {
                    buffer.set(x: cx, y: y, glyphs.unitDropped, style: Style(bold: true).fg(.red))
                } else {
                    let level = row.levels[t]
                    buffer.set(x: cx, y: y, level < 0.05 ? glyphs.unitIdle : glyphs.shade(max(0.25, level)), style: Style())
                }
            }
        }
        // Axis: step numbers every 5 steps, and what is hidden.
        let y = area.y + shownRows
        _ = buffer.put("t", x: area.x, y: y, style: Style(dim: true))
        for t in first..<steps where t % 5 == 0 {
            let cx = area.x + label + (t - first) * w
            if cx + String(t).count <= area.right { _ = buffer.put(String(t), x: cx, y: y, style: Style(dim: true)) }
        }
        var hidden: [String] = []
        if shownRows < rows.count { hidden.append(lang.text(.moreUnitsN, rows.count - shownRows)) }
        if first > 0 { hidden.append(lang.text(.stepsRange, first, steps - 1)) }
        if !hidden.isEmpty {
            let note = glyphs.spell(hidden.joined(separator: " "))
            let nx = max(area.x + label, area.right - note.displayWidth)
            buffer.fill(Rect(x: nx - 1, y: y, width: area.right - nx + 1, height: 1), " ")
            _ = buffer.put(note, x: nx, y: y, style: Style(dim: true), maxWidth: area.right - nx)
        }
    }
}
