import TermUI

/// One row of bars, one per value, scaled between `low` and `high`: the ensemble panel's
/// accuracy histogram and the grid's loss curves.
enum Sparkline {
    static let unicodeBars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiBars: [Character] = ["_", ".", "-", "=", "*", "#"]

    /// The bar for `v` (a space for a value that is not finite).
    static func bar(_ v: Double, low: Double, high: Double, glyphs: Glyphs) -> Character {
        let bars = glyphs.isUnicode ? unicodeBars : asciiBars
        guard v.isFinite else { return " " }
        let t = high > low ? (v - low) / (high - low) : 0.5
        return bars[min(bars.count - 1, max(0, Int((t * Double(bars.count - 1)).rounded())))]
    }

    /// `values` as a string of bars between their own minimum and maximum (or `low`/`high`).
    static func text(_ values: [Double], low: Double? = nil, high: Double? = nil, glyphs: Glyphs) -> String {
        let finite = values.filter(\.isFinite)
        let lo = low ?? finite.min() ?? 0, hi = high ?? finite.max() ?? 1
        return String(values.map { bar($0, low: lo, high: hi, glyphs: glyphs) })
    }

    /// The last `count` values of `values`, averaged into `count` buckets when there are more.
    static func resample(_ values: [Double], count: Int) -> [Double] {
        guard values.count > count, count > 0 else { return values }
        return (0..<count).map { b in
            let from = b * values.count / count, to = max(from + 1, (b + 1) * values.count / count)
            let slice = values[from..<to]
            return slice.reduce(0, +) / Double(slice.count)
        }
    }
}
