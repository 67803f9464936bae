/// Building the model a configuration asks for, and the live changes that only a CNN has.
extension Trainer {
    /// Checks that the data suit the model: a CNN needs images (a square number of features,
    /// one channel) large enough for its conv layers.
    static func checkModel(_ config: TrainingConfig, data: DataSplit) throws {
        let conv: ConvSettings
        switch config.model {
        case .mlp: return
        case .lstm: try checkLSTM(config, data: data); return
        case .cnn(let settings): conv = settings
        }
        let n = data.train.featureCount
        guard let image = FeatureMapShape.squareImage(features: n) else {
            throw SettingError(.model, value: "cnn", "cnn needs image data (a square number of features, like digits' 8×8); '\(config.dataset)' has \(n) feature\(n == 1 ? "" : "s")")
        }
        _ = try conv.shapes(input: image)
    }

    /// The model of `config` with its initial weights; `checkModel` has accepted the data.
    static func makeModel(_ config: TrainingConfig, data: DataSplit) -> any TrainableModel {
        let conv: ConvSettings
        switch config.model {
        case .mlp: return makeNetwork(config, data: data)
        case .lstm(let lstm): return makeLSTM(config, lstm, data: data)
        case .cnn(let settings): conv = settings
        }
        guard let image = FeatureMapShape.squareImage(features: data.train.featureCount) else {
            // `checkModel` refuses data that are not square images before a model is made.
            return makeNetwork(config, data: data)
        }
        var initRNG = Stream.generator(seed: config.seed, stream: .initialWeights)
        let net = ConvNetwork(conv, input: image, hidden: config.hidden, task: data.train.task, activations: config.activations,
                              headRates: config.rates, scaling: config.scaling, variant: config.variant,
                              initRNG: &initRNG, maskSeed: config.seed)
        configureVariants(net, config)
        return net
    }

    /// Switches the conv layers' dropout variant from the next step on (CNN only; nothing is
    /// reset). Throws for a model without conv layers.
    public func setConvVariant(_ v: ConvDropoutVariant) throws {
        guard let cnn, var conv = config.conv else { throw DropvizError("conv variants are not for this model (\(model.kind.rawValue))") }
        guard v != conv.variant else { return }
        logChange(.convVariant(v))
        conv.variant = v
        config.model = .cnn(conv)
        for d in cnn.convDropout { d.variant = v }
        history.record(event: RunEvent(step: currentStep, kind: .change(.convVariant(v))))
    }

    /// DropBlock's block side, from the next step on (CNN only).
    public func setBlockSize(_ b: Int) throws {
        guard let cnn, var conv = config.conv else { throw SettingError(.blockSize, value: b, "is not for this model (\(model.kind.rawValue))") }
        guard b >= 1 else { throw DropvizError("block size must be at least 1, got \(b)") }
        guard b != conv.blockSize else { return }
        logChange(.blockSize(b))
        conv.blockSize = b
        config.model = .cnn(conv)
        for d in cnn.convDropout { d.blockSize = b }
        history.record(event: RunEvent(step: currentStep, kind: .change(.blockSize(b))))
    }
}
