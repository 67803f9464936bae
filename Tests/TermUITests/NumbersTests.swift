import Testing
@testable import TermUI

@Suite struct NumbersTests {
    @Test(arguments: [
        (0.25, "0.25"), (1.2e-3, "1.2e-3"), (1200, "1.2k"), (30_000, "30k"), (0, "0"),
        (1.5, "1.5"), (-0.5, "-0.5"), (2_500_000, "2.5M"), (100, "100"), (0.1, "0.1"),
    ])
    func compactFormats(value: Double, text: String) {
        #expect(CompactNumber.format(value) == text)
    }

    @Test func stepDecidesThePrecision() {
        #expect(CompactNumber.format(1.0005, step: 0.0005) == "1.0005")
        #expect(CompactNumber.format(12_500, step: 500) == "12.5k")
        #expect(CompactNumber.format(1e-17, step: 0.1) == "0")
    }

    @Test func linearTicksAreRoundAndInside() {
        let ticks = AxisTicks.linear(low: 0.03, high: 0.97, count: 4)
        #expect(ticks.step == 0.5 || ticks.step == 0.2)
        #expect(ticks.values.allSatisfy { $0 >= 0.03 && $0 <= 0.97 })
        #expect(AxisTicks.linear(low: -1, high: 1, count: 2).values == [-1, 0, 1])
    }

    @Test func logTicksUseDecadesWhenTheyAreEnough() {
        #expect(AxisTicks.logarithmic(log10Low: -3, log10High: 0, count: 4) == [1e-3, 1e-2, 1e-1, 1])
        // Less than a decade and a half: 1-2-5 multiples.
        let small = AxisTicks.logarithmic(log10Low: -1.1, log10High: 0.2, count: 3)
        #expect(small.count >= 2)
        #expect(small.contains(0.2) && small.contains(0.5))
    }

    @Test func colorsDegradeToEight() {
        #expect(Color.brightRed.degraded(toColorCount: 8) == .red)
        #expect(Color.indexed(196).degraded(toColorCount: 8) == .red)      // pure red in the cube
        #expect(Color.indexed(21).degraded(toColorCount: 8) == .blue)
        #expect(Color.indexed(250).degraded(toColorCount: 8) == .white)
        #expect(Color.indexed(196).degraded(toColorCount: 256) == .indexed(196))
        #expect(Color.default.degraded(toColorCount: 8) == .default)
    }

    @Test func glyphSetsDifferOnlyInCharacters() {
        let ascii = Glyphs.ascii
        let all: [Character] = [ascii.horizontal, ascii.vertical, ascii.unitKept, ascii.unitDropped,
                                ascii.dashedVertical, ascii.heavyHorizontal] + ascii.shades
        #expect(all.allSatisfy { $0.isASCII })
        #expect(Glyphs.unicode.shade(1) == "█")
        #expect(ascii.shade(0.5) == ":")
        #expect(ascii.shade(.nan) == " ")
    }
}
