import DropoutCore
import Foundation
import Testing

/// Every JSON writer (eval, predict, recordings) quotes text through `JSONText.quoted`: any
/// label, file name or frame reads back as the same string.
@Suite struct JSONTextTests {
    @Test func anyTextReadsBackUnchanged() throws {
        let texts = ["plain", "say \"hi\"", "back\\slash", "tab\there", "two\nlines\r\n", "\u{1B}[31mred\u{1B}[0m",
                     "\u{7F}del \u{01}", "丢弃率 · σ ✕", "🙂"]
        for text in texts {
            let json = "[" + JSONText.quoted(text) + "]"
            let back = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
            #expect(back == [text], "\(json)")
        }
    }
}
