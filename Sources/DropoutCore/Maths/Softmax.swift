import Foundation

/// Class probabilities from logits, and their entropy.
public enum Softmax {
    /// `softmax` of every row, computed in Double after subtracting the row's maximum.
    public static func probabilities(_ logits: Matrix) -> Matrix {
        var p = Matrix(rows: logits.rows, cols: logits.cols)
        let k = logits.cols
        for r in 0..<logits.rows {
            let base = r * k
            var maxZ = -Float.infinity
            for j in 0..<k { maxZ = max(maxZ, logits.data[base + j]) }
            var sum: Double = 0
            for j in 0..<k { sum += exp(Double(logits.data[base + j] - maxZ)) }
            for j in 0..<k { p.data[base + j] = Float(exp(Double(logits.data[base + j] - maxZ)) / sum) }
        }
        return p
    }

    /// `H[p] = -Σ p log p` in nats, with `0 log 0 = 0`.
    public static func entropy<C: Collection>(_ p: C) -> Double where C.Element == Double {
        var h: Double = 0
        for v in p where v > 0 { h -= v * log(v) }
        return h
    }

    /// The index of the largest entry of row `r` (the first on ties).
    public static func argmax(_ m: Matrix, row r: Int) -> Int {
        var best = 0
        for j in 1..<max(1, m.cols) where m[r, j] > m[r, best] { best = j }
        return best
    }
}
