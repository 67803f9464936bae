import DropoutCore
import Foundation
import TermUI

/// What the diagram shows for the current state: for the first example of the last
/// mini-batch, each unit dropped or kept with its activation (train view), or the eval-mode
/// activations of the same example (eval view).
extension NetworkDiagram {
    /// The diagram of `net`, whose dropout position `d` is the model's position
    /// `firstPosition + d`: the MLP itself (`s.trainer.mlp`, 0), or a CNN's dense part after
    /// its conv positions (ConvDiagram.swift).
    public init(state s: AppState, network net: MLPNetwork, firstPosition offset: Int = 0) {
        let arch = net.architecture
        var units: [[UnitState]] = []
        var labels: [(name: String, rate: String, count: String)] = []
        let trained = s.trainer.currentStep > 0 && net.dropout[0].mask.rows > 0
        // The example shown: row 0 of the last batch, or the first training example; its eval
        // pass is derived state computed in `update` (ExampleForward.swift), read here.
        let input = ExampleForwards.diagramExample(s, net, firstPosition: offset)
        let evalMode = s.evalView || !trained
        let forward = s.exampleForwards.dense(net, input: input, step: s.trainer.currentStep)
        let output = forward.output
        for d in 0..<net.dropout.count {
            let layer = net.dropout[d]
            let training = net.dropoutInput(d)
            let width = layer.width
            let values = (0..<width).map { abs(evalMode ? forward.inputs[d][$0] : training[0, $0]) }
            let scale = max(values.max() ?? 0, 1e-6)
            let variant = layer.effectiveVariant
            let description = VariantDescription.of(layer)
            var states: [UnitState] = []
            var dropped = 0
            for j in 0..<width {
                let level = Double(values[j] / scale)
                let state: UnitState = evalMode ? .kept(level: level) : description.unitState(layer, j, level)
                if state == .dropped { dropped += 1 }
                states.append(state)
            }
            units.append(states)
            let name = offset > 0 ? "\(s.trainer.model.positionNames[offset + d]) \(width)" : d == 0 ? s.tr(.inputN, width) : s.tr(.hiddenWidth, d, width)
            let rate = String(format: "p=%.2f", layer.rate) + Self.observed(s.trainer.dropStatistics[position: offset + d], variant: variant, rate: layer.rate, language: s.lang)
            let count = evalMode ? description.evalCount(layer, s) ?? s.tr(.evalNoneDropped) : description.trainCount(layer, dropped, s)
            labels.append((name, rate, count))
        }
        // The output layer: class probabilities (or the regression value).
        var out: [UnitState] = []
        let k = arch.outputs
        if arch.task.isClassification {
            let maxZ = (0..<k).map { output[$0] }.max() ?? 0
            let e = (0..<k).map { exp(Double(output[$0] - maxZ)) }
            let total = e.reduce(0, +)
            out = e.map { .kept(level: $0 / total) }
        } else {
            out = (0..<k).map { _ in .kept(level: 1) }
        }
        units.append(out)
        labels.append((s.tr(.outputN, k), arch.task.isClassification ? "softmax" : s.tr(.linear), ""))
        let caption = s.tr(evalMode ? .evalNoneDropped : .batchExample)
        // The hidden layers' variant (the input position falls back to Bernoulli's ✕).
        let hiddenVariant = net.dropout.count > 1 ? net.dropout[1].effectiveVariant : net.dropout[0].effectiveVariant
        self.init(units: units, labels: labels, selected: s.selectedLayer - offset, rateTargets: Set(s.rateTargets.map { $0 - offset }), glyphs: s.glyphs, caption: caption,
                  legend: Self.legendEntries(variant: hiddenVariant, evalMode: evalMode, glyphs: s.glyphs, language: s.lang),
                  selectedUnit: s.panel == .maths || s.unitPicture ? s.selectedUnit : nil,
                  connections: Self.connections(of: net, evalMode: evalMode))
        language = s.lang
        // Only the trainer's own MLP has pictures (a CNN's dense part has no input plane), and
        // they come through the panel cache: `view` runs no grid pass of its own.
        if UnitThumbnails.available(s), net === s.trainer.mlp {
            thumbnails = UnitThumbnails.cached(s, network: net)
        }
        if offset == 0, s.hasInputPlane {
            inputLabels = s.activeFeatures.map { $0.symbol(glyphs: s.glyphs) }
            inputShortLabels = s.activeFeatures.map { $0.shortSymbol(glyphs: s.glyphs) }
            highlightedInput = s.selectedFeatureUnit
        }
    }

