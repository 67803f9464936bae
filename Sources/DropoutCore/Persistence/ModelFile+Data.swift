import Foundation

/// Where a saved model's data came from (model file version 3): a built-in set and the
/// settings it was generated with, or a CSV file's path and its SHA-256.
public struct DataSource: Codable, Equatable, Sendable {
    /// `builtin` or `csv`.
    public var kind: String
    /// The built-in set's name, or the CSV path as it was given.
    public var name: String
    public var noise: Double?
    public var seed: UInt64?
    public var sequenceLength: Int?
    /// The CSV's absolute path when trained, the same path relative to the model file's
    /// directory (filled in when the file is written), and the SHA-256 of its bytes.
    public var path: String?
    public var relativePath: String?
    public var sha256: String?
    public var regressionTargets: Int?

    init(_ t: Trainer) {
        let c = t.config
        name = c.dataset
        if DatasetCatalog.isFile(c.dataset) {
            kind = "csv"
            path = URL(fileURLWithPath: c.dataset).standardizedFileURL.path
            sha256 = t.data.train.sourceDigest
            regressionTargets = c.regressionTargets
        } else {
            kind = "builtin"
            noise = c.noise
            seed = c.dataSeed ?? c.seed
            sequenceLength = c.sequenceLength
        }
    }

    /// `target` (absolute) relative to the directory of the file at `file`.
    static func relative(_ target: String, from file: String) -> String {
        let dir = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().pathComponents
        let to = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        var common = 0
        while common < dir.count && common < to.count && dir[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: dir.count - common)
        let parts = up + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}

extension ModelFile {
    /// The training CSV to continue on: the recorded path, else the same path relative to the
    /// model file, else a file of the same name next to it. Refuses one whose bytes changed
    /// (the saved standardisation, labels and batch order would no longer match) unless told.
    /// nil for a built-in set.
    func locateTrainingCSV(source: String, allowChangedData: Bool) throws -> String? {
        guard DatasetCatalog.isFile(config.dataset) else { return nil }
        guard let recorded = dataSource, recorded.kind == "csv", let path = recorded.path else {
            return nil  // a file of version 1 or 2: the path as it was given, as before
        }
        let dir = URL(fileURLWithPath: source).standardizedFileURL.deletingLastPathComponent()
        var candidates = [path]
        if let r = recorded.relativePath { candidates.append(dir.appendingPathComponent(r).standardizedFileURL.path) }
        candidates.append(dir.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent).path)
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw DropvizError("the training data of model file '\(source)' is missing: not at '\(path)' nor next to the model")
        }
        guard let bytes = FileManager.default.contents(atPath: found) else {
            throw DropvizError("cannot read the training data '\(found)' of model file '\(source)'")
        }
        if let expected = recorded.sha256, SHA256.hex(bytes) != expected, !allowChangedData {
            throw SettingError(.allowChangedData, value: found, sentence: "the training data '\(found)' has changed since model file '\(source)' was saved (SHA-256 differs); pass \(setting: .allowChangedData) to train on it anyway")
        }
        return found
    }

    /// Whether the file carries everything eval and predict need (version 3 on).
    public var isSelfContained: Bool { version >= 3 && task != nil }

    /// The model without its training data, for eval and predict: the saved standardisation,
    /// labels and names stand in for the data set. Older files rebuild from their data.
    public func makePredictor(source: String) throws -> Trainer {
        guard isSelfContained, let task else { return try makeTrainer(source: source) }
        let d = architecture.inputs
        guard featureMean.count == d, featureStd.count == d,
              featureStd.allSatisfy({ $0.isFinite && $0 > 0 }), featureMean.allSatisfy(\.isFinite) else {
            throw DropvizError("model file '\(source)' is corrupt: its standardisation does not fit \(d) features")
        }
        if task.isClassification, (labels?.count ?? 0) != task.outputs {
            throw DropvizError("model file '\(source)' is corrupt: \(labels?.count ?? 0) labels for \(task.outputs) classes")
        }
        // One placeholder row gives the trainer the shapes; no step is ever taken on it.
        var stub = Dataset(name: config.dataset, features: Matrix(rows: 1, cols: d),
                           targets: task.isClassification ? .classes([0]) : .values(Matrix(rows: 1, cols: task.outputs)),
                           task: task, classNames: classNames ?? [], featureNames: featureNames ?? [])
        stub.labelKeys = labels ?? []
        let t = try Trainer(config: config, data: DataSplit(train: stub, validation: stub, mean: featureMean, std: featureStd))
        try install(into: t, source: source)
        t.restore(step: step, optimizer: t.optimizer, sampler: t.sampler, maskStates: maskGenerators, diverged: diverged)
        return t
    }

    /// How to read a CSV to score with this model: its labels and task.
    public var scoringOptions: CSVReadOptions {
        guard isSelfContained else { return CSVReadOptions() }
        return CSVReadOptions(regressionTargets: config.regressionTargets,
                              labels: task?.isClassification == true ? labels : nil, scoring: true)
    }
}

extension DataSplit {
    /// A split made elsewhere: a saved model's statistics, or rows read back.
    public init(train: Dataset, validation: Dataset, mean: [Float], std: [Float]) {
        self.train = train
        self.validation = validation
        self.mean = mean
        self.std = std
    }
}
