import DropoutCore
@testable import DropvizUI
import TermUI
import Testing

/// The data panel's picture of an image example (DigitView): UCI digits enlarged, Fashion-MNIST
/// shrunk to the panel by averaging blocks of pixels.
@Suite struct PictureViewTests {
    @Test func dataSetsShownAsPictures() {
        #expect(DigitView.geometry(dataset: "digits", featureCount: 64) == .digits)
        #expect(DigitView.geometry(dataset: "fashion-mnist", featureCount: 784) == .fashion)
        #expect(DigitView.geometry(dataset: "fashion-mnist:2000", featureCount: 784) == .fashion)
        #expect(DigitView.geometry(dataset: "moons", featureCount: 2) == nil)
        #expect(DigitView.geometry(dataset: "mnist.csv", featureCount: 784) == nil)
    }

    /// A 28×28 picture on a 14×14 grid: every heat-map pixel is the mean of its 2×2 block, and
    /// red where any pixel of the block was dropped.
    @Test func shrinkingAveragesBlocks() {
        let side = 28
        var rng = SplitMix64(seed: 5)
        let ink = (0..<(side * side)).map { _ in Double(rng.next() % 1000) / 999 }
        var dropped = [Bool](repeating: false, count: side * side)
        dropped[3 * side + 5] = true  // in block (row 1, column 2)
        let map = DigitView.image(ink, dropped: dropped, side: side, width: 14, height: 14, glyphs: .unicode)
        for by in 0..<14 {
            for bx in 0..<14 {
                let block = [(2 * by) * side + 2 * bx, (2 * by) * side + 2 * bx + 1, (2 * by + 1) * side + 2 * bx, (2 * by + 1) * side + 2 * bx + 1]
                let mean = block.map { ink[$0] }.reduce(0, +) / 4
                #expect(abs(map.levels[by * 14 + bx] - mean) < 1e-12, "block \(bx),\(by)")
                let red = DigitView.droppedRamp.contains(map.colors?[by * 14 + bx] ?? .default)
                #expect(red == (by == 1 && bx == 2), "block \(bx),\(by)")
            }
        }
    }

    /// Enlarging repeats each pixel: the UCI digits' picture is unchanged by the shrinking path.
    @Test func enlargingRepeatsPixels() {
        let side = 8
        let ink = (0..<64).map { Double($0) / 63 }
        let map = DigitView.image(ink, dropped: nil, side: side, width: 24, height: 24, glyphs: .unicode)
        for y in 0..<24 {
            for x in 0..<24 { #expect(map.levels[y * 24 + x] == ink[(y / 3) * side + x / 3]) }
        }
    }

    /// At 80×24 the data panel is far smaller than 28 pixels: the picture shrinks to fit whole,
    /// with its caption row; the digits still fit enlarged.
    @Test func theSizeFitsThePanel() {
        let area = Rect(x: 0, y: 0, width: 38, height: 11)
        let (w, rows) = DigitView.size(side: 28, images: 2, area: area, unicode: true)
        #expect(w < 28 && rows == w)
        #expect(2 * w + 2 + 12 <= area.width && (rows + 1) / 2 + 1 <= area.height)
        let ascii = DigitView.size(side: 28, images: 2, area: area, unicode: false)
        #expect(ascii.heatRows == ascii.width / 2 && ascii.heatRows + 1 <= area.height && 2 * ascii.width + 2 + 12 <= area.width)
        let big = Rect(x: 0, y: 0, width: 130, height: 40)
        #expect(DigitView.size(side: 28, images: 2, area: big, unicode: true) == (56, 56))
        #expect(DigitView.size(side: 8, images: 2, area: area, unicode: true) == (8, 8))
    }
}
