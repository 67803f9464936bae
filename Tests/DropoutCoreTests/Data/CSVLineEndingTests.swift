import Foundation
import Testing
@testable import DropoutCore

/// CSV files from other systems: CRLF line ends (refused before as "fewer than 2 data rows"),
/// no final newline, a UTF-8 byte order mark. Each reads exactly like the plain LF file.
@Suite struct CSVLineEndingTests {
    let lf = "x1,x2,label\n1,2,0\n3.5,-4,1\n5,6,1\n"

    func load(_ bytes: Data) throws -> Dataset { try CSVDataset.parse(bytes: bytes, name: "t", source: "t.csv") }

    func expectSame(_ a: Dataset, _ b: Dataset) {
        #expect(a.features.data == b.features.data)
        #expect(a.features.rows == 3 && a.features.cols == 2)
        #expect(a.targets == b.targets)
        #expect(a.featureNames == b.featureNames)
        #expect(a.featureNames == ["x1", "x2"])
    }

    @Test func crlfReadsLikeLF() throws {
        let plain = try load(Data(lf.utf8))
        expectSame(try load(Data(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8)), plain)
    }

    @Test func noFinalNewlineAndAByteOrderMarkReadLikeLF() throws {
        let plain = try load(Data(lf.utf8))
        expectSame(try load(Data(lf.dropLast().utf8)), plain)
        // "\r\n" is one Character: dropLast() removes the whole final line end.
        expectSame(try load(Data([0xEF, 0xBB, 0xBF]) + Data(lf.replacingOccurrences(of: "\n", with: "\r\n").dropLast().utf8)), plain)
    }

    @Test func invalidUTF8IsOneLineNamingTheLine() {
        let bytes = Data("1,2,0\n".utf8) + Data([0xFF, 0x2C, 0x31, 0x0A])
        #expect(throws: DropvizError("t.csv:2: not UTF-8 text")) { try load(bytes) }
    }
}
