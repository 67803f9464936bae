/// A setting the core refuses, as data: which setting, the value given, and what is wrong with
/// it (the limit included). The core does not know how a front end spells a setting — the
/// command line's `--lr`, a lesson's option, the visualizer's key — so each names it its own way
/// (dropviz/SettingFlags.swift); `description` uses the plain name.
public struct SettingError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Setting: String, CaseIterable, Sendable {
        case model, hidden, rates, rate, convChannels, convRates, convRate, kernel, padding, blockSize
        case learningRate, batchSize, weightDecay, l1, standoutAlpha, standoutBeta, dropConnectSamples
        case evalEvery, valFraction, trainSize, noise, sequenceLength, task, targets, gridRate
        case activation, features, grid, shard, out, merge, exportSplit, state, allowChangedData
        case mcSamples, maxMemory

        /// The name a reader without the command line understands.
        public var name: String {
            switch self {
            case .model: return "model"
            case .hidden: return "hidden widths"
            case .rates: return "rates"
            case .rate: return "rate"
            case .convChannels: return "conv channels"
            case .convRates: return "conv rates"
            case .convRate: return "conv rate"
            case .kernel: return "kernel side"
            case .padding: return "padding"
            case .blockSize: return "block size"
            case .learningRate: return "learning rate"
            case .batchSize: return "batch size"
            case .weightDecay: return "weight decay"
            case .l1: return "L1 penalty"
            case .standoutAlpha: return "standout α"
            case .standoutBeta: return "standout β"
            case .dropConnectSamples: return "DropConnect samples"
            case .evalEvery: return "steps between evaluations"
            case .valFraction: return "validation fraction"
            case .trainSize: return "training size"
            case .noise: return "noise"
            case .sequenceLength: return "sequence length"
            case .task: return "task"
            case .targets: return "targets"
            case .gridRate: return "grid rate"
            case .activation: return "activations"
            case .features: return "input features"
            case .grid: return "rate grid"
            case .shard: return "shard"
            case .out: return "output"
            case .merge: return "merge"
            case .exportSplit: return "split export"
            case .state: return "state string"
            case .allowChangedData: return "changed-data permission"
            case .mcSamples: return "Monte Carlo samples"
            case .maxMemory: return "the memory limit option"
            }
        }
    }

    public let setting: Setting
    /// The value refused, as given.
    public let value: String
    /// What is wrong, to follow the setting's name: "must be between 1 and 7, got 9" (or, to
    /// follow it after a colon, ": a layer width must be at least 1, got 0"), with plain names
    /// for any setting it mentions.
    public var problem: String { words.description }
    /// The same with the settings it mentions kept as data (SettingWords.swift).
    public let words: SettingWords
    /// Whether the message is `words` alone, a sentence that names its settings where it says
    /// so, rather than the setting's name followed by `words`.
    public let isSentence: Bool

    public init(_ setting: Setting, value: some CustomStringConvertible, _ problem: SettingWords) {
        self.setting = setting
        self.value = value.description
        self.words = problem
        isSentence = false
    }

    /// A message that is one sentence naming `setting` (and perhaps others) inside it.
    public init(_ setting: Setting, value: some CustomStringConvertible, sentence: SettingWords) {
        self.setting = setting
        self.value = value.description
        self.words = sentence
        isSentence = true
    }

    /// The message with each setting spelt by `name`: the command line passes its flags.
    public func message(naming name: (Setting) -> String) -> String {
        let rest = words.rendered(naming: name)
        if isSentence { return rest }
        return name(setting) + (words.startsWithColon ? "" : " ") + rest
    }

    public var description: String { message { $0.name } }
}
