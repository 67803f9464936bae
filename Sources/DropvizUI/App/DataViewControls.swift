import DropoutCore
import TermUI

/// The keys of the data view: `z` (the large view), `o` (validation points), `O` (class
/// regions), and the unit picture that `j`/`k` or a click on a unit bring up.
extension AppState {
    /// Whether the data view has a map of the input plane (2-D classification on an MLP).
    var hasPlaneMap: Bool { trainer.mlp != nil && DataPanel.kind(self) == .boundary }

    /// `z`: the data view over most of the screen, or back. It opens the data panel, so the
    /// key always shows what it names.
    mutating func toggleLargeData() {
        guard trainer.mlp != nil else {
            notice = tr(.largeDataNotDense, trainer.model.kind.rawValue)
            return
        }
        largeData.toggle()
        if largeData { panel = .data }
        let twinNote = tr(twin == nil ? .largeDataAddTwin : .largeDataSideBySide)
        notice = largeData ? tr(.largeDataOn, twinNote) : tr(.largeDataOff)
    }

    /// `o`: the validation points shown or hidden, whatever is shown now.
    mutating func toggleValidationPoints() {
        guard hasPlaneMap else {
            notice = tr(.valPointsNeed2D)
            return
        }
        let shown = DecisionBoundaryView.pointSets(trainer.data, mapArea: LargeDataView.mainMapArea(self), validation: validationPoints).count == 2
        validationPoints = !shown
        if panel != .data { panel = .data }
        notice = shown ? tr(.valPointsHidden) : tr(.valPointsShown, glyphs.isUnicode ? "○" : "+", glyphs.isUnicode ? "●" : "o")
    }

    /// `O`: the map as class regions without shading, or back to p(class).
    mutating func toggleDiscreteMap() {
        guard hasPlaneMap else {
            notice = tr(.classRegionsNeed2D)
            return
        }
        discreteMap.toggle()
        if panel != .data { panel = .data }
        notice = tr(discreteMap ? .classRegionsOn : .classRegionsOff)
    }

    /// After `j`/`k`: the data panel shows the selected unit's picture when there is a plane to
    /// draw it over and the maths panel is not the one reading the unit.
    mutating func showUnitPictureIfUseful() {
        guard hasPlaneMap, panel != .maths else { return }
        unitPicture = true
        panel = .data
    }

    /// A click on a unit of the diagram (its cell or its thumbnail) selects it and shows its
    /// picture. The layer is already selected by the caller.
    mutating func selectClickedUnit(x: Int, y: Int) {
        guard let mlp = trainer.mlp else { return }
        let layout = ScreenLayout(width: width, height: height)
        let frames = NetworkDiagram.layout(widths: mlp.architecture.widths, in: layout.diagram,
                                           thumbnails: UnitThumbnails.available(self))
        guard selectedLayer < frames.count else { return }
        let f = frames[selectedLayer]
        for u in 0..<f.shown where f.unitRect(u).contains(x: x, y: y) {
            selectedUnit = u
            showUnitPictureIfUseful()
            return
        }
    }
}
