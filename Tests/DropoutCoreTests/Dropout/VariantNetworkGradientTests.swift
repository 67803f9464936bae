import Foundation
import Testing
@testable import DropoutCore

/// Whole networks under DropConnect and standout, with the masks and gates of one training
/// pass held fixed: every weight's and the input's gradient agrees with finite differences.
@Suite struct VariantNetworkGradientTests {
    @Test(arguments: [(DropoutVariant.dropconnect, Scaling.inverted), (.dropconnect, .vanilla), (.standout, .inverted)])
    func wholeNetworkUnderFixedMasks(variant: DropoutVariant, scaling: Scaling) {
        var initRNG = Xoshiro(seed: 21)
        let arch = Architecture(inputs: 3, hidden: [6, 5], task: .classification(classes: 3), activation: .tanh)
        let net = MLPNetwork(arch, rates: [0.2, 0.5, 0.4], scaling: scaling, variant: variant, initRNG: &initRNG, maskSeed: 4)
        let x = GradientCheck.random(4, 3, seed: 22)
        let labels = [2, 0, 1, 1]
        net.forwardTraining(x)
        let masks = net.dropout.map(\.mask), weightMasks = net.dropout.map(\.weightMask)
        if variant == .dropconnect {
            #expect(net.dropout[1].weightMask.data.contains(0) && net.dropout[2].weightMask.data.contains(0))
        } else {
            #expect(net.dropout[1].mask.data.contains(0))
        }
        var dz: Matrix? = Matrix(rows: 0, cols: 0)
        Loss.softmaxCrossEntropy(logits: net.output, labels: labels, gradient: &dz)
        let dx = net.backward(dz!, needsInputGradient: true)

        // The loss with every mask and gate held: weights masked where the last pass masked
        // them, units multiplied by the stored unit masks.
        func loss(_ input: Matrix) -> Double {
            var a = input
            for layer in net.layers {
                var next = Matrix(rows: 0, cols: 0)
                if let d = layer as? DropoutLayer {
                    next.reshape(rows: a.rows, cols: a.cols)
                    for i in 0..<a.count { next.data[i] = a.data[i] * d.mask.data[i] }
                } else if let dense = layer as? DenseLayer {
                    var w = dense.weight.value
                    if let g = dense.connectionDropout, g.weightMaskApplied {
                        for i in 0..<w.count { w.data[i] *= g.weightMask.data[i] }
                    }
                    next.reshape(rows: a.rows, cols: dense.outputWidth)
                    for r in 0..<a.rows {
                        for j in 0..<dense.outputWidth {
                            var s = dense.bias.value.data[j]
                            for i in 0..<a.cols { s += a[r, i] * w[i, j] }
                            next[r, j] = s
                        }
                    }
                } else {
                    layer.forward(a, into: &next, training: false)
                }
                a = next
            }
            var none: Matrix? = nil
            return Double(Loss.softmaxCrossEntropy(logits: a, labels: labels, gradient: &none).loss)
        }
        for p in net.parameters {
            let analytic = p.grad.data
            let numeric = GradientCheck.numeric(p, h: 5e-3) { loss(x) }
            #expect(GradientCheck.relativeError(analytic, numeric) < 3e-2, "\(p.name)")
        }
        let numericX = GradientCheck.numeric(x.data, h: 5e-3) { xs in loss(Matrix(rows: 4, cols: 3, data: xs)) }
        #expect(GradientCheck.relativeError(dx.data, numericX) < 3e-2)
        #expect(net.dropout.map(\.mask) == masks)
        #expect(net.dropout.map(\.weightMask) == weightMasks)
    }
}
