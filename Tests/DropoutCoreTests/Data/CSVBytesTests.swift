import Foundation
import Testing
@testable import DropoutCore

/// The CSV readers' byte-level pieces (CSVBytes.swift, CSVNumber.swift): numbers read exactly
/// as `Float(String)` reads them, lines and cells as ranges of the bytes.
@Suite struct CSVBytesTests {
    func fast(_ s: String) -> Float? {
        Array(s.utf8).withUnsafeBufferPointer { CSVNumber.parse($0) }
    }

    func read(_ s: String) -> Float? {
        Array(s.utf8).withUnsafeBufferPointer { CSVBytes(bytes: $0).float(0..<$0.count) }
    }

    func same(_ a: Float?, _ b: Float?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
        default: return false
        }
    }

    /// The fast path takes the usual cells, and gives the standard library's bits.
    @Test func usualCellsTakeTheFastPathWithTheSameBits() {
        for s in ["0", "-0", "12", "-0.1234", "3.5e-2", "1E+3", ".5", "5.", "+7", "0.0001234", "9999999", "1234567e10", "-8.123456e-3"] {
            let f = fast(s)
            #expect(f != nil, "\(s): fast path")
            #expect(same(f, Float(s)), "\(s): \(String(describing: f)) vs \(String(describing: Float(s)))")
        }
    }

    /// Everything else falls back, so a cell reads as `Float(String)` whatever it holds.
    @Test func otherCellsFallBackToTheStandardLibrary() {
        for s in ["", "-", ".", "e5", "1e", "1.5e", "1e-50", "1e50", "0x1p3", "inf", "-nan", "1_0", "12345678", "1.23456789",
                  "3.4028236e38", "1.4e-45", "1,5", "1..2", "--1", "1e+", "١"] {
            #expect(same(read(s), Float(s)), "\(s)")
        }
        #expect(fast("12345678") == nil && fast("1e11") == nil && fast("1e-11") == nil && fast("-8.123456e-10") == nil,
                "beyond exact powers and mantissas")
    }

    /// 20,000 random cells of the usual shapes and near them: bit for bit `Float(String)`.
    @Test func randomCellsReadLikeFloatString() {
        var rng = Xoshiro(seed: 20)
        let alphabet = Array("0123456789")
        func digits(_ n: Int) -> String { String((0..<n).map { _ in alphabet[Int(rng.next() % 10)] }) }
        var fastCount = 0
        for _ in 0..<20_000 {
            var s = ""
            let sign = rng.next() % 4
            s += sign == 0 ? "-" : (sign == 1 ? "+" : "")
            s += digits(Int(rng.next() % 6))
            if rng.next() % 2 == 0 { s += "." + digits(Int(rng.next() % 7)) }
            if rng.next() % 4 == 0 { s += (rng.next() % 2 == 0 ? "e" : "E") + (rng.next() % 2 == 0 ? "-" : "") + digits(Int(rng.next() % 3)) }
            if fast(s) != nil { fastCount += 1 }
            #expect(same(read(s), Float(s)), "\(s)")
        }
        #expect(fastCount > 10_000, "most usual cells take the fast path (\(fastCount))")
    }

    /// `dropviz predict`'s rows read like the training CSV: CRLF (one long line before), a
    /// byte order mark, no final newline.
    @Test func predictRowsReadCRLFAndAByteOrderMark() throws {
        let lf = "x1,x2\n1,2\n3.5,-4\n"
        let plain = try FeatureCSV.parse(lf, features: 2, source: "in.csv")
        #expect(plain.features.data == [1, 2, 3.5, -4] && plain.lines == [2, 3])
        let crlf = Data([0xEF, 0xBB, 0xBF]) + Data(lf.replacingOccurrences(of: "\n", with: "\r\n").dropLast().utf8)
        let other = try FeatureCSV.parse(bytes: crlf, features: 2, source: "in.csv")
        #expect(other.features == plain.features && other.lines == plain.lines)
        #expect(throws: DropvizError("in.csv: not a UTF-8 text file")) {
            try FeatureCSV.parse(bytes: Data("1,2\n".utf8) + Data([0xFF, 0x0A]), features: 2, source: "in.csv")
        }
    }

    /// Lines with other characters keep the trimming of Unicode white space they had.
    @Test func unicodeLinesTrimAsBefore() throws {
        let set = try CSVDataset.parse("name,größe,label\n\u{00A0}1,2,ä\u{3000}\n3,4,b\n", name: "t", source: "t.csv")
        #expect(set.features.data == [1, 2, 3, 4])
        #expect(set.labelKeys == ["b", "ä"])
        #expect(set.featureNames == ["name", "größe"])
    }

    /// The CSV's digest is taken in place, block by block: lengths around the block size and
    /// the padding (FIPS 180-4's million 'a's among them) against Python's hashlib.
    @Test func sha256OverManyBlocks() {
        func bytes(_ n: Int) -> Data { Data((0..<n).map { UInt8(($0 * 7) % 251) }) }
        #expect(SHA256.hex(bytes(64)) == "292be91abe8c0909fe3d26575af5755eee74d23816dc68c3ba41765136967654")
        #expect(SHA256.hex(bytes(119)) == "d367ab298e74477421127b0b448667c37c006c636f5738f081c39388756e5fad")
        #expect(SHA256.hex(bytes(128)) == "cb5311e1d7aa8e11d6af7081f3ffc3e4efa008c7483a1a791fe170bf37546ba7")
        #expect(SHA256.hex(bytes(1000)) == "59425e4412e296fc74736673ce067027f384203f59c0d2c3e6be7b13347b3ffc")
        #expect(SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // A slice of a larger Data (index not 0) hashes its own bytes.
        let big = bytes(1064)
        #expect(SHA256.hex(big[64...]) == SHA256.hex(Data(big[64...])))
    }
}
