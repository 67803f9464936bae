import Testing
@testable import TermUI

/// The reference layout used below, worked out by hand: a 40×12 area gives a header row 0,
/// plot rows 1...9, the x axis on row 10 and x labels on row 11. With y fixed to 0...10 the
/// ticks are 0, 5, 10, so the labels take 2 columns, the y axis is column 2 and the plot
/// starts at column 3 and is 37 cells (74 dots) wide and 9 cells (36 dots) high.
@Suite struct LinePlotTests {
    let area = Rect(x: 0, y: 0, width: 40, height: 12)

    func render(_ plot: LinePlot, in area: Rect? = nil) -> Buffer {
        let area = area ?? self.area
        var buffer = Buffer(width: area.right, height: area.bottom)
        plot.render(area: area, into: &buffer)
        return buffer
    }

    func brailleBits(_ buffer: Buffer, x: Int, y: Int) -> UInt32? {
        guard let value = buffer.symbol(atX: x, y: y)?.unicodeScalars.first?.value,
              (0x2800...0x28FF).contains(value) else { return nil }
        return value - 0x2800
    }

    func plot(_ points: [(x: Double, y: Double)], markers: [LinePlot.Marker] = [],
              glyphs: Glyphs = .unicode) -> LinePlot {
        LinePlot(series: [.init(points: points, label: "train", color: .cyan)], title: "loss",
                 yRange: 0...10, xRange: 0...100, markers: markers, glyphs: glyphs)
    }

    @Test func layoutMatchesTheHandWorkedOne() throws {
        let layout = try #require(plot([]).layout(in: area))
        #expect(layout.projection.plot == Rect(x: 3, y: 1, width: 37, height: 9))
        #expect(layout.axisColumn == 2)
        #expect(layout.axisRow == 10)
        #expect(layout.xLabelRow == 11)
    }

    @Test func aSinglePointLandsInItsDot() {
        // x 50 → dot 0.5 × 73 = 36.5 → 37 (cell 3 + 18, right column);
        // y 5 → dot 0.5 × 35 = 17.5 → 18 (row 1 + 4, third dot row): bit 0x20.
        let buffer = render(plot([(50, 5)]))
        #expect(brailleBits(buffer, x: 21, y: 5) == 0x20)
        #expect(buffer.style(atX: 21, y: 5)?.fg == .cyan)
        let brailleCells = (0..<12).flatMap { y in (0..<40).compactMap { x in brailleBits(buffer, x: x, y: y) } }
        #expect(brailleCells.count == 1)
    }

    @Test func aLineJoinsTheCornersOfThePlot() {
        let buffer = render(plot([(0, 0), (100, 10)]))
        // (0, 0) is the bottom-left dot of the plot, (100, 10) the top-right one.
        let bottomLeft = brailleBits(buffer, x: 3, y: 9) ?? 0
        let topRight = brailleBits(buffer, x: 39, y: 1) ?? 0
        #expect(bottomLeft & 0x40 != 0)
        #expect(topRight & 0x08 != 0)
        // The line climbs through every plot row.
        for row in 1...9 {
            #expect((3..<40).contains { brailleBits(buffer, x: $0, y: row) != nil }, "row \(row)")
        }
    }

    @Test func axisLabelsArePresent() {
        let lines = render(plot([(0, 0), (100, 10)])).lines()
        #expect(lines[1].hasPrefix("10┤"))
        #expect(lines[5].hasPrefix(" 5┤"))
        #expect(lines[9].hasPrefix(" 0┤"))
        #expect(lines[10].hasPrefix("  └"))
        // x ticks 0, 50, 100 under columns 3, 21 and 39 (the last one pulled inside the area).
        #expect(lines[11] == "   0                 50              100")
    }

    @Test func legendAndTitleAreOnTheHeaderRow() {
        let buffer = render(plot([(0, 1)]))
        let header = buffer.lines()[0]
        #expect(header.hasPrefix("loss"))
        #expect(header.hasSuffix("━ train"))
        #expect(buffer.style(atX: 33, y: 0)?.fg == .cyan)
    }

    @Test func markerIsAVerticalLineWithItsLabel() {
        // x 25 → dot 18.25 → 18 → column 3 + 9.
        let buffer = render(plot([], markers: [.init(x: 25, label: "p=0.5")]))
        let lines = buffer.lines()
        for row in 1...9 {
            #expect(buffer.symbol(atX: 12, y: row) == "┊", "row \(row)")
        }
        #expect(buffer.style(atX: 12, y: 5)?.fg == .yellow)
        #expect(lines[1].contains("┊p=0.5"))
        #expect(Array(lines[1])[13] == "p")
    }

    @Test func markerLabelAtTheRightEdgeGoesLeftOfTheLine() {
        let lines = render(plot([], markers: [.init(x: 100, label: "p=0.5")])).lines()
        #expect(lines[1].hasSuffix("p=0.5┊"))
    }

