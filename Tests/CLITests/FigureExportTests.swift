import DropoutCore
import DropvizUI
import Foundation
import TermUI
import Testing

/// The visualizer's figures (`x`): what each one shows, read back from the SVG.
@Suite struct FigureExportTests {
    static func state(hidden: [Int] = [16, 16], dataset: String = "moons") throws -> AppState {
        var c = TrainingConfig()
        c.dataset = dataset
        c.trainSize = 80
        c.hidden = hidden
        c.rates = [0] + hidden.map { _ in 0.5 }
        c.evalEvery = 10
        return AppState(trainer: try Trainer(config: c), width: 100, height: 30)
    }

    @Test func xWritesTheScreensFiguresAndTheCurvesThatMatchThem() throws {
        var s = try Self.state()
        update(&s, .input(.char("t")))
        for _ in 0..<30 { update(&s, .step) }
        update(&s, .input(.up))
        for _ in 0..<30 { update(&s, .step) }
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notice = s.exportFigures(directory: dir.path)
        let names = ["dropviz-plot-step60.svg", "dropviz-network-step60.svg", "dropviz-map-step60.svg", "dropviz-curves-step60.csv"]
        #expect(notice == "wrote \(names.joined(separator: ", ")) in \(dir.path)")
        for name in names where name.hasSuffix(".svg") {
            let lint = try FigureCommandTests.xmllint(dir.appendingPathComponent(name).path)
            #expect(lint.status == 0, "\(name): \(lint.output)")
        }
        let columns = FigureCommandTests.csv(try String(contentsOf: dir.appendingPathComponent(names[3]), encoding: .utf8))
        let steps = (columns["step"] ?? []).compactMap { $0 }
        let panels = try SVGNode.read(dir.appendingPathComponent(names[0]).path).all("g", class: "panel")
        #expect(panels.count == 1)
        for (label, column) in [("train", "train_loss"), ("val", "val_loss"), ("twin train", "twin_train_loss"), ("twin val", "twin_val_loss")] {
            FigureCommandTests.expectCurve(panels[0], label: label, steps: steps, values: columns[column] ?? [])
        }
        // The rate change is marked and labelled, like the screen's marker.
        let labels = panels[0].all("text", class: "marker-label").map(\.text)
        #expect(s.trainer.history.events.map(\.label) == ["h1-h2 p 0.5→0.55"])
        #expect(Set(labels) == ["h1-h2 p 0.5→0.55", "best", "twin best"], "\(labels)")
        #expect(panels[0].all("line", class: "marker").count == LinePlot(state: s).markers.count)
    }

