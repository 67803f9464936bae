import DropoutCore
import TermUI

enum ConfusionPanel {
    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        _ = buffer.put("not yet", x: area.x, y: area.y, style: Style(dim: true), maxWidth: area.width)
    }
}
