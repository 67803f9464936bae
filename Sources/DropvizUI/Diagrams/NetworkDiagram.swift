import DropoutCore
import TermUI

/// The network as columns of unit glyphs: each layer a block of units (128 units as 16 × 8 at
/// 80 columns), dropped units marked ✕ in red, kept units shaded by their activation,
/// one line per connection between small layers (a label between large ones), each layer labelled with its rate and this
/// step's dropped count.
public struct NetworkDiagram {
    /// Where one layer's units go.
    public struct LayerFrame: Equatable {
        /// The whole column of the layer, labels included (for clicks).
        public let frame: Rect
        /// The block of unit glyphs.
        public let block: Rect
        /// Units a row, and the column step between two units (1 or 2).
        public let perRow: Int
        public let spacing: Int
        /// Units drawn; the rest are summarised as "+N more".
        public let shown: Int
        public let count: Int
        /// Grown units on a large screen (RoomyDiagram.swift): cells a unit, rows between two
        /// units, and the size of each unit's picture (0: none).
        public var unitWidth = 1
        public var rowStep = 1
        public var thumbWidth = 0
        public var thumbRows = 0

        /// The cell of unit `i` (i < shown).
        public func cell(ofUnit i: Int) -> (x: Int, y: Int) {
            (block.x + (i % perRow) * spacing, block.y + (i / perRow) * rowStep + glyphOffset)
        }
    }

    /// Rows above the units (name, rate) and below (dropped count).
    static let labelRowsAbove = 2, labelRowsBelow = 1

    /// Frames of all layers, input to output, in `area`.
    public static func layout(widths: [Int], in area: Rect) -> [LayerFrame] {
        let n = widths.count
        guard n > 0, area.width >= n, area.height > labelRowsAbove + labelRowsBelow else { return [] }
        let columnWidth = area.width / n
        let unitRows = area.height - labelRowsAbove - labelRowsBelow
        return widths.enumerated().map { i, count in
            let column = Rect(x: area.x + i * columnWidth, y: area.y, width: columnWidth, height: area.height)
            // Leave a gap of at least 3 columns for the connections.
            let maxBlockWidth = max(1, columnWidth - 4)
            var perRow = max(1, (count + unitRows - 1) / unitRows)
            var shown = count
            if perRow > maxBlockWidth {
                perRow = maxBlockWidth
                shown = min(count, perRow * unitRows - 1)
            }
            let spacing = perRow * 2 - 1 <= maxBlockWidth && perRow > 1 ? 2 : 1
            let rows = (shown + perRow - 1) / perRow
            let blockWidth = (perRow - 1) * spacing + 1
            let x = column.x + max(0, (maxBlockWidth - blockWidth) / 2) + 1
            let y = column.y + labelRowsAbove + max(0, (unitRows - rows) / 2)
            return LayerFrame(frame: column, block: Rect(x: x, y: y, width: blockWidth, height: rows),
                              perRow: perRow, spacing: spacing, shown: shown, count: count)
        }
    }

    /// What to draw for each unit of each layer.
    public enum UnitState: Equatable {
        case dropped
        /// Kept, with its activation scaled to 0…1 within the layer.
        case kept(level: Double)
        /// Gaussian dropout: the gate `g ~ N(1, σ²)` this unit was multiplied by.
        case gate(Double, sigma: Double)
        /// DropConnect: the unit is never dropped; this share of its inputs was.
        case inputsDropped(fraction: Double)
        /// Standout, kept: the unit's keep probability π.
        case keepProbability(Double)
    }

    public let units: [[UnitState]]
    public let labels: [(name: String, rate: String, count: String)]
    public let selected: Int
    /// The layers the rate keys change (all hidden layers while the rates are linked).
    public let rateTargets: Set<Int>
    public let glyphs: Glyphs
    public let caption: String
    /// What the marks mean for the current variant, one short entry a row; drawn under the
    /// output units when they leave room.
    public let legend: [String]
    /// The unit the maths panel describes, marked in the selected layer.
    public let selectedUnit: Int?
    /// The connections of each pair of adjacent layers (one fewer than the layers); empty
    /// draws labels only.
    public let connections: [ConnectionSet]
    /// What each unit computes over the input plane (2-D data), drawn beside the units where the
    /// screen has room (RoomyDiagram.swift); nil draws none.
    var thumbnails: UnitThumbnails? = nil
    /// The language of the "+N more" note (the labels come already in it).
    public var language: Language = .en
    /// The names of the input units (a 2-D set's input features) and the one `f` selected,
    /// drawn left of the input units where there is room (NetworkDiagram+InputLabels.swift).
    var inputLabels: [String] = []
    /// Shorter names for a narrow column (`s(x1)` for `sin(x1)`), one per input label.
    var inputShortLabels: [String] = []
    var highlightedInput: Int? = nil

    public init(units: [[UnitState]], labels: [(name: String, rate: String, count: String)], selected: Int, rateTargets: Set<Int>? = nil,
                glyphs: Glyphs, caption: String, legend: [String] = [], selectedUnit: Int? = nil, connections: [ConnectionSet] = []) {
        self.units = units
        self.labels = labels
        self.selected = selected
        self.rateTargets = rateTargets ?? [selected]
        self.glyphs = glyphs
        self.caption = caption
        self.legend = legend
        self.selectedUnit = selectedUnit
        self.connections = connections
    }

    public static let droppedStyle = Style(bold: true).fg(.red)
    public static let keptStyle = Style().fg(.cyan)
    public static let idleStyle = Style(dim: true)
    public static let selectedStyle = Style(bold: true, reverse: true)

