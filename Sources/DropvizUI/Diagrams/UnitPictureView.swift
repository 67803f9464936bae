import DropoutCore
import TermUI

/// The selected unit's picture enlarged in the data panel (`j`/`k` or a click on a unit): what
/// it computes over the input plane in eval mode, on the ramp of the diagram's thumbnails
/// (UnitThumbnails.swift), with the training points on top and a title naming the unit.
enum UnitPictureView {
    /// The picture, separately so tests can check it; nil while its values are computed
    /// (PanelCache.swift).
    static func heatMap(_ s: AppState, mapArea: Rect) -> (map: HeatMap, scale: Float)? {
        // The data panel offers the picture for an MLP only (`UnitThumbnails.available`).
        guard let net = s.trainer.mlp else { return nil }
        let (w, h) = HeatMap.pixelSize(for: mapArea, glyphs: s.glyphs)
        guard let (units, scale) = UnitThumbnails.cached(s, network: net, slot: "unit picture").source?(s.selectedLayer, w, h), !units.isEmpty else { return nil }
        let unit = min(s.selectedUnit, units.count - 1)
        var map = HeatMap(width: w, height: h, levels: units[max(0, unit)].map { UnitThumbnails.level($0, scale: scale) }, glyphs: s.glyphs)
        map.points = DecisionBoundaryView.points(s.trainer.data, glyphs: s.glyphs, mapArea: mapArea, width: w, height: h, validation: false) { label, _ in
            Style(bold: true).fg(PanelSupport.pointColor(label))
        }
        return (map, scale)
    }

    /// The title: `hidden1 unit 3 over the plane (eval)` (units counted from 1), in Chinese
    /// `隐藏层1 单元 3：平面上的激活（评估）`.
    static func title(_ s: AppState) -> String {
        let zh = s.lang == .zh
        let layer = s.selectedLayer == 0 ? (zh ? s.tr(.input) : "input")
            : (zh ? s.tr(.hiddenN, s.selectedLayer) : "hidden\(s.selectedLayer)")
        return s.tr(.unitPictureTitle, layer, s.selectedUnit + 1)
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        guard area.height >= 4 else { return }
        PanelSupport.line(title(s), row: 0, in: area, style: Style(bold: true), glyphs: s.glyphs, into: &buffer)
        let mapArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 3)
        // Not cached as a whole: its values are (heatMap), and a map made from values that stood
        // in while new ones were computed must not outlive them.
        guard let (map, scale) = heatMap(s, mapArea: mapArea) else {
            ComputingPlaceholder.render(s, area: mapArea, into: &buffer)
            return
        }
        map.render(area: mapArea, into: &buffer)
        let m = PanelText.num(Double(scale))
        let minus = s.glyphs.isUnicode ? "−" : "-"
        PanelSupport.line(s.tr(.unitPictureScale, minus, m), row: area.height - 2, in: area,
                          style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
        PanelSupport.line(s.tr(.unitPictureKeys), row: area.height - 1, in: area,
                          style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
    }
}
