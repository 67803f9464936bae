/// One terminal cell: a symbol and its style.
///
/// A wide symbol (a CJK character, an emoji: `DisplayWidth` 2) covers its own cell and the one
/// to its right, which then holds `Cell.continuation`; `Buffer` keeps the two together.
///
/// The symbol is stored as Unicode scalars, not a `Character`: a cell is then plain data (no
/// reference count), and clearing, drawing and diffing 12 000 cells a frame cost a fraction
/// of what they did. A symbol is a base scalar and at most one combining mark (the tilde of
/// `h̃`); a longer grapheme keeps its first two scalars.
public struct Cell: Sendable, Equatable, Hashable {
    public var scalar: Unicode.Scalar
    /// A combining mark drawn over `scalar`, if any.
    public var mark: Unicode.Scalar?
    public var style: Style

    public init(_ symbol: Character = " ", style: Style = .plain) {
        var scalars = symbol.unicodeScalars.makeIterator()
        self.init(scalar: scalars.next() ?? " ", mark: scalars.next(), style: style)
    }

    public init(scalar: Unicode.Scalar, mark: Unicode.Scalar? = nil, style: Style = .plain) {
        self.scalar = scalar
        self.mark = mark
        self.style = style
    }

    public var symbol: Character {
        get {
            guard let mark else { return Character(scalar) }
            var s = String.UnicodeScalarView()
            s.append(scalar)
            s.append(mark)
            // `first`, not `Character(_:)`: never a trap, whatever the two scalars are.
            return String(s).first ?? Character(scalar)
        }
        set { self = Cell(newValue, style: style) }
    }

    public static let blank = Cell()

    /// The right half of a wide symbol. Its scalar is NUL, which no drawn text holds (`put`
    /// turns control characters into spaces); backends draw nothing for it.
    public static let continuation = Cell(scalar: "\u{0}")

    public var isContinuation: Bool { scalar == "\u{0}" }

    /// Columns the symbol covers: 2 for a wide symbol, 0 for a continuation, 1 otherwise (a
    /// lone zero-width scalar still occupies its cell; backends draw it as a space).
    public var width: Int {
        if isContinuation { return 0 }
        return DisplayWidth.of(scalar) == 2 ? 2 : 1
    }
}
