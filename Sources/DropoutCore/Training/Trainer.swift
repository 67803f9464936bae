/// Trains a network one mini-batch at a time. The visualizer, the headless commands and the
/// tests all drive this class.
public final class Trainer {
    public internal(set) var config: TrainingConfig
    public let data: DataSplit
    /// The model being trained: the MLP (`MLPNetwork`) or a CNN (`ConvNetwork`); see
    /// TrainableModel.swift.
    public private(set) var model: any TrainableModel
    /// The model when it is the MLP, nil otherwise: what dense-only tools (the diagram,
    /// DropConnect's statistics, Monte Carlo dropout) unwrap before they run, so that no code
    /// path can reach the MLP of another kind.
    public private(set) var mlp: MLPNetwork?
    /// The model when it is a CNN.
    public var cnn: ConvNetwork? { model as? ConvNetwork }
    public private(set) var optimizer: Optimizer
    public private(set) var sampler: BatchSampler
    /// Steps done so far.
    public private(set) var currentStep: Int = 0
    public private(set) var diverged = false
    public var history = History()
    public private(set) var lastEvaluation: Evaluation?
    /// Where the evaluation steps' evaluations run when not inline (the visualizer:
    /// BackgroundEvaluation.swift); nil: inside `step`, as headless training does.
    public var backgroundEvaluation: BackgroundEvaluation?
    /// Bumped by a reset or a restore: evaluations of the weights before it are not recorded.
    private(set) var evaluationGeneration = 0
    public private(set) var lastBatchLoss: Float?
    /// How often each unit was dropped since the reset or the last change of its rate. Only
    /// recorded when `recordsDropStatistics` is on: the visualizer shows it, headless training
    /// and sweeps would pay a pass over every mask per step for nothing.
    public private(set) var dropStatistics = DropStatistics()
    public var recordsDropStatistics = false
    /// The distinct masks drawn so far at each small position (MaskCensus.swift); recorded
    /// with the drop statistics.
    public private(set) var maskCensus = MaskCensus()
    /// The rate a position had before the changes made since the last step: several key
    /// presses between two steps are one change on the plot.
    private var rateBeforeThisStep: (positions: [Int], step: Int, rate: Float)?
    /// The run as a start and the changes made since, with its checkpoints (Trainer+Timeline.swift).
    public internal(set) var timeline: RunTimeline

    private var batchIndices: [Int] = []
    /// Internal for the test that the step reuses its buffers.
    public private(set) var batchTargets: Targets
    private(set) var dOutput: Matrix? = Matrix(rows: 0, cols: 0)
    private var smoothed: Double?

    /// Builds the data and the network from `config`. `labels`: a saved model's class labels,
    /// which a CSV's rows are mapped to (ClassLabels.swift); nil takes the file's own.
    public convenience init(config: TrainingConfig, labels: [String]? = nil) throws {
        try config.validate()
        var dataRNG = Stream.generator(seed: config.dataSeed ?? config.seed, stream: .data)
        let csv = CSVReadOptions(regressionTargets: config.regressionTargets, labels: labels)
        let all = try DatasetCatalog.load(config.dataset, noise: config.noise, sequenceLength: config.sequenceLength, csv: csv, rng: &dataRNG)
        let split = try DataSplit(all, features: config.inputFeatures, valFraction: config.valFraction, trainSize: config.trainSize, rng: &dataRNG)
        try self.init(config: config, data: split)
    }

    /// Uses a data split made elsewhere (the twin network, tests).
    public init(config: TrainingConfig, data: DataSplit) throws {
        try config.validate()
        self.config = config
        self.data = data
        timeline = RunTimeline(initialConfig: config)
        try Self.checkModel(config, data: data)
        try MemoryEstimate.check(config, data: data)
        model = Self.makeModel(config, data: data)
        mlp = model as? MLPNetwork
        optimizer = Optimizer(Self.optimizerSettings(config))
        sampler = Self.makeSampler(config, data: data)
        switch data.train.targets {
        case .classes: batchTargets = .classes([])
        case .values(let v): batchTargets = .values(Matrix(rows: 0, cols: v.cols))
        }
    }

    static func makeNetwork(_ config: TrainingConfig, data: DataSplit) -> MLPNetwork {
        let arch = Architecture(inputs: data.train.featureCount, hidden: config.hidden, task: data.train.task, activations: config.activations)
        var initRNG = Stream.generator(seed: config.seed, stream: .initialWeights)
        let net = MLPNetwork(arch, rates: config.rates, scaling: config.scaling, variant: config.variant, initRNG: &initRNG, maskSeed: config.seed)
        configureVariants(net, config)
        return net
    }

