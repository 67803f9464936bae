/// The characters widgets draw with. `unicode` needs a UTF-8 locale; `ascii` is the fallback
/// for anything else (under LANG=C ncursesw prints box drawing and braille as blanks or garbage).
/// Widgets take a `Glyphs` value instead of hard-coding characters, so one flag switches all.
public struct Glyphs: Sendable, Equatable {
    public var isUnicode: Bool

    // Box drawing.
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var teeLeft: Character    // ├
    public var teeRight: Character   // ┤
    public var teeDown: Character    // ┬
    public var teeUp: Character      // ┴
    public var cross: Character
    /// A light vertical line that reads as "annotation", not as part of a frame.
    public var dashedVertical: Character
    public var heavyHorizontal: Character

    // Network units.
    public var unitKept: Character
    public var unitIdle: Character
    public var unitDropped: Character

    /// From empty to full, at least two entries.
    public var shades: [Character]
    public var upperHalf: Character
    public var lowerHalf: Character
    public var fullBlock: Character

    public var arrowUp: Character
    public var arrowDown: Character
    public var arrowLeft: Character
    public var arrowRight: Character
    public var bullet: Character
    public var ellipsis: Character

    public static let unicode = Glyphs(
        isUnicode: true,
        horizontal: "─", vertical: "│",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeLeft: "├", teeRight: "┤", teeDown: "┬", teeUp: "┴", cross: "┼",
        dashedVertical: "┊", heavyHorizontal: "━",
        unitKept: "●", unitIdle: "○", unitDropped: "✕",
        shades: [" ", "░", "▒", "▓", "█"], upperHalf: "▀", lowerHalf: "▄", fullBlock: "█",
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→",
        bullet: "•", ellipsis: "…"
    )

    public static let ascii = Glyphs(
        isUnicode: false,
        horizontal: "-", vertical: "|",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeLeft: "+", teeRight: "+", teeDown: "+", teeUp: "+", cross: "+",
        dashedVertical: ":", heavyHorizontal: "=",
        unitKept: "o", unitIdle: ".", unitDropped: "x",
        shades: [" ", ".", ":", "*", "#"], upperHalf: "\"", lowerHalf: "_", fullBlock: "#",
        arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">",
        bullet: "*", ellipsis: "~"
    )

    /// The shade for an intensity in 0...1 (clamped; NaN counts as 0).
    public func shade(_ level: Double) -> Character {
        guard shades.count > 1 else { return shades.first ?? " " }
        let clamped = level.isNaN ? 0 : min(max(level, 0), 1)
        let index = Int((clamped * Double(shades.count - 1)).rounded())
        return shades[index]
    }
}
