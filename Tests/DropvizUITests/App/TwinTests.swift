import DropoutCore
import DropvizUI
import TermUI
import Testing

@Suite struct TwinTests {
    /// The twin shares the data, the initial weights and the batch order: with the same rates
    /// it is the same run step by step; with other rates only the masks differ.
    @Test func twinIsIdenticalUntilTheRatesDiffer() throws {
        var s = try Fixtures.state(hidden: [32, 32])
        s.twinRate = 0.5  // the same as the main network's hidden rates
        try s.startTwin()
        let twin = try #require(s.twin)
        #expect(twin.mlp!.weights == s.trainer.mlp!.weights)
        #expect(twin.data.train.features == s.trainer.data.train.features)
        for _ in 0..<25 {
            update(&s, .step)
            #expect(twin.mlp!.weights == s.trainer.mlp!.weights)
            #expect(twin.lastBatchLoss == s.trainer.lastBatchLoss)
        }
        // Now the rates differ: the weights part, the batch order does not.
        update(&s, .input(.char("0")))
        update(&s, .step)
        #expect(twin.mlp!.weights != s.trainer.mlp!.weights)
        #expect(twin.sampler == s.trainer.sampler)
    }

    @Test func twinKeyRestartsBothAndShowsBothCurves() throws {
        var s = try Fixtures.state(width: 120, height: 40, hidden: [32, 32])
        for _ in 0..<30 { update(&s, .step) }
        update(&s, .input(.char("t")))
        #expect(s.twin != nil && s.trainer.currentStep == 0)
        for _ in 0..<60 { update(&s, .step) }
        #expect(s.twin?.currentStep == 60)
        let plot = LinePlot(state: s)
        #expect(plot.series.map(\.label).suffix(2) == ["twin train", "twin val"], "both of the twin's curves")
        #expect(plot.series[3].points.count == s.twin?.history.trainLoss.points.count)
        #expect(plot.markers.contains { $0.label == "twin best" })
        #expect(plot.title.contains("twin p=0"))
        let text = Fixtures.text(Fixtures.render(s))
        #expect(text.contains("twin p=0"))
        update(&s, .input(.char("r")))
        #expect(s.twin?.currentStep == 0)
        update(&s, .input(.char("t")))
        #expect(s.twin == nil)
    }
}
