import DropoutCore
import DropvizUI
import TermUI

enum Fixtures {
    /// The default scenario's shape (hidden 128,128 on moons) with a fixed seed.
    static func state(width: Int = 80, height: Int = 24, hidden: [Int] = [128, 128], glyphs: Glyphs = .unicode,
                      variant: DropoutVariant = .bernoulli, scaling: Scaling = .inverted) throws -> AppState {
        var c = TrainingConfig()
        c.dataset = "moons"
        c.trainSize = 80
        c.hidden = hidden
        c.rates = [0] + hidden.map { _ in 0.5 }
        c.variant = variant
        c.scaling = scaling
        c.evalEvery = 10
        return AppState(trainer: try Trainer(config: c), width: width, height: height, glyphs: glyphs)
    }

    static func render(_ s: AppState) -> Buffer {
        var b = Buffer(width: s.width, height: s.height)
        settledView(s, into: &b)
        return b
    }

    static func text(_ b: Buffer) -> String { b.lines().joined(separator: "\n") }
}
