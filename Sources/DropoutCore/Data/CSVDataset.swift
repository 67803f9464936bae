import Foundation

/// Reads a data set from CSV: numeric feature columns, then the class label (a whole number or
/// a name) or, with `--task regression`, K real-valued target columns; one optional header line.
///
/// A header of the form `rows,features,name0,name1,…` (the UCI files shipped with dropviz)
/// gives the class names; any other header gives the feature names.
public enum CSVDataset {
    public static func load(path: String, options: CSVReadOptions = CSVReadOptions()) throws -> Dataset {
        let url = URL(fileURLWithPath: path)
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw DropvizError("cannot read data file '\(path)'")
        }
        var set = try parse(bytes: bytes, name: url.deletingPathExtension().lastPathComponent, source: path, options: options)
        set.sourceDigest = SHA256.hex(bytes)
        return set
    }

    public static func parse(_ text: String, name: String, source: String, options: CSVReadOptions = CSVReadOptions()) throws -> Dataset {
        try parse(bytes: Data(text.utf8), name: name, source: source, options: options)
    }

    /// Parses the bytes line by line, never as one `String`: Swift's Character treats "\r\n"
    /// as one, which hid CRLF line ends, and a String of the file plus a row array per line
    /// took ~33 times the file's size. The values go into one flat array instead.
    /// Accepts LF and CRLF, a final newline or none, and a UTF-8 byte order mark.
    public static func parse(bytes: Data, name: String, source: String, options: CSVReadOptions = CSVReadOptions()) throws -> Dataset {
        let k = options.regressionTargets
        // Classification keeps the label cell as text; regression reads every cell as a number.
        let numericWidthCut = k == nil ? 1 : 0
        var values: [Float] = []
        values.reserveCapacity(bytes.count / 4)
        var rowLabels: [String] = []
        var header: [String]? = nil
        var width = -1
        var rowCount = 0
        var lineNumber = 0
        let known = options.labels.map { Dictionary($0.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        let cellTrim = CharacterSet(charactersIn: " \t\"")
        try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let all = raw.bindMemory(to: UInt8.self)
            var start = 0
            if all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF { start = 3 }
            while start < all.count {
                var end = start
                while end < all.count && all[end] != 10 { end += 1 }
                let next = end + 1
                if end > start && all[end - 1] == 13 { end -= 1 }
                lineNumber += 1
                defer { start = next }
                guard let line = String(validating: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self) else {
                    throw DropvizError("\(source):\(lineNumber): not UTF-8 text")
                }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                let cells = trimmed.split(separator: ",", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: cellTrim) }
                let numeric = cells.dropLast(numericWidthCut)
                let numbers = numeric.map { Float($0) }
                if let badIndex = numbers.firstIndex(where: { $0 == nil || !($0 ?? 0).isFinite }) {
                    if rowCount == 0 && header == nil {
                        header = cells
                        continue
                    }
                    throw DropvizError("\(source):\(lineNumber): '\(cells[badIndex])' is not a number")
                }
                if width < 0 {
                    width = cells.count
                    let minimum = 1 + (k ?? 1)
                    guard width >= minimum else {
                        throw DropvizError(k == nil
                            ? "\(source):\(lineNumber): needs at least one feature column and a label column"
                            : "\(source):\(lineNumber): \(width) columns; --targets \(k ?? 1) needs at least \(minimum) (a feature, then the targets)")
                    }
                } else if cells.count != width {
                    throw DropvizError("\(source):\(lineNumber): \(cells.count) columns, expected \(width) like the first data row")
                }
                // Checked just above: every cell parsed.
                values.append(contentsOf: numbers.map { $0 ?? 0 })
                if k == nil {
                    let cell = cells[width - 1]
                    let label: String
                    switch ClassLabels.key(cell) {
                    case .success(let key): label = key
                    case .failure(let e): throw DropvizError("\(source):\(lineNumber): \(e.message)")
                    }
                    if let known, known[label] == nil {
                        let list = (options.labels ?? []).prefix(12).joined(separator: ", ")
                        throw DropvizError("\(source):\(lineNumber): label '\(cell)' is not one of the model's classes (\(list)\((options.labels?.count ?? 0) > 12 ? ", …" : ""))")
                    }
                    rowLabels.append(label)
                }
                rowCount += 1
            }
        }
        guard rowCount >= (options.scoring ? 1 : 2) else {
            throw DropvizError("\(source): \(options.scoring ? "no data rows" : "fewer than 2 data rows")")
        }
        let columns = values.count / rowCount
        let d = width - (k ?? 1)
        var x = Matrix(rows: rowCount, cols: d)
        for r in 0..<rowCount {
            for j in 0..<d { x[r, j] = values[r * columns + j] }
        }
        var featureNames: [String] = []
        if let h = header, h.count == width { featureNames = Array(h[0..<d]) }
        if let k {
            var y = Matrix(rows: rowCount, cols: k)
            for r in 0..<rowCount {
                for j in 0..<k { y[r, j] = values[r * columns + d + j] }
            }
            return Dataset(name: name, features: x, targets: .values(y), task: .regression(outputs: k), featureNames: featureNames)
        }
        let keys = options.labels ?? ClassLabels.ordered(Set(rowLabels))
        guard keys.count >= 2 || options.scoring else { throw DropvizError("\(source): only one class in the label column") }
        let index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let labels = rowLabels.map { index[$0] ?? 0 }
        var classNames = keys
        if let h = header, h.count >= 2, Int(h[0]) != nil, Int(h[1]) != nil, h.count - 2 == keys.count,
           keys == (0..<keys.count).map(String.init) {
            classNames = Array(h[2...])
            featureNames = []
        }
        var set = Dataset(name: name, features: x, targets: .classes(labels), task: .classification(classes: keys.count),
                          classNames: classNames, featureNames: featureNames)
        set.labelKeys = keys
        return set
    }
}
