import DropoutCore
import Foundation
import TermUI

/// The ensemble panel (2-D classification): dropout as averaging, on screen. `k` thinned
/// subnetworks (masks sampled from the current rates, `E` draws new ones) each with its
/// decision map and how many units of each layer it keeps; their average map (the arithmetic
/// mean of their probabilities, what Monte Carlo dropout with these `k` passes predicts); and
/// the eval-mode map (weight scaling), all on one colour scale. Below: the validation
/// accuracies of many subnetworks as a histogram, and how many of the `2ⁿ` masks of each small
/// layer training has drawn so far. The maths is the core's (Ensemble.swift); this only draws.
enum EnsemblePanel {
    /// Thinned subnetworks drawn as thumbnails.
    static let thumbnails = 4
    /// Subnetworks whose validation accuracy makes the histogram: all of them up to
    /// `2^exactHistogramUnits`, else this many sampled.
    static let histogramSamples = 48
    static let exactHistogramUnits = 8

    /// Everything the panel draws apart from text layout: computed from the trainer alone, so
    /// it can run on another thread (PanelCache).
    struct Picture: Sendable {
        var thumbnails: [HeatMap]
        /// Per thumbnail, the units kept at each position with a positive rate.
        var kept: [[Int]]
        /// The widths of those positions.
        var widths: [Int]
        var mean: HeatMap
        var eval: HeatMap
        var report: EnsembleReport?
    }

    /// Where each map goes in `area` (all the same size): the thumbnails, then the mean and
    /// the eval map, one row of maps.
    static func mapRects(_ area: Rect) -> [Rect] {
        let n = thumbnails + 2
        let w = max(1, (area.width - (n - 1)) / n)
        // Square-ish maps (a cell is about twice as tall as wide), leaving 4 rows of text.
        let h = max(1, min(area.height - 4, (w + 1) / 2 + 1))
        return (0..<n).map { Rect(x: area.x + $0 * (w + 1), y: area.y, width: w, height: h) }
    }

    /// The seed of draw `draw` (`E` counts them) for a run of `seed`.
    static func maskSeed(_ seed: UInt64, draw: Int) -> UInt64 {
        var sm = SplitMix64(seed: seed ^ (UInt64(draw) &* 0x9E37_79B9_7F4A_7C15))
        return sm.next()
    }

