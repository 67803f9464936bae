import Testing
@testable import DropoutCore

@Suite struct NetworkGradientTests {
    /// A whole network (input dropout, two hidden layers with dropout) under a fixed mask:
    /// every weight's and the input's gradient agrees with finite differences of the loss
    /// computed with the same masks. One activation for both layers, or one each (ReLU then
    /// tanh: the first block runs the fused ReLU path, the second the layer-by-layer one).
    @Test(arguments: [([Activation.tanh], Scaling.inverted), ([.sigmoid], .vanilla), ([.tanh], .none), ([.relu, .tanh], .inverted)])
    func wholeNetworkUnderFixedMask(activations: [Activation], scaling: Scaling) {
        var initRNG = Xoshiro(seed: 21)
        let arch = Architecture(inputs: 3, hidden: [6, 5], task: .classification(classes: 3), activations: activations)
        let net = MLPNetwork(arch, rates: [0.2, 0.5, 0.3], scaling: scaling, variant: .bernoulli, initRNG: &initRNG, maskSeed: 4)
        #expect(net.layers.compactMap { ($0 as? ActivationLayer)?.activation } == (activations.count == 1 ? [activations[0], activations[0]] : activations))
        let x = GradientCheck.random(4, 3, seed: 22)
        let labels = [2, 0, 1, 1]
        net.forwardTraining(x)
        let masks = net.dropout.map(\.mask)
        #expect(masks.contains { $0.data.contains(0) }, "the fixed masks drop something")
        var dz: Matrix? = Matrix(rows: 0, cols: 0)
        Loss.softmaxCrossEntropy(logits: net.output, labels: labels, gradient: &dz)
        let dx = net.backward(dz!, needsInputGradient: true)

        // The loss with the masks held fixed: re-run the training pass with the stored masks.
        func loss(_ input: Matrix) -> Double {
            var a = input
            var next = Matrix(rows: 0, cols: 0)
            for layer in net.layers {
                if let d = layer as? DropoutLayer {
                    next.reshape(rows: a.rows, cols: a.cols)
                    for i in 0..<a.count { next.data[i] = a.data[i] * d.mask.data[i] }
                } else {
                    layer.forward(a, into: &next, training: false)
                }
                swap(&a, &next)
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
        // The masks were not redrawn by the checks.
        #expect(net.dropout.map(\.mask) == masks)
    }
}
