import DropoutCore
import TermUI

/// One feature map as a small heat map under a one-line title, with what dropout did to it in
/// the last step: dropped pixels in red (ASCII: `x`), a dropped channel dimmed, crossed by a red
/// ╲╱ over the whole map and titled `✕map 3 dropped` (ASCII: `\/`, `x`).
///
/// Each map pixel is `scaleX` columns wide and `scale` heat-map pixels tall; with half blocks two
/// heat-map pixels share a cell, so a map pixel is square on screen when `scaleX == scale`.
struct FeatureMapView {
    var title: String
    /// A shorter title for a narrow map ("#3" for "map 3"); nil: the title alone.
    var shortTitle: String? = nil
    /// Row-major `height × width` levels in 0…1 (activations before dropout).
    var levels: [Double]
    var height: Int
    var width: Int
    /// Per pixel: dropped in the last step. Nil shows no marks (eval view, no step yet).
    var dropped: [Bool]?
    /// The whole channel was dropped (spatial dropout, or every pixel of the map).
    var channelDropped: Bool
    var scale: Int
    var glyphs: Glyphs
    /// Columns a map pixel (`scale` when nil).
    var scaleX: Int? = nil
    /// The largest activation of the map, which its levels are relative to (shown in its
    /// title); nil: the levels have another scale and the title shows none.
    var top: Float? = nil
    /// The language of the title's words ("max", "dropped").
    var lang: Language = .en

    static let droppedColor = Color.indexed(196)
    /// Dropped pixels in reds as bright as their activation, so the map reads through them.
    static let droppedRamp: [Color] = [52, 88, 124, 160, 196].map { .indexed($0) }
    /// A dropped channel is drawn this much darker.
    static let dimming = 0.3

    /// Columns the map takes (without the gap after it).
    var cellWidth: Int { width * (scaleX ?? scale) }
    /// Rows the map takes with its title.
    var cellHeight: Int { 1 + Self.imageRows(height: height, scale: scale, glyphs: glyphs) }

    static func imageRows(height: Int, scale: Int, glyphs: Glyphs) -> Int {
        let pixels = height * scale
        return glyphs.isUnicode ? (pixels + 1) / 2 : pixels
    }

    /// The colour of map pixel `(i, j)`.
    func color(_ i: Int, _ j: Int) -> Color {
        let v = levels[i * width + j]
        if channelDropped { return ColorRamp.grey.color(v * Self.dimming) }
        if dropped?[i * width + j] == true {
            return Self.droppedRamp[min(Self.droppedRamp.count - 1, Int(v * Double(Self.droppedRamp.count)))]
        }
        return ColorRamp.grey.color(v)
    }

    func heatMap() -> HeatMap {
        let sx = scaleX ?? scale
        let w = width * sx, h = height * scale
        var values = [Double](repeating: 0, count: w * h)
        var colors = [Color](repeating: .default, count: w * h)
        var points: [HeatMap.Point] = []
        for py in 0..<h {
            for px in 0..<w {
                let i = py / scale, j = px / sx
                let level = levels[i * width + j]
                values[py * w + px] = channelDropped ? level * Self.dimming : level
                colors[py * w + px] = color(i, j)
                if !glyphs.isUnicode, !channelDropped, dropped?[i * width + j] == true {
                    points.append(HeatMap.Point(x: px, y: py, symbol: "x", style: Style(bold: true).fg(Self.droppedColor)))
                }
            }
        }
        return HeatMap(width: w, height: h, levels: values, colors: colors, points: points, glyphs: glyphs)
    }

    /// The title: the channel, `dropped` or its scale (the largest activation), the longest
    /// that fits the map's width (by display width); the short name before a cut one.
    var titleText: String {
        let names = [title] + (shortTitle.map { [$0] } ?? [])
        var candidates: [String]
        if channelDropped {
            let mark = glyphs.isUnicode ? "✕" : "x"
            candidates = names.map { mark + lang.text(.glyphDropped, $0) } + names.map { mark + $0 }
        } else if let top {
            let value = PanelText.num(top)
            candidates = names.map { lang.text(.mapMax, $0, value) } + names.map { "\($0) \(value)" } + names
        } else {
            candidates = names
        }
        return candidates.first { $0.displayWidth <= cellWidth } ?? candidates[candidates.count - 1]
    }

    /// The title (with `✕` for a dropped channel) on the first row, the image below; a dropped
    /// channel crossed out corner to corner.
    func render(x: Int, y: Int, clip: Rect, into buffer: inout Buffer) {
        let text = titleText
        let style = channelDropped ? Style(bold: true).fg(Self.droppedColor) : Style(dim: true)
        if y < clip.bottom { _ = buffer.put(text, x: x, y: y, style: style, maxWidth: min(cellWidth, clip.right - x)) }
        let area = Rect(x: x, y: y + 1, width: max(0, min(cellWidth, clip.right - x)),
                        height: max(0, min(cellHeight - 1, clip.bottom - y - 1)))
        heatMap().render(area: area, into: &buffer)
        if channelDropped { cross(area, into: &buffer) }
    }

    /// A red diagonal cross over the map's cells, on the map's own colours.
    func cross(_ area: Rect, into buffer: inout Buffer) {
        guard area.width > 0, area.height > 0 else { return }
        let (down, up): (Character, Character) = glyphs.isUnicode ? ("╲", "╱") : ("\\", "/")
        for row in 0..<area.height {
            // The column of each diagonal on this row, centred in the row.
            let a = Int((Double(row) + 0.5) / Double(area.height) * Double(area.width))
            for (cx, symbol) in [(min(a, area.width - 1), down), (max(0, area.width - 1 - a), up)] {
                let x = area.x + cx, y = area.y + row
                var style = Style(bold: true).fg(Self.droppedColor)
                style.bg = buffer.style(atX: x, y: y)?.bg ?? .default
                buffer.set(x: x, y: y, symbol, style: style)
            }
        }
    }
}
