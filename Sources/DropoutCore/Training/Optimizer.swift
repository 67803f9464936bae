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

    /// Plain SGD without penalties: the update `w − lr·g` can be done inside the backward
    /// pass's products (`MLPNetwork.backwardSGD`), after which `countFusedUpdate` stands for it.
    public var fusesIntoBackward: Bool {
        settings.kind == .sgd && settings.weightDecay == 0 && settings.l1 == 0
    }

    /// Records an update done inside the backward pass.
    public mutating func countFusedUpdate() { t += 1 }

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
                    guard let gp = g.baseAddress, let wp = w.baseAddress else { return }
                    switch s.kind {
                    case .sgd:
                        Self.sgd(w: wp, g: gp, count: n, lr: lr)
                    case .momentum:
                        p.firstMoment.data.withUnsafeMutableBufferPointer { v in
                            guard let vp = v.baseAddress else { return }
                            Self.momentum(w: wp, g: gp, v: vp, count: n, lr: lr, mu: s.momentum)
                        }
                    case .adam:
                        p.firstMoment.data.withUnsafeMutableBufferPointer { m in
                            p.secondMoment.data.withUnsafeMutableBufferPointer { v in
                                guard let mp = m.baseAddress, let vp = v.baseAddress else { return }
                                let k = AdamConstants(lr: lr, beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon,
                                                      correction1: correction1, correction2: correction2)
                                Self.adam(w: wp, g: gp, m: mp, v: vp, count: n, k)
                            }
                        }
                    }
                }
            }
        }
    }

    // The update loops, eight floats at a time. Written per element over the arrays, the
    // compiler kept them scalar (it cannot prove `w`, `g` and the moments apart), and Adam
    // with its division and square root per element was a third of the default scenario's
    // step. Each lane does the same IEEE operations in the same order as the scalar tail (Swift
    // does not contract `a * b + c` into a fused multiply-add), so the results are bit for bit
    // those of the per-element loop.

    static func sgd(w: UnsafeMutablePointer<Float>, g: UnsafeMutablePointer<Float>, count n: Int, lr: Float) {
        var i = 0
        while i + 8 <= n {
            store(load(w, i) - lr * load(g, i), w, i)
            i += 8
        }
        while i < n { w[i] -= lr * g[i]; i += 1 }
    }

    static func momentum(w: UnsafeMutablePointer<Float>, g: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
                         count n: Int, lr: Float, mu: Float) {
        var i = 0
        while i + 8 <= n {
            let vi = mu * load(v, i) + load(g, i)
            store(vi, v, i)
            store(load(w, i) - lr * vi, w, i)
            i += 8
        }
        while i < n {
            v[i] = mu * v[i] + g[i]
            w[i] -= lr * v[i]
            i += 1
        }
    }

    struct AdamConstants {
        let lr, beta1, beta2, epsilon, correction1, correction2: Float
    }

    static func adam(w: UnsafeMutablePointer<Float>, g: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
                     v: UnsafeMutablePointer<Float>, count n: Int, _ k: AdamConstants) {
        var i = 0
        while i + 8 <= n {
            let gi = load(g, i)
            let mi = k.beta1 * load(m, i) + (1 - k.beta1) * gi
            let vi = k.beta2 * load(v, i) + (1 - k.beta2) * gi * gi
            store(mi, m, i)
            store(vi, v, i)
            let mHat = mi / k.correction1
            let vHat = vi / k.correction2
            store(load(w, i) - k.lr * mHat / (vHat.squareRoot() + k.epsilon), w, i)
            i += 8
        }
        while i < n {
            m[i] = k.beta1 * m[i] + (1 - k.beta1) * g[i]
            v[i] = k.beta2 * v[i] + (1 - k.beta2) * g[i] * g[i]
            let mHat = m[i] / k.correction1
            let vHat = v[i] / k.correction2
            w[i] -= k.lr * mHat / (vHat.squareRoot() + k.epsilon)
            i += 1
        }
    }

    @inline(__always)
    static func load(_ p: UnsafeMutablePointer<Float>, _ i: Int) -> SIMD8<Float> {
        UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store(_ x: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>, _ i: Int) {
        UnsafeMutableRawPointer(p + i).storeBytes(of: x, as: SIMD8<Float>.self)
    }
}
