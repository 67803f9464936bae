/// A run's configuration as one line a teacher can write on the board and a class can paste
/// into `--state` to get the very same run: `key=value` pairs separated by `;`.
///
///     v1;data=moons;noise=0.35;train=80;val=0.3;hidden=128,128;act=relu;rates=0,0.5,0.5;…
///
/// Extra keys pass through `extras`: the visualizer's own (`step`, `twin`, `panel`) are its
/// business, so it names them to `decode` (`AppState.stateStringKeys`) rather than the core
/// knowing them.
public enum StateString {
    public static let version = "v1"

    public static func encode(_ c: TrainingConfig, extras: [(String, String)] = []) -> String {
        var pairs: [(String, String)] = [
            ("data", c.dataset),
            ("noise", c.noise.map { fmt($0) } ?? "default"),
            ("train", c.trainSize.map(String.init) ?? "all"),
            ("val", fmt(c.valFraction)),
            ("hidden", c.hidden.map(String.init).joined(separator: ",")),
            ("act", c.activationList),
            ("rates", c.rates.map { fmt(Double($0)) }.joined(separator: ",")),
            ("scaling", c.scaling.rawValue),
            ("variant", c.variant.rawValue),
            ("opt", c.optimizer.rawValue),
            ("lr", fmt(Double(c.learningRate))),
            ("batch", String(c.batchSize)),
            ("seed", String(c.seed)),
        ]
        if let d = c.dataSeed { pairs.append(("dataseed", String(d))) }
        if c.weightDecay != 0 { pairs.append(("wd", fmt(Double(c.weightDecay)))) }
        if c.l1 != 0 { pairs.append(("l1", fmt(Double(c.l1)))) }
        if c.standoutAlpha != 1 || c.standoutBeta != 0 {
            pairs.append(("alpha", fmt(Double(c.standoutAlpha))))
            pairs.append(("beta", fmt(Double(c.standoutBeta))))
        }
        if c.dropConnectInference != .momentMatching { pairs.append(("dcinf", c.dropConnectInference.rawValue)) }
        if c.dropConnectSamples != 32 { pairs.append(("dcz", String(c.dropConnectSamples))) }
        if let conv = c.conv {
            // Only for a CNN: MLP state strings stay as they were.
            pairs += [("model", ModelKind.cnn.rawValue), ("conv", conv.channels.map(String.init).joined(separator: ",")),
                      ("kernel", String(conv.kernel)), ("pad", conv.padding.rawValue),
                      ("crates", conv.rates.map { fmt(Double($0)) }.joined(separator: ",")),
                      ("cvariant", conv.variant.rawValue), ("block", String(conv.blockSize))]
        }
        if let lstm = c.lstm {
            // Only for an LSTM, as for a CNN.
            pairs += [("model", ModelKind.lstm.rawValue), ("rvariant", lstm.variant.rawValue)]
        }
        if let T = c.sequenceLength {
            pairs.append(("seq", String(T)))
        }
        // Only when chosen: strings of runs without input features stay as they were.
        if let f = c.inputFeatures { pairs.append(("features", InputFeature.names(f))) }
        pairs.append(("eval", String(c.evalEvery)))
        pairs += extras
        return ([version] + pairs.map { "\($0)=\($1)" }).joined(separator: ";")
    }

