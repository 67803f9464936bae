import Foundation
import TermUI

/// The network diagram as SVG, from the same `NetworkDiagram` the screen draws: each layer a
/// block of circles, a dropped unit crossed out in red (with its connections gone, when the
/// network is small enough to draw them all, as in Srivastava et al.'s Figure 1), a kept unit
/// filled by its activation. Each unit is a `<g class="unit …" data-layer data-unit>`.
public enum DiagramFigure {
    static let width = 820.0, height = 500.0
    static let maxRows = 16, maxPerRow = 8
    /// Above this many connections between two layers the fan is suggested, not drawn.
    static let maxDrawnConnections = 1024

    struct Block {
        let centres: [(x: Double, y: Double)]
        let radius: Double
        let count: Int
        let columnX: Double
        let top: Double, bottom: Double
        let left: Double, right: Double
        let singleColumn: Bool
    }

    public static func svg(_ diagram: NetworkDiagram, title: String, theme: FigureTheme, language: Language = .en) -> String {
        let lh = FigureFont.rowHeight
        var svg = SVG(width: width, height: height)
        svg.text(title, x: 12, y: 12 + lh * 0.75, fill: theme.foreground, bold: true)
        let top = 12 + lh * 4, bottom = height - 12 - lh * 4
        let columnWidth = (width - 24) / Double(max(diagram.units.count, 1))
        let blocks = diagram.units.enumerated().map { i, units in
            layout(count: units.count, columnX: 12 + (Double(i) + 0.5) * columnWidth, columnWidth: columnWidth, top: top, bottom: bottom)
        }
        drawConnections(diagram, blocks, theme: theme, into: &svg)
        for (i, block) in blocks.enumerated() {
            let label = diagram.labels[i]
            let x = block.columnX
            svg.text(label.name, x: x, y: top - lh * 1.6, fill: theme.foreground, anchor: .middle, bold: true)
            svg.text(label.rate, x: x, y: top - lh * 0.6, fill: theme.hex(.yellow), anchor: .middle)
            var below = label.count
            if block.centres.count < block.count { below = "+\(block.count - block.centres.count) more  " + below }
            svg.text(below, x: x, y: bottom + lh * 1.4, fill: theme.dim, anchor: .middle)
            for (u, c) in block.centres.enumerated() {
                drawUnit(diagram.units[i][u], layer: i, unit: u, at: c, r: block.radius, theme: theme, into: &svg)
            }
        }
        drawLegend(diagram, y: height - 12 - lh * 1.2, theme: theme, language: language, into: &svg)
        if !diagram.caption.isEmpty {
            svg.text(diagram.caption, x: width - 12, y: 12 + lh * 0.75, fill: theme.dim, anchor: .end)
        }
        return svg.document(theme: theme, title: title)
    }

    /// A layer's units in a grid of at most `maxRows` rows and `maxPerRow` columns, centred in
    /// its column; the rest are counted ("+N more"), as on the screen.
    static func layout(count: Int, columnX: Double, columnWidth: Double, top: Double, bottom: Double) -> Block {
        let rows = max(1, min(count, maxRows))
        let perRow = min(maxPerRow, max(1, (count + rows - 1) / rows))
        let shown = min(count, rows * perRow)
        let pitch = min((bottom - top) / Double(rows), columnWidth * 0.7 / Double(perRow), 34)
        let usedRows = (shown + perRow - 1) / perRow
        let blockWidth = Double(perRow - 1) * pitch, blockHeight = Double(max(usedRows - 1, 0)) * pitch
        let x0 = columnX - blockWidth / 2, y0 = (top + bottom) / 2 - blockHeight / 2
        let centres = (0..<shown).map { u in (x: x0 + Double(u % perRow) * pitch, y: y0 + Double(u / perRow) * pitch) }
        let r = pitch * 0.36
        return Block(centres: centres, radius: r, count: count, columnX: columnX, top: y0 - r, bottom: y0 + blockHeight + r,
                     left: x0 - r, right: x0 + blockWidth + r, singleColumn: perRow == 1)
    }

