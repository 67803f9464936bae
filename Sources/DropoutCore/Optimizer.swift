import Foundation

public enum OptimizerKind: String, Codable, CaseIterable, Sendable {
    case sgd, momentum, adam
}

/// The optimiser and its hyper-parameters, with the L2 and L1 penalties that the app sets
/// side by side with dropout.
public struct OptimizerSettings: Codable, Equatable, Sendable {
    public var kind: OptimizerKind
    public var learningRate: Float
    public var momentum: Float = 0.9
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-8
    /// L2 penalty `λ/2·Σw²` on weights (not biases): adds `λ·w` to the gradient.
    public var weightDecay: Float = 0
    /// L1 penalty `λ·Σ|w|` on weights: adds `λ·sign(w)` to the gradient.
    public var l1: Float = 0

    public init(kind: OptimizerKind, learningRate: Float, weightDecay: Float = 0, l1: Float = 0) {
        self.kind = kind
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.l1 = l1
    }
}

/// Applies one update to every parameter from its gradient.
public struct Optimizer: Sendable {
    public var settings: OptimizerSettings
    /// Updates done so far (Adam's bias correction needs it).
    public var t: Int = 0

    public init(_ settings: OptimizerSettings) { self.settings = settings }

    public mutating func update(_ params: [Parameter]) {
        t += 1
        let s = settings
        let lr = s.learningRate
        let correction1 = 1 - Float(pow(Double(s.beta1), Double(t)))
        let correction2 = 1 - Float(pow(Double(s.beta2), Double(t)))
        for p in params {
            let wd = p.isWeight ? s.weightDecay : 0
            let l1 = p.isWeight ? s.l1 : 0
            let n = p.value.count
            p.grad.data.withUnsafeMutableBufferPointer { g in
                p.value.data.withUnsafeMutableBufferPointer { w in
                    if wd != 0 || l1 != 0 {
                        for i in 0..<n {
                            let sign: Float = w[i] > 0 ? 1 : (w[i] < 0 ? -1 : 0)
                            g[i] += wd * w[i] + l1 * sign
                        }
                    }
                    switch s.kind {
                    case .sgd:
                        for i in 0..<n { w[i] -= lr * g[i] }
                    case .momentum:
                        p.firstMoment.data.withUnsafeMutableBufferPointer { v in
                            for i in 0..<n {
                                v[i] = s.momentum * v[i] + g[i]
                                w[i] -= lr * v[i]
                            }
                        }
                    case .adam:
                        p.firstMoment.data.withUnsafeMutableBufferPointer { m in
                            p.secondMoment.data.withUnsafeMutableBufferPointer { v in
                                for i in 0..<n {
                                    m[i] = s.beta1 * m[i] + (1 - s.beta1) * g[i]
                                    v[i] = s.beta2 * v[i] + (1 - s.beta2) * g[i] * g[i]
                                    let mHat = m[i] / correction1
                                    let vHat = v[i] / correction2
                                    w[i] -= lr * mHat / (vHat.squareRoot() + s.epsilon)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
