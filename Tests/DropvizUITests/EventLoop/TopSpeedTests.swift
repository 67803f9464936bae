import Testing
@testable import DropvizUI

/// `]` reaches the fastest setting, 1000 steps a frame, and `[` the slowest: the speeds are
/// counted in `speedSettings` (slow motion first), not in the per-frame list alone, which
/// stopped `]` at ×100.
struct TopSpeedTests {
    @Test func bracketsReachBothEnds() throws {
        var s = try Fixtures.state(hidden: [16])
        for _ in 0..<(AppState.speedSettings.count + 2) { update(&s, .input(.char("]"))) }
        #expect(s.speed == .perFrame(1000))
        #expect(s.stepsPerFrame == 1000)
        for _ in 0..<(AppState.speedSettings.count + 2) { update(&s, .input(.char("["))) }
        #expect(s.speed == .perSecond(1))
    }
}
