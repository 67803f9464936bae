import Foundation

/// The CSV readers' view of a file: its bytes, never a `String` of it. Lines and cells are
/// ranges of the bytes, so reading a file costs its bytes plus the numbers kept (a `String`
/// of the file, one per line and an array of cell strings per row took ~33 times the file's
/// size). Swift's `Character` also treats "\r\n" as one, which hid CRLF line ends.
struct CSVBytes {
    let bytes: UnsafeBufferPointer<UInt8>

    /// A line that is not UTF-8 (its 1-based number): each reader words its own message.
    struct NotUTF8: Error { let line: Int }

    /// Calls `body` with each line's number (1-based, the byte order mark not counting) and
    /// its content without the line end, trimmed of white space (`newlines`: of line breaks
    /// too); blank lines and `#` comments are skipped. LF and CRLF, a final newline or none.
    func forEachLine(trimmingNewlines newlines: Bool = false, _ body: (Int, Range<Int>) throws -> Void) throws {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var lineNumber = 0
        while start < bytes.count {
            var end = start
            var ascii = true
            while end < bytes.count && bytes[end] != 10 {
                if bytes[end] >= 0x80 { ascii = false }
                end += 1
            }
            let next = end + 1
            if end > start && bytes[end - 1] == 13 { end -= 1 }
            lineNumber += 1
            defer { start = next }
            let line = try ascii ? trimASCII(start..<end, newlines: newlines) : trimUnicode(start..<end, newlines: newlines, line: lineNumber)
            if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
            try body(lineNumber, line)
        }
    }

    /// The cells of a line (split at commas), each trimmed of spaces, tabs and double quotes;
    /// into a reused array, so that a row allocates nothing.
    func cells(of line: Range<Int>, into cells: inout [Range<Int>]) {
        cells.removeAll(keepingCapacity: true)
        var from = line.lowerBound
        for i in line where bytes[i] == UInt8(ascii: ",") {
            cells.append(trimCell(from..<i))
            from = i + 1
        }
        cells.append(trimCell(from..<line.upperBound))
    }

    /// The cell's text: for messages, headers and labels (one short string at a time).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The cell as a number, exactly as `Float(String)` reads it (CSVNumber.swift).
    func float(_ range: Range<Int>) -> Float? {
        CSVNumber.parse(UnsafeBufferPointer(rebasing: bytes[range])) ?? CSVNumber.parseSlowly(string(range))
    }

    private func trimCell(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        func trimmed(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 34 }
        while lo < hi && trimmed(bytes[lo]) { lo += 1 }
        while hi > lo && trimmed(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// `CharacterSet.whitespaces` (and `.newlines`) restricted to ASCII: tab and space (and
    /// LF, VT, FF, CR).
    private func trimASCII(_ range: Range<Int>, newlines: Bool) -> Range<Int> {
        func white(_ b: UInt8) -> Bool { b == 32 || b == 9 || (newlines && b >= 10 && b <= 13) }
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && white(bytes[lo]) { lo += 1 }
        while hi > lo && white(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// A line with non-ASCII bytes: checked as UTF-8, and trimmed of Unicode white space as
    /// `trimmingCharacters(in:)` did (scalar by scalar).
    private func trimUnicode(_ range: Range<Int>, newlines: Bool, line: Int) throws -> Range<Int> {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) else {
            throw NotUTF8(line: line)
        }
        let set: CharacterSet = newlines ? .whitespacesAndNewlines : .whitespaces
        let scalars = text.unicodeScalars
        var lo = range.lowerBound, hi = range.upperBound
        for s in scalars {
            guard set.contains(s) else { break }
            lo += s.utf8.count
        }
        for s in scalars.reversed() {
            guard hi > lo, set.contains(s) else { break }
            hi -= s.utf8.count
        }
        return lo..<hi
    }
}
