import DropoutCore
import TermUI

/// The data view over most of the screen (`z`): everything between the title and the status
/// line. With the same-seed twin on, the two networks' data views side by side, each titled
/// with its rates; the decision maps use one colour scale (p of the same class through the same
/// ramp), so equal colours mean equal probabilities on both sides.
enum LargeDataView {
    /// The screen area the large view takes.
    static func area(_ s: AppState) -> Rect {
        Rect(x: 0, y: 1, width: s.width, height: max(0, s.height - 3))
    }

    /// The boxes of the large view: one, or the main and the twin's side by side.
    static func boxes(_ s: AppState) -> [Rect] {
        let whole = area(s)
        guard s.twin != nil else { return [whole] }
        let left = whole.width / 2
        return [Rect(x: whole.x, y: whole.y, width: left, height: whole.height),
                Rect(x: whole.x + left, y: whole.y, width: whole.width - left, height: whole.height)]
    }

    /// The map area of the main network's decision map where it is drawn now (large view or
    /// panel beside the plot): what decides whether validation points are sparse enough.
    static func mainMapArea(_ s: AppState) -> Rect {
        let inner: Rect
        if s.largeData, let box = boxes(s).first {
            inner = box.inset(by: 1)
        } else {
            // As View.swift places the panel beside the plot.
            let plot = ScreenLayout(width: s.width, height: s.height).plot
            let panelWidth = max(30, min(plot.width / 2, 2 * plot.height + 24))
            inner = plot.splitColumns([.fill, .fixed(panelWidth)])[1].inset(by: 1)
        }
        let legendRows = inner.height >= 10 ? 2 : 1
        return Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - legendRows))
    }

    /// The box titles: which network, at which rates.
    static func titles(_ s: AppState) -> [String] {
        guard s.twin != nil else { return [s.tr(.largeDataTitle)] }
        let rates = s.trainer.config.rates.dropFirst().map { Trainer.format($0) }
        let yours = s.tr(.yoursTitle, "\(rates.first ?? "0")\(Set(rates).count > 1 ? "…" : "")")
        return [yours, s.tr(.twinSameScale, s.twinLabel)]
    }

    static func render(_ s: AppState, into buffer: inout Buffer) {
        let whole = area(s)
        guard whole.width >= 20, whole.height >= 6 else { return }
        buffer.fill(whole, " ")
        let boxes = boxes(s), titles = titles(s)
        for (k, box) in boxes.enumerated() {
            Box(title: s.glyphs.spell(titles[k]), glyphs: s.glyphs).render(area: box, into: &buffer)
        }
        let inner = boxes[0].inset(by: 1)
        DataPanel.render(s, area: inner, into: &buffer)
        if let twin = s.twin, boxes.count == 2 {
            // The twin through the same drawing code, from a state whose trainer is the twin;
            // its map cached in a slot of its own so the two do not evict each other.
            var t = s
            t.trainer = twin
            t.unitPicture = false
            t.uncertaintyMap = false
            let twinArea = boxes[1].inset(by: 1)
            if DataPanel.kind(t) == .boundary {
                DecisionBoundaryView.render(t, slot: "boundary-twin", area: twinArea, into: &buffer)
            } else {
                DataPanel.render(t, area: twinArea, into: &buffer)
            }
        }
    }
}
