import DropoutCore
import DropvizUI
import Foundation
import TermUI
import Testing

/// Presenter controls: a lesson's hidden key bar, its locked keys and paused start.
@Suite struct PresenterTests {
    static func lesson(keys: String? = "space ↑ ↓ r", hideKeyBar: Bool? = true, startPaused: Bool? = true) -> Lesson {
        Lesson(name: "demo", title: "Demo", caption: ["Watch."], options: ["--hidden", "8"],
               hideKeyBar: hideKeyBar, keys: keys, startPaused: startPaused)
    }

    static func opened(_ lesson: Lesson) throws -> AppState {
        var s = try Fixtures.state(hidden: [8])
        try s.apply(lesson: lesson)
        update(&s, .input(.char("x")))  // closes the instructions
        return s
    }

    @Test func theKeyBarIsHiddenAndTrainingWaits() throws {
        let s = try Self.opened(Self.lesson())
        #expect(s.paused)
        let b = Fixtures.render(s)
        for x in 0..<s.width { #expect(b.symbol(atX: x, y: s.height - 1) == " ", "column \(x)") }
        // Without the field, the lesson's key bar is there.
        let shown = Fixtures.render(try Self.opened(Self.lesson(hideKeyBar: nil, startPaused: nil)))
        #expect(shown.lines()[s.height - 1].hasPrefix("lesson demo: i instructions"))
        #expect(!(try Self.opened(Self.lesson(startPaused: nil))).paused)
    }

    @Test func aLockedKeyDoesNothingAndSaysSo() throws {
        var s = try Self.opened(Self.lesson())
        let variant = s.trainer.config.variant
        update(&s, .input(.char("v")))
        #expect(s.trainer.config.variant == variant)
        #expect(s.notice == PresenterControls.lockedNotice)
        let b = Fixtures.render(s)
        #expect(b.lines()[s.height - 1].hasPrefix("key locked in this lesson"))
        #expect(b.style(atX: 0, y: s.height - 1)?.fg == .yellow)
        // An allowed key acts, and the notice goes.
        update(&s, .input(.up))
        #expect(s.trainer.config.rates[1] == 0.55)
        update(&s, .input(.char(" ")))
        #expect(!s.paused)
        #expect(s.notice == nil)
        // q, ?, i always act.
        update(&s, .input(.char("i")))
        #expect(s.showLesson)
        update(&s, .input(.char("x")))
        update(&s, .input(.char("?")))
        #expect(s.showHelp)
    }

    @Test func theHelpMarksLockedKeys() throws {
        var s = try Self.opened(Self.lesson())
        update(&s, .input(.char("?")))
        // Every page of keys.
        var pages: [Buffer] = []
        for _ in 0..<HelpOverlay.keyPageCount(glyphs: s.glyphs, in: Rect(x: 0, y: 1, width: s.width, height: s.height - 2)) {
            pages.append(Fixtures.render(s))
            update(&s, .input(.char("?")))
        }
        /// Whether the help row of `action` is dimmed, key and action (cell by cell).
        func dimmed(_ action: String) throws -> Bool {
            let b = try #require(pages.first { $0.lines().contains { $0.contains(action) } }, "\(action)")
            let lines = b.lines()
            let y = try #require(lines.firstIndex { $0.contains(action) }, "\(action)")
            let actionX = try #require(lines[y].range(of: action)).lowerBound.utf16Offset(in: lines[y])
            // The key's last character: left of the action, past the spaces between them.
            let row = Array(lines[y])
            let keyX = try #require((0..<actionX).last { row[$0] != " " })
            let styles = (actionX..<(actionX + action.count)).compactMap { b.style(atX: $0, y: y) } + [b.style(atX: keyX, y: y)].compactMap { $0 }
            return styles.allSatisfy(\.dim)
        }
        #expect(try dimmed("next dropout variant"))
        #expect(try dimmed("same-seed twin on / off"))
        // Allowed, always active, or partly allowed (↑ ↓ yes, + - no): not dimmed.
        for action in ["pause / resume", "rate ±0.05 (see u)", "reset (same weights)", "quit", "lesson instructio", "help; again"] {
            #expect(try !dimmed(action), "\(action)")
        }
        // Several pages: the footer says what dim means before the page.
        #expect(pages.count == 1 || pages.allSatisfy { $0.lines().contains { $0.contains("dim: locked · page ") } })
        #expect(pages.count > 1 || pages[0].lines().contains { $0.contains("dim: locked in this lesson") })
        // No locks: nothing dimmed, the usual footer.
        var free = try Self.opened(Self.lesson(keys: nil))
        update(&free, .input(.char("?")))
        let text = Fixtures.text(Fixtures.render(free))
        #expect(!text.contains("locked") && text.contains("p = drop probability"))
    }

    @Test func keysAreParsedStrictly() throws {
        #expect(PresenterControls.parse(keys: "space ↑ down r +").keys == [.char(" "), .up, .down, .char("r"), .char("+")])
        #expect(PresenterControls.parse(keys: "space spcae").unknown == "spcae")
        #expect(throws: DropvizError.self) { try Self.lesson(keys: "rv").check(source: "demo.json") }
        let json = Self.lesson().json()
        let back = try JSONDecoder().decode(Lesson.self, from: Data(json.utf8))
        #expect(back == Self.lesson())
    }
}
