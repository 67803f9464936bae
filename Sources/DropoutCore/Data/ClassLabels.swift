/// How a CSV's label column becomes class numbers, and back.
///
/// A label is a whole number (`3`, `3.0` and `03` are the same label, written `3`) or any
/// other text (`cat`). The mapping label → class is fixed when a model is trained and saved
/// with it, so that a file holding only some of the classes is scored with the same numbers.
public enum ClassLabels {
    /// Why a cell is not a class label; the reader words it with the file and line.
    public enum Refusal: Error, Equatable {
        case empty
        /// A number, but not a whole one: real-valued targets want the regression task.
        case notWhole
    }

    /// The label's canonical spelling, or why the cell is not one.
    public static func key(_ cell: String) -> Result<String, Refusal> {
        if cell.isEmpty { return .failure(.empty) }
        if let v = Double(cell) {
            // Whole numbers up to 2^53 are exact in a Double; anything else would be a guess.
            guard v.isFinite, v == v.rounded(), abs(v) < 9_007_199_254_740_992 else {
                return .failure(.notWhole)
            }
            return .success(String(Int64(v)))
        }
        return .success(cell)
    }

    /// The labels in class order: whole numbers by value first, then text labels in byte order.
    public static func ordered(_ keys: Set<String>) -> [String] {
        keys.sorted { a, b in
            switch (Int64(a), Int64(b)) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
            }
        }
    }

    /// The labels of a data set: its own keys, or the class numbers when it has none.
    public static func of(_ d: Dataset) -> [String] {
        if !d.labelKeys.isEmpty { return d.labelKeys }
        return d.task.isClassification ? (0..<d.task.outputs).map(String.init) : []
    }
}

/// What a CSV holds besides its features.
public struct CSVReadOptions: Sendable, Equatable {
    /// nil: classification, the label last. K: regression, the last K columns are real targets.
    public var regressionTargets: Int?
    /// The labels of a trained model (class i is `labels[i]`): every row's label must be one of
    /// them. nil: the labels are the file's own, in `ClassLabels.ordered` order.
    public var labels: [String]?
    /// Rows to score with a trained model rather than to train on: one row and one class are enough.
    public var scoring: Bool

    public init(regressionTargets: Int? = nil, labels: [String]? = nil, scoring: Bool = false) {
        self.regressionTargets = regressionTargets
        self.labels = labels
        self.scoring = scoring
    }
}

extension TrainingConfig {
    /// `--task regression --targets K` reads a CSV; built-in sets know their own task.
    func validateDataTask() throws {
        guard let k = regressionTargets else { return }
        guard DatasetCatalog.isFile(dataset) else {
            throw SettingError(.task, value: "regression", "regression is for a FILE.csv; '\(dataset)' knows its own task")
        }
        guard k >= 1 && k <= 1000 else { throw SettingError(.targets, value: k, "must be between 1 and 1000, got \(k)") }
    }
}
