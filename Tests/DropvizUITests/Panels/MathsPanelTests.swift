import DropoutCore
@testable import DropvizUI
import TermUI
import Testing

/// The maths panel, the MC panel and the variant marks on the diagram, rendered into a buffer.
@Suite struct MathsPanelTests {
    /// The inside of the titled panel box whose title contains `title`, as lines.
    static func panel(_ b: Buffer, title: String) -> [String] {
        let lines = b.lines()
        guard let top = lines.firstIndex(where: { $0.contains("─ \(title) ") || $0.contains("- \(title) ") }) else { return [] }
        let row = Array(lines[top])
        let corner = row.lastIndex(where: { $0 == "┌" || $0 == "+" }) ?? 0
        var out: [String] = []
        for y in (top + 1)..<lines.count {
            let chars = Array(lines[y])
            guard corner < chars.count, chars[corner] == "│" || chars[corner] == "|" else { break }
            let end = chars.lastIndex(where: { $0 == "│" || $0 == "|" }) ?? chars.count
            out.append(String(chars[(corner + 1)..<max(corner + 1, end)]))
        }
        return out
    }

    static func state(variant: DropoutVariant = .bernoulli, scaling: Scaling = .inverted, panel: Panel = .maths,
                      width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode, steps: Int = 3) throws -> AppState {
        var s = try Fixtures.state(width: width, height: height, glyphs: glyphs)
        s.trainer.setVariant(variant)
        s.trainer.setScaling(scaling)
        s.panel = panel
        for _ in 0..<steps { update(&s, .step) }
        return s
    }

    @Test(arguments: [
        (DropoutVariant.bernoulli, Scaling.inverted, "train y=x·m/(1-p)  eval y=x"),
        (.bernoulli, .vanilla, "train y=x·r  eval y=(1-p)·x"),
        (.bernoulli, .none, "eval sees 2.00× more: loss jumps"),
        (.gaussian, .inverted, "y=x·g, g~N(1,p/(1-p))"),
        (.dropconnect, .inverted, "r=a((M⊙W)v)"),
        (.standout, .inverted, "train y=m·x, m~B(π)  eval y=π·x"),
    ])
    func formulaOfEachVariant(variant: DropoutVariant, scaling: Scaling, needle: String) throws {
        let s = try Self.state(variant: variant, scaling: scaling)
        let text = Self.panel(Fixtures.render(s), title: "maths").joined(separator: "\n")
        #expect(text.contains(needle), "\(variant) \(scaling):\n\(text)")
        #expect(text.contains("hidden1 unit 0/128 p=0.50"))
    }

    /// The printed numbers are the network's: the training input, mask and product of the
    /// selected unit, and the eval activation through `predict`.
    @Test(arguments: [Scaling.inverted, .vanilla])
    func trainAndEvalNumbersAreTheNetworks(scaling: Scaling) throws {
        var s = try Self.state(scaling: scaling)
        let net = s.trainer.mlp!
        // A unit that is alive in this example, so the numbers are not all 0.
        let x = net.dropoutInput(1)
        s.selectedUnit = (0..<128).first { x[0, $0] > 0 } ?? 0
        let j = s.selectedUnit
        let r = MathsReadout(s, network: s.trainer.mlp!)
        let t = try #require(r.train)
        #expect(t.x == x[0, j] && t.m == net.dropout[1].mask[0, j] && t.y == x[0, j] * net.dropout[1].mask[0, j])
        // Eval: the same example (row 0 of the batch) through predict.
        var example = Matrix(rows: 1, cols: 2)
        for c in 0..<2 { example[0, c] = net.dropoutInput(0)[0, c] }
        _ = net.predict(example)
        let ex = net.evalDropoutInput(1)[0, j]
        #expect(r.eval.x == ex)
        #expect(abs(r.eval.y - (scaling == .vanilla ? 0.5 * ex : ex)) <= 1e-6 * max(1, abs(ex)))
        let text = Self.panel(Fixtures.render(s), title: "maths").joined(separator: "\n")
        #expect(text.contains("x=\(PanelText.num(t.x))"), "\(text)")
        #expect(text.contains("\(scaling == .inverted ? "m" : "r")=\(PanelText.num(t.m))"))
        #expect(text.contains(scaling == .vanilla ? "(1-p)·x=\(PanelText.num(r.eval.y))" : "y=\(PanelText.num(r.eval.y))"))
        #expect(text.contains("≈ p=0.50"), "the running drop frequency beside p")
    }

