import Foundation
import Testing
@testable import DropoutCore

/// The fused hidden blocks and fused SGD (MLPNetwork+FusedPath.swift) and the vectorised
/// optimiser loops against the layer-by-layer path, on odd sizes (tails of the 8-wide loops).
extension FastPathTests {
    static func network(variant: DropoutVariant, fast: Bool, rates: [Float] = [0.2, 0.5, 0.3]) -> MLPNetwork {
        let arch = Architecture(inputs: 5, hidden: [13, 7], task: .classification(classes: 3))
        var rng = Xoshiro(seed: 42)
        let net = MLPNetwork(arch, rates: rates, scaling: .inverted, variant: variant, initRNG: &rng, maskSeed: 7)
        net.usesFastPaths = fast
        return net
    }

    /// Forward (training and eval) and backward: bit for bit the same buffers and gradients.
    @Test(arguments: [DropoutVariant.bernoulli, .gaussian, .standout, .dropconnect])
    func fusedBlocksMatchTheLayerByLayerPath(_ variant: DropoutVariant) {
        let plain = Self.network(variant: variant, fast: false)
        let fused = Self.network(variant: variant, fast: true)
        let x = Self.values(11, 5, seed: 3)
        let dOut = Self.values(11, 3, seed: 4)
        for step in 0..<3 {
            plain.forwardTraining(x)
            fused.forwardTraining(x)
            #expect(plain.acts == fused.acts, "step \(step): activations")
            #expect(plain.dropout.map(\.mask) == fused.dropout.map(\.mask), "step \(step): masks")
            let dxPlain = plain.backward(dOut, needsInputGradient: true)
            let dxFused = fused.backward(dOut, needsInputGradient: true)
            #expect(dxPlain == dxFused, "step \(step): input gradient")
            #expect(plain.parameters.map(\.grad) == fused.parameters.map(\.grad), "step \(step): parameter gradients")
            let grid = Self.values(17, 5, seed: UInt64(10 + step))
            #expect(plain.predict(grid) == fused.predict(grid), "step \(step): eval")
            #expect(plain.evalDropoutInput(1) == fused.evalDropoutInput(1))
        }
    }

    /// `W ← W − lr·xᵀ·dy` inside the product: the plain update to float rounding; the biases
    /// exactly; under DropConnect the masked gradient is used.
    @Test(arguments: [DropoutVariant.bernoulli, .dropconnect])
    func fusedSGDMatchesBackwardThenUpdate(_ variant: DropoutVariant) {
        let plain = Self.network(variant: variant, fast: false)
        let fused = Self.network(variant: variant, fast: true)
        var optimizer = Optimizer(OptimizerSettings(kind: .sgd, learningRate: 0.1))
        #expect(optimizer.fusesIntoBackward)
        for step in 0..<5 {
            let x = Self.values(9, 5, seed: UInt64(20 + step))
            let dOut = Self.values(9, 3, seed: UInt64(40 + step))
            plain.forwardTraining(x)
            fused.forwardTraining(x)
            plain.backward(dOut)
            optimizer.update(plain.parameters)
            fused.backwardSGD(dOut, learningRate: 0.1)
            for (p, f) in zip(plain.parameters, fused.parameters) {
                for i in 0..<p.value.count {
                    let a = p.value.data[i], b = f.value.data[i]
                    #expect(abs(a - b) <= 1e-6 * max(1, abs(a)), "step \(step) \(p.name)[\(i)]: \(a) vs \(b)")
                }
            }
        }
        var decayed = OptimizerSettings(kind: .sgd, learningRate: 0.1, weightDecay: 1e-4)
        #expect(!Optimizer(decayed).fusesIntoBackward)
        decayed = OptimizerSettings(kind: .momentum, learningRate: 0.1)
        #expect(!Optimizer(decayed).fusesIntoBackward)
    }

    /// The eight-wide SGD, momentum and Adam loops: the per-element formulas exactly.
    @Test(arguments: [OptimizerKind.sgd, .momentum, .adam])
    func optimizerLoopsMatchTheFormulas(_ kind: OptimizerKind) {
        let n = 37
        let p = Parameter(name: "W", value: Self.values(1, n, seed: 5), isWeight: true)
        var w = p.value.data, m = [Float](repeating: 0, count: n), v = m
        var s = OptimizerSettings(kind: kind, learningRate: 0.05)
        s.momentum = 0.9
        var optimizer = Optimizer(s)
        for t in 1...4 {
            let g = Self.values(1, n, seed: UInt64(60 + t)).data
            p.grad = Matrix(rows: 1, cols: n, data: g)
            optimizer.update([p])
            let c1 = 1 - Float(pow(Double(s.beta1), Double(t))), c2 = 1 - Float(pow(Double(s.beta2), Double(t)))
            for i in 0..<n {
                switch kind {
                case .sgd: w[i] -= s.learningRate * g[i]
                case .momentum:
                    m[i] = s.momentum * m[i] + g[i]
                    w[i] -= s.learningRate * m[i]
                case .adam:
                    m[i] = s.beta1 * m[i] + (1 - s.beta1) * g[i]
                    v[i] = s.beta2 * v[i] + (1 - s.beta2) * g[i] * g[i]
                    w[i] -= s.learningRate * (m[i] / c1) / ((v[i] / c2).squareRoot() + s.epsilon)
                }
            }
            #expect(p.value.data == w, "update \(t)")
        }
    }

    /// A plain-SGD run with the fused step against the same run layer by layer: the same
    /// losses to float rounding, and the fused run reproduces itself exactly.
    @Test func fusedTrainingRunsMatchAndAreDeterministic() throws {
        var c = TrainingConfig()
        c.hidden = [19, 11]
        c.optimizer = .sgd
        c.learningRate = 0.05
        c.batchSize = 13
        c.evalEvery = 1000
        let fused = try Trainer(config: c), again = try Trainer(config: c), plain = try Trainer(config: c)
        plain.mlp!.usesFastPaths = false
        for _ in 0..<50 {
            let a = try #require(fused.step()), b = try #require(again.step()), p = try #require(plain.step())
            #expect(a.batchLoss == b.batchLoss)
            #expect(abs(a.batchLoss - p.batchLoss) <= 1e-3 * max(1, abs(p.batchLoss)))
        }
        #expect(fused.mlp!.weights == again.mlp!.weights)
        #expect(fused.optimizer.t == plain.optimizer.t)
    }
}