    /// The standout and DropConnect settings of every dense dropout position.
    static func configureVariants(_ net: any TrainableModel, _ c: TrainingConfig) {
        for d in net.denseDropout {
            d.standoutAlpha = c.standoutAlpha
            d.standoutBeta = c.standoutBeta
            d.connectionInference = c.dropConnectInference
            d.inferenceSamples = c.dropConnectSamples
        }
    }

    static func optimizerSettings(_ c: TrainingConfig) -> OptimizerSettings {
        OptimizerSettings(kind: c.optimizer, learningRate: c.learningRate, weightDecay: c.weightDecay, l1: c.l1)
    }

    static func makeSampler(_ c: TrainingConfig, data: DataSplit) -> BatchSampler {
        let n = data.train.count
        let b = c.batchSize == 0 ? n : min(c.batchSize, n)
        return BatchSampler(count: n, batchSize: b, rng: Stream.generator(seed: c.seed, stream: .batchOrder))
    }

    public var batchSize: Int { sampler.batchSize }
    public var epoch: Double { Double(currentStep) * Double(batchSize) / Double(data.train.count) }
    public var task: LearningTask { data.train.task }

    /// One mini-batch: forward in train mode, backward, update. Evaluates on the full sets
    /// every `evalEvery` steps. After divergence it does nothing and returns nil.
    /// Runs with subnormals flushed to zero (FloatMode.swift).
    @discardableResult
    public func step() -> StepReport? {
        defer { afterStep() }
        return FloatMode.flushingSubnormals { stepWithCurrentFloatMode() }
    }

    private func stepWithCurrentFloatMode() -> StepReport? {
        collectBackgroundEvaluations()
        guard !diverged else { return nil }
        sampler.next(into: &batchIndices)
        let train = data.train
        let idx = batchIndices
        model.forwardTraining { x in
            x.reshape(rows: idx.count, cols: train.featureCount)
            let d = train.featureCount
            train.features.data.withUnsafeBufferPointer { src in
                x.data.withUnsafeMutableBufferPointer { dst in
                    for (r, i) in idx.enumerated() {
                        for j in 0..<d { dst[r * d + j] = src[i * d + j] }
                    }
                }
            }
        }
        if recordsDropStatistics, let mlp {
            dropStatistics.record(mlp)
            maskCensus.record(mlp)
        }
        gatherTargets()
        let (loss, _) = Loss.evaluate(model.output, batchTargets, gradient: &dOutput)
        currentStep += 1
        lastBatchLoss = loss
        guard loss.isFinite else {
            diverged = true
            history.record(event: RunEvent(step: currentStep, kind: .diverged))
            return StepReport(step: currentStep, epoch: epoch, batchLoss: loss, evaluation: nil, diverged: true)
        }
        // dOutput is always set: it was passed in non-nil.
        let dOut = dOutput ?? Matrix(rows: 0, cols: 0)
        if let mlp, mlp.usesFastPaths, optimizer.fusesIntoBackward {
            // Plain SGD done inside the dense layers' products (MLPNetwork+FusedPath.swift).
            mlp.backwardSGD(dOut, learningRate: optimizer.settings.learningRate)
            optimizer.countFusedUpdate()
        } else {
            model.backward(dOut)
            optimizer.update(model.parameters)
        }
        history.batchLoss.append(step: currentStep, value: Double(loss))
        let s = smoothed.map { 0.95 * $0 + 0.05 * Double(loss) } ?? Double(loss)
        smoothed = s
        history.smoothedLoss.append(step: currentStep, value: s)
        var evaluation: Evaluation? = nil
        if currentStep % config.evalEvery == 0, let bg = backgroundEvaluation {
            // Recorded when collected (the report has no evaluation then).
            bg.submit(EvaluationSnapshot(self), generation: evaluationGeneration)
        } else if currentStep % config.evalEvery == 0 {
            let e = evaluate()
            evaluation = e
            if !e.trainLoss.isFinite || !e.valLoss.isFinite { diverged = true }
        }
        return StepReport(step: currentStep, epoch: epoch, batchLoss: loss, evaluation: evaluation, diverged: diverged)
    }

    private func gatherTargets() {
        // The batch's buffer is taken out of `batchTargets` before it is refilled: a second
        // reference (as a tuple of both targets being switched on holds) would make the refill
        // copy it at every step.
        switch data.train.targets {
        case .classes(let all):
            var batch: [Int] = []
            if case .classes(let previous) = batchTargets { batch = previous }
            batchTargets = .classes([])
            batch.removeAll(keepingCapacity: true)
            for i in batchIndices { batch.append(all[i]) }
            batchTargets = .classes(batch)
        case .values(let all):
            var batch = Matrix(rows: 0, cols: 0)
            if case .values(let previous) = batchTargets { batch = previous }
            batchTargets = .values(Matrix(rows: 0, cols: 0))
            batch.reshape(rows: batchIndices.count, cols: all.cols)
            for (r, i) in batchIndices.enumerated() {
                for j in 0..<all.cols { batch[r, j] = all[i, j] }
            }
            batchTargets = .values(batch)
        }
    }

