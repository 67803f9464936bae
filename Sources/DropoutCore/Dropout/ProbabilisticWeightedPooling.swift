/// Max-pooling dropout's evaluation rule (Wu & Gu, Neural Networks 2015).
///
/// In training each unit of a pooling window is kept with probability `q = 1-p` and the window
/// outputs the largest kept unit (0 when all are dropped; the activations are ReLU outputs,
/// so never below 0). Sorting the window's `n` activations `a_1 ≤ … ≤ a_n`, `a_i` is the output
/// exactly when it is kept and the `n-i` larger ones are dropped, so the expected output is
///
///     Σ_i q (1-q)^(n-i) a_i
///
/// which is what evaluation uses instead of the plain max ("probabilistic weighted pooling").
public enum ProbabilisticWeightedPooling {
    /// The weighted sum for any window.
    public static func value(_ window: [Float], keep q: Float) -> Float {
        let a = window.sorted()
        let n = a.count
        var sum: Float = 0
        var weight = q   // q (1-q)^(n-i), from i = n down
        for i in stride(from: n - 1, through: 0, by: -1) {
            sum += weight * a[i]
            weight *= 1 - q
        }
        return sum
    }

    /// The same for a 2×2 window without allocating: a sorting network on four values.
    @inline(__always)
    static func value4(_ a0: Float, _ a1: Float, _ a2: Float, _ a3: Float, keep q: Float) -> Float {
        var (x0, x1, x2, x3) = (a0, a1, a2, a3)
        if x0 > x1 { swap(&x0, &x1) }
        if x2 > x3 { swap(&x2, &x3) }
        if x0 > x2 { swap(&x0, &x2) }
        if x1 > x3 { swap(&x1, &x3) }
        if x1 > x2 { swap(&x1, &x2) }
        let r = 1 - q
        return q * (x3 + r * (x2 + r * (x1 + r * x0)))
    }
}
