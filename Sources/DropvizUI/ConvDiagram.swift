import DropoutCore
import Foundation
import TermUI

/// The diagram of a CNN: the dropout positions with their rates (the selected one
/// highlighted), then the first example of the last mini-batch — its input image and the
/// feature maps of the selected conv layer (or of the last conv layer when a dense position is
/// selected) — with what conv dropout did in that step marked on each map.
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

    /// Map pixels of the largest scale tried: 8×8 maps at ×4 fill a 200-column screen.
    static let maxScale = 4

    init?(state s: AppState) {
        guard let cnn = s.trainer.cnn else { return nil }
        glyphs = s.glyphs
        let convCount = cnn.convDropout.count
        selected = s.selectedLayer
        layer = min(s.selectedLayer, convCount - 1)
        positions = zip(cnn.positionNames, cnn.dropoutPositions).map { ($0, $1.rate) }
        let drop = cnn.convDropout[layer]
        let shape = cnn.mapShape(layer)
        let trained = s.trainer.currentStep > 0 && cnn.trainingInput.rows > 0 && drop.mask.rows > 0
        var text = "conv \(layer + 1): \(shape.channels) maps \(shape.height)×\(shape.width) · \(drop.variant.rawValue)"
        if drop.variant == .dropblock { text += " b=\(drop.blockSize)" }
        guard trained else {
            info = text + " · no step yet"
            input = nil
            maps = []
            return
        }
        let x = PanelSupport.rowMatrix(cnn.trainingInput, 0)
        let activations: Matrix
        if s.evalView {
            _ = cnn.predict(x)
            activations = cnn.evalFeatureMaps(layer)
        } else {
            activations = cnn.featureMaps(layer)
        }
        let marks = !s.evalView && drop.rate > 0
        var droppedChannels = 0, droppedPixels = 0
        var maps: [FeatureMapView] = []
        let top = max((0..<shape.count).map { activations[0, $0] }.max() ?? 0, 1e-6)
        for c in 0..<shape.channels {
            let levels = (0..<shape.area).map { Double(max(0, activations[0, c * shape.area + $0]) / top) }
            let dropped = marks ? (0..<shape.area).map { drop.isDropped(row: 0, index: c * shape.area + $0) } : nil
            let channelDropped = marks && drop.isChannelDropped(row: 0, channel: c)
            if channelDropped { droppedChannels += 1 }
            droppedPixels += dropped?.filter { $0 }.count ?? 0
            maps.append(FeatureMapView(title: "\(c + 1)", levels: levels, height: shape.height, width: shape.width,
                                       dropped: dropped, channelDropped: channelDropped, scale: 1, glyphs: s.glyphs))
        }
        self.maps = maps
        if s.evalView {
            text += " · eval: nothing dropped"
        } else if drop.rate == 0 {
            text += " · p = 0: nothing dropped"
        } else if drop.variant == .spatial {
            text += " · batch[0]: \(droppedChannels)/\(shape.channels) channels dropped"
        } else {
            let what = drop.variant == .maxpool ? "masked (pool)" : "dropped"
            text += " · batch[0]: \(droppedPixels)/\(shape.count) \(what)"
        }
        info = text
        let image = cnn.inputShape
        let raw = (0..<image.count).map { Double(x[0, $0]) }
        let lo = raw.min() ?? 0, hi = raw.max() ?? 1
        input = FeatureMapView(title: "input", levels: raw.map { ($0 - lo) / max(hi - lo, 1e-6) },
                               height: image.height, width: image.width, dropped: nil, channelDropped: false,
                               scale: 1, glyphs: s.glyphs)
    }

    /// The line under the diagram: what the conv variant computes.
    static func formula(_ s: AppState) -> String {
        guard let conv = s.trainer.config.conv else { return "" }
        var text = "conv \(conv.variant.rawValue): \(conv.variant.formula)"
        if !s.glyphs.isUnicode {
            for (u, a) in [("γ", "gamma"), ("²", "^2"), ("Σ", "sum "), ("≥", ">="), ("×", "x"), ("_(i)", "_i")] {
                text = text.replacingOccurrences(of: u, with: a)
            }
        }
        return PanelSupport.ascii(text, s.glyphs)
    }

    /// Where each map goes at `scale`, or nil when they do not all fit in `area`.
    func placements(in area: Rect, scale: Int) -> (input: (x: Int, y: Int)?, maps: [(x: Int, y: Int)])? {
        guard let first = maps.first, let input else { return nil }
        var inputView = input
        inputView.scale = scale
        var mapView = first
        mapView.scale = scale
        let inputWidth = inputView.cellWidth + 1
        let columns = max(0, (area.width - inputWidth + 1) / (mapView.cellWidth + 1))
        let rows = area.height / mapView.cellHeight
        guard columns >= 1, rows >= 1, inputView.cellHeight <= area.height else { return nil }
        let shown = min(maps.count, columns * rows)
        guard shown == maps.count || scale == 1 else { return nil }
        let places = (0..<shown).map { k in
            (x: area.x + inputWidth + (k % columns) * (mapView.cellWidth + 1), y: area.y + (k / columns) * mapView.cellHeight)
        }
        return ((area.x, area.y), places)
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
        _ = buffer.put(PanelSupport.ascii(info, glyphs), x: area.x + 1, y: area.y + 1, style: Style().fg(.cyan), maxWidth: area.width - 1)
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        guard var inputView = input else { return }
        var scale = Self.maxScale
        while scale > 1 && placements(in: body, scale: scale) == nil { scale -= 1 }
        guard let places = placements(in: body, scale: scale), let inputPlace = places.input else {
            _ = buffer.put("(enlarge the window to see the maps)", x: body.x, y: body.y, style: Style(dim: true), maxWidth: body.width)
            return
        }
        inputView.scale = scale
        inputView.render(x: inputPlace.x, y: inputPlace.y, clip: body, into: &buffer)
        for (view, place) in zip(maps, places.maps) {
            var v = view
            v.scale = scale
            v.render(x: place.x, y: place.y, clip: body, into: &buffer)
        }
        if places.maps.count < maps.count {
            let more = "+\(maps.count - places.maps.count) more"
            _ = buffer.put(more, x: body.x, y: min(body.bottom - 1, body.y + inputView.cellHeight), style: Style(dim: true), maxWidth: body.width)
        }
    }
}

/// `v` on a CNN: the next conv variant (elementwise → spatial → dropblock → maxpool).
func cycleConvVariant(_ s: inout AppState) {
    guard let current = s.trainer.config.conv?.variant else { return }
    let all = ConvDropoutVariant.allCases
    let v = all[((all.firstIndex(of: current) ?? 0) + 1) % all.count]
    do {
        try s.trainer.setConvVariant(v)
        s.trainer.evaluate()
        s.notice = "conv variant \(v.rawValue): nothing reset; the change is marked on the plot"
    } catch { s.notice = "\(error)" }
}
