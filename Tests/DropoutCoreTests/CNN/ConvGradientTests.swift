import Testing
@testable import DropoutCore

/// Finite-difference checks of the convolutional layers: the convolution (both paddings,
/// several channels), pooling, flatten, and each conv dropout variant under a fixed mask.
@Suite struct ConvGradientTests {
    /// Checks dx (and parameter gradients) of `forward`/`backward` against finite differences of
    /// the probe Σ c⊙y. `training` runs the forward in training mode (fixed masks).
    func check(_ layers: [any Layer], x: Matrix, training: Bool = false, tolerance: Float = 2e-2, h: Float = 1e-2) {
        func run(_ input: Matrix) -> [Matrix] {
            var acts = [input]
            for l in layers {
                var y = Matrix(rows: 0, cols: 0)
                l.forward(acts[acts.count - 1], into: &y, training: training)
                acts.append(y)
            }
            return acts
        }
        let acts = run(x)
        let c = GradientCheck.random(acts[acts.count - 1].rows, acts[acts.count - 1].cols, seed: 99)
        var dy = c
        for i in stride(from: layers.count - 1, through: 0, by: -1) {
            var dx = Matrix(rows: 0, cols: 0)
            layers[i].backward(x: acts[i], y: acts[i + 1], dy: dy, dx: &dx, needsInputGradient: true)
            dy = dx
        }
        let analyticParameters = layers.flatMap(\.parameters).map(\.grad.data)
        let numericDx = GradientCheck.numeric(x.data, h: h) { xs in
            GradientCheck.probe(run(Matrix(rows: x.rows, cols: x.cols, data: xs)).last ?? x, c)
        }
        #expect(GradientCheck.relativeError(dy.data, numericDx) < tolerance, "dx of \(layers.map { type(of: $0) })")
        for (p, analytic) in zip(layers.flatMap(\.parameters), analyticParameters) {
            let numericP = GradientCheck.numeric(p, h: h) { GradientCheck.probe(run(x).last ?? x, c) }
            #expect(GradientCheck.relativeError(analytic, numericP) < tolerance, "d\(p.name)")
        }
    }

    /// Inputs whose values are all at least 0.05 apart (a shuffled grid), so that a ±h step
    /// never changes which unit of a pooling window is the largest.
    func distinct(_ rows: Int, _ cols: Int, seed: UInt64, offset: Float = -1) -> Matrix {
        var values = (0..<(rows * cols)).map { Float($0) * 0.05 + offset }
        var rng = Xoshiro(seed: seed)
        values.seededShuffle(using: &rng)
        return Matrix(rows: rows, cols: cols, data: values)
    }

    @Test(arguments: ConvPadding.allCases)
    func convolution(_ padding: ConvPadding) {
        var rng = Xoshiro(seed: 11)
        for (cin, cout, side, k) in [(1, 3, 5, 3), (2, 3, 5, 3), (3, 2, 6, 1), (2, 2, 7, 5)] {
            let shape = FeatureMapShape(channels: cin, height: side, width: side)
            let conv = Conv2DLayer(input: shape, outputChannels: cout, kernel: k, padding: padding, rng: &rng)
            conv.bias.value = GradientCheck.random(1, cout, seed: 5)
            #expect(conv.output.height == (padding == .same ? side : side - k + 1))
            check([conv], x: GradientCheck.random(3, shape.count, seed: 4))
        }
    }

    /// The product formulation against the definition, term by term, on a small example.
    @Test(arguments: ConvPadding.allCases)
    func convolutionMatchesTheDefinition(_ padding: ConvPadding) {
        var rng = Xoshiro(seed: 2)
        let s = FeatureMapShape(channels: 2, height: 4, width: 5)
        let conv = Conv2DLayer(input: s, outputChannels: 3, kernel: 3, padding: padding, rng: &rng)
        conv.bias.value = GradientCheck.random(1, 3, seed: 3)
        let x = GradientCheck.random(2, s.count, seed: 7)
        var y = Matrix(rows: 0, cols: 0)
        conv.forward(x, into: &y, training: false)
        let pad = padding.pad(kernel: 3), o = conv.output
        for n in 0..<2 {
            for oc in 0..<3 {
                for i in 0..<o.height {
                    for j in 0..<o.width {
                        var sum = Double(conv.bias.value[0, oc])
                        for c in 0..<2 {
                            for u in 0..<3 {
                                for v in 0..<3 {
                                    let yi = i + u - pad, xj = j + v - pad
                                    guard yi >= 0, yi < s.height, xj >= 0, xj < s.width else { continue }
                                    sum += Double(conv.weight.value[oc, (c * 3 + u) * 3 + v]) * Double(x[n, s.index(c, yi, xj)])
                                }
                            }
                        }
                        #expect(abs(Double(y[n, o.index(oc, i, j)]) - sum) < 1e-4)
                    }
                }
            }
        }
    }

