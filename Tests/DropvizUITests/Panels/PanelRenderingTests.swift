import DropoutCore
@testable import DropvizUI
import Foundation
import TermUI
import Testing

/// The data, co-adaptation and confusion panels rendered on the full screen, checked cell by
/// cell against numbers computed here from the network.
@Suite struct PanelRenderingTests {
    static let sizes = [(80, 24), (200, 60)]

    func state(_ dataset: String, hidden: [Int] = [32, 32], rates: [Float]? = nil, steps: Int = 30,
               panel: Panel, width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode) throws -> AppState {
        var c = TrainingConfig()
        c.dataset = dataset
        c.hidden = hidden
        c.rates = rates ?? ([0] + hidden.map { _ in 0.5 })
        c.evalEvery = 10
        if dataset == "moons" { c.trainSize = 80 }
        var s = AppState(trainer: try Trainer(config: c), width: width, height: height, glyphs: glyphs)
        for _ in 0..<steps { update(&s, .step) }
        s.panel = panel
        return s
    }

    /// The inside of the panel's box, found on the screen by its title.
    func panelInside(_ b: Buffer, title: String, glyphs: Glyphs = .unicode) throws -> Rect {
        let lines = b.lines().map { Array($0) }
        let corner = glyphs.topLeft, rightCorner = glyphs.topRight, bottom = glyphs.bottomLeft
        for (y, line) in lines.enumerated() {
            let text = String(line)
            guard let range = text.range(of: "\(corner)\(glyphs.horizontal) \(title) ") else { continue }
            let x = text.distance(from: text.startIndex, to: range.lowerBound)
            let right = try #require((x + 1..<line.count).first { line[$0] == rightCorner })
            let last = try #require((y + 1..<lines.count).first { lines[$0][x] == bottom })
            return Rect(x: x + 1, y: y + 1, width: right - x - 1, height: last - y - 1)
        }
        Issue.record("no panel titled \(title)")
        return .zero
    }

    // MARK: data: decision boundary

    /// The map's area inside the data panel, its pixel grid (two pixels a cell) and the data
    /// bounds it spans, worked out here independently of the view's code.
    func boundaryMap(_ s: AppState, _ b: Buffer) throws
        -> (inside: Rect, w: Int, h: Int, x: (Double, Double), y: (Double, Double)) {
        let inside = try panelInside(b, title: "data")
        let legendRows = inside.height >= 10 ? 2 : 1
        return (inside, inside.width, 2 * (inside.height - legendRows),
                DataPanel.bounds(s, feature: 0), DataPanel.bounds(s, feature: 1))
    }

    @Test(arguments: sizes)
    func decisionBoundaryColoursAreTheClassOneProbability(width: Int, height: Int) throws {
        let s = try state("moons", panel: .data, width: width, height: height)
        let b = Fixtures.render(s)
        let (inside, w, h, (x0, x1), (y0, y1)) = try boundaryMap(s, b)
        // p(class 1) at every pixel centre, from a prediction made here.
        var grid = Matrix(rows: w * h, cols: 2)
        for py in 0..<h {
            for px in 0..<w {
                grid[py * w + px, 0] = Float(x0 + (Double(px) + 0.5) / Double(w) * (x1 - x0))
                grid[py * w + px, 1] = Float(y1 - (Double(py) + 0.5) / Double(h) * (y1 - y0))
            }
        }
        let p = Softmax.probabilities(s.trainer.mlp!.predict(grid))
        let expected = { (px: Int, py: Int) in ColorRamp.diverging.color(0.5 + (Double(p[py * w + px, 1]) - 0.5) * 0.7) }
        var checked = 0
        for cy in 0..<(h / 2) {
            for cx in 0..<w {
                let cell = try #require(b.cell(atX: inside.x + cx, y: inside.y + cy))
                if cell.symbol == "▀" {
                    #expect(cell.style.fg == expected(cx, 2 * cy) && cell.style.bg == expected(cx, 2 * cy + 1), "cell \(cx),\(cy)")
                    checked += 1
                }
            }
        }
        #expect(checked > w * h / 4)
        // Both sides of the boundary are on the map after 30 steps.
        let colours = Set((0..<(w * h)).map { expected($0 % w, $0 / w) })
        #expect(colours.count >= 3)
    }

