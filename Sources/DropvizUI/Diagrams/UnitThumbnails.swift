import DropoutCore
import TermUI

/// What each unit computes over the input plane (TensorFlow Playground's neuron pictures), for
/// an MLP on a 2-D data set: the network in eval mode on a grid of points covering the data's
/// box, and for each unit its value at each point.
///
/// - input position `d = 0`: the feature itself; hidden position `d`: the unit's activation
///   (the input of its dropout layer), both on the diverging ramp with 0 white and ±m at the
///   ends, `m` the largest |value| of the layer over the grid (one scale per layer, so units
///   of a layer compare);
/// - the output (last layer): p(class) for a classifier, 0 white … 1 red.
struct UnitThumbnails {
    /// Layers with at most this many units get a picture per unit.
    static let maxUnits = 8

    let network: MLPNetwork
    let data: DataSplit
    let glyphs: Glyphs
    /// Where the values come from in the visualizer (`cached(_:)`): the panel cache, so a frame
    /// reuses them and a new step's are computed on the other core. Without it they are
    /// computed here, every call: under DropConnect's moment-matching eval that took a second
    /// a frame and starved the keys (issue 20).
    /// nil from it: not computed yet (no pictures for those frames).
    var source: ((_ layer: Int, _ width: Int, _ height: Int) -> (units: [[Float]], scale: Float)?)? = nil

    /// Whether the diagram draws thumbnails: an MLP on a 2-D classification set.
    static func available(_ s: AppState) -> Bool { s.hasPlaneMap }

    /// The values of every unit of `layer` (a dropout position, or `dropout.count` for the
    /// output) over a `width × height` grid (row-major pixels), and the layer's scale `m`.
    func values(layer: Int, width: Int, height: Int) -> (units: [[Float]], scale: Float) {
        let grid = DecisionBoundaryView.pixelGrid(data, width: width, height: height)
        let output = network.predict(grid)
        let isOutput = layer >= network.dropout.count
        let m = isOutput ? (network.architecture.task.isClassification ? Softmax.probabilities(output) : output)
            : network.evalDropoutInput(layer)
        let units = (0..<m.cols).map { j in (0..<m.rows).map { m[$0, j] } }
        let scale = isOutput && network.architecture.task.isClassification ? 1
            : max(m.data.reduce(Float(0)) { max($0, abs($1)) }, 1e-6)
        return (units, scale)
    }

    /// The level (0…1 on the diverging ramp) of a value: 0 is white, −scale blue, +scale red
    /// (so a probability, scale 1, goes from white to red).
    static func level(_ v: Float, scale: Float) -> Double {
        0.5 + 0.5 * Double(v / scale)
    }

    /// One picture per unit of `layer`, `width × h` pixels.
    func maps(layer: Int, width: Int, pixelRows h: Int) -> [HeatMap] {
        guard width > 0, h > 0 else { return [] }
        let computed = source.map { $0(layer, width, h) } ?? values(layer: layer, width: width, height: h)
        guard let (units, scale) = computed else { return [] }
        return units.map { v in
            HeatMap(width: width, height: h, levels: v.map { Self.level($0, scale: scale) }, glyphs: glyphs)
        }
    }
}

extension UnitThumbnails {
    /// The main network's pictures through the panel cache: while training runs or after `n`,
    /// the last values stand in while the new ones are computed from a snapshot on another
    /// thread (PanelCache.swift); values for a new size are missing until computed. `slot`: the
    /// cache's name for them (the diagram's small pictures and the enlarged one differ in size).
    static func cached(_ s: AppState, network: MLPNetwork, slot: String = "thumbnails") -> UnitThumbnails {
        var t = UnitThumbnails(network: network, data: s.trainer.data, glyphs: s.glyphs)
        let glyphs = s.glyphs
        t.source = { layer, width, height in
            s.panelCache.value("\(slot)\(layer)", s, inputs: [layer, width, height], background: { trainer in
                // The snapshot is of the same MLP; a model without one has no pictures.
                trainer.mlp.map { UnitThumbnails(network: $0, data: trainer.data, glyphs: glyphs)
                    .values(layer: layer, width: width, height: height) } ?? ([], 1)
            })
        }
        return t
    }
}