    static func makePicture(_ trainer: Trainer, glyphs: Glyphs, map: Rect, draw: Int) -> Picture {
        // The panel is the MLP's (PanelView checks); another model has no picture.
        guard let net = trainer.mlp else {
            let none = HeatMap(width: 0, height: 0, levels: [], glyphs: glyphs)
            return Picture(thumbnails: [], kept: [], widths: [], mean: none, eval: none, report: nil)
        }
        let (w, h) = HeatMap.pixelSize(for: map, glyphs: glyphs)
        let grid = DecisionBoundaryView.pixelGrid(trainer.data, width: w, height: h)
        let seed = maskSeed(trainer.config.seed, draw: draw)
        var thumbs: [HeatMap] = []
        let averages = try? Ensemble.average(net, grid, masks: .sampled(count: thumbnails, seed: seed)) { z, _ in
            thumbs.append(DecisionBoundaryView.probabilityMap(Softmax.probabilities(z), width: w, height: h, glyphs: glyphs))
        }
        let units = Ensemble.droppableUnits(net)
        let positions = Array(Set(units.map(\.position))).sorted()
        let kept = Ensemble.sampledMasks(net, count: thumbnails, seed: seed).map { keep in
            positions.map { p in zip(units, keep).filter { $0.0.position == p && $0.1 }.count }
        }
        var meanP = Matrix(rows: w * h, cols: net.architecture.outputs)
        if let a = averages {
            for i in 0..<meanP.count { meanP.data[i] = Float(exp(a.arithmeticLogProbabilities[i])) }
        }
        let eval = Softmax.probabilities(net.predict(grid, rowsPerPass: 256))
        let masks: Ensemble.Masks = units.count <= exactHistogramUnits ? .all : .sampled(count: histogramSamples, seed: seed)
        let report = try? EnsembleReport.make(net, trainer.data.validation, masks: masks, mcCurve: [], seed: seed)
        return Picture(thumbnails: thumbs, kept: kept, widths: positions.map { net.dropout[$0].width },
                       mean: DecisionBoundaryView.probabilityMap(meanP, width: w, height: h, glyphs: glyphs),
                       eval: DecisionBoundaryView.probabilityMap(eval, width: w, height: h, glyphs: glyphs),
                       report: report)
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        guard DataPanel.kind(s) == .boundary else {
            PanelSupport.line(s.tr(.ensembleNeeds2D), row: 0, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
            return
        }
        guard let net = s.trainer.mlp else { return }
        if let why = Ensemble.unsupported(net) {
            let lines = why.wrapped(toWidth: area.width)
            for (r, l) in lines.prefix(area.height).enumerated() {
                PanelSupport.line(l, row: r, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
            }
            return
        }
        let rects = mapRects(area)
        guard let first = rects.first, first.width >= 2 else { return }
        let glyphs = s.glyphs, draw = s.ensembleDraw
        guard let picture = s.panelCache.value("ensemble", s, inputs: first.cacheInputs + [glyphs.isUnicode ? 1 : 0, draw], background: { trainer in
            makePicture(trainer, glyphs: glyphs, map: first, draw: draw)
        }) else {
            ComputingPlaceholder.render(s, area: area, into: &buffer)
            return
        }
        let maps = picture.thumbnails + [picture.mean, picture.eval]
        for (map, rect) in zip(maps, rects) { map.render(area: rect, into: &buffer) }
        // Under each map: the thumbnail's kept units per layer ("9·12"), "mean", "eval".
        let labelRow = first.height
        for (i, rect) in rects.enumerated() {
            let label = i < picture.kept.count ? picture.kept[i].map(String.init).joined(separator: "·")
                : s.tr(i == thumbnails ? .ensembleMean : .ensembleEval)
            let bold = i >= thumbnails
            PanelSupport.line(label, row: labelRow, in: area, x: rect.x - area.x, style: Style(bold: bold, dim: !bold), glyphs: s.glyphs, into: &buffer)
        }
        var row = labelRow + 1
        if let r = picture.report {
            // Numbers first: on a narrow panel the histogram's line is the one cut.
            let scores = s.tr(.ensembleScores, pct(r.weightScaled.accuracy), pct(r.subnetworkAccuracy.mean))
            PanelSupport.line(scores, row: row, in: area, glyphs: s.glyphs, into: &buffer)
            let bars = Sparkline.text(r.histogram.map { Double($0.count) }, low: 0, glyphs: s.glyphs)
            let histogram = "0\(bars)1 " + s.tr(r.exact ? .ensembleAll : .ensembleSampled, r.subnetworks)
            PanelSupport.line(histogram, row: row + 1, in: area, glyphs: s.glyphs, into: &buffer)
            row += 2
        }
        PanelSupport.line(masksSeen(s), row: row, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
    }

    static func pct(_ a: Double) -> String { "\(Int((a * 100).rounded()))%" }

    /// "masks seen h1 812/2^16 …": the distinct masks each small layer has drawn in training.
    static func masksSeen(_ s: AppState) -> String {
        let counted = s.trainer.maskCensus.positions.enumerated().compactMap { d, p in
            p.map { "\(d == 0 ? s.tr(.masksInput) : "h\(d)") \($0.distinct)/2^\($0.width)" }
        }
        if counted.isEmpty {
            return s.tr(.masksSeenNone, MaskCensus.maxUnits)
        }
        return s.tr(.masksSeen, counted.joined(separator: " "))
    }
}

extension AppState {
    /// `E`: new masks for the ensemble panel's thumbnails; from another panel it opens it.
    mutating func resampleEnsemble() {
        if panel == .ensemble { ensembleDraw += 1 }
        panel = .ensemble
        notice = tr(.ensembleDrawn, EnsemblePanel.thumbnails, ensembleDraw)
    }
}
