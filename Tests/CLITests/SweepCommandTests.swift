import Foundation
import Testing

@Suite struct SweepCommandTests {
    static let args = ["sweep", "--dataset", "xor", "--hidden", "16", "--steps", "150", "--seeds", "2", "--sweep-rates", "0,0.5"]

    @Test func csvHasARowPerRateAndIsReproducible() throws {
        let a = try CLI.run(Self.args + ["--format", "csv"])
        let b = try CLI.run(Self.args + ["--format", "csv", "--jobs", "1"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout, "the result does not depend on the number of threads")
        let lines = a.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("rate,runs,final_val_loss_mean"))
        #expect(lines[1].hasPrefix("0.00,2,") && lines[2].hasPrefix("0.50,2,"))
    }

    @Test func tableNamesTheBestRateAndDrawsTheChart() throws {
        let r = try CLI.run(Self.args, environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("best rate by final validation loss"))
        #expect(r.stdout.contains("validation loss vs rate"))
        let json = try CLI.run(Self.args + ["--format", "json"])
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((obj?["runs"] as? [Any])?.count == 4)
    }

    @Test func badSweepInput() throws {
        let r = try CLI.run(["sweep", "--sweep-rates", "0,1.5"])
        #expect(r.status != 0 && r.stderr.contains("--sweep-rates") && r.stderr.split(separator: "\n").count == 1)
    }
}
