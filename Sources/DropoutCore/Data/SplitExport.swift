import Foundation

/// `train --export-split DIR`: the training and validation examples exactly as a run used
/// them, raw (as read or generated) and standardised, so that a result can be repeated in
/// another tool. Four CSVs, each with a header: the feature names (or x0, x1, …), then
/// `label` (the class label as in the data) or y0, y1, … (regression targets).
public enum SplitExport {
    public static let files = ["train_raw.csv", "validation_raw.csv", "train_standardised.csv", "validation_standardised.csv"]

    public static func write(_ t: Trainer, to dir: String) throws {
        let c = t.config
        // The data set is loaded again as the trainer loaded it; the split's row numbers pick
        // the same examples without rounding through the standardisation.
        var rng = Stream.generator(seed: c.dataSeed ?? c.seed, stream: .data)
        let csv = CSVReadOptions(regressionTargets: c.regressionTargets,
                                 labels: t.task.isClassification ? ClassLabels.of(t.data.train) : nil)
        let all = try DatasetCatalog.load(c.dataset, noise: c.noise, sequenceLength: c.sequenceLength, csv: csv, rng: &rng)
        guard t.data.trainRows.count == t.data.train.count, t.data.validationRows.count == t.data.validation.count,
              (t.data.trainRows + t.data.validationRows).allSatisfy({ $0 < all.count }) else {
            throw SettingError(.exportSplit, value: dir, ": the split's rows are not known for this run")
        }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw SettingError(.exportSplit, value: dir, ": cannot create directory '\(dir)': \(error.localizedDescription)")
        }
        let sets = [all.subset(t.data.trainRows), all.subset(t.data.validationRows), t.data.train, t.data.validation]
        for (name, set) in zip(files, sets) {
            let path = URL(fileURLWithPath: dir).appendingPathComponent(name).path
            do {
                try AtomicFile.write(Data(text(set, labels: ClassLabels.of(t.data.train)).utf8), to: path)
            } catch {
                throw SettingError(.exportSplit, value: path, ": cannot write '\(path)': \(error.reason)")
            }
        }
    }

    static func text(_ set: Dataset, labels: [String]) -> String {
        let d = set.featureCount
        var header = set.featureNames.count == d ? set.featureNames.map(quoted) : (0..<d).map { "x\($0)" }
        switch set.targets {
        case .classes: header.append("label")
        case .values(let v): header += (0..<v.cols).map { "y\($0)" }
        }
        var out = header.joined(separator: ",") + "\n"
        for r in 0..<set.count {
            var cells = (0..<d).map { set.features[r, $0].description }
            switch set.targets {
            case .classes(let c): cells.append(quoted(c[r] < labels.count ? labels[c[r]] : String(c[r])))
            case .values(let v): cells += (0..<v.cols).map { v[r, $0].description }
            }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// dropviz's reader splits on every comma and trims quotes: a name keeps neither.
    private static func quoted(_ s: String) -> String {
        s.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: "\"", with: "")
    }
}
