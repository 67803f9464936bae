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
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw DropvizError("\(path): not a UTF-8 text file")
        }
        return try parse(text, features: d, source: path)
    }

    public static func parse(_ text: String, features d: Int, source: String) throws -> FeatureRows {
        precondition(d >= 1, "a model has at least one feature")
        var values: [Float] = []
        var lines: [Int] = []
        var width: Int? = nil
        var seenFirstLine = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"")) }
            let numbers = cells.map { Float($0) }
            defer { seenFirstLine = true }
            if !seenFirstLine, numbers.allSatisfy({ $0 == nil }) { continue }
            guard cells.count == d || cells.count == d + 1 else {
                throw DropvizError("\(source):\(lineNumber): \(cells.count) columns; the model takes \(d) features (or \(d + 1) with a label column last)")
            }
            if let w = width, cells.count != w {
                throw DropvizError("\(source):\(lineNumber): \(cells.count) columns, the first data row has \(w)")
            }
            width = cells.count
            for (column, (cell, number)) in zip(cells, numbers).enumerated().prefix(d) {
                guard let v = number else {
                    throw DropvizError("\(source):\(lineNumber): column \(column + 1): '\(cell)' is not a number")
                }
                guard v.isFinite else {
                    throw DropvizError("\(source):\(lineNumber): column \(column + 1): '\(cell)' is not a finite number")
                }
                values.append(v)
            }
            lines.append(lineNumber)
        }
        guard !lines.isEmpty else { throw DropvizError("\(source): no data rows") }
        return FeatureRows(features: Matrix(rows: lines.count, cols: d, data: values), lines: lines,
                           hadLabelColumn: width == d + 1)
    }
}
