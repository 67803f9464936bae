/// The convolutional part of a `--model cnn` run: for each conv layer `i` (1-based),
/// conv `channels[i]` k×k → ReLU → conv dropout (`rates[i]`, `variant`) → 2×2 max pooling;
/// then flatten and the dense layers of the configuration (`hidden`, `rates`, `variant`).
public struct ConvSettings: Codable, Equatable, Sendable {
    /// Output channels of each conv layer.
    public var channels: [Int] = [8, 16]
    /// Kernel side `k`.
    public var kernel: Int = 3
    public var padding: ConvPadding = .same
    /// Drop rate of each conv layer's dropout position (DropBlock: `1 - keep`).
    public var rates: [Float] = [0.2, 0.2]
    public var variant: ConvDropoutVariant = .spatial
    /// DropBlock's block side `b`.
    public var blockSize: Int = 2

    public init() {}

    /// The dense layers after the convolutions when none are given: one hidden layer of 64.
    public static let defaultHidden = [64]

    public func validate() throws {
        guard !channels.isEmpty else { throw SettingError(.convChannels, value: "", "needs at least one conv layer") }
        for c in channels where c < 1 { throw SettingError(.convChannels, value: c, ": a channel count must be at least 1, got \(c)") }
        guard rates.count == channels.count else {
            throw SettingError(.convRates, value: rates.count, "needs \(channels.count) values (one per conv layer), got \(rates.count)")
        }
        for p in rates { try TrainingConfig.checkRate(p, setting: .convRate) }
        guard kernel >= 1 && kernel <= 7 else { throw SettingError(.kernel, value: kernel, "must be between 1 and 7, got \(kernel)") }
        guard padding == .valid || kernel % 2 == 1 else {
            throw SettingError(.padding, value: padding.rawValue, "same needs an odd kernel side, got \(kernel)")
        }
        guard blockSize >= 1 else { throw SettingError(.blockSize, value: blockSize, "must be at least 1, got \(blockSize)") }
    }

    /// The shapes after each conv layer's pooling, from the input image; an error names the
    /// layer where the maps become too small.
    public func shapes(input: FeatureMapShape) throws -> [FeatureMapShape] {
        var s = input
        var out: [FeatureMapShape] = []
        for (i, c) in channels.enumerated() {
            let h = padding.outputSize(s.height, kernel: kernel), w = padding.outputSize(s.width, kernel: kernel)
            guard h >= 2 && w >= 2 else {
                throw SettingError(.model, value: ModelKind.cnn.rawValue, "cnn: conv layer \(i + 1) would make \(s.height)×\(s.width) maps \(max(h, 0))×\(max(w, 0)), too small to pool 2×2 (fewer conv layers, a smaller kernel or 'same' padding)")
            }
            s = FeatureMapShape(channels: c, height: h / 2, width: w / 2)
            out.append(s)
        }
        return out
    }
}

extension TrainingConfig {
    /// Rates of every dropout position in the order the visualizer selects them: the conv
    /// positions first (cnn), then the input (or flattened maps) and each hidden layer.
    public var positionRates: [Float] { (conv?.rates ?? []) + rates }

    /// Sets the rate of position `i` of `positionRates`.
    public mutating func setPositionRate(_ p: Float, position i: Int) {
        if case .cnn(var conv) = model, i < conv.rates.count {
            conv.rates[i] = p
            model = .cnn(conv)
        } else {
            rates[i - (conv?.rates.count ?? 0)] = p
        }
    }
}
