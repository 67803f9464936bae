import Testing
@testable import DropoutCore

@Suite struct LayerGradientTests {
    /// Checks dx (and parameter gradients) of `layer` against finite differences of Σ c⊙y.
    func check(_ layer: any Layer, x input: Matrix, training: Bool = false, tolerance: Float = 2e-2, avoidKinks: Bool = false) {
        var x = input
        if avoidKinks {
            // ReLU-like layers are not differentiable at 0: keep inputs away from it.
            for i in 0..<x.count where abs(x.data[i]) < 0.1 { x.data[i] = x.data[i] < 0 ? -0.3 : 0.3 }
        }
        var y = Matrix(rows: 0, cols: 0)
        layer.forward(x, into: &y, training: training)
        let c = GradientCheck.random(y.rows, y.cols, seed: 99)
        var dx = Matrix(rows: 0, cols: 0)
        layer.backward(x: x, y: y, dy: c, dx: &dx, needsInputGradient: true)
        let numericDx = GradientCheck.numeric(x.data) { xs in
            var out = Matrix(rows: 0, cols: 0)
            layer.forward(Matrix(rows: x.rows, cols: x.cols, data: xs), into: &out, training: false)
            return GradientCheck.probe(out, c)
        }
        #expect(GradientCheck.relativeError(dx.data, numericDx) < tolerance, "dx of \(type(of: layer))")
        for p in layer.parameters {
            let analytic = p.grad.data
            let numericP = GradientCheck.numeric(p) {
                var out = Matrix(rows: 0, cols: 0)
                layer.forward(x, into: &out, training: false)
                return GradientCheck.probe(out, c)
            }
            #expect(GradientCheck.relativeError(analytic, numericP) < tolerance, "d\(p.name) of \(type(of: layer))")
        }
    }

    @Test func denseLayer() {
        var rng = Xoshiro(seed: 3)
        for initialization in Initialization.allCases {
            let d = DenseLayer(inputs: 5, outputs: 4, initialization: initialization, rng: &rng)
            d.bias.value = GradientCheck.random(1, 4, seed: 5)
            check(d, x: GradientCheck.random(6, 5, seed: 4))
        }
    }

    @Test(arguments: Activation.allCases)
    func activationLayer(_ f: Activation) {
        check(ActivationLayer(f, width: 7), x: GradientCheck.random(5, 7, seed: 8), avoidKinks: f == .relu || f == .leakyRelu)
    }

    @Test(arguments: [Scaling.inverted, .vanilla, .none])
    func dropoutUnderFixedMask(_ scaling: Scaling) {
        // Under a fixed mask dropout is linear: y = x ⊙ m, so dx = dy ⊙ m exactly.
        let d = DropoutLayer(width: 6, rate: 0.4, scaling: scaling, rng: Xoshiro(seed: 1))
        let x = GradientCheck.random(4, 6, seed: 2)
        var y = Matrix(rows: 0, cols: 0)
        d.forward(x, into: &y, training: true)
        let mask = d.mask
        let c = GradientCheck.random(4, 6, seed: 9)
        var dx = Matrix(rows: 0, cols: 0)
        d.backward(x: x, y: y, dy: c, dx: &dx, needsInputGradient: true)
        let numeric = GradientCheck.numeric(x.data) { xs in
            var s: Double = 0
            for i in xs.indices { s += Double(xs[i] * mask.data[i]) * Double(c.data[i]) }
            return s
        }
        #expect(GradientCheck.relativeError(dx.data, numeric) < 1e-2)
        for i in 0..<dx.count { #expect(dx.data[i] == c.data[i] * mask.data[i]) }
    }

    @Test func softmaxCrossEntropyGradient() {
        let z = GradientCheck.random(5, 4, seed: 11, scale: 2)
        let labels = [0, 3, 1, 1, 2]
        var g: Matrix? = Matrix(rows: 0, cols: 0)
        _ = Loss.softmaxCrossEntropy(logits: z, labels: labels, gradient: &g)
        let numeric = GradientCheck.numeric(z.data, h: 1e-3) { zs in
            var none: Matrix? = nil
            return Double(Loss.softmaxCrossEntropy(logits: Matrix(rows: 5, cols: 4, data: zs), labels: labels, gradient: &none).loss)
        }
        #expect(GradientCheck.relativeError(g!.data, numeric) < 2e-2)
    }

    @Test func softmaxCrossEntropyValue() {
        // Uniform logits over k classes: the loss is log k.
        let z = Matrix(rows: 3, cols: 4, repeating: 0.7)
        var none: Matrix? = nil
        let (loss, _) = Loss.softmaxCrossEntropy(logits: z, labels: [0, 1, 2], gradient: &none)
        #expect(abs(loss - Float(log(4.0))) < 1e-6)
    }

    @Test func meanSquaredErrorGradient() {
        let y = GradientCheck.random(4, 2, seed: 12)
        let t = GradientCheck.random(4, 2, seed: 13)
        var g: Matrix? = Matrix(rows: 0, cols: 0)
        let loss = Loss.meanSquaredError(predictions: y, targets: t, gradient: &g)
        var expected: Float = 0
        for i in 0..<y.count { expected += (y.data[i] - t.data[i]) * (y.data[i] - t.data[i]) }
        #expect(abs(loss - expected / 8) < 1e-5)
        let numeric = GradientCheck.numeric(y.data, h: 1e-3) { ys in
            var none: Matrix? = nil
            return Double(Loss.meanSquaredError(predictions: Matrix(rows: 4, cols: 2, data: ys), targets: t, gradient: &none))
        }
        #expect(GradientCheck.relativeError(g!.data, numeric) < 2e-2)
    }
}

import Foundation
