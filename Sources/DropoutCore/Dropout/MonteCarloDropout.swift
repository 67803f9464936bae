import Foundation

/// What `T` stochastic forward passes say about each example (Gal & Ghahramani, ICML 2016).
public struct MCPrediction: Sendable {
    public var samples: Int
    public var isClassification: Bool
    /// Classification: `p̄ = (1/T) Σ_t softmax(f_t(x))`; regression: the mean output. A row
    /// per example.
    public var mean: Matrix
    /// The standard deviation over the `T` passes, per class probability (or per output),
    /// with divisor `T` (zero when every pass agrees).
    public var std: Matrix
    /// `H[p̄]` in nats (classification only; empty for regression).
    public var entropy: [Double]
    /// `H[p̄] − (1/T) Σ_t H[p_t]`: what the model does not know (classification only).
    public var mutualInformation: [Double]
}

/// How Monte Carlo dropout does on a data set, beside the plain (eval-mode) prediction.
public struct MCSummary: Sendable, Codable, Equatable {
    public var samples: Int
    public var examples: Int
    // Classification
    public var accuracyMC: Double?
    public var accuracyEval: Double?
    /// Mean `H[p̄]` over the examples the MC mean gets right / wrong (nil when there are none).
    public var meanEntropyCorrect: Double?
    public var meanEntropyWrong: Double?
    /// Mean mutual information over the examples the MC mean gets right / wrong.
    public var meanMutualInformationCorrect: Double?
    public var meanMutualInformationWrong: Double?
    /// Expected calibration error (15 bins) of the MC mean and of the plain softmax.
    public var eceMC: Double?
    public var eceEval: Double?
    // Regression
    public var rmseMC: Double?
    public var rmseEval: Double?
    /// Mean over examples and outputs of the standard deviation of the `T` outputs.
    public var meanStd: Double?
}

/// Monte Carlo dropout: keep dropout on at prediction time and average `T` passes.
///
/// The passes draw from their own streams (`Stream.monteCarlo`), never from the training
/// masks' streams, and leave the network's last training step as it was
/// (`MLPNetwork.forwardStochastic`). Every variant works: Bernoulli, Gaussian, DropConnect and
/// standout are all stochastic in training mode.
public enum MonteCarloDropout {
    public static let defaultSamples = 50

    /// One stream per dropout position, derived from `seed`.
    public static func streams(seed: UInt64, positions: Int) -> [Xoshiro] {
        (0..<positions).map { Stream.generator(seed: seed, stream: .monteCarlo, index: $0) }
    }

    public static func predict(_ network: MLPNetwork, _ x: Matrix, samples: Int, seed: UInt64) -> MCPrediction {
        var s = streams(seed: seed, positions: network.dropout.count)
        return predict(network, x, samples: samples, streams: &s)
    }

    /// `samples` passes over `x` (all rows at once per pass), continuing `streams`.
    public static func predict(_ network: MLPNetwork, _ x: Matrix, samples t: Int, streams: inout [Xoshiro]) -> MCPrediction {
        precondition(t >= 1, "Monte Carlo dropout needs at least one pass")
        let classification = network.architecture.task.isClassification
        let n = x.rows, k = network.architecture.outputs
        var sum = [Double](repeating: 0, count: n * k)
        var sumSquares = sum
        var sumEntropy = [Double](repeating: 0, count: n)
        // A cancelled computation stops between passes (its caller drops the result).
        for _ in 0..<t where !Cancellation.isRequested {
            let out = network.forwardStochastic(x, streams: &streams)
            let values = classification ? Softmax.probabilities(out) : out
            for r in 0..<n {
                var h: Double = 0
                for j in 0..<k {
                    let v = Double(values.data[r * k + j])
                    sum[r * k + j] += v
                    sumSquares[r * k + j] += v * v
                    if v > 0 { h -= v * log(v) }
                }
                sumEntropy[r] += h
            }
        }
        let T = Double(t)
        var mean = Matrix(rows: n, cols: k), std = Matrix(rows: n, cols: k)
        var entropy: [Double] = [], mi: [Double] = []
        for i in 0..<(n * k) {
            let m = sum[i] / T
            mean.data[i] = Float(m)
            // Var = E[v²] − E[v]²; rounding can make it a hair below 0.
            std.data[i] = Float(max(0, sumSquares[i] / T - m * m).squareRoot())
        }
        if classification {
            for r in 0..<n {
                let pBar = (0..<k).map { sum[r * k + $0] / T }
                let h = Softmax.entropy(pBar)
                entropy.append(h)
                // Non-negative by the concavity of H; clamp rounding noise.
                mi.append(max(0, h - sumEntropy[r] / T))
            }
        }
        return MCPrediction(samples: t, isClassification: classification, mean: mean, std: std,
                            entropy: entropy, mutualInformation: mi)
    }

    /// MC dropout against the plain eval prediction on a whole data set.
    public static func summary(_ network: MLPNetwork, _ set: Dataset, samples: Int, seed: UInt64) -> MCSummary {
        let mc = predict(network, set.features, samples: samples, seed: seed)
        let plain = network.predict(set.features)
        var s = MCSummary(samples: samples, examples: set.count)
        switch set.targets {
        case .classes(let labels):
            let pEval = Softmax.probabilities(plain)
            var okMC: [Bool] = [], okEval: [Bool] = []
            var confMC: [Double] = [], confEval: [Double] = []
            var hRight: [Double] = [], hWrong: [Double] = [], miRight: [Double] = [], miWrong: [Double] = []
            for r in 0..<set.count {
                let a = Softmax.argmax(mc.mean, row: r), b = Softmax.argmax(pEval, row: r)
                okMC.append(a == labels[r])
                okEval.append(b == labels[r])
                confMC.append(Double(mc.mean[r, a]))
                confEval.append(Double(pEval[r, b]))
                if a == labels[r] { hRight.append(mc.entropy[r]); miRight.append(mc.mutualInformation[r]) } else { hWrong.append(mc.entropy[r]); miWrong.append(mc.mutualInformation[r]) }
            }
            let n = Double(max(1, set.count))
            s.accuracyMC = Double(okMC.filter { $0 }.count) / n
            s.accuracyEval = Double(okEval.filter { $0 }.count) / n
            s.meanEntropyCorrect = average(hRight)
            s.meanEntropyWrong = average(hWrong)
            s.meanMutualInformationCorrect = average(miRight)
            s.meanMutualInformationWrong = average(miWrong)
            s.eceMC = Calibration.expectedCalibrationError(confidences: confMC, correct: okMC)
            s.eceEval = Calibration.expectedCalibrationError(confidences: confEval, correct: okEval)
        case .values(let t):
            var eMC: Double = 0, eEval: Double = 0
            for i in 0..<t.count {
                eMC += pow(Double(mc.mean.data[i] - t.data[i]), 2)
                eEval += pow(Double(plain.data[i] - t.data[i]), 2)
            }
            let n = Double(max(1, t.count))
            s.rmseMC = (eMC / n).squareRoot()
            s.rmseEval = (eEval / n).squareRoot()
            s.meanStd = average(mc.std.data.map(Double.init))
        }
        return s
    }

    private static func average(_ v: [Double]) -> Double? {
        v.isEmpty ? nil : v.reduce(0, +) / Double(v.count)
    }
}
