/// A rectangle of cells; `x`/`y` is the top-left corner. Width and height are never negative.
public struct Rect: Sendable, Equatable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    public var area: Int { width * height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < right && py >= y && py < bottom
    }

    /// Shrinks every side by `by` cells (never below zero size).
    public func inset(by amount: Int) -> Rect {
        inset(horizontal: amount, vertical: amount)
    }

    public func inset(horizontal: Int, vertical: Int) -> Rect {
        let w = max(0, width - 2 * horizontal)
        let h = max(0, height - 2 * vertical)
        return Rect(x: x + min(horizontal, width / 2), y: y + min(vertical, height / 2), width: w, height: h)
    }

    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(right, other.right), y1 = min(bottom, other.bottom)
        guard x1 > x0, y1 > y0 else { return Rect(x: x0, y: y0, width: 0, height: 0) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Splits into stacked rows, top to bottom.
    public func splitRows(_ sizes: [Size]) -> [Rect] {
        Size.resolve(sizes, total: height).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.length) }
    }

    /// Splits into side-by-side columns, left to right.
    public func splitColumns(_ sizes: [Size]) -> [Rect] {
        Size.resolve(sizes, total: width).map { Rect(x: x + $0.offset, y: y, width: $0.length, height: height) }
    }

    /// How much of a split a part takes.
    public enum Size: Sendable, Equatable, Hashable {
        /// Exactly this many cells (less if the space runs out).
        case fixed(Int)
        /// This fraction of the whole length (0...1), rounded down.
        case fraction(Double)
        /// An equal share of whatever `fixed` and `fraction` parts leave.
        case fill

        /// Fixed and fractional parts are served first, in order, and clipped to what is left;
        /// fills share the remainder, the first ones taking the odd cells.
        static func resolve(_ sizes: [Size], total: Int) -> [(offset: Int, length: Int)] {
            var lengths = Array(repeating: 0, count: sizes.count)
            var left = max(0, total)
            for (i, size) in sizes.enumerated() {
                let want: Int
                switch size {
                case .fixed(let n): want = max(0, n)
                case .fraction(let f): want = Int((Double(total) * min(max(f, 0), 1)).rounded(.down))
                case .fill: continue
                }
                lengths[i] = min(want, left)
                left -= lengths[i]
            }
            let fills = sizes.indices.filter { sizes[$0] == .fill }
            if !fills.isEmpty {
                let share = left / fills.count
                var extra = left % fills.count
                for i in fills {
                    lengths[i] = share + (extra > 0 ? 1 : 0)
                    extra -= 1
                }
            }
            var offset = 0
            return lengths.map { length in
                defer { offset += length }
                return (offset, length)
            }
        }
    }
}