    /// Loss and accuracy on the full training and validation sets in eval mode, recorded in
    /// the history.
    @discardableResult
    public func evaluate() -> Evaluation {
        collectBackgroundEvaluations(waiting: true)
        let e = measureEvaluation()
        record(e)
        return e
    }

    /// Loss and accuracy on the full sets now, not recorded.
    func measureEvaluation() -> Evaluation {
        let (tl, ta) = measure(data.train)
        let (vl, va) = measure(data.validation)
        return Evaluation(step: currentStep, trainLoss: tl, valLoss: vl, trainAccuracy: ta, valAccuracy: va)
    }

    /// An evaluation as the latest one and on the history.
    func record(_ e: Evaluation) {
        lastEvaluation = e
        history.trainLoss.append(step: e.step, value: Double(e.trainLoss))
        history.valLoss.append(step: e.step, value: Double(e.valLoss))
        if let ta = e.trainAccuracy, let va = e.valAccuracy {
            history.trainAccuracy.append(step: e.step, value: Double(ta))
            history.valAccuracy.append(step: e.step, value: Double(va))
        }
    }

    /// A background evaluation found the loss not finite: training stops, as it would have
    /// inside `step`.
    func markDiverged() { diverged = true }

    /// Loss and accuracy of the current network on any data set with the same features.
    public func measure(_ set: Dataset) -> (loss: Float, accuracy: Float?) {
        let out = evaluationOutput(set.features)
        var none: Matrix? = nil
        let (loss, correct) = Loss.evaluate(out, set.targets, gradient: &none)
        return (loss, set.task.isClassification ? Float(correct) / Float(set.count) : nil)
    }

    // MARK: Live changes: they take effect from the next step and reset nothing.

    /// Sets the rate of dropout position `layer` (MLP: 0 = input; CNN: the conv positions
    /// first, see `TrainableModel.dropoutPositions`) and marks the change on the history.
    public func setRate(_ p: Float, layer: Int) throws {
        try setRate(p, layers: [layer])
    }

    /// Sets the rate of several dropout positions at once (linked hidden layers) and marks the
    /// change once on the history: "h1-h2 p 0.5→0.6", not one marker per layer on top of
    /// each other. The label names the first and last position.
    public func setRate(_ p: Float, layers: [Int]) throws {
        try TrainingConfig.checkRate(p)
        let positions = model.dropoutPositions
        guard let first = layers.first, let lastLayer = layers.last else { return }
        precondition(layers.allSatisfy { $0 >= 0 && $0 < positions.count })
        let old = positions[first].rate
        let changed = layers.contains { positions[$0].rate != p }
        guard changed else { return }
        logChange(.rate(p, positions: layers))
        for layer in layers {
            positions[layer].rate = p
            config.setPositionRate(p, position: layer)
        }
        let names = model.positionNames
        let name = layers.count == 1 ? names[first] : "\(names[first])-\(names[lastLayer])"
        // Several key presses between two steps make one change on the plot: 0.5→0.6, not
        // 0.5→0.55 and 0.55→0.6 on top of each other.
        var from = old
        if let before = rateBeforeThisStep, before.positions == layers, before.step == currentStep,
           let last = history.events.last, last.step == currentStep, last.label.hasPrefix("\(name) p ") {
            from = before.rate
            history.events.removeLast()
        }
        rateBeforeThisStep = (layers, currentStep, from)
        guard from != p else { return }
        history.record(event: RunEvent(step: currentStep, kind: .rate(positions: name, from: from, to: p)))
    }

    public func setScaling(_ s: Scaling) {
        guard s != config.scaling else { return }
        logChange(.scaling(s))
        config.scaling = s
        for d in model.denseDropout { d.scaling = s }
        history.record(event: RunEvent(step: currentStep, kind: .change(.scaling(s))))
    }

    /// Switches the variant from the next step on. Nothing is reset: the weights, the optimiser
    /// and every stream carry on (DropConnect masks the same weights the other variants train).
    public func setVariant(_ v: DropoutVariant) {
        guard v != config.variant else { return }
        logChange(.variant(v))
        config.variant = v
        for d in model.denseDropout { d.variant = v }
        history.record(event: RunEvent(step: currentStep, kind: .change(.variant(v))))
    }