    @Test(arguments: sizes)
    func trainingPointsAreAtTheirCells(width: Int, height: Int) throws {
        let s = try state("moons", panel: .data, width: width, height: height)
        let b = Fixtures.render(s)
        let (inside, w, h, (x0, x1), (y0, y1)) = try boundaryMap(s, b)
        let train = s.trainer.data.train
        guard case .classes(let labels) = train.targets else { Issue.record("classes"); return }
        // Filled, one shape a class (● for class 0, ▲ for class 1); two examples can share a
        // cell (two pixels a cell), so a cell shows the mark of one of its examples.
        var marks: [Int: Set<Character>] = [:]
        let cellOf = { (r: Int) -> (x: Int, y: Int) in
            let px = Int((Double(train.features[r, 0]) - x0) / (x1 - x0) * Double(w))
            let py = Int((y1 - Double(train.features[r, 1])) / (y1 - y0) * Double(h))
            return (inside.x + px, inside.y + py / 2)
        }
        for r in 0..<train.count {
            let c = cellOf(r)
            marks[c.y * width + c.x, default: []].insert(labels[r] == 0 ? "●" : "▲")
        }
        for r in 0..<train.count {
            let c = cellOf(r)
            let cell = try #require(b.cell(atX: c.x, y: c.y))
            #expect(marks[c.y * width + c.x]?.contains(cell.symbol) == true, "training example \(r)")
        }
        #expect(Set(marks.values.joined()) == ["●", "▲"])
        let text = Fixtures.text(b)
        #expect(text.contains("● train"))
        #expect(text.contains("map: p(1)"))
    }

    // MARK: data: digits

    @Test func digitImageShowsTheValidationExampleAndTheDroppedPixels() throws {
        var s = try state("digits", hidden: [32], rates: [0.3, 0.5], steps: 5, panel: .data)
        s.exampleIndex = 3
        let b = Fixtures.render(s)
        let inside = try panelInside(b, title: "data")
        let val = s.trainer.data.validation
        let ink = { (m: Matrix, r: Int, j: Int) in
            min(max(Double(m[r, j] * s.trainer.data.std[j] + s.trainer.data.mean[j]) / 16, 0), 1)
        }
        // Left image: the validation example, 8 × 4 cells at 80×24.
        for cy in 0..<4 {
            for cx in 0..<8 {
                let cell = try #require(b.cell(atX: inside.x + cx, y: inside.y + cy))
                #expect(cell.symbol == "▀")
                #expect(cell.style.fg == ColorRamp.grey.color(ink(val.features, 3, 2 * cy * 8 + cx)))
                #expect(cell.style.bg == ColorRamp.grey.color(ink(val.features, 3, (2 * cy + 1) * 8 + cx)))
            }
        }
        // Right image: the batch's first example, dropped pixels in reds, the others grey.
        let mask = s.trainer.mlp!.dropout[0].mask
        let batch = s.trainer.mlp!.dropoutInput(0)
        var dropped = 0
        for j in 0..<64 {
            let (cx, py) = (j % 8, j / 8)
            let cell = try #require(b.cell(atX: inside.x + 9 + cx, y: inside.y + py / 2))
            let colour = py % 2 == 0 ? cell.style.fg : cell.style.bg
            if mask[0, j] == 0 {
                dropped += 1
                #expect(DigitView.droppedRamp.contains(colour), "pixel \(j)")
            } else {
                #expect(colour == ColorRamp.grey.color(ink(batch, 0, j)), "pixel \(j)")
            }
        }
        #expect(dropped > 0)
        let text = Fixtures.text(b)
        var truth = -1
        if case .classes(let l) = val.targets { truth = l[3] }
        #expect(text.contains("val #3/\(val.count)"))
        #expect(text.contains("true \(truth)"))
        #expect(text.contains("dropped \(dropped)/64"))
        #expect(text.contains("red: dropped from batch[0]"))
    }

    @Test func digitsWithoutInputDropoutSayNothingIsDropped() throws {
        let s = try state("digits", hidden: [32], rates: [0, 0.5], steps: 2, panel: .data)
        let text = Fixtures.text(Fixtures.render(s))
        #expect(text.contains("input p = 0: nothing dropped"))
        #expect(!text.contains("batch[0]"))
    }

    // MARK: co-adaptation

