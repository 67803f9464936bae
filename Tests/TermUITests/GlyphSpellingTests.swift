import Testing
import TermUI

/// The one ASCII spelling of the screens' characters, and the one box.
@Suite struct GlyphSpellingTests {
    @Test func unicodeIsLeftAloneAndASCIIGetsOneSpellingEach() {
        let text = "π = σ(α·(w·x)+β) · p ≥ ½ … ✓"
        #expect(Glyphs.unicode.spell(text) == text)
        #expect(Glyphs.ascii.spell(text) == "pi = sigma(alpha*(w*x)+beta) | p >= 1/2 .. ok")
        #expect(Glyphs.ascii.spell("· v: next") == "| v: next")
        #expect(Glyphs.ascii.spell("moons ·") == "moons |")
        // Anything else outside ASCII never reaches an ASCII terminal.
        #expect(Glyphs.ascii.spell("损失 ★") == "?? ?")
    }

    @Test func everySpellingIsASCIIAndNonEmpty() {
        for (ch, spelling) in Glyphs.asciiSpellings {
            #expect(!ch.isASCII, "\(ch)")
            #expect(!spelling.isEmpty && spelling.allSatisfy(\.isASCII), "\(ch) → \(spelling)")
        }
    }

    @Test func aBoxDrawsItsBorderAndBoldTitleAndLeavesItsInside() {
        var b = Buffer(width: 10, height: 4, fill: Cell("z"))
        Box(title: "ab", glyphs: .ascii).render(area: Rect(x: 1, y: 0, width: 8, height: 4), into: &b)
        #expect(b.lines() == ["z+-ab---+z", "z|zzzzzz|z", "z|zzzzzz|z", "z+------+z"])
        #expect(b.cell(atX: 3, y: 0)?.style.bold == true)
        #expect(b.cell(atX: 2, y: 0)?.style.bold == false)
        var u = Buffer(width: 4, height: 3)
        Box(glyphs: .unicode).render(area: Rect(x: 0, y: 0, width: 4, height: 3), into: &u)
        #expect(u.lines() == ["┌──┐", "│  │", "└──┘"])
        // Too small for a border: nothing drawn.
        var tiny = Buffer(width: 3, height: 3, fill: Cell("z"))
        Box(title: "t", glyphs: .ascii).render(area: Rect(x: 0, y: 0, width: 1, height: 3), into: &tiny)
        #expect(tiny.lines() == ["zzz", "zzz", "zzz"])
    }
}
