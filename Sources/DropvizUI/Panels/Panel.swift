import DropoutCore
import TermUI

/// The panel beside the loss plot, cycled with `p`.
public enum Panel: String, CaseIterable, Sendable {
    case none
    /// The data with the decision boundary (2-D), the fitted curve (regression), or the current
    /// digit (UCI digits) with the input units dropped by input dropout.
    case data
    /// The mathematics of the current variant: formula, the selected unit's numbers, drop
    /// frequencies, the regularisation view.
    case maths
    /// Correlations between the selected hidden layer's units over the validation set.
    case coadaptation
    /// Monte Carlo dropout on the current validation example.
    case uncertainty
    /// The validation confusion matrix.
    case confusion
    /// A rate sweep running in the background, filling in as networks finish.
    case sweep
    /// Dropout as an ensemble: thinned subnetworks, their average, the eval map (EnsemblePanel).
    case ensemble

    public var title: String {
        switch self {
        case .none: return ""
        case .data: return "data"
        case .maths: return "maths"
        case .coadaptation: return "co-adaptation"
        case .uncertainty: return "MC dropout"
        case .confusion: return "confusion"
        case .sweep: return "sweep"
        case .ensemble: return "ensemble"
        }
    }
}

/// Draws the current panel into `area` (a titled box).
public enum PanelView {
    public static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        guard s.panel != .none, area.width >= 12, area.height >= 4 else { return }
        Box(title: " \(s.lang.translate(s.panel.title)) ", glyphs: s.glyphs).render(area: area, into: &buffer)
        let inner = area.inset(by: 1)
        // The other panels read the dense network's units; a CNN has the confusion panel.
        if s.trainer.mlp == nil && s.panel != .confusion {
            PanelSupport.line(s.tr(.notForModel, s.trainer.model.kind.rawValue), row: 0, in: inner, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
            return
        }
        switch s.panel {
        case .none: break
        case .data: DataPanel.render(s, area: inner, into: &buffer)
        case .maths: MathsPanel.render(s, area: inner, into: &buffer)
        case .coadaptation: CoadaptationPanel.render(s, area: inner, into: &buffer)
        case .uncertainty: UncertaintyPanel.render(s, area: inner, into: &buffer)
        case .confusion: ConfusionPanel.render(s, area: inner, into: &buffer)
        case .sweep: SweepPanel.render(s, area: inner, into: &buffer)
        case .ensemble: EnsemblePanel.render(s, area: inner, into: &buffer)
        }
    }
}
