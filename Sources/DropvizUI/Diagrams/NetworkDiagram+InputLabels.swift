import DropoutCore
import TermUI

/// The input column's names: each input unit of a 2-D set is one input feature (x₁, x₁², sin x₁…),
/// named left of its unit, right-aligned against it; the feature `f` selected is highlighted.
extension NetworkDiagram {
    static let inputLabelStyle = Style(dim: true)
    static let selectedInputStyle = Style(bold: true, reverse: true).fg(.yellow)

    /// Each unit's name where the units stand one a row: the full name when it fits between
    /// the column's left edge and the unit (with a blank cell before the unit), else its short
    /// form (`s(x1)`), else its number (`f3`), else nothing; a name is never cut (a cut name
    /// would be a wrong one) and each stays on its unit's row, so none covers another. The
    /// selected unit is reversed in any case, so the selection always shows.
    func drawInputLabels(_ frames: [LayerFrame], into buffer: inout Buffer) {
        guard let f = frames.first, !inputLabels.isEmpty, inputLabels.count == f.count else { return }
        let room = f.block.x - f.frame.x - 2
        for u in 0..<min(f.shown, inputLabels.count) {
            let (x, y) = f.cell(ofUnit: u)
            let selected = u == highlightedInput
            if f.perRow == 1, let name = inputLabel(u, room: room) {
                _ = buffer.put(name, x: x - 1 - name.displayWidth, y: y, style: selected ? Self.selectedInputStyle : Self.inputLabelStyle,
                               maxWidth: name.displayWidth)
            }
            guard selected else { continue }
            for cx in x..<(x + f.unitWidth) {
                var style = buffer.style(atX: cx, y: y) ?? .plain
                style.reverse = true
                buffer.setStyle(x: cx, y: y, style)
            }
        }
    }

    /// The longest of unit `u`'s names that fits in `room` cells, nil when none does.
    func inputLabel(_ u: Int, room: Int) -> String? {
        let short = u < inputShortLabels.count ? inputShortLabels[u] : inputLabels[u]
        return [inputLabels[u], short, "f\(u + 1)"].first { $0.displayWidth <= room }
    }
}

extension InputFeature {
    /// The name on screen; ASCII glyphs get the command line's name (x1^2, sin(x1)).
    func symbol(glyphs: Glyphs) -> String { glyphs.isUnicode ? symbol : rawValue }

    /// A shorter name for a narrow input column: `sin` as `s` (`s(x1)`, `s x₁`); the others are
    /// short already.
    func shortSymbol(glyphs: Glyphs) -> String {
        switch self {
        case .sinX1: return glyphs.isUnicode ? "s x₁" : "s(x1)"
        case .sinX2: return glyphs.isUnicode ? "s x₂" : "s(x2)"
        default: return symbol(glyphs: glyphs)
        }
    }
}
