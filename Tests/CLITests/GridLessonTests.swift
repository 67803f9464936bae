import DropoutCore
import DropvizUI
import Testing

@testable import dropviz

/// The grid lesson's claim, on the lesson's own run: at step 3000 the training loss rises with
/// the rate and p = 0's validation loss is at least 1.4 times every other cell's (6 seeds in
/// the lesson's comment); and `--grid` bad input is one line.
@Suite(.serialized) struct GridLessonTests {
    @Test(arguments: [1, 5] as [UInt64])
    func gridLessonClaimHolds(seed: UInt64) throws {
        var s = try LessonClaimTests.open("grid", seed: seed)
        let grid = try #require(s.grid)
        #expect(grid.rates == [0, 0.3, 0.6, 0.9])
        LessonClaimTests.run(&s, steps: 3100)
        #expect(s.paused && grid.cells.allSatisfy { $0.currentStep == 3000 }, "the lesson pauses at 3000")
        let train = grid.cells.map { Double($0.lastEvaluation?.trainLoss ?? .nan) }
        let val = grid.cells.map { Double($0.lastEvaluation?.valLoss ?? .nan) }
        #expect(zip(train, train.dropFirst()).allSatisfy { $0 < $1 }, "train loss rises with the rate: \(train)")
        #expect(val.dropFirst().allSatisfy { val[0] >= 1.4 * $0 }, "p = 0's val loss is the highest by 1.4×: \(val)")
    }

    @Test func badGridIsOneLine() throws {
        for (args, needle) in [(["run", "--grid", "0.5"], "2 to 9 rates"), (["run", "--grid", "0,abc"], "'abc' is not a rate"),
                               (["run", "--grid", "0,0.99"], "--grid rate"), (["run", "--grid", "0,0.5", "--twin-rate", "0"], "cannot be combined")] {
            try BadInputTests().expectOneLineError(args, mentions: needle)
        }
    }
}
