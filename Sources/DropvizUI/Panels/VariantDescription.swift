import DropoutCore
import Foundation
import TermUI

/// Everything the screen says about one dense dropout variant, in one place: the formula line,
/// the maths panel (formulas, the note, the unit's numbers, the statistic it converges to) and
/// how the diagram marks what was dropped. The formula line, `MathsPanel` and the diagram read
/// this description instead of each switching on the variant, so adding or rewording a variant
/// is one edit here. Every quantity (π, the gates' σ, DropConnect's `E[M]`, the eval scale)
/// comes from DropoutCore; nothing here recomputes the model's maths.
struct VariantDescription: Sendable {
    /// The name the maths panel shows beside `p` (translated there).
    let name: String
    /// The formula line's forms for a whole-network setting, longest first.
    let formulaLine: @Sendable (TrainingConfig, Language) -> [String]
    /// The maths panel's formulas for one position: training, then evaluation.
    let formulas: @Sendable (DropoutLayer, Language) -> (train: String, eval: String)
    /// The maths panel's line that says why (a missing rescaling, standout's gate, DropConnect's eval).
    let note: @Sendable (DropoutLayer, Language) -> PanelLine?
    /// The selected unit's numbers in training and at evaluation.
    let trainNumbers: @Sendable (MathsReadout.Train, Language) -> PanelLine
    let evalNumbers: @Sendable (MathsReadout.Eval, Language) -> PanelLine
    /// The running statistic against what it converges to (rate, readout).
    let statistic: @Sendable (DropStatistics.Position, MathsReadout, Language) -> PanelLine
    /// Whether the maths panel draws the selected unit's incoming connections (DropConnect).
    let showsConnections: Bool
    /// How the diagram marks unit `j` of a training step (its activation's level given).
    let unitState: @Sendable (DropoutLayer, _ unit: Int, _ level: Double) -> NetworkDiagram.UnitState
    /// Whether a zero in the unit mask removes the unit with its connections (the thinned network).
    let dropsUnits: Bool
    /// The diagram's count under a position in training (dropped units counted by the caller).
    let trainCount: @Sendable (DropoutLayer, _ dropped: Int, AppState) -> String
    /// The diagram's count in eval view, when the variant says more than "none dropped".
    let evalCount: @Sendable (DropoutLayer, AppState) -> String?
    /// The running statistic beside the rate in the diagram's label.
    let observed: @Sendable (DropStatistics.Position, Language) -> String
    /// The diagram legend's rows in training.
    let legend: @Sendable (Glyphs, Language) -> [String]

    /// The description of what `layer` does (its variant, or Bernoulli on the input).
    static func of(_ layer: DropoutLayer) -> VariantDescription { of(layer.effectiveVariant, scaling: layer.scaling) }

    static func of(_ variant: DropoutVariant, scaling: Scaling) -> VariantDescription {
        switch variant {
        case .bernoulli: return bernoulli(scaling)
        case .gaussian: return gaussian
        case .dropconnect: return dropconnect
        case .standout: return standout
        }
    }

    static let labelStyle = MathsPanel.labelStyle
    static let valueStyle = MathsPanel.valueStyle
    static func n(_ v: Float) -> String { PanelText.num(v) }

    /// The share of a position's draws that dropped, as the diagram's label shows it.
    static func seen(_ st: DropStatistics.Position, _ l: Language) -> String {
        st.totalDraws > 0 ? l.text(.seenN, String(format: "%.1f", st.dropFraction * 100)) : ""
    }

    static func droppedOf(_ layer: DropoutLayer, dropped: Int, _ s: AppState) -> String { s.tr(.droppedOf, dropped, layer.width) }

