import Testing
@testable import TermUI

@Suite struct HeatMapTests {
    let blue = ColorRamp.diverging.color(0), white = ColorRamp.diverging.color(0.5), red = ColorRamp.diverging.color(1)

    @Test func rampEndsAndMiddle() {
        #expect(blue == .indexed(26) && white == .indexed(231) && red == .indexed(160))
        // Degraded to 8 colours the meaning stays: blue, white, red.
        #expect(blue.degraded(toColorCount: 8) == .blue)
        #expect(white.degraded(toColorCount: 8) == .white)
        #expect(red.degraded(toColorCount: 8) == .red)
        #expect(ColorRamp.diverging.color(-3) == blue && ColorRamp.diverging.color(7) == red)
    }

    @Test func twoPixelsACellUpperInForegroundLowerInBackground() {
        // 3 × 4 pixels: row 0 blue, row 1 red, row 2 white, row 3 blank (NaN).
        let levels: [Double] = [0, 0, 0, 1, 1, 1, 0.5, 0.5, 0.5, .nan, .nan, .nan]
        let map = HeatMap(width: 3, height: 4, levels: levels)
        var b = Buffer(width: 5, height: 3)
        map.render(area: Rect(x: 1, y: 0, width: 4, height: 3), into: &b)
        for x in 1...3 {
            #expect(b.cell(atX: x, y: 0) == Cell("▀", style: Style(fg: blue, bg: red)))
            // Lower pixel blank: the upper half block alone, on the terminal's background.
            #expect(b.cell(atX: x, y: 1) == Cell("▀", style: Style(fg: white)))
        }
        // Outside the grid nothing is drawn.
        #expect(b.cell(atX: 0, y: 0) == .blank && b.cell(atX: 4, y: 0) == .blank && b.cell(atX: 1, y: 2) == .blank)
    }

    @Test func onlyTheLowerPixelUsesTheLowerHalfBlock() {
        let map = HeatMap(width: 1, height: 2, levels: [.nan, 1])
        var b = Buffer(width: 1, height: 1)
        map.render(area: b.area, into: &b)
        #expect(b.cell(atX: 0, y: 0) == Cell("▄", style: Style(fg: red)))
    }

    @Test func explicitColoursOverrideTheRamp() {
        let map = HeatMap(width: 1, height: 2, levels: [1, 1], colors: [.green, .magenta])
        var b = Buffer(width: 1, height: 1)
        map.render(area: b.area, into: &b)
        #expect(b.cell(atX: 0, y: 0) == Cell("▀", style: Style(fg: .green, bg: .magenta)))
    }

    @Test func pointsLandOnTheirPixelsCellOnTheMapColour() {
        // 4 × 4 pixels, all red; a point on pixel (2, 3) is in cell (2, 1).
        var map = HeatMap(width: 4, height: 4, levels: Array(repeating: 1, count: 16))
        map.points = [HeatMap.Point(x: 2, y: 3, symbol: "●", style: Style(bold: true).fg(.blue)),
                      HeatMap.Point(x: 9, y: 0, symbol: "X", style: .plain)]
        var b = Buffer(width: 4, height: 2)
        map.render(area: b.area, into: &b)
        #expect(b.cell(atX: 2, y: 1) == Cell("●", style: Style(fg: .blue, bg: red, bold: true)))
        #expect(b.symbol(atX: 2, y: 0) == "▀" && b.symbol(atX: 1, y: 1) == "▀")
        #expect(!b.lines().joined().contains("X"))
    }

    @Test func clippedToTheArea() {
        let map = HeatMap(width: 10, height: 10, levels: Array(repeating: 0, count: 100))
        var b = Buffer(width: 6, height: 6)
        map.render(area: Rect(x: 1, y: 1, width: 3, height: 2), into: &b)
        let drawn = (0..<6).flatMap { y in (0..<6).map { x in b.symbol(atX: x, y: y) != " " ? 1 : 0 } }.reduce(0, +)
        #expect(drawn == 6)
    }

    @Test func asciiIsOnePixelACellInShadesAndOnlyASCII() {
        // 5 × 2 pixels: 0, .25, .5, .75, 1 on row 0; NaN then point on row 1.
        var map = HeatMap(width: 5, height: 2, levels: [0, 0.25, 0.5, 0.75, 1, .nan, 1, 1, 1, 1], glyphs: .ascii)
        map.points = [HeatMap.Point(x: 3, y: 1, symbol: "o", style: Style().fg(.blue))]
        #expect(HeatMap.pixelSize(for: Rect(x: 0, y: 0, width: 5, height: 2), glyphs: .ascii) == (5, 2))
        var b = Buffer(width: 5, height: 2)
        map.render(area: b.area, into: &b)
        #expect(b.lines() == [" .:*#", " ##o#"])
        #expect(b.style(atX: 4, y: 0)?.fg == red && b.style(atX: 0, y: 0)?.fg == blue)
        #expect(b.lines().joined().unicodeScalars.allSatisfy { $0.isASCII })
    }
}
