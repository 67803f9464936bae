import DropoutCore
import TermUI

/// Pieces shared by the data, co-adaptation and confusion panels: class colours and names,
/// the current validation example, probabilities from the network's output.
enum PanelSupport {
    /// Background colours of class regions (256-colour, medium: points in `pointColor` must
    /// stand out on them). The first two are the blue and red ends of the diverging ramp's
    /// inner steps, so a binary map and a class map agree.
    static let regionColors: [Color] = [69, 210, 114, 222, 176, 116, 180, 146].map { .indexed($0) }
    /// Dark colours of the same hues for data points, drawn bold on the regions.
    static let pointColors: [Color] = [18, 88, 22, 94, 90, 30, 130, 60].map { .indexed($0) }

    static func regionColor(_ c: Int) -> Color { regionColors[c % regionColors.count] }
    static func pointColor(_ c: Int) -> Color { pointColors[c % pointColors.count] }

    /// A class name cut to `maxLength` columns (digits and toy sets are already short; a
    /// Chinese name takes two columns a character and is cut between characters).
    static func className(_ s: AppState, _ c: Int, maxLength: Int = 8) -> String {
        let names = s.trainer.data.validation.classNames
        return fitName(c < names.count ? names[c] : String(c), number: c, maxLength: maxLength)
    }

    /// `name` cut to `maxLength` columns; where not even one wide character fits, the number.
    static func fitName(_ name: String, number: Int, maxLength: Int) -> String {
        guard name.displayWidth > maxLength else { return name }
        let cut = name.clipped(toWidth: max(1, maxLength))
        return cut.isEmpty ? String(number).clipped(toWidth: max(1, maxLength)) : cut
    }

    /// `id`'s text with class `c`'s name as `{0}` (and `extra` as `{1}`, e.g. a percentage),
    /// within `width` columns: the name is cut to the room the rest leaves, never the rest
    /// (the number, the `%`), by display width.
    static func labelled(_ s: AppState, _ id: L10n, _ c: Int, _ extra: Any = "", width: Int) -> String {
        let names = s.trainer.data.validation.classNames
        return labelled(s.lang, id, name: c < names.count ? names[c] : String(c), number: c, extra, width: width)
    }

    static func labelled(_ lang: Language, _ id: L10n, name: String, number: Int, _ extra: Any = "", width: Int) -> String {
        let fixed = lang.text(id, "", extra).displayWidth
        return lang.text(id, fitName(name, number: number, maxLength: max(1, width - fixed)), extra)
    }

    /// The validation example the panels show: `exampleIndex` wrapped to the set's size.
    static func exampleRow(_ s: AppState) -> Int {
        let n = s.trainer.data.validation.count
        return n == 0 ? 0 : ((s.exampleIndex % n) + n) % n
    }

    /// Row `r` of `m` as a 1-row matrix (the network's input for one example).
    static func rowMatrix(_ m: Matrix, _ r: Int) -> Matrix {
        Matrix(rows: 1, cols: m.cols, data: Array(m.row(r)))
    }

    /// Undoes the standardisation of the data split: the feature in its own units.
    static func raw(_ s: AppState, _ value: Float, feature j: Int) -> Float {
        let d = s.trainer.data
        guard j < d.mean.count else { return value }
        return value * d.std[j] + d.mean[j]
    }

    /// Whether this step's input mask dropped feature `j` of the batch's first example. False
    /// before the first step and for variants that drop nothing on the input (Gaussian gates).
    static func inputDropped(_ s: AppState, feature j: Int) -> Bool {
        guard let mask = s.trainer.mlp?.dropout[0].mask else { return false }
        return s.trainer.currentStep > 0 && mask.rows > 0 && j < mask.cols && mask[0, j] == 0
    }

    static func inputDroppedCount(_ s: AppState) -> Int {
        (0..<(s.trainer.mlp?.architecture.inputs ?? 0)).filter { inputDropped(s, feature: $0) }.count
    }

    /// Writes a line of text clipped to `area`'s width on row `row` (relative); nothing if the
    /// row is outside.
    @discardableResult
    static func line(_ text: String, row: Int, in area: Rect, x: Int = 0, style: Style = .plain,
                     glyphs: Glyphs, into buffer: inout Buffer) -> Int {
        guard row >= 0, row < area.height, x < area.width else { return area.x + x }
        return buffer.put(glyphs.spell(text), x: area.x + x, y: area.y + row, style: style, maxWidth: area.width - x)
    }
}
