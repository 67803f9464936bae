import DropoutCore
import TermUI

/// The connections between two adjacent layers as the diagram draws them: one weight per
/// connection (from unit `i` of the left layer to unit `j` of the right one, row-major
/// `i * to + j`) and whether the connection exists in what is shown.
public struct ConnectionSet: Equatable, Sendable {
    public let from: Int, to: Int
    public let weights: [Float]
    public let visible: [Bool]

    public init(from: Int, to: Int, weights: [Float], visible: [Bool]) {
        precondition(weights.count == from * to && visible.count == from * to, "one weight and one flag per connection")
        self.from = from
        self.to = to
        self.weights = weights
        self.visible = visible
    }

    public func weight(_ i: Int, _ j: Int) -> Float { weights[i * to + j] }
    public func isVisible(_ i: Int, _ j: Int) -> Bool { visible[i * to + j] }

    /// |w| quantised to 0 (below a third of the largest |w| of the pair), 1 (below two thirds)
    /// or 2, so the three levels stay readable whatever the weights' scale.
    public func level(_ i: Int, _ j: Int) -> Int {
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        return Self.level(abs(weight(i, j)), largest: largest)
    }

    static func level(_ magnitude: Float, largest: Float) -> Int {
        guard largest > 0, magnitude.isFinite else { return 0 }
        return min(2, Int(magnitude / largest * 3))
    }
}

/// Drawing of the connections: one braille line per connection where both layers are small,
/// a plain label elsewhere.
///
/// Single lines are drawn when both layers have at most `maxSingleLineUnits` units, each
/// shown one a row (so a line's end names its unit), and the gap between the blocks is at
/// least `minGapWidth` columns. More lines than that are a grey blur that reads as nothing,
/// so wider pairs get a label such as `128×128 w` and nothing that looks like a connection.
enum ConnectionView {
    static let maxSingleLineUnits = 16
    static let minGapWidth = 3

    /// Positive weights cyan, negative yellow (both clear on a projector and among the 8 basic
    /// colours, unlike dark blue on black); |w| from dim through plain to bold.
    static func style(positive: Bool, level: Int) -> Style {
        let color: Color = positive ? .cyan : .yellow
        switch level {
        case 0: return Style(dim: true).fg(color)
        case 1: return Style().fg(color)
        default: return Style(bold: true).fg(color)
        }
    }

    /// Whether a layer pair gets one line per connection (see the type's comment).
    static func drawsSingleLines(_ a: NetworkDiagram.LayerFrame, _ b: NetworkDiagram.LayerFrame) -> Bool {
        let small = { (f: NetworkDiagram.LayerFrame) in f.count <= maxSingleLineUnits && f.shown == f.count && f.perRow == 1 }
        return small(a) && small(b) && gap(a, b).width >= minGapWidth
    }

    /// The columns between the two blocks, over the rows either block spans.
    static func gap(_ a: NetworkDiagram.LayerFrame, _ b: NetworkDiagram.LayerFrame) -> Rect {
        let x = a.block.right + 1
        let top = min(a.block.y, b.block.y), bottom = max(a.block.bottom, b.block.bottom)
        return Rect(x: x, y: top, width: max(0, b.block.x - 1 - x), height: max(0, bottom - top))
    }

    /// One line per visible connection, from the middle of the left unit's row to the middle
    /// of the right unit's; weaker lines first so a shared cell shows the strongest weight.
    static func drawLines(_ set: ConnectionSet, from a: NetworkDiagram.LayerFrame, to b: NetworkDiagram.LayerFrame,
                          glyphs: Glyphs, into buffer: inout Buffer) {
        let area = gap(a, b)
        guard !area.isEmpty, set.from == a.count, set.to == b.count else { return }
        var canvas = BrailleCanvas(width: area.width, height: area.height)
        var edges: [(i: Int, j: Int, level: Int)] = []
        for i in 0..<set.from { for j in 0..<set.to where set.isVisible(i, j) { edges.append((i, j, set.level(i, j))) } }
        // Stable order: by level, then by position, so a render is reproducible.
        edges.sort { ($0.level, $0.i, $0.j) < ($1.level, $1.i, $1.j) }
        for e in edges {
            // The colour is a key (sign and level), turned into the real style below.
            let key = UInt8((set.weight(e.i, e.j) >= 0 ? 0 : 3) + e.level)
            let y0 = (a.cell(ofUnit: e.i).y - area.y) * 4 + 1, y1 = (b.cell(ofUnit: e.j).y - area.y) * 4 + 1
            canvas.line(from: (0, y0), to: (area.width * 2 - 1, y1), color: .indexed(key))
        }
        canvas.render(into: &buffer, area: area, glyphs: glyphs)
        for y in area.y..<area.bottom {
            for x in area.x..<area.right {
                guard case .indexed(let key)? = buffer.style(atX: x, y: y)?.fg, key < 6 else { continue }
                buffer.setStyle(x: x, y: y, style(positive: key < 3, level: Int(key % 3)))
            }
        }
    }

    /// The label in place of connections too many to draw: `128×128 w` on one row when it
    /// fits, else its parts stacked; nothing when even that does not fit.
    static func drawBundleLabel(from a: NetworkDiagram.LayerFrame, to b: NetworkDiagram.LayerFrame, glyphs: Glyphs, into buffer: inout Buffer) {
        let x0 = a.block.right + 1, width = b.block.x - 1 - x0
        let top = min(a.block.y, b.block.y), bottom = max(a.block.bottom, b.block.bottom)
        guard width >= 1, bottom > top else { return }
        let times = glyphs.isUnicode ? "×" : "x"
        let whole = "\(a.count)\(times)\(b.count) w"
        let parts = whole.displayWidth <= width ? [whole] : ["\(a.count)", "\(times)\(b.count)", "w"]
        guard parts.allSatisfy({ $0.displayWidth <= width }), bottom - top >= parts.count else { return }
        let y = top + (bottom - top - parts.count) / 2
        for (k, part) in parts.enumerated() {
            _ = buffer.put(part, x: x0 + (width - part.displayWidth) / 2, y: y + k, style: Style(dim: true), maxWidth: width)
        }
    }

    /// Two rows saying what the lines mean, under the first layer's units (left of where its
    /// lines start) when they fit.
    static func drawLegend(_ frames: [NetworkDiagram.LayerFrame], area: Rect, glyphs: Glyphs, into buffer: inout Buffer) {
        guard let first = frames.first else { return }
        let bar = glyphs.isUnicode ? "━" : "-"
        let minus = glyphs.isUnicode ? "−" : "-"
        let rows: [[(String, Style)]] = [
            [("w+", style(positive: true, level: 2)), (" ", .plain), ("w\(minus)", style(positive: false, level: 2))],
            [("|w|", Style(dim: true))] + (0..<3).map { (bar, style(positive: true, level: $0)) },
        ]
        let x = first.frame.x + 1
        let width = first.block.right - x
        let top = first.block.bottom + 1, bottom = area.bottom - 1
        guard bottom - top >= rows.count, rows.allSatisfy({ $0.reduce(0) { $0 + $1.0.displayWidth } <= width }) else { return }
        for (k, row) in rows.enumerated() {
            var cx = x
            for (text, style) in row { cx = buffer.put(text, x: cx, y: bottom - rows.count + k, style: style) }
        }
    }
}
