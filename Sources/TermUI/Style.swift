/// How a cell looks. Bold, dim, reverse and underline are what keeps the display legible
/// without colour (NO_COLOR, monochrome terminals).
public struct Style: Sendable, Equatable, Hashable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        fg: Color = .default, bg: Color = .default,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()

    public func fg(_ color: Color) -> Style { var s = self; s.fg = color; return s }
    public func bg(_ color: Color) -> Style { var s = self; s.bg = color; return s }
    public func bold(_ on: Bool = true) -> Style { var s = self; s.bold = on; return s }
    public func dim(_ on: Bool = true) -> Style { var s = self; s.dim = on; return s }
    public func reverse(_ on: Bool = true) -> Style { var s = self; s.reverse = on; return s }
    public func underline(_ on: Bool = true) -> Style { var s = self; s.underline = on; return s }
}
