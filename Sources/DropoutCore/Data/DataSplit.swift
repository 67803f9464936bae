/// A seeded split into training and validation sets, with the features standardised by the
/// training set's mean and standard deviation (the validation set never leaks into them).
public struct DataSplit: Sendable {
    public var train: Dataset
    public var validation: Dataset
    public var mean: [Float]
    public var std: [Float]
    /// The rows of the loaded data set that became the training and the validation examples,
    /// in their order (`train --export-split` writes them out raw).
    public var trainRows: [Int] = []
    public var validationRows: [Int] = []
    /// The 2-D points of a run with input features (DataSplit+InputFeatures.swift); nil when
    /// the network sees the data's own features.
    public var plane: InputPlane? = nil

    /// `trainSize` keeps only that many training examples (small sets overfit: the point of the
    /// app). The validation set is `valFraction` of all examples, taken first after a shuffle.
    public init(_ data: Dataset, valFraction: Double, trainSize: Int?, rng: inout Xoshiro) throws {
        guard valFraction > 0 && valFraction < 1 else {
            throw SettingError(.valFraction, value: valFraction, "must be between 0 and 1 (exclusive), got \(valFraction)")
        }
        var order = Array(0..<data.count)
        order.seededShuffle(using: &rng)
        let nVal = max(1, Int((Double(data.count) * valFraction).rounded()))
        var trainIdx = Array(order[nVal...])
        guard !trainIdx.isEmpty else { throw DropvizError("data set '\(data.name)' is too small to split (\(data.count) examples)") }
        if let n = trainSize {
            guard n >= 1 else { throw SettingError(.trainSize, value: n, "must be at least 1, got \(n)") }
            guard n <= trainIdx.count else {
                throw SettingError(.trainSize, value: n, "\(n) is larger than the \(trainIdx.count) training examples of '\(data.name)'")
            }
            trainIdx = Array(trainIdx.prefix(n))
        }
        var train = data.subset(trainIdx)
        var val = data.subset(Array(order[..<nVal]))
        let (mean, std) = Self.statistics(train.features)
        Self.standardise(&train.features, mean: mean, std: std)
        Self.standardise(&val.features, mean: mean, std: std)
        self.train = train
        self.validation = val
        self.mean = mean
        self.std = std
        self.trainRows = trainIdx
        self.validationRows = Array(order[..<nVal])
    }

    /// The mean and standard deviation of each column of `x` (the training examples).
    static func statistics(_ x: Matrix) -> (mean: [Float], std: [Float]) {
        let d = x.cols
        var mean = [Float](repeating: 0, count: d)
        var std = [Float](repeating: 1, count: d)
        for j in 0..<d {
            var s: Double = 0, s2: Double = 0
            for r in 0..<x.rows { let v = Double(x[r, j]); s += v; s2 += v * v }
            let m = s / Double(x.rows)
            let variance = max(0, s2 / Double(x.rows) - m * m)
            mean[j] = Float(m)
            // A constant feature (e.g. a blank pixel of the digits) stays at 0 rather than NaN.
            std[j] = variance > 1e-12 ? Float(variance.squareRoot()) : 1
        }
        return (mean, std)
    }

    public static func standardise(_ x: inout Matrix, mean: [Float], std: [Float]) {
        for r in 0..<x.rows {
            for j in 0..<x.cols { x[r, j] = (x[r, j] - mean[j]) / std[j] }
        }
    }
}
