#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where to put tick marks: round numbers (1, 2 or 5 times a power of ten) inside a range.
public enum AxisTicks {
    /// Round values within `low...high`, about `count` of them (at least the ones that fit).
    public static func linear(low: Double, high: Double, count: Int) -> (values: [Double], step: Double) {
        guard low.isFinite, high.isFinite, high > low, count > 0 else { return ([], 0) }
        let step = niceStep((high - low) / Double(count))
        var values: [Double] = []
        var k = (low / step).rounded(.up)
        while k * step <= high + step * 1e-9, values.count < 1000 {
            // Snap tiny values to zero so "-1.4e-17" never shows up as a label.
            let v = k * step
            values.append(abs(v) < step * 1e-9 ? 0 : v)
            k += 1
        }
        return (values, step)
    }

    /// Ticks for a log axis given in log10 units: whole decades when they are enough for
    /// `count`, else 1-2-5 multiples, else plain round numbers. Values returned are the real
    /// (unlogged) ones.
    public static func logarithmic(log10Low low: Double, log10High high: Double, count: Int) -> [Double] {
        guard low.isFinite, high.isFinite, high > low else { return [] }
        let decades = Int(floor(high)) - Int(ceil(low)) + 1
        if decades >= max(2, count) || (decades >= 2 && Double(high - low) * 3 > Double(2 * count)) {
            let stride = max(1, Int((Double(decades) / Double(max(count, 1))).rounded(.up)))
            return Swift.stride(from: Int(ceil(low)), through: Int(floor(high)), by: stride).map { pow(10, Double($0)) }
        }
        var values: [Double] = []
        for e in Int(floor(low))...Int(ceil(high)) {
            for m in [1.0, 2.0, 5.0] {
                let v = m * pow(10, Double(e))
                if log10(v) >= low - 1e-12, log10(v) <= high + 1e-12 { values.append(v) }
            }
        }
        if values.count >= 2 { return values }
        return linear(low: pow(10, low), high: pow(10, high), count: count).values.filter { $0 > 0 }
    }

    /// The smallest 1, 2 or 5 × 10^k that is at least `rough`.
    public static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let power = pow(10, floor(log10(rough)))
        for m in [1.0, 2.0, 5.0, 10.0] where m * power >= rough * (1 - 1e-9) {
            return m * power
        }
        return 10 * power
    }
}
