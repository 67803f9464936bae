import Testing
import Foundation
@testable import DropoutCore

/// Backpropagation through time against central finite differences, for every recurrent
/// variant under a fixed set of masks (drawn once, then reused by every perturbed forward).
@Suite struct LSTMGradientTests {
    static let D = 2, H = 3, T = 5, B = 3

    func model(_ variant: RecurrentDropoutVariant, readout: SequenceReadout, rate: Float) -> LSTMNetwork {
        var initRNG = Xoshiro(seed: 11)
        let outputs = readout == .last ? 2 : 2 * Self.T
        let net = LSTMNetwork(inputs: Self.D, hidden: Self.H, steps: Self.T, task: .regression(outputs: outputs), readout: readout,
                              variant: variant, rate: rate, inputRate: rate, initRNG: &initRNG, maskSeed: 5)
        // Larger weights than the initialisation's, so that every gate works away from its
        // linear region and a wrong derivative cannot hide.
        for p in net.parameters {
            let r = GradientCheck.random(p.value.rows, p.value.cols, seed: UInt64(p.value.count), scale: 0.7)
            p.value = r
        }
        return net
    }

    @Test(arguments: RecurrentDropoutVariant.allCases, [SequenceReadout.last, .everyStep])
    func gradientsThroughTime(variant: RecurrentDropoutVariant, readout: SequenceReadout) {
        let net = model(variant, readout: readout, rate: 0.4)
        let x = GradientCheck.random(Self.B, Self.T * Self.D, seed: 21)
        net.forwardTraining(x)
        // The masks are those of this variant, and not all ones (the check must see them).
        let drawn = net.lstm.masks.state(variant)
        #expect(drawn.count == Self.T)
        #expect(drawn.contains { $0.data.contains(0) })
        let c = GradientCheck.random(net.output.rows, net.output.cols, seed: 31)
        let dx = net.backward(c, needsInputGradient: true)
        func loss() -> Double {
            net.forwardTraining(x, drawMasks: false)
            return GradientCheck.probe(net.output, c)
        }
        let tolerance: Float = 2e-2
        for p in net.parameters {
            let analytic = p.grad.data
            let numeric = GradientCheck.numeric(p, h: 1e-2, loss: loss)
            #expect(GradientCheck.relativeError(analytic, numeric) < tolerance, "d\(p.name), \(variant), \(readout)")
        }
        let numericDx = GradientCheck.numeric(x.data, h: 1e-2) { xs in
            net.forwardTraining(Matrix(rows: x.rows, cols: x.cols, data: xs), drawMasks: false)
            return GradientCheck.probe(net.output, c)
        }
        #expect(GradientCheck.relativeError(dx.data, numericDx) < tolerance, "dx, \(variant), \(readout)")
    }

    /// At rate 0 every variant is the plain LSTM: the same outputs, and training equals eval.
    @Test func rateZeroIsThePlainLSTM() {
        let x = GradientCheck.random(Self.B, Self.T * Self.D, seed: 22)
        var outputs: [Matrix] = []
        for v in RecurrentDropoutVariant.allCases {
            let net = model(v, readout: .everyStep, rate: 0)
            net.forwardTraining(x)
            #expect(net.output == net.predict(x), "\(v)")
            outputs.append(net.output)
        }
        #expect(Set(outputs.map(\.data)).count == 1)
    }

    /// The forward pass against the formulas written out for one sequence, step by step, in
    /// Double (RNNDrop with its cell mask, so that the mask's place in the recurrence is checked).
    @Test func forwardMatchesTheFormulas() {
        let net = model(.rnndrop, readout: .last, rate: 0.5)
        let x = GradientCheck.random(1, Self.T * Self.D, seed: 23)
        net.forwardTraining(x)
        let l = net.lstm, H = Self.H, D = Self.D
        func w(_ p: Parameter, _ r: Int, _ col: Int) -> Double { Double(p.value[r, col]) }
        var h = [Double](repeating: 0, count: H), c = h
        for t in 0..<Self.T {
            let m = l.masks.cell[t]
            var a = [Double](repeating: 0, count: 4 * H)
            for k in 0..<(4 * H) {
                a[k] = w(l.b, 0, k)
                for d in 0..<D { a[k] += Double(x[0, t * D + d]) * w(l.Wx, d, k) }
                for j in 0..<H { a[k] += h[j] * w(l.Wh, j, k) }
            }
            func σ(_ v: Double) -> Double { 1 / (1 + exp(-v)) }
            for j in 0..<H {
                let i = σ(a[j]), f = σ(a[H + j]), g = tanh(a[3 * H + j])
                c[j] = Double(m[0, j]) * (f * c[j] + i * g)
            }
            for j in 0..<H { h[j] = σ(a[2 * H + j]) * tanh(c[j]) }
            for j in 0..<H {
                #expect(abs(Double(l.trace.h[t][0, j]) - h[j]) < 1e-4, "h[\(t)][\(j)]")
                #expect(abs(Double(l.trace.c[t][0, j]) - c[j]) < 1e-4, "c[\(t)][\(j)]")
            }
        }
    }
}
