import Foundation
import Testing
@testable import DropoutCore

/// Issue 14: a user's own CSVs (labels kept, text labels, regression), self-contained model
/// files, the changed-data refusal, the exported split and Fashion-MNIST.
@Suite struct OwnDataTests {
    static func dir() -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-own-\(getpid())-\(UUID().uuidString.prefix(6))")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// Three separable classes with text labels, seeded.
    static func threeClasses(count: Int = 90) -> String {
        var rng = Xoshiro(seed: 7)
        let names = ["ant", "bee", "cat"]
        var text = "w,h,kind\n"
        for i in 0..<count {
            let c = i % 3
            text += "\(Float(c) + 0.4 * rng.normal()),\(Float(-c) + 0.4 * rng.normal()),\(names[c])\n"
        }
        return text
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body(); return "no error" } catch let e as DropvizError { return e.message } catch let e as SettingError {
            // The command line's spelling: the CLI tests check the same line end to end.
            return e.message { "--\($0.rawValue)" }
        } catch { return "\(error)" }
    }

    @Test func sha256KnownVectors() {
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // 56 bytes: the padding spills into a second block.
        #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func textAndIntegerLabelsAreKeptInOrder() throws {
        let text = try CSVDataset.parse("1,2,dog\n3,4,cat\n5,6,dog\n", name: "t", source: "t")
        #expect(text.labelKeys == ["cat", "dog"] && text.targets == .classes([1, 0, 1]))
        #expect(text.featureNames.isEmpty, "a data row with a text label is not a header")
        // 3, 3.0 and 03 are one label; numbers sort by value, before names.
        let numbers = try CSVDataset.parse("1,10\n2,3.0\n3,03\n4,-1\n", name: "t", source: "t")
        #expect(numbers.labelKeys == ["-1", "3", "10"] && numbers.targets == .classes([2, 1, 1, 0]))
    }

    /// The bug of issue 14: a file holding only classes {1, 2} of a 3-class model was scored
    /// as if its labels were {0, 1}. With the model's labels the rows keep their classes.
    @Test func aSubsetOfClassesScoresLikeTheSameRowsOfTheFullFile() throws {
        let full = Self.threeClasses()
        var c = TrainingConfig()
        let d = Self.dir()
        let path = d.appendingPathComponent("three.csv").path
        try full.write(toFile: path, atomically: true, encoding: .utf8)
        c.dataset = path
        c.hidden = [8]
        c.rates = [0, 0.2]
        c.learningRate = 0.01
        let t = try Trainer(config: c)
        for _ in 0..<150 { t.step() }
        let labels = ClassLabels.of(t.data.train)
        #expect(labels == ["ant", "bee", "cat"])
        let lines = full.split(separator: "\n")
        let subsetText = ([lines[0]] + lines.dropFirst().filter { !$0.hasSuffix(",ant") }).joined(separator: "\n") + "\n"
        let options = CSVReadOptions(labels: labels, scoring: true)
        var whole = try CSVDataset.parse(full, name: "f", source: "f", options: options)
        var part = try CSVDataset.parse(subsetText, name: "s", source: "s", options: options)
        let keep = (0..<whole.count).filter { $0 % 3 != 0 }
        whole = whole.subset(keep)
        DataSplit.standardise(&whole.features, mean: t.data.mean, std: t.data.std)
        DataSplit.standardise(&part.features, mean: t.data.mean, std: t.data.std)
        #expect(part.targets == whole.targets && part.task == .classification(classes: 3))
        let a = t.measure(whole), b = t.measure(part)
        #expect(a.loss == b.loss && a.accuracy == b.accuracy)
        #expect((b.accuracy ?? 0) > 0.8, "the rows keep their classes: \(String(describing: b.accuracy))")
        // Re-indexed over the classes present (the old behaviour), the same rows score badly.
        var reindexed = try CSVDataset.parse(subsetText, name: "s", source: "s")
        DataSplit.standardise(&reindexed.features, mean: t.data.mean, std: t.data.std)
        #expect(reindexed.targets != part.targets)
        // One row, one class: enough to score.
        let one = try CSVDataset.parse("0.1,0.2,cat\n", name: "o", source: "o", options: options)
        #expect(one.targets == .classes([2]))
    }

    @Test func anUnknownLabelIsOneLineNamingFileLineAndLabel() {
        let options = CSVReadOptions(labels: ["ant", "bee"], scoring: true)
        let m = message { _ = try CSVDataset.parse("w,h,kind\n1,2,ant\n3,4,wasp\n", name: "t", source: "new.csv", options: options) }
        #expect(m == "new.csv:3: label 'wasp' is not one of the model's classes (ant, bee)")
    }

    @Test func regressionCSVReadsKTargets() throws {
        let r = try CSVDataset.parse("x,a,b\n1,0.5,-2\n2,1.5,-4\n3,2.5,-6\n", name: "t", source: "t",
                                     options: CSVReadOptions(regressionTargets: 2))
        #expect(r.task == .regression(outputs: 2) && r.featureCount == 1 && r.featureNames == ["x"])
        #expect(r.targets == .values(Matrix(rows: 3, cols: 2, data: [0.5, -2, 1.5, -4, 2.5, -6])))
        let m = message { _ = try CSVDataset.parse("1,2\n3,4\n", name: "t", source: "r.csv", options: CSVReadOptions(regressionTargets: 2)) }
        #expect(m == "r.csv:1: 2 columns; --targets 2 needs at least 3 (a feature, then the targets)")
        let n = message { _ = try CSVDataset.parse("1,2\n3,x\n", name: "t", source: "r.csv", options: CSVReadOptions(regressionTargets: 1)) }
        #expect(n == "r.csv:2: 'x' is not a number")
    }

    /// A model file of version 3 predicts with no training data at all, and continuing training
    /// refuses a changed CSV.
    @Test func modelFilesAreSelfContainedAndRefuseChangedData() throws {
        let d = Self.dir()
        let csv = d.appendingPathComponent("three.csv").path
        try Self.threeClasses().write(toFile: csv, atomically: true, encoding: .utf8)
        var c = TrainingConfig()
        c.dataset = csv
        c.hidden = [8]
        c.rates = [0, 0.2]
        let t = try Trainer(config: c)
        for _ in 0..<20 { t.step() }
        let model = d.appendingPathComponent("m.json").path
        try ModelFile(t).write(to: model)
        let file = try ModelFile.read(from: model)
        #expect(file.labels == ["ant", "bee", "cat"] && file.featureNames == ["w", "h"] && file.task == .classification(classes: 3))
        #expect(file.dataSource?.kind == "csv" && file.dataSource?.relativePath == "three.csv")
        #expect(file.dataSource?.sha256 == SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: csv))))

        try Self.threeClasses().replacingOccurrences(of: "0.", with: "1.").write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(message { _ = try file.makeTrainer(source: model) }.contains("has changed since model file"))
        #expect(message { _ = try file.makeTrainer(source: model, allowChangedData: true) } == "no error")

        try FileManager.default.removeItem(atPath: csv)
        let p = try file.makePredictor(source: model)
        var x = Matrix(rows: 1, cols: 2, data: [2, -2])
        var y = x
        DataSplit.standardise(&x, mean: t.data.mean, std: t.data.std)
        try Prediction.standardise(&y, with: file, source: model)
        #expect(x == y)
        #expect(p.model.predict(x) == t.model.predict(x), "the same weights, without the data")
        #expect(message { _ = try file.makeTrainer(source: model) }.contains("is missing"))
    }

    /// A version 1 file (no labels, names, task or source) still loads and continues.
    @Test func olderFilesStillLoad() throws {
        var c = TrainingConfig()
        c.dataset = "xor"
        c.hidden = [6]
        c.rates = [0, 0.3]
        let t = try Trainer(config: c)
        for _ in 0..<5 { t.step() }
        let path = Self.dir().appendingPathComponent("old.json").path
        try ModelFile(t).write(to: path)
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
        for key in ["labels", "classNames", "featureNames", "task", "dataSource"] { object[key] = nil }
        object["version"] = 1
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        let old = try ModelFile.read(from: path)
        #expect(!old.isSelfContained)
        let again = try old.makePredictor(source: path)
        #expect(again.currentStep == 5 && again.mlp!.weights == t.mlp!.weights)
    }

    /// The exported rows are the data set's own, and the split's: raw rows read back equal the
    /// original file's rows, the standardised ones are the trainer's bit for bit.
    @Test func exportedSplitIsTheRowsAsUsed() throws {
        let d = Self.dir()
        let csv = d.appendingPathComponent("three.csv").path
        let text = Self.threeClasses()
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        var c = TrainingConfig()
        c.dataset = csv
        c.hidden = [4]
        c.rates = [0, 0.1]
        let t = try Trainer(config: c)
        let out = d.appendingPathComponent("split").path
        try SplitExport.write(t, to: out)
        let original = try CSVDataset.parse(text, name: "o", source: "o")
        let raw = try CSVDataset.load(path: out + "/train_raw.csv", options: CSVReadOptions(labels: ClassLabels.of(t.data.train)))
        #expect(raw.features == original.subset(t.data.trainRows).features)
        #expect(raw.targets == t.data.train.targets && raw.featureNames == ["w", "h"])
        let std = try CSVDataset.load(path: out + "/validation_standardised.csv", options: CSVReadOptions(labels: ClassLabels.of(t.data.train)))
        #expect(std.features == t.data.validation.features && std.targets == t.data.validation.targets)
        #expect(t.data.trainRows.count + t.data.validationRows.count == original.count)
        #expect(Set(t.data.trainRows + t.data.validationRows).count == original.count)
    }

    @Test(.enabled(if: FashionMNIST.installedFiles() != nil, "Debian package dataset-fashion-mnist is not installed"))
    func fashionMNISTSubsetLoadsSeeded() throws {
        var a = Stream.generator(seed: 3, stream: .data), b = Stream.generator(seed: 3, stream: .data)
        let x = try DatasetCatalog.load("fashion-mnist:200", noise: nil, rng: &a)
        let y = try DatasetCatalog.load("fashion-mnist:200", noise: nil, rng: &b)
        #expect(x.count == 200 && x.featureCount == 784 && x.task == .classification(classes: 10))
        #expect(x.features == y.features && x.targets == y.targets, "the same seed, the same subset")
        #expect(x.features.data.allSatisfy { $0 >= 0 && $0 <= 255 } && x.features.data.contains { $0 > 200 })
        #expect(x.classNames.first == "T-shirt/top")
        var c = TrainingConfig()
        c.dataset = "fashion-mnist:200"
        c.hidden = [16]
        c.rates = [0, 0.5]
        var conv = ConvSettings()
        conv.channels = [2]
        conv.rates = [0.1]
        c.model = .cnn(conv)
        let cnn = try Trainer(config: c)
        #expect(cnn.model.kind == .cnn)
        #expect(cnn.step() != nil)
    }

    @Test func fashionMNISTSubsetSizeIsCheckedAndAMissingPackageNamed() {
        var rng = Xoshiro(seed: 1)
        #expect(message { _ = try FashionMNIST.load(count: 10, package: "dataset-not-there", rng: &rng) }
                == "Fashion-MNIST is not installed: install the Debian package dataset-not-there (apt-get install dataset-not-there)")
        #expect(message { _ = try DatasetCatalog.load("fashion-mnist:1", noise: nil, rng: &rng) }
                == "'fashion-mnist:1': the subset size after 'fashion-mnist:' must be a whole number from 2 to 70000")
    }
}
