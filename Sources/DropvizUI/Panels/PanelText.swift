import Foundation
import TermUI

/// Lines of styled text for the maths and MC panels, and what keeps them legible on a small
/// box and on an ASCII terminal.
struct PanelLine {
    var segments: [(text: String, style: Style)]

    init(_ text: String, _ style: Style = .plain) { segments = [(text, style)] }
    init(_ segments: [(String, Style)]) { self.segments = segments.map { (text: $0.0, style: $0.1) } }

    var width: Int { segments.reduce(0) { $0 + $1.text.displayWidth } }

    /// Draws the line at (x, y), clipped to `maxWidth`, ASCII-only when `glyphs` says so.
    func draw(x: Int, y: Int, maxWidth: Int, glyphs: Glyphs, into buffer: inout Buffer) {
        var column = x
        for seg in segments {
            let text = glyphs.spell(seg.text)
            let room = x + maxWidth - column
            guard room > 0 else { break }
            column = buffer.put(text, x: column, y: y, style: seg.style, maxWidth: room)
        }
    }
}

/// A group of lines kept or dropped together: when the box is too small the lowest
/// priorities go first, and what is left keeps its order.
struct PanelBlock {
    var priority: Int
    var lines: [PanelLine]
}

enum PanelText {
    /// A number in at most about 6 characters: 3 significant figures without exponents in the
    /// usual range (what the panels show is activations, gates and probabilities).
    static func num(_ v: Double, digits: Int = 2) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 10_000 || a < 0.001 { return String(format: "%.1e", v) }
        if a >= 100 { return String(format: "%.0f", v) }
        if a >= 10 { return String(format: "%.1f", v) }
        return String(format: "%.\(digits)f", v)
    }

    static func num(_ v: Float, digits: Int = 2) -> String { num(Double(v), digits: digits) }

    static func percent(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }

    /// Keeps the blocks that fit in `height` rows: drops the lowest priority first (the later
    /// one of equal priorities), then returns the survivors in their order.
    static func fit(_ blocks: [PanelBlock], height: Int) -> [PanelBlock] {
        var kept = blocks
        while kept.reduce(0, { $0 + $1.lines.count }) > height, !kept.isEmpty {
            var worst = 0
            for (i, b) in kept.enumerated() where b.priority <= kept[worst].priority { worst = i }
            kept.remove(at: worst)
        }
        return kept
    }

    /// Draws the blocks top to bottom from `area`'s first row; returns the next free row.
    @discardableResult
    static func draw(_ blocks: [PanelBlock], area: Rect, glyphs: Glyphs, into buffer: inout Buffer) -> Int {
        var y = area.y
        for b in blocks {
            for line in b.lines where y < area.bottom {
                line.draw(x: area.x, y: y, maxWidth: area.width, glyphs: glyphs, into: &buffer)
                y += 1
            }
        }
        return y
    }
}
