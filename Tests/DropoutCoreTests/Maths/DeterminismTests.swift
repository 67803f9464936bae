import Testing
@testable import DropoutCore

@Suite struct DeterminismTests {
    func config(rate: Float = 0.5, seed: UInt64 = 5) -> TrainingConfig {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.trainSize = 100
        c.hidden = [16, 16]
        c.rates = [0.1, rate, rate]
        c.seed = seed
        c.evalEvery = 10
        return c
    }

    @Test func sameSeedSameRunBitForBit() throws {
        let a = try Trainer(config: config())
        let b = try Trainer(config: config())
        for _ in 0..<50 {
            let ra = a.step(), rb = b.step()
            #expect(ra?.batchLoss == rb?.batchLoss)
        }
        #expect(a.mlp!.weights == b.mlp!.weights)
        #expect(a.history == b.history)
        #expect(a.mlp!.dropout.map(\.mask) == b.mlp!.dropout.map(\.mask))
    }

    @Test func differentSeedsDiffer() throws {
        let a = try Trainer(config: config(seed: 1))
        let b = try Trainer(config: config(seed: 2))
        #expect(a.mlp!.weights != b.mlp!.weights)
    }

    @Test func rateChangesNeitherInitialWeightsNorBatchOrderNorData() throws {
        let a = try Trainer(config: config(rate: 0.0))
        let b = try Trainer(config: config(rate: 0.7))
        #expect(a.mlp!.weights == b.mlp!.weights)
        #expect(a.data.train.features == b.data.train.features)
        var sa = a.sampler, sb = b.sampler
        var ia: [Int] = [], ib: [Int] = []
        for _ in 0..<40 {
            sa.next(into: &ia)
            sb.next(into: &ib)
            #expect(ia == ib)
        }
        // And while training: the samplers advance identically whatever the rates.
        for _ in 0..<20 { a.step(); b.step() }
        #expect(a.sampler == b.sampler)
        #expect(a.mlp!.weights != b.mlp!.weights)
    }

    @Test func resetGivesTheSameInitialWeights() throws {
        let t = try Trainer(config: config())
        let initial = t.mlp!.weights
        for _ in 0..<10 { t.step() }
        #expect(t.mlp!.weights != initial)
        t.reset()
        #expect(t.mlp!.weights == initial)
        #expect(t.currentStep == 0)
        t.reset(seed: 99)
        #expect(t.mlp!.weights != initial)
    }

    @Test func rateChangeReachesTheNextStepAndResetsNothing() throws {
        let t = try Trainer(config: config(rate: 0.0))
        for _ in 0..<5 { t.step() }
        let weights = t.mlp!.weights
        let step = t.currentStep
        let moments = t.mlp!.parameters.map(\.firstMoment)
        try t.setRate(0.9, layer: 1)
        #expect(t.mlp!.weights == weights)
        #expect(t.currentStep == step)
        #expect(t.mlp!.parameters.map(\.firstMoment) == moments)
        #expect(t.history.events.last?.label == "h1 p 0.0→0.9")
        t.step()
        let m = t.mlp!.dropout[1].mask
        let dropped = Double(m.data.filter { $0 == 0 }.count) / Double(m.count)
        #expect(dropped > 0.75, "the next step's mask uses the new rate")
    }

    @Test func divergenceStopsSteppingWithoutCrashing() throws {
        var c = config()
        c.learningRate = 1e30
        c.optimizer = .sgd
        let t = try Trainer(config: c)
        var sawDivergence = false
        for _ in 0..<200 {
            guard let r = t.step() else { break }
            if r.diverged { sawDivergence = true }
        }
        #expect(sawDivergence)
        #expect(t.diverged)
        #expect(t.step() == nil)
    }
}

@Suite struct RateEventTests {
    @Test func changesBetweenTwoStepsMakeOneMarker() throws {
        var c = TrainingConfig()
        c.dataset = "xor"
        c.hidden = [8]
        c.rates = [0, 0.5]
        let t = try Trainer(config: c)
        t.step()
        try t.setRate(0.55, layer: 1)
        try t.setRate(0.6, layer: 1)
        #expect(t.history.events.map(\.label) == ["h1 p 0.5→0.6"])
        try t.setRate(0.5, layer: 1)
        #expect(t.history.events.isEmpty, "back where it was: no change to mark")
        t.step()
        try t.setRate(0.3, layer: 1)
        try t.setRate(0.2, layer: 0)
        #expect(t.history.events.map(\.label) == ["h1 p 0.5→0.3", "in p 0.0→0.2"])
    }
}
