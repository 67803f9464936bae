import Foundation
import Testing
@testable import DropoutCore

/// The fast paths of the training step compute what the plain formulas do: the same outputs
/// and gradients on random inputs (exactly, or to float rounding where the order of the
/// arithmetic changed), and the step reuses its buffers in steady state.
@Suite struct FastPathTests {
    /// Standard-normal values with some exact zeros (ReLU's kink) and negative zeros.
    static func values(_ rows: Int, _ cols: Int, seed: UInt64) -> Matrix {
        var rng = Xoshiro(seed: seed)
        var m = Matrix(rows: rows, cols: cols)
        for i in 0..<m.count {
            switch i % 11 {
            case 3: m.data[i] = 0
            case 7: m.data[i] = -0.0
            default: m.data[i] = rng.normal()
            }
        }
        return m
    }

    /// ReLU's own loops give exactly `apply` and `dy · derivative`, element by element.
    @Test(arguments: [Activation.relu, .leakyRelu, .tanh, .sigmoid, .identity])
    func activationLoopsMatchTheFormulas(_ f: Activation) {
        let layer = ActivationLayer(f, width: 37)
        let x = Self.values(13, 37, seed: 1)
        let dy = Self.values(13, 37, seed: 2)
        var y = Matrix(rows: 0, cols: 0), dx = Matrix(rows: 0, cols: 0)
        layer.forward(x, into: &y, training: true)
        layer.backward(x: x, y: y, dy: dy, dx: &dx, needsInputGradient: true)
        #expect(y.rows == 13 && y.cols == 37 && dx.rows == 13 && dx.cols == 37)
        for i in 0..<x.count {
            let yi = f.apply(x.data[i])
            #expect(y.data[i] == yi, "y[\(i)] for x = \(x.data[i])")
            #expect(dx.data[i] == dy.data[i] * f.derivative(x: x.data[i], y: yi), "dx[\(i)] for x = \(x.data[i])")
        }
    }

    /// The loss writing through a pointer (the gradient taken out of its optional) gives the
    /// textbook formula's loss, count and gradient, and the same loss without a gradient.
    @Test func softmaxCrossEntropyMatchesTheFormula() throws {
        let z = Self.values(9, 5, seed: 3)
        let labels = [0, 4, 2, 2, 1, 3, 0, 4, 1]
        var dz: Matrix? = Matrix(rows: 1, cols: 1)
        let (loss, correct) = Loss.softmaxCrossEntropy(logits: z, labels: labels, gradient: &dz)
        var none: Matrix? = nil
        let plain = Loss.softmaxCrossEntropy(logits: z, labels: labels, gradient: &none)
        #expect(none == nil)
        #expect(plain.loss == loss && plain.correct == correct)

        var total = 0.0, right = 0
        let g = try #require(dz)
        #expect(g.rows == 9 && g.cols == 5)
        for r in 0..<9 {
            let row = (0..<5).map { Double(z[r, $0]) }
            let m = row.max() ?? 0
            let logSum = m + log(row.map { exp($0 - m) }.reduce(0, +))
            total += logSum - row[labels[r]]
            if row.firstIndex(of: m) == labels[r] { right += 1 }
            for j in 0..<5 {
                let expected = (exp(row[j] - logSum) - (j == labels[r] ? 1 : 0)) / 9
                #expect(abs(Double(g[r, j]) - expected) < 1e-6, "dz[\(r), \(j)]")
            }
        }
        #expect(abs(Double(loss) - total / 9) < 1e-5)
        #expect(correct == right)
    }

    /// Training's backward skips the input gradient of the first dense layer, and passes the
    /// output gradient without storing it: every parameter gradient is the same as with the
    /// full backward a gradient check runs.
    @Test(arguments: [[Float(0), 0.5, 0.5], [0.2, 0.5, 0.3]])
    func trainingBackwardGivesTheFullBackwardsGradients(rates: [Float]) {
        var initRNG = Xoshiro(seed: 5)
        let arch = Architecture(inputs: 7, hidden: [12, 9], task: .classification(classes: 4))
        let net = MLPNetwork(arch, rates: rates, scaling: .inverted, variant: .bernoulli, initRNG: &initRNG, maskSeed: 6)
        net.forwardTraining(Self.values(8, 7, seed: 7))
        var dz: Matrix? = Matrix(rows: 0, cols: 0)
        Loss.softmaxCrossEntropy(logits: net.output, labels: [0, 1, 2, 3, 3, 2, 1, 0], gradient: &dz)
        let dOutput = dz ?? Matrix(rows: 0, cols: 0)
        net.backward(dOutput, needsInputGradient: true)
        let full = net.parameters.map(\.grad)
        for p in net.parameters { p.grad.fill(.nan) }
        net.backward(dOutput)
        #expect(net.parameters.map(\.grad) == full)
    }

