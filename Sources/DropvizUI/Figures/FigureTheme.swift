import Foundation
import TermUI

/// The colours of a figure. `dark` is the terminal's own: xterm's palette on black, so a figure
/// reads like the screen it came from. `light` is for print and white slides: the same hues,
/// darkened where the terminal's would vanish on white (white, yellow, cyan, green).
public enum FigureTheme: String, CaseIterable, Sendable {
    case dark, light

    public var background: String { self == .dark ? "#000000" : "#ffffff" }
    public var foreground: String { self == .dark ? "#e5e5e5" : "#1a1a1a" }
    /// Axes, ticks, captions: present but quieter than the data.
    public var dim: String { self == .dark ? "#8a8a8a" : "#6a6a6a" }
    /// Grid lines behind the curves.
    public var grid: String { self == .dark ? "#303030" : "#e2e2e2" }

    /// The colour a terminal colour is drawn in.
    public func hex(_ color: Color) -> String {
        guard let index = color.paletteIndex else { return foreground }
        if self == .light, index < 16 { return Self.lightNamed[index] }
        return Self.xterm(index)
    }

    /// Named colours for a white page: the terminal's hue, dark enough to read (white becomes
    /// a dark grey, so the batch curve stays the quiet one).
    static let lightNamed = [
        "#000000", "#c01c28", "#1a7f37", "#9a6700", "#1c4fd8", "#a626a4", "#0a7f8f", "#4d4d4d",
        "#6e6e6e", "#e01b24", "#2ea043", "#b08800", "#3a6ff0", "#c030c0", "#0f9fb0", "#222222",
    ]

    /// xterm's default palette: the 16 named colours, the 6×6×6 cube, the grey ramp.
    static func xterm(_ index: Int) -> String {
        let named = [
            "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
            "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
        ]
        switch index {
        case 0..<16:
            return named[index]
        case 16..<232:
            let cube = index - 16
            let level = { (c: Int) in c == 0 ? 0 : 55 + 40 * c }
            return rgb(level(cube / 36), level((cube / 6) % 6), level(cube % 6))
        default:
            let v = 8 + 10 * (min(index, 255) - 232)
            return rgb(v, v, v)
        }
    }

    static func rgb(_ r: Int, _ g: Int, _ b: Int) -> String {
        String(format: "#%02x%02x%02x", r, g, b)
    }
}
