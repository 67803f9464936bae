import DropoutCore
@testable import DropvizUI
import Foundation
import TermUI
import Testing

/// The uncertainty lesson keeps its word: trained as the lesson says, the MC dropout band is at
/// least twice as wide far from the data as among it, on every seed; and the screen shows it
/// (the band's cells, the σ map of `m`).
@Suite struct UncertaintyLessonTests {
    /// The lesson's training options as the app reads them (`Setup.from(lesson:)`: the
    /// visualizer's evaluation every 20 steps), for the options this lesson uses; any other
    /// option fails the test rather than being silently ignored.
    static func config(_ lesson: Lesson, seed: UInt64) throws -> TrainingConfig {
        var c = TrainingConfig()
        c.evalEvery = 20
        c.trainSize = 80
        var rate: Float = 0.5
        var i = 0
        let o = lesson.options
        while i + 1 < o.count {
            let value = o[i + 1]
            switch o[i] {
            case "--dataset": c.dataset = value
            case "--train-size": c.trainSize = try number(value)
            case "--hidden": c.hidden = try value.split(separator: ",").map { try number(String($0)) }
            case "--activation": c.activation = try #require(Activation(rawValue: value))
            case "--rate": rate = try number(value)
            case "--lr": c.learningRate = try number(value)
            case "--noise": c.noise = try number(value)
            default: Issue.record("the test does not know the lesson's option \(o[i])")
            }
            i += 2
        }
        #expect(i == o.count, "options come in pairs")
        c.rates = [0] + c.hidden.map { _ in rate }
        c.seed = seed
        return c
    }

    struct BadNumber: Error { let text: String }

    static func number<T: LosslessStringConvertible>(_ text: String) throws -> T {
        guard let v = T(text) else { throw BadNumber(text: text) }
        return v
    }

    static let lesson = BuiltinLessons.uncertainty

    /// The lesson's network trained for the number of steps its caption names.
    static func trained(seed: UInt64) throws -> Trainer {
        let t = try Trainer(config: config(lesson, seed: seed))
        for _ in 0..<UncertaintyLesson.steps { _ = t.step() }
        return t
    }

    /// The band as the MC dropout panel computes it at 80×24 (T = the app's default passes,
    /// the panel's seed).
    static func band(_ t: Trainer, points: Int = 76) -> UncertaintyBand {
        UncertaintyBand.compute(t, points: points, samples: 30, seed: t.config.seed ^ UncertaintyPanel.seedSalt)
    }

