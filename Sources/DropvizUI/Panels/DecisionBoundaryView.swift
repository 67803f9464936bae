import DropoutCore
import TermUI

/// The decision boundary of a 2-D classifier: a heat map of p(class 1) (two classes) or of the
/// most likely class (more), from one batched eval-mode prediction over the pixel grid, with
/// the training points (●) and validation points (○) on top in their class colours.
enum DecisionBoundaryView {
    /// What the data-view keys change about the map (DataViewControls.swift): validation
    /// points forced on or off (`o`; nil: shown when sparse) and class regions without
    /// shading (`O`).
    struct MapOptions: Equatable, Sendable {
        var validation: Bool? = nil
        var discrete = false

        init(validation: Bool? = nil, discrete: Bool = false) {
            self.validation = validation
            self.discrete = discrete
        }

        init(_ s: AppState) { self.init(validation: s.validationPoints, discrete: s.discreteMap) }

        var cacheInputs: [Int] { [validation.map { $0 ? 1 : 0 } ?? 2, discrete ? 1 : 0] }
    }

    /// How far the binary map's levels go from the middle of the ramp: not to the saturated
    /// ends, so the dark class-coloured points stay visible on the regions of their class.
    static let levelSpread = 0.35

    /// What is drawn, apart from the legend: computed separately so tests can check it.
    static func heatMap(_ s: AppState, mapArea: Rect) -> HeatMap {
        heatMap(s.trainer, glyphs: s.glyphs, mapArea: mapArea, options: MapOptions(s))
    }

    /// The map from the trainer alone, so that it can be computed on another thread.
    static func heatMap(_ trainer: Trainer, glyphs: Glyphs, mapArea: Rect, options: MapOptions = MapOptions()) -> HeatMap {
        // Only an MLP has a map (the panel and the figures check); another model draws none.
        guard let net = trainer.mlp else { return HeatMap(width: 0, height: 0, levels: [], glyphs: glyphs) }
        let (w, h) = HeatMap.pixelSize(for: mapArea, glyphs: glyphs)
        let grid = pixelGrid(trainer.data, width: w, height: h)
        let p = Softmax.probabilities(net.predict(grid, rowsPerPass: 256))
        var map = probabilityMap(p, width: w, height: h, glyphs: glyphs, discrete: options.discrete)
        map.points = points(trainer.data, glyphs: glyphs, mapArea: mapArea, width: w, height: h, validation: options.validation) { label, isTraining in
            Style(bold: isTraining).fg(PanelSupport.pointColor(label))
        }
        return map
    }

    /// Class probabilities (a row per pixel of a `w × h` grid) as a map: p(class 1) on the
    /// ramp for two classes, else the likeliest class's colour with its probability as the
    /// level; `discrete`: only the class colours. Every map of the data (the ensemble panel's
    /// too) uses this one scale.
    static func probabilityMap(_ p: Matrix, width w: Int, height h: Int, glyphs: Glyphs, discrete: Bool = false) -> HeatMap {
        var levels = [Double](repeating: .nan, count: w * h)
        var colors: [Color]? = nil
        if discrete {
            // Only the class colours: each pixel in its likeliest class's region colour.
            var c = [Color](repeating: .default, count: w * h)
            for i in 0..<(w * h) {
                c[i] = PanelSupport.regionColor(Softmax.argmax(p, row: i))
                levels[i] = 1
            }
            colors = c
        } else if p.cols == 2 {
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
        return HeatMap(width: w, height: h, levels: levels, colors: colors, glyphs: glyphs)
    }

    /// The network's input at the centre of every pixel of a `w × h` grid over the data's box
    /// (the point in standardised units, or its input features: DataSplit+InputFeatures.swift);
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
        return data.networkInput(plane: grid)
    }

    /// The data points on a `w × h` pixel grid, validation first so that a training point
    /// wins a shared pixel.
    static func points(_ data: DataSplit, glyphs: Glyphs, mapArea: Rect, width w: Int, height h: Int, validation: Bool? = nil,
                       style: (_ label: Int, _ isTraining: Bool) -> Style) -> [HeatMap.Point] {
        let (x0, x1) = DataPanel.bounds(data, feature: 0)
        let (y0, y1) = DataPanel.bounds(data, feature: 1)
        var points: [HeatMap.Point] = []
        for (set, isTraining) in pointSets(data, mapArea: mapArea, validation: validation) {
            guard case .classes(let labels) = set.targets else { continue }
            for r in 0..<set.count {
                let px = Int(((Double(set.features[r, 0]) - x0) / (x1 - x0) * Double(w)).rounded(.down))
                let py = Int(((y1 - Double(set.features[r, 1])) / (y1 - y0) * Double(h)).rounded(.down))
                let symbol = pointSymbol(label: labels[r], isTraining: isTraining, glyphs: glyphs)
                points.append(HeatMap.Point(x: min(max(px, 0), w - 1), y: min(max(py, 0), h - 1), symbol: symbol, style: style(labels[r], isTraining)))
            }
        }
        return points
    }

