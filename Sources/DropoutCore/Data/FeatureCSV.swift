import Foundation

/// The rows `dropviz predict` reads: a model's input features, one example a line.
///
/// - Blank lines and lines starting with `#` are skipped.
/// - The first line is a header when *none* of its cells is a number (so `1,abc` is a bad row,
///   not a header that silently swallows the first example).
/// - A row has exactly the model's feature count `d`, or `d + 1` cells: the training CSV format,
///   whose last column (the label) is ignored. Every data row has the same count as the first.
/// - Every cell is a finite number.
///
/// Errors name the file, the line and (for a cell) the 1-based column.
public struct FeatureRows: Sendable {
    /// One row per example, unstandardised.
    public var features: Matrix
    /// The file's line number of each row (1-based).
    public var lines: [Int]
    /// Whether the rows carried a label column (ignored).
    public var hadLabelColumn: Bool
}

public enum FeatureCSV {
    public static func load(path: String, features d: Int) throws -> FeatureRows {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DropvizError("input file '\(path)' does not exist")
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw DropvizError("cannot read input file '\(path)'")
        }
        return try parse(bytes: bytes, features: d, source: path)
    }

    public static func parse(_ text: String, features d: Int, source: String) throws -> FeatureRows {
        try parse(bytes: Data(text.utf8), features: d, source: source)
    }

    /// Reads the bytes in place like the training CSV (CSVBytes.swift): LF or CRLF, a byte
    /// order mark, the numbers straight into one flat array.
    public static func parse(bytes: Data, features d: Int, source: String) throws -> FeatureRows {
        precondition(d >= 1, "a model has at least one feature")
        var values: [Float] = []
        var lines: [Int] = []
        var width: Int? = nil
        var seenFirstLine = false
        var cells: [Range<Int>] = []
        do {
            try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let file = CSVBytes(bytes: raw.bindMemory(to: UInt8.self))
                try file.forEachLine(trimmingNewlines: true) { lineNumber, line in
                    file.cells(of: line, into: &cells)
                    defer { seenFirstLine = true }
                    if !seenFirstLine, cells.allSatisfy({ file.float($0) == nil }) { return }
                    guard cells.count == d || cells.count == d + 1 else {
                        throw DropvizError("\(source):\(lineNumber): \(cells.count) columns; the model takes \(d) features (or \(d + 1) with a label column last)")
                    }
                    if let w = width, cells.count != w {
                        throw DropvizError("\(source):\(lineNumber): \(cells.count) columns, the first data row has \(w)")
                    }
                    width = cells.count
                    for (column, cell) in cells.prefix(d).enumerated() {
                        guard let v = file.float(cell) else {
                            throw DropvizError("\(source):\(lineNumber): column \(column + 1): '\(file.string(cell))' is not a number")
                        }
                        guard v.isFinite else {
                            throw DropvizError("\(source):\(lineNumber): column \(column + 1): '\(file.string(cell))' is not a finite number")
                        }
                        values.append(v)
                    }
                    lines.append(lineNumber)
                }
            }
        } catch is CSVBytes.NotUTF8 {
            throw DropvizError("\(source): not a UTF-8 text file")
        }
        guard !lines.isEmpty else { throw DropvizError("\(source): no data rows") }
        return FeatureRows(features: Matrix(rows: lines.count, cols: d, data: values), lines: lines,
                           hadLabelColumn: width == d + 1)
    }
}
