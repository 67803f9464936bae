import DropoutCore
@testable import DropvizUI
import Foundation
import TermUI
import Testing

/// Issue 13, items 2 and 3: the roomy diagram's unit pictures, the unit picture in the data
/// panel, the large data view with the twin beside it, validation points and the class-region
/// map, checked cell by cell against numbers computed here.
@Suite struct NetViewTests {
    /// A small fixed network: moons, one tanh layer of 4 (signed activations), seed 3.
    func state(hidden: [Int] = [4], steps: Int = 20, width: Int = 160, height: Int = 45, glyphs: Glyphs = .unicode) throws -> AppState {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.trainSize = 80
        c.hidden = hidden
        c.activation = .tanh
        c.rates = [0] + hidden.map { _ in 0.5 }
        c.evalEvery = 10
        c.seed = 3
        var s = AppState(trainer: try Trainer(config: c), width: width, height: height, glyphs: glyphs)
        for _ in 0..<steps { update(&s, .step) }
        return s
    }

    /// Pixel centres of a `w × h` grid over the data's box, computed here.
    func grid(_ s: AppState, w: Int, h: Int) -> [(Double, Double)] {
        let (x0, x1) = DataPanel.bounds(s, feature: 0), (y0, y1) = DataPanel.bounds(s, feature: 1)
        return (0..<(w * h)).map { (i: Int) -> (Double, Double) in
            let u = (Double(i % w) + 0.5) / Double(w), v = (Double(i / w) + 0.5) / Double(h)
            return (x0 + u * (x1 - x0), y1 - v * (y1 - y0))
        }
    }

    /// tanh(x·W + b) of every hidden unit of a one-layer network at every point, by hand.
    func hiddenActivations(_ s: AppState, points: [(Double, Double)]) -> [[Double]] {
        let dense = s.trainer.mlp!.dense[0]
        let w = dense.weight.value, b = dense.bias.value
        return (0..<w.cols).map { j in
            points.map { p in tanh(p.0 * Double(w[0, j]) + p.1 * Double(w[1, j]) + Double(b[0, j])) }
        }
    }

    /// Checks a half-block picture at `rect` against levels (row-major, `rect.width × 2·rect.height`).
    func expectPicture(_ b: Buffer, _ rect: Rect, levels: [Double], pixelRows: Int? = nil) throws -> Int {
        var checked = 0
        for cy in 0..<((pixelRows ?? 2 * rect.height) / 2) {
            for cx in 0..<rect.width {
                let cell = try #require(b.cell(atX: rect.x + cx, y: rect.y + cy))
                guard cell.symbol == "▀" else { continue }
                let up = ColorRamp.diverging.color(levels[2 * cy * rect.width + cx])
                let down = ColorRamp.diverging.color(levels[(2 * cy + 1) * rect.width + cx])
                #expect(cell.style.fg == up && cell.style.bg == down, "cell \(cx),\(cy) of \(rect)")
                checked += 1
            }
        }
        return checked
    }

    // MARK: item 2: the roomy diagram