    static func drawUnit(_ state: NetworkDiagram.UnitState, layer: Int, unit: Int, at c: (x: Double, y: Double), r: Double,
                         theme: FigureTheme, into svg: inout SVG) {
        let kind: String
        var fill = "none", stroke = theme.dim, opacity = 1.0
        switch state {
        case .dropped:
            kind = "dropped"
            stroke = theme.hex(.red)
        case .kept(let level) where level <= 0.02:
            kind = "idle"
        case .kept(let level):
            kind = "kept"
            (fill, stroke, opacity) = (theme.hex(.cyan), theme.hex(.cyan), shade(level))
        case .gate(let g, let sigma):
            kind = "gate"
            let color = theme.hex(g < 1 ? .brightBlue : .red)
            (fill, stroke, opacity) = (color, color, shade(sigma > 0 ? abs(g - 1) / (2 * sigma) : 0))
        case .inputsDropped(let fraction):
            kind = "inputs-dropped"
            (fill, stroke, opacity) = (theme.hex(.magenta), theme.hex(.magenta), shade(fraction))
        case .keepProbability(let pi):
            kind = "keep-probability"
            (fill, stroke, opacity) = (theme.hex(.green), theme.hex(.green), shade(pi))
        }
        svg.open("g", ["class": "unit \(kind)", "data-layer": String(layer), "data-unit": String(unit)])
        svg.circle(cx: c.x, cy: c.y, r: r, fill: fill, stroke: stroke, extra: " fill-opacity=\"\(SVG.number(opacity))\" stroke-width=\"1.2\"")
        if case .dropped = state {
            let d = r * 0.75
            svg.line(c.x - d, c.y - d, c.x + d, c.y + d, stroke: stroke, width: 2)
            svg.line(c.x - d, c.y + d, c.x + d, c.y - d, stroke: stroke, width: 2)
        }
        svg.close("g")
    }

    /// A level in 0…1 as a fill opacity that never vanishes (a kept unit must stay visible).
    static func shade(_ level: Double) -> Double {
        0.15 + 0.85 * (level.isNaN ? 0 : min(1, max(0, level)))
    }

    /// Every connection between two single-column layers when there are few enough (none to or
    /// from a dropped unit: this step's thinned network); otherwise a faint fan between the
    /// blocks, which encodes nothing, as on the screen.
    static func drawConnections(_ diagram: NetworkDiagram, _ blocks: [Block], theme: FigureTheme, into svg: inout SVG) {
        svg.open("g", ["class": "connections", "stroke-opacity": "0.45"])
        for i in blocks.indices.dropLast() {
            let a = blocks[i], b = blocks[i + 1]
            if a.singleColumn, b.singleColumn, a.centres.count * b.centres.count <= maxDrawnConnections {
                for (u, from) in a.centres.enumerated() where diagram.units[i][u] != .dropped {
                    for (v, to) in b.centres.enumerated() where diagram.units[i + 1][v] != .dropped {
                        svg.line(from.x + a.radius, from.y, to.x - b.radius, to.y, stroke: theme.dim, width: 0.6)
                    }
                }
            } else {
                let samples = 5
                for s in 0..<samples {
                    for t in 0..<samples {
                        let y1 = a.top + (a.bottom - a.top) * Double(s) / Double(samples - 1)
                        let y2 = b.top + (b.bottom - b.top) * Double(t) / Double(samples - 1)
                        svg.line(a.right + 4, y1, b.left - 4, y2, stroke: theme.dim, width: 0.6)
                    }
                }
            }
        }
        svg.close("g")
    }

    /// What the marks mean, for the kinds of unit this diagram shows.
    static func drawLegend(_ diagram: NetworkDiagram, y: Double, theme: FigureTheme, language l: Language, into svg: inout SVG) {
        let states = diagram.units.flatMap { $0 }
        var entries: [(NetworkDiagram.UnitState, String)] = []
        if states.contains(.dropped) { entries.append((.dropped, l.text(.droppedThisStep))) }
        if states.contains(where: { if case .kept = $0 { return true } else { return false } }) {
            entries.append((.kept(level: 0.8), l.text(.keptFill)))
        }
        if states.contains(where: { if case .gate = $0 { return true } else { return false } }) {
            entries.append((.gate(0.2, sigma: 0.5), l.text(.gateBelow)))
            entries.append((.gate(1.8, sigma: 0.5), l.text(.gateFill)))
        }
        if states.contains(where: { if case .inputsDropped = $0 { return true } else { return false } }) {
            entries.append((.inputsDropped(fraction: 0.8), l.text(.inputsDroppedFill)))
        }
        if states.contains(where: { if case .keepProbability = $0 { return true } else { return false } }) {
            entries.append((.keepProbability(0.8), l.text(.keepProbabilityFill)))
        }
        var x = 20.0
        svg.open("g", ["class": "legend"])
        for (state, text) in entries {
            drawUnit(state, layer: -1, unit: -1, at: (x, y - 4), r: 6, theme: theme, into: &svg)
            svg.text(text, x: x + 12, y: y, fill: theme.foreground)
            x += 12 + FigureFont.width(text) + 24
        }
        svg.close("g")
    }
}
