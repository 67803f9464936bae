@testable import DropoutCore

/// Central finite differences in Double around Float parameters: the analytic gradient of
/// every layer must agree with them.
enum GradientCheck {
    /// Largest relative error max|a-n| / max(1e-2, |a|+|n|) over the entries.
    static func relativeError(_ analytic: [Float], _ numeric: [Float]) -> Float {
        var worst: Float = 0
        for (a, n) in zip(analytic, numeric) {
            let e = abs(a - n) / max(1e-2, abs(a) + abs(n))
            worst = max(worst, e)
        }
        return worst
    }

    /// Numeric gradient of `loss(values)` with respect to every entry of `values`.
    static func numeric(_ values: [Float], h: Float = 1e-2, loss: ([Float]) -> Double) -> [Float] {
        var g = [Float](repeating: 0, count: values.count)
        var v = values
        for i in values.indices {
            v[i] = values[i] + h
            let up = loss(v)
            v[i] = values[i] - h
            let down = loss(v)
            v[i] = values[i]
            g[i] = Float((up - down) / (2 * Double(h)))
        }
        return g
    }

    /// Numeric gradient of `loss()` with respect to a parameter's values.
    static func numeric(_ p: Parameter, h: Float = 1e-2, loss: () -> Double) -> [Float] {
        let original = p.value.data
        defer { p.value.data = original }
        return numeric(original, h: h) { v in
            p.value.data = v
            return loss()
        }
    }

    static func random(_ rows: Int, _ cols: Int, seed: UInt64, scale: Float = 1) -> Matrix {
        var rng = Xoshiro(seed: seed)
        var m = Matrix(rows: rows, cols: cols)
        for i in 0..<m.count { m.data[i] = rng.normal() * scale }
        return m
    }

    /// A fixed linear functional of the output, `Σ c_ij y_ij`, whose gradient is `c`: checking
    /// a layer against it exercises every output.
    static func probe(_ y: Matrix, _ c: Matrix) -> Double {
        var s: Double = 0
        for i in 0..<y.count { s += Double(y.data[i]) * Double(c.data[i]) }
        return s
    }
}
