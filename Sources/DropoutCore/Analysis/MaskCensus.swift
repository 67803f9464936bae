/// Which distinct masks training has drawn so far, per dropout position: the "masks seen so
/// far / 2ⁿ" of the ensemble panel. A mask here is one example's row of the position's unit
/// mask (which units it dropped), so a step with a batch of `b` examples draws `b` masks.
///
/// Bounded on purpose: only positions of at most `maxUnits` units are counted, each with a
/// bitset of `2ⁿ` bits (8 KiB at 16 units), so recording is one pass over the mask and the
/// memory never grows with training. A position's count starts afresh whenever its rate,
/// width or variant changes (the masks of another rate are another distribution).
public struct MaskCensus: Sendable, Equatable {
    /// Positions wider than this are not counted (2¹⁶ possible masks at most).
    public static let maxUnits = 16

    /// One position's census.
    public struct Position: Sendable, Equatable {
        public let width: Int
        public let rate: Float
        public let variant: DropoutVariant
        /// One bit per possible mask; bit `m` is set once mask `m` has been drawn (bit `i` of
        /// `m` set when unit `i` was dropped).
        private var seen: [UInt64]
        /// How many bits of `seen` are set.
        public private(set) var distinct = 0
        /// Masks recorded (examples × steps).
        public private(set) var draws = 0

        init(width: Int, rate: Float, variant: DropoutVariant) {
            self.width = width
            self.rate = rate
            self.variant = variant
            seen = [UInt64](repeating: 0, count: max(1, (1 << width) / 64))
        }

        /// All the masks there are: `2ⁿ`.
        public var possible: Int { 1 << width }

        mutating func record(_ mask: Matrix) {
            guard mask.cols == width else { return }
            for r in 0..<mask.rows {
                var m = 0
                for j in 0..<width where mask.data[r * width + j] == 0 { m |= 1 << j }
                let word = m >> 6, bit = UInt64(1) << UInt64(m & 63)
                if seen[word] & bit == 0 {
                    seen[word] |= bit
                    distinct += 1
                }
                draws += 1
            }
        }
    }

    /// Per dropout position (0 = input): nil when it is not counted (too wide, rate 0, or a
    /// variant without a finite set of unit masks).
    public private(set) var positions: [Position?] = []

    public init() {}

    /// Whether position `d` of `network` is counted: Bernoulli units, `0 < p`, at most
    /// `maxUnits` wide.
    static func counts(_ d: DropoutLayer) -> Bool {
        d.effectiveVariant == .bernoulli && d.rate > 0 && d.width <= maxUnits
    }

    /// Adds the masks of the last training step.
    public mutating func record(_ network: MLPNetwork) {
        if positions.count != network.dropout.count {
            positions = Array(repeating: nil, count: network.dropout.count)
        }
        for (i, d) in network.dropout.enumerated() {
            guard Self.counts(d) else {
                positions[i] = nil
                continue
            }
            if let p = positions[i], p.width == d.width, p.rate == d.rate, p.variant == d.effectiveVariant {
                // Counted under the same setting: go on.
            } else {
                positions[i] = Position(width: d.width, rate: d.rate, variant: d.effectiveVariant)
            }
            positions[i]?.record(d.mask)
        }
    }
}