    /// The configuration and the extra keys (those of `extraKeys` the text holds), or an error
    /// naming the bad part.
    public static func decode(_ text: String, extraKeys: Set<String> = []) throws -> (config: TrainingConfig, extras: [String: String]) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").map(String.init)
        guard parts.first == version else {
            throw SettingError(.state, value: version, ": not a dropviz state string (it starts with '\(version);')")
        }
        var c = TrainingConfig()
        var extras: [String: String] = [:]
        // The model's two groups of keys, as a model file's two fields; `model` is set from
        // both at the end (ModelSpec.swift), so a string holding both is an error.
        var conv: ConvSettings? = nil, lstm: LSTMSettings? = nil
        for part in parts.dropFirst() {
            guard let eq = part.firstIndex(of: "="), eq != part.startIndex else {
                throw SettingError(.state, value: part, ": '\(part)' is not key=value")
            }
            let key = String(part[..<eq]), value = String(part[part.index(after: eq)...])
            func bad() -> SettingError { SettingError(.state, value: value, ": bad value '\(value)' for '\(key)'") }
            func float() throws -> Float { guard let v = Float(value) else { throw bad() }; return v }
            func double() throws -> Double { guard let v = Double(value) else { throw bad() }; return v }
            func int() throws -> Int { guard let v = Int(value) else { throw bad() }; return v }
            func choice<T: RawRepresentable>(_: T.Type) throws -> T where T.RawValue == String {
                guard let v = T(rawValue: value) else { throw bad() }; return v
            }
            switch key {
            case "data": c.dataset = value
            case "noise": c.noise = value == "default" ? nil : try double()
            case "train": c.trainSize = value == "all" ? nil : try int()
            case "val": c.valFraction = try double()
            case "hidden": c.hidden = try value.split(separator: ",").map { guard let v = Int($0) else { throw bad() }; return v }
            // One activation (every hidden layer, as older strings have it) or one per layer.
            case "act": c.activations = try value.split(separator: ",", omittingEmptySubsequences: false).map { guard let v = Activation(rawValue: String($0)) else { throw bad() }; return v }
            case "rates": c.rates = try value.split(separator: ",").map { guard let v = Float($0) else { throw bad() }; return v }
            case "scaling": c.scaling = try choice(Scaling.self)
            case "variant": c.variant = try choice(DropoutVariant.self)
            case "opt": c.optimizer = try choice(OptimizerKind.self)
            case "lr": c.learningRate = try float()
            case "batch": c.batchSize = try int()
            case "seed": guard let v = UInt64(value) else { throw bad() }; c.seed = v
            case "dataseed": guard let v = UInt64(value) else { throw bad() }; c.dataSeed = v
            case "wd": c.weightDecay = try float()
            case "l1": c.l1 = try float()
            case "alpha": c.standoutAlpha = try float()
            case "beta": c.standoutBeta = try float()
            case "dcinf": c.dropConnectInference = try choice(DropConnectInference.self)
            case "dcz": c.dropConnectSamples = try int()
            case "eval": c.evalEvery = try int()
            case "model":
                switch try choice(ModelKind.self) {
                case .mlp: conv = nil; lstm = nil
                case .cnn: conv = conv ?? ConvSettings(); lstm = nil
                case .lstm: lstm = lstm ?? LSTMSettings(); conv = nil
                }
            case "rvariant":
                var settings = lstm ?? LSTMSettings()
                settings.variant = try choice(RecurrentDropoutVariant.self)
                lstm = settings
            case "seq": c.sequenceLength = try int()
            case "features":
                do { c.inputFeatures = try InputFeature.parse(value) } catch let e as SettingError { throw SettingError(.state, value: value, ": \(nested: e)") } catch { throw SettingError(.state, value: value, ": \(error)") }
            case "conv", "kernel", "pad", "crates", "cvariant", "block":
                var settings = conv ?? ConvSettings()
                switch key {
                case "conv": settings.channels = try value.split(separator: ",").map { guard let v = Int($0) else { throw bad() }; return v }
                case "kernel": settings.kernel = try int()
                case "pad": settings.padding = try choice(ConvPadding.self)
                case "crates": settings.rates = try value.split(separator: ",").map { guard let v = Float($0) else { throw bad() }; return v }
                case "cvariant": settings.variant = try choice(ConvDropoutVariant.self)
                default: settings.blockSize = try int()
                }
                conv = settings
            case _ where extraKeys.contains(key): extras[key] = value
            case "changes": _ = try RunChange.decode(value); extras[key] = value
            default: throw SettingError(.state, value: key, ": unknown key '\(key)'")
            }
        }
        c.model = try ModelSpec(conv: conv, lstm: lstm)
        try c.validate()
        return (c, extras)
    }

    /// Shortest form that reads back as the same `Float`/`Double`.
    static func fmt(_ v: Double) -> String {
        let f = Float(v)
        if Double(f) == v || v == Double(Float(String(f)) ?? .nan) { return String(f).replacingOccurrences(of: ".0$", with: "", options: .regularExpression) }
        return String(v)
    }
}

import Foundation
