#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TermUI

/// `DisplayWidth` against the C library's `wcwidth`, which is what the terminal's own layout
/// follows. Control characters are left out: `wcwidth` calls them -1, `put` draws them as spaces.
@Suite(.serialized) struct DisplayWidthTests {
    static let table: [(String, Int)] = [
        ("a", 1), ("Z", 1), ("0", 1), ("~", 1), (" ", 1), ("é", 1), ("ß", 1), ("λ", 1), ("ж", 1),
        ("─", 1), ("│", 1), ("█", 1), ("⣿", 1), ("→", 1), ("≈", 1), ("½", 1),
        ("丢", 2), ("弃", 2), ("率", 2), ("训", 2), ("练", 2), ("验", 2), ("证", 2), ("龘", 2),
        ("\u{3400}", 2), ("\u{20000}", 2), ("\u{F900}", 2),
        ("か", 2), ("カ", 2), ("ー", 2), ("ｶ", 1), ("한", 2), ("\u{1100}", 2), ("\u{3131}", 2),
        ("Ａ", 2), ("！", 2), ("\u{FF61}", 1), ("，", 2), ("。", 2), ("、", 2), ("「", 2), ("」", 2),
        ("\u{3000}", 2), ("《", 2), ("\u{FE30}", 2),
        ("\u{0301}", 0), ("\u{0303}", 0), ("\u{20D7}", 0), ("\u{3099}", 0), ("\u{200B}", 0),
        ("\u{200D}", 0), ("\u{FE0F}", 0), ("\u{1161}", 0), ("\u{11A8}", 0),
        ("😀", 2), ("🚀", 2), ("⌚", 2), ("✅", 2), ("⭐", 2), ("🧠", 2), ("🀄", 2),
        ("☺", 1), ("❤", 1), ("✈", 1), ("\u{1F1E8}", 1),
    ]

    init() { _ = setlocale(LC_ALL, "C.UTF-8") }

    /// Glibc's module map leaves `wcwidth` out (it sits behind _XOPEN_SOURCE), so it is
    /// looked up in the C library already loaded.
    typealias WcwidthFunction = @convention(c) (wchar_t) -> Int32
    static let wcwidthFunction: WcwidthFunction = {
        let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth")!
        return unsafeBitCast(symbol, to: WcwidthFunction.self)
    }()

    static func wcwidthOf(_ scalar: Unicode.Scalar) -> Int {
        Int(wcwidthFunction(wchar_t(bitPattern: scalar.value)))
    }

    @Test func theTableMatchesWcwidthAndTheExpectedColumns() {
        for (text, expected) in Self.table {
            let scalar = text.unicodeScalars.first!
            #expect(DisplayWidth.of(scalar) == expected, "\(text) U+\(String(scalar.value, radix: 16))")
            #expect(Self.wcwidthOf(scalar) == expected, "wcwidth disagrees with the table for U+\(String(scalar.value, radix: 16))")
        }
    }

    /// Every assigned scalar in the blocks that matter, not just a sample.
    @Test(arguments: [
        0x0020...0x08FF as ClosedRange<UInt32>, 0x11080...0x110CF, 0x1100...0x11FF, 0x2000...0x2BFF, 0x2E80...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF,
        0xFE00...0xFFEF, 0x1F000...0x1FAFF, 0x20000...0x2A6DF,
    ])
    func everyAssignedScalarOfABlockMatchesWcwidth(block: ClosedRange<UInt32>) {
        var mismatches: [String] = []
        for value in block {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
            let reference = Self.wcwidthOf(scalar)
            // -1: a control character or one this C library does not know yet.
            guard reference >= 0 else { continue }
            if DisplayWidth.of(scalar) != reference {
                mismatches.append("U+\(String(value, radix: 16)) ours \(DisplayWidth.of(scalar)) wcwidth \(reference)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(10))")
    }

    @Test func aCharacterTakesTheColumnsOfItsBase() {
        #expect(DisplayWidth.of("e\u{0301}" as Character) == 1)
        #expect(DisplayWidth.of("h\u{0303}" as Character) == 1)
        #expect(DisplayWidth.of("👨‍👩‍👧" as Character) == 2)
        #expect(DisplayWidth.of("" as String) == 0)
        #expect("丢弃率 p=0.5".displayWidth == 12)
        #expect("a\tb".displayWidth == 3)
    }
}
