import DropoutCore
import Foundation
import Testing
@testable import DropvizUI

/// `SVG.number` writes what `String(format: "%.2f")` writes (the figures' files are the same
/// as before its fast path), `-0.00` as `0.00`.
struct SVGNumberTests {
    static func printf(_ v: Double) -> String {
        let clamped = v.isNaN ? 0 : min(max(v, -1e5), 1e5)
        let text = String(format: "%.2f", clamped)
        return text == "-0.00" ? "0.00" : text
    }

    /// Halves in binary (0.125, 2.5/100 steps), decimal halves that are not exact (1.005,
    /// 2.675), zeros, the clamp, NaN, and values just either side of a rounding edge.
    @Test func edgesAreWrittenAsPrintfWritesThem() {
        let edges: [Double] = [0, -0.0, 0.125, -0.125, 0.375, 0.625, 1.005, 2.675, -2.675, 0.005, -0.005,
                               0.015, 0.004999, -0.004999, 99.995, 99.994999, 1e5, -1e5, 3e7, -3e7, .nan,
                               .infinity, -.infinity, 12345.675, 0.1, 0.7, 1.0 / 3, -2.0 / 3]
        for v in edges {
            #expect(SVG.number(v) == Self.printf(v), "\(v)")
            #expect(SVG.number(v.nextUp) == Self.printf(v.nextUp), "\(v.nextUp)")
            #expect(SVG.number(v.nextDown) == Self.printf(v.nextDown), "\(v.nextDown)")
        }
    }

    /// 200,000 values of every magnitude a figure uses, and on the hundredths' half-grid.
    @Test func randomValuesAreWrittenAsPrintfWritesThem() {
        var rng = Xoshiro(seed: 7)
        var fastPaths = 0
        for i in 0..<200_000 {
            let scale = [0.01, 1, 100, 10_000, 200_000][i % 5]
            var v = (Double(rng.next() >> 11) / Double(1 << 53) * 2 - 1) * scale
            if i % 7 == 0 { v = (v * 200).rounded() / 200 }  // on x.xx5 half-way points
            if SVG.fixedPoint(min(max(v, -1e5), 1e5)) != nil { fastPaths += 1 }
            #expect(SVG.number(v) == Self.printf(v), "\(v)")
        }
        // The fast path is the usual one (it is what makes `x` quick), not a rare branch.
        #expect(fastPaths > 150_000)
    }
}
