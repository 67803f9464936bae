/// What the dense readout reads: the last hidden state (one answer per sequence, the adding
/// problem) or every hidden state (one answer per step, the sine predicted k steps ahead).
public enum SequenceReadout: String, Codable, Sendable {
    case last
    case everyStep = "every-step"
}

/// An LSTM with a dense readout, trained with MSE (or softmax cross-entropy on the last step).
///
/// Batches keep the dense layout: a row per sequence, `T·D` columns (time-major), so the model
/// maps a batch matrix to outputs like the MLP: `B × K` for `.last`, `B × T·K` for `.everyStep`
/// (step t's outputs are columns `t·K ..< (t+1)·K`).
public final class LSTMNetwork {
    public let lstm: LSTMLayer
    /// `y = h·W + b` (H × K), applied to `h_{T-1}` or to every `h_t`.
    public let readout: DenseLayer
    public let readoutKind: SequenceReadout
    public let task: LearningTask
    public let parameters: [Parameter]

    private var readoutInput = Matrix(rows: 0, cols: 0)
    private var readoutOutput = Matrix(rows: 0, cols: 0)
    private var dReadoutInput = Matrix(rows: 0, cols: 0)
    private var evalInput = Matrix(rows: 0, cols: 0)
    private var evalOutput = Matrix(rows: 0, cols: 0)
    private var input = Matrix(rows: 0, cols: 0)

    /// `task.outputs` is K for `.last` and T·K for `.everyStep`.
    public init(inputs D: Int, hidden H: Int, steps T: Int, task: LearningTask, readout: SequenceReadout,
                variant: RecurrentDropoutVariant, rate: Float, inputRate: Float, initRNG: inout Xoshiro, maskSeed: UInt64) {
        let K = readout == .last ? task.outputs : task.outputs / T
        precondition(K >= 1 && (readout == .last || K * T == task.outputs), "every-step readout needs T·K outputs")
        lstm = LSTMLayer(inputs: D, hidden: H, steps: T, variant: variant, rate: rate, inputRate: inputRate,
                         initRNG: &initRNG, rng: Self.maskStream(seed: maskSeed, 1), inputRNG: Self.maskStream(seed: maskSeed, 0))
        self.readout = DenseLayer(inputs: H, outputs: K, initialization: .glorot, rng: &initRNG)
        readoutKind = readout
        self.task = task
        parameters = lstm.parameters + self.readout.parameters
    }

    /// The recurrent masks' streams: the `.masks` family at indices apart from any MLP's
    /// positions (0 = `z_x`, 1 = the recurrent mask), so the data, the initial weights and the
    /// batch order never depend on them.
    static func maskStream(seed: UInt64, _ k: Int) -> Xoshiro {
        Stream.generator(seed: seed, stream: .masks, index: 1000 + k)
    }

    public var steps: Int { lstm.steps }
    /// K, the outputs per readout.
    public var outputsPerReadout: Int { readout.outputWidth }

    // MARK: Training

    public func forwardTraining(_ x: Matrix, drawMasks: Bool = true) {
        input = x
        lstm.forwardTraining(x, drawMasks: drawMasks)
        gatherReadoutInput(lstm.trace, into: &readoutInput)
        readout.forward(readoutInput, into: &readoutOutput, training: true)
    }

    public func forwardTraining(fillInput: (inout Matrix) -> Void) {
        fillInput(&input)
        lstm.forwardTraining(input)
        gatherReadoutInput(lstm.trace, into: &readoutInput)
        readout.forward(readoutInput, into: &readoutOutput, training: true)
    }

    /// `B × K` or `B × T·K`: the (B·T) × K product of the every-step readout has exactly the
    /// batch layout in row-major order, so it is passed on as it is, only relabelled.
    public var output: Matrix {
        let B = lstm.trace.h.first?.rows ?? 0
        return Matrix(rows: B, cols: readoutOutput.count / max(B, 1), data: readoutOutput.data)
    }

    public func backward(_ dOutput: Matrix) {
        _ = backward(dOutput, needsInputGradient: false)
    }

    /// Backpropagates through the readout and through time; returns `∂e/∂x` when asked.
    @discardableResult
    public func backward(_ dOutput: Matrix, needsInputGradient: Bool) -> Matrix {
        let T = steps, H = lstm.hiddenWidth
        let dy = Matrix(rows: readoutOutput.rows, cols: readoutOutput.cols, data: dOutput.data)
        readout.backward(x: readoutInput, y: readoutOutput, dy: dy, dx: &dReadoutInput, needsInputGradient: true)
        let B = dOutput.rows
        var dhOut = [Matrix](repeating: Matrix(rows: 0, cols: H), count: T)
        switch readoutKind {
        case .last:
            dhOut[T - 1] = dReadoutInput
        case .everyStep:
            // Row r·T + t of the stacked input is h_t of sequence r.
            for t in 0..<T {
                var d = Matrix(rows: B, cols: H)
                for r in 0..<B { for j in 0..<H { d.data[r * H + j] = dReadoutInput.data[(r * T + t) * H + j] } }
                dhOut[t] = d
            }
        }
        return lstm.backward(dhOut: dhOut, needsInputGradient: needsInputGradient)
    }

    // MARK: Evaluation

    public func predict(_ x: Matrix) -> Matrix {
        let tr = lstm.predict(x)
        gatherReadoutInput(tr, into: &evalInput)
        readout.forward(evalInput, into: &evalOutput, training: false)
        return Matrix(rows: x.rows, cols: evalOutput.count / max(x.rows, 1), data: evalOutput.data)
    }

    /// `h_{T-1}` (B × H), or every `h_t` stacked a row per (sequence, step): (B·T) × H.
    private func gatherReadoutInput(_ tr: LSTMTrace, into out: inout Matrix) {
        let T = steps, H = lstm.hiddenWidth
        let B = tr.h[0].rows
        switch readoutKind {
        case .last:
            // Copied rather than shared: a shared buffer would make the next step's h copy itself.
            out.reshape(rows: B, cols: H)
            let h = tr.h[T - 1].data
            out.data.withUnsafeMutableBufferPointer { dst in for k in 0..<(B * H) { dst[k] = h[k] } }
        case .everyStep:
            out.reshape(rows: B * T, cols: H)
            out.data.withUnsafeMutableBufferPointer { dst in
                for t in 0..<T {
                    let h = tr.h[t].data
                    for r in 0..<B { for j in 0..<H { dst[(r * T + t) * H + j] = h[r * H + j] } }
                }
            }
        }
    }

    /// The input of the last training pass.
    public var trainingInput: Matrix { input }
}
