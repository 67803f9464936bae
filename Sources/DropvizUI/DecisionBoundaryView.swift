import DropoutCore
import TermUI

/// The decision boundary of a 2-D classifier: a heat map of p(class 1) (two classes) or of the
/// most likely class (more), from one batched eval-mode prediction over the pixel grid, with
/// the training points (●) and validation points (·) on top in their class colours.
enum DecisionBoundaryView {
    /// How far the binary map's levels go from the middle of the ramp: not to the saturated
    /// ends, so the dark class-coloured points stay visible on the regions of their class.
    static let levelSpread = 0.35

    /// What is drawn, apart from the legend: computed separately so tests can check it.
    static func heatMap(_ s: AppState, mapArea: Rect) -> HeatMap {
        heatMap(s.trainer, glyphs: s.glyphs, mapArea: mapArea)
    }

    /// The map from the trainer alone, so that it can be computed on another thread.
    static func heatMap(_ trainer: Trainer, glyphs: Glyphs, mapArea: Rect) -> HeatMap {
        let (w, h) = HeatMap.pixelSize(for: mapArea, glyphs: glyphs)
        let grid = pixelGrid(trainer.data, width: w, height: h)
        let p = Softmax.probabilities(trainer.network.predict(grid, rowsPerPass: 256))
        var levels = [Double](repeating: .nan, count: w * h)
        var colors: [Color]? = nil
        if p.cols == 2 {
            for i in 0..<(w * h) { levels[i] = 0.5 + (Double(p[i, 1]) - 0.5) * 2 * levelSpread }
        } else {
            // More classes: each pixel in the colour of its most likely class, its level (the
            // ASCII shade) the probability of that class.
            var c = [Color](repeating: .default, count: w * h)
            for i in 0..<(w * h) {
                let k = Softmax.argmax(p, row: i)
                c[i] = PanelSupport.regionColor(k)
                levels[i] = Double(p[i, k])
            }
            colors = c
        }
        var map = HeatMap(width: w, height: h, levels: levels, colors: colors, glyphs: glyphs)
        map.points = points(trainer.data, glyphs: glyphs, mapArea: mapArea, width: w, height: h) { label, isTraining in
            Style(bold: isTraining).fg(PanelSupport.pointColor(label))
        }
        return map
    }

    /// The centre of every pixel of a `w × h` grid over the data's box, in standardised units;
    /// y grows upwards in the data, downwards on the screen.
    static func pixelGrid(_ data: DataSplit, width w: Int, height h: Int) -> Matrix {
        let (x0, x1) = DataPanel.bounds(data, feature: 0)
        let (y0, y1) = DataPanel.bounds(data, feature: 1)
        var grid = Matrix(rows: w * h, cols: 2)
        for py in 0..<h {
            for px in 0..<w {
                grid[py * w + px, 0] = Float(x0 + (Double(px) + 0.5) / Double(w) * (x1 - x0))
                grid[py * w + px, 1] = Float(y1 - (Double(py) + 0.5) / Double(h) * (y1 - y0))
            }
        }
        return grid
    }

    /// The data points on a `w × h` pixel grid, validation first so that a training point
    /// wins a shared pixel.
    static func points(_ data: DataSplit, glyphs: Glyphs, mapArea: Rect, width w: Int, height h: Int,
                       style: (_ label: Int, _ isTraining: Bool) -> Style) -> [HeatMap.Point] {
        let (x0, x1) = DataPanel.bounds(data, feature: 0)
        let (y0, y1) = DataPanel.bounds(data, feature: 1)
        var points: [HeatMap.Point] = []
        for (set, isTraining) in pointSets(data, mapArea: mapArea) {
            guard case .classes(let labels) = set.targets else { continue }
            for r in 0..<set.count {
                let px = Int(((Double(set.features[r, 0]) - x0) / (x1 - x0) * Double(w)).rounded(.down))
                let py = Int(((y1 - Double(set.features[r, 1])) / (y1 - y0) * Double(h)).rounded(.down))
                let symbol: Character = isTraining ? (glyphs.isUnicode ? "●" : "o") : (glyphs.isUnicode ? "·" : "+")
                points.append(HeatMap.Point(x: min(max(px, 0), w - 1), y: min(max(py, 0), h - 1), symbol: symbol, style: style(labels[r], isTraining)))
            }
        }
        return points
    }

    /// The sets whose points are drawn: the training set always; the validation set only when
    /// all the points would cover at most a third of the cells, so the map stays visible.
    static func pointSets(_ d: DataSplit, mapArea: Rect) -> [(Dataset, Bool)] {
        let sparse = 3 * (d.train.count + d.validation.count) <= mapArea.area
        return sparse ? [(d.validation, false), (d.train, true)] : [(d.train, true)]
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        let legendRows = area.height >= 10 ? 2 : 1
        let mapArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - legendRows)
        if s.uncertaintyMap {
            renderUncertainty(s, mapArea: mapArea, legendRows: legendRows, area: area, into: &buffer)
            return
        }
        // The grid prediction would be most of a frame's cost: cached, and in the visualizer
        // computed on another thread (PanelCache.swift).
        let glyphs = s.glyphs
        let map = s.panelCache.value("boundary", s, inputs: mapArea.cacheInputs + [glyphs.isUnicode ? 1 : 0]) { trainer in
            heatMap(trainer, glyphs: glyphs, mapArea: mapArea)
        }
        map.render(area: mapArea, into: &buffer)
        let classes = s.trainer.data.validation.task.outputs
        let background = classes == 2 ? s.tr(.mapP, PanelSupport.className(s, 1, maxLength: 6)) : s.tr(.mapLikeliest)
        let showsValidation = pointSets(s.trainer.data, mapArea: mapArea).count == 2
        let points = s.glyphs.isUnicode ? s.tr(showsValidation ? .pointsTrainVal : .pointsTrain) : (showsValidation ? "o train + val" : "o train")
        let legend = "\(points)  \(background)"
        PanelSupport.line(legend, row: area.height - legendRows, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        if legendRows == 2 {
            // The class colours, when there is a row for them.
            var x = 0
            for k in 0..<classes {
                let name = PanelSupport.className(s, k, maxLength: 8)
                PanelSupport.line(s.glyphs.isUnicode ? "●" : "o", row: area.height - 1, in: area, x: x,
                                  style: Style(bold: true).fg(PanelSupport.pointColor(k)).bg(PanelSupport.regionColor(k)), glyphs: s.glyphs, into: &buffer)
                x = PanelSupport.line(" \(name)  ", row: area.height - 1, in: area, x: x + 1, glyphs: s.glyphs, into: &buffer) - area.x
            }
        }
    }
}
