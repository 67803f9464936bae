/// Building an LSTM for `--model lstm`, and the live changes only it has.
extension Trainer {
    /// The model when it is an LSTM.
    public var lstmModel: LSTMNetwork? { model as? LSTMNetwork }

    /// The sequence's steps and features per step, from the data set and its width.
    static func sequenceShape(_ config: TrainingConfig, data: DataSplit) -> (steps: Int, width: Int)? {
        guard let D = SequenceDatasets.stepWidth(config.dataset), data.train.featureCount % D == 0 else { return nil }
        return (data.train.featureCount / D, D)
    }

    static func checkLSTM(_ config: TrainingConfig, data: DataSplit) throws {
        guard let (T, _) = sequenceShape(config, data: data), T >= 1 else {
            throw SettingError(.model, value: "lstm", "lstm needs a sequence data set (adding, sine-seq), not '\(config.dataset)'")
        }
        let readout = SequenceDatasets.readout(config.dataset)
        if readout == .everyStep && data.train.task.outputs % T != 0 {
            throw SettingError(.model, value: "lstm", "lstm: '\(config.dataset)' has \(data.train.task.outputs) outputs, not one set per step")
        }
    }

    /// The LSTM of `config`: `hidden[0]` units, rates `[z_x, recurrent]`; `checkLSTM` has
    /// accepted the data.
    static func makeLSTM(_ config: TrainingConfig, _ settings: LSTMSettings, data: DataSplit) -> LSTMNetwork {
        let (T, D) = sequenceShape(config, data: data) ?? (1, data.train.featureCount)
        var initRNG = Stream.generator(seed: config.seed, stream: .initialWeights)
        return LSTMNetwork(inputs: D, hidden: config.hidden[0], steps: T, task: data.train.task,
                           readout: SequenceDatasets.readout(config.dataset), variant: settings.variant,
                           rate: config.rates[1], inputRate: config.rates[0], initRNG: &initRNG, maskSeed: config.seed)
    }

    /// Switches the recurrent dropout variant from the next step on (LSTM only; nothing is
    /// reset: the weights, the optimiser and every stream carry on).
    public func setRecurrentVariant(_ v: RecurrentDropoutVariant) throws {
        guard let net = lstmModel, var settings = config.lstm else {
            throw DropvizError("recurrent variants are not for this model (\(model.kind.rawValue))")
        }
        guard v != settings.variant else { return }
        logChange(.recurrentVariant(v))
        settings.variant = v
        config.model = .lstm(settings)
        net.lstm.variant = v
        history.record(event: RunEvent(step: currentStep, kind: .change(.recurrentVariant(v))))
    }
}
