import Testing
@testable import DropoutCore

@Suite struct OptimizerTests {
    func param(_ w: [Float], grad: [Float], isWeight: Bool = true) -> Parameter {
        let p = Parameter(name: "W", value: Matrix(rows: 1, cols: w.count, data: w), isWeight: isWeight)
        p.grad = Matrix(rows: 1, cols: grad.count, data: grad)
        return p
    }

    @Test func sgdStepsAgainstTheGradient() {
        var o = Optimizer(OptimizerSettings(kind: .sgd, learningRate: 0.1))
        let p = param([1, -2], grad: [0.5, -1])
        o.update([p])
        #expect(p.value.data == [0.95, -1.9])
    }

    @Test func momentumAccumulatesVelocity() {
        var o = Optimizer(OptimizerSettings(kind: .momentum, learningRate: 0.1))
        let p = param([0], grad: [1])
        o.update([p])
        p.grad = Matrix(rows: 1, cols: 1, data: [1])
        o.update([p])
        // v1 = 1, v2 = 0.9 + 1 = 1.9; w = -0.1 - 0.19
        #expect(abs(p.value.data[0] + 0.29) < 1e-6)
    }

    @Test func adamFirstStepIsTheLearningRateTimesTheSign() {
        var o = Optimizer(OptimizerSettings(kind: .adam, learningRate: 0.01))
        let p = param([1, 1], grad: [3, -0.002])
        o.update([p])
        #expect(abs(p.value.data[0] - 0.99) < 1e-5)
        #expect(abs(p.value.data[1] - 1.01) < 1e-5)
    }

    @Test func weightDecayAndL1ApplyToWeightsOnly() {
        var o = Optimizer(OptimizerSettings(kind: .sgd, learningRate: 1, weightDecay: 0.1, l1: 0.01))
        let w = param([2, -3], grad: [0, 0])
        let b = param([2], grad: [0], isWeight: false)
        o.update([w, b])
        #expect(abs(w.value.data[0] - (2 - 0.2 - 0.01)) < 1e-6)
        #expect(abs(w.value.data[1] - (-3 + 0.3 + 0.01)) < 1e-6)
        #expect(b.value.data == [2])
    }
}
