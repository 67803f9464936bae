import DropoutCore
import Testing

/// `next`: the keys that cycle a setting step through every case in order and wrap round.
@Suite struct CaseCyclingTests {
    @Test func stepsInOrderAndWraps() {
        #expect(Scaling.allCases.map(\.next) == Array(Scaling.allCases.dropFirst()) + [Scaling.allCases[0]])
        #expect(DropoutVariant.allCases.map(\.next) == Array(DropoutVariant.allCases.dropFirst()) + [DropoutVariant.allCases[0]])
        var v = RecurrentDropoutVariant.allCases[0]
        var seen: [RecurrentDropoutVariant] = []
        for _ in RecurrentDropoutVariant.allCases { seen.append(v); v = v.next }
        #expect(seen == Array(RecurrentDropoutVariant.allCases) && v == RecurrentDropoutVariant.allCases[0])
    }
}
