/// Expected calibration error (Guo et al. 2017; Naeini et al. 2015): the predictions are put
/// in equal-width bins of confidence (the top class's probability), and the gaps between each
/// bin's accuracy and its mean confidence are averaged, weighted by the bin's share of examples.
public enum Calibration {
    public static let defaultBins = 15

    /// `ECE = Σ_b (n_b/N)·|acc_b − conf_b|`; bin `b` holds confidences in `[b/B, (b+1)/B)`, the
    /// last one including 1. 0 for no examples.
    public static func expectedCalibrationError(confidences: [Double], correct: [Bool], bins: Int = defaultBins) -> Double {
        precondition(confidences.count == correct.count && bins >= 1)
        guard !confidences.isEmpty else { return 0 }
        var count = [Int](repeating: 0, count: bins)
        var hits = [Double](repeating: 0, count: bins)
        var confidence = [Double](repeating: 0, count: bins)
        for (c, ok) in zip(confidences, correct) {
            let b = min(bins - 1, max(0, Int(c * Double(bins))))
            count[b] += 1
            confidence[b] += c
            if ok { hits[b] += 1 }
        }
        var ece: Double = 0
        for b in 0..<bins where count[b] > 0 {
            let n = Double(count[b])
            ece += n / Double(confidences.count) * abs(hits[b] / n - confidence[b] / n)
        }
        return ece
    }
}
