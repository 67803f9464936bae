import Testing
@testable import DropoutCore

@Suite struct DataTests {
    func parseError(_ text: String) -> String {
        do {
            _ = try CSVDataset.parse(text, name: "t", source: "my.csv")
            return "no error"
        } catch let e as DropvizError { return e.message } catch let e as SettingError {
            // The command line's spelling: the CLI tests check the same line end to end.
            return e.message { "--\($0.rawValue)" }
        } catch { return "\(error)" }
    }

    @Test func csvErrorsNameTheFileAndLine() {
        #expect(parseError("1,2,0\n3,x,1\n") == "my.csv:2: 'x' is not a number")
        #expect(parseError("a,b,label\n1,2,0\n3,4\n").hasPrefix("my.csv:3: 2 columns, expected 3"))
        #expect(parseError("1,2,0\n3,4,1.5\n") == "my.csv:2: the class label '1.5' is a number but not a whole one (real-valued targets: --task regression)")
        #expect(parseError("1,2,0\n").contains("fewer than 2 data rows"))
    }

    @Test func csvHeaderIsOptionalAndGivesNames() throws {
        let plain = try CSVDataset.parse("1,2,0\n3,4,1\n5,6,1\n", name: "t", source: "t")
        #expect(plain.count == 3 && plain.featureCount == 2)
        let named = try CSVDataset.parse("width,height,kind\n1,2,0\n3,4,1\n", name: "t", source: "t")
        #expect(named.featureNames == ["width", "height"])
        // The UCI header form: rows,features,class names.
        let uci = try CSVDataset.parse("2,1,cat,dog\n0.5,0\n0.7,1\n", name: "t", source: "t")
        #expect(uci.classNames == ["cat", "dog"])
        // Labels 1 and 3 become classes 0 and 1.
        let shifted = try CSVDataset.parse("1,1\n2,3\n", name: "t", source: "t")
        #expect(shifted.targets == .classes([0, 1]) && shifted.classNames == ["1", "3"])
    }

    @Test func builtInRealDataSetsHaveTheirDocumentedSizes() throws {
        var rng = Xoshiro(seed: 1)
        for (name, rows, features, classes) in [("digits", 1797, 64, 10), ("breast-cancer", 569, 30, 2), ("iris", 150, 4, 3), ("wine", 178, 13, 3)] {
            let d = try DatasetCatalog.load(name, noise: nil, rng: &rng)
            #expect(d.count == rows && d.featureCount == features && d.task == .classification(classes: classes), "\(name)")
        }
        #expect(throws: DropvizError.self) { try DatasetCatalog.load("nope", noise: nil, rng: &rng) }
    }

    @Test func splitIsSeededAndStandardisedWithTrainingStatistics() throws {
        var rng = Xoshiro(seed: 1)
        let all = try DatasetCatalog.load("wine", noise: nil, rng: &rng)
        var r1 = Xoshiro(seed: 5), r2 = Xoshiro(seed: 5)
        let a = try DataSplit(all, valFraction: 0.3, trainSize: 50, rng: &r1)
        let b = try DataSplit(all, valFraction: 0.3, trainSize: 50, rng: &r2)
        #expect(a.train.features == b.train.features)
        #expect(a.train.count == 50 && a.validation.count == 53)
        for j in 0..<a.train.featureCount {
            var s: Double = 0, s2: Double = 0
            for r in 0..<a.train.count { let v = Double(a.train.features[r, j]); s += v; s2 += v * v }
            #expect(abs(s / 50) < 1e-4)
            #expect(abs(s2 / 50 - 1) < 1e-3)
        }
        #expect(throws: SettingError.self) { var r = Xoshiro(seed: 1); _ = try DataSplit(all, valFraction: 0.3, trainSize: 500, rng: &r) }
    }

    @Test func noiseMovesGeneratedPoints() {
        var r1 = Xoshiro(seed: 1), r2 = Xoshiro(seed: 1)
        let clean = ToyDatasets.moons(count: 200, noise: 0, rng: &r1)
        let noisy = ToyDatasets.moons(count: 200, noise: 0.35, rng: &r2)
        // Noiseless moons lie on the unit half circles.
        for i in 0..<200 where clean.targets == clean.targets {
            let (x, y) = (Double(clean.features[i, 0]), Double(clean.features[i, 1]))
            let r = i % 2 == 0 ? (x * x + y * y).squareRoot() : ((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)).squareRoot()
            #expect(abs(r - 1) < 1e-5)
        }
        #expect(clean.features != noisy.features)
    }

    @Test func historyIsBoundedAndKeepsTheWholeRun() {
        var s = Series(capacity: 8)
        for i in 1...1000 { s.append(step: i, value: Double(i)) }
        #expect(s.points.count < 8)
        #expect(s.points.first?.step == 1)
        #expect((s.points.last?.step ?? 0) > 1000 - s.stride)
        // Evenly spaced: every gap is the stride.
        let gaps = Set(zip(s.points, s.points.dropFirst()).map { $1.step - $0.step })
        #expect(gaps == [s.stride])
    }

    @Test func batchesCoverEveryExampleOnceAnEpoch() {
        var sampler = BatchSampler(count: 10, batchSize: 5, rng: Xoshiro(seed: 2))
        var seen: [Int] = [], batch: [Int] = []
        for _ in 0..<2 { sampler.next(into: &batch); seen += batch }
        #expect(seen.sorted() == Array(0..<10))
    }
}
