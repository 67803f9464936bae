import DropoutCore
import DropvizUI
import Testing

@testable import dropviz

/// Every built-in lesson's caption makes claims about what the screen will show. Each test
/// opens the lesson the way `dropviz lesson NAME` does (its options through the CLI's parser,
/// then `AppState.apply(lesson:)`), presses the keys the caption names and checks the claim on
/// the run itself, headless, with the lesson's own seed. The numbers over more seeds are in the
/// lessons' comments and the README.
@Suite(.serialized) struct LessonClaimTests {
    /// The lesson's state as the visualizer starts it, with the instructions closed.
    static func open(_ name: String, seed: UInt64? = nil) throws -> AppState {
        let lesson = try #require(BuiltinLessons.named(name))
        var setup = try Setup.from(lesson: lesson)
        if let seed { setup.config.seed = seed }
        var s = AppState(trainer: try Trainer(config: setup.config), width: 80, height: 24)
        try s.apply(lesson: lesson)
        #expect(s.showLesson, "the instructions open first")
        update(&s, .step)
        #expect(s.trainer.currentStep == 0, "training waits while the instructions are open")
        // Any key turns the page (long captions at 80×24) and the last one closes them.
        let pages = LessonOverlay.pageCount(lesson, width: s.width, height: s.height)
        for _ in 0..<pages { update(&s, .input(.char(" "))) }
        #expect(!s.showLesson)
        #expect(s.trainer.currentStep == 0)
        return s
    }

    static func run(_ s: inout AppState, steps: Int) {
        for _ in 0..<steps { update(&s, .step) }
    }