    @Test func lessonOptionsAreWhatTheAppParses() throws {
        let c = try Self.config(Self.lesson, seed: 1)
        try c.validate()
        #expect(c.dataset == "sine")
        #expect(Self.lesson.panel == Panel.uncertainty.rawValue)
        #expect(Self.lesson.caption.joined().contains("\(UncertaintyLesson.steps)"), "the caption says how long to let it run")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func bandIsTwiceAsWideFarFromTheData(seed: UInt64) throws {
        let t = try Self.trained(seed: seed)
        let b = Self.band(t)
        let far = b.farStd
        #expect(b.xs.first! < b.trainLow - 0.5 * (b.trainHigh - b.trainLow), "the grid reaches well past the data")
        #expect(b.xs.last! > b.trainHigh + 0.5 * (b.trainHigh - b.trainLow))
        #expect(min(far.left, far.right) >= 2 * b.insideStd,
                "seed \(seed): σ far \(far.left), \(far.right) against \(b.insideStd) among the data")
    }

    // MARK: the band on screen

    /// The panel's plot: the inside of the box minus the example's line and the legend.
    func plotArea(_ b: Buffer, title: String) throws -> Rect {
        let lines = b.lines().map { Array($0) }
        for (y, line) in lines.enumerated() {
            let text = String(line)
            guard let range = text.range(of: "┌─ \(title) ") else { continue }
            let x = text.distance(from: text.startIndex, to: range.lowerBound)
            let right = try #require((x + 1..<line.count).first { line[$0] == "┐" })
            let last = try #require((y + 1..<lines.count).first { lines[$0][x] == "└" })
            return Rect(x: x + 1, y: y + 2, width: right - x - 1, height: last - y - 3)
        }
        Issue.record("no panel titled \(title)")
        return .zero
    }

    @Test(arguments: [(80, 24), (160, 45)])
    func bandCellsAreWhereMeanPlusMinusTwoSigmaIs(width: Int, height: Int) throws {
        let t = try Self.trained(seed: 1)
        var s = AppState(trainer: t, width: width, height: height)
        s.panel = .uncertainty
        s.paused = true
        let b = Fixtures.render(s)
        let plot = try plotArea(b, title: "MC dropout")
        let band = Self.band(t, points: 2 * plot.width)
        let (low, high) = RegressionFitView.yRange(s, RegressionFitView.Curves(xs: band.xs, eval: band.eval, band: band, trainLow: 0, trainHigh: 0))
        // Value range of each cell row, worked out here: 4 dot rows a cell, dot 0 at `high`.
        let perDot = (high - low) / Double(4 * plot.height - 1)
        var bandCells = 0, farWidth = [Int](), insideWidth = [Int]()
        for cx in 0..<plot.width {
            let top = max(band.mean[2 * cx] + 2 * band.std[2 * cx], band.mean[2 * cx + 1] + 2 * band.std[2 * cx + 1])
            let bottom = min(band.mean[2 * cx] - 2 * band.std[2 * cx], band.mean[2 * cx + 1] - 2 * band.std[2 * cx + 1])
            var rows = 0
            for cy in 0..<plot.height {
                let cellTop = high - (Double(4 * cy) - 0.5) * perDot, cellBottom = high - (Double(4 * cy + 3) + 0.5) * perDot
                let inBand = cellBottom <= top && cellTop >= bottom
                let cell = try #require(b.cell(atX: plot.x + cx, y: plot.y + cy))
                if cell.symbol == "░" {
                    #expect(inBand, "(\(cx), \(cy)) shaded outside mean ± 2σ")
                    #expect(cell.style.fg == RegressionFitView.bandColor)
                    bandCells += 1
                } else if inBand {
                    // Something drawn over the band: a point, a curve, the data's edge, the example.
                    #expect(cell.symbol != " ", "(\(cx), \(cy)) inside mean ± 2σ left blank")
                }
                if inBand { rows += 1 }
            }
            let x = band.xs[2 * cx]
            if x < band.low + 0.1 * (band.high - band.low) || x > band.high - 0.1 * (band.high - band.low) { farWidth.append(rows) }
            if x > band.trainLow && x < band.trainHigh { insideWidth.append(rows) }
        }
        #expect(bandCells > 0)
        // What the lesson asks to look for: the band is visibly wider at the ends (on a plot
        // of a few rows, as wide as the plot can show).
        let mean = { (v: [Int]) in Double(v.reduce(0, +)) / Double(max(1, v.count)) }
        #expect(mean(farWidth) >= min(Double(plot.height) - 1, 2 * mean(insideWidth)), "far \(farWidth) inside \(insideWidth)")
        let text = Fixtures.text(b)
        #expect(text.contains("┊data") && text.contains("±2σ") && text.contains("━ MC"))
    }

    @Test func dataPanelBandIsTheMKey() throws {
        var s = try Self.sineState()
        update(&s, .input(.char("m")))
        #expect(s.panel == .data && s.uncertaintyMap)
        let on = try dataPanelText(Fixtures.render(s))
        #expect(on.contains("░") && on.contains("±2σ"))
        update(&s, .input(.char("m")))
        #expect(!s.uncertaintyMap)
        let off = try dataPanelText(Fixtures.render(s))
        #expect(!off.contains("░") && off.contains("m: MC ±2σ"))
    }

    func dataPanelText(_ b: Buffer) throws -> String {
        let inside = try PanelRenderingTests().panelInside(b, title: "data")
        return b.lines()[inside.y..<inside.bottom].map { String($0.dropFirst(inside.x).prefix(inside.width)) }.joined(separator: "\n")
    }

    static func sineState() throws -> AppState {
        var c = TrainingConfig()
        c.dataset = "sine"
        c.hidden = [32, 32]
        c.rates = [0, 0.2, 0.2]
        c.evalEvery = 100
        var s = AppState(trainer: try Trainer(config: c), width: 100, height: 30)
        for _ in 0..<50 { update(&s, .step) }
        s.paused = true
        return s
    }

    // MARK: the σ map of a 2-D classifier

    static func moonsState(width: Int, height: Int, glyphs: Glyphs = .unicode) throws -> AppState {
        var s = try Fixtures.state(width: width, height: height, hidden: [32, 32], glyphs: glyphs)
        for _ in 0..<100 { update(&s, .step) }
        s.paused = true
        s.panel = .maths
        return s
    }

    @Test(arguments: [(80, 24), (160, 45)])
    func mShowsTheStandardDeviationOfPOverThePlane(width: Int, height: Int) throws {
        var s = try Self.moonsState(width: width, height: height)
        update(&s, .input(.char("m")))
        #expect(s.panel == .data && s.uncertaintyMap, "from another panel m opens the data panel with the map")
        let b = Fixtures.render(s)
        let inside = try PanelRenderingTests().panelInside(b, title: "data")
        let legendRows = inside.height >= 10 ? 2 : 1
        let w = inside.width, h = inside.height - legendRows
        // σ of p(class 1) at every cell centre (one pixel a cell), from passes made here.
        let (x0, x1) = DataPanel.bounds(s, feature: 0), (y0, y1) = DataPanel.bounds(s, feature: 1)
        var grid = Matrix(rows: w * h, cols: 2)
        for py in 0..<h {
            for px in 0..<w {
                grid[py * w + px, 0] = Float(x0 + (Double(px) + 0.5) / Double(w) * (x1 - x0))
                grid[py * w + px, 1] = Float(y1 - (Double(py) + 0.5) / Double(h) * (y1 - y0))
            }
        }
        let mc = MonteCarloDropout.predict(s.trainer.mlp!, grid, samples: s.mcSamples, seed: s.trainer.config.seed ^ UncertaintyPanel.seedSalt)
        let std = (0..<(w * h)).map { Double(mc.std[$0, 1]) }
        let top = max(0.05, ((std.max() ?? 0) / 0.05).rounded(.up) * 0.05)
        var checked = 0, shaded = 0
        for py in 0..<h {
            for px in 0..<w {
                let cell = try #require(b.cell(atX: inside.x + px, y: inside.y + py))
                guard !DecisionBoundaryView.pointSymbols.contains(cell.symbol) else { continue }
                let expected = Glyphs.unicode.shade(std[py * w + px] / top)
                #expect(cell.symbol == expected, "(\(px), \(py)): σ \(std[py * w + px]) of \(top)")
                if expected != " " { #expect(cell.style.fg == DecisionBoundaryView.uncertaintyColor); shaded += 1 }
                checked += 1
            }
        }
        #expect(checked > w * h / 2 && shaded > 0)
        let text = Fixtures.text(b)
        #expect(text.contains("MC σ of p(1)"))
        #expect(text.contains(PanelText.num(top)), "the legend gives the scale's top")
        update(&s, .input(.char("m")))
        #expect(!s.uncertaintyMap && s.panel == .data)
        #expect(Fixtures.text(Fixtures.render(s)).contains("map: p(1)"))
    }

    @Test func mapIsStableBetweenFramesAndAsCachedAsComputed() throws {
        var s = try Self.moonsState(width: 120, height: 40)
        update(&s, .input(.char("m")))
        let a = Fixtures.render(s), b = Fixtures.render(s)
        #expect(a == b)
        var fresh = s
        fresh.panelCache = PanelCache()
        #expect(Fixtures.render(fresh) == a)
    }

    @Test func asciiMapsAreASCII() throws {
        for (w, h) in [(80, 24), (160, 45)] {
            var moons = try Self.moonsState(width: w, height: h, glyphs: .ascii)
            update(&moons, .input(.char("m")))
            var sine = try Self.sineState()
            sine.glyphs = .ascii
            sine.width = w
            sine.height = h
            update(&sine, .input(.char("m")))
            for s in [moons, sine] {
                let b = Fixtures.render(s)
                let inside = try PanelRenderingTests().panelInside(b, title: "data", glyphs: .ascii)
                let text = b.lines()[inside.y..<inside.bottom].map { String($0.dropFirst(inside.x).prefix(inside.width)) }.joined()
                #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(String(text.unicodeScalars.filter { !$0.isASCII }))")
                #expect(text.contains(":"), "the band or the shades, in ASCII")
            }
        }
    }

    @Test func mSaysWhenTheDataHasNoMap() throws {
        var c = TrainingConfig()
        c.dataset = "iris"
        c.hidden = [8]
        c.rates = [0, 0.5]
        var s = AppState(trainer: try Trainer(config: c), width: 80, height: 24)
        update(&s, .input(.char("m")))
        #expect(!s.uncertaintyMap && s.panel == .none)
        #expect(s.notice?.contains("2-D classification or 1-D regression") == true)
    }
}
