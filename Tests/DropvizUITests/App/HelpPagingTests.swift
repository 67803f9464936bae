import Foundation
import DropoutCore
@testable import DropvizUI
import TermUI
import Testing

/// The keys help is paged: as many pages as the screen needs, `?` turns them and then the
/// legend's, any other key closes. Checked cell by cell: each binding whole on exactly one page.
@Suite struct HelpPagingTests {
    /// The key pages as the screen shows them, from `?` on.
    static func keyPages(_ s: inout AppState) -> [Buffer] {
        update(&s, .input(.char("?")))
        let count = HelpOverlay.keyPageCount(glyphs: s.glyphs, language: s.lang, in: Rect(x: 0, y: 1, width: s.width, height: s.height - 2))
        var pages: [Buffer] = []
        for _ in 0..<count {
            pages.append(Fixtures.render(s))
            update(&s, .input(.char("?")))
        }
        return pages
    }

    /// Where `keys` then `action` stand on the page, two spaces or more apart, whole: the
    /// (row, column) of every occurrence.
    static func places(_ b: Buffer, keys: String, action: String) -> [(Int, Int)] {
        var found: [(Int, Int)] = []
        for (y, line) in b.lines().enumerated() {
            var rest = Substring(line)
            while let r = rest.range(of: keys + "  ") {
                let after = rest[r.upperBound...].drop { $0 == " " }
                if after.hasPrefix(action) {
                    let next = after.dropFirst(action.count).first
                    // The action ends there: a space or the box's border follows.
                    if next == nil || next == " " || next == "│" {
                        found.append((y, String(line[..<r.lowerBound]).displayWidth))
                    }
                }
                rest = rest[r.upperBound...]
            }
        }
        return found
    }

    @Test(arguments: [Language.en, .zh])
    func at80x24EveryBindingIsOnExactlyOnePage(language: Language) throws {
        var s = try Fixtures.state()
        s.language = language
        let pages = Self.keyPages(&s)
        #expect(pages.count == 2, "more rows than one 80×24 page of 2 × 18 holds")
        for (keys, english) in KeyBindings.all {
            let action = language.translate(english)
            let onPages = pages.indices.filter { !Self.places(pages[$0], keys: keys, action: action).isEmpty }
            #expect(onPages.count == 1, "\(keys) \(action) on pages \(onPages)")
        }
        for (i, page) in pages.enumerated() {
            let lines = page.lines()
            // The box: a border all round, nothing past the screen.
            let top = try #require(lines.firstIndex { $0.contains("┌") })
            let bottom = try #require(lines.lastIndex { $0.contains("└") })
            let left = try #require(lines[top].firstIndex(of: "┌")).utf16Offset(in: lines[top])
            let width = lines[top].trimmingCharacters(in: .whitespaces).displayWidth
            #expect(left + width <= 80)
            // The footer: the page, then ? for the next page or for the legend.
            let footer = lines[bottom - 1]
            let expected = language.text(.helpDropProbability) + language.text(.pageOf, i + 1, pages.count)
                + language.text(i + 1 < pages.count ? .legendNextPage : .helpToLegend) + language.text(.anyOtherKeyCloses)
            #expect(footer.contains(expected), "\(footer)")
            // Every row between the borders is inside the box: its border at both ends.
            for y in top...bottom {
                let line = lines[y]
                let (l, r) = y == top ? ("┌", "┐") : y == bottom ? ("└", "┘") : ("│", "│")
                #expect(line.dropFirst(left).hasPrefix(l) && String(line.prefix(left)).allSatisfy { $0 == " " }, "page \(i) row \(y)")
                let body = line.trimmingCharacters(in: .whitespaces)
                #expect(body.hasSuffix(r) && body.displayWidth == width, "page \(i) row \(y)")
            }
        }
        // After the key pages come the legend's; any other key closes the help.
        #expect(s.showHelp && s.helpPage == pages.count)
        #expect(Fixtures.text(Fixtures.render(s)).contains(language.text(.legendTitle)))
        update(&s, .input(.char("x")))
        #expect(!s.showHelp)
    }

    @Test func at160x45OnePageHoldsEveryBinding() throws {
        var s = try Fixtures.state(width: 160, height: 45)
        let pages = Self.keyPages(&s)
        #expect(pages.count == 1)
        for (keys, action) in KeyBindings.all {
            #expect(Self.places(pages[0], keys: keys, action: action).count == 1, "\(keys) \(action)")
        }
        let text = Fixtures.text(pages[0])
        #expect(text.contains(Language.en.text(.helpFooter)), "one page: the footer as it always was")
        #expect(!text.contains("page 1/"))
        // ? went straight to the legend.
        #expect(s.helpPage == 1)
        #expect(Fixtures.text(Fixtures.render(s)).contains(" legend "))
    }

    /// Any number of rows pages: the layout of 100 rows at 80×24 makes pages of 2 × 18.
    @Test func anyNumberOfRowsPages() {
        let rows = (0..<100).map { (keys: "k\($0)", action: "action number \($0) of a long list", locked: false) }
        let area = Rect(x: 0, y: 1, width: 80, height: 22)
        let layout = HelpOverlay.keyLayout(rows, footerWidth: 0, in: area)
        #expect(layout.perColumn == 18 && layout.columns == 2 && layout.pages == 3)
        let one = HelpOverlay.keyLayout(Array(rows.prefix(5)), footerWidth: 0, in: area)
        #expect(one.pages == 1 && one.columns == 1 && one.perColumn == 5)
    }

    @Test func qStillQuitsFromAnyPage() throws {
        var s = try Fixtures.state()
        update(&s, .input(.char("?")))
        update(&s, .input(.char("?")))
        #expect(s.showHelp && s.helpPage == 1)
        update(&s, .input(.char("q")))
        #expect(s.quit)
    }
}
