import Foundation
import Testing

/// `--features` on the commands that train, and a saved model with features on new raw points.
extension BadInputTests {
    @Test func badFeatureListsAreOneLine() throws {
        try expectOneLineError(["train", "--features", "x1,x3", "--steps", "1"],
                               mentions: "--features: unknown feature 'x3'; valid: x1,x2,x1^2,x2^2,x1x2,sin(x1),sin(x2)")
        try expectOneLineError(["train", "--features", "", "--steps", "1"], mentions: "--features needs at least one feature")
        try expectOneLineError(["sweep", "--dataset", "iris", "--features", "x1^2", "--steps", "1"],
                               mentions: "--features x1^2 applies to 2-D data sets only; 'iris' has 4 features")
        try expectOneLineError(["run", "--state", "v1;data=moons;features=x1,cos(x1)"], mentions: "unknown feature 'cos(x1)'")
    }
}

@Suite struct InputFeatureCommandTests {
    /// A model trained on x1², x2² takes the raw two columns: predict computes the features
    /// (300 steps reach 0.99 validation accuracy on circle, measured; the two points are deep
    /// inside the disc and far outside the ring).
    @Test func predictTakesTheRawPoints() throws {
        let dir = CLI.temporaryDirectory()
        let model = dir.appendingPathComponent("m.json").path
        let train = try CLI.run(["train", "--dataset", "circle", "--hidden", "2", "--rate", "0", "--steps", "300",
                                 "--features", "x2^2,x1^2", "--save", model])
        #expect(train.status == 0, "\(train.stderr)")
        let saved = try String(contentsOfFile: model, encoding: .utf8)
        #expect(saved.contains("\"inputFeatures\":[\"x1^2\",\"x2^2\"]"))
        let points = dir.appendingPathComponent("p.csv").path
        try "x1,x2\n0,0\n2,2\n".write(toFile: points, atomically: true, encoding: .utf8)
        let r = try CLI.run(["predict", "--load", model, "--input", points])
        #expect(r.status == 0, "\(r.stderr)")
        let classes = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[3] }
        #expect(classes == ["0", "1"], "\(r.stdout)")
    }
}
