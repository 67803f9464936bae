import Testing
@testable import DropoutCore

/// The recurrent variants' masks: which are constant across time within a sequence, which are
/// drawn afresh at every step, and their statistics (4σ of the estimate, fixed seeds).
@Suite struct RecurrentMaskTests {
    static func draw(_ v: RecurrentDropoutVariant, rows: Int = 64, steps: Int = 12, hidden: Int = 16, rate: Float = 0.5) -> RecurrentMasks {
        var rng = Xoshiro(seed: 41), inputRNG = Xoshiro(seed: 42)
        return RecurrentMasks.draw(v, rows: rows, steps: steps, hidden: hidden, inputs: 3, rate: rate, inputRate: rate,
                                   rng: &rng, inputRNG: &inputRNG)
    }

    @Test func fixedMasksAreConstantAcrossTime() {
        let rnn = Self.draw(.rnndrop)
        #expect(rnn.cell.count == 12 && rnn.hidden.isEmpty && rnn.candidate.isEmpty && rnn.input.isEmpty)
        #expect(rnn.cell.allSatisfy { $0 == rnn.cell[0] })
        let v = Self.draw(.variational)
        #expect(v.hidden.count == 12 && v.input.count == 12 && v.cell.isEmpty && v.candidate.isEmpty)
        #expect(v.hidden.allSatisfy { $0 == v.hidden[0] }, "z_h")
        #expect(v.input.allSatisfy { $0 == v.input[0] }, "z_x")
        // Different sequences (rows) still get different masks.
        #expect(v.hidden[0].row(0) != v.hidden[0].row(1) || v.hidden[0].row(1) != v.hidden[0].row(2))
    }

    @Test func perStepMasksChangeAtEveryStep() {
        for variant in [RecurrentDropoutVariant.naive, .naiveCell, .recurrent] {
            let m = Self.draw(variant).state(variant)
            #expect(m.count == 12)
            for t in 1..<m.count { #expect(m[t] != m[t - 1], "\(variant): step \(t) repeats step \(t - 1)") }
        }
        #expect(Self.draw(.naive).cell.isEmpty && Self.draw(.recurrent).hidden.isEmpty && Self.draw(.naiveCell).hidden.isEmpty)
    }

    /// Whether a given unit is dropped at step t and at step t+1: independent under per-step
    /// masks (P(both) = p²), identical under fixed ones (P(both) = p).
    @Test(arguments: RecurrentDropoutVariant.allCases)
    func droppedTogetherAcrossSteps(variant: RecurrentDropoutVariant) {
        let p = 0.3
        let m = Self.draw(variant, rows: 500, steps: 6, hidden: 100, rate: Float(p)).state(variant)
        var both = 0.0, n = 0.0
        for t in 1..<m.count {
            for k in 0..<m[t].count {
                if m[t].data[k] == 0 && m[t - 1].data[k] == 0 { both += 1 }
                n += 1
            }
        }
        let expected = variant.fixedPerSequence ? p : p * p
        // Pairs of one sequence share draws across steps: bound by the number of independent
        // units (n / 5 pairs per unit), which only widens the band.
        let units = n / Double(m.count - 1)
        let sd = (expected * (1 - expected) / units).squareRoot()
        #expect(abs(both / n - expected) < 4 * sd, "\(variant): \(both / n) dropped at both steps, expected \(expected)")
    }

    @Test(arguments: [Float(0.1), 0.5, 0.9])
    func droppedFractionAndInvertedScale(p: Float) {
        for variant in RecurrentDropoutVariant.allCases {
            let masks = Self.draw(variant, rows: 1000, steps: 4, hidden: 250, rate: p).state(variant)
            // One independent draw per sequence and unit for fixed masks, per step for the others.
            let values = variant.fixedPerSequence ? masks[0].data : masks.flatMap(\.data)
            let n = Double(values.count), pd = Double(p)
            let dropped = Double(values.filter { $0 == 0 }.count)
            #expect(abs(dropped / n - pd) < 4 * (pd * (1 - pd) / n).squareRoot(), "\(variant) p=\(p)")
            let kept = RecurrentMasks.keptValue(variant, rate: p)
            #expect(kept == (variant == .rnndrop ? 1 : 1 / (1 - p)))
            #expect(values.allSatisfy { $0 == 0 || $0 == kept }, "\(variant): kept units carry \(kept)")
            // E[m] = 1 (inverted); RNNDrop's unscaled cell mask: E[m] = 1-p.
            let mean = values.reduce(0.0) { $0 + Double($1) } / n
            let expected = Double(kept) * (1 - pd), sd = Double(kept) * (pd * (1 - pd) / n).squareRoot()
            #expect(abs(mean - expected) < 4 * sd, "\(variant): E[m] = \(expected)")
        }
    }

    @Test func rateZeroDrawsNothingAndLeavesTheStreamAlone() {
        var rng = Xoshiro(seed: 1), inputRNG = Xoshiro(seed: 2)
        for v in RecurrentDropoutVariant.allCases {
            let m = RecurrentMasks.draw(v, rows: 4, steps: 3, hidden: 5, inputs: 2, rate: 0, inputRate: 0, rng: &rng, inputRNG: &inputRNG)
            #expect(m.state(v).isEmpty && m.input.isEmpty)
        }
        #expect(rng == Xoshiro(seed: 1) && inputRNG == Xoshiro(seed: 2))
    }

    /// The layer keeps the last training step's masks per time step, and evaluation draws none.
    @Test func layerKeepsTheLastMasksAndEvalUsesNone() {
        var initRNG = Xoshiro(seed: 3)
        let l = LSTMLayer(inputs: 2, hidden: 8, steps: 7, variant: .naive, rate: 0.5, inputRate: 0,
                          initRNG: &initRNG, rng: Xoshiro(seed: 4), inputRNG: Xoshiro(seed: 5))
        let x = GradientCheck.random(3, 14, seed: 6)
        l.forwardTraining(x)
        let first = l.masks.hidden
        #expect(first.count == 7 && first.allSatisfy { $0.rows == 3 && $0.cols == 8 })
        let saved = l.rng
        let eval = l.predict(x)
        #expect(l.rng == saved, "evaluation draws no masks")
        #expect(l.masks.hidden == first)
        // The eval pass is the same computation with every mask at 1.
        var plain = LSTMTrace()
        l.run(x, masks: RecurrentMasks(), into: &plain)
        #expect(eval.h == plain.h)
        l.forwardTraining(x)
        #expect(l.masks.hidden != first, "a new step draws new masks")
    }
}
