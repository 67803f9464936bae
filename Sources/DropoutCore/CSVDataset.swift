import Foundation

/// Reads a classification data set from CSV: numeric feature columns, the class label (an
/// integer) last, one optional header line.
///
/// A header of the form `rows,features,name0,name1,…` (the UCI files shipped with dropviz)
/// gives the class names; any other header gives the feature names.
public enum CSVDataset {
    public static func load(path: String) throws -> Dataset {
        let url = URL(fileURLWithPath: path)
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw DropvizError("cannot read data file '\(path)'")
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw DropvizError("\(path): not a UTF-8 text file")
        }
        return try parse(text, name: url.deletingPathExtension().lastPathComponent, source: path)
    }

    public static func parse(_ text: String, name: String, source: String) throws -> Dataset {
        var rows: [[Float]] = []
        var header: [String]? = nil
        var width = -1
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"")) }
            let numbers = cells.map { Float($0) }
            if numbers.contains(where: { $0 == nil || !$0!.isFinite }) {
                if rows.isEmpty && header == nil {
                    header = cells
                    continue
                }
                let bad = cells[numbers.firstIndex(where: { $0 == nil || !$0!.isFinite }) ?? 0]
                throw DropvizError("\(source):\(lineNumber): '\(bad)' is not a number")
            }
            if width < 0 {
                width = cells.count
                guard width >= 2 else {
                    throw DropvizError("\(source):\(lineNumber): needs at least one feature column and a label column")
                }
            } else if cells.count != width {
                throw DropvizError("\(source):\(lineNumber): \(cells.count) columns, expected \(width) like the first data row")
            }
            // Checked just above: every cell parsed.
            let values = numbers.map { $0 ?? 0 }
            guard let label = values.last, label == label.rounded(), label >= 0 else {
                throw DropvizError("\(source):\(lineNumber): the class label '\(cells[width - 1])' is not a non-negative integer")
            }
            rows.append(values)
        }
        guard rows.count >= 2 else { throw DropvizError("\(source): fewer than 2 data rows") }
        let d = width - 1
        var x = Matrix(rows: rows.count, cols: d)
        var rawLabels: [Int] = []
        for (r, row) in rows.enumerated() {
            for j in 0..<d { x[r, j] = row[j] }
            rawLabels.append(Int(row[d]))
        }
        // Labels such as 1, 2, 3 become classes 0, 1, 2; the names keep the original values.
        let distinct = Array(Set(rawLabels)).sorted()
        guard distinct.count >= 2 else { throw DropvizError("\(source): only one class in the label column") }
        let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        let labels = rawLabels.map { index[$0] ?? 0 }
        var classNames = distinct.map { String($0) }
        var featureNames: [String] = []
        if let h = header {
            if h.count >= 2, Int(h[0]) != nil, Int(h[1]) != nil, h.count - 2 == distinct.count, distinct == Array(0..<distinct.count) {
                classNames = Array(h[2...])
            } else if h.count == width {
                featureNames = Array(h[0..<d])
            }
        }
        return Dataset(name: name, features: x, targets: .classes(labels), task: .classification(classes: distinct.count),
                       classNames: classNames, featureNames: featureNames)
    }
}