    static func lastValue(_ series: Series) throws -> Double { try #require(series.last?.value) }

    /// "Watch the twin: its training loss falls towards zero while its validation loss turns
    /// and climbs … Yours stays close to its best", and the lesson pauses at step 3000.
    @Test(arguments: [1, 2] as [UInt64])
    func overfittingTwinOverfitsAndDropoutDoesNot(seed: UInt64) throws {
        var s = try Self.open("overfitting", seed: seed)
        let twin = try #require(s.twin)
        #expect(twin.config.rates.dropFirst().allSatisfy { $0 == 0 }, "the twin has no dropout")
        #expect(s.trainer.config.rates.dropFirst().allSatisfy { $0 == 0.6 })
        Self.run(&s, steps: 3100)
        #expect(s.paused && s.trainer.currentStep == 3000, "the lesson pauses itself at its length")
        let mine = s.trainer.history, theirs = twin.history
        let myVal = try Self.lastValue(mine.valLoss), twinVal = try Self.lastValue(theirs.valLoss)
        let myBest = try #require(AppState.bestValidationStep(s.trainer)).loss
        let twinBest = try #require(AppState.bestValidationStep(twin)).loss
        #expect(twinVal >= 2 * myVal, "twin \(twinVal) against yours \(myVal)")
        #expect(myVal <= 1.6 * myBest, "yours \(myVal), best \(myBest)")
        #expect(twinVal >= 2 * twinBest, "the twin's validation loss turned and climbed: \(twinBest) → \(twinVal)")
        #expect(try Self.lastValue(theirs.trainLoss) < 0.1, "the twin's training loss falls towards zero")
        #expect(try Self.lastValue(mine.valAccuracy) >= Self.lastValue(theirs.valAccuracy))
    }

    /// "9 sets every hidden layer to 0.9 …, then r restarts both: your training loss stays
    /// above the twin's" (underfitting), and with 0 and r yours overfits like the twin.
    @Test func rateNineUnderfits() throws {
        var s = try Self.open("rate")
        update(&s, .input(.char("9")))
        #expect(Array(s.trainer.config.rates.dropFirst()) == [0.9, 0.9], "linked: every hidden layer")
        #expect(s.trainer.config.rates[0] == 0, "the input keeps its own rate")
        update(&s, .input(.char("r")))
        Self.run(&s, steps: 1500)
        let twin = try #require(s.twin)
        let mine = s.trainer.history.trainLoss.points, theirs = twin.history.trainLoss.points
        // After the first few hundred steps every evaluation has yours above the twin's.
        let pairs = zip(mine, theirs).filter { $0.0.step >= 300 }
        #expect(!pairs.isEmpty)
        for (a, b) in pairs { #expect(a.value > b.value + 0.1, "step \(a.step): yours \(a.value), twin \(b.value)") }
        // And with p = 0 the two are the same network: the same curve to the last digit.
        update(&s, .input(.char("0")))
        update(&s, .input(.char("r")))
        Self.run(&s, steps: 300)
        #expect(s.trainer.history.valLoss.points == twin.history.valLoss.points)
    }

    /// "Press s once: none … the train and val curves (eval mode) jump at the marker while the
    /// batch curve (train mode) does not." The lesson starts with vanilla scaling, so training
    /// computes the same x·m before and after and only evaluation changes ((1-p)·x → x).
    @Test func scalingNoneMakesTheEvalLossJump() throws {
        var s = try Self.open("scaling")
        #expect(s.trainer.config.scaling == .vanilla)
        Self.run(&s, steps: 2000)
        let before = s.trainer.history
        update(&s, .input(.char("s")))  // the key evaluates at once, so the jump shows at the marker
        #expect(s.trainer.config.scaling == .none)
        #expect(s.trainer.history.events.last?.label == "scaling none")
        Self.run(&s, steps: 1)
        let after = s.trainer.history
        let trainJump = try Self.lastValue(after.trainLoss) / Self.lastValue(before.trainLoss)
        let valJump = try Self.lastValue(after.valLoss) / Self.lastValue(before.valLoss)
        let batchChange = try Self.lastValue(after.smoothedLoss) / Self.lastValue(before.smoothedLoss)
        #expect(trainJump > 1.5, "train (eval mode) ×\(trainJump)")
        #expect(valJump > 1.5, "val (eval mode) ×\(valJump)")
        #expect(abs(batchChange - 1) < 0.1, "batch (train mode) ×\(batchChange)")
        // The maths panel opened on a unit of hidden1 that was active after the first step.
        let net = try #require(s.trainer.mlp)
        #expect(s.selectedLayer == 1 && s.selectedUnit < net.architecture.widths[1])
    }

    /// "The maths panel shows the empirical drop frequency converging to p": after n draws the
    /// frequency is within 4 standard errors sqrt(p(1-p)/n) of p.
    @Test func variantsDropFrequencyConvergesToP() throws {
        var s = try Self.open("variants")
        Self.run(&s, steps: 300)
        for d in 1..<s.dropoutLayerCount {
            let st = try #require(s.trainer.dropStatistics[position: d])
            let n = Double(st.drawsPerUnit * st.dropped.count)
            let p = Double(st.rate)
            #expect(abs(st.dropFraction - p) <= 4 * (p * (1 - p) / n).squareRoot(), "layer \(d): \(st.dropFraction) vs \(p)")
        }
    }
}

/// The lessons on other kinds of network: their keys do what the captions say.
@Suite(.serialized) struct ModelLessonClaimTests {
    /// "It starts with element-wise dropout … Press v for spatial …, again for DropBlock …,
    /// again for max-pooling dropout": the order of the caption, nothing reset, each marked.
    @Test func convLessonCyclesTheVariantsInTheCaptionsOrder() throws {
        var s = try LessonClaimTests.open("conv-dropout")
        LessonClaimTests.run(&s, steps: 20)
        var seen = [s.trainer.config.conv?.variant]
        for _ in 0..<3 {
            update(&s, .input(.char("v")))
            seen.append(s.trainer.config.conv?.variant)
        }
        #expect(seen == [.elementwise, .spatial, .dropblock, .maxpool])
        #expect(s.trainer.currentStep == 20, "nothing resets")
        #expect(s.trainer.history.events.map(\.label) == ["conv spatial", "conv dropblock", "conv maxpool"])
    }

    /// "naive per-step dropout on the cell, p = 0.5 … the memory is erased: val stays near the
    /// mean's while the twin (no dropout, same weights and batches) learns", and v goes on to
    /// RNNDrop, recurrent, variational, naive.
    @Test func recurrentLessonNaiveCellForgetsAndTheTwinLearns() throws {
        var s = try LessonClaimTests.open("recurrent-dropout")
        let twin = try #require(s.twin)
        LessonClaimTests.run(&s, steps: 3000)
        let mine = try LessonClaimTests.lastValue(s.trainer.history.valLoss)
        let theirs = try LessonClaimTests.lastValue(twin.history.valLoss)
        // Predicting the mean scores about 1/6 on the adding problem.
        #expect(mine > 0.1, "naive-cell val MSE \(mine)")
        #expect(theirs < 0.05, "twin val MSE \(theirs)")
        var order: [RecurrentDropoutVariant?] = []
        for _ in 0..<4 {
            update(&s, .input(.char("v")))
            order.append(s.trainer.config.lstm?.variant)
        }
        #expect(order == [.rnndrop, .recurrent, .variational, .naive])
    }
}