    /// The four-units-a-draw mask is, unit by unit, the plain rule on the same stream: the
    /// `k`-th 16-bit field (low first) of each 64-bit draw is `u`, and the unit is 0 when
    /// `u < round(p·65536)`, else the kept scale; odd sizes end with a partial draw.
    @Test(arguments: [(Float(0.5), 13, 37), (0.1, 1, 1), (0.9, 7, 3), (0.3, 5, 16), (0.999_99, 3, 5)])
    func maskDrawMatchesThePlainRule(p: Float, rows: Int, cols: Int) {
        let kept: Float = 1 / (1 - p)
        var m = Matrix(rows: rows, cols: cols)
        var rng = Xoshiro(seed: 11)
        DropoutLayer.fillBernoulli(&m, rate: p, kept: kept, rng: &rng)
        var plain = Xoshiro(seed: 11)
        let threshold = UInt64((Double(p) * 65536).rounded())
        var r: UInt64 = 0
        for i in 0..<m.count {
            if i % 4 == 0 { r = plain.next() }
            let u = (r >> (16 * UInt64(i % 4))) & 0xFFFF
            let expected: Float = u < min(threshold, 65535) ? 0 : kept
            #expect(m.data[i].bitPattern == expected.bitPattern, "unit \(i)")
        }
        #expect(rng == plain, "the stream moves by one draw per four units")
        #expect(abs(DropoutLayer.effectiveRate(p) - Double(p)) <= 1.0 / 65536)
    }

    /// Recording a step's masks (vector compares, rows summed in Float) gives the plain counts
    /// and moments: per-column drops exactly, the gate sums to float rounding.
    @Test(arguments: [Float(0.5), 0.2])
    func dropStatisticsMatchThePlainCount(p: Float) throws {
        var initRNG = Xoshiro(seed: 12)
        let arch = Architecture(inputs: 5, hidden: [13, 37], task: .classification(classes: 3))
        let net = MLPNetwork(arch, rates: [p, p, p], scaling: .inverted, variant: .bernoulli, initRNG: &initRNG, maskSeed: 13)
        var stats = DropStatistics()
        var dropped = [[Int]](repeating: [], count: 3), sums = [Double](repeating: 0, count: 3)
        var squares = sums
        for d in 0..<3 { dropped[d] = Array(repeating: 0, count: net.dropout[d].width) }
        for step in 0..<4 {
            net.forwardTraining(Self.values(9 + step, 5, seed: UInt64(20 + step)))
            stats.record(net)
            for (d, layer) in net.dropout.enumerated() {
                let m = layer.mask
                for r in 0..<m.rows {
                    for j in 0..<m.cols {
                        let g = Double(m[r, j])
                        if g == 0 { dropped[d][j] += 1 }
                        sums[d] += g
                        squares[d] += g * g
                    }
                }
            }
        }
        for d in 0..<3 {
            let s = try #require(stats[position: d])
            #expect(s.dropped == dropped[d])
            #expect(s.totalDropped == dropped[d].reduce(0, +))
            #expect(abs(s.gateSum - sums[d]) <= 1e-5 * max(1, sums[d]))
            #expect(abs(s.gateSumOfSquares - squares[d]) <= 1e-5 * max(1, squares[d]))
        }
    }

    /// In steady state a step allocates no buffer: the activations, the masks, the gradients
    /// and the weights keep their storage from one step to the next (a copy-on-write copy or a
    /// fresh array would move them).
    @Test func stepReusesItsBuffers() throws {
        let trainer = try Self.syntheticTrainer()
        for _ in 0..<3 { trainer.step() }
        let before = Self.bufferAddresses(trainer)
        for _ in 0..<5 { trainer.step() }
        let after = Self.bufferAddresses(trainer)
        #expect(before.count > 10)
        #expect(after == before)
    }

    static func bufferAddresses(_ trainer: Trainer) -> [UInt] {
        func address(_ m: Matrix) -> UInt {
            m.data.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        }
        let net = trainer.mlp!
        var targets: UInt = 0
        if case .classes(let labels) = trainer.batchTargets {
            targets = labels.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        }
        return net.acts.map(address) + net.dropout.map { address($0.mask) }
            + net.parameters.flatMap { [address($0.grad), address($0.value)] }
            + [address(trainer.dOutput ?? Matrix(rows: 0, cols: 0)), targets]
    }

    static func syntheticTrainer() throws -> Trainer {
        var rng = Xoshiro(seed: 8)
        let n = 64, inputs = 6, classes = 3
        var x = Matrix(rows: n, cols: inputs)
        for i in 0..<x.count { x.data[i] = rng.normal() }
        let labels = (0..<n).map { _ in rng.below(classes) }
        let data = Dataset(name: "synthetic", features: x, targets: .classes(labels), task: .classification(classes: classes))
        let split = try DataSplit(data, valFraction: 0.25, trainSize: nil, rng: &rng)
        var config = TrainingConfig()
        config.hidden = [16, 16]
        config.rates = [0.2, 0.5, 0.5]
        config.optimizer = .sgd
        config.batchSize = 8
        config.evalEvery = 1_000_000
        return try Trainer(config: config, data: split)
    }
}
