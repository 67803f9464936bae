import Testing
@testable import DropoutCore

/// The training step's flush-to-zero (FloatMode.swift): on inside, restored after.
struct FloatModeTests {
    /// A number the optimiser cannot fold: 1, from a generator it cannot run at compile time.
    static func runtimeOne() -> Float {
        var rng = Xoshiro(seed: 3)
        return rng.next() == 0 ? 2 : 1
    }

    @Test func subnormalResultsAreZeroInsideTheModeOnly() {
        let tiny = Float.leastNormalMagnitude * Self.runtimeOne()
        let before = tiny * 0.5
        #expect(before.isSubnormal, "the default keeps subnormals")
        let inside = FloatMode.flushingSubnormals { tiny * 0.5 }
        #expect(inside == 0)
        let subnormal = before * Self.runtimeOne()
        let read = FloatMode.flushingSubnormals { subnormal + 0 }
        #expect(read == 0, "subnormal inputs read as zero")
        #expect((tiny * 0.5).isSubnormal, "the mode is restored after")
    }
}
