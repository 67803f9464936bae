import TermUI

/// Where each part of the screen goes: a title line, the network diagram, the loss plot, the
/// status line and the key hint. The diagram gets about half the height; the plot the rest.
public struct ScreenLayout: Equatable {
    public let title: Rect
    public let diagram: Rect
    /// The current variant's formula, between the diagram and the plot.
    public let formula: Rect
    public let plot: Rect
    public let status: Rect
    public let hint: Rect

    public init(width: Int, height: Int) {
        let full = Rect(x: 0, y: 0, width: width, height: height)
        title = Rect(x: 0, y: 0, width: width, height: 1)
        hint = Rect(x: 0, y: height - 1, width: width, height: 1)
        status = Rect(x: 0, y: height - 2, width: width, height: 1)
        let middle = Rect(x: 0, y: 1, width: width, height: max(0, height - 3))
        // 11 rows fit a 128-unit layer as 16 × 8 with its labels; larger screens share evenly.
        let diagramHeight = max(11, min(middle.height - 9, middle.height / 2 + 1))
        diagram = Rect(x: 0, y: middle.y, width: width, height: min(diagramHeight, middle.height))
        formula = Rect(x: 0, y: diagram.bottom, width: width, height: 1)
        plot = Rect(x: 0, y: formula.bottom, width: width, height: max(0, middle.bottom - formula.bottom))
        _ = full
    }
}
