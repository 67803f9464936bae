import DropoutCore
import TermUI

/// The data panel: what the network makes of the data, redrawn every frame from the live
/// network. Which picture depends on the data set:
/// - 2 features, classification: the decision boundary over the data (DecisionBoundaryView);
/// - 1 feature, regression: the fitted curve through the points (RegressionFitView);
/// (for these two, `m` switches to what Monte Carlo dropout says: the σ map, the ±2σ band);
/// - the UCI digits: the current example as an image with this step's input dropout (DigitView);
/// - anything else: the current example's features as colour strips (FeatureStripView).
enum DataPanel {
    enum Kind: Equatable {
        case boundary, regressionCurve, digits, features
    }

    static func kind(_ s: AppState) -> Kind {
        // The points, not the network's inputs: a run with input features is still 2-D.
        let data = s.trainer.data.planeValidation
        switch (data.task, data.featureCount) {
        case (.classification, 2): return .boundary
        case (.regression(outputs: 1), 1): return .regressionCurve
        case (.classification, _) where DigitView.geometry(dataset: s.trainer.config.dataset, featureCount: data.featureCount) != nil: return .digits
        default: return .features
        }
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        guard area.width >= 8, area.height >= 3, s.trainer.data.validation.count > 0 else { return }
        switch kind(s) {
        case .boundary where s.unitPicture: UnitPictureView.render(s, area: area, into: &buffer)
        case .boundary: DecisionBoundaryView.render(s, area: area, into: &buffer)
        case .regressionCurve: RegressionFitView.render(s, area: area, mc: s.uncertaintyMap, into: &buffer)
        case .digits: DigitView.render(s, area: area, into: &buffer)
        case .features: FeatureStripView.render(s, area: area, into: &buffer)
        }
    }

    /// The box around every example of both sets, with a margin, in standardised units.
    static func bounds(_ s: AppState, feature j: Int) -> (low: Double, high: Double) {
        bounds(s.trainer.data, feature: j)
    }

    static func bounds(_ data: DataSplit, feature j: Int) -> (low: Double, high: Double) {
        var low = Double.infinity, high = -Double.infinity
        for set in [data.planeTrain, data.planeValidation] {
            for r in 0..<set.count {
                let v = Double(set.features[r, j])
                if v.isFinite { low = min(low, v); high = max(high, v) }
            }
        }
        guard low.isFinite, high.isFinite else { return (-1, 1) }
        let margin = max(0.05 * (high - low), 1e-3)
        return (low - margin, high + margin)
    }
}

extension AppState {
    /// `m`: the data panel's Monte Carlo view on or off (the σ map of a 2-D classifier, the
    /// ±2σ band of a 1-D regression). From another panel it opens the data panel with it on,
    /// so the key always shows what it names.
    mutating func toggleUncertaintyMap() {
        let kind = DataPanel.kind(self)
        guard kind == .boundary || kind == .regressionCurve, trainer.mlp != nil else {
            notice = tr(.mcMapNeeds)
            return
        }
        uncertaintyMap = panel == .data ? !uncertaintyMap : true
        panel = .data
        let what = tr(kind == .boundary ? .mcMapPlane : .mcBandX)
        notice = uncertaintyMap ? tr(.mcMapOn, what, mcSamples) : tr(.mcMapOff)
    }
}
