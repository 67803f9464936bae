/// How much the units of a layer move together: the Pearson correlations between their
/// activations over a set of examples. Dropout is meant to break co-adaptation (a unit
/// relying on particular others), which shows up as weaker correlations between units.
public enum Coadaptation {
    /// The correlation matrix of the columns of `activations` (one row per example, one column
    /// per unit): `c[i, j] = cov(i, j) / (σᵢ σⱼ)`. A unit whose activation does not vary (a dead
    /// ReLU, a constant feature) has no defined correlation: its whole row and column, the
    /// diagonal included, are NaN, so callers can tell it apart from an uncorrelated unit.
    public static func correlations(_ activations: Matrix) -> Matrix {
        let n = activations.rows, k = activations.cols
        var c = Matrix(rows: k, cols: k, repeating: .nan)
        guard n >= 2, k >= 1 else { return c }
        // Centre each column (means in Double: a few hundred rows of similar values would lose
        // digits in Float), then one product gives every covariance at once.
        var centred = activations
        for j in 0..<k {
            var sum: Double = 0
            for r in 0..<n { sum += Double(activations[r, j]) }
            let mean = Float(sum / Double(n))
            for r in 0..<n { centred[r, j] = activations[r, j] - mean }
        }
        var covariance = Matrix(rows: k, cols: k)
        BLAS.gemm(centred, transposeA: true, centred, into: &covariance)
        // A variance this small relative to the activations' scale is rounding, not signal.
        var scale: Float = 0
        for v in activations.data { scale = max(scale, abs(v)) }
        let floor = Double(n) * Double(scale * scale) * 1e-10
        let sigma = (0..<k).map { j -> Double in
            let v = Double(covariance[j, j])
            return v > floor && v > 0 ? v.squareRoot() : 0
        }
        for i in 0..<k where sigma[i] > 0 {
            for j in 0..<k where sigma[j] > 0 {
                let r = Double(covariance[i, j]) / (sigma[i] * sigma[j])
                c[i, j] = Float(min(1, max(-1, r)))
            }
            c[i, i] = 1
        }
        return c
    }

    /// The mean of `|c[i, j]|` over the pairs `i ≠ j` of units that vary (whose diagonal is
    /// not NaN), and how many such units there are. NaN when fewer than two units vary.
    public static func meanAbsOffDiagonal(_ correlations: Matrix) -> (value: Double, usedUnits: Int) {
        let k = correlations.rows
        let used = (0..<k).filter { !correlations[$0, $0].isNaN }
        guard used.count >= 2 else { return (.nan, used.count) }
        var sum: Double = 0
        for i in used {
            for j in used where j != i { sum += Double(abs(correlations[i, j])) }
        }
        return (sum / Double(used.count * (used.count - 1)), used.count)
    }
}
