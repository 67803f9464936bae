import Foundation
import Testing

/// Issue 14 as a user meets it: train on a CSV, save, then eval and predict from another
/// directory after the training CSV is gone; regression CSVs; one-line errors.
@Suite struct OwnDataCommandTests {
    /// Runs dropviz with `cwd` as the working directory.
    func run(_ args: [String], in cwd: URL) throws -> CLI.Result { try CLI.run(args, in: cwd) }

    func oneLineError(_ r: CLI.Result) -> Bool {
        r.status != 0 && r.stdout.isEmpty && r.stderr.split(separator: "\n").count == 1 && r.stderr.hasPrefix("dropviz: ")
    }

    static func classes() -> String {
        var text = "w,h,kind\n"
        var s: UInt32 = 1
        func noise() -> Float { s = s &* 1_664_525 &+ 1_013_904_223; return Float(s >> 8) / Float(1 << 24) - 0.5 }
        for i in 0..<120 {
            let c = i % 3
            text += "\(Float(c) + noise()),\(Float(-c) + noise()),\(["ant", "bee", "cat"][c])\n"
        }
        return text
    }

    @Test func roundTripFromAnotherDirectoryWithoutTheTrainingCSV() throws {
        let home = CLI.temporaryDirectory(), elsewhere = CLI.temporaryDirectory()
        let text = Self.classes()
        try text.write(to: home.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        let subset = text.split(separator: "\n").filter { !$0.hasSuffix(",ant") }.joined(separator: "\n") + "\n"
        try subset.write(to: elsewhere.appendingPathComponent("new.csv"), atomically: true, encoding: .utf8)
        let train = try run(["train", "--dataset", "a.csv", "--hidden", "16", "--rate", "0.1", "--lr", "0.01",
                             "--steps", "150", "--format", "csv", "--save", "m.json"], in: home)
        #expect(train.status == 0, "\(train.stderr)")
        let model = home.appendingPathComponent("m.json").path
        let before = try run(["eval", "--load", model, "--dataset", "new.csv", "--format", "json"], in: elsewhere)
        try FileManager.default.removeItem(at: home.appendingPathComponent("a.csv"))
        let after = try run(["eval", "--load", model, "--dataset", "new.csv", "--format", "json"], in: elsewhere)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before.stdout, "the training CSV is not needed")
        let result = (try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])?["results"] as? [[String: Any]]
        #expect((result?.first?["accuracy"] as? Double ?? 0) > 0.8, "labels bee and cat keep their classes: \(after.stdout)")
        // The table names the file whole, however long its path.
        let longName = elsewhere.appendingPathComponent("new-rows-from-the-field.csv").path
        try subset.write(toFile: longName, atomically: true, encoding: .utf8)
        let table = try run(["eval", "--load", model, "--dataset", longName], in: elsewhere)
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix(longName + " ") }, "\(table.stdout)")
        let predict = try run(["predict", "--load", model, "--input", "new.csv", "--mc-samples", "5"], in: elsewhere)
        #expect(predict.status == 0, "\(predict.stderr)")
        let header = predict.stdout.split(separator: "\n").first ?? ""
        #expect(header == "line,p_0,p_1,p_2,class,label,mc_mean_0,mc_mean_1,mc_mean_2,mc_std_0,mc_std_1,mc_std_2,mc_class,mc_label")
        let labels = predict.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[5] }
        #expect(Set(labels).isSubset(of: ["ant", "bee", "cat"]) && labels.filter { $0 != "ant" }.count > 60)
        // Continuing needs the data: one line naming what is missing.
        let cont = try run(["resume", model, "--steps", "1"], in: elsewhere)
        #expect(oneLineError(cont) && cont.stderr.contains("is missing"), "\(cont.stderr)")
        try "w,h,kind\n1,2,wasp\n".write(to: elsewhere.appendingPathComponent("odd.csv"), atomically: true, encoding: .utf8)
        let odd = try run(["eval", "--load", model, "--dataset", "odd.csv"], in: elsewhere)
        #expect(oneLineError(odd) && odd.stderr.contains("odd.csv:2: label 'wasp' is not one of the model's classes (ant, bee, cat)"), "\(odd.stderr)")
    }

    @Test func trainLoadFindsTheCSVNextToAMovedModelAndRefusesAChangedOne() throws {
        let home = CLI.temporaryDirectory(), moved = CLI.temporaryDirectory()
        try Self.classes().write(to: home.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        #expect(try run(["train", "--dataset", "a.csv", "--hidden", "8", "--steps", "5", "--save", "m.json"], in: home).status == 0)
        for f in ["a.csv", "m.json"] {
            try FileManager.default.moveItem(at: home.appendingPathComponent(f), to: moved.appendingPathComponent(f))
        }
        let model = moved.appendingPathComponent("m.json").path
        let cont = try CLI.run(["resume", model, "--steps", "5", "--format", "csv"])
        #expect(cont.status == 0, "\(cont.stderr)")
        try (Self.classes() + "9,9,cat\n").write(to: moved.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        let changed = try CLI.run(["resume", model, "--steps", "5"])
        #expect(oneLineError(changed) && changed.stderr.contains("--allow-changed-data"), "\(changed.stderr)")
    }

    @Test func regressionCSVTrainEvalPredict() throws {
        let dir = CLI.temporaryDirectory()
        var text = "x,y\n"
        for i in 0..<150 { let x = Float(i) / 25 - 3; text += "\(x),\(sin(x))\n" }
        try text.write(to: dir.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        let train = try run(["train", "--dataset", "r.csv", "--task", "regression", "--hidden", "32", "--rate", "0.1",
                             "--lr", "0.01", "--steps", "400", "--format", "csv", "--save", "r.json"], in: dir)
        #expect(train.status == 0, "\(train.stderr)")
        let eval = try run(["eval", "--load", "r.json", "--dataset", "r.csv", "--mc-samples", "10", "--format", "json"], in: dir)
        let obj = try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any]
        let loss = ((obj?["results"] as? [[String: Any]])?.first?["loss"] as? Double) ?? .nan
        #expect(loss < 0.1, "mean squared error of a fitted sine: \(eval.stdout)")
        #expect((obj?["monte_carlo"] as? [[String: Any]])?.first?["rmse_mc"] != nil)
        try "x\n0\n1.5\n".write(to: dir.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let predict = try run(["predict", "--load", "r.json", "--input", "in.csv"], in: dir)
        let values = predict.stdout.split(separator: "\n").dropFirst().compactMap { Float($0.split(separator: ",")[1]) }
        #expect(values.count == 2 && abs(values[0] - 0) < 0.3 && abs(values[1] - sin(1.5)) < 0.3, "\(predict.stdout)")
        let bad = try run(["train", "--dataset", "r.csv", "--task", "regression", "--targets", "2"], in: dir)
        #expect(oneLineError(bad) && bad.stderr.contains("--targets 2 needs at least 3"), "\(bad.stderr)")
        let notFile = try CLI.run(["train", "--dataset", "moons", "--task", "regression"])
        #expect(oneLineError(notFile), "\(notFile.stderr)")
    }

    /// `eval --dropconnect-samples`, full precision in JSON, negative option values.
    @Test func evalOptionsAndPrecision() throws {
        let dir = CLI.temporaryDirectory()
        let model = dir.appendingPathComponent("dc.json").path
        #expect(try CLI.run(["train", "--dataset", "moons", "--variant", "dropconnect", "--hidden", "8", "--steps", "30",
                             "--standout-beta", "-0.5", "--save", model]).status == 0)
        let z1 = try CLI.run(["eval", "--load", model, "--dropconnect-samples", "1", "--format", "json"])
        let z2 = try CLI.run(["eval", "--load", model, "--dropconnect-samples", "500", "--format", "json"])
        #expect(z1.status == 0 && z2.status == 0 && z1.stdout != z2.stdout, "Z changes the moment-matching estimate")
        let bad = try CLI.run(["eval", "--load", model, "--dropconnect-samples", "-3"])
        #expect(oneLineError(bad) && bad.stderr.contains("--dropconnect-samples must be between 1"), "\(bad.stderr)")
        // A negative count reaches the range check instead of "Missing value".
        let negative = try CLI.run(["eval", "--load", model, "--mc-samples", "-3"])
        #expect(negative.status != 0 && negative.stderr.contains("--mc-samples must be between 1 and 100000, got -3"), "\(negative.stderr)")
        // Every number reads back to the Float the library computed: more than 6 digits.
        let loss = ((try JSONSerialization.jsonObject(with: Data(z2.stdout.utf8)) as? [String: Any])?["results"] as? [[String: Any]])?.first?["loss"]
        let digits = "\(loss ?? "")".filter(\.isNumber).count
        #expect(digits > 6, "\(z2.stdout)")
    }
}