    /// Units dropped with probability `p`; kept ones scaled as `Scaling` says.
    static func bernoulli(_ scaling: Scaling) -> VariantDescription {
        VariantDescription(
            name: scaling.rawValue,
            formulaLine: { c, l in
                switch c.scaling {
                case .inverted: return [l.text(.formulaInverted)]
                case .vanilla: return [l.text(.formulaVanilla)]
                case .none: return [l.text(.formulaNone), l.text(.formulaNoneShort)]
                }
            },
            formulas: { _, _ in
                switch scaling {
                case .inverted: return ("y=x·m/(1-p)", "y=x")
                case .vanilla: return ("y=x·r", "y=(1-p)·x")
                case .none: return ("y=x·r", "y=x")
                }
            },
            note: { layer, l in
                guard scaling == .none, layer.rate > 0 else { return nil }
                // What inverted scaling would have multiplied by, which eval now lacks.
                return PanelLine([(l.text(.evalSeesMore, n(Scaling.inverted.keptScale(rate: layer.rate))), MathsPanel.warnStyle)])
            },
            trainNumbers: { t, l in
                let m = scaling == .inverted ? "m" : "r"
                var line = PanelLine([(l.text(.trainLabel), labelStyle), ("x=\(n(t.x)) \(m)=\(n(t.m)) → ", .plain), ("y=\(n(t.y))", valueStyle)])
                if t.m == 0 { line.segments.append((text: " ✕", style: NetworkDiagram.droppedStyle)) }
                return line
            },
            evalNumbers: { e, l in
                let y = scaling == .vanilla ? "(1-p)·x=\(n(e.y))" : "y=\(n(e.y))"
                return PanelLine([(l.text(.evalLabel), labelStyle), ("x=\(n(e.x)) → ", .plain), (y, valueStyle)])
            },
            statistic: { st, r, l in
                PanelLine([(l.text(.droppedLabel), labelStyle), (PanelText.percent(st.dropFraction), valueStyle),
                           (" ≈ p=\(PanelText.num(r.rate)) n=\(CompactNumber.format(Double(st.totalDraws)))", .plain)])
            },
            showsConnections: false,
            unitState: { layer, j, level in layer.mask[0, j] == 0 ? .dropped : .kept(level: level) },
            dropsUnits: true,
            trainCount: { layer, dropped, s in droppedOf(layer, dropped: dropped, s) },
            evalCount: { layer, s in
                guard scaling == .vanilla, layer.rate > 0 else { return nil }
                let factor = String(format: "%.2f", scaling.evalScale(rate: layer.rate))
                return s.glyphs.isUnicode ? s.tr(.evalTimes, factor) : "eval x" + factor
            },
            observed: seen,
            legend: { glyphs, l in [l.text(.glyphDropped, String(glyphs.unitDropped)), "\(String(glyphs.shades.dropFirst())) |x|"] })
    }

    /// Multiplicative gates `g ~ N(1, p/(1-p))`: no unit is ever exactly dropped.
    static let gaussian = VariantDescription(
        name: "gaussian",
        formulaLine: { _, l in [l.text(.formulaGaussian)] },
        formulas: { _, _ in ("y=x·g, g~N(1,p/(1-p))", "y=x") },
        note: { _, _ in nil },
        trainNumbers: { t, l in
            PanelLine([(l.text(.trainLabel), labelStyle), ("x=\(n(t.x)) g=\(n(t.m)) → ", .plain), ("y=\(n(t.y))", valueStyle)])
        },
        evalNumbers: { e, l in PanelLine([(l.text(.evalLabel), labelStyle), ("x=\(n(e.x)) → ", .plain), ("y=\(n(e.y))", valueStyle)]) },
        statistic: { st, r, l in
            let target = DropoutLayer.gaussianGateVariance(rate: Double(r.rate))
            return PanelLine([(l.text(.varG), labelStyle), (PanelText.num(st.gateVariance, digits: 3), valueStyle),
                              (" ≈ p/(1-p)=\(PanelText.num(target, digits: 3))", .plain)])
        },
        showsConnections: false,
        // No gate is ever exactly 0: the gate itself is what there is to see.
        unitState: { layer, j, _ in .gate(Double(layer.mask[0, j]), sigma: Double(DropoutLayer.gaussianGateDeviation(rate: layer.rate))) },
        dropsUnits: false,
        trainCount: { layer, _, s in
            let gates = (0..<layer.width).map { layer.mask[0, $0] }
            return String(format: "g %.2f", gates.min() ?? 1) + (s.glyphs.isUnicode ? "…" : "..") + String(format: "%.2f", gates.max() ?? 1)
        },
        evalCount: { _, _ in nil },
        observed: { st, l in st.gateCount > 0 ? l.text(.varN, String(format: "%.2f", st.gateVariance)) : "" },
        legend: { glyphs, l in ["\(String(glyphs.shades.dropFirst())) |g-1|", l.text(.blueRed)] })