    @Test func standoutNumbersUseKeepProbabilities() throws {
        let s = try Self.state(variant: .standout)
        let r = MathsReadout(s, network: s.trainer.mlp!)
        let layer = s.trainer.mlp!.dropout[1]
        #expect(r.train?.keep == layer.keep[0, 0])
        let pi = try #require(r.eval.keep)
        #expect(abs(r.eval.y - pi * r.eval.x) <= 1e-6 * max(1, abs(r.eval.x)))
    }

    @Test func gaussianUnitsShowTheirGateNotADrop() throws {
        let s = try Self.state(variant: .gaussian, panel: .none)
        let b = Fixtures.render(s)
        let frames = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths, in: ScreenLayout(width: 80, height: 24).diagram)
        let mask = s.trainer.mlp!.dropout[1].mask
        for j in 0..<frames[1].shown {
            let (x, y) = frames[1].cell(ofUnit: j)
            #expect(b.symbol(atX: x, y: y) != "✕")
            #expect(b.style(atX: x, y: y)?.fg == (mask[0, j] < 1 ? .brightBlue : .red), "unit \(j) g=\(mask[0, j])")
        }
        #expect(Fixtures.text(b).contains("var "), "the gates' running variance beside p")
    }

    @Test func dropConnectShadesUnitsByDroppedInputs() throws {
        let s = try Self.state(variant: .dropconnect, panel: .none)
        let b = Fixtures.render(s)
        let frames = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths, in: ScreenLayout(width: 80, height: 24).diagram)
        let layer = s.trainer.mlp!.dropout[2]
        let glyphs = Glyphs.unicode
        for j in 0..<frames[2].shown {
            let (x, y) = frames[2].cell(ofUnit: j)
            let f = Double(layer.droppedInputFraction(unit: j))
            let index = 1 + Int((f * Double(glyphs.shades.count - 2)).rounded())
            #expect(b.symbol(atX: x, y: y) == glyphs.shades[min(index, glyphs.shades.count - 1)])
        }
        #expect(Fixtures.text(b).contains("conn dropped"))
    }

    @Test func dropConnectStripMarksTheSelectedUnitsDroppedInputs() throws {
        var s = try Self.state(variant: .dropconnect)
        s.selectedLayer = 1  // 2 inputs: one cell per connection
        let r = MathsReadout(s, network: s.trainer.mlp!)
        let inputs = try #require(r.train?.droppedInputs)
        let strip = "in " + String(inputs.map { $0 ? "✕" : "·" })
        let text = Self.panel(Fixtures.render(s), title: "maths").joined(separator: "\n")
        #expect(text.contains("inputs dropped \(inputs.filter { $0 }.count)/2"), "\(text)")
        // The strip needs a row more than 80×24 gives: at 120×40 it is there.
        s.width = 120
        s.height = 40
        let big = Self.panel(Fixtures.render(s), title: "maths").joined(separator: "\n")
        #expect(big.contains(strip), "\(big)")
        #expect(big.contains("p(1-p)=0.250"))
    }

    @Test func standoutMarksDropsAndShadesByKeepProbability() throws {
        let s = try Self.state(variant: .standout, panel: .none)
        let b = Fixtures.render(s)
        let frames = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths, in: ScreenLayout(width: 80, height: 24).diagram)
        let layer = s.trainer.mlp!.dropout[1]
        for j in 0..<frames[1].shown {
            let (x, y) = frames[1].cell(ofUnit: j)
            if layer.mask[0, j] == 0 {
                #expect(b.symbol(atX: x, y: y) == "✕")
            } else {
                #expect(b.style(atX: x, y: y)?.fg == NetworkDiagram.keepStyle.fg)
            }
        }
    }

    @Test(arguments: DropoutVariant.allCases)
    func legendSaysWhatTheMarksMean(variant: DropoutVariant) throws {
        let s = try Self.state(variant: variant, panel: .none)
        let legend = NetworkDiagram(state: s, network: s.trainer.mlp!).legend
        #expect(!legend.isEmpty)
        let text = Fixtures.text(Fixtures.render(s))
        for entry in legend { #expect(text.contains(entry), "\(variant): \(entry)") }
    }

    @Test func selectedUnitIsMarkedWhileTheMathsPanelIsOpen() throws {
        var s = try Self.state()
        s.selectedUnit = 5
        let b = Fixtures.render(s)
        let frames = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths, in: ScreenLayout(width: 80, height: 24).diagram)
        let (x, y) = frames[1].cell(ofUnit: 5)
        #expect(b.style(atX: x, y: y)?.reverse == true)
        let (x2, y2) = frames[1].cell(ofUnit: 6)
        #expect(b.style(atX: x2, y: y2)?.reverse != true)
    }

    @Test(arguments: [Panel.maths, .uncertainty], DropoutVariant.allCases)
    func asciiPanelsAreAscii(panel: Panel, variant: DropoutVariant) throws {
        for size in [(80, 24), (160, 50)] {
            let s = try Self.state(variant: variant, panel: panel, width: size.0, height: size.1, glyphs: .ascii)
            let b = Fixtures.render(s)
            let inside = Self.panel(b, title: panel.title)
            #expect(inside.count >= 5)
            let bad = inside.joined().unicodeScalars.filter { !$0.isASCII }
            #expect(bad.isEmpty, "\(panel) \(variant) \(size): \(String(String.UnicodeScalarView(bad)))")
            let legend = NetworkDiagram(state: s, network: s.trainer.mlp!).legend.joined()
            #expect(legend.unicodeScalars.filter { !$0.isASCII }.isEmpty)
        }
    }

    @Test func panelFitsAtEverySize() throws {
        for variant in DropoutVariant.allCases {
            for size in [(80, 24), (100, 30), (200, 60)] {
                let s = try Self.state(variant: variant, width: size.0, height: size.1)
                let inside = Self.panel(Fixtures.render(s), title: "maths")
                #expect(inside.count >= 5, "\(variant) \(size)")
                #expect(inside.first?.contains("hidden1") == true)
            }
        }
    }
}