    /// Standout's `α` and `β`, from the next step on.
    public func setStandout(alpha: Float, beta: Float) throws {
        guard alpha.isFinite && beta.isFinite else { throw DropvizError("standout α and β must be finite, got \(alpha), \(beta)") }
        guard alpha != config.standoutAlpha || beta != config.standoutBeta else { return }
        logChange(.standout(alpha: alpha, beta: beta))
        config.standoutAlpha = alpha
        config.standoutBeta = beta
        Self.configureVariants(model, config)
        history.record(event: RunEvent(step: currentStep, kind: .change(.standout(alpha: alpha, beta: beta))))
    }

    /// DropConnect's inference rule and samples per unit, from the next evaluation on.
    public func setDropConnectInference(_ inference: DropConnectInference, samples: Int? = nil) throws {
        var c = config
        c.dropConnectInference = inference
        if let samples { c.dropConnectSamples = samples }
        try c.validate()
        guard c != config else { return }
        logChange(.dropConnectInference(inference, samples: c.dropConnectSamples))
        config = c
        Self.configureVariants(model, config)
        history.record(event: RunEvent(step: currentStep, kind: .change(.dropConnectInference(inference, samples: c.dropConnectSamples))))
    }

    public func setLearningRate(_ lr: Float) throws {
        guard lr > 0 && lr.isFinite else { throw DropvizError("learning rate must be positive, got \(lr)") }
        guard lr != config.learningRate else { return }
        logChange(.learningRate(lr))
        config.learningRate = lr
        optimizer.settings.learningRate = lr
        history.record(event: RunEvent(step: currentStep, kind: .change(.learningRate(lr))))
    }

    /// Back to step 0 with the same initial weights, batch order and masks (or those of a new
    /// seed), keeping the current rates, scaling and optimiser settings.
    public func reset(seed: UInt64? = nil) {
        if let seed {
            if config.dataSeed == nil { config.dataSeed = config.seed }
            config.seed = seed
        }
        model = Self.makeModel(config, data: data)
        mlp = model as? MLPNetwork
        optimizer = Optimizer(Self.optimizerSettings(config))
        sampler = Self.makeSampler(config, data: data)
        currentStep = 0
        diverged = false
        history = History()
        dropStatistics = DropStatistics()
        maskCensus = MaskCensus()
        lastEvaluation = nil
        lastBatchLoss = nil
        smoothed = nil
        evaluationGeneration += 1
        timeline = RunTimeline(initialConfig: config, recordsCheckpoints: timeline.recordsCheckpoints)
    }

    /// A rate as the plot's markers print it: 0.5, 0.55.
    public static func format(_ p: Float) -> String {
        let s = String(Float((p * 100).rounded() / 100))
        return s
    }

    // MARK: Restoring a saved run

    func restore(step: Int, optimizer: Optimizer, sampler: BatchSampler, maskStates: [Xoshiro], diverged: Bool) {
        self.currentStep = step
        self.optimizer = optimizer
        self.sampler = sampler
        for (d, s) in zip(model.dropoutPositions, maskStates) { d.rng = s }
        self.diverged = diverged
    }
}

// MARK: Checkpoints (Checkpoint.swift, Trainer+Timeline.swift)

extension Trainer {
    /// The whole training state now (here because it reads the private state).
    func checkpoint() -> TrainerCheckpoint {
        TrainerCheckpoint(
            step: currentStep, config: config,
            parameters: model.parameters.map { (detachedCopy($0.value.data), detachedCopy($0.firstMoment.data), detachedCopy($0.secondMoment.data)) },
            maskStates: model.dropoutPositions.map(\.rng), optimizer: optimizer, sampler: sampler,
            diverged: diverged, history: history, lastEvaluation: lastEvaluation, lastBatchLoss: lastBatchLoss,
            smoothed: smoothed, dropStatistics: dropStatistics, changes: timeline.changes)
    }

    /// Puts back a checkpoint taken from a trainer of the same model, built from the
    /// checkpoint's configuration (so rates, variants and scaling are already in place).
    func restore(_ c: TrainerCheckpoint) {
        for (p, s) in zip(model.parameters, c.parameters) {
            p.value = Matrix(rows: p.value.rows, cols: p.value.cols, data: detachedCopy(s.value))
            p.firstMoment = Matrix(rows: p.value.rows, cols: p.value.cols, data: detachedCopy(s.first))
            p.secondMoment = Matrix(rows: p.value.rows, cols: p.value.cols, data: detachedCopy(s.second))
        }
        restore(step: c.step, optimizer: c.optimizer, sampler: c.sampler, maskStates: c.maskStates, diverged: c.diverged)
        history = c.history
        evaluationGeneration += 1
        lastEvaluation = c.lastEvaluation
        lastBatchLoss = c.lastBatchLoss
        smoothed = c.smoothed
        dropStatistics = c.dropStatistics
        timeline.changes = c.changes
    }
}
