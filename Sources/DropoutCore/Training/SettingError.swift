/// A setting the core refuses, as data: which setting, the value given, and what is wrong with
/// it (the limit included). The core does not know how a front end spells a setting — the
/// command line's `--lr`, a lesson's option, the visualizer's key — so each names it its own way
/// (dropviz/SettingFlags.swift); `description` uses the plain name.
public struct SettingError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Setting: String, CaseIterable, Sendable {
        case model, hidden, rates, rate, convChannels, convRates, convRate, kernel, padding, blockSize
        case learningRate, batchSize, weightDecay, l1, standoutAlpha, standoutBeta, dropConnectSamples
        case evalEvery, valFraction, trainSize, noise, sequenceLength, task, targets, gridRate

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
            }
        }
    }

    public let setting: Setting
    /// The value refused, as given.
    public let value: String
    /// What is wrong, to follow the setting's name: "must be between 1 and 7, got 9" (or, to
    /// follow it after a colon, ": a layer width must be at least 1, got 0").
    public let problem: String

    public init(_ setting: Setting, value: some CustomStringConvertible, _ problem: String) {
        self.setting = setting
        self.value = value.description
        self.problem = problem
    }

    public var description: String { setting.name + (problem.hasPrefix(":") ? "" : " ") + problem }
}
