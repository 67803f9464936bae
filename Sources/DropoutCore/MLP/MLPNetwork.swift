/// A fully-connected network: input dropout, then for each hidden layer dense → activation →
/// dropout, then a dense output layer (logits or regression outputs).
public final class MLPNetwork {
    public let architecture: Architecture
    public let layers: [any Layer]
    public let dense: [DenseLayer]
    /// Index 0 is the input layer's dropout, index `i` the `i`-th hidden layer's.
    public let dropout: [DropoutLayer]

    /// `acts[i]` is the input of `layers[i]`; the last one is the output.
    public private(set) var acts: [Matrix]
    /// `grads[i]` is the gradient with respect to `acts[i]`.
    var grads: [Matrix]
    private var evalActs: [Matrix]
    /// The buffers of Monte Carlo passes, apart from the training pass's `acts`.
    private var stochasticActs: [Matrix]

    public init(_ arch: Architecture, rates: [Float], scaling: Scaling, variant: DropoutVariant, initRNG: inout Xoshiro, maskSeed: UInt64) {
        precondition(rates.count == arch.dropoutWidths.count, "one rate for the input and each hidden layer")
        architecture = arch
        var layers: [any Layer] = []
        var dense: [DenseLayer] = []
        var dropout: [DropoutLayer] = []
        let inputDrop = DropoutLayer(width: arch.inputs, rate: rates[0], scaling: scaling, variant: variant, onInput: true,
                                     rng: Stream.generator(seed: maskSeed, stream: .masks, index: 0),
                                     inferenceStream: Stream.generator(seed: maskSeed, stream: .dropConnectInference, index: 0))
        layers.append(inputDrop)
        dropout.append(inputDrop)
        var width = arch.inputs
        for (i, h) in arch.hidden.enumerated() {
            let d = DenseLayer(inputs: width, outputs: h, initialization: arch.initializations[i], rng: &initRNG)
            let drop = DropoutLayer(width: h, rate: rates[i + 1], scaling: scaling, variant: variant,
                                    rng: Stream.generator(seed: maskSeed, stream: .masks, index: i + 1),
                                    inferenceStream: Stream.generator(seed: maskSeed, stream: .dropConnectInference, index: i + 1))
            // Under DropConnect the position masks the weights of the dense layer feeding it.
            d.connectionDropout = drop
            layers += [d, ActivationLayer(arch.activations[i], width: h), drop]
            dense.append(d)
            dropout.append(drop)
            width = h
        }
        // The output layer is linear: Glorot suits it whatever the hidden activation.
        let out = DenseLayer(inputs: width, outputs: arch.outputs, initialization: .glorot, rng: &initRNG)
        layers.append(out)
        dense.append(out)
        self.layers = layers
        self.dense = dense
        self.dropout = dropout
        parameters = dense.flatMap { $0.parameters }
        firstParameterLayer = layers.firstIndex { !$0.parameters.isEmpty } ?? layers.count
        hiddenBlocks = layers.indices.map { k in
            // Only ReLU blocks run fused (MLPNetwork+FusedPath.swift).
            guard k + 2 < layers.count, let d = layers[k] as? DenseLayer, (layers[k + 1] as? ActivationLayer)?.activation == .relu,
                  let drop = layers[k + 2] as? DropoutLayer else { return nil }
            return (d, drop)
        }
        acts = Array(repeating: Matrix(rows: 0, cols: 0), count: layers.count + 1)
        grads = acts
        evalActs = acts
        stochasticActs = acts
    }

    /// Every weight and bias, layer by layer: fixed at construction, so the optimiser's update
    /// does not build the list again at every step.
    public let parameters: [Parameter]
    /// The first layer with parameters: no gradient is needed below it in training.
    private let firstParameterLayer: Int
    /// Whether hidden blocks run the fused loops of MLPNetwork+FusedPath.swift (same values;
    /// tests switch them off to compare with the layer-by-layer path).
    public var usesFastPaths = true
    /// `hiddenBlocks[k]`: the dense layer and dropout of the hidden block starting at layer
    /// `k` (dense, ReLU, dropout), nil elsewhere (and for other activations); found once, not
    /// cast at every step.
    let hiddenBlocks: [(dense: DenseLayer, dropout: DropoutLayer)?]

