import DropoutCore
import Foundation
import TermUI

/// The diagram of a CNN: the dropout positions with their rates (the selected one
/// highlighted), then the first example of the last mini-batch — its input image, titled with
/// its class, and the feature maps of the selected conv layer, each scaled to its own largest
/// activation (shown in its title) and enlarged to fill the area (ConvPlacement.swift) — with
/// what conv dropout did in that step marked on each map. When a dense position is selected, the
/// dense part is drawn as the MLP's diagram beside the input.
struct ConvDiagram {
    /// The conv layer whose maps are shown.
    let layer: Int
    let positions: [(name: String, rate: Float)]
    let selected: Int
    let info: String
    /// The input image (levels 0…1), or nil before the first step.
    let input: FeatureMapView?
    let maps: [FeatureMapView]
    let glyphs: Glyphs
    let lang: Language
    /// The dense part's diagram, when a dense position is selected.
    let head: NetworkDiagram?

    init?(state s: AppState) {
        guard let cnn = s.trainer.cnn else { return nil }
        glyphs = s.glyphs
        lang = s.lang
        let convCount = cnn.convDropout.count
        selected = s.selectedLayer
        layer = min(s.selectedLayer, convCount - 1)
        positions = zip(cnn.positionNames, cnn.dropoutPositions).map { ($0, $1.rate) }
        let drop = cnn.convDropout[layer]
        let shape = cnn.mapShape(layer)
        let trained = s.trainer.currentStep > 0 && cnn.trainingInput.rows > 0 && drop.mask.rows > 0
        head = s.selectedLayer >= convCount ? NetworkDiagram(state: s, network: cnn.head, firstPosition: convCount) : nil
        var text = s.tr(.convInfo, layer + 1, shape.channels, shape.height, shape.width, drop.variant.rawValue)
        if drop.variant == .dropblock { text += " b=\(drop.blockSize)" }
        guard trained else {
            info = text + s.tr(.infoNoStepYet)
            input = nil
            maps = []
            return
        }
        let x = PanelSupport.rowMatrix(cnn.trainingInput, 0)
        let activations: Matrix
        if s.evalView {
            // Derived state computed in `update` (ExampleForward.swift).
            activations = s.exampleForwards.conv(cnn, input: x, step: s.trainer.currentStep)[layer]
        } else {
            activations = cnn.featureMaps(layer)
        }
        let marks = !s.evalView && drop.rate > 0
        var droppedChannels = 0, droppedPixels = 0
        var maps: [FeatureMapView] = []
        for c in 0..<shape.channels {
            // Each map on its own scale: a weak map is as readable as a strong one, and its
            // title says how strong it is.
            let top = (0..<shape.area).map { activations[0, c * shape.area + $0] }.max() ?? 0
            let levels = (0..<shape.area).map { Double(max(0, activations[0, c * shape.area + $0]) / max(top, 1e-6)) }
            let dropped = marks ? (0..<shape.area).map { drop.isDropped(row: 0, index: c * shape.area + $0) } : nil
            let channelDropped = marks && drop.isChannelDropped(row: 0, channel: c)
            if channelDropped { droppedChannels += 1 }
            droppedPixels += dropped?.filter { $0 }.count ?? 0
            maps.append(FeatureMapView(title: s.tr(.mapN, c + 1), shortTitle: "#\(c + 1)", levels: levels, height: shape.height, width: shape.width,
                                       dropped: dropped, channelDropped: channelDropped, scale: 1, glyphs: s.glyphs, top: max(0, top), lang: s.lang))
        }
        self.maps = maps
        if s.evalView {
            text += s.tr(.infoEvalNothingDropped)
        } else if drop.rate == 0 {
            text += s.tr(.infoPZeroNothingDropped)
        } else if drop.variant == .spatial {
            text += s.tr(.convChannelsDropped, droppedChannels, shape.channels)
        } else {
            text += s.tr(drop.variant == .maxpool ? .convPixelsMaskedPool : .convPixelsDropped, droppedPixels, shape.count)
        }
        info = head == nil ? text
            : s.tr(.densePart, cnn.head.architecture.widths.map(String.init).joined(separator: s.glyphs.isUnicode ? " → " : " -> "))
              + s.tr(s.evalView ? .densePartEval : .densePartStep)
        let image = cnn.inputShape
        let raw = (0..<image.count).map { Double(x[0, $0]) }
        let lo = raw.min() ?? 0, hi = raw.max() ?? 1
        // "input (class 1)": the class is in brackets so it cannot read as map 1's title.
        var inputTitle = s.tr(.inputImage), shortTitle: String?
        if case .classes(let labels) = s.trainer.batchTargets, let first = labels.first {
            inputTitle = s.tr(.inputClass, PanelSupport.className(s, first))
            shortTitle = s.tr(.classN, PanelSupport.className(s, first))
        }
        input = FeatureMapView(title: inputTitle, shortTitle: shortTitle, levels: raw.map { ($0 - lo) / max(hi - lo, 1e-6) },
                               height: image.height, width: image.width, dropped: nil, channelDropped: false,
                               scale: 1, glyphs: s.glyphs, lang: s.lang)
    }

