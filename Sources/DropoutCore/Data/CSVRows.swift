/// The rows of a data set's CSV as they are read (CSVDataset.swift): the features and the
/// regression targets in flat arrays, each row's label as the number of its text in
/// `labelKeys` (first seen first). The first line that is not all numbers, before any data
/// row, is the header.
struct CSVRows {
    let options: CSVReadOptions
    let source: String
    var header: [String]? = nil
    /// Cells a row (the first data row's count), -1 before it.
    var width = -1
    var count = 0
    var features: [Float] = []
    var targets: [Float] = []
    var labels: [Int] = []
    var labelKeys: [String] = []
    /// A label's key by its text as written (`3.0` and `3` are one key) and a key's number.
    private var keyOfCell: [String: String] = [:]
    private var numberOfKey: [String: Int] = [:]
    /// A trained model's labels: every row's must be one of them.
    private let known: Set<String>?
    /// The cell ranges and the numbers of the current line, reused.
    private var cells: [Range<Int>] = []
    private var values: [Float] = []

    init(options: CSVReadOptions, source: String) {
        self.options = options
        self.source = source
        known = options.labels.map { Set($0) }
    }

    mutating func read(_ line: Range<Int>, lineNumber: Int, of file: CSVBytes) throws {
        file.cells(of: line, into: &cells)
        let k = options.regressionTargets
        // Classification keeps the label cell as text; regression reads every cell as a number.
        let numeric = cells.count - (k == nil ? 1 : 0)
        values.removeAll(keepingCapacity: true)
        var bad: Int? = nil
        for c in 0..<max(0, numeric) {
            let v = file.float(cells[c]) ?? .nan
            if !v.isFinite && bad == nil { bad = c }
            values.append(v)
        }
        if let bad {
            // Before any data row, the first line that is not all numbers is the header.
            if count == 0 && header == nil {
                header = cells.map(file.string)
                return
            }
            throw DropvizError("\(source):\(lineNumber): '\(file.string(cells[bad]))' is not a number")
        }
        if width < 0 {
            width = cells.count
            let minimum = 1 + (k ?? 1)
            guard width >= minimum else {
                guard let k else { throw DropvizError("\(source):\(lineNumber): needs at least one feature column and a label column") }
                throw SettingError(.targets, value: k, sentence: "\(source):\(lineNumber): \(width) columns; \(setting: .targets) \(k) needs at least \(minimum) (a feature, then the targets)")
            }
            reserve(rowBytes: line.count + 1, fileBytes: file.bytes.count)
        } else if cells.count != width {
            throw DropvizError("\(source):\(lineNumber): \(cells.count) columns, expected \(width) like the first data row")
        }
        let d = width - (k ?? 1)
        features.append(contentsOf: values[0..<d])
        if k != nil {
            targets.append(contentsOf: values[d...])
        } else {
            let label = try labelNumber(file, cells[width - 1], lineNumber: lineNumber)
            labels.append(label)
        }
        count += 1
    }

    /// The row's label as the number of its key, checked against the model's labels.
    private mutating func labelNumber(_ file: CSVBytes, _ range: Range<Int>, lineNumber: Int) throws -> Int {
        let cell = file.string(range)
        let key: String
        if let seen = keyOfCell[cell] {
            key = seen
        } else {
            switch ClassLabels.key(cell) {
            case .success(let found): key = found
            case .failure(.empty): throw DropvizError("\(source):\(lineNumber): the class label is empty")
            case .failure(.notWhole):
                throw SettingError(.task, value: cell, sentence: "\(source):\(lineNumber): the class label '\(cell)' is a number but not a whole one (real-valued targets: \(setting: .task) regression)")
            }
            if let known, !known.contains(key) {
                let list = (options.labels ?? []).prefix(12).joined(separator: ", ")
                throw DropvizError("\(source):\(lineNumber): label '\(cell)' is not one of the model's classes (\(list)\((options.labels?.count ?? 0) > 12 ? ", …" : ""))")
            }
            keyOfCell[cell] = key
        }
        if let n = numberOfKey[key] { return n }
        numberOfKey[key] = labelKeys.count
        labelKeys.append(key)
        return labelKeys.count - 1
    }

    /// Room for the rows the file holds if they are all as long as the first: the arrays do
    /// not grow by doubling (which holds the old and the new array at once).
    private mutating func reserve(rowBytes: Int, fileBytes: Int) {
        let rows = fileBytes / max(1, rowBytes) + 16
        let k = options.regressionTargets
        features.reserveCapacity(rows * (width - (k ?? 1)))
        if let k { targets.reserveCapacity(rows * k) } else { labels.reserveCapacity(rows) }
    }
}