    /// The training forward pass on a batch; the output stays in `output`.
    public func forwardTraining(_ x: Matrix) {
        forwardTraining { $0 = x }
    }

    /// The training forward pass with the batch written straight into the network's input
    /// buffer, so that no batch is copied and nothing allocates in steady state.
    public func forwardTraining(fillInput: (inout Matrix) -> Void) {
        fillInput(&acts[0])
        propagate(&acts, training: true)
    }

    /// Runs every layer on `buffers[0]`, each writing the next buffer.
    ///
    /// Two layers need more than their own input: a hidden dropout position gets the
    /// pre-activation of the dense layer in front (standout's π), and at evaluation a dense
    /// layer under DropConnect moment matching is evaluated together with its activation,
    /// because the expectation is taken of the activation's output.
    private func propagate(_ buffers: inout [Matrix], training: Bool) {
        var i = 0
        while i < layers.count {
            if let block = fusedBlock(at: i) {
                forwardFused(&buffers, at: i, dense: block.dense, dropout: block.dropout, training: training)
                i += 3
                continue
            }
            if i > 0, let d = layers[i] as? DropoutLayer {
                d.forward(buffers[i], preActivation: buffers[i - 1], into: &buffers[i + 1], training: training)
            } else if !training, i + 2 < buffers.count,
                      let dense = layers[i] as? DenseLayer, let g = dense.connectionDropout,
                      g.dropsConnections, g.connectionInference == .momentMatching,
                      let act = layers[i + 1] as? ActivationLayer {
                var mu = Matrix(rows: 0, cols: 0), out = Matrix(rows: 0, cols: 0)
                DropConnect.momentMatched(buffers[i], dense: dense, activation: act.activation, gate: g, mean: &mu, into: &out)
                buffers[i + 1] = mu
                buffers[i + 2] = out
                i += 2
                continue
            } else {
                layers[i].forward(buffers[i], into: &buffers[i + 1], training: training)
            }
            i += 1
        }
    }

    /// The output of the last `forwardTraining`.
    public var output: Matrix { acts[layers.count] }

    /// Backpropagates `dOutput` through the last training pass, setting every parameter's
    /// gradient. Returns nothing: the input gradient is not needed to train.
    public func backward(_ dOutput: Matrix) {
        _ = backward(dOutput, needsInputGradient: false)
    }

    /// As `backward`, and returns `∂e/∂x` (gradient checks).
    @discardableResult
    public func backward(_ dOutput: Matrix, needsInputGradient: Bool) -> Matrix {
        backward(dOutput, needsInputGradient: needsInputGradient, sgdLearningRate: nil)
    }

    /// Backward and a plain SGD step (no weight decay, no L1) in one pass over the layers:
    /// each dense layer updates its weights inside its weight-gradient product
    /// (MLPNetwork+FusedPath.swift). The weight gradients are not stored.
    public func backwardSGD(_ dOutput: Matrix, learningRate: Float) {
        _ = backward(dOutput, needsInputGradient: false, sgdLearningRate: learningRate)
    }

    private func backward(_ dOutput: Matrix, needsInputGradient: Bool, sgdLearningRate lr: Float?) -> Matrix {
        let L = layers.count
        // Below the first layer with parameters a gradient is only wanted by gradient checks:
        // training skips the first dense layer's dy·Wᵀ (on mnist a seventh of the step).
        let lowest = needsInputGradient ? 0 : firstParameterLayer
        var i = L - 1
        while i >= lowest {
            let needs = i > lowest || needsInputGradient
            // The output gradient is passed as it is: a copy kept in `grads` would share the
            // caller's buffer, which would then be copied when the loss next writes into it.
            let dy = i == L - 1 ? dOutput : grads[i + 1]
            // A fused block's dropout and ReLU backward are one pass, down to its dense layer.
            if i >= 2, i - 2 >= lowest, let block = fusedBlock(at: i - 2) {
                backwardFused(dy: dy, at: i - 2, dropout: block.dropout)
                i -= 2
                continue
            }
            if let lr, let dense = layers[i] as? DenseLayer {
                dense.backwardSGD(x: acts[i], y: acts[i + 1], dy: dy, dx: &grads[i], needsInputGradient: needs, learningRate: lr)
            } else {
                layers[i].backward(x: acts[i], y: acts[i + 1], dy: dy, dx: &grads[i], needsInputGradient: needs)
            }
            i -= 1
        }
        return grads[0]
    }