    @Test func thumbnailEqualsTheUnitsActivationOverAGrid() throws {
        var s = try state()
        s.evalView = true
        let b = Fixtures.render(s)
        let frames = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths,
                                           in: ScreenLayout(width: s.width, height: s.height).diagram, thumbnails: true)
        let f = frames[1]
        #expect(f.thumbWidth >= 4 && f.thumbRows >= 2 && f.unitWidth == 3, "160×45 has room for pictures")
        // Pictures that touch (a unit every 2 rows) leave their last pixel row blank.
        let h = f.thumbPixelRows(.unicode)
        #expect(h == 2 * f.thumbRows - (f.rowStep == f.thumbRows ? 1 : 0))
        let points = grid(s, w: f.thumbWidth, h: h)
        let a = hiddenActivations(s, points: points)
        let scale = a.flatMap { $0 }.map(abs).max() ?? 1
        var checked = 0
        for u in 0..<f.count {
            checked += try expectPicture(b, f.thumbRect(u), levels: a[u].map { 0.5 + 0.5 * $0 / scale }, pixelRows: h)
        }
        #expect(checked == 4 * f.thumbWidth * (h / 2), "every full cell of every picture")
    }

    @Test func smallScreenKeepsTheCompactDiagram() throws {
        let s = try state(width: 80, height: 24)
        let frames = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths,
                                           in: ScreenLayout(width: 80, height: 24).diagram, thumbnails: true)
        #expect(frames.allSatisfy { $0.unitWidth == 1 && $0.thumbWidth == 0 })
    }

    @Test func droppedUnitsArePictureMarkedAndGrown() throws {
        let s = try state()
        let b = Fixtures.render(s)
        let frames = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths,
                                           in: ScreenLayout(width: s.width, height: s.height).diagram, thumbnails: true)
        let f = frames[1]
        let mask = s.trainer.mlp!.dropout[1].mask
        var dropped = 0
        for u in 0..<f.count {
            let r = f.thumbRect(u)
            let centre = try #require(b.cell(atX: r.x + r.width / 2, y: r.y + r.height / 2))
            let (x, y) = f.cell(ofUnit: u)
            let glyphs = (0..<3).compactMap { b.cell(atX: x + $0, y: y)?.symbol }
            if mask[0, u] == 0 {
                dropped += 1
                #expect(centre.symbol == "✕" && centre.style.fg == NetworkDiagram.droppedStyle.fg, "unit \(u)'s picture is crossed")
                #expect(glyphs == ["✕", "✕", "✕"], "unit \(u) is 3 cells of ✕")
            } else {
                #expect(centre.symbol == "▀", "unit \(u) kept: its picture is whole")
                #expect(!glyphs.contains("✕"))
            }
        }
        #expect(dropped > 0 && dropped < f.count, "seed 3 drops some of the 4 units at step 20")
    }

    @Test func jSelectsAUnitAndTheDataPanelShowsItsPicture() throws {
        var s = try state()
        update(&s, .input(.char("k")))
        #expect(s.unitPicture && s.panel == .data && s.selectedUnit == 1)
        let b = Fixtures.render(s)
        let text = Fixtures.text(b)
        #expect(text.contains("hidden1 unit 2 over the plane"))
        let inside = try PanelRenderingTests().panelInside(b, title: "data")
        let rect = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 3)
        let a = hiddenActivations(s, points: grid(s, w: rect.width, h: 2 * rect.height))
        let scale = a.flatMap { $0 }.map(abs).max() ?? 1
        let checked = try expectPicture(b, rect, levels: a[1].map { 0.5 + 0.5 * $0 / scale })
        #expect(checked > rect.area / 2, "most cells are picture (points cover the rest)")
        update(&s, .input(.escape))
        #expect(!s.unitPicture)
        #expect(Fixtures.text(Fixtures.render(s)).contains("map: p("))
    }

    @Test func clickingAUnitSelectsItAndShowsItsPicture() throws {
        var s = try state()
        let frames = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths,
                                           in: ScreenLayout(width: s.width, height: s.height).diagram, thumbnails: true)
        let r = frames[1].thumbRect(2)
        update(&s, .input(.mouse(x: r.x + 1, y: r.y)))
        #expect(s.selectedLayer == 1 && s.selectedUnit == 2 && s.unitPicture && s.panel == .data)
    }

    // MARK: item 3: the data view

    /// The inside of the large view's box `k` (0 main, 1 twin).
    func box(_ s: AppState, _ k: Int) -> Rect { LargeDataView.boxes(s)[k].inset(by: 1) }

    /// p(class 1) of `net` over the map of `inside`, on the decision map's ramp.
    func boundaryLevels(_ s: AppState, _ net: MLPNetwork, inside: Rect) -> (levels: [Double], w: Int, h: Int) {
        let w = inside.width, h = 2 * (inside.height - 2)
        let pts = grid(s, w: w, h: h)
        var m = Matrix(rows: w * h, cols: 2)
        for (i, p) in pts.enumerated() { m[i, 0] = Float(p.0); m[i, 1] = Float(p.1) }
        let p = Softmax.probabilities(net.predict(m))
        return ((0..<(w * h)).map { 0.5 + (Double(p[$0, 1]) - 0.5) * 0.7 }, w, h)
    }

    @Test func largeViewWithTheTwinShowsBothMapsOnOneColourScale() throws {
        var s = try state(hidden: [8], steps: 0)
        s.twinRate = 0
        update(&s, .input(.char("t")))
        update(&s, .input(.char("z")))
        #expect(s.largeData && s.panel == .data)
        for _ in 0..<40 { update(&s, .step) }
        let b = Fixtures.render(s)
        let text = Fixtures.text(b)
        #expect(text.contains("yours p=0.5") && text.contains("twin p=0 · same colour scale"))
        var checked = 0
        for (k, net) in [s.trainer.mlp!, try #require(s.twin).mlp!].enumerated() {
            let inside = box(s, k)
            let (levels, w, h) = boundaryLevels(s, net, inside: inside)
            checked += try expectPicture(b, Rect(x: inside.x, y: inside.y, width: w, height: h / 2), levels: levels)
        }
        #expect(checked > box(s, 0).area, "most cells of both maps")
        // At step 0 the two networks are the same: the two maps are the same, cell for cell.
        update(&s, .input(.char("r")))
        let b0 = Fixtures.render(s)
        let (l, r) = (box(s, 0), box(s, 1))
        for y in 0..<(l.height - 2) {
            for x in 0..<min(l.width, r.width) {
                #expect(b0.cell(atX: l.x + x, y: l.y + y) == b0.cell(atX: r.x + x, y: r.y + y), "cell \(x),\(y)")
            }
        }
        update(&s, .input(.char("z")))
        #expect(!s.largeData)
        #expect(Fixtures.text(Fixtures.render(s)).contains("hidden1 8"), "z again: the diagram is back")
    }

    func count(_ b: Buffer, _ r: Rect, _ symbols: Set<Character>) -> Int {
        var n = 0
        for y in r.y..<r.bottom { for x in r.x..<r.right where b.cell(atX: x, y: y).map({ symbols.contains($0.symbol) }) == true { n += 1 } }
        return n
    }

    /// Validation marks (hollow) and training marks (filled) of the two moons classes.
    let validationMarks: Set<Character> = ["○", "△"], trainingMarks: Set<Character> = ["●", "▲"]

    @Test func oShowsAndHidesTheValidationPoints() throws {
        var s = try state()
        update(&s, .input(.char("z")))
        let inside = box(s, 0)
        let map = Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - 2)
        let before = Fixtures.render(s)
        #expect(count(before, map, validationMarks) > 0, "a sparse large map shows them")
        update(&s, .input(.char("o")))
        #expect(s.validationPoints == false)
        let hidden = Fixtures.render(s)
        #expect(count(hidden, map, validationMarks) == 0)
        #expect(count(hidden, map, trainingMarks) == count(before, map, trainingMarks), "training points stay")
        #expect(Fixtures.text(hidden).contains("● train  map"))
        update(&s, .input(.char("o")))
        let shown = Fixtures.render(s)
        #expect(Fixtures.text(shown).contains("● train ○ val"))
        // Every validation point is at its pixel (a training point wins a shared cell).
        let val = s.trainer.data.validation
        guard case .classes(let labels) = val.targets else { Issue.record("classes"); return }
        let (x0, x1) = DataPanel.bounds(s, feature: 0), (y0, y1) = DataPanel.bounds(s, feature: 1)
        let w = map.width, h = 2 * map.height
        let cellOf = { (r: Int) -> Int in
            let px = min(w - 1, Int((Double(val.features[r, 0]) - x0) / (x1 - x0) * Double(w)))
            let py = min(h - 1, Int((y1 - Double(val.features[r, 1])) / (y1 - y0) * Double(h)))
            return (map.y + py / 2) * s.width + map.x + px
        }
        // A cell shows one of its validation points' marks, or a training point's.
        var marks: [Int: Set<Character>] = [:]
        for r in 0..<val.count { marks[cellOf(r), default: trainingMarks].insert(labels[r] == 0 ? "○" : "△") }
        for r in 0..<val.count {
            let symbol = shown.cell(atX: cellOf(r) % s.width, y: cellOf(r) / s.width)?.symbol
            #expect(symbol.map { marks[cellOf(r)]?.contains($0) == true } == true, "validation example \(r)")
        }
    }

    @Test func discreteMapHasOnlyClassColours() throws {
        var s = try state(steps: 60)
        update(&s, .input(.char("z")))
        update(&s, .input(.char("O")))
        #expect(s.discreteMap)
        let b = Fixtures.render(s)
        let inside = box(s, 0)
        let classes: Set<Color> = [PanelSupport.regionColor(0), PanelSupport.regionColor(1)]
        var seen = Set<Color>()
        for y in inside.y..<(inside.bottom - 2) {
            for x in inside.x..<inside.right {
                let cell = try #require(b.cell(atX: x, y: y))
                #expect(classes.contains(cell.style.bg), "background at \(x),\(y)")
                if cell.symbol == "▀" { #expect(classes.contains(cell.style.fg)); seen.insert(cell.style.fg) }
            }
        }
        #expect(seen == classes, "both classes have a region")
        #expect(Fixtures.text(b).contains("map: class regions"))
    }

    @Test func dataKeysExplainThemselvesWhereThereIsNoPlane() throws {
        var c = TrainingConfig()
        c.dataset = "sine"
        c.hidden = [8]
        c.rates = [0, 0.5]
        var s = AppState(trainer: try Trainer(config: c), width: 80, height: 24)
        update(&s, .input(.char("O")))
        #expect(!s.discreteMap && s.notice?.contains("2-D") == true)
        update(&s, .input(.char("o")))
        #expect(s.validationPoints == nil)
        update(&s, .input(.char("z")))
        #expect(s.largeData, "z works for every data panel of an MLP")
    }
}
