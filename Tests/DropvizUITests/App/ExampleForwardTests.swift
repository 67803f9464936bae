import DropoutCore
@testable import DropvizUI
import TermUI
import Testing

/// `view` reads the one-example eval passes `update` derived on `Msg.frame`
/// (ExampleForward.swift) and runs no forward pass of its own: each model's eval scratch
/// buffers are set by a pass over a sentinel input after the frame's update, and must still
/// hold it after two renders; the stored values equal a direct computation.
@Suite struct ExampleForwardTests {
    /// `m` with 1 added to every entry: an input no view would pass.
    static func sentinel(_ m: Matrix) -> Matrix {
        Matrix(rows: m.rows, cols: m.cols, data: m.data.map { $0 + 1 })
    }

    /// Renders `s` twice with `view` alone; the two screens are the same.
    static func renderTwice(_ s: AppState) {
        var a = Buffer(width: s.width, height: s.height), b = a
        view(s, into: &a)
        view(s, into: &b)
        #expect(a.lines() == b.lines())
    }

    @Test(arguments: [false, true], [DropoutVariant.bernoulli, .standout, .dropconnect])
    func mlpDiagramAndMathsPanelDoNotRunTheNetwork(evalView: Bool, variant: DropoutVariant) throws {
        var s = try Fixtures.state(width: 160, height: 45, hidden: [8, 8], variant: variant)
        s.panel = .maths
        s.selectedLayer = 1
        s.evalView = evalView
        for _ in 0..<3 { update(&s, .step) }
        update(&s, .frame)
        let net = try #require(s.trainer.mlp)
        let example = ExampleForwards.diagramExample(s, net, firstPosition: 0)
        // The stored values are those of a direct pass over the example.
        let direct = ExampleForwards.Dense(net, example)
        let stored = s.exampleForwards.dense(net, input: example, step: s.trainer.currentStep)
        #expect(stored.output == direct.output && stored.inputs == direct.inputs
                && stored.outputs == direct.outputs && stored.preActivations == direct.preActivations)
        #expect(s.exampleForwards.dense.contains { $0.key == .init(net, step: s.trainer.currentStep, input: example) })
        let sentinel = Self.sentinel(example)
        _ = net.predict(sentinel)
        Self.renderTwice(s)
        #expect(net.evalDropoutInput(0).data == sentinel.data)
    }

    @Test(arguments: [0, 2])
    func convDiagramDoesNotRunTheNetwork(selected: Int) throws {
        var s = try ConvDiagramTests.state(.spatial)
        s.evalView = true
        s.selectedLayer = selected
        update(&s, .step)
        update(&s, .frame)
        let cnn = try #require(s.trainer.cnn)
        let x = PanelSupport.rowMatrix(cnn.trainingInput, 0)
        let stored = s.exampleForwards.conv(cnn, input: x, step: s.trainer.currentStep)
        #expect(s.exampleForwards.conv?.key == .init(cnn, step: s.trainer.currentStep, input: x))
        #expect(stored.map(\.data) == ExampleForwards.convMaps(cnn, x).map(\.data))
        _ = cnn.predict(Self.sentinel(x))
        let before = cnn.evalFeatureMaps(0).data
        let headBefore = cnn.head.evalDropoutInput(0).data
        Self.renderTwice(s)
        #expect(cnn.evalFeatureMaps(0).data == before)
        #expect(cnn.head.evalDropoutInput(0).data == headBefore)
    }

    @Test func unrolledViewDoesNotRunTheNetwork() throws {
        var s = try UnrolledViewTests.state(.variational)
        s.evalView = true
        update(&s, .frame)
        let net = try #require(s.trainer.lstmModel)
        let x = PanelSupport.rowMatrix(net.trainingInput, 0)
        let stored = try #require(s.exampleForwards.recurrent)
        #expect(stored.key == .init(net.lstm, step: s.trainer.currentStep, input: x))
        let direct = net.lstm.predict(x)
        #expect(stored.value.h.map(\.data) == direct.h.map(\.data) && stored.value.c.map(\.data) == direct.c.map(\.data))
        let sentinel = Self.sentinel(x)
        net.lstm.predict(sentinel)
        let before = net.lstm.evalTrace.h.map(\.data)
        Self.renderTwice(s)
        #expect(net.lstm.evalTrace.h.map(\.data) == before)
    }
}
