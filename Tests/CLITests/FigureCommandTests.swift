import Foundation
import Testing

/// `train --plot` and `sweep --plot`: well-formed SVG whose curves and error bars, read back,
/// are the numbers the command's CSV gives for the same run.
@Suite struct FigureCommandTests {
    /// `xmllint --noout` on the file (Debian's libxml2-utils, installed by scripts/install-deps.sh).
    static func xmllint(_ path: String) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["xmllint", "--noout", path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    /// A CSV with a header row, as columns by name, one entry per row (nil for an empty cell).
    static func csv(_ text: String) -> [String: [Double?]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [:] }
        var columns: [String: [Double?]] = [:]
        for (i, name) in header.enumerated() { columns[name] = lines.dropFirst().map { i < $0.count ? Double($0[i]) : nil } }
        return columns
    }

    /// Checks that the polyline labelled `label` in `panel` holds `values` at `steps`: every
    /// point read back lands on the step and on the value within the coordinates' rounding
    /// (and the CSV's 6 significant digits).
    static func expectCurve(_ panel: SVGNode, label: String, steps: [Double], values: [Double?],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        guard let plot = panel.all("g", class: "plot").first, let map = PlotMapping(plot),
              let line = plot.all("polyline").first(where: { $0.attributes["data-label"] == label }) else {
            Issue.record("no curve '\(label)' in panel '\(panel.attributes["data-title"] ?? "?")'", sourceLocation: sourceLocation)
            return
        }
        let points = line.points
        #expect(points.count == steps.count, "\(label): \(points.count) points for \(steps.count) rows", sourceLocation: sourceLocation)
        for (p, (step, value)) in zip(points, zip(steps, values)) {
            guard let value else { continue }
            #expect(abs(map.x(p.x) - step) <= map.xTolerance * 1.01, "\(label) step \(step): x reads \(map.x(p.x))", sourceLocation: sourceLocation)
            let tolerance = map.yTolerance * 1.01 + 5e-6 * abs(value)
            #expect(abs(map.y(p.y) - value) <= tolerance, "\(label) step \(step): \(map.y(p.y)) vs \(value) (±\(tolerance))", sourceLocation: sourceLocation)
        }
    }

