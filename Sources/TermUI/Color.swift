/// A terminal colour. The named colours are the 8 every colour terminal has; bright variants and
/// 256-colour indices are optional extras that `degraded(toColorCount:)` maps back down, so
/// widgets can ask for what they want and still be legible on an 8-colour terminal.
public enum Color: Sendable, Equatable, Hashable {
    /// The terminal's own foreground or background (keeps transparent/themed backgrounds).
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow
    case brightBlue, brightMagenta, brightCyan, brightWhite
    /// An xterm 256-colour palette index.
    case indexed(UInt8)

    /// The palette index (0...255), or nil for `.default`.
    public var paletteIndex: Int? {
        switch self {
        case .default: return nil
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        case .indexed(let i): return Int(i)
        }
    }

    /// The nearest colour a terminal with `count` colours can show (8, 16 or 256).
    /// Returns `.indexed` for anything beyond the named 16 so backends need only `paletteIndex`.
    public func degraded(toColorCount count: Int) -> Color {
        guard let index = paletteIndex else { return .default }
        if count >= 256 || (count >= 16 && index < 16) { return self }
        return Color.basic[Color.nearestBasicIndex(of: index)]
    }

    static let basic: [Color] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]

    /// Maps a 256-palette index to one of the 8 basic colours by thresholding each channel,
    /// which keeps hue families (a reddish orange stays red or yellow, never blue).
    static func nearestBasicIndex(of index: Int) -> Int {
        switch index {
        case 0..<16:
            return index % 8
        case 16..<232:
            let cube = index - 16
            let r = cube / 36, g = (cube / 6) % 6, b = cube % 6
            let bit = { (c: Int) in c >= 3 ? 1 : 0 }
            // The xterm ordering of the 8 colours is the RGB bits read as b·4 + g·2 + r.
            return bit(r) | bit(g) << 1 | bit(b) << 2
        default:
            // The grey ramp: dark half is black, light half white.
            return index < 244 ? 0 : 7
        }
    }
}
