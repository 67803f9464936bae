/// A change made to a run between two steps (a key in the visualizer): what it was and the
/// step it was made at. A run is its initial configuration plus these changes, in order, so a
/// replay that makes the same changes at the same steps gives the same weights bit for bit.
///
/// "At step s" means after step s finished and before step s+1 starts.
public struct RunChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable, Codable {
        /// The rate of these dropout positions (`Trainer.setRate(_:layers:)`).
        case rate(Float, positions: [Int])
        case scaling(Scaling)
        case variant(DropoutVariant)
        case standout(alpha: Float, beta: Float)
        case dropConnectInference(DropConnectInference, samples: Int)
        case learningRate(Float)
        case convVariant(ConvDropoutVariant)
        case blockSize(Int)
        case recurrentVariant(RecurrentDropoutVariant)
    }

    public var step: Int
    public var kind: Kind

    public init(step: Int, kind: Kind) {
        self.step = step
        self.kind = kind
    }
}

extension Trainer {
    /// Makes `change` through the same method a key calls, so that it is recorded (history
    /// marker and change log) exactly as it was the first time.
    func apply(_ change: RunChange.Kind) throws {
        switch change {
        case .rate(let p, let positions): try setRate(p, layers: positions)
        case .scaling(let s): setScaling(s)
        case .variant(let v): setVariant(v)
        case .standout(let a, let b): try setStandout(alpha: a, beta: b)
        case .dropConnectInference(let i, let z): try setDropConnectInference(i, samples: z)
        case .learningRate(let lr): try setLearningRate(lr)
        case .convVariant(let v): try setConvVariant(v)
        case .blockSize(let b): try setBlockSize(b)
        case .recurrentVariant(let v): try setRecurrentVariant(v)
        }
    }
}

/// The state string's `changes=` value: `STEP:KEY=VALUE` items separated by `,`, e.g.
/// `changes=1200:p1+2=0.6,1500:variant=gaussian`. Keys: `pI+J…` (rate of positions I, J…),
/// `scaling`, `variant`, `standout` (`α/β`), `dcinf` (`rule/Z`), `lr`, `cvariant`, `block`,
/// `rvariant`.
extension RunChange {
    public static func encode(_ changes: [RunChange]) -> String {
        changes.map { c in
            let item: String
            switch c.kind {
            case .rate(let p, let positions): item = "p" + positions.map(String.init).joined(separator: "+") + "=" + StateString.fmt(Double(p))
            case .scaling(let s): item = "scaling=" + s.rawValue
            case .variant(let v): item = "variant=" + v.rawValue
            case .standout(let a, let b): item = "standout=" + StateString.fmt(Double(a)) + "/" + StateString.fmt(Double(b))
            case .dropConnectInference(let i, let z): item = "dcinf=\(i.rawValue)/\(z)"
            case .learningRate(let lr): item = "lr=" + StateString.fmt(Double(lr))
            case .convVariant(let v): item = "cvariant=" + v.rawValue
            case .blockSize(let b): item = "block=\(b)"
            case .recurrentVariant(let v): item = "rvariant=" + v.rawValue
            }
            return "\(c.step):\(item)"
        }.joined(separator: ",")
    }

    /// The changes of a `changes=` value, or an error naming the bad item. Steps must not
    /// go backwards: the list is the order the changes were made in.
    public static func decode(_ text: String) throws -> [RunChange] {
        var changes: [RunChange] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            func bad(_ why: String) -> SettingError { SettingError(.state, value: item, ": bad change '\(item)': \(why)") }
            guard let colon = item.firstIndex(of: ":"), let eq = item.firstIndex(of: "="), colon < eq else {
                throw bad("not STEP:KEY=VALUE")
            }
            guard let step = Int(item[..<colon]), step >= 0, step <= TrainingConfig.maxSteps else {
                throw bad("the step is not a whole number between 0 and \(TrainingConfig.maxSteps)")
            }
            if let last = changes.last, last.step > step { throw bad("steps must not go backwards") }
            let key = String(item[item.index(after: colon)..<eq]), value = String(item[item.index(after: eq)...])
            func float(_ s: Substring) throws -> Float {
                guard let v = Float(s), v.isFinite else { throw bad("'\(s)' is not a number") }
                return v
            }
            func choice<T: RawRepresentable>(_: T.Type) throws -> T where T.RawValue == String {
                guard let v = T(rawValue: value) else { throw bad("unknown value '\(value)'") }
                return v
            }
            func pair() throws -> (Substring, Substring) {
                let halves = value.split(separator: "/", omittingEmptySubsequences: false)
                guard halves.count == 2 else { throw bad("expected A/B") }
                return (halves[0], halves[1])
            }
            let kind: Kind
            switch key {
            case "scaling": kind = .scaling(try choice(Scaling.self))
            case "variant": kind = .variant(try choice(DropoutVariant.self))
            case "cvariant": kind = .convVariant(try choice(ConvDropoutVariant.self))
            case "rvariant": kind = .recurrentVariant(try choice(RecurrentDropoutVariant.self))
            case "lr": kind = .learningRate(try float(Substring(value)))
            case "block":
                guard let b = Int(value) else { throw bad("'\(value)' is not a whole number") }
                kind = .blockSize(b)
            case "standout":
                let (a, b) = try pair()
                kind = .standout(alpha: try float(a), beta: try float(b))
            case "dcinf":
                let (i, z) = try pair()
                guard let rule = DropConnectInference(rawValue: String(i)), let samples = Int(z) else { throw bad("expected RULE/SAMPLES") }
                kind = .dropConnectInference(rule, samples: samples)
            case _ where key.hasPrefix("p"):
                let positions = try key.dropFirst().split(separator: "+", omittingEmptySubsequences: false).map {
                    guard let i = Int($0), i >= 0 else { throw bad("'\(key)' does not name dropout positions") }
                    return i
                }
                kind = .rate(try float(Substring(value)), positions: positions)
            default: throw bad("unknown key '\(key)'")
            }
            changes.append(RunChange(step: step, kind: kind))
        }
        return changes
    }
}
