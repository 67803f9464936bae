import Testing
@testable import TermUI

/// A 1×1 buffer (a pane shrunk to one cell): a wide character has no room for its right half,
/// so the cell is a space, and what the terminal is sent (the diff) is that space, never a
/// continuation's NUL or a stray code point.
struct OneCellBufferTests {
    @Test(arguments: ["丢", "😀", "Ａ", "a丢"])
    func aWideCharacterInOneCellIsASpace(_ text: String) {
        let ways: [(String, (inout Buffer) -> Void)] = [
            ("put", { _ = $0.put(text, x: 0, y: 0) }),
            ("set", { $0.set(x: 0, y: 0, text.last ?? " ") }),
            ("fill", { $0.fill(Rect(x: 0, y: 0, width: 1, height: 1), text.last ?? " ") }),
        ]
        for (name, write) in ways {
            var buffer = Buffer(width: 1, height: 1)
            write(&buffer)
            let cell = buffer.cell(atX: 0, y: 0)
            let expected: Character = text.first?.isASCII == true && name == "put" ? "a" : " "
            #expect(cell?.symbol == expected, "\(name) '\(text)'")
            let sent = buffer.diff(from: Buffer(width: 0, height: 0))
            #expect(sent.allSatisfy { !$0.cell.isContinuation && $0.cell.width == 1 && $0.cell.scalar.value < 0x10000 }, "\(name) '\(text)'")
        }
    }
}
