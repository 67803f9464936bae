import Foundation
import Testing
@testable import DropoutCore

/// Model file versions (ModelFile+Version.swift): one activation per hidden layer makes a
/// version 4 file (a version 3 reader would read it as all the first activation); every
/// other file stays version 3, byte for byte; a newer version is refused in one line.
@Suite struct ModelFileVersionTests {
    func trainer(_ activations: [Activation]) throws -> Trainer {
        let t = try Trainer(config: PerLayerActivationTests().config(activations))
        for _ in 0..<20 { t.step() }
        return t
    }

    func save(_ t: Trainer, _ name: String) throws -> (path: String, text: String) {
        let path = ModelFileTests().tempPath(name)
        try ModelFile(t).write(to: path)
        return (path, try String(contentsOfFile: path, encoding: .utf8))
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let e as DropvizError { return e.message } catch { return "unexpected \(error)" }
        return "no error"
    }

    @Test func perLayerActivationsMakeVersion4AndLoad() throws {
        let t = try trainer([.tanh, .relu])
        let (path, text) = try save(t, "v4.json")
        #expect(text.contains("\"version\":4"))
        #expect(text.contains("\"activations\":[\"tanh\",\"relu\"]"))
        let loaded = try ModelFile.read(from: path)
        #expect(loaded.version == 4)
        let back = try loaded.makeTrainer(source: path)
        #expect(back.config.activations == [.tanh, .relu])
        #expect(back.mlp!.weights == t.mlp!.weights)
    }

    /// Without the list the file is what this dropviz wrote before version 4: version 3, and
    /// the same bytes whatever the version logic (only the version field could differ).
    @Test func uniformNetworksStayVersion3ByteForByte() throws {
        for activations in [[Activation.relu], [.sigmoid]] {
            let t = try trainer(activations)
            let (path, text) = try save(t, "v3.json")
            #expect(text.contains("\"version\":3"))
            #expect(!text.contains("activations") && !text.contains("initializations"))
            var file = try ModelFile.read(from: path)
            #expect(file.version == 3)
            // Written again as version 3 explicitly: identical bytes.
            file.version = 3
            let again = ModelFileTests().tempPath("v3-again.json")
            try file.write(to: again)
            #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(text.utf8))
        }
    }

    /// Files written before version 4 existed carried the list under version 3: still read,
    /// with the list.
    @Test func aVersion3FileWithTheListStillReads() throws {
        let t = try trainer([.tanh, .relu])
        let (path, text) = try save(t, "old-mixed.json")
        try text.replacingOccurrences(of: "\"version\":4", with: "\"version\":3").write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try ModelFile.read(from: path)
        #expect(loaded.version == 3)
        #expect(try loaded.makeTrainer(source: path).config.activations == [.tanh, .relu])
    }

    @Test func aNewerVersionIsRefusedInOneLine() throws {
        let t = try trainer([.relu])
        let (path, text) = try save(t, "newer.json")
        try text.replacingOccurrences(of: "\"version\":3", with: "\"version\":5").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(message { _ = try ModelFile.read(from: path) }
            == "model file '\(path)' was made by a newer dropviz (format version 5; this one reads versions 1 to 4)")
        // Versions that never existed below are corrupt files, not newer ones.
        try text.replacingOccurrences(of: "\"version\":3", with: "\"version\":0").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(message { _ = try ModelFile.read(from: path) }.contains("has format version 0"))
    }
}
