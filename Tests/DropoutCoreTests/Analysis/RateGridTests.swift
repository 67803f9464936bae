@testable import DropoutCore
import Foundation
import Testing

/// The grid's cells, stepped together on several threads, are exactly the single runs with
/// their rates: the same data, initial weights, batch order and masks, bit for bit.
@Suite struct RateGridTests {
    static func base() -> TrainingConfig {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.trainSize = 80
        c.hidden = [16, 16]
        c.rates = [0.1, 0.6, 0.6]
        c.learningRate = 0.003
        c.evalEvery = 10
        return c
    }

    static func weights(_ t: Trainer) -> [[UInt32]] {
        t.model.parameters.map { $0.value.data.map(\.bitPattern) }
    }

    @Test func gridCellsEqualSeparateRuns() throws {
        let rates: [Float] = [0, 0.25, 0.5, 0.75]
        let single = try Trainer(config: Self.base())
        let grid = try RateGrid(base: Self.base(), rates: rates, data: single.data)
        for _ in 0..<120 { grid.step() }
        for (p, cell) in zip(rates, grid.cells) {
            // Alone, on this thread, built from the config as `dropviz train --rate p` would.
            let alone = try Trainer(config: RateGrid.config(Self.base(), rate: p))
            for _ in 0..<120 { alone.step() }
            #expect(alone.config.rates == [0.1, p, p])
            #expect(cell.currentStep == 120)
            #expect(Self.weights(cell) == Self.weights(alone), "p=\(p): the grid's cell differs from the single run")
            #expect(cell.history.valLoss.points.map(\.value) == alone.history.valLoss.points.map(\.value))
        }
        // The cells did differ from one another (the rates matter).
        #expect(Self.weights(grid.cells[0]) != Self.weights(grid.cells[3]))
    }

    @Test func threadingDoesNotChangeTheCells() throws {
        let rates: [Float] = [0, 0.3, 0.6]
        let data = try Trainer(config: Self.base()).data
        let together = try RateGrid(base: Self.base(), rates: rates, data: data)
        let oneByOne = try RateGrid(base: Self.base(), rates: rates, data: data)
        for _ in 0..<60 {
            together.step()
            // Serial, in the reverse order.
            for t in oneByOne.cells.reversed() { t.step() }
        }
        for (a, b) in zip(together.cells, oneByOne.cells) { #expect(Self.weights(a) == Self.weights(b)) }
        together.reset()
        #expect(together.cells.allSatisfy { $0.currentStep == 0 })
    }

    @Test func badGrids() throws {
        #expect(try RateGrid.parse("0, 0.25,0.5") == [0, 0.25, 0.5])
        for (text, needle) in [("0.5", "2 to 9 rates, got 1"), ("0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.85", "got 10"),
                               ("0,x", "'x' is not a rate"), ("0,1.2", "grid rate must be in [0, 1)"), ("0,,0.5", "'' is not a rate")] {
            #expect {
                try RateGrid.parse(text)
            } throws: { error in
                let message = "\(error)"
                return message.contains(needle) && !message.contains("\n")
            }
        }
    }
}
