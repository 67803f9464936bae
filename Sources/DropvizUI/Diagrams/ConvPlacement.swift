import TermUI

/// Where the CNN diagram's input and feature maps go, and how large: the largest map pixels
/// with which every map fits the area, spread over as many rows of maps as that takes, so the
/// maps fill the area instead of a thin strip (issue 13: "scaled up to fill their area").
///
/// A map pixel is `scaleX` columns by `scale` heat-map pixels (half a row each with half
/// blocks, a whole row in ASCII). Square pixels are preferred; a pixel up to twice as wide as
/// tall is allowed when that fills the width better, never taller than wide.
struct ConvPlacement: Equatable {
    var scale: Int
    var scaleX: Int
    var inputScale: Int
    var inputScaleX: Int
    var input: (x: Int, y: Int)
    var maps: [(x: Int, y: Int)]

    static func == (a: ConvPlacement, b: ConvPlacement) -> Bool {
        a.scale == b.scale && a.scaleX == b.scaleX && a.inputScale == b.inputScale && a.inputScaleX == b.inputScaleX
            && a.input == b.input && a.maps.elementsEqual(b.maps, by: ==)
    }

    /// Map pixels of the largest scale tried.
    static let maxScale = 8

    /// Columns of a square pixel for `scale` heat-map pixels: the same with half blocks, twice
    /// with ASCII (a cell is about twice as tall as wide).
    static func squareX(_ scale: Int, _ glyphs: Glyphs) -> Int { glyphs.isUnicode ? scale : 2 * scale }

    /// The input alone at the largest square scale its height allows (beside the dense part).
    static func inputOnly(_ input: FeatureMapView, in area: Rect) -> (scale: Int, scaleX: Int) {
        var v = input
        var best = (scale: 1, scaleX: squareX(1, input.glyphs))
        for s in 1...maxScale {
            v.scale = s
            v.scaleX = squareX(s, input.glyphs)
            if v.cellHeight <= area.height && v.cellWidth <= area.width / 3 { best = (s, squareX(s, input.glyphs)) }
        }
        return best
    }

    /// The best placement of all maps in `area` (at scale 1 as many as fit), nil when not even
    /// the input and one map fit.
    static func best(input: FeatureMapView, maps: [FeatureMapView], in area: Rect) -> ConvPlacement? {
        guard let first = maps.first else { return nil }
        var best: ConvPlacement? = nil
        var bestScore = -1.0
        for s in 1...maxScale {
            // From as many columns as pixel rows (tall in ASCII) to twice the square width.
            let square = squareX(s, first.glyphs)
            for sx in s...(2 * square) {
                guard let p = place(input: input, map: first, count: maps.count, scale: s, scaleX: sx, in: area),
                      p.maps.count == maps.count || (s == 1 && sx == 1) else { continue }
                // Shown maps first, then pixel area (the input's counting half), then
                // squareness, then height.
                let area = Double(s * sx) * 100 + Double(p.inputScale * p.inputScaleX) * 50
                let score = Double(p.maps.count) * 1e6 + area - Double(abs(sx - square)) * 10 + Double(s)
                if score > bestScore { best = p; bestScore = score }
            }
        }
        return best
    }

    /// The maps in rows right of the input at this scale, the input as large as its pixels can
    /// be (at most the maps' pixels) with every map still fitting; nil when the input or one
    /// map does not fit.
    static func place(input: FeatureMapView, map: FeatureMapView, count: Int, scale: Int, scaleX: Int, in area: Rect) -> ConvPlacement? {
        var fallback: ConvPlacement? = nil
        for inputScale in stride(from: scale, through: 1, by: -1) {
            let inputScaleX = max(1, scaleX * inputScale / scale)
            guard let p = place(input: input, inputScale: inputScale, inputScaleX: inputScaleX, map: map, count: count,
                                scale: scale, scaleX: scaleX, in: area) else { continue }
            if p.maps.count == count { return p }
            if fallback == nil { fallback = p }
        }
        return fallback
    }

    static func place(input: FeatureMapView, inputScale: Int, inputScaleX: Int, map: FeatureMapView, count: Int,
                      scale: Int, scaleX: Int, in area: Rect) -> ConvPlacement? {
        var m = map
        m.scale = scale
        m.scaleX = scaleX
        var inputView = input
        inputView.scale = inputScale
        inputView.scaleX = inputScaleX
        guard inputView.cellHeight <= area.height, m.cellHeight <= area.height else { return nil }
        let left = inputView.cellWidth + 1
        // The last map needs no gap after it.
        let columns = max(0, (area.width - left + 1) / (m.cellWidth + 1))
        let rows = area.height / m.cellHeight
        guard columns >= 1, rows >= 1 else { return nil }
        let shown = min(count, columns * rows)
        // Rows used: spread the maps over them evenly (no half-empty last row when avoidable).
        let usedRows = (shown + columns - 1) / columns
        let perRow = (shown + usedRows - 1) / usedRows
        let places = (0..<shown).map { k in
            (x: area.x + left + (k % perRow) * (m.cellWidth + 1), y: area.y + (k / perRow) * m.cellHeight)
        }
        return ConvPlacement(scale: scale, scaleX: scaleX, inputScale: inputScale, inputScaleX: inputScaleX,
                             input: (area.x, area.y), maps: places)
    }
}

extension FeatureMapView {
    /// The map at a placement's scale.
    func withScale(_ p: ConvPlacement) -> FeatureMapView {
        var v = self
        v.scale = p.scale
        v.scaleX = p.scaleX
        return v
    }
}
