import Testing
@testable import DropoutCore

/// The training step's flush-to-zero (FloatMode.swift): on inside, restored after.
struct FloatModeTests {
    /// A number the optimiser cannot fold: 1, from a generator it cannot run at compile time.
    static func runtimeOne() -> Float {
        var rng = Xoshiro(seed: 3)
        return rng.next() == 0 ? 2 : 1
    }

    @Test func subnormalResultsAreZeroInsideTheModeOnly() {
        let tiny = Float.leastNormalMagnitude * Self.runtimeOne()
        let before = tiny * 0.5
        #expect(before.isSubnormal, "the default keeps subnormals")
        let inside = FloatMode.flushingSubnormals { tiny * 0.5 }
        #expect(inside == 0)
        let subnormal = before * Self.runtimeOne()
        let read = FloatMode.flushingSubnormals { subnormal + 0 }
        #expect(read == 0, "subnormal inputs read as zero")
        #expect((tiny * 0.5).isSubnormal, "the mode is restored after")
    }
}

/// The training step runs in that mode: Adam's moments of weights whose gradient is zero this
/// step (units dropped for the whole one-example batch) decay to zero, not to a subnormal.
struct TrainingStepFloatModeTests {
    @Test func adamMomentsOfIdleWeightsDoNotStaySubnormal() throws {
        var c = TrainingConfig()
        c.hidden = [16]
        c.rates = [0, 0.5]
        c.batchSize = 1
        c.optimizer = .adam
        c.evalEvery = 1000
        let trainer = try Trainer(config: c)
        trainer.step()
        let tiny = Float.leastNormalMagnitude * FloatModeTests.runtimeOne() * 0.5
        #expect(tiny.isSubnormal)
        for p in trainer.model.parameters {
            p.firstMoment.fill(tiny)
            p.secondMoment.fill(tiny)
        }
        trainer.step()
        var idle = 0
        for p in trainer.model.parameters {
            for i in 0..<p.grad.count where p.grad.data[i] == 0 {
                idle += 1
                #expect(p.firstMoment.data[i] == 0 && p.secondMoment.data[i] == 0, "\(p.name)[\(i)]")
            }
        }
        #expect(idle > 0, "some weights had no gradient this step")
    }
}