    @Test func logScaleMapsDecadesEvenly() throws {
        let plot = LinePlot(series: [.init(points: [(50, 10), (60, 0), (70, -3), (80, .nan)], label: "val", color: .magenta)],
                            yScale: .log, yRange: 1...1000, xRange: 0...100)
        let layout = try #require(plot.layout(in: area))
        // Ticks every other decade (1, 100) need 3 label columns, so the plot starts at 4.
        #expect(layout.projection.plot == Rect(x: 4, y: 1, width: 36, height: 9))
        let buffer = render(plot)
        // y 10 is one third up three decades: dot (1 − 1/3) × 35 = 23.3 → 23 → row 1 + 5,
        // bottom dot row; x 50 → dot 35.5 → 36 → column 4 + 18, left: bit 0x40.
        #expect(brailleBits(buffer, x: 22, y: 6) == 0x40)
        let lines = buffer.lines()
        // 100 is two thirds up: dot 11.7 → 12 → row 4.
        #expect(lines[4].hasPrefix("100┤"))
        #expect(lines[9].hasPrefix("  1┤"))
        // The non-positive and NaN values are skipped, not drawn at the bottom.
        let brailleCells = (0..<12).flatMap { y in (0..<40).compactMap { x in brailleBits(buffer, x: x, y: y) } }
        #expect(brailleCells.count == 1)
    }

    @Test func autoRangePutsExtremesInsideThePlot() throws {
        let points: [(x: Double, y: Double)] = (0...200).map { (Double($0), 2 / (1 + Double($0) / 20)) }
        let plot = LinePlot(series: [.init(points: points, label: "train", color: .cyan)])
        let layout = try #require(plot.layout(in: area))
        let projection = layout.projection
        let first = try #require(projection.cell(x: 0, y: 2))
        let last = try #require(projection.cell(x: 200, y: points[200].y))
        #expect(first.x == projection.plot.x)
        #expect(last.x == projection.plot.right - 1)
        // Padding keeps the top point off the very first dot row but in the first cell row.
        #expect(first.y == projection.plot.y)
        #expect(last.y == projection.plot.bottom - 1)
    }

    @Test func asciiFallbackIsPureAscii() {
        let points: [(x: Double, y: Double)] = (0...100).map { (Double($0), 10 - Double($0) / 10) }
        let buffer = render(plot(points, markers: [.init(x: 40, label: "rate 0.3")], glyphs: .ascii))
        let text = buffer.lines().joined(separator: "\n")
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("= train"))
        #expect(text.contains("rate 0.3"))
        #expect(buffer.lines()[10].hasPrefix("  ++---"))
    }

    @Test(arguments: [
        [(x: Double, y: Double)](),
        [(3, 7)],
        [(0, 2), (1, 2), (2, 2)],
        [(0, .nan), (1, Double.infinity), (.nan, 1), (2, -Double.infinity)],
        [(5, 1), (5, 2)],
    ])
    func awkwardDataStillDrawsAxesAndNeverTraps(points: [(x: Double, y: Double)]) {
        for scale in [PlotProjection.Scale.linear, .log] {
            let plot = LinePlot(series: [.init(points: points, label: "train", color: .cyan)], title: "loss", yScale: scale)
            let lines = render(plot, in: Rect(x: 0, y: 0, width: 30, height: 8)).lines()
            #expect(lines[0].contains("train"))
            #expect(lines[6].contains("└"))
            #expect(lines.joined().contains("┤"))
        }
    }

    @Test func constantSeriesSitsInTheMiddle() throws {
        let plot = LinePlot(series: [.init(points: [(0, 2), (10, 2)], label: "", color: .cyan)])
        let layout = try #require(plot.layout(in: area))
        let cell = try #require(layout.projection.cell(x: 5, y: 2))
        #expect(cell.y == layout.projection.plot.y + layout.projection.plot.height / 2)
    }

    @Test func fitsIn30By8() {
        let points: [(x: Double, y: Double)] = (0...3000).map { (Double($0), 1 / (1 + Double($0) / 100)) }
        let plot = LinePlot(series: [.init(points: points, label: "train", color: .cyan),
                                     .init(points: points.map { ($0.x, $0.y + 0.1) }, label: "val", color: .magenta)],
                            title: "loss", markers: [.init(x: 1500, label: "p=.5")])
        let lines = render(plot, in: Rect(x: 0, y: 0, width: 30, height: 8)).lines()
        #expect(lines[0].hasSuffix("━ train  ━ val"))
        #expect(lines[7].contains("1k") || lines[7].contains("2k"))
        #expect(lines[1...5].joined().unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect(lines[1].contains("p=.5"))
    }
}
