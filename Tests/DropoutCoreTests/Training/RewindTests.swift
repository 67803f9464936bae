import Testing
@testable import DropoutCore

/// Rewinding a run (`Trainer.rebuilt(atStep:)`), branching it, and replaying its changes from a
/// state string: every comparison is bit for bit, against a fresh run made the plain way.
@Suite struct RewindTests {
    static func config(_ optimizer: OptimizerKind = .adam, seed: UInt64 = 7) -> TrainingConfig {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.trainSize = 100
        c.hidden = [16, 16]
        c.rates = [0.1, 0.5, 0.5]
        c.optimizer = optimizer
        c.learningRate = optimizer == .adam ? 0.01 : 0.1
        c.batchSize = 16
        c.seed = seed
        c.evalEvery = 10
        return c
    }

    /// Everything a later step depends on, and what the screen shows of the run.
    struct Fingerprint: Equatable {
        var step: Int
        var values: [[Float]], first: [[Float]], second: [[Float]]
        var optimizerSteps: Int, learningRate: Float
        var sampler: BatchSampler
        var masks: [Xoshiro], rates: [Float]
        var config: TrainingConfig
        var history: History

        init(_ t: Trainer) {
            step = t.currentStep
            values = t.model.parameters.map(\.value.data)
            first = t.model.parameters.map(\.firstMoment.data)
            second = t.model.parameters.map(\.secondMoment.data)
            optimizerSteps = t.optimizer.t
            learningRate = t.optimizer.settings.learningRate
            sampler = t.sampler
            masks = t.model.dropoutPositions.map(\.rng)
            rates = t.model.dropoutPositions.map(\.rate)
            config = t.config
            history = t.history
        }
    }

    static func live(_ c: TrainingConfig) throws -> Trainer {
        let t = try Trainer(config: c)
        t.recordsCheckpoints = true
        return t
    }

    /// A fresh run of `steps` steps making `changes` (step → action) after those steps.
    static func fresh(_ c: TrainingConfig, steps: Int, changes: [Int: (Trainer) throws -> Void] = [:]) throws -> Trainer {
        let t = try Trainer(config: c)
        for s in 0..<steps {
            try changes[s]?(t)
            t.step()
        }
        return t
    }

    @Test(arguments: [OptimizerKind.adam, .sgd, .momentum])
    func rewindingGivesTheFreshRunBitForBit(_ optimizer: OptimizerKind) throws {
        let c = Self.config(optimizer)
        let t = try Self.live(c)
        for _ in 0..<300 { t.step() }
        let before = Fingerprint(t)
        for k in [0, 1, 15, 16, 17, 100, 257, 299, 300] {
            let r = try t.rebuilt(atStep: k)
            let f = try Self.fresh(c, steps: k)
            #expect(Fingerprint(r) == Fingerprint(f), "\(optimizer) at step \(k)")
            // And it carries on as the fresh run does: nothing of the state is missing.
            for _ in 0..<7 { r.step(); f.step() }
            #expect(Fingerprint(r) == Fingerprint(f), "\(optimizer) 7 steps after \(k)")
        }
        #expect(Fingerprint(t) == before, "rebuilding leaves the live run alone")
    }

    /// The changes made along the run are replayed at their steps, and a change made at the
    /// cursor's own step is not (it came after that moment).
    @Test func rewindingReplaysTheChangesAtTheirSteps() throws {
        let c = Self.config()
        let changes: [Int: (Trainer) throws -> Void] = [
            40: { try $0.setRate(0.7, layers: [1, 2]) },
            41: { try $0.setRate(0.3, layer: 0); try $0.setRate(0.2, layer: 0) },
            90: { $0.setVariant(.gaussian) },
            130: { $0.setScaling(.none); try $0.setLearningRate(0.005) },
            131: { try $0.setStandout(alpha: 1.5, beta: -0.5); $0.setVariant(.standout) },
        ]
        let t = try Self.live(c)
        for s in 0..<200 {
            try changes[s]?(t)
            t.step()
        }
        #expect(t.timeline.changes.count == 8)
        for k in [40, 41, 60, 90, 130, 131, 199] {
            let r = try t.rebuilt(atStep: k)
            let f = try Self.fresh(c, steps: k, changes: changes.filter { $0.key < k })
            #expect(Fingerprint(r) == Fingerprint(f), "at step \(k)")
            #expect(r.timeline.changes == t.timeline.changes.filter { $0.step < k })
        }
        #expect(try t.rebuilt(atStep: 90).config.variant == .bernoulli, "the change made at step 90 comes after step 90")
    }

