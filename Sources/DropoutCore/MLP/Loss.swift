import Foundation

/// What the network predicts, and so which loss it is trained with.
public enum LearningTask: Codable, Equatable, Sendable {
    /// Softmax cross-entropy over `classes` classes.
    case classification(classes: Int)
    /// Mean squared error on `outputs` real values.
    case regression(outputs: Int)

    public var outputs: Int {
        switch self {
        case .classification(let k): return k
        case .regression(let k): return k
        }
    }

    public var isClassification: Bool {
        if case .classification = self { return true }
        return false
    }
}

/// The targets of a batch: a class index or a row of real values per example.
public enum Targets: Equatable, Sendable {
    case classes([Int])
    case values(Matrix)

    public var count: Int {
        switch self {
        case .classes(let c): return c.count
        case .values(let v): return v.rows
        }
    }
}

public enum Loss {
    /// Mean over the batch of `-log softmax(z)_t`; `dz = (softmax(z) - onehot(t)) / n`.
    /// Returns the loss and the number of correct predictions (argmax).
    @discardableResult
    public static func softmaxCrossEntropy(logits z: Matrix, labels: [Int], gradient dz: inout Matrix?) -> (loss: Float, correct: Int) {
        precondition(labels.count == z.rows)
        // Take the buffer out of the optional, so that the loop writes through a plain pointer
        // (`dz!` in the loop checked and unwrapped at every element) and the buffer stays
        // uniquely referenced (no copy).
        guard var g = dz else {
            return softmaxCrossEntropy(z, labels, gradient: nil)
        }
        dz = nil
        g.reshape(rows: z.rows, cols: z.cols)
        let result = g.data.withUnsafeMutableBufferPointer { softmaxCrossEntropy(z, labels, gradient: $0) }
        dz = g
        return result
    }

    private static func softmaxCrossEntropy(_ z: Matrix, _ labels: [Int], gradient dz: UnsafeMutableBufferPointer<Float>?) -> (loss: Float, correct: Int) {
        let n = z.rows, k = z.cols
        var total: Double = 0
        var correct = 0
        let invN = 1 / Float(n)
        z.data.withUnsafeBufferPointer { zs in
            for r in 0..<n {
                let base = r * k
                var maxZ = -Float.infinity
                var argmax = 0
                for j in 0..<k where zs[base + j] > maxZ { maxZ = zs[base + j]; argmax = j }
                var sum: Float = 0
                let t = labels[r]
                if let dz {
                    // exp once per logit: kept in `dz` until the sum is known.
                    for j in 0..<k {
                        let e = exp(zs[base + j] - maxZ)
                        dz[base + j] = e
                        sum += e
                    }
                    let invSum = 1 / sum
                    for j in 0..<k { dz[base + j] = (dz[base + j] * invSum - (j == t ? 1 : 0)) * invN }
                } else {
                    for j in 0..<k { sum += exp(zs[base + j] - maxZ) }
                }
                let logSum = log(sum) + maxZ
                total += Double(logSum - zs[base + t])
                if argmax == t { correct += 1 }
            }
        }
        return (Float(total / Double(n)), correct)
    }

    /// Mean over the batch and outputs of `(ŷ - t)²`; `dŷ = 2(ŷ - t)/(n·k)`.
    @discardableResult
    public static func meanSquaredError(predictions y: Matrix, targets t: Matrix, gradient dy: inout Matrix?) -> Float {
        precondition(y.rows == t.rows && y.cols == t.cols)
        if dy != nil { dy!.reshape(rows: y.rows, cols: y.cols) }
        var total: Double = 0
        let scale = 2 / Float(max(1, y.count))
        for i in 0..<y.count {
            let d = y.data[i] - t.data[i]
            total += Double(d * d)
            if dy != nil { dy!.data[i] = scale * d }
        }
        return Float(total / Double(max(1, y.count)))
    }

    /// The loss of `output` against `targets`, its gradient when asked, and the correct count
    /// (classification only).
    public static func evaluate(_ output: Matrix, _ targets: Targets, gradient: inout Matrix?) -> (loss: Float, correct: Int) {
        switch targets {
        case .classes(let labels):
            return softmaxCrossEntropy(logits: output, labels: labels, gradient: &gradient)
        case .values(let t):
            return (meanSquaredError(predictions: output, targets: t, gradient: &gradient), 0)
        }
    }
}
