import DropoutCore
import TermUI

/// The diagram on a large screen: units that fit one a row grow to 3 cells, spread over the
/// column's height, and (2-D data) every layer of at most `UnitThumbnails.maxUnits` units gets
/// a picture per unit beside it: what the unit computes over the input plane.
extension NetworkDiagram {
    /// Whether `area` has room for grown units: at least 16 rows and 16 columns a layer (a
    /// 160×45 screen gives 22 rows; 80×24 keeps the compact diagram).
    static func isRoomy(_ area: Rect, layers: Int) -> Bool {
        layers > 0 && area.height >= 16 && area.width / layers >= 16
    }

    /// Cells a grown unit takes.
    static let grownUnitWidth = 3

    /// `layout(widths:in:)`, with grown units (and room for thumbnails when `thumbnails`) when
    /// the area is roomy; the columns (`frame`) are the same either way.
    public static func layout(widths: [Int], in area: Rect, thumbnails: Bool) -> [LayerFrame] {
        let frames = layout(widths: widths, in: area)
        guard isRoomy(area, layers: widths.count) else { return frames }
        let unitRows = area.height - labelRowsAbove - labelRowsBelow
        return frames.map { f in
            guard f.perRow == 1, f.shown == f.count, f.count > 0, f.count <= unitRows else { return f }
            let maxBlockWidth = f.frame.width - 4
            // Rows a unit: spread to fill the column, at most 4.
            let rowStep = max(1, min(4, unitRows / f.count))
            var thumbRows = 0, thumbWidth = 0
            if thumbnails, f.count <= UnitThumbnails.maxUnits, rowStep >= 2 {
                // A free row between pictures when there is one; about twice as wide as tall
                // in pixels (half blocks: 2 pixels a row).
                thumbRows = rowStep >= 3 ? rowStep - 1 : rowStep
                thumbWidth = min(4 * thumbRows, maxBlockWidth - grownUnitWidth - 1)
                if thumbWidth < 2 { thumbRows = 0; thumbWidth = 0 }
            }
            let blockWidth = grownUnitWidth + (thumbWidth > 0 ? 1 + thumbWidth : 0)
            guard blockWidth <= maxBlockWidth else { return f }
            let rows = (f.count - 1) * rowStep + max(1, thumbRows)
            let x = f.frame.x + max(0, (maxBlockWidth - blockWidth) / 2) + 1
            let y = f.frame.y + labelRowsAbove + max(0, (unitRows - rows) / 2)
            var g = LayerFrame(frame: f.frame, block: Rect(x: x, y: y, width: blockWidth, height: rows),
                               perRow: 1, spacing: 1, shown: f.count, count: f.count)
            g.unitWidth = grownUnitWidth
            g.rowStep = rowStep
            g.thumbWidth = thumbWidth
            g.thumbRows = thumbRows
            return g
        }
    }

    /// A grown unit: the glyph drawn at its cell copied over the unit's width, so the shade (or
    /// the ✕ of a dropped unit) is three cells wide.
    static func widenUnit(_ f: LayerFrame, _ u: Int, into buffer: inout Buffer) {
        guard f.unitWidth > 1 else { return }
        let (x, y) = f.cell(ofUnit: u)
        guard let cell = buffer.cell(atX: x, y: y) else { return }
        for dx in 1..<f.unitWidth { buffer.set(x: x + dx, y: y, cell.symbol, style: cell.style) }
    }

    /// The pictures of the units of every layer that has room for them, with a dropped unit's
    /// picture crossed by a red ✕ in its middle.
    func drawThumbnails(_ frames: [LayerFrame], into buffer: inout Buffer) {
        guard let thumbnails else { return }
        for (i, f) in frames.enumerated() where f.thumbWidth > 0 && f.thumbRows > 0 {
            let maps = thumbnails.maps(layer: i, width: f.thumbWidth, pixelRows: f.thumbPixelRows(glyphs))
            for (u, map) in maps.enumerated() where u < f.shown {
                let r = f.thumbRect(u)
                map.render(area: r, into: &buffer)
                if units[i][u] == .dropped {
                    let x = r.x + r.width / 2, y = r.y + r.height / 2
                    var style = Self.droppedStyle
                    style.bg = buffer.style(atX: x, y: y)?.bg ?? .default
                    buffer.set(x: x, y: y, glyphs.unitDropped, style: style)
                }
            }
        }
    }
}

extension NetworkDiagram.LayerFrame {
    /// The cells of unit `u`: its glyph and, beside it, its picture.
    public func unitRect(_ u: Int) -> Rect {
        let (x, y) = cell(ofUnit: u)
        let top = y - glyphOffset
        return Rect(x: x, y: top, width: unitWidth + (thumbWidth > 0 ? 1 + thumbWidth : 0), height: max(1, thumbRows))
    }

    /// Where unit `u`'s picture goes (right of its glyph).
    public func thumbRect(_ u: Int) -> Rect {
        let (x, y) = cell(ofUnit: u)
        return Rect(x: x + unitWidth + 1, y: y - glyphOffset, width: thumbWidth, height: thumbRows)
    }

    /// Pixel rows of a picture: all its rows, less the last pixel row when pictures touch
    /// (no free row between them), so that a blank half row keeps them apart.
    func thumbPixelRows(_ glyphs: Glyphs) -> Int {
        thumbRows * HeatMap.pixelsPerCell(glyphs) - (thumbRows >= rowStep ? 1 : 0)
    }

    /// The glyph sits on the middle row of its picture, where its lines meet it.
    var glyphOffset: Int { thumbRows > 0 ? (thumbRows - 1) / 2 : 0 }
}