    @Test func trainPlotHoldsTheCurvesOfTheLog() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("curves.svg").path, log = dir.appendingPathComponent("curves.csv").path
        let r = try CLI.run(["train", "--steps", "240", "--eval-every", "20", "--hidden", "16,16", "--format", "csv",
                             "--log", log, "--plot", svg])
        #expect(r.status == 0, "\(r.stderr)")
        let lint = try Self.xmllint(svg)
        #expect(lint.status == 0, "xmllint: \(lint.output)")
        let root = try SVGNode.read(svg)
        let panels = root.all("g", class: "panel")
        #expect(panels.map { $0.attributes["data-title"]?.split(separator: " ").first.map(String.init) } == ["loss", "accuracy"])
        let columns = Self.csv(try String(contentsOfFile: log, encoding: .utf8))
        let steps = (columns["step"] ?? []).compactMap { $0 }
        #expect(steps.count == 13)
        Self.expectCurve(panels[0], label: "train", steps: steps, values: columns["train_loss"] ?? [])
        Self.expectCurve(panels[0], label: "val", steps: steps, values: columns["val_loss"] ?? [])
        Self.expectCurve(panels[1], label: "train", steps: steps, values: columns["train_acc"] ?? [])
        Self.expectCurve(panels[1], label: "val", steps: steps, values: columns["val_acc"] ?? [])
        // The legend names every curve.
        let legend = panels[0].all("g", class: "legend").first?.all("text").map(\.text) ?? []
        #expect(legend == ["batch", "train", "val"])
    }

    @Test func lightThemeIsForPrint() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("light.svg").path
        let r = try CLI.run(["train", "--steps", "20", "--hidden", "8", "--plot", svg, "--theme", "light"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try SVGNode.read(svg)
        #expect(root.attributes["data-theme"] == "light")
        #expect(root.children.first { $0.name == "rect" }?.attributes["fill"] == "#ffffff")
        // No curve is drawn in a colour a white page loses (the terminal's white or yellow).
        let strokes = Set(root.all("polyline").compactMap { $0.attributes["stroke"] })
        #expect(!strokes.isEmpty && strokes.isDisjoint(with: ["#e5e5e5", "#ffffff", "#cdcd00", "#ffff00"]))
    }

    @Test func sweepPlotHasOneErrorBarPerRateWithTheTablesMeanAndStd() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("sweep.svg").path
        let r = try CLI.run(["sweep", "--sweep-rates", "0,0.3,0.6", "--seeds", "3", "--steps", "60", "--hidden", "16",
                             "--jobs", "2", "--format", "csv", "--plot", svg])
        #expect(r.status == 0, "\(r.stderr)")
        let lint = try Self.xmllint(svg)
        #expect(lint.status == 0, "xmllint: \(lint.output)")
        let columns = Self.csv(r.stdout)
        let rates = (columns["rate"] ?? []).compactMap { $0 }
        #expect(rates == [0, 0.3, 0.6])
        let panels = try SVGNode.read(svg).all("g", class: "panel")
        #expect(panels.count == 2)
        for (panel, stat) in zip(panels, ["final_val_loss", "final_val_acc"]) {
            guard let plot = panel.all("g", class: "plot").first, let map = PlotMapping(plot) else {
                Issue.record("no plot in the \(stat) panel")
                continue
            }
            let bars = panel.all("g", class: "errorbar")
            #expect(bars.count == rates.count, "\(stat): \(bars.count) error bars")
            for (i, (bar, rate)) in zip(bars, rates).enumerated() {
                guard let mean = columns["\(stat)_mean"]?[i], let std = columns["\(stat)_std"]?[i],
                      let stem = bar.all("line").first, let dot = bar.all("circle").first,
                      let y1 = stem.number("y1"), let y2 = stem.number("y2"), let x = stem.number("x1"), let cy = dot.number("cy") else {
                    Issue.record("\(stat): bar \(i) incomplete")
                    continue
                }
                let tolerance = map.yTolerance * 1.01 + 5e-6 * (abs(mean) + std)
                #expect(abs(map.x(x) - rate) <= map.xTolerance * 1.01 + 1e-6)
                #expect(abs(map.y(max(y1, y2)) - (mean - std)) <= tolerance, "\(stat) at \(rate): bottom \(map.y(max(y1, y2))) vs \(mean - std)")
                #expect(abs(map.y(min(y1, y2)) - (mean + std)) <= tolerance, "\(stat) at \(rate): top \(map.y(min(y1, y2))) vs \(mean + std)")
                #expect(abs(map.y(cy) - mean) <= tolerance, "\(stat) at \(rate): mean \(map.y(cy)) vs \(mean)")
            }
        }
    }

    @Test func badFigureOptionsFailInOneLineBeforeTraining() throws {
        let missing = try CLI.run(["train", "--steps", "100000", "--plot", "/nonexistent-dir/f.svg"])
        #expect(missing.status != 0)
        #expect(missing.stderr == "dropviz: --plot: no such directory '/nonexistent-dir'\n")
        let directory = try CLI.run(["train", "--steps", "100000", "--plot", "/tmp"])
        #expect(directory.status != 0)
        #expect(directory.stderr == "dropviz: --plot: '/tmp' is a directory; give a file name such as /tmp/figure.svg\n")
        let theme = try CLI.run(["sweep", "--steps", "5", "--plot", "f.svg", "--theme", "sepia"])
        #expect(theme.status != 0)
        #expect(theme.stderr.split(separator: "\n").count == 1 && theme.stderr.contains("sepia"), "\(theme.stderr)")
    }
}
