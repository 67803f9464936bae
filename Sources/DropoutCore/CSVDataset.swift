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
        return try parse(bytes: bytes, name: url.deletingPathExtension().lastPathComponent, source: path)
    }

    public static func parse(_ text: String, name: String, source: String) throws -> Dataset {
        try parse(bytes: Data(text.utf8), name: name, source: source)
    }

    /// Parses the bytes line by line, never as one `String`: Swift's Character treats "\r\n"
    /// as one, which hid CRLF line ends, and a String of the file plus a row array per line
    /// took ~33 times the file's size. The values go into one flat array instead.
    /// Accepts LF and CRLF, a final newline or none, and a UTF-8 byte order mark.
    public static func parse(bytes: Data, name: String, source: String) throws -> Dataset {
        var values: [Float] = []
        values.reserveCapacity(bytes.count / 4)
        var header: [String]? = nil
        var width = -1
        var rowCount = 0
        var lineNumber = 0
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
                let numbers = cells.map { Float($0) }
                if let badIndex = numbers.firstIndex(where: { $0 == nil || !($0 ?? 0).isFinite }) {
                    if rowCount == 0 && header == nil {
                        header = cells
                        continue
                    }
                    throw DropvizError("\(source):\(lineNumber): '\(cells[badIndex])' is not a number")
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
                let row = numbers.map { $0 ?? 0 }
                guard let label = row.last, label == label.rounded(), label >= 0 else {
                    throw DropvizError("\(source):\(lineNumber): the class label '\(cells[width - 1])' is not a non-negative integer")
                }
                values.append(contentsOf: row)
                rowCount += 1
            }
        }
        let rows = (0..<rowCount).lazy.map { r in values[(r * width)..<((r + 1) * width)] }
        guard rowCount >= 2 else { throw DropvizError("\(source): fewer than 2 data rows") }
        let d = width - 1
        var x = Matrix(rows: rowCount, cols: d)
        var rawLabels: [Int] = []
        rawLabels.reserveCapacity(rowCount)
        for (r, row) in rows.enumerated() {
            let base = row.startIndex
            for j in 0..<d { x[r, j] = row[base + j] }
            rawLabels.append(Int(row[base + d]))
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
