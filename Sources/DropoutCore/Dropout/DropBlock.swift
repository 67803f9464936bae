import Foundation

/// DropBlock (Ghiasi, Lin & Le, NeurIPS 2018): dropout of contiguous `b × b` blocks, because
/// neighbouring pixels of a feature map carry almost the same information and a single dropped
/// pixel is read off its neighbours.
///
/// On an `h × w` map, block seeds are drawn only where a whole block fits — the
/// `(h-b+1)·(w-b+1)` positions of the block's top-left corner, equivalently of its centre
/// `(i, j)` with the block covering rows `i-(b-1)/2 … i-(b-1)/2+b-1` — each with probability
///
///     γ = (1-keep)/b² · h·w / ((h-b+1)·(w-b+1))       (the paper's f²/(f-b+1)² for h = w = f)
///
/// and every seed zeroes its block. γ is chosen so that the expected number of seeds times the
/// block area is `(1-keep)·h·w`; blocks overlap, so the dropped fraction actually comes out
/// somewhat below `1-keep` (`expectedDroppedFraction` gives the exact value).
public enum DropBlock {
    /// The block side used on an `h × w` map: `b`, or the map's smaller side when the block
    /// does not fit.
    public static func effectiveBlock(_ b: Int, height h: Int, width w: Int) -> Int {
        max(1, min(b, h, w))
    }

    /// The seed probability γ for drop rate `p = 1 - keep`. Never above `p`: `b·(f-b+1) ≥ f`
    /// for `1 ≤ b ≤ f`, since `(b-1)(f-b) ≥ 0` (the `min` only guards rounding).
    public static func gamma(rate p: Float, block b: Int, height h: Int, width w: Int) -> Double {
        let b = effectiveBlock(b, height: h, width: w)
        let seeds = Double((h - b + 1) * (w - b + 1))
        return min(1, Double(p) / Double(b * b) * Double(h * w) / seeds)
    }

    /// The exact probability that a pixel is dropped, averaged over the map: pixel `(r, c)` is
    /// covered by `n_r(r)·n_c(c)` possible blocks, each seeded independently with probability
    /// γ, so it survives with probability `(1-γ)^(n_r·n_c)`.
    public static func expectedDroppedFraction(rate p: Float, block b: Int, height h: Int, width w: Int) -> Double {
        let b = effectiveBlock(b, height: h, width: w)
        let g = gamma(rate: p, block: b, height: h, width: w)
        func covering(_ r: Int, _ n: Int) -> Int { min(r, n - b) - max(0, r - b + 1) + 1 }
        var sum = 0.0
        for r in 0..<h {
            for c in 0..<w {
                sum += 1 - Foundation.pow(1 - g, Double(covering(r, h) * covering(c, w)))
            }
        }
        return sum / Double(h * w)
    }

    /// Draws the keep mask (1 kept, 0 dropped) of one `h × w` map into `m[base ..< base+h·w]`.
    static func drawMap(_ m: UnsafeMutableBufferPointer<Float>, base: Int, rate p: Float, block b0: Int,
                        height h: Int, width w: Int, rng: inout Xoshiro) {
        for i in 0..<(h * w) { m[base + i] = 1 }
        guard p > 0 else { return }
        let b = effectiveBlock(b0, height: h, width: w)
        let g = Float(gamma(rate: p, block: b, height: h, width: w))
        for top in 0...(h - b) {
            for left in 0...(w - b) where rng.uniform() < g {
                for r in top..<(top + b) {
                    for c in left..<(left + b) { m[base + r * w + c] = 0 }
                }
            }
        }
    }
}
