/// A small convolutional network on images: for each conv layer, conv k×k → ReLU → conv
/// dropout → 2×2 max pooling; then flatten and a dense `MLPNetwork` (the "head": dropout on the
/// flattened maps, hidden layers with the dense variants, the output layer).
///
/// Batches keep the dense layout (a row per example, `C·H·W` columns channel-major, see
/// FeatureMapShape), so the model maps a batch matrix to logits like the MLP does. The conv
/// layers always use ReLU: max-pooling dropout's evaluation rule assumes activations ≥ 0.
public final class ConvNetwork {
    public let settings: ConvSettings
    public let inputShape: FeatureMapShape
    public let convs: [Conv2DLayer]
    /// One per conv layer; they draw from the `.convMasks` streams.
    public let convDropout: [ConvDropoutLayer]
    public let pools: [MaxPool2DLayer]
    public let flatten: FlattenLayer
    /// The dense layers after the convolutions, with their own dropout positions.
    public let head: MLPNetwork
    /// conv, ReLU, dropout, pool for each conv layer, then flatten.
    public let layers: [any Layer]
    public let parameters: [Parameter]

    /// `acts[i]` is the input of `layers[i]`; the last one is the head's input.
    public private(set) var acts: [Matrix]
    private var grads: [Matrix]
    private var evalActs: [Matrix]

    /// `activations`: one for every dense hidden layer, or one each.
    public init(_ settings: ConvSettings, input: FeatureMapShape, hidden: [Int], task: LearningTask, activations: [Activation],
                headRates: [Float], scaling: Scaling, variant: DropoutVariant, initRNG: inout Xoshiro, maskSeed: UInt64) {
        precondition(settings.rates.count == settings.channels.count, "one conv rate per conv layer")
        self.settings = settings
        inputShape = input
        var layers: [any Layer] = []
        var convs: [Conv2DLayer] = [], drops: [ConvDropoutLayer] = [], pools: [MaxPool2DLayer] = []
        var shape = input
        for (i, c) in settings.channels.enumerated() {
            let conv = Conv2DLayer(input: shape, outputChannels: c, kernel: settings.kernel, padding: settings.padding, rng: &initRNG)
            let drop = ConvDropoutLayer(shape: conv.output, rate: settings.rates[i], variant: settings.variant,
                                        blockSize: settings.blockSize,
                                        rng: Stream.generator(seed: maskSeed, stream: .convMasks, index: i))
            let pool = MaxPool2DLayer(input: conv.output)
            pool.poolDropout = drop
            layers += [conv, ActivationLayer(.relu, width: conv.output.count), drop, pool]
            convs.append(conv)
            drops.append(drop)
            pools.append(pool)
            shape = pool.output
        }
        flatten = FlattenLayer(shape)
        layers.append(flatten)
        let arch = Architecture(inputs: shape.count, hidden: hidden, task: task, activations: activations)
        head = MLPNetwork(arch, rates: headRates, scaling: scaling, variant: variant, initRNG: &initRNG, maskSeed: maskSeed)
        self.convs = convs
        convDropout = drops
        self.pools = pools
        self.layers = layers
        parameters = convs.flatMap(\.parameters) + head.parameters
        acts = Array(repeating: Matrix(rows: 0, cols: 0), count: layers.count + 1)
        grads = acts
        evalActs = acts
    }

    /// The shape after conv layer `l`'s activation (what its dropout and the screen see).
    public func mapShape(_ l: Int) -> FeatureMapShape { convs[l].output }

    public func forwardTraining(fillInput: (inout Matrix) -> Void) {
        fillInput(&acts[0])
        propagate(&acts, training: true)
        let features = acts[layers.count]
        head.forwardTraining { x in
            x.reshape(rows: features.rows, cols: features.cols)
            x.data.withUnsafeMutableBufferPointer { dst in
                features.data.withUnsafeBufferPointer { src in
                    for i in 0..<src.count { dst[i] = src[i] }
                }
            }
        }
    }

    private func propagate(_ buffers: inout [Matrix], training: Bool) {
        for i in layers.indices {
            layers[i].forward(buffers[i], into: &buffers[i + 1], training: training)
        }
    }

    public var output: Matrix { head.output }

    public func backward(_ dOutput: Matrix) {
        var d = head.backward(dOutput, needsInputGradient: true)
        for i in stride(from: layers.count - 1, through: 0, by: -1) {
            // The first convolution's input gradient would go to the data: nothing needs it.
            layers[i].backward(x: acts[i], y: acts[i + 1], dy: d, dx: &grads[i], needsInputGradient: i > 0)
            if i > 0 { d = grads[i] }
        }
    }

    public func predict(_ x: Matrix) -> Matrix {
        evalActs[0] = x
        propagate(&evalActs, training: false)
        return head.predict(evalActs[layers.count])
    }

    // MARK: What the visualizer draws

    /// Conv layer `l`'s feature maps after ReLU, before dropout, in the last training pass.
    public func featureMaps(_ l: Int) -> Matrix { acts[4 * l + 2] }
    /// The same after dropout (what the pooling saw; max-pooling dropout masks inside the pool).
    public func droppedFeatureMaps(_ l: Int) -> Matrix { acts[4 * l + 3] }
    /// Conv layer `l`'s feature maps after ReLU in the last `predict`.
    public func evalFeatureMaps(_ l: Int) -> Matrix { evalActs[4 * l + 2] }
    /// The input of the last training pass.
    public var trainingInput: Matrix { acts[0] }
}

extension ConvNetwork: TrainableModel {
    public var kind: ModelKind { .cnn }
    public var summary: String {
        let conv = settings.channels.map(String.init).joined(separator: ",")
        return "conv \(conv) \(settings.kernel)x\(settings.kernel) \(settings.padding.rawValue)+pool · " + head.summary
    }
    public var architecture: Architecture { head.architecture }
    public var dropoutPositions: [any DropoutPosition] { convDropout + head.dropout }
    public var positionNames: [String] {
        convDropout.indices.map { "c\($0 + 1)" } + head.dropout.indices.map { $0 == 0 ? "flat" : "h\($0)" }
    }
    public var positionTitles: [String] {
        convDropout.indices.map { "conv \($0 + 1)" } + head.dropout.indices.map { $0 == 0 ? "flattened" : "hidden \($0)" }
    }
    public var denseDropout: [DropoutLayer] { head.dropout }
    public var defaultPosition: Int { 0 }
}
