import DropoutCore
import Foundation
import TermUI
import Testing
@testable import DropvizUI

/// The data keys build the new run on another thread (TrainerBuild.swift): the key only asks,
/// the old run goes on until the answer, keys meanwhile act on the new run, the newest request wins.
@Suite struct TrainerBuildTests {
    @Test func dAsksForABuildAndLeavesTheRunAsItIs() throws {
        var s = try Fixtures.state(hidden: [8])
        let old = s.trainer
        let effects = update(&s, .input(.char("d")))
        guard case .buildTrainer(let b)? = effects.first, effects.count == 1 else {
            Issue.record("d did not ask for a build: \(effects)")
            return
        }
        #expect(s.trainer === old)
        #expect(b.config.dataset == "circle")
        #expect(s.notice == s.tr(.loadingData, s.tr(.dataSetNamed, "circle")))
        _ = update(&s, .trainerBuilt(b.build()))
        #expect(s.trainer !== old)
        #expect(s.trainer.config.dataset == "circle")
        #expect(s.pendingBuild == nil)
        #expect(s.notice == s.tr(.restartsNewData, s.tr(.dataSetNamed, "circle")))
    }

    @Test func keysWhileABuildIsOnItsWayActOnTheNewRunInOrder() throws {
        var s = try Fixtures.state(hidden: [8])
        guard case .buildTrainer(let b)? = update(&s, .input(.char("d"))).first else {
            Issue.record("no build")
            return
        }
        _ = update(&s, .input(.char("2")))
        _ = update(&s, .input(.char("v")))
        // Halving the training set waits too: it needs the new set's size.
        #expect(update(&s, .input(.char("{"))).isEmpty)
        // The notice still says what is loading.
        #expect(s.notice == s.tr(.loadingData, s.tr(.dataSetNamed, "circle")))
        // The old run is untouched: neither the rate nor the variant changed on it.
        #expect(s.trainer.config.rates[1] == 0.5)
        #expect(s.trainer.config.variant == .bernoulli)
        let replayed = update(&s, .trainerBuilt(b.build()))
        #expect(s.trainer.config.dataset == "circle")
        #expect(s.trainer.config.rates[1] == 0.2)
        #expect(s.trainer.config.variant == DropoutVariant.bernoulli.next)
        #expect(s.deferredInput.isEmpty)
        // The replayed { asked for half of the new set's training examples.
        guard case .buildTrainer(let half)? = replayed.first else {
            Issue.record("the replayed { asked for no build: \(replayed)")
            return
        }
        #expect(half.config.dataset == "circle")
        #expect(half.config.trainSize == s.trainer.data.train.count / 2)
    }

    @Test func dataKeysChangeTheRequestAndAnOlderAnswerIsDropped() throws {
        var s = try Fixtures.state(hidden: [8])
        guard case .buildTrainer(let first)? = update(&s, .input(.char("d"))).first,
              case .buildTrainer(let second)? = update(&s, .input(.char("d"))).first else {
            Issue.record("no build")
            return
        }
        // The second d goes on from the set the first asked for.
        #expect(first.config.dataset == "circle")
        #expect(second.config.dataset == "xor")
        let old = s.trainer
        _ = update(&s, .trainerBuilt(first.build()))
        #expect(s.trainer === old)
        #expect(s.pendingBuild == second)
        _ = update(&s, .trainerBuilt(second.build()))
        #expect(s.trainer.config.dataset == "xor")
    }

    @Test func aBuildThatFailsLeavesTheRunAndSaysWhy() throws {
        var s = try Fixtures.state(hidden: [8])
        var c = s.trainer.config
        c.dataset = "no-such-set"
        let b = s.requestBuild([(c, "x")])
        let old = s.trainer
        _ = update(&s, .trainerBuilt(b.build()))
        #expect(s.trainer === old)
        #expect(s.pendingBuild == nil)
        #expect(s.notice?.contains("no-such-set") == true)
    }

