import DropoutCore
import TermUI

/// The input column's names: each input unit of a 2-D set is one input feature (x₁, x₁², sin x₁…),
/// named left of its unit, right-aligned against it; the feature `f` selected is highlighted.
extension NetworkDiagram {
    static let inputLabelStyle = Style(dim: true)
    static let selectedInputStyle = Style(bold: true, reverse: true).fg(.yellow)

    /// The names only where every one fits whole between the column's left edge and the units,
    /// with a blank cell before the unit, and the units stand one a row (a cut name would be a
    /// wrong one); the selected unit is reversed in any case, so the selection always shows.
    func drawInputLabels(_ frames: [LayerFrame], into buffer: inout Buffer) {
        guard let f = frames.first, !inputLabels.isEmpty, inputLabels.count == f.count else { return }
        let room = f.block.x - f.frame.x - 2
        let named = f.perRow == 1 && f.shown == f.count && inputLabels.allSatisfy { $0.displayWidth <= room }
        for (u, name) in inputLabels.enumerated() where u < f.shown {
            let (x, y) = f.cell(ofUnit: u)
            let selected = u == highlightedInput
            if named {
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
}

extension InputFeature {
    /// The name on screen; ASCII glyphs get the command line's name (x1^2, sin(x1)).
    func symbol(glyphs: Glyphs) -> String { glyphs.isUnicode ? symbol : rawValue }
}
