/// A data set: one row of features per example and its target.
public struct Dataset: Sendable {
    public var name: String
    public var features: Matrix
    public var targets: Targets
    public var task: LearningTask
    /// Class names for classification (may be the label numbers), empty for regression.
    public var classNames: [String]
    /// Names of the features, when known.
    public var featureNames: [String]
    /// Classification: the label of each class as it appears in the data (`"3"`, `"cat"`),
    /// class `i` being `labelKeys[i]`; empty means the labels are the class numbers.
    public var labelKeys: [String] = []
    /// The SHA-256 of the file the set was read from (hex), nil for generated and built-in sets.
    public var sourceDigest: String? = nil

    public init(name: String, features: Matrix, targets: Targets, task: LearningTask, classNames: [String] = [], featureNames: [String] = []) {
        precondition(features.rows == targets.count)
        self.name = name
        self.features = features
        self.targets = targets
        self.task = task
        self.classNames = classNames
        self.featureNames = featureNames
    }

    public var count: Int { features.rows }
    public var featureCount: Int { features.cols }

    /// The examples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        var x = Matrix(rows: indices.count, cols: featureCount)
        for (r, i) in indices.enumerated() {
            for j in 0..<featureCount { x[r, j] = features[i, j] }
        }
        let t: Targets
        switch targets {
        case .classes(let c): t = .classes(indices.map { c[$0] })
        case .values(let v):
            var m = Matrix(rows: indices.count, cols: v.cols)
            for (r, i) in indices.enumerated() {
                for j in 0..<v.cols { m[r, j] = v[i, j] }
            }
            t = .values(m)
        }
        // A copy keeps every other field (names, labels, source).
        var copy = self
        copy.features = x
        copy.targets = t
        return copy
    }
}
