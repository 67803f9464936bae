import Testing
@testable import TermUI

@Suite struct RectTests {
    @Test func splitRowsFixedThenFill() {
        let rect = Rect(x: 2, y: 1, width: 10, height: 10)
        let rows = rect.splitRows([.fixed(1), .fill, .fixed(2)])
        #expect(rows == [
            Rect(x: 2, y: 1, width: 10, height: 1),
            Rect(x: 2, y: 2, width: 10, height: 7),
            Rect(x: 2, y: 9, width: 10, height: 2),
        ])
    }

    @Test func splitColumnsByFractionAndSharedFill() {
        let rect = Rect(x: 0, y: 0, width: 21, height: 3)
        let columns = rect.splitColumns([.fraction(0.5), .fill, .fill])
        #expect(columns.map(\.width) == [10, 6, 5])
        #expect(columns.map(\.x) == [0, 10, 16])
        #expect(columns.allSatisfy { $0.height == 3 })
    }

    @Test func fixedPartsAreClippedWhenSpaceRunsOut() {
        let rows = Rect(x: 0, y: 0, width: 5, height: 4).splitRows([.fixed(3), .fixed(3), .fill])
        #expect(rows.map(\.height) == [3, 1, 0])
        #expect(rows.map(\.y) == [0, 3, 4])
    }

    @Test func insetShrinksEverySide() {
        #expect(Rect(x: 1, y: 1, width: 10, height: 5).inset(by: 1) == Rect(x: 2, y: 2, width: 8, height: 3))
        #expect(Rect(x: 0, y: 0, width: 2, height: 2).inset(by: 3).isEmpty)
    }

    @Test func intersection() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        let b = Rect(x: 5, y: 8, width: 10, height: 10)
        #expect(a.intersection(b) == Rect(x: 5, y: 8, width: 5, height: 2))
        #expect(a.intersection(Rect(x: 20, y: 20, width: 2, height: 2)).isEmpty)
    }
}