    /// A branch: back to step k, a new rate there, trained on — the same as a fresh run with
    /// that change at step k.
    @Test func branchWithANewRateEqualsAFreshRunWithThatChange() throws {
        let c = Self.config()
        let t = try Self.live(c)
        for s in 0..<250 {
            if s == 60 { try t.setRate(0.3, layers: [1, 2]) }
            t.step()
        }
        let b = try t.rebuilt(atStep: 120)
        try b.setRate(0.75, layers: [1, 2])
        for _ in 0..<130 { b.step() }
        let f = try Self.fresh(c, steps: 250, changes: [60: { try $0.setRate(0.3, layers: [1, 2]) },
                                                        120: { try $0.setRate(0.75, layers: [1, 2]) }])
        #expect(Fingerprint(b) == Fingerprint(f))
        #expect(Fingerprint(b).values != Fingerprint(t).values, "the branch did change the run")
        // Rewinding inside the branch rebuilds the branch, not the run it left.
        let inside = try b.rebuilt(atStep: 200)
        #expect(Fingerprint(inside) == Fingerprint(try Self.fresh(c, steps: 200, changes: [60: { try $0.setRate(0.3, layers: [1, 2]) },
                                                                                           120: { try $0.setRate(0.75, layers: [1, 2]) }])))
    }

    /// The state string of a branched run (changes before the branch and at it) replays to the
    /// same weights through `schedule`, as `run --state` does.
    @Test func stateStringOfABranchedRunReplaysExactly() throws {
        let c = Self.config()
        let t = try Self.live(c)
        for s in 0..<200 {
            if s == 30 { try t.setRate(0.6, layers: [1, 2]); t.setScaling(.none) }
            if s == 70 { t.setVariant(.gaussian) }
            t.step()
        }
        let b = try t.rebuilt(atStep: 100)
        try b.setRate(0.2, layer: 0)
        try b.setLearningRate(0.002)
        for _ in 0..<80 { b.step() }
        let text = StateString.encode(b, extras: [("step", "180")])
        #expect(text.contains(";changes=30:p1+2=0.6,30:scaling=none,70:variant=gaussian,100:p0=0.2,100:lr=0.002"), "\(text)")
        let (config, extras) = try StateString.decode(text, extraKeys: ["step"])
        #expect(config == c, "the configuration of step 0")
        let r = try Trainer(config: config)
        try r.schedule(RunChange.decode(try #require(extras["changes"])))
        for _ in 0..<180 { r.step() }
        #expect(Fingerprint(r).values == Fingerprint(b).values)
        #expect(Fingerprint(r).config == Fingerprint(b).config)
        #expect(r.history.events == b.history.events)
    }

    @Test func stateStringsWithoutChangesReadAsBefore() throws {
        let t = try Trainer(config: Self.config())
        for _ in 0..<20 { t.step() }
        let text = StateString.encode(t, extras: [("step", "20")])
        #expect(text == StateString.encode(t.config, extras: [("step", "20")]), "no changes: the old form")
        #expect(!text.contains("changes="))
        let old = "v1;data=moons;noise=default;train=100;val=0.3;hidden=16,16;act=relu;rates=0.1,0.5,0.5;scaling=inverted;variant=bernoulli;opt=adam;lr=0.01;batch=16;seed=7;eval=10;step=20"
        let (config, extras) = try StateString.decode(old, extraKeys: ["step"])
        #expect(config == Self.config() && extras["changes"] == nil)
    }

    @Test func badChangesAreRefusedWithAMessage() throws {
        func decodeError(_ value: String) -> String {
            do { _ = try RunChange.decode(value); return "" } catch { return "\(error)" }
        }
        #expect(decodeError("12").contains("not STEP:KEY=VALUE"))
        #expect(decodeError("x:p1=0.5").contains("the step is not a whole number"))
        #expect(decodeError("20:p1=0.5,10:p1=0.6").contains("steps must not go backwards"))
        #expect(decodeError("20:variant=nope").contains("unknown value 'nope'"))
        #expect(decodeError("20:wobble=1").contains("unknown key 'wobble'"))
        #expect(decodeError("20:p1=nan").contains("is not a number"))
        let t = try Trainer(config: Self.config())
        func scheduleError(_ value: String) -> String {
            do { try t.schedule(RunChange.decode(value)); return "" } catch { return "\(error)" }
        }
        #expect(scheduleError("20:p5=0.5").contains("dropout positions 0 to 2"))
        #expect(scheduleError("20:p1=1.5").contains("rate"))
        #expect(scheduleError("20:block=3").contains("for model cnn"))
        // The model is named as a setting, which the command line spells `--model` (CLI tests).
        do { try t.schedule(RunChange.decode("20:block=3")) } catch let e as SettingError {
            #expect(e.message { "<\($0.rawValue)>" } == "<state>: change '20:block=3': the block size is for <model> cnn and at least 1")
        }
        #expect(scheduleError("20:lr=-1").contains("positive"))
        #expect(throws: SettingError.self) { try StateString.decode("v1;data=moons;changes=5:p1") }
    }

    /// Over a long run the checkpoints stay at most `capacity`, spread over the whole run, so a
    /// rebuild replays fewer than `interval` steps from the nearest one.
    @Test func checkpointsStayBoundedOverALongRun() throws {
        var c = Self.config(.sgd)
        c.hidden = [4]
        c.rates = [0, 0.5]
        c.evalEvery = 1000
        let t = try Self.live(c)
        var most = 0
        for _ in 0..<6000 {
            t.step()
            most = max(most, t.timeline.checkpoints.items.count)
        }
        let store = t.timeline.checkpoints
        #expect(most <= CheckpointStore.capacity)
        #expect(store.items.count > CheckpointStore.capacity / 2, "thinning keeps half, not fewer")
        #expect(store.interval == 128, "16 doubled three times: 6000 steps / 64 checkpoints needs ≥ 94")
        let steps = store.items.map(\.step)
        #expect(steps == Array(stride(from: store.interval, through: 6000, by: store.interval)), "evenly over the whole run")
        for k in [1, 2999, 5999] {
            let from = store.latest(before: k)?.step ?? 0
            #expect(k - from <= store.interval)
        }
        // Headless training keeps none.
        let headless = try Trainer(config: c)
        for _ in 0..<100 { headless.step() }
        #expect(headless.timeline.checkpoints.items.isEmpty)
    }

    @Test func cnnRewindsBitForBit() throws {
        var c = TrainingConfig()
        c.dataset = "digits"
        var conv = ConvSettings()
        conv.variant = .spatial
        c.model = .cnn(conv)
        c.hidden = ConvSettings.defaultHidden
        c.rates = [0, 0.5]
        c.batchSize = 16
        c.evalEvery = 100_000
        let t = try Self.live(c)
        for s in 0..<40 {
            if s == 20 { try t.setConvVariant(.dropblock); try t.setBlockSize(3) }
            t.step()
        }
        let r = try t.rebuilt(atStep: 37)
        let f = try Self.fresh(c, steps: 37, changes: [20: { try $0.setConvVariant(.dropblock); try $0.setBlockSize(3) }])
        #expect(Fingerprint(r) == Fingerprint(f))
    }

    @Test func lstmRewindsBitForBit() throws {
        var c = TrainingConfig()
        c.dataset = "adding"
        c.sequenceLength = 12
        c.hidden = [8]
        c.rates = [0.1, 0.25]
        c.model = .lstm(LSTMSettings(variant: .variational))
        c.evalEvery = 10
        let t = try Self.live(c)
        for s in 0..<60 {
            if s == 25 { try t.setRecurrentVariant(.rnndrop) }
            t.step()
        }
        let r = try t.rebuilt(atStep: 50)
        let f = try Self.fresh(c, steps: 50, changes: [25: { try $0.setRecurrentVariant(.rnndrop) }])
        #expect(Fingerprint(r) == Fingerprint(f))
    }
}
