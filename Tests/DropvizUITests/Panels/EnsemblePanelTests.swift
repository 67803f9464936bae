import DropoutCore
@testable import DropvizUI
import Foundation
import TermUI
import Testing

/// The ensemble panel draws what the maths says: each thumbnail is its thinned subnetwork's
/// map, the mean map the mean of their probabilities, the eval map the eval prediction, all
/// computed here by hand (a forward pass in Double) and compared cell by cell.
@Suite struct EnsemblePanelTests {
    /// A small fixed network: one hidden layer of 4 units at p = 0.5 on moons, trained a little.
    static func state() throws -> AppState {
        var s = try Fixtures.state(width: 160, height: 45, hidden: [4])
        s.paused = true
        for _ in 0..<60 { s.trainer.step() }
        s.panel = .ensemble
        return s
    }

    /// Class probabilities of the subnetwork keeping the hidden units where `keep` is true
    /// (kept units times 1/(1-p), inverted dropout), or of eval mode when `keep` is nil.
    static func probabilities(_ net: MLPNetwork, _ x: Matrix, keep: [Bool]?) -> Matrix {
        let p = Double(net.dropout[1].rate)
        let w1 = net.dense[0].weight.value, b1 = net.dense[0].bias.value
        let w2 = net.dense[1].weight.value, b2 = net.dense[1].bias.value
        var out = Matrix(rows: x.rows, cols: w2.cols)
        for r in 0..<x.rows {
            var h = [Double](repeating: 0, count: w1.cols)
            for j in 0..<w1.cols {
                var a = Double(b1.data[j])
                for i in 0..<w1.rows { a += Double(x[r, i]) * Double(w1[i, j]) }
                h[j] = max(0, a) * (keep.map { $0[j] ? 1 / (1 - p) : 0 } ?? 1)
            }
            var z = [Double](repeating: 0, count: w2.cols)
            for k in 0..<w2.cols {
                z[k] = Double(b2.data[k])
                for j in 0..<w2.rows { z[k] += h[j] * Double(w2[j, k]) }
            }
            let m = z.max() ?? 0
            let e = z.map { exp($0 - m) }, sum = e.reduce(0, +)
            for k in 0..<w2.cols { out[r, k] = Float(e[k] / sum) }
        }
        return out
    }

    /// Every cell of `map` drawn in `rect` equals the same cell of `b`; returns the cells checked.
    @discardableResult
    static func expectCells(_ b: Buffer, _ map: HeatMap, _ rect: Rect, _ what: String) throws -> Int {
        var expected = Buffer(width: b.width, height: b.height)
        map.render(area: rect, into: &expected)
        var checked = 0
        for y in rect.y..<rect.bottom {
            for x in rect.x..<(rect.x + rect.width) {
                let got = try #require(b.cell(atX: x, y: y)), want = try #require(expected.cell(atX: x, y: y))
                #expect(got == want, "\(what) at (\(x), \(y))")
                checked += 1
            }
        }
        return checked
    }

    @Test func mapsAreTheThinnedNetworksTheirMeanAndTheEvalNetwork() throws {
        let s = try Self.state()
        let b = Fixtures.render(s)
        let inside = try PanelRenderingTests().panelInside(b, title: "ensemble")
        let rects = EnsemblePanel.mapRects(inside)
        #expect(rects.count == EnsemblePanel.thumbnails + 2 && rects[0].width >= 6 && rects[0].height >= 3)
        let (w, h) = HeatMap.pixelSize(for: rects[0], glyphs: .unicode)
        let net = s.trainer.mlp!
        let grid = DecisionBoundaryView.pixelGrid(s.trainer.data, width: w, height: h)
        let masks = Ensemble.sampledMasks(net, count: EnsemblePanel.thumbnails, seed: EnsemblePanel.maskSeed(s.trainer.config.seed, draw: 0))
        var mean = Matrix(rows: w * h, cols: 2)
        var checked = 0
        for (i, keep) in masks.enumerated() {
            let p = Self.probabilities(net, grid, keep: keep)
            for j in 0..<mean.count { mean.data[j] += p.data[j] / Float(masks.count) }
            checked += try Self.expectCells(b, DecisionBoundaryView.probabilityMap(p, width: w, height: h, glyphs: .unicode), rects[i], "thumbnail \(i)")
            // Under it: how many of the 4 hidden units it keeps.
            let label = String(b.lines()[rects[i].bottom].dropFirst(rects[i].x).prefix(1))
            #expect(label == "\(keep.filter { $0 }.count)", "thumbnail \(i)'s kept count")
        }
        checked += try Self.expectCells(b, DecisionBoundaryView.probabilityMap(mean, width: w, height: h, glyphs: .unicode), rects[4], "mean")
        checked += try Self.expectCells(b, DecisionBoundaryView.probabilityMap(Self.probabilities(net, grid, keep: nil), width: w, height: h, glyphs: .unicode), rects[5], "eval")
        #expect(checked == 6 * rects[0].area)
        // The four masks are not all the same, so the maps are a real sample.
        #expect(Set(masks).count > 1)
        let text = Fixtures.text(b)
        #expect(text.contains("all 16 subnets"), "4 units: all 2^4 subnetworks in the histogram")
        let report = try EnsembleReport.make(net, s.trainer.data.validation, masks: .all, mcCurve: [], seed: 0)
        #expect(text.contains("val acc: eval \(EnsemblePanel.pct(report.weightScaled.accuracy)), subnets mean \(EnsemblePanel.pct(report.subnetworkAccuracy.mean))"))
        #expect(text.contains("masks seen h1 "))
    }

    @Test func capitalEOpensThePanelThenDrawsNewMasks() throws {
        var s = try Self.state()
        s.panel = .data
        update(&s, .input(.char("E")))
        #expect(s.panel == .ensemble && s.ensembleDraw == 0)
        let before = Fixtures.render(s)
        update(&s, .input(.char("E")))
        #expect(s.panel == .ensemble && s.ensembleDraw == 1)
        let seed = s.trainer.config.seed
        #expect(Ensemble.sampledMasks(s.trainer.mlp!, count: 4, seed: EnsemblePanel.maskSeed(seed, draw: 0))
                != Ensemble.sampledMasks(s.trainer.mlp!, count: 4, seed: EnsemblePanel.maskSeed(seed, draw: 1)))
        #expect(Fixtures.render(s) != before, "new masks, new thumbnails")
    }
}
