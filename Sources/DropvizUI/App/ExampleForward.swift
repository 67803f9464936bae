import DropoutCore

/// The one-example eval passes the diagrams and the maths panel show (issue 16 item 2):
/// derived state, computed in `update` on `Msg.frame` (once per frame, before it is drawn) and
/// only read by `view`. They change every step, so the panel cache's request-and-wait scheme
/// would show "computing…" every frame; a forward pass of one example is cheap enough to run
/// before each frame instead. Running it inside `view` wrote the live network's scratch
/// buffers (`predict`) during a render, which this avoids.
struct ExampleForwards {
    /// What a value was computed from: the network (its identity), the step and the example.
    /// A value whose key differs from what the view asks for is stale and is not used.
    struct Key: Equatable {
        let network: ObjectIdentifier
        let step: Int
        let input: [Float]

        init(_ network: AnyObject, step: Int, input: Matrix) {
            self.network = ObjectIdentifier(network)
            self.step = step
            self.input = input.data
        }
    }

    /// Row 0 of an MLP's eval pass (`MLPNetwork.predict` of one example): per dropout position
    /// its input, its output and (hidden positions, else empty) its pre-activation, and the
    /// network's output.
    struct Dense {
        let inputs: [[Float]]
        let outputs: [[Float]]
        let preActivations: [[Float]]
        let output: [Float]

        init(_ net: MLPNetwork, _ x: Matrix) {
            let y = net.predict(x)
            func row0(_ m: Matrix) -> [Float] { (0..<m.cols).map { m[0, $0] } }
            let positions = 0..<net.dropout.count
            inputs = positions.map { row0(net.evalDropoutInput($0)) }
            outputs = positions.map { row0(net.evalDropoutOutput($0)) }
            preActivations = positions.map { $0 == 0 ? [] : row0(net.evalPreActivation($0)) }
            output = row0(y)
        }
    }

    var dense: [(key: Key, value: Dense)] = []
    /// A CNN's eval feature maps of every conv layer for its example.
    var conv: (key: Key, value: [Matrix])?
    /// An LSTM's eval trace of its example.
    var recurrent: (key: Key, value: LSTMTrace)?

    /// The MLP pass of `x` through `net` at `step`: the stored one, or — on a path that drew
    /// without `Msg.frame` (a benchmark calling `view` directly) — computed here, so the
    /// screen is the same either way.
    func dense(_ net: MLPNetwork, input x: Matrix, step: Int) -> Dense {
        let key = Key(net, step: step, input: x)
        return dense.first { $0.key == key }?.value ?? Dense(net, x)
    }

    static func convMaps(_ cnn: ConvNetwork, _ x: Matrix) -> [Matrix] {
        _ = cnn.predict(x)
        return (0..<cnn.convDropout.count).map { cnn.evalFeatureMaps($0) }
    }

    func conv(_ cnn: ConvNetwork, input x: Matrix, step: Int) -> [Matrix] {
        if let c = conv, c.key == Key(cnn, step: step, input: x) { return c.value }
        return Self.convMaps(cnn, x)
    }

    func recurrent(_ lstm: LSTMLayer, input x: Matrix, step: Int) -> LSTMTrace {
        if let r = recurrent, r.key == Key(lstm, step: step, input: x) { return r.value }
        return lstm.predict(x)
    }

    /// The example the diagram of `net` shows (row 0 of the last batch, or before the first
    /// step the first training example; a CNN's dense part, `offset > 0`, zeros then).
    static func diagramExample(_ s: AppState, _ net: MLPNetwork, firstPosition offset: Int) -> Matrix {
        let inputs = net.architecture.inputs
        var input = Matrix(rows: 1, cols: inputs)
        if s.trainer.currentStep > 0 && net.dropout[0].mask.rows > 0 {
            let x = net.dropoutInput(0)
            for j in 0..<inputs { input[0, j] = x[0, j] }
        } else if offset == 0 {
            for j in 0..<inputs { input[0, j] = s.trainer.data.train.features[0, j] }
        }
        return input
    }

    /// The example the maths panel's readout of position `d` uses: as the diagram's, but
    /// "trained" asks the selected position's mask.
    static func mathsExample(_ s: AppState, _ net: MLPNetwork, position d: Int) -> Matrix {
        let trained = s.trainer.currentStep > 0 && net.dropout[d].mask.rows > 0 && net.dropoutInput(0).rows > 0
        let source = trained ? net.dropoutInput(0) : s.trainer.data.train.features
        return PanelSupport.rowMatrix(source, 0).prefixColumns(net.architecture.inputs)
    }

    /// Everything this frame's screen may ask for, computed from `s` (the model's scratch
    /// buffers are written here, in `update`, never in `view`).
    init(_ s: AppState) {
        let step = s.trainer.currentStep
        func add(_ net: MLPNetwork, _ x: Matrix) {
            let key = Key(net, step: step, input: x)
            if !dense.contains(where: { $0.key == key }) { dense.append((key, Dense(net, x))) }
        }
        if let mlp = s.trainer.mlp {
            add(mlp, Self.diagramExample(s, mlp, firstPosition: 0))
            let d = min(max(0, s.selectedLayer), mlp.dropout.count - 1)
            add(mlp, Self.mathsExample(s, mlp, position: d))
        }
        if let cnn = s.trainer.cnn {
            add(cnn.head, Self.diagramExample(s, cnn.head, firstPosition: cnn.convDropout.count))
            if step > 0 && cnn.trainingInput.rows > 0 {
                let x = PanelSupport.rowMatrix(cnn.trainingInput, 0)
                conv = (Key(cnn, step: step, input: x), Self.convMaps(cnn, x))
            }
        }
        if let net = s.trainer.lstmModel, step > 0, net.trainingInput.rows > 0 {
            let x = PanelSupport.rowMatrix(net.trainingInput, 0)
            recurrent = (Key(net.lstm, step: step, input: x), net.lstm.predict(x))
        }
    }

    init() {}
}

extension AppState {
    /// Recomputes the derived one-example passes for the state as it now is (`Msg.frame`,
    /// and the renders without an event loop through `settledView`).
    mutating func refreshExampleForwards() {
        exampleForwards = ExampleForwards(self)
    }
}

private extension Matrix {
    /// The first `n` columns (the maths panel's example is the features the network takes).
    func prefixColumns(_ n: Int) -> Matrix {
        guard cols != n else { return self }
        var m = Matrix(rows: rows, cols: n)
        for r in 0..<rows { for c in 0..<n { m[r, c] = self[r, c] } }
        return m
    }
}
