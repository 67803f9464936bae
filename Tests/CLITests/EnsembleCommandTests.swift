import Foundation
import Testing

/// `dropviz ensemble`: the thinned subnetworks of a saved model on its validation set.
@Suite struct EnsembleCommandTests {
    func model(_ extra: [String]) throws -> String {
        let path = CLI.temporaryDirectory().appendingPathComponent("m.json").path
        let r = try CLI.run(["train", "--dataset", "xor", "--steps", "150", "--format", "csv", "--save", path] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return path
    }

    func json(_ r: CLI.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func loss(_ obj: [String: Any], _ key: String) -> Double {
        (obj[key] as? [String: Any])?["loss"] as? Double ?? .nan
    }

    /// One hidden layer of 8 units: all 2⁸ subnetworks, and the geometric mean's loss is the
    /// weight-scaled network's (the identity, through the command), which is `eval`'s.
    @Test func exactEnsembleOfOneHiddenLayer() throws {
        let m = try model(["--hidden", "8", "--rate", "0.5"])
        let r = try CLI.run(["ensemble", "--load", m, "--format", "json", "--mc-curve", "1,10,100"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try json(r)
        #expect(obj["subnetworks"] as? Int == 256 && obj["exact"] as? Bool == true && obj["droppable_units"] as? Int == 8)
        let bins = obj["histogram"] as? [[String: Any]] ?? []
        #expect(bins.count == 10 && bins.compactMap { $0["count"] as? Int }.reduce(0, +) == 256)
        #expect(abs(loss(obj, "geometric_mean") - loss(obj, "weight_scaled")) < 1e-5)
        #expect(loss(obj, "arithmetic_mean").isFinite)
        let curve = obj["mc_curve"] as? [[String: Any]] ?? []
        #expect(curve.compactMap { $0["T"] as? Int } == [1, 10, 100])
        let eval = try CLI.run(["eval", "--load", m, "--format", "json"])
        let results = (try json(eval))["results"] as? [[String: Any]] ?? []
        let valLoss = results.first { $0["set"] as? String == "validation" }?["loss"] as? Double ?? .nan
        #expect(abs(loss(obj, "weight_scaled") - valLoss) <= 1e-5 * max(1, valLoss), "eval prints 6 digits")
        // Losses keep every digit: more than eval's six significant ones.
        let key = "\"weight_scaled\":{\"loss\":"
        let digits = r.stdout.range(of: key).map { r.stdout[$0.upperBound...].prefix { $0 != "," }.filter(\.isNumber) } ?? ""
        #expect(digits.count > 9, "\(digits)")
    }

    /// More than 16 droppable units: masks are sampled (1024 by default, or --masks N), seeded.
    @Test func sampledEnsemble() throws {
        let m = try model(["--hidden", "24", "--rate", "0.5"])
        let byDefault = try json(try CLI.run(["ensemble", "--load", m, "--format", "json", "--mc-curve", "2"]))
        #expect(byDefault["subnetworks"] as? Int == 1024 && byDefault["exact"] as? Bool == false)
        let args = ["ensemble", "--load", m, "--masks", "50", "--mc-curve", "1,4"]
        let a = try CLI.run(args), b = try CLI.run(args), c = try CLI.run(args + ["--seed", "9"])
        #expect(a.status == 0 && a.stdout == b.stdout, "\(a.stderr)")
        #expect(a.stdout != c.stdout)
        for needle in ["50 sampled subnetworks", "arithmetic mean of subnetworks", "geometric mean", "weight-scaled network", "T = 4"] {
            #expect(a.stdout.contains(needle), "\(needle)")
        }
        let all = try CLI.run(["ensemble", "--load", m, "--masks", "all"])
        #expect(all.status != 0 && all.stderr.split(separator: "\n").count == 1 && all.stderr.contains("24 droppable units"), "\(all.stderr)")
    }

    @Test func refusesWhatItDoesNotCover() throws {
        func expectRefusal(_ args: [String], _ needle: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try CLI.run(args)
            #expect(r.status != 0 && r.stdout.isEmpty, sourceLocation: sourceLocation)
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(needle), "\(r.stderr)", sourceLocation: sourceLocation)
        }
        try expectRefusal(["ensemble", "--load", try model(["--hidden", "8", "--variant", "gaussian"])], "gaussian")
        try expectRefusal(["ensemble", "--load", try model(["--hidden", "8", "--variant", "dropconnect"])], "dropconnect drops weights")
        let sine = CLI.temporaryDirectory().appendingPathComponent("sine.json").path
        _ = try CLI.run(["train", "--dataset", "sine", "--hidden", "8", "--steps", "10", "--format", "csv", "--save", sine])
        try expectRefusal(["ensemble", "--load", sine], "regression")
        let m = try model(["--hidden", "8"])
        try expectRefusal(["ensemble", "--load", m, "--mc-curve", "1,x"], "--mc-curve: 'x'")
        try expectRefusal(["ensemble", "--load", m, "--masks", "0"], "--masks")
        try expectRefusal(["ensemble", "--load", m, "--masks", "some"], "--masks")
    }
}