    /// The line under the diagram: what the conv variant computes.
    static func formula(_ s: AppState) -> String {
        guard let conv = s.trainer.config.conv else { return "" }
        var text = s.tr(.convFormula, conv.variant.rawValue, s.lang.translate(conv.variant.formula))
        if !s.glyphs.isUnicode {
            for (u, a) in [("γ", "gamma"), ("²", "^2"), ("Σ", "sum "), ("≥", ">="), ("×", "x"), ("_(i)", "_i")] {
                text = text.replacingOccurrences(of: u, with: a)
            }
        }
        return s.glyphs.spell(text)
    }

    func render(area: Rect, into buffer: inout Buffer) {
        guard area.height >= 3 else { return }
        // The positions, the selected one reversed.
        var x = area.x + 1
        for (i, p) in positions.enumerated() where x < area.right {
            let label = String(format: "%@ p=%.2f", p.name, p.rate)
            let style = i == selected ? Style(bold: true).reverse() : (i == layer ? Style(bold: true) : Style())
            x = buffer.put(label, x: x, y: area.y, style: style, maxWidth: area.right - x) + 2
        }
        _ = buffer.put(glyphs.spell(info), x: area.x + 1, y: area.y + 1, style: Style().fg(.cyan), maxWidth: area.width - 1)
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        guard var inputView = input else { return }
        if let head {
            // The input beside the dense part's diagram, as large as the height allows.
            let p = ConvPlacement.inputOnly(inputView, in: body)
            inputView.scale = p.scale
            inputView.scaleX = p.scaleX
            inputView.render(x: body.x, y: body.y, clip: body, into: &buffer)
            let rest = Rect(x: body.x + inputView.cellWidth + 1, y: body.y, width: max(0, body.right - body.x - inputView.cellWidth - 1),
                            height: body.height)
            head.render(area: rest, into: &buffer)
            return
        }
        guard let p = ConvPlacement.best(input: inputView, maps: maps, in: body) else {
            _ = buffer.put(lang.text(.enlargeForMaps), x: body.x, y: body.y, style: Style(dim: true), maxWidth: body.width)
            return
        }
        inputView.scale = p.inputScale
        inputView.scaleX = p.inputScaleX
        inputView.render(x: p.input.x, y: p.input.y, clip: body, into: &buffer)
        for (view, place) in zip(maps, p.maps) {
            view.withScale(p).render(x: place.x, y: place.y, clip: body, into: &buffer)
        }
        if p.maps.count < maps.count {
            let more = lang.text(.moreMaps, maps.count - p.maps.count)
            _ = buffer.put(more, x: body.x, y: min(body.bottom - 1, body.y + inputView.cellHeight), style: Style(dim: true), maxWidth: body.width)
        }
        // What the marks mean, in the rows the maps leave free (none on a large screen).
        let mapsBottom = (p.maps.map(\.y).max() ?? body.y) + (maps.first.map { $0.withScale(p).cellHeight } ?? 0)
        let legend = [
            glyphs.isUnicode ? lang.text(.convLegendMarks) : "red \\/ over a map: channel dropped in this step; red x: pixels dropped",
            lang.text(.convLegendScale),
        ]
        for (k, line) in legend.enumerated() where mapsBottom + k < body.bottom {
            _ = buffer.put(line, x: body.x + 1, y: mapsBottom + k, style: Style(dim: true), maxWidth: body.width - 1)
        }
    }
}