    @Test func markerLabelsNeverOverlap() throws {
        // Many close markers with long labels: some must move down a row, shorten or go.
        let markers = (0..<12).map { LinePlot.Marker(x: Double(100 + 7 * $0), label: "h1-h2 p 0.\($0 % 10)→0.\(($0 + 1) % 10)", shortLabel: "0.\($0 % 10)") }
        let plot = LinePlot(series: [.init(points: (0...400).map { (Double($0), 1 / Double($0 + 1)) }, label: "train", color: .cyan)],
                            title: "loss", xRange: 0...400, markers: markers)
        let root = try SVGNode.parse(Data(PlotFigure.svg([.init(plot: plot)], caption: nil, theme: .dark).utf8))
        let boxes = root.all("text", class: "marker-label").compactMap { t -> (x: Range<Double>, y: Double)? in
            guard let x = t.number("x"), let y = t.number("y") else { return nil }
            return (x..<(x + FigureFont.width(t.text)), y)
        }
        #expect(boxes.count >= 4, "\(boxes.count) labels placed")
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] where a.y == b.y {
                #expect(!a.x.overlaps(b.x), "labels overlap at y \(a.y)")
            }
        }
        #expect(root.all("line", class: "marker").count == markers.count)
    }

    /// The centre of a unit's circle and whether its group draws a cross through it.
    static func units(_ root: SVGNode) -> [(layer: Int, unit: Int, dropped: Bool, crossed: Bool, centre: (x: Double, y: Double))] {
        root.all("g", class: "unit").compactMap { g in
            guard let layer = g.number("data-layer"), layer >= 0, let unit = g.number("data-unit"),
                  let circle = g.all("circle").first, let cx = circle.number("cx"), let cy = circle.number("cy") else { return nil }
            let lines = g.all("line")
            // A cross: two lines, each through the centre.
            let crossed = lines.count == 2 && lines.allSatisfy { l in
                guard let x1 = l.number("x1"), let y1 = l.number("y1"), let x2 = l.number("x2"), let y2 = l.number("y2") else { return false }
                return abs((x1 + x2) / 2 - cx) < 0.02 && abs((y1 + y2) / 2 - cy) < 0.02 && x1 != x2 && y1 != y2
            }
            return (Int(layer), Int(unit), g.classes.contains("dropped"), crossed, (cx, cy))
        }
    }

    @Test func aDroppedUnitIsCrossedOutAndLosesItsConnections() throws {
        let units: [[NetworkDiagram.UnitState]] = [
            [.kept(level: 0.5), .dropped, .kept(level: 1)],
            [.dropped, .kept(level: 0.3), .dropped, .kept(level: 0)],
            [.kept(level: 0.4), .kept(level: 0.6)],
        ]
        let diagram = NetworkDiagram(units: units, labels: units.map { ("layer \($0.count)", "p=0.50", "") }, selected: 1,
                                     glyphs: .unicode, caption: "")
        let root = try SVGNode.parse(Data(DiagramFigure.svg(diagram, title: "known mask", theme: .light).utf8))
        let drawn = Self.units(root)
        #expect(drawn.count == 9)
        for u in drawn {
            let isDropped = units[u.layer][u.unit] == .dropped
            #expect(u.dropped == isDropped && u.crossed == isDropped, "layer \(u.layer) unit \(u.unit)")
        }
        // Connections join kept units only: none ends at a dropped unit's circle.
        let droppedCentres = drawn.filter(\.dropped).map(\.centre)
        let connections = root.all("g", class: "connections").first?.all("line") ?? []
        #expect(connections.count == 2 * 2 + 2 * 2)
        for line in connections {
            for (x, y) in [("x1", "y1"), ("x2", "y2")] {
                guard let px = line.number(x), let py = line.number(y) else { continue }
                #expect(!droppedCentres.contains { abs($0.y - py) < 0.02 && abs($0.x - px) < 40 })
            }
        }
    }

    @Test func theNetworkFigureShowsThisStepsMask() throws {
        var s = try Self.state(hidden: [12, 12])
        for _ in 0..<3 { update(&s, .step) }
        let root = try SVGNode.parse(Data(DiagramFigure.svg(NetworkDiagram(state: s, network: s.trainer.mlp!), title: "", theme: .dark).utf8))
        let drawn = Self.units(root)
        for d in 1...2 {
            let mask = s.trainer.mlp!.dropout[d].mask
            let layer = drawn.filter { $0.layer == d }.sorted { $0.unit < $1.unit }
            #expect(layer.count == 12)
            #expect(layer.map(\.crossed) == (0..<12).map { mask[0, $0] == 0 })
        }
        #expect(drawn.contains { $0.crossed })
    }

    @Test func theDecisionMapPutsEveryPointWhereItsFeaturesAre() throws {
        var s = try Self.state()
        for _ in 0..<20 { update(&s, .step) }
        let root = try SVGNode.parse(Data(DecisionMapFigure.svg(s.trainer, title: "map", theme: .dark).utf8))
        guard let g = root.all("g", class: "map").first, let map = PlotMapping(g) else {
            Issue.record("no map group")
            return
        }
        for (set, kind) in [(s.trainer.data.train, "train"), (s.trainer.data.validation, "val")] {
            let points = g.all("circle", class: kind)
            #expect(points.count == set.count)
            guard case .classes(let labels) = set.targets else { continue }
            for (r, p) in points.enumerated() {
                guard let cx = p.number("cx"), let cy = p.number("cy") else { continue }
                #expect(abs(map.x(cx) - Double(set.features[r, 0])) <= map.xTolerance * 1.01 + 1e-6)
                #expect(abs(map.y(cy) - Double(set.features[r, 1])) <= map.yTolerance * 1.01 + 1e-6)
                #expect(p.attributes["data-class"] == String(labels[r]))
            }
        }
        // The regions cover the map: every row's rectangles add up to its width.
        let rects = g.all("g", class: "regions").first?.all("rect") ?? []
        let byRow = Dictionary(grouping: rects) { $0.number("y") ?? -1 }
        #expect(byRow.count == 120)
        for (_, row) in byRow {
            #expect(abs(row.reduce(0) { $0 + ($1.number("width") ?? 0) } - map.width) < 0.05)
        }
    }
}
