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

    /// Parses the bytes in place (CSVBytes.swift): no string of the file, a line or a cell is
    /// made, and the numbers go straight into the features' (and targets') one flat array, so
    /// the memory is the file's bytes plus 4 bytes a number (and 8 a label).
    /// Accepts LF and CRLF, a final newline or none, and a UTF-8 byte order mark.
    public static func parse(bytes: Data, name: String, source: String, options: CSVReadOptions = CSVReadOptions()) throws -> Dataset {
        let k = options.regressionTargets
        var rows = CSVRows(options: options, source: source)
        do {
            try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let file = CSVBytes(bytes: raw.bindMemory(to: UInt8.self))
                try file.forEachLine { lineNumber, line in try rows.read(line, lineNumber: lineNumber, of: file) }
            }
        } catch let e as CSVBytes.NotUTF8 {
            throw DropvizError("\(source):\(e.line): not UTF-8 text")
        }
        let header = rows.header, width = rows.width, rowCount = rows.count
        guard rowCount >= (options.scoring ? 1 : 2) else {
            throw DropvizError("\(source): \(options.scoring ? "no data rows" : "fewer than 2 data rows")")
        }
        let d = width - (k ?? 1)
        let x = Matrix(rows: rowCount, cols: d, data: rows.features)
        var featureNames: [String] = []
        if let h = header, h.count == width { featureNames = Array(h[0..<d]) }
        if let k {
            let y = Matrix(rows: rowCount, cols: k, data: rows.targets)
            return Dataset(name: name, features: x, targets: .values(y), task: .regression(outputs: k), featureNames: featureNames)
        }
        let keys = options.labels ?? ClassLabels.ordered(Set(rows.labelKeys))
        guard keys.count >= 2 || options.scoring else { throw DropvizError("\(source): only one class in the label column") }
        let index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // Each row holds its label's number in the order first seen: now the class's.
        let classOfKey = rows.labelKeys.map { index[$0] ?? 0 }
        var labels = rows.labels
        rows.labels = []  // the only reference left: relabelled in place, not copied
        for r in labels.indices { labels[r] = classOfKey[labels[r]] }
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