@Suite struct UncertaintyPanelTests {
    @Test func zeroRateMeansZeroSpread() throws {
        let s = try MathsPanelTests.state(panel: .uncertainty)
        try s.trainer.setRate(0, layer: 1)
        try s.trainer.setRate(0, layer: 2)
        let r = UncertaintyPanel.Readout(s, network: s.trainer.mlp!)
        #expect(r.std.allSatisfy { $0 == 0 })
        #expect(r.mc.mutualInformation.first == 0)
        for (a, b) in zip(r.mean, r.eval) { #expect(abs(a - b) < 1e-5, "with nothing dropped MC is the eval softmax") }
        let text = MathsPanelTests.panel(Fixtures.render(s), title: "MC dropout").joined(separator: "\n")
        #expect(text.contains("±0.00"), "\(text)")
        #expect(text.contains("MI 0 nats") || text.contains("MI 0.000"), "\(text)")
    }

    @Test func sameFrameTwiceSameNumbersAndTrainingUntouched() throws {
        let s = try MathsPanelTests.state(panel: .uncertainty)
        let before = s.trainer.mlp!.dropout.map(\.rng.state)
        let a = Fixtures.render(s), b = Fixtures.render(s)
        #expect(a == b, "a fixed seed: no flicker between frames")
        #expect(s.trainer.mlp!.dropout.map(\.rng.state) == before)
        let text = MathsPanelTests.panel(a, title: "MC dropout").joined(separator: "\n")
        #expect(text.contains("true ") && text.contains("T=30") && text.contains("H "))
    }

    @Test func tenClassesFitInTheSmallBox() throws {
        var c = TrainingConfig()
        c.dataset = "digits"
        c.hidden = [32]
        c.rates = [0, 0.5]
        c.evalEvery = 1000
        var s = AppState(trainer: try Trainer(config: c), width: 80, height: 24)
        s.panel = .uncertainty
        update(&s, .step)
        let inside = MathsPanelTests.panel(Fixtures.render(s), title: "MC dropout")
        let labels = try #require(inside.first { $0.hasPrefix("0  1  2") })
        #expect(labels.contains("9"))
        #expect(inside.contains { $0.hasPrefix("H ") })
    }
}