    public func render(area: Rect, into buffer: inout Buffer) {
        let frames = Self.layout(widths: units.map(\.count), in: area, thumbnails: thumbnails != nil)
        guard frames.count == units.count else { return }
        drawConnections(frames, into: &buffer)
        for (i, f) in frames.enumerated() {
            let label = labels[i]
            let targeted = rateTargets.contains(i)
            let style = targeted ? Self.selectedStyle : Style(bold: true)
            let width = f.frame.width - 1
            _ = buffer.put(label.name, x: f.frame.x + 1, y: f.frame.y, style: style, maxWidth: width)
            _ = buffer.put(label.rate, x: f.frame.x + 1, y: f.frame.y + 1, style: targeted ? Style(bold: true).fg(.yellow) : .plain, maxWidth: width)
            for u in 0..<f.shown {
                let (x, y) = f.cell(ofUnit: u)
                switch units[i][u] {
                case .dropped:
                    buffer.set(x: x, y: y, glyphs.unitDropped, style: Self.droppedStyle)
                case .kept(let level):
                    if level <= 0.02 {
                        buffer.set(x: x, y: y, glyphs.unitIdle, style: Self.idleStyle)
                    } else {
                        buffer.set(x: x, y: y, visibleShade(level), style: Self.keptStyle)
                    }
                case .gate(let g, let sigma):
                    // Shade by how far the gate moved the unit (2σ is full), colour by direction.
                    let level = sigma > 0 ? abs(g - 1) / (2 * sigma) : 0
                    buffer.set(x: x, y: y, visibleShade(level), style: g < 1 ? Self.gateLowStyle : Self.gateHighStyle)
                case .inputsDropped(let fraction):
                    buffer.set(x: x, y: y, visibleShade(fraction), style: Self.connectionStyle)
                case .keepProbability(let pi):
                    buffer.set(x: x, y: y, visibleShade(pi), style: Self.keepStyle)
                }
                Self.widenUnit(f, u, into: &buffer)
            }
            if i == selected, let unit = selectedUnit, f.count > 0 {
                let u = ((unit % f.count) + f.count) % f.count
                if u < f.shown {
                    let (x, y) = f.cell(ofUnit: u)
                    for cx in x..<(x + f.unitWidth) {
                        var style = buffer.style(atX: cx, y: y) ?? .plain
                        style.reverse = true
                        buffer.setStyle(x: cx, y: y, style)
                    }
                }
            }
            var bottom = label.count
            // "+657 more " too when it fits whole: the count of dropped units matters more, and
            // a cut label ("dropped 0" of "dropped 0/784") would say something false.
            let withMore = language.text(.moreUnits, f.count - f.shown) + bottom
            if f.shown < f.count, withMore.displayWidth <= width { bottom = withMore }
            // Every layer's count on the diagram's last row, below all blocks and connections.
            let belowY = area.bottom - 1
            _ = buffer.put(bottom, x: f.frame.x + 1, y: belowY, style: Style(dim: i != selected), maxWidth: width)
        }
        drawThumbnails(frames, into: &buffer)
        drawInputLabels(frames, into: &buffer)
        drawLegend(frames, area: area, into: &buffer)
        if zip(frames, frames.dropFirst()).enumerated().contains(where: { $0.offset < connections.count && ConnectionView.drawsSingleLines($0.element.0, $0.element.1) }) {
            ConnectionView.drawLegend(frames, area: area, glyphs: glyphs, into: &buffer)
        }
        if !caption.isEmpty, let last = frames.last {
            // Under the output layer, whose own count row is free.
            _ = buffer.put(caption, x: last.frame.x + 1, y: area.bottom - 1, style: Style(dim: true), maxWidth: last.frame.width - 1)
        }
    }

    // Bold: plain blue on black is lost on a projector.
    public static let gateLowStyle = Style(bold: true).fg(.brightBlue)
    public static let gateHighStyle = Style().fg(.red)
    public static let connectionStyle = Style().fg(.magenta)
    public static let keepStyle = Style().fg(.green)

    /// The shade of a level in 0…1, never the blank one: a unit must stay visible.
    func visibleShade(_ level: Double) -> Character {
        let clamped = level.isNaN ? 0 : min(1, max(0, level))
        let index = 1 + Int((clamped * Double(glyphs.shades.count - 2)).rounded())
        return glyphs.shades[min(index, glyphs.shades.count - 1)]
    }

    /// The legend under the output units, from the output block's left edge to the column's
    /// right edge (the connections end left of it), when every entry fits.
    private func drawLegend(_ frames: [LayerFrame], area: Rect, into buffer: inout Buffer) {
        guard !legend.isEmpty, let out = frames.last else { return }
        let x = out.block.x
        let width = out.frame.right - x
        // The rows between the output block and the diagram's last row (the count row).
        let top = out.block.bottom + 1, bottom = area.bottom - 1
        guard bottom - top >= legend.count, legend.allSatisfy({ $0.displayWidth <= width }) else { return }
        for (k, entry) in legend.enumerated() {
            _ = buffer.put(entry, x: x, y: bottom - legend.count + k, style: Style(dim: true), maxWidth: width)
        }
    }

    /// Between each pair of layers: one line per connection when both are small (see
    /// `ConnectionView`), else a label such as `128×128 w` and nothing that looks like lines.
    private func drawConnections(_ frames: [LayerFrame], into buffer: inout Buffer) {
        for (k, (a, b)) in zip(frames, frames.dropFirst()).enumerated() {
            if k < connections.count, ConnectionView.drawsSingleLines(a, b) {
                ConnectionView.drawLines(connections[k], from: a, to: b, glyphs: glyphs, into: &buffer)
            } else {
                ConnectionView.drawBundleLabel(from: a, to: b, glyphs: glyphs, into: &buffer)
            }
        }
    }
}
