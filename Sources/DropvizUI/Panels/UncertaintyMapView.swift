import DropoutCore
import TermUI

/// The data panel's Monte Carlo view of a 2-D classifier (`m`): over the same plane as the
/// decision boundary, the standard deviation over `T` dropout passes of the probability of the
/// likeliest class (for two classes, of p(class 1)). Drawn as shade characters, one pixel a
/// cell, so that it reads without colour (NO_COLOR) and on a projector: blank where the passes
/// agree, a full block at the top of the scale.
extension DecisionBoundaryView {
    struct UncertaintyMap: Sendable, Equatable {
        var map: HeatMap
        /// The σ of a full block: the largest σ on the map rounded up to 0.05 (at least 0.05,
        /// so that agreement everywhere stays blank instead of showing noise at full scale).
        var top: Double
        /// σ at every pixel, row-major.
        var std: [Double]
    }

    static let uncertaintyColor = Color.yellow
    static let scaleStep = 0.05

    /// Shades in the terminal's glyphs, one pixel a cell.
    static func shadeGlyphs(_ glyphs: Glyphs) -> Glyphs {
        var g = glyphs
        g.isUnicode = false
        return g
    }

    static func uncertaintyMap(_ trainer: Trainer, glyphs: Glyphs, mapArea: Rect, samples: Int, seed: UInt64, validation: Bool? = nil) -> UncertaintyMap {
        let shades = shadeGlyphs(glyphs)
        let (w, h) = HeatMap.pixelSize(for: mapArea, glyphs: shades)
        // Monte Carlo dropout is the MLP's (the panel checks); another model has no map.
        guard let net = trainer.mlp else { return UncertaintyMap(map: HeatMap(width: 0, height: 0, levels: [], glyphs: shades), top: scaleStep, std: []) }
        let mc = MonteCarloDropout.predict(net, pixelGrid(trainer.data, width: w, height: h), samples: max(1, samples), seed: seed)
        let std = (0..<(w * h)).map { Double(mc.std[$0, Softmax.argmax(mc.mean, row: $0)]) }
        let largest = std.filter(\.isFinite).max() ?? 0
        let top = max(scaleStep, (largest / scaleStep).rounded(.up) * scaleStep)
        var map = HeatMap(width: w, height: h, levels: std.map { $0 / top },
                          colors: Array(repeating: uncertaintyColor, count: w * h), glyphs: shades)
        // In the terminal's own foreground: the class colours are made for the coloured
        // regions of the p map and would vanish on a blank background.
        map.points = points(trainer.data, glyphs: glyphs, mapArea: mapArea, width: w, height: h, validation: validation) { _, isTraining in
            Style(bold: isTraining)
        }
        return UncertaintyMap(map: map, top: top, std: std)
    }

    /// nil while the first map of this area is computed (PanelCache.swift).
    static func uncertaintyMap(_ s: AppState, mapArea: Rect) -> UncertaintyMap? {
        let glyphs = s.glyphs, samples = max(1, s.mcSamples), seed = s.trainer.config.seed ^ UncertaintyPanel.seedSalt
        let validation = s.validationPoints
        return s.panelCache.value("mcmap", s, inputs: mapArea.cacheInputs + [glyphs.isUnicode ? 1 : 0, samples] + MapOptions(s).cacheInputs, background: { trainer in
            uncertaintyMap(trainer, glyphs: glyphs, mapArea: mapArea, samples: samples, seed: seed, validation: validation)
        })
    }

    /// What the map shows, with its scale.
    static func uncertaintyLabel(_ s: AppState) -> String {
        s.trainer.data.validation.task.outputs == 2 ? s.tr(.mcSigmaOf, PanelSupport.className(s, 1, maxLength: 6)) : s.tr(.mcSigmaLikeliest)
    }

    static func renderUncertainty(_ s: AppState, mapArea: Rect, legendRows: Int, area: Rect, into buffer: inout Buffer) {
        guard let u = uncertaintyMap(s, mapArea: mapArea) else {
            ComputingPlaceholder.render(s, area: mapArea, into: &buffer)
            return
        }
        u.map.render(area: mapArea, into: &buffer)
        let g = s.glyphs
        let showsValidation = pointSets(s.trainer.data, mapArea: mapArea, validation: s.validationPoints).count == 2
        let points = pointsLegend(showsValidation, glyphs: g, language: s.lang)
        let ramp = String(g.shades.dropFirst())
        let scale = "0 \(ramp) \(PanelText.num(u.top))"
        let first = legendRows == 2 ? "\(points)  " + s.tr(.mapColon, uncertaintyLabel(s)) : "\(points)  \(uncertaintyLabel(s)) \(scale)"
        PanelSupport.line(first, row: area.height - legendRows, in: area, style: Style(dim: true), glyphs: g, into: &buffer)
        if legendRows == 2 {
            var x = PanelSupport.line("σ ", row: area.height - 1, in: area, glyphs: g, into: &buffer) - area.x
            x = PanelSupport.line(scale, row: area.height - 1, in: area, x: x, style: Style().fg(uncertaintyColor), glyphs: g, into: &buffer) - area.x
            PanelSupport.line(s.tr(.pMapKey, max(1, s.mcSamples)), row: area.height - 1, in: area, x: x, style: Style(dim: true), glyphs: g, into: &buffer)
        }
    }
}
