import Testing
@testable import TermUI

@Suite struct TextWidthTests {
    @Test func clippingNeverCutsAWideCharacter() {
        #expect("丢弃率".clipped(toWidth: 5) == "丢弃")
        #expect("丢弃率".clipped(toWidth: 6) == "丢弃率")
        #expect("a丢".clipped(toWidth: 2) == "a")
        #expect("hello".clipped(toWidth: 3) == "hel")
        #expect("丢".clipped(toWidth: 1) == "")
        #expect("e\u{301}x".clipped(toWidth: 1) == "e\u{301}")
    }

    @Test func wrappingBreaksEnglishAtSpacesAndChineseAnywhere() {
        #expect("the quick brown fox".wrapped(toWidth: 10) == ["the quick", "brown fox"])
        #expect("丢弃率越高，正则化越强。".wrapped(toWidth: 8) == ["丢弃率越", "高，正则", "化越强。"])
        // Odd width: a wide character that would straddle the end goes to the next line.
        #expect("丢弃率越高".wrapped(toWidth: 5) == ["丢弃", "率越", "高"])
        #expect("rate 丢弃率 p".wrapped(toWidth: 6) == ["rate", "丢弃率", "p"])
        #expect("abcdefgh".wrapped(toWidth: 3) == ["abc", "def", "gh"])
        #expect("a\nb".wrapped(toWidth: 5) == ["a", "b"])
    }

    @Test func everyWrappedLineFitsAndNothingIsLost() {
        let text = "Dropout 丢弃 units at random 训练时随机丢弃神经元，测试时缩放 (vanilla) or 反向缩放 (inverted) 😀 end"
        for width in 2...30 {
            let lines = text.wrapped(toWidth: width)
            #expect(lines.allSatisfy { $0.displayWidth <= width }, "width \(width): \(lines)")
            // Only the spaces a line was broken at are dropped.
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "width \(width)")
        }
    }
}
