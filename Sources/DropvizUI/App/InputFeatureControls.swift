import DropoutCore

/// `f` and `F`: the input features of a 2-D data set (InputFeatures.swift), as in TensorFlow
/// Playground. `f` selects the next of the seven, `F` turns it on or off; a change of the
/// network's inputs is a new network, so training restarts with the same seed (same data,
/// same batches) and the notice says so.
extension AppState {
    /// The features the network sees now.
    public var activeFeatures: [InputFeature] { trainer.config.inputFeatures ?? InputFeature.standard }

    /// Whether the run has an input plane whose features can change: an MLP on 2-D points.
    var hasInputPlane: Bool { trainer.mlp != nil && trainer.data.planeValidation.featureCount == 2 }

    /// The input unit of the selected feature, nil when none is selected or it is off.
    var selectedFeatureUnit: Int? { selectedFeature.flatMap { activeFeatures.firstIndex(of: $0) } }

    mutating func selectNextFeature() {
        guard hasInputPlane else { notice = tr(.featuresNeedPlane); return }
        let f = selectedFeature?.next ?? .x1
        selectedFeature = f
        notice = tr(selectedFeatureUnit == nil ? .featureSelectedOff : .featureSelectedOn, f.symbol(glyphs: glyphs))
    }

    mutating func toggleSelectedFeature() {
        guard hasInputPlane else { notice = tr(.featuresNeedPlane); return }
        let f = selectedFeature ?? .x1
        selectedFeature = f
        var chosen = Set(activeFeatures)
        if chosen.contains(f) {
            // The network needs an input: the last feature stays.
            guard chosen.count > 1 else { notice = tr(.featureLastOne, f.symbol(glyphs: glyphs)); return }
            chosen.remove(f)
        } else {
            chosen.insert(f)
        }
        let list = InputFeature.ordered(chosen)
        var c = trainer.config
        // The coordinates alone are a run without features: its state string stays as it was.
        c.inputFeatures = list == InputFeature.standard ? nil : list
        if rebuild(c, reason: "") {
            notice = tr(.featuresRestart, list.map { $0.symbol(glyphs: glyphs) }.joined(separator: ", "))
        }
    }
}
