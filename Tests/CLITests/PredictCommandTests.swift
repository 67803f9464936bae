import DropoutCore
import Foundation
import Testing

/// `dropviz predict`: the saved model's predictions for a CSV of raw features.
@Suite struct PredictCommandTests {
    static let rows: [[Float]] = [[0, 0], [1.5, -0.25], [-2, 3], [0.3, 0.7], [4, 4]]

    /// Trains a small model and returns its path.
    func model(_ dir: URL, _ extra: [String] = [], dataset: String = "xor") throws -> String {
        let path = dir.appendingPathComponent("m-\(UUID().uuidString.prefix(6)).json").path
        let r = try CLI.run(["train", "--dataset", dataset, "--hidden", "16", "--steps", "100", "--format", "csv", "--save", path] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return path
    }

    func write(_ dir: URL, _ name: String, _ text: String) throws -> String {
        let p = dir.appendingPathComponent(name).path
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    func csv(_ rows: [[Float]], header: String? = "x1,x2", label: Bool = false) -> String {
        (header.map { [$0] } ?? []).joined() + (header == nil ? "" : "\n")
            + rows.map { $0.map { "\($0)" }.joined(separator: ",") + (label ? ",1" : "") }.joined(separator: "\n") + "\n"
    }

    /// The cells of every data line of CSV output, by column name.
    func table(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The library's own prediction: the model file's standardisation, `predict`, softmax.
    func libraryProbabilities(_ modelPath: String, _ rows: [[Float]]) throws -> Matrix {
        let file = try ModelFile.read(from: modelPath)
        let trainer = try file.makeTrainer(source: modelPath)
        var x = Matrix(rows: rows.count, cols: 2)
        for (r, row) in rows.enumerated() {
            for j in 0..<2 { x[r, j] = (row[j] - file.featureMean[j]) / file.featureStd[j] }
        }
        return Softmax.probabilities(trainer.mlp!.predict(x))
    }

    @Test func predictionsAreTheLibrarysOwn() throws {
        let dir = CLI.temporaryDirectory()
        let m = try model(dir)
        let input = try write(dir, "in.csv", csv(Self.rows))
        let expected = try libraryProbabilities(m, Self.rows)
        let out = try CLI.run(["predict", "--load", m, "--input", input])
        #expect(out.status == 0, "\(out.stderr)")
        let cells = table(out.stdout)
        #expect(out.stdout.hasPrefix("line,p_0,p_1,class,label\n"))
        #expect(cells.count == Self.rows.count)
        for (r, row) in cells.enumerated() {
            #expect(row["line"] == String(r + 2), "the header is line 1")
            // Shortest round-trip digits: the same Float, bit for bit.
            #expect(Float(row["p_0"] ?? "") == expected[r, 0] && Float(row["p_1"] ?? "") == expected[r, 1], "\(row)")
            #expect(row["class"] == String(Softmax.argmax(expected, row: r)))
            #expect(row["label"] == row["class"], "moons' labels are the class numbers")
        }
        let json = try CLI.run(["predict", "--load", m, "--input", input, "--format", "json"])
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let predictions = obj?["predictions"] as? [[String: Any]] ?? []
        #expect(predictions.count == Self.rows.count)
        for (r, p) in predictions.enumerated() {
            let probabilities = (p["probabilities"] as? [Double] ?? []).map(Float.init)
            #expect(probabilities == [expected[r, 0], expected[r, 1]], "JSON keeps every digit")
        }
        // The training CSV format (a label column last) gives the same predictions, with a note.
        let labelled = try write(dir, "labelled.csv", csv(Self.rows, header: nil, label: true))
        let withLabel = try CLI.run(["predict", "--load", m, "--input", labelled])
        #expect(withLabel.status == 0 && withLabel.stderr.contains("taken as a label and ignored"), "\(withLabel.stderr)")
        #expect(table(withLabel.stdout).map { $0["p_0"] } == cells.map { $0["p_0"] })
    }

    /// With every rate 0 each pass is the plain network: the spread is exactly 0 and the mean
    /// is the plain prediction. With p = 0.5 the passes disagree; a seed reproduces them.
    @Test func monteCarloColumns() throws {
        let dir = CLI.temporaryDirectory()
        let input = try write(dir, "in.csv", csv(Self.rows))
        let plain = try model(dir, ["--rate", "0"])
        let r0 = try CLI.run(["predict", "--load", plain, "--input", input, "--mc-samples", "30"])
        #expect(r0.status == 0, "\(r0.stderr)")
        for row in table(r0.stdout) {
            #expect(row["mc_std_0"].flatMap(Float.init) == 0 && row["mc_std_1"].flatMap(Float.init) == 0, "\(row)")
            for c in ["0", "1"] {
                let p = Float(row["p_" + c] ?? "") ?? .nan, mean = Float(row["mc_mean_" + c] ?? "") ?? .nan
                #expect(abs(p - mean) <= 1e-6, "\(row)")
            }
            #expect(row["mc_class"] == row["class"])
        }
        let dropped = try model(dir, ["--rate", "0.5"])
        let args = ["predict", "--load", dropped, "--input", input, "--mc-samples", "30", "--format", "json"]
        let a = try CLI.run(args), b = try CLI.run(args), c = try CLI.run(args + ["--mc-seed", "2"])
        #expect(a.status == 0 && a.stdout == b.stdout, "the same seed, the same bytes")
        #expect(a.stdout != c.stdout, "another seed, other passes")
        let obj = try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any]
        #expect(obj?["mc_samples"] as? Int == 30 && obj?["mc_seed"] as? Int == 1)
        let stds = (obj?["predictions"] as? [[String: Any]] ?? []).flatMap { $0["mc_std"] as? [Double] ?? [] }
        #expect(stds.count == 2 * Self.rows.count && stds.contains { $0 > 0 }, "\(stds)")
    }

    @Test func regressionPredictsValues() throws {
        let dir = CLI.temporaryDirectory()
        let m = try model(dir, ["--rate", "0.3"], dataset: "sine")
        let input = try write(dir, "x.csv", "x\n-1\n0\n2.5\n")
        let r = try CLI.run(["predict", "--load", m, "--input", input, "--mc-samples", "10"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("line,y_0,mc_mean_0,mc_std_0\n"), "\(r.stdout)")
        #expect(table(r.stdout).count == 3)
    }

    @Test func badInputsGetOneLine() throws {
        let dir = CLI.temporaryDirectory()
        let m = try model(dir)
        func expectError(_ args: [String], _ needle: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try CLI.run(["predict", "--load", m] + args)
            #expect(r.status != 0, sourceLocation: sourceLocation)
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(needle), "\(r.stderr)", sourceLocation: sourceLocation)
            #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        }
        try expectError(["--input", dir.appendingPathComponent("none.csv").path], "does not exist")
        let wide = try write(dir, "wide.csv", "1,2\n1,2,3,4\n")
        try expectError(["--input", wide], "wide.csv:2: 4 columns; the model takes 2 features")
        let narrow = try write(dir, "narrow.csv", "x,y\n1\n")
        try expectError(["--input", narrow], "narrow.csv:2: 1 columns")
        let ragged = try write(dir, "ragged.csv", "1,2,0\n1,2\n")
        try expectError(["--input", ragged], "ragged.csv:2: 2 columns, the first data row has 3")
        let word = try write(dir, "word.csv", "x,y\n1,2\n3,oops\n")
        try expectError(["--input", word], "word.csv:3: column 2: 'oops' is not a number")
        let nan = try write(dir, "nan.csv", "nan,1\n")
        try expectError(["--input", nan], "nan.csv:1: column 1: 'nan' is not a finite number")
        let empty = try write(dir, "empty.csv", "x,y\n\n")
        try expectError(["--input", empty], "no data rows")
        try expectError(["--input", word, "--mc-samples", "0"], "--mc-samples")
        let missing = try CLI.run(["predict", "--load", dir.appendingPathComponent("no.json").path, "--input", word])
        #expect(missing.status != 0 && missing.stderr.contains("does not exist"))
    }

    /// A CNN predicts in eval mode; Monte Carlo passes are refused in one line.
    @Test func cnnPredictsWithoutMonteCarlo() throws {
        let dir = CLI.temporaryDirectory()
        let m = dir.appendingPathComponent("cnn.json").path
        let train = try CLI.run(["train", "--model", "cnn", "--dataset", "digits", "--train-size", "200", "--steps", "5",
                                 "--format", "csv", "--save", m])
        #expect(train.status == 0, "\(train.stderr)")
        let pixels = (0..<64).map { String($0 % 17) }.joined(separator: ",")
        let input = try write(dir, "digit.csv", pixels + "\n")
        let r = try CLI.run(["predict", "--load", m, "--input", input])
        #expect(r.status == 0 && table(r.stdout).first?["class"] != nil, "\(r.stdout)\(r.stderr)")
        let mc = try CLI.run(["predict", "--load", m, "--input", input, "--mc-samples", "5"])
        #expect(mc.status != 0 && mc.stderr.contains("not for this model kind"), "\(mc.stderr)")
    }
}