    /// Evaluation forward (no masks; vanilla scaling applied) on any number of examples.
    public func predict(_ x: Matrix) -> Matrix {
        evalActs[0] = x
        propagate(&evalActs, training: false)
        return evalActs[layers.count]
    }

    /// `predict` over many rows, `rowsPerPass` at a time, for callers that want only the
    /// output: each pass's activations then stay in the processor's cache (a decision
    /// boundary's few thousand grid points through a 128-wide layer make megabytes of them).
    /// Rows are independent in evaluation, so the result is `predict(x)`'s up to the rounding
    /// of products of another shape; `evalActs` hold the last pass only.
    public func predict(_ x: Matrix, rowsPerPass: Int) -> Matrix {
        precondition(rowsPerPass >= 1, "rowsPerPass must be positive")
        if x.rows <= rowsPerPass { return predict(x) }
        var out = Matrix(rows: x.rows, cols: architecture.outputs)
        var start = 0
        // A cancelled computation stops between passes (its caller drops the result).
        while start < x.rows && !Cancellation.isRequested {
            let n = min(rowsPerPass, x.rows - start)
            evalActs[0].reshape(rows: n, cols: x.cols)
            evalActs[0].data.withUnsafeMutableBufferPointer { dst in
                x.data.withUnsafeBufferPointer { src in
                    for i in 0..<(n * x.cols) { dst[i] = src[start * x.cols + i] }
                }
            }
            propagate(&evalActs, training: false)
            let y = evalActs[layers.count]
            out.data.withUnsafeMutableBufferPointer { dst in
                for i in 0..<y.count { dst[start * y.cols + i] = y.data[i] }
            }
            start += n
        }
        return out
    }

    /// A training-mode forward pass (dropout on) drawing from `streams` (one per dropout
    /// position) instead of the layers' own generators: Monte Carlo dropout. The training
    /// streams, the last step's masks, gates and activations are all left as they were, so the
    /// next training step is the one it would have been. Do not call it between a training
    /// forward and its backward.
    public func forwardStochastic(_ x: Matrix, streams: inout [Xoshiro]) -> Matrix {
        precondition(streams.count == dropout.count, "one stream per dropout position")
        let saved = dropout.map { $0.draws }
        for (d, s) in zip(dropout, streams) { d.rng = s }
        stochasticActs[0] = x
        propagate(&stochasticActs, training: true)
        streams = dropout.map(\.rng)
        for (d, s) in zip(dropout, saved) { d.draws = s }
        return stochasticActs[layers.count]
    }

    /// The activations of hidden layer `h` (0-based) before its dropout in the last training
    /// pass: what the diagram shades kept units by.
    public func hiddenActivations(_ h: Int) -> Matrix {
        acts[dropoutLayerIndex(h + 1)]
    }

    /// The input of dropout layer `d` (0 = input features) in the last training pass.
    public func dropoutInput(_ d: Int) -> Matrix {
        acts[dropoutLayerIndex(d)]
    }

    /// The input of dropout layer `d` in the last `predict` (eval mode): what the diagram
    /// shades units by in the eval view.
    public func evalDropoutInput(_ d: Int) -> Matrix {
        evalActs[dropoutLayerIndex(d)]
    }

    /// The output of dropout layer `d` in the last `predict`: what eval mode passes on
    /// (`(1-p)·x` vanilla, `π·x` standout, `x` otherwise).
    public func evalDropoutOutput(_ d: Int) -> Matrix {
        evalActs[dropoutLayerIndex(d) + 1]
    }

    /// The pre-activation of hidden position `d >= 1` in the last `predict` (under DropConnect
    /// moment matching, its mean `μ`): standout's eval π is computed from it.
    public func evalPreActivation(_ d: Int) -> Matrix {
        precondition(d >= 1, "the input position has no pre-activation")
        return evalActs[dropoutLayerIndex(d) - 1]
    }

    private func dropoutLayerIndex(_ d: Int) -> Int {
        d == 0 ? 0 : 3 * d
    }

    /// Every weight and bias as flat arrays, layer by layer (saving, and comparing runs).
    public var weights: [[Float]] { parameters.map { $0.value.data } }
}