    /// Weights masked, `M ~ B(1-p)`: units pass unchanged, a share of each unit's inputs is gone.
    static let dropconnect = VariantDescription(
        name: "dropconnect",
        formulaLine: { c, l in
            let inference = c.dropConnectInference == .momentMatching
                ? l.text(.momentMatching, c.dropConnectSamples) : l.text(.meanFieldFormula)
            return [L10n.formulaDropConnect, .formulaDropConnect2, .formulaDropConnect3].map { l.text($0, inference) }
        },
        formulas: { layer, l in
            ("r=a((M⊙W)v), M~B(1-p)",
             layer.connectionInference == .momentMatching ? l.text(.momentMatch, layer.inferenceSamples) : l.text(.meanFieldPanel))
        },
        note: { layer, l in
            PanelLine([(layer.connectionInference == .momentMatching ? "μ=E[M]Wv σ²=Var[M](W²)(v²), avg a(s)" : l.text(.evalIgnoresVariance), labelStyle)])
        },
        trainNumbers: { t, l in
            let dropped = t.droppedInputs?.filter { $0 }.count ?? 0
            let total = t.droppedInputs?.count ?? 0
            return PanelLine([(l.text(.trainLabel), labelStyle), ("r=", .plain), (n(t.x), valueStyle), (l.text(.inputsDroppedOf, dropped, total), .plain)])
        },
        evalNumbers: { e, l in
            guard let mu = e.preActivation else { return PanelLine([(l.text(.evalLabel), labelStyle), ("r=\(n(e.x))", valueStyle)]) }
            return PanelLine([(l.text(.evalLabel), labelStyle), ("μ=\(n(mu)) → ", .plain), ("r=\(n(e.x))", valueStyle)])
        },
        statistic: { st, r, l in
            PanelLine([(l.text(.inputsDroppedUnit), labelStyle), (PanelText.percent(st.dropFraction(unit: r.unit)), valueStyle),
                       (l.text(.layerApproxP, PanelText.percent(st.dropFraction)), .plain)])
        },
        showsConnections: true,
        unitState: { layer, j, level in
            layer.dropsConnections ? .inputsDropped(fraction: Double(layer.droppedInputFraction(unit: j))) : .kept(level: level)
        },
        dropsUnits: false,
        trainCount: { layer, _, s in
            let total = layer.weightMask.count
            let zeros = layer.dropsConnections ? layer.weightMask.data.reduce(0) { $0 + ($1 == 0 ? 1 : 0) } : 0
            return s.tr(.connDropped, total > 0 ? zeros * 100 / total : 0)
        },
        evalCount: { _, _ in nil },
        observed: seen,
        legend: { glyphs, l in
            let few = glyphs.shades[1], many = glyphs.shades[glyphs.shades.count - 1]
            return [l.text(.inputsLost), l.text(.fewMany, few, many)]
        })

    /// Keep probabilities `π = σ(α·a + β)` from each unit's own pre-activation (DropoutLayer.standoutKeep).
    static let standout = VariantDescription(
        name: "standout",
        formulaLine: { c, l in
            let ab = "α=\(Formula.fmt(c.standoutAlpha)) β=\(Formula.fmt(c.standoutBeta))"
            return [L10n.formulaStandout, .formulaStandout2, .formulaStandout3].map { l.text($0, ab) }
        },
        formulas: { _, _ in ("y=m·x, m~B(π)", "y=π·x") },
        note: { layer, _ in
            PanelLine([("π=σ(α·(w·x)+β) ", MathsPanel.formulaStyle),
                       ("α=\(n(layer.standoutAlpha)) β=\(n(layer.standoutBeta))", .plain)])
        },
        trainNumbers: { t, l in
            var line = PanelLine([(l.text(.trainLabel), labelStyle), ("x=\(n(t.x)) π=\(n(t.keep ?? 1)) m=\(n(t.m)) → ", .plain), ("y=\(n(t.y))", valueStyle)])
            if t.m == 0 { line.segments.append((text: " ✕", style: NetworkDiagram.droppedStyle)) }
            return line
        },
        evalNumbers: { e, l in
            PanelLine([(l.text(.evalLabel), labelStyle), ("x=\(n(e.x)) π=\(n(e.keep ?? 1)) → ", .plain), ("π·x=\(n(e.y))", valueStyle)])
        },
        statistic: { st, r, l in
            let unitKeep = r.train?.keep.map { PanelText.num($0) } ?? "-"
            return PanelLine([(l.text(.piUnit), labelStyle), (unitKeep, valueStyle), (l.text(.meanPi), labelStyle),
                              (PanelText.num(st.meanKeep), valueStyle), (l.text(.dropN, PanelText.percent(st.dropFraction)), .plain)])
        },
        showsConnections: false,
        unitState: { layer, j, level in
            if layer.mask[0, j] == 0 { return .dropped }
            guard layer.drawsStandout, layer.keep.rows > 0 else { return .kept(level: level) }
            return .keepProbability(Double(layer.keep[0, j]))
        },
        dropsUnits: true,
        trainCount: { layer, dropped, s in droppedOf(layer, dropped: dropped, s) },
        evalCount: { _, _ in nil },
        observed: seen,
        legend: { glyphs, l in
            let shades = String(glyphs.shades.dropFirst())
            return [l.text(.glyphDropped, String(glyphs.unitDropped)), glyphs.isUnicode ? l.text(.keepPi, shades) : "\(shades) keep pi"]
        })
}
