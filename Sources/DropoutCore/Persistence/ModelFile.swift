import Foundation

/// A saved run: versioned JSON holding the configuration, the weights, the optimiser's state
/// and the generators' states, so that `--load` continues exactly where `--save` stopped.
/// The format is documented in the README ("Model file format").
public struct ModelFile: Codable {
    public static let format = "dropviz-model"
    /// Version 1: the MLP, byte for byte as before models had kinds. Version 2: another kind
    /// (`config.conv` set: a CNN), which a reader of version 1 must refuse rather than misread.
    /// Version 3 (every kind, what is written now): self-contained, with the class labels, the
    /// names, the task and the data source (ModelFile+Data.swift); eval and predict need no
    /// training data. Version 4: version 3 with one activation per hidden layer
    /// (`activations`), which a reader of version 3 would read as all the first one; written
    /// only for such a network (ModelFile+Version.swift), other files stay version 3.
    public static let currentVersion = 4

    /// Whether a file of `version` may hold a model of this kind.
    public static func version(_ version: Int, holds kind: ModelKind) -> Bool {
        version >= 3 || version == (kind == .mlp ? 1 : 2)
    }

    public var format: String
    public var version: Int
    public var config: TrainingConfig
    public var architecture: Architecture
    public var step: Int
    public var diverged: Bool
    public var parameters: [SavedParameter]
    public var optimizerSteps: Int
    public var batchSampler: BatchSampler
    public var maskGenerators: [Xoshiro]
    /// The training set's feature means and standard deviations: what eval and predict
    /// standardise new rows with (continuing training recomputes them from the same data).
    public var featureMean: [Float]
    public var featureStd: [Float]
    /// Version 3 on (nil in older files): the labels of the classes as they appeared in the
    /// data (class i is `labels[i]`), their display names, the feature names, the task and
    /// where the data came from.
    public var labels: [String]?
    public var classNames: [String]?
    public var featureNames: [String]?
    public var task: LearningTask?
    public var dataSource: DataSource?

    public struct SavedParameter: Codable {
        public var name: String
        public var rows: Int
        public var cols: Int
        public var value: [Float]
        public var firstMoment: [Float]
        public var secondMoment: [Float]
    }

    public init(_ t: Trainer) {
        format = Self.format
        version = Self.version(writing: t.config, t.model.architecture)
        config = t.config
        architecture = t.model.architecture
        step = t.currentStep
        diverged = t.diverged
        parameters = t.model.parameters.enumerated().map { i, p in
            SavedParameter(name: "layer\(i / 2 + 1).\(p.name)", rows: p.value.rows, cols: p.value.cols,
                           value: p.value.data, firstMoment: p.firstMoment.data, secondMoment: p.secondMoment.data)
        }
        optimizerSteps = t.optimizer.t
        batchSampler = t.sampler
        maskGenerators = t.model.dropoutPositions.map(\.rng)
        featureMean = t.data.mean
        featureStd = t.data.std
        labels = ClassLabels.of(t.data.train)
        classNames = t.data.train.classNames
        featureNames = t.data.train.featureNames
        task = t.task
        dataSource = DataSource(t)
    }

