import Foundation

/// SplitMix64: turns one seed into well-mixed seeds for the separate streams.
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256**: the generator behind every stream of random numbers in the model. Never the
/// system generator, so that a seed reproduces a run bit for bit on every machine.
public struct Xoshiro: RandomNumberGenerator, Sendable, Equatable, Codable {
    public var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s = (sm.next(), sm.next(), sm.next(), sm.next())
    }

    public init(state: [UInt64]) {
        precondition(state.count == 4)
        s = (state[0], state[1], state[2], state[3])
    }

    public var state: [UInt64] { [s.0, s.1, s.2, s.3] }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1) with 24 random bits: every value is an exact `Float`.
    @inline(__always)
    public mutating func uniform() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// Uniform in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func uniformDouble() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Standard normal by Box–Muller (one of the pair is discarded: simpler state, and the
    /// streams stay aligned whatever is drawn between two calls).
    public mutating func normal() -> Float {
        var u1 = uniformDouble()
        if u1 < 1e-300 { u1 = 1e-300 }
        let u2 = uniformDouble()
        return Float((-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
    }

    public mutating func below(_ n: Int) -> Int {
        Int(next() % UInt64(n))
    }

    public static func == (a: Xoshiro, b: Xoshiro) -> Bool { a.state == b.state }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let hex = try c.decode([String].self)
        let words = hex.compactMap { UInt64($0, radix: 16) }
        guard words.count == 4 else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "generator state needs 4 hex words")
        }
        self.init(state: words)
    }

    /// Hex strings: JSON numbers lose precision above 2^53 in many readers.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(state.map { String($0, radix: 16) })
    }
}

/// The separate streams of one run. Each is derived from the seed and a fixed stream number,
/// so changing a rate (which only consumes mask numbers) leaves the data, the initial weights
/// and the batch order exactly as they were.
public enum Stream: UInt64 {
    case data = 1
    case initialWeights = 2
    case batchOrder = 3
    case masks = 100
    /// DropConnect's moment-matching samples at evaluation, one stream per position.
    case dropConnectInference = 101
    /// Monte Carlo dropout's stochastic passes, apart from the training masks.
    case monteCarlo = 102
    /// The conv dropout positions' masks of a `--model cnn` run, one stream per conv layer.
    case convMasks = 103
    /// The masks `dropviz ensemble` samples when the subnetworks are too many to enumerate.
    case ensembleMasks = 104

    public static func generator(seed: UInt64, stream: Stream, index: Int = 0) -> Xoshiro {
        var sm = SplitMix64(seed: seed ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03) ^ (UInt64(index) &* 0x8CB9_2BA7_2F3D_8DD7))
        return Xoshiro(seed: sm.next())
    }
}

extension Array {
    /// Fisher–Yates with our own generator (the standard library's shuffle is not specified to
    /// stay the same across versions).
    public mutating func seededShuffle(using rng: inout Xoshiro) {
        guard count > 1 else { return }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = rng.below(i + 1)
            if i != j { swapAt(i, j) }
        }
    }
}
