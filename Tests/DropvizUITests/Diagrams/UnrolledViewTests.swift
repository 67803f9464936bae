import DropoutCore
@testable import DropvizUI
import Testing
import TermUI

/// The LSTM's unrolled view, checked cell by cell against the masks of the last step.
@Suite struct UnrolledViewTests {
    static func state(_ variant: RecurrentDropoutVariant, dataset: String = "adding", width: Int = 80, height: Int = 24,
                      rate: Float = 0.5, glyphs: Glyphs = .unicode) throws -> AppState {
        var c = TrainingConfig()
        c.dataset = dataset
        c.sequenceLength = 12
        c.hidden = [16]
        c.rates = [0, rate]
        c.model = .lstm(LSTMSettings(variant: variant))
        c.evalEvery = 10
        var s = AppState(trainer: try Trainer(config: c), width: width, height: height, glyphs: glyphs)
        s.paused = true
        update(&s, .input(.char("n")))
        return s
    }

    /// Where the grid's cells are: the row of unit `j`'s label and the column of step t.
    struct Grid {
        let top: Int, left: Int, cellWidth: Int, rows: Int
        func x(_ t: Int) -> Int { left + t * cellWidth }
    }

    static func grid(_ s: AppState, _ b: Buffer, label: String) -> Grid? {
        let area = ScreenLayout(width: s.width, height: s.height).diagram
        let first = area.y + 2
        guard String((0..<4).compactMap { b.symbol(atX: 1 + $0, y: first) }).hasPrefix(label + "1") else { return nil }
        // Cells per step: from the axis row's step labels ("0" at the first step, "5" five later).
        var rows = 0
        while String(b.symbol(atX: 1, y: first + rows) ?? " ") == label { rows += 1 }
        let axis = first + rows
        let left = 1 + UnrolledView.labelWidth
        guard b.symbol(atX: left, y: axis) == "0",
              let five = (left + 1..<s.width).first(where: { b.symbol(atX: $0, y: axis) == "5" }) else { return nil }
        return Grid(top: first, left: left, cellWidth: (five - left) / 5, rows: rows)
    }

    /// Every shown cell is ✕ exactly where the variant's mask dropped that unit at that step.
    @Test(arguments: RecurrentDropoutVariant.allCases)
    func droppedCellsMatchTheMasks(_ variant: RecurrentDropoutVariant) throws {
        let s = try Self.state(variant)
        let b = Fixtures.render(s)
        let net = try #require(s.trainer.lstmModel)
        let masks = net.lstm.masks.state(variant)
        #expect(masks.count == 12)
        let g = try #require(Self.grid(s, b, label: variant.maskedState), Comment(rawValue: Fixtures.text(b)))
        #expect(g.rows >= 8 && g.rows <= 16)
        var crosses = 0
        for j in 0..<g.rows {
            for t in 0..<12 {
                let dropped = masks[t][0, j] == 0
                let symbol = b.symbol(atX: g.x(t), y: g.top + j)
                #expect((symbol == "✕") == dropped, "unit \(j + 1), step \(t)")
                if dropped {
                    #expect(b.style(atX: g.x(t), y: g.top + j)?.fg == .red)
                    crosses += 1
                }
            }
        }
        #expect(crosses > 0)
        // Fixed masks draw unbroken rows; per-step ones break somewhere.
        let rowsUnbroken = (0..<g.rows).allSatisfy { j in
            Set((0..<12).map { b.symbol(atX: g.x($0), y: g.top + j) == "✕" }).count == 1
        }
        #expect(rowsUnbroken == variant.fixedPerSequence, "\(variant)")
        #expect(Fixtures.text(b).contains(variant.fixedPerSequence ? "unbroken rows" : "noise"))
    }

    @Test func allUnitsAt200x60AndNothingDroppedInTheEvalView() throws {
        var s = try Self.state(.rnndrop, width: 200, height: 60)
        var b = Fixtures.render(s)
        let g = try #require(Self.grid(s, b, label: "c"))
        #expect(g.rows == 16)
        let axis = b.lines()[g.top + g.rows]
        #expect(!axis.contains("units") && !axis.contains("steps"), "no units or steps hidden: \(axis)")
        update(&s, .input(.char("e")))
        b = Fixtures.render(s)
        let lines = b.lines()
        #expect(lines.contains { $0.contains("eval: nothing dropped") })
        for j in 0..<16 { #expect(!lines[g.top + j].prefix(g.x(12)).contains("✕")) }
    }

    /// The prediction against the target: a legend with the horizon for sine-seq, the numbers
    /// for the adding problem (the first validation sequence, in eval mode).
    @Test func predictionBesideTheGrid() throws {
        let sine = Fixtures.text(Fixtures.render(try Self.state(.naive, dataset: "sine-seq")))
        #expect(sine.contains("━ target (+3)") && sine.contains("━ prediction"))
        let s = try Self.state(.naive)
        let text = Fixtures.text(Fixtures.render(s))
        let net = try #require(s.trainer.lstmModel)
        let val = s.trainer.data.validation
        let predicted = net.predict(PanelSupport.rowMatrix(val.features, 0))[0, 0]
        guard case .values(let y) = val.targets else { Issue.record("regression targets"); return }
        #expect(text.contains(String(format: "target %.3f  prediction %.3f", y[0, 0], predicted)))
    }

    @Test func asciiHasOnlyAscii() throws {
        let s = try Self.state(.naiveCell, glyphs: .ascii)
        let text = Fixtures.text(Fixtures.render(s))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, Comment(rawValue: text))
        #expect(text.contains("c1"))
    }

    /// v cycles the variants (nothing reset, marked on the plot); the rate keys change the
    /// recurrent rate, the selected position at start.
    @Test func keysCycleVariantsAndChangeTheRecurrentRate() throws {
        var s = try Self.state(.naive)
        let weights = s.trainer.model.parameters.map(\.value)
        var seen: [RecurrentDropoutVariant] = []
        for _ in RecurrentDropoutVariant.allCases {
            update(&s, .input(.char("v")))
            seen.append(try #require(s.trainer.config.lstm?.variant))
        }
        #expect(seen == [.naiveCell, .rnndrop, .recurrent, .variational, .naive])
        #expect(s.trainer.model.parameters.map(\.value) == weights)
        #expect(s.notice?.contains("recurrent variant naive") == true)
        #expect(s.trainer.history.events.map(\.label).last == "rnn naive")
        update(&s, .input(.up))
        #expect(s.trainer.lstmModel?.lstm.rate == 0.55 && s.trainer.config.rates == [0, 0.55])
        let text = Fixtures.text(Fixtures.render(s))
        #expect(text.contains("rec p=0.55") && text.contains("naive: h̃ₜ₋₁ = hₜ₋₁ ⊙ mₜ"))
    }
}