    /// Writes atomically (AtomicFile.swift): a temporary file next to the target, then a
    /// rename, so that a crash never leaves a half-written model.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let bytes: Data
        var file = self
        file.dataSource?.relativePath = dataSource?.path.map { DataSource.relative($0, from: path) }
        do { bytes = try encoder.encode(file) } catch { throw DropvizError("cannot encode the model: \(error)") }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw DropvizError("cannot write model file '\(path)': \(error.reason)")
        }
    }

    public static func read(from path: String) throws -> ModelFile {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DropvizError("model file '\(path)' does not exist")
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw DropvizError("cannot read model file '\(path)'")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        struct Header: Decodable { var format: String?; var version: Int? }
        guard let header = try? decoder.decode(Header.self, from: bytes) else {
            throw DropvizError("model file '\(path)' is not valid JSON (corrupt or truncated?)")
        }
        guard header.format == Self.format else {
            throw DropvizError("'\(path)' is not a dropviz model file (no \"format\": \"\(Self.format)\")")
        }
        try Self.checkReadable(header.version, path: path)
        guard let v = header.version, (1...Self.currentVersion).contains(v) else {
            throw DropvizError("model file '\(path)' has format version \(header.version.map(String.init) ?? "?"); this dropviz reads versions 1 to \(Self.currentVersion)")
        }
        let file: ModelFile
        do {
            file = try decoder.decode(ModelFile.self, from: bytes)
        } catch let e as SettingError {
            // A setting the configuration's decoding refuses (a file holding both `conv` and
            // `lstm`): named plainly after the file, as `validate` does below.
            throw DropvizError("model file '\(path)': \(e)")
        } catch let DecodingError.keyNotFound(key, _) {
            throw DropvizError("model file '\(path)' is corrupt: missing \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx) {
            let where_ = ctx.codingPath.map(\.stringValue).joined(separator: ".")
            throw DropvizError("model file '\(path)' is corrupt at \"\(where_)\"")
        } catch {
            throw DropvizError("model file '\(path)' is corrupt: \(Self.reason(error))")
        }
        // Range checks before anything is built from it (the sizes are checked against the
        // memory limit when the trainer is built).
        guard file.step >= 0, file.step <= TrainingConfig.maxSteps else {
            throw DropvizError("model file '\(path)' is corrupt: \"step\" is \(file.step), not between 0 and \(TrainingConfig.maxSteps)")
        }
        guard file.optimizerSteps >= 0 else {
            throw DropvizError("model file '\(path)' is corrupt: \"optimizerSteps\" is negative")
        }
        // A model file's settings are not flags: the error names them plainly, after the file.
        do { try file.config.validate() } catch {
            throw DropvizError("model file '\(path)': \(error)")
        }
        return file
    }

    /// Rebuilds the trainer: regenerates the data from the saved configuration (a CSV is looked
    /// for next to the model file too, and must not have changed unless `allowChangedData`),
    /// then puts back the weights and every state.
    public func makeTrainer(source: String, allowChangedData: Bool = false) throws -> Trainer {
        var c = config
        if let csv = try locateTrainingCSV(source: source, allowChangedData: allowChangedData) { c.dataset = csv }
        let t = try Trainer(config: c, labels: version >= 3 && task?.isClassification == true ? labels : nil)
        try install(into: t, source: source)
        guard batchSampler.order.count == t.data.train.count, batchSampler.cursor <= batchSampler.order.count,
              Set(batchSampler.order) == Set(0..<t.data.train.count) else {
            throw DropvizError("model file '\(source)': the batch order does not match the training set")
        }
        var opt = t.optimizer
        opt.t = optimizerSteps
        t.restore(step: step, optimizer: opt, sampler: batchSampler, maskStates: maskGenerators, diverged: diverged)
        t.startTimelineHere()
        return t
    }

    /// Puts the weights into a trainer built from this file's configuration.
    func install(into t: Trainer, source: String) throws {
        guard t.model.architecture == architecture, Self.version(version, holds: t.model.kind) else {
            throw DropvizError("model file '\(source)' does not match its own configuration (architecture differs)")
        }
        let params = t.model.parameters
        guard params.count == parameters.count else {
            throw DropvizError("model file '\(source)' has \(parameters.count) parameter arrays, the network needs \(params.count)")
        }
        for (p, s) in zip(params, parameters) {
            let n = p.value.count
            guard s.rows == p.value.rows, s.cols == p.value.cols, s.value.count == n,
                  s.firstMoment.count == n, s.secondMoment.count == n else {
                throw DropvizError("model file '\(source)': parameter \(s.name) has the wrong shape")
            }
            p.value = Matrix(rows: s.rows, cols: s.cols, data: s.value)
            p.firstMoment = Matrix(rows: s.rows, cols: s.cols, data: s.firstMoment)
            p.secondMoment = Matrix(rows: s.rows, cols: s.cols, data: s.secondMoment)
        }
        guard maskGenerators.count == t.model.dropoutPositions.count else {
            throw DropvizError("model file '\(source)' has \(maskGenerators.count) mask generators, the network needs \(t.model.dropoutPositions.count)")
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedDescription
    }
}
