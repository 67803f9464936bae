import DropoutCore

/// The command line's name for each setting the core refuses: the core throws `SettingError`
/// data, and the message a user reads names the flag to change.
extension SettingError.Setting {
    var flag: String {
        switch self {
        case .model: return "--model"
        case .hidden: return "--hidden"
        case .rates: return "--rates"
        case .rate: return "--rate"
        case .convChannels: return "--conv-channels"
        case .convRates: return "--conv-rates"
        case .convRate: return "--conv-rate"
        case .kernel: return "--kernel"
        case .padding: return "--padding"
        case .blockSize: return "--block-size"
        case .learningRate: return "--lr"
        case .batchSize: return "--batch"
        case .weightDecay: return "--weight-decay"
        case .l1: return "--l1"
        case .standoutAlpha: return "--standout-alpha"
        case .standoutBeta: return "--standout-beta"
        case .dropConnectSamples: return "--dropconnect-samples"
        case .evalEvery: return "--eval-every"
        case .valFraction: return "--val-fraction"
        case .trainSize: return "--train-size"
        case .noise: return "--noise"
        case .sequenceLength: return "--seq-len"
        case .task: return "--task"
        case .targets: return "--targets"
        case .gridRate: return "--grid rate"
        case .activation: return "--activation"
        case .features: return "--features"
        case .grid: return "--grid"
        case .shard: return "--shard"
        case .out: return "--out"
        case .merge: return "--merge"
        case .exportSplit: return "--export-split"
        case .state: return "--state"
        case .allowChangedData: return "--allow-changed-data"
        case .mcSamples: return "--mc-samples"
        case .maxMemory: return "--max-memory"
        }
    }
}

extension SettingError {
    /// The one line the command line prints: the flag, then what is wrong.
    var commandLineMessage: String { message { $0.flag } }
}

/// `TrainingConfig.checkRate` for a rate the command line read from `flag` (`--input-rate`,
/// `--twin-rate`…): the core's error names the flag given rather than `--rate`.
func checkRate(_ p: Float, flag: String) throws {
    do {
        try TrainingConfig.checkRate(p)
    } catch let e as SettingError {
        throw DropvizError(flag + (e.problem.hasPrefix(":") ? "" : " ") + e.problem)
    }
}
