import CNCurses
import TermUI

/// Allocates ncurses colour pairs on first use: with 256 colours every fg×bg pair cannot be
/// made up front, and a screen only ever uses a handful.
struct ColorPairs {
    /// 8, 16 or 256; 0 means colour is off (NO_COLOR or a monochrome terminal).
    let colorCount: Int
    /// Whether -1 means "the terminal's own colour" (use_default_colors succeeded).
    let hasDefaultColors: Bool
    private let capacity: Int
    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1

    private struct Key: Hashable { let fg: Int32, bg: Int32 }

    init(colorCount: Int, hasDefaultColors: Bool, pairCount: Int) {
        self.colorCount = colorCount
        self.hasDefaultColors = hasDefaultColors
        // init_pair takes a short.
        capacity = min(pairCount, Int(Int16.max))
    }

    /// The pair number for a style's colours; 0 (the terminal's defaults) when colour is off
    /// or the pairs have run out.
    mutating func pair(fg: Color, bg: Color) -> Int32 {
        guard colorCount > 0 else { return 0 }
        let key = Key(fg: number(fg, fallback: 7), bg: number(bg, fallback: 0))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard Int(next) < capacity, init_pair(Int16(next), Int16(key.fg), Int16(key.bg)) != cn_err() else {
            return 0
        }
        pairs[key] = next
        next += 1
        return next - 1
    }

    private func number(_ color: Color, fallback: Int32) -> Int32 {
        guard let index = color.degraded(toColorCount: colorCount).paletteIndex else {
            return hasDefaultColors ? -1 : fallback
        }
        return Int32(index)
    }
}