    /// The connections of every pair of adjacent layers (dense layer `d` joins position `d`
    /// to position `d + 1`, the last one to the output).
    ///
    /// - Train view: the weights `W`; a connection is gone when the unit at either end was
    ///   dropped in this step for the batch's first example (Bernoulli, standout), or, under
    ///   DropConnect, when the step's weight mask dropped it (one mask for the whole batch).
    ///   Gaussian gates drop nothing.
    /// - Eval view: every connection, with the weight evaluation uses: `W` times `1-p` of the
    ///   position in front under vanilla scaling (which scales its units at evaluation), and
    ///   times DropConnect's `E[M]` where the dense layer's weights are masked.
    static func connections(of net: MLPNetwork, evalMode: Bool) -> [ConnectionSet] {
        net.dense.enumerated().map { d, dense in
            let w = dense.weight.value
            let from = w.rows, to = w.cols
            let source = net.dropout[d]
            let target = d + 1 < net.dropout.count ? net.dropout[d + 1] : nil
            var factor: Float = 1
            if evalMode {
                if source.effectiveVariant == .bernoulli { factor *= source.scaling.evalScale(rate: source.rate) }
                if let target, target.dropsConnections { factor *= target.connectionEvalScale }
            }
            var weights = [Float](repeating: 0, count: from * to)
            var visible = [Bool](repeating: true, count: from * to)
            let droppedFrom = evalMode ? [] : droppedUnits(source)
            let droppedTo = evalMode ? [] : target.map(droppedUnits) ?? []
            let connectionMask: Matrix? = {
                guard !evalMode, let target, target.dropsConnections, target.weightMaskApplied,
                      target.weightMask.rows == from, target.weightMask.cols == to else { return nil }
                return target.weightMask
            }()
            // The dropped units as flags: two set lookups for each of 128 × 128 connections
            // were a quarter of a frame (`bench --ui`).
            var fromDropped = [Bool](repeating: false, count: from), toDropped = [Bool](repeating: false, count: to)
            for i in droppedFrom where i >= 0 && i < from { fromDropped[i] = true }
            for j in droppedTo where j >= 0 && j < to { toDropped[j] = true }
            for i in 0..<from {
                for j in 0..<to {
                    weights[i * to + j] = w[i, j] * factor
                    if fromDropped[i] || toDropped[j] || connectionMask.map({ $0[i, j] == 0 }) == true {
                        visible[i * to + j] = false
                    }
                }
            }
            return ConnectionSet(from: from, to: to, weights: weights, visible: visible)
        }
    }

    /// The units of a position dropped for the batch's first example (a zero in the mask of a
    /// Bernoulli or standout position; Gaussian gates and DropConnect drop no unit).
    static func droppedUnits(_ layer: DropoutLayer) -> Set<Int> {
        guard layer.mask.rows > 0, VariantDescription.of(layer).dropsUnits else { return [] }
        return Set((0..<layer.width).filter { layer.mask[0, $0] == 0 })
    }

    /// The running drop statistic beside the rate, so a wrong mask shows at once (DROPOUT.md's
    /// pitfall): the observed drop fraction, or the Gaussian gates' variance (→ p/(1-p)).
    static func observed(_ st: DropStatistics.Position?, variant: DropoutVariant, rate: Float, language: Language = .en) -> String {
        guard let st, rate > 0 else { return "" }
        return VariantDescription.of(variant, scaling: .inverted).observed(st, language)
    }

    /// What the marks mean for the hidden layers' variant, in a few words: each entry is one
    /// legend row (about 14 columns).
    public static func legendEntries(variant: DropoutVariant, evalMode: Bool, glyphs: Glyphs, language l: Language = .en) -> [String] {
        if evalMode { return ["\(String(glyphs.shades.dropFirst())) |x|", l.text(.noneDropped)] }
        // The marks do not depend on the scaling: any will do.
        return VariantDescription.of(variant, scaling: .inverted).legend(glyphs, l)
    }
}