    @Test(arguments: sizes)
    func coadaptationShowsTheMeanAbsoluteCorrelation(width: Int, height: Int) throws {
        var s = try state("moons", hidden: [64, 16], panel: .coadaptation, width: width, height: height)
        s.selectedLayer = 0  // the input: the panel falls back to hidden layer 1
        let net = s.trainer.mlp!
        _ = net.predict(s.trainer.data.validation.features)
        let c = Coadaptation.correlations(net.evalDropoutInput(1))
        let summary = Coadaptation.meanAbsOffDiagonal(c)
        let b = Fixtures.render(s)
        let text = Fixtures.text(b)
        #expect(text.contains("hidden 1, eval"))
        #expect(text.contains(String(format: "mean |r| %.3f", summary.value)))
        #expect(text.contains("over \(summary.usedUnits)/64 units"))
        // The map's first cell: units 0 and 1 of row 0 … the diagonal is red (+1).
        let inside = try panelInside(b, title: "co-adaptation")
        let shown = CoadaptationPanel.shownUnits(area: inside, units: 64, glyphs: .unicode, textWidth: min(22, max(18, inside.width / 3)))
        #expect(text.contains(shown < 64 ? "map: 1–\(shown) of 64" : "map: all 64"))
        for i in 0..<min(shown, 2 * inside.height) where !c[i, i].isNaN {
            let cell = try #require(b.cell(atX: inside.x + i, y: inside.y + i / 2))
            let colour = i % 2 == 0 ? cell.style.fg : cell.style.bg
            #expect(colour == ColorRamp.diverging.color(1), "diagonal \(i)")
        }
    }

    // MARK: confusion

    @Test(arguments: sizes)
    func confusionCountsSumToTheValidationSize(width: Int, height: Int) throws {
        let s = try state("iris", hidden: [16], panel: .confusion, width: width, height: height)
        let b = Fixtures.render(s)
        let inside = try panelInside(b, title: "confusion")
        let n = s.trainer.data.validation.count
        // Rows 1…3 of the panel: a name, then three counts ("·" for 0).
        var total = 0, diagonal = 0
        for t in 0..<3 {
            let row = b.lines()[inside.y + 1 + t].dropFirst(inside.x).prefix(inside.width)
            let counts = row.split(separator: " ").dropFirst().map { $0 == "·" ? 0 : Int($0) ?? -1 }.prefix(3)
            #expect(counts.count == 3 && !counts.contains(-1), "\(row)")
            total += counts.reduce(0, +)
            diagonal += Array(counts)[t]
        }
        #expect(total == n)
        #expect(Fixtures.text(b).contains(String(format: "val acc %.1f%%  %d/%d", Double(diagonal) / Double(n) * 100, diagonal, n)))
        #expect(ConfusionPanel.counts(s)?.joined().reduce(0, +) == n)
    }

    @Test(arguments: sizes)
    func digitsConfusionFits(width: Int, height: Int) throws {
        let s = try state("digits", hidden: [32], steps: 20, panel: .confusion, width: width, height: height)
        let b = Fixtures.render(s)
        let text = Fixtures.text(b)
        let m = try #require(ConfusionPanel.counts(s))
        let n = s.trainer.data.validation.count
        #expect(m.joined().reduce(0, +) == n)
        let right = (0..<10).map { m[$0][$0] }.reduce(0, +)
        #expect(text.contains("\(right)/\(n)"))
        // Every class label is on the panel, as a heat map at 80×24 or counts at 200×60.
        let inside = try panelInside(b, title: "confusion")
        let header = String(b.lines()[inside.y].dropFirst(inside.x).prefix(inside.width))
        for k in 0..<10 { #expect(header.contains(String(k))) }
    }

    @Test func regressionHasNoConfusionMatrix() throws {
        let s = try state("sine", hidden: [16], panel: .confusion)
        #expect(Fixtures.text(Fixtures.render(s)).contains("classification only"))
    }

    @Test func regressionShowsTheFittedCurve() throws {
        let s = try state("sine", hidden: [16], panel: .data)
        let b = Fixtures.render(s)
        let inside = try panelInside(b, title: "data")
        var curve = 0
        for y in inside.y..<inside.bottom - 1 {
            for x in inside.x..<inside.right where b.style(atX: x, y: y)?.fg == RegressionFitView.curveColor { curve += 1 }
        }
        // The curve crosses the whole width.
        #expect(curve >= inside.width)
        #expect(Fixtures.text(b).contains("━ fit"))
    }

    // MARK: ASCII

    @Test(arguments: ["moons", "digits", "sine", "iris"])
    func asciiPanelsAreASCII(dataset: String) throws {
        for (width, height) in Self.sizes {
            for panel in [Panel.data, .coadaptation, .confusion] {
                let s = try state(dataset, hidden: [16], rates: [0.2, 0.5], steps: 3, panel: panel, width: width, height: height, glyphs: .ascii)
                let b = Fixtures.render(s)
                let inside = try panelInside(b, title: panel.title, glyphs: .ascii)
                let text = b.lines()[inside.y..<inside.bottom].map { String($0.dropFirst(inside.x).prefix(inside.width)) }.joined()
                #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(dataset) \(panel) \(width)×\(height): \(String(text.unicodeScalars.filter { !$0.isASCII }))")
                #expect(text.contains { $0 != " " })
            }
        }
    }
}
