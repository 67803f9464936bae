import DropoutCore
import Foundation

/// The real numbers of one unit of one dropout position, in training (the first example of the
/// last mini-batch) and in eval mode (the same example through `predict`): what the maths
/// panel prints next to the formulas, read from the network rather than recomputed, so that
/// the panel can never teach a formula the code does not run.
struct MathsReadout: Equatable {
    /// The position (0 = input) and the unit (the selected unit modulo the width).
    var position: Int
    var unit: Int
    var width: Int
    /// What the position does: the variant, or its Bernoulli fallback on the input.
    var variant: DropoutVariant
    var scaling: Scaling
    var rate: Float

    struct Train: Equatable {
        /// The unit's value entering dropout (`dropoutInput(d)`), its multiplier in the mask
        /// (unit mask: 0, 1, `1/(1-p)` or a Gaussian gate) and the product passed on.
        var x: Float
        var m: Float
        var y: Float
        /// Standout: `π` of this step.
        var keep: Float?
        /// DropConnect: the unit's incoming connections this step, true where dropped.
        var droppedInputs: [Bool]?
    }
    /// Nil before the first step (no mask has been drawn yet).
    var train: Train?

    struct Eval: Equatable {
        var x: Float
        /// What eval mode passes on (`evalDropoutOutput(d)`).
        var y: Float
        /// Standout: `π` from the eval pre-activation; DropConnect: the pre-activation mean μ.
        var keep: Float?
        var preActivation: Float?
    }
    var eval: Eval

    /// The state of the running drop statistics of the position (nil before the first step).
    var statistics: DropStatistics.Position?

    /// The readout of `net`, the trainer's MLP (the maths panel is the MLP's).
    init(_ s: AppState, network net: MLPNetwork) {
        let d = min(max(0, s.selectedLayer), net.dropout.count - 1)
        let layer = net.dropout[d]
        position = d
        width = layer.width
        unit = ((s.selectedUnit % layer.width) + layer.width) % layer.width
        variant = layer.effectiveVariant
        scaling = layer.scaling
        rate = layer.rate
        statistics = s.trainer.dropStatistics[position: d]
        let j = unit
        let trained = s.trainer.currentStep > 0 && layer.mask.rows > 0 && net.dropoutInput(0).rows > 0
        // The example: row 0 of the last batch (its raw features enter input dropout), else the
        // first training example, as the diagram shows.
        let example = ExampleForwards.mathsExample(s, net, position: d)
        if trained {
            let x = net.dropoutInput(d)[0, j], m = layer.mask[0, j]
            var t = Train(x: x, m: m, y: x * m)
            if variant == .standout, layer.keep.rows > 0 { t.keep = layer.keep[0, j] }
            if variant == .dropconnect, layer.weightMaskApplied, layer.weightMask.cols == layer.width {
                t.droppedInputs = (0..<layer.weightMask.rows).map { layer.weightMask[$0, j] == 0 }
            }
            train = t
        } else {
            train = nil
        }
        // The eval pass is derived state computed in `update` (ExampleForward.swift).
        let forward = s.exampleForwards.dense(net, input: example, step: s.trainer.currentStep)
        var e = Eval(x: forward.inputs[d][j], y: forward.outputs[d][j])
        if d >= 1 && layer.isActive {
            let a = forward.preActivations[d][j]
            if variant == .standout {
                e.keep = layer.standoutKeep(preActivation: a)
            } else if variant == .dropconnect {
                e.preActivation = a
            }
        }
        eval = e
    }
}