    @Test func pooling() {
        let pool = MaxPool2DLayer(input: FeatureMapShape(channels: 3, height: 4, width: 5))
        #expect(pool.output == FeatureMapShape(channels: 3, height: 2, width: 2))
        check([pool], x: distinct(2, 60, seed: 3))
    }

    @Test func flatten() {
        check([FlattenLayer(FeatureMapShape(channels: 2, height: 3, width: 3))], x: GradientCheck.random(4, 18, seed: 6))
    }

    /// Under a fixed mask every unit-masking variant is `y = x ⊙ m`: dx = dy ⊙ m exactly.
    @Test(arguments: [ConvDropoutVariant.elementwise, .spatial, .dropblock])
    func dropoutUnderFixedMask(_ variant: ConvDropoutVariant) {
        let shape = FeatureMapShape(channels: 4, height: 6, width: 6)
        let d = ConvDropoutLayer(shape: shape, rate: 0.4, variant: variant, blockSize: 2, rng: Xoshiro(seed: 8))
        d.drawMask(rows: 3)
        d.setMask(d.mask)
        #expect(d.mask.data.contains(0), "the mask drops something")
        check([d], x: GradientCheck.random(3, shape.count, seed: 9), training: true)
    }

    /// Max-pooling dropout under a fixed 0/1 mask: the max over m ⊙ x, gradient to the largest
    /// kept unit (post-ReLU inputs, ≥ 0, as in the network).
    @Test func maxPoolingDropoutUnderFixedMask() {
        let shape = FeatureMapShape(channels: 2, height: 4, width: 4)
        let d = ConvDropoutLayer(shape: shape, rate: 0.5, variant: .maxpool, rng: Xoshiro(seed: 10))
        let pool = MaxPool2DLayer(input: shape)
        pool.poolDropout = d
        d.drawMask(rows: 3)
        d.setMask(d.mask)
        #expect(Set(d.mask.data) == [0, 1], "Wu & Gu's mask keeps units unscaled")
        check([d, pool], x: distinct(3, shape.count, seed: 12, offset: 0.1), training: true)
    }

    /// A whole CNN under fixed masks (every conv variant): the network's backward against
    /// finite differences of the loss with respect to a few weights of each layer.
    @Test(arguments: ConvDropoutVariant.allCases)
    func wholeNetwork(_ variant: ConvDropoutVariant) {
        var settings = ConvSettings()
        settings.channels = [3, 4]
        settings.variant = variant
        settings.rates = [0.3, 0.3]
        var rng = Xoshiro(seed: 21)
        let net = ConvNetwork(settings, input: FeatureMapShape(channels: 1, height: 6, width: 6), hidden: [5], task: .classification(classes: 3),
                              activations: [.tanh], headRates: [0, 0], scaling: .inverted, variant: .bernoulli, initRNG: &rng, maskSeed: 4)
        let x = GradientCheck.random(4, 36, seed: 13)
        let labels = Targets.classes([0, 2, 1, 2])
        net.forwardTraining { $0 = x }
        for d in net.convDropout { d.setMask(d.mask) }
        var grad: Matrix? = Matrix(rows: 0, cols: 0)
        _ = Loss.evaluate(net.output, labels, gradient: &grad)
        net.backward(grad ?? Matrix(rows: 0, cols: 0))
        for p in net.parameters {
            let analytic = Array(p.grad.data.prefix(6))
            let original = p.value.data
            let numeric = GradientCheck.numeric(Array(original.prefix(6)), h: 1e-3) { head in
                p.value.data = head + original.dropFirst(6)
                net.forwardTraining { $0 = x }
                var none: Matrix? = nil
                return Double(Loss.evaluate(net.output, labels, gradient: &none).loss)
            }
            p.value.data = original
            #expect(GradientCheck.relativeError(analytic, numeric) < 5e-2, "\(variant) d\(p.name) \(analytic) \(numeric)")
        }
    }
}