    /// The runner builds one request at a time, and of those that waited only the newest.
    @Test func theRunnerBuildsOneAtATimeAndSkipsReplacedRequests() throws {
        var s = try Fixtures.state(hidden: [8])
        let runner = EffectRunner(directory: NSTemporaryDirectory())
        let requests = (0..<3).map { _ in s.nextDataset() }
        for r in requests { #expect(runner.run(.buildTrainer(r), state: s).isEmpty) }
        let msgs = EffectTests.poll(runner)
        let answers = msgs.compactMap { msg -> Int? in
            if case .trainerBuilt(let b) = msg { return b.id }
            return nil
        }
        #expect(answers == [requests[0].id, requests[2].id])
        // Sent through the loop's own path, the newest is the run.
        for msg in msgs { Visualizer.send(&s, msg, effects: runner) }
        #expect(s.trainer.config.dataset == requests[2].config.dataset)
    }

    /// A run installed during a frame (a new data set through `receive`) trains with its
    /// background evaluator from its first step: its evaluations never run inside a step.
    @Test func aNewRunHasItsEvaluatorBeforeItsFirstStep() throws {
        var s = try Fixtures.state(hidden: [8])
        guard case .buildTrainer(let b)? = update(&s, .input(.char("d"))).first else {
            Issue.record("no build")
            return
        }
        _ = update(&s, .trainerBuilt(b.build()))
        #expect(s.trainer.backgroundEvaluation == nil)
        let clock = ContinuousClock()
        Visualizer.trainWithinBudget(&s, from: clock.now, clock: clock)
        #expect(s.trainer.backgroundEvaluation != nil)
        #expect(s.trainer.currentStep > 0)
        BackgroundWork.shared.drain()
    }

    /// A run replacing one that evaluates in the background does so too from the start: `s`
    /// replayed on it (it waited for the new data) does not evaluate on the loop's thread.
    @Test func aRunReplacingOneWithAnEvaluatorHasOneAtOnce() throws {
        var s = try Fixtures.state(hidden: [8])
        s.scheduleEvaluationsInBackground()
        guard case .buildTrainer(let b)? = update(&s, .input(.char("d"))).first else {
            Issue.record("no build")
            return
        }
        _ = update(&s, .input(.char("s")))
        _ = update(&s, .trainerBuilt(b.build()))
        #expect(s.trainer.config.dataset == "circle")
        #expect(s.trainer.backgroundEvaluation != nil)
        // The replayed s went to the evaluator, not inline onto the history.
        #expect(s.trainer.history.valLoss.points.isEmpty)
        // So does a new architecture's run.
        _ = update(&s, .input(.char("h")))
        #expect(s.trainer.backgroundEvaluation != nil)
        BackgroundWork.shared.drain()
    }

    @Test func theLoopInstallsTheBuiltRun() throws {
        var s = try Fixtures.state(hidden: [8])
        let runner = EffectRunner(directory: NSTemporaryDirectory())
        Visualizer.send(&s, .input(.char("d")), effects: runner)
        Visualizer.send(&s, .input(.char("d")), effects: runner)
        for msg in EffectTests.poll(runner) { Visualizer.send(&s, msg, effects: runner) }
        #expect(s.trainer.config.dataset == "xor")
        #expect(s.pendingBuild == nil)
    }
}

/// `s` and a CNN's or LSTM's `v` evaluate on the background evaluator when the trainer has one.
@Suite struct EvaluateSoonTests {
    @Test func scalingEvaluatesInTheBackgroundWhenThereIsAnEvaluator() throws {
        var s = try Fixtures.state(hidden: [8])
        s.trainer.evaluate()
        let before = s.trainer.history.valLoss.points.count
        // An evaluator whose worker never runs: an inline evaluation would still be recorded.
        s.trainer.backgroundEvaluation = BackgroundEvaluation(spawn: { _, _ in })
        _ = update(&s, .input(.char("s")))
        #expect(s.trainer.history.valLoss.points.count == before)
        #expect(s.trainer.backgroundEvaluation?.backlog == 1)
        // Without one it evaluates at once, as before.
        s.trainer.backgroundEvaluation = nil
        _ = update(&s, .input(.char("s")))
        #expect(s.trainer.history.valLoss.points.count == before + 1)
    }
}
