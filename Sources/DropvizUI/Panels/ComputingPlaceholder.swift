import TermUI

/// What a panel shows for the frames its very first value takes to compute on the other core
/// (PanelCache.swift): one dim word at the top of its area. Later values replace the shown
/// one without it.
enum ComputingPlaceholder {
    static func text(_ s: AppState) -> String {
        s.lang == .zh ? "计算中…" : (s.glyphs.isUnicode ? "computing…" : "computing...")
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        PanelSupport.line(text(s), row: 0, in: area, style: Style(dim: true), glyphs: s.glyphs, into: &buffer)
    }
}
