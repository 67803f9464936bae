/// The shape of one example's feature maps: `channels` maps of `height × width` pixels.
///
/// A batch of feature maps is a `Matrix` with a row per example and `channels·height·width`
/// columns, channel-major (channel, then row, then column), so that a convolutional model still
/// maps a batch matrix to logits and every dense-network tool (losses, optimisers, the batch
/// sampler) works on it unchanged. Element `(c, i, j)` of example `n` is `x[n, index(c, i, j)]`.
public struct FeatureMapShape: Equatable, Codable, Sendable, CustomStringConvertible {
    public var channels: Int
    public var height: Int
    public var width: Int

    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels
        self.height = height
        self.width = width
    }

    /// Pixels of one map.
    public var area: Int { height * width }
    /// Columns of one example: every pixel of every channel.
    public var count: Int { channels * area }

    @inline(__always)
    public func index(_ c: Int, _ i: Int, _ j: Int) -> Int { (c * height + i) * width + j }

    public var description: String { "\(channels)×\(height)×\(width)" }

    /// The single-channel `s × s` image a data set with `s²` features holds (UCI digits: 8×8),
    /// or nil when the feature count is not a square.
    public static func squareImage(features n: Int) -> FeatureMapShape? {
        var s = 1
        while s * s < n { s += 1 }
        return s * s == n && n > 1 ? FeatureMapShape(channels: 1, height: s, width: s) : nil
    }
}

/// How a convolution treats the border.
public enum ConvPadding: String, Codable, CaseIterable, Sendable {
    /// Zero padding of `k/2` on every side: the output has the input's size (odd `k`).
    case same
    /// No padding: the output shrinks by `k - 1`.
    case valid

    /// Zero rows (and columns) added before the first pixel.
    public func pad(kernel k: Int) -> Int { self == .same ? (k - 1) / 2 : 0 }

    /// Output size of a stride-1 convolution on `n` pixels.
    public func outputSize(_ n: Int, kernel k: Int) -> Int { self == .same ? n : n - k + 1 }
}
