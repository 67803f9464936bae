import TermUI

/// A box in the middle of the screen listing every key, on as many pages as the screen needs
/// (`?` turns them, then the legend's pages).
public enum HelpOverlay {
    /// The keys' box and how its rows are placed: `columns` side by side, `perColumn` rows each,
    /// `pages` pages of `columns × perColumn` rows; every page has the same box.
    struct KeyLayout {
        var box: Rect
        var keyWidth: Int
        var entryWidth: Int
        var columns: Int
        var perColumn: Int
        var pages: Int
        var perPage: Int { columns * perColumn }
    }

    typealias KeyRow = (keys: String, action: String, locked: Bool)

    static func keyRows(glyphs: Glyphs, language: Language, presenter: PresenterControls) -> [KeyRow] {
        KeyBindings.all.map { row in
            (keys: glyphs.spell(row.keys), action: glyphs.spell(language.translate(row.action)), locked: presenter.locks(row: row.keys))
        }
    }

    /// As many columns as the width holds (but no more than the rows need) of as many rows as
    /// the height holds (a border, a blank line and the footer below them), then pages.
    static func keyLayout(_ rows: [KeyRow], footerWidth: Int, in area: Rect) -> KeyLayout {
        let keyWidth = rows.map(\.keys.displayWidth).max() ?? 0
        let entryWidth = keyWidth + 2 + (rows.map(\.action.displayWidth).max() ?? 0)
        let maxPerColumn = max(1, area.height - 4)
        let maxColumns = max(1, (area.width - 4 + 2) / (entryWidth + 2))
        let columns = min(maxColumns, max(1, (rows.count + maxPerColumn - 1) / maxPerColumn))
        let perColumn = min(maxPerColumn, max(1, (rows.count + columns - 1) / columns))
        let pages = max(1, (rows.count + columns * perColumn - 1) / (columns * perColumn))
        let width = min(area.width, max(columns * entryWidth + (columns - 1) * 2, footerWidth) + 4)
        let height = min(area.height, perColumn + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        return KeyLayout(box: box, keyWidth: keyWidth, entryWidth: entryWidth, columns: columns, perColumn: perColumn, pages: pages)
    }

    /// The footer of keys page `page` of `pages`: on one page what it always said; on several,
    /// the page, then `?` for the next page or the legend.
    static func keyFooter(page: Int, pages: Int, locked: Bool, language: Language) -> String {
        guard pages > 1 else { return language.text(locked ? .helpFooterLocked : .helpFooter) }
        return language.text(locked ? .helpDimLocked : .helpDropProbability) + language.text(.pageOf, page + 1, pages)
            + language.text(page + 1 < pages ? .legendNextPage : .helpToLegend) + language.text(.anyOtherKeyCloses)
    }

    /// Pages of keys at this size of the help's area.
    public static func keyPageCount(glyphs: Glyphs, language: Language = .en, in area: Rect) -> Int {
        let rows = keyRows(glyphs: glyphs, language: language, presenter: .init())
        return keyLayout(rows, footerWidth: 0, in: area).pages
    }

    /// Keys pages and legend pages at this screen size (for `?` to know when to close).
    public static func pageCount(glyphs: Glyphs, language: Language = .en, width: Int, height: Int) -> Int {
        keyPageCount(glyphs: glyphs, language: language, in: Rect(x: 0, y: 1, width: width, height: height - 2))
            + legendPageCount(glyphs: glyphs, language: language, width: width, height: height)
    }

    /// Keys page `page` (0-based). Keys the presenter locked are dimmed, and the footer says what
    /// dim means (a word beside each would widen the columns past an 80-column screen).
    public static func render(page: Int = 0, glyphs: Glyphs, language: Language = .en, presenter: PresenterControls = .init(), in area: Rect, into buffer: inout Buffer) {
        let rows = keyRows(glyphs: glyphs, language: language, presenter: presenter)
        let locked = rows.contains(where: \.locked)
        let pages = keyLayout(rows, footerWidth: 0, in: area).pages
        let index = min(max(page, 0), pages - 1)
        let footer = glyphs.spell(keyFooter(page: index, pages: pages, locked: locked, language: language))
        let layout = keyLayout(rows, footerWidth: footer.displayWidth, in: area)
        let box = layout.box
        buffer.fill(box, " ")
        Box(title: language.text(.keysTitle), glyphs: glyphs).render(area: box, into: &buffer)
        for (i, row) in rows.enumerated().dropFirst(index * layout.perPage).prefix(layout.perPage) {
            let k = i - index * layout.perPage
            let column = k / layout.perColumn, line = k % layout.perColumn
            guard line + 1 < box.height - 2 else { continue }
            let x = box.x + 2 + column * (layout.entryWidth + 2)
            let y = box.y + 1 + line
            _ = buffer.put(row.keys, x: x, y: y, style: row.locked ? Style(dim: true) : Style(bold: true).fg(.yellow), maxWidth: max(0, box.right - 2 - x))
            _ = buffer.put(row.action, x: x + layout.keyWidth + 2, y: y, style: row.locked ? Style(dim: true) : .plain, maxWidth: max(0, box.right - 2 - x - layout.keyWidth - 2))
        }
        _ = buffer.put(footer, x: box.x + 2, y: box.bottom - 2, style: Style(dim: true), maxWidth: box.width - 4)
    }

    /// The second page: what every symbol, shade, colour, label and panel on the screen means.
    public static func legendLines(glyphs: Glyphs, language: Language = .en) -> [(term: String, meaning: String)] {
        let shades = String(glyphs.shades.dropFirst())
        return [
            ("DIAGRAM", ""),
            ("\(glyphs.unitDropped) (red)", "unit dropped in this step, for the first example of the mini-batch"),
            ("\(shades) (cyan)", "kept unit, shaded by its activation |x| (darkest to brightest)"),
            ("\(glyphs.unitIdle) (grey)", "kept unit whose activation is zero (ReLU off)"),
            ("p=0.60", "the layer's drop probability (the rate)"),
            ("seen 59.8%", "share of units actually dropped so far; tends to p (standout: its own)"),
            ("dropped 77/128", "units dropped in this step (first example of the batch)"),
            ("lines cyan / yellow", "a connection of a positive / negative weight; dim to bold: |w| in thirds of the largest (layers of ≤ 16 units)"),
            ("line missing", "train view: its unit was dropped, or DropConnect dropped it, in this step"),
            ("highlighted", "the layer(s) the rate keys change; linked: every hidden layer"),
            ("LOSS PLOT", ""),
            ("batch (white)", "mini-batch loss in train mode (dropout on), smoothed"),
            ("train (cyan)", "loss on the whole training set in eval mode (dropout off)"),
            ("val (magenta)", "loss on the validation set in eval mode: what generalises"),
            ("twin (green/yellow)", "the same network without dropout (t): its train and val loss"),
            ("┊ h1-h2 p 0.5→0.6", "a change made while training: rate, variant, scaling"),
            ("best", "lowest validation loss so far: the early-stopping point"),
            ("start off scale", "the first steps are above the y range (l: log scale)"),
            ("STATUS LINE", ""),
            ("train 0.15 91%", "training loss and accuracy (eval mode)"),
            ("TRAIN / EVAL", "the diagram shows a training step or evaluation (e)"),
            ("×10, 2 steps/s", "speed: steps a frame, or slow motion ([ and ])"),
            ("PANELS (p)", ""),
            ("data", "decision map p(class 1) with the training points; fit for sine"),
            (glyphs.isUnicode ? "  ● ▲ / ○ △" : "  o ^ / +", "training / validation points, one shape a class (o: validation on/off)"),
            ("  z, O", "the data view large (twin beside it); class regions without shading"),
            ("  unit picture", "large screens, 2-D data: what a unit computes over the plane (j k)"),
            ("maths", "the selected unit's x, m, x·m/(1-p) and the L2 view p(1-p)"),
            ("  reg p(1-p)", "variance of the dropout gate: strongest at p = 0.5"),
            ("  L2 c", "strength of the L2 penalty dropout acts like on this layer"),
            ("co-adaptation", "correlations between the selected layer's units"),
            ("MC dropout", "T passes with dropout on: mean ± 2σ beside the plain prediction"),
            ("  H, MI", "predictive entropy and mutual information (nats): uncertainty"),
            ("confusion", "validation confusion matrix"),
            ("sweep", "W: one network per rate, validation loss against the rate"),
        ].map { (glyphs.spell(translateTerm($0.0, language)), glyphs.spell(language.translate($0.1))) }
    }

    /// The legend, wrapped to the box and cut into pages that fit its height: each entry is
    /// (term, one line of its meaning); a heading has no meaning.
    static func legendPages(glyphs: Glyphs, language: Language = .en, in area: Rect) -> (box: Rect, termWidth: Int, pages: [[(term: String, text: String)]]) {
        let rows = legendLines(glyphs: glyphs, language: language)
        let termWidth = rows.map(\.term.displayWidth).max() ?? 0
        let width = min(area.width, termWidth + 2 + (rows.map(\.meaning.displayWidth).max() ?? 0) + 4)
        let height = min(area.height, rows.count + 3)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        let meaningWidth = max(8, box.width - 4 - termWidth - 2)
        // An entry's wrapped lines stay together on one page.
        let perPage = max(1, box.height - 3)
        var pages: [[(term: String, text: String)]] = [[]]
        for row in rows {
            let entry: [(term: String, text: String)] = row.meaning.isEmpty ? [(row.term, "")]
                : LessonOverlay.wrap(row.meaning, width: meaningWidth).enumerated().map { ($0.offset == 0 ? row.term : "", $0.element) }
            if !pages[pages.count - 1].isEmpty && pages[pages.count - 1].count + entry.count > perPage { pages.append([]) }
            pages[pages.count - 1] += entry
        }
        return (box, termWidth, pages)
    }

    /// Page `page` (0-based) of the legend in a box.
    public static func renderLegend(page: Int, glyphs: Glyphs, language: Language = .en, in area: Rect, into buffer: inout Buffer) {
        let (box, termWidth, pages) = legendPages(glyphs: glyphs, language: language, in: area)
        guard !pages.isEmpty, box.height >= 4 else { return }
        let index = min(max(page, 0), pages.count - 1)
        buffer.fill(box, " ")
        Box(title: language.text(.legendTitle), glyphs: glyphs).render(area: box, into: &buffer)
        let inner = box.inset(by: 1)
        for (k, line) in pages[index].enumerated() where k < inner.height - 1 {
            let y = inner.y + k
            if line.text.isEmpty {
                _ = buffer.put(line.term, x: inner.x + 1, y: y, style: Style(bold: true), maxWidth: inner.width - 2)
            } else {
                _ = buffer.put(line.term, x: inner.x + 1, y: y, style: Style(bold: true).fg(.yellow), maxWidth: termWidth)
                _ = buffer.put(line.text, x: inner.x + 1 + termWidth + 2, y: y, maxWidth: max(0, inner.right - (inner.x + 1 + termWidth + 2)))
            }
        }
        let more = index + 1 < pages.count ? language.text(.legendNextPage) : ""
        let footer = language.text(.pageOf, index + 1, pages.count) + more + language.text(.anyOtherKeyCloses)
        _ = buffer.put(glyphs.spell(footer), x: inner.x + 1, y: inner.bottom - 1, style: Style(dim: true), maxWidth: inner.width - 2)
    }

    /// Pages of the legend at this screen size (for `?` to know when to close).
    public static func legendPageCount(glyphs: Glyphs, language: Language = .en, width: Int, height: Int) -> Int {
        legendPages(glyphs: glyphs, language: language, in: Rect(x: 0, y: 1, width: width, height: height - 2)).pages.count
    }

    /// A legend term in `language`: looked up whole, else the words after its leading glyphs
    /// ("✕ (red)" → "✕ （红）").
    static func translateTerm(_ term: String, _ language: Language) -> String {
        let whole = language.translate(term)
        guard whole == term, let space = term.firstIndex(of: " ") else { return whole }
        return String(term[...space]) + language.translate(String(term[term.index(after: space)...]))
    }
}
