import DropoutCore
import Testing
import TermUI
@testable import DropvizUI

/// The smallest terminals (a pane shrunk to 1×1 in a storm of resizes): every cell of the
/// frame is a character the terminal draws in one column, or the right half of a wide one
/// next to its left half. A stray U+10000 was reported at 1×1; none of it may appear.
struct TinyScreenTests {
    static func states() throws -> [(String, AppState)] {
        let plain = try Fixtures.state()
        plain.trainer.step()
        var help = try Fixtures.state()
        help.showHelp = true
        var panel = try Fixtures.state()
        panel.panel = .data
        var state = try Fixtures.state()
        state.showState = true
        var chinese = try Fixtures.state()
        chinese.language = .zh
        chinese.panel = .maths
        return [("plain", plain), ("help", help), ("data panel", panel), ("state box", state), ("chinese", chinese)]
    }

    @Test func everyCellIsDrawableAtTinySizes() throws {
        for (name, base) in try Self.states() {
            for w in 1...12 {
                for h in 1...6 {
                    var s = base
                    s.width = w
                    s.height = h
                    let b = Fixtures.render(s)
                    for y in 0..<h {
                        for x in 0..<w {
                            let c = try #require(b.cell(atX: x, y: y))
                            let where_ = "\(name) at \(w)×\(h), cell (\(x), \(y))"
                            if c.isContinuation {
                                #expect(x > 0 && b.cell(atX: x - 1, y: y)?.width == 2, "\(where_): a right half without its left")
                                continue
                            }
                            #expect(c.scalar.value >= 0x20 && c.scalar.value != 0x7f, "\(where_): control U+\(String(c.scalar.value, radix: 16))")
                            #expect(c.scalar.value < 0x10000, "\(where_): U+\(String(c.scalar.value, radix: 16))")
                            #expect(c.width == 1 || (c.width == 2 && x + 1 < w), "\(where_): width \(c.width)")
                        }
                    }
                }
            }
        }
    }
}
