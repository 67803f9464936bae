@testable import DropoutCore
import Testing

/// The census counts exactly the distinct masks training drew, and starts afresh with a new rate.
@Suite struct MaskCensusTests {
    @Test func countsTheDistinctMasksDrawn() throws {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.trainSize = 40
        c.hidden = [5, 20]
        c.rates = [0, 0.3, 0.5]
        c.batchSize = 4
        let t = try Trainer(config: c)
        t.recordsDropStatistics = true
        var seen = Set<[Bool]>()
        for step in 1...30 {
            t.step()
            let m = t.mlp!.dropout[1].mask
            for r in 0..<m.rows { seen.insert((0..<5).map { m[r, $0] == 0 }) }
            let census = try #require(t.maskCensus.positions[1])
            #expect(census.distinct == seen.count && census.draws == 4 * step && census.possible == 32)
        }
        #expect(seen.count > 10 && seen.count < 32)
        #expect(t.maskCensus.positions[0] == nil, "rate 0: nothing to count")
        #expect(t.maskCensus.positions[2] == nil, "20 units: too wide to count")
        try t.setRate(0.6, layer: 1)
        t.step()
        #expect(t.maskCensus.positions[1]?.draws == 4, "a new rate starts a new census")
    }
}