    /// The sets whose points are drawn: the training set always; the validation set only when
    /// all the points would cover at most a third of the cells, so the map stays visible
    /// (unless `validation` says otherwise: the `o` key).
    static func pointSets(_ d: DataSplit, mapArea: Rect, validation: Bool? = nil) -> [(Dataset, Bool)] {
        let shown = validation ?? (3 * (d.train.count + d.validation.count) <= mapArea.area)
        return shown ? [(d.planeValidation, false), (d.planeTrain, true)] : [(d.planeTrain, true)]
    }

    /// A data point's mark: filled for training, hollow for validation, and one shape a class
    /// (● ▲ ■ ◆), so that classes stay apart where colours do not (8 colours, where the dark
    /// point colours all become black; a projector; colour blindness). ASCII: o ^ # @, and +
    /// for every validation point.
    static func pointSymbol(label: Int, isTraining: Bool, glyphs: Glyphs) -> Character {
        let k = ((label % 4) + 4) % 4
        guard glyphs.isUnicode else { return isTraining ? Array("o^#@")[k] : "+" }
        return isTraining ? Array("●▲■◆")[k] : Array("○△□◇")[k]
    }

    /// Every mark a data point can have (tests skip them when reading the map under them).
    static let pointSymbols: Set<Character> = Set("●▲■◆○△□◇o^#@+")

    /// The legend's words for the points shown.
    static func pointsLegend(_ showsValidation: Bool, glyphs: Glyphs, language: Language = .en) -> String {
        glyphs.isUnicode ? language.text(showsValidation ? .pointsTrainVal : .pointsTrain) : (showsValidation ? "o train + val" : "o train")
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        render(s, slot: "boundary", area: area, into: &buffer)
    }

    /// `slot` names the cached map: the twin's map (LargeDataView) is cached apart from the
    /// main one, from a state whose trainer is the twin.
    static func render(_ s: AppState, slot: String, area: Rect, into buffer: inout Buffer) {
        let legendRows = area.height >= 10 ? 2 : 1
        let mapArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - legendRows)
        if s.uncertaintyMap {
            renderUncertainty(s, mapArea: mapArea, legendRows: legendRows, area: area, into: &buffer)
            return
        }
        // The grid prediction would be most of a frame's cost: cached, and computed on another
        // thread (PanelCache.swift).
        let glyphs = s.glyphs, options = MapOptions(s)
        // "computing…" for the frames the first map of a new area takes (seconds under
        // DropConnect's moment matching at 250×80): keys are answered meanwhile.
        if let map = s.panelCache.value(slot, s, inputs: mapArea.cacheInputs + [glyphs.isUnicode ? 1 : 0] + options.cacheInputs, background: { trainer in
            heatMap(trainer, glyphs: glyphs, mapArea: mapArea, options: options)
        }) {
            map.render(area: mapArea, into: &buffer)
        } else {
            ComputingPlaceholder.render(s, area: mapArea, into: &buffer)
        }
        let classes = s.trainer.data.validation.task.outputs
        let background = options.discrete ? s.tr(.mapRegions) : classes == 2 ? s.tr(.mapP, PanelSupport.className(s, 1, maxLength: 6)) : s.tr(.mapLikeliest)
        let showsValidation = pointSets(s.trainer.data, mapArea: mapArea, validation: options.validation).count == 2
        let points = pointsLegend(showsValidation, glyphs: s.glyphs, language: s.lang)
        let legend = "\(points)  \(background)"
        PanelSupport.line(legend, row: area.height - legendRows, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        if legendRows == 2 {
            // The class colours, when there is a row for them.
            var x = 0
            for k in 0..<classes {
                let name = PanelSupport.className(s, k, maxLength: 8)
                PanelSupport.line(String(pointSymbol(label: k, isTraining: true, glyphs: s.glyphs)), row: area.height - 1, in: area, x: x,
                                  style: Style(bold: true).fg(PanelSupport.pointColor(k)).bg(PanelSupport.regionColor(k)), glyphs: s.glyphs, into: &buffer)
                x = PanelSupport.line(" \(name)  ", row: area.height - 1, in: area, x: x + 1, glyphs: s.glyphs, into: &buffer) - area.x
            }
        }
    }
}
