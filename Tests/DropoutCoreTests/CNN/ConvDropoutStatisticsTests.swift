import Foundation
import Testing
@testable import DropoutCore

/// The conv dropout variants drop what DROPOUT.md says, in the proportions it says.
@Suite struct ConvDropoutStatisticsTests {
    /// Spatial dropout drops whole channels, each with probability p: the fraction of dropped
    /// (example, channel) pairs is within 4σ of p, σ = √(p(1-p)/n); kept channels are ×1/(1-p).
    @Test(arguments: [Float(0.1), 0.5, 0.9])
    func spatialDropsChannelsAtTheRate(_ p: Float) {
        let shape = FeatureMapShape(channels: 8, height: 4, width: 4)
        let d = ConvDropoutLayer(shape: shape, rate: p, variant: .spatial, rng: Xoshiro(seed: 31))
        var dropped = 0, n = 0
        for _ in 0..<50 {
            d.drawMask(rows: 500)
            for e in 0..<500 {
                for c in 0..<shape.channels {
                    let values = Set((0..<shape.area).map { d.mask[e, c * shape.area + $0] })
                    #expect(values.count == 1, "a channel is dropped or kept as a whole")
                    if values.first == 0 { dropped += 1 } else { #expect(values.first == 1 / (1 - p)) }
                    n += 1
                }
            }
        }
        let sigma = (Double(p) * Double(1 - p) / Double(n)).squareRoot()
        #expect(abs(Double(dropped) / Double(n) - Double(p)) < 4 * sigma, "dropped \(dropped)/\(n)")
    }

    @Test(arguments: [Float(0.1), 0.5, 0.9])
    func elementwiseDropsPixelsAtTheRate(_ p: Float) {
        let d = ConvDropoutLayer(shape: FeatureMapShape(channels: 4, height: 8, width: 8), rate: p, variant: .elementwise, rng: Xoshiro(seed: 32))
        d.drawMask(rows: 4000)
        let n = d.mask.count
        let dropped = d.mask.data.filter { $0 == 0 }.count
        let sigma = (Double(p) * Double(1 - p) / Double(n)).squareRoot()
        #expect(abs(Double(dropped) / Double(n) - Double(p)) < 4 * sigma)
        #expect(d.mask.data.allSatisfy { $0 == 0 || $0 == 1 / (1 - p) })
    }

    /// DropBlock's dropped area. The paper's γ makes the expected *seeded area* γ·(f-b+1)²·b²
    /// equal to (1-keep)·f², but blocks overlap, so the dropped fraction is smaller than 1-keep.
    /// What is exact: pixel (r, c) is covered by n_r·n_c candidate blocks, each seeded
    /// independently, so it is dropped with probability 1-(1-γ)^(n_r·n_c);
    /// `expectedDroppedFraction` averages that over the map. The test compares the measured
    /// fraction with that exact value within 4σ, σ the standard error over the independent maps
    /// (the pixels of one map are not independent, so the maps are the samples). Then, as a
    /// documented band for "close to 1-keep": overlaps can only lower the area (union bound), so
    /// exact ≤ 1-keep; and on these geometries at rates up to 0.3 the loss to overlaps is
    /// under a fifth: exact ≥ 0.8·(1-keep).
    @Test(arguments: [(8, 3, Float(0.1)), (8, 3, 0.3), (8, 2, 0.2), (4, 2, 0.1), (4, 2, 0.3), (5, 1, 0.3)])
    func dropBlockDropsAboutOneMinusKeep(f: Int, b: Int, p: Float) {
        let shape = FeatureMapShape(channels: 4, height: f, width: f)
        let d = ConvDropoutLayer(shape: shape, rate: p, variant: .dropblock, blockSize: b, rng: Xoshiro(seed: 33))
        var fractions: [Double] = []
        for _ in 0..<20 {
            d.drawMask(rows: 500)
            for e in 0..<500 {
                for c in 0..<shape.channels {
                    var dropped = 0
                    for i in 0..<shape.area where d.mask[e, c * shape.area + i] == 0 { dropped += 1 }
                    fractions.append(Double(dropped) / Double(shape.area))
                }
            }
        }
        let m = Double(fractions.count)
        let mean = fractions.reduce(0, +) / m
        let sd = (fractions.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (m - 1)).squareRoot()
        let exact = DropBlock.expectedDroppedFraction(rate: p, block: b, height: f, width: f)
        #expect(abs(mean - exact) < 4 * sd / m.squareRoot(), "measured \(mean), exact \(exact)")
        #expect(exact <= Double(p) + 1e-12)
        #expect(exact >= 0.8 * Double(p), "exact \(exact) for 1-keep \(p)")
        if b == 1 { #expect(abs(exact - Double(p)) < 1e-9, "b = 1 is element-wise dropout") }
    }

    /// Blocks are whole: every dropped pixel lies in some b×b square of dropped pixels that fits
    /// in the map; kept pixels are rescaled by count(all)/count(kept) of their example.
    @Test func dropBlockDropsWholeBlocksAndRescales() {
        let shape = FeatureMapShape(channels: 3, height: 8, width: 8)
        let b = 3
        let d = ConvDropoutLayer(shape: shape, rate: 0.3, variant: .dropblock, blockSize: b, rng: Xoshiro(seed: 34))
        d.drawMask(rows: 50)
        for e in 0..<50 {
            let kept = (0..<shape.count).filter { d.mask[e, $0] != 0 }.count
            for i in 0..<shape.count where d.mask[e, i] != 0 {
                #expect(abs(d.mask[e, i] - Float(shape.count) / Float(kept)) < 1e-5)
            }
            for c in 0..<shape.channels {
                for r in 0..<8 {
                    for col in 0..<8 where d.mask[e, shape.index(c, r, col)] == 0 {
                        let inBlock = (max(0, r - b + 1)...min(r, 8 - b)).contains { top in
                            (max(0, col - b + 1)...min(col, 8 - b)).contains { left in
                                (top..<(top + b)).allSatisfy { rr in (left..<(left + b)).allSatisfy { d.mask[e, shape.index(c, rr, $0)] == 0 } }
                            }
                        }
                        #expect(inBlock)
                    }
                }
            }
        }
    }

    /// γ as the paper writes it; never above p, since b·(f-b+1) ≥ f for 1 ≤ b ≤ f
    /// ((b-1)(f-b) ≥ 0), so γ is a probability at every rate dropviz accepts.
    @Test func dropBlockGamma() {
        let p = Double(Float(0.1))
        #expect(abs(DropBlock.gamma(rate: 0.1, block: 3, height: 8, width: 8) - p / 9 * 64 / 36) < 1e-12)
        for f in 1...10 {
            for b in 1...f {
                #expect(DropBlock.gamma(rate: 0.95, block: b, height: f, width: f) <= Double(Float(0.95)) + 1e-12)
            }
        }
    }

    /// Probabilistic weighted pooling is the exact expectation of the training max: enumerate
    /// all 2⁴ keep masks of a window, weight each by q^kept (1-q)^dropped.
    @Test(arguments: [Float(0.1), 0.5, 0.8])
    func weightedPoolingIsTheExpectedMax(_ p: Float) {
        let q = 1 - p
        for window in [[Float(0.3), 1.2, 0.7, 2.0], [0, 0, 0.5, 0.5], [3, 1, 2, 0.25]] {
            var expected: Double = 0
            for bits in 0..<16 {
                var probability: Double = 1, best: Float = 0
                for i in 0..<4 {
                    let kept = bits & (1 << i) != 0
                    probability *= kept ? Double(q) : Double(p)
                    best = max(best, kept ? window[i] : 0)
                }
                expected += probability * Double(best)
            }
            #expect(abs(Double(ProbabilisticWeightedPooling.value(window, keep: q)) - expected) < 1e-6)
            #expect(abs(Double(ProbabilisticWeightedPooling.value4(window[0], window[1], window[2], window[3], keep: q)) - expected) < 1e-6)
        }
    }

    /// The pooling layer's training max over random masks (from the position's own stream)
    /// averages to its evaluation output (probabilistic weighted pooling) within 4σ.
    @Test(arguments: [Float(0.25), 0.5])
    func trainingMaxAveragesToWeightedPooling(_ p: Float) {
        let shape = FeatureMapShape(channels: 1, height: 2, width: 2)
        let d = ConvDropoutLayer(shape: shape, rate: p, variant: .maxpool, rng: Xoshiro(seed: 35))
        let pool = MaxPool2DLayer(input: shape)
        pool.poolDropout = d
        let rows = 100_000
        var x = Matrix(rows: rows, cols: 4)
        for r in 0..<rows { for (j, v) in [Float(0.3), 1.2, 0.7, 2.0].enumerated() { x[r, j] = v } }
        var masked = Matrix(rows: 0, cols: 0), y = Matrix(rows: 0, cols: 0)
        d.forward(x, into: &masked, training: true)
        pool.forward(masked, into: &y, training: true)
        let samples = y.data.map(Double.init)
        let mean = samples.reduce(0, +) / Double(rows)
        let sd = (samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows - 1)).squareRoot()
        var eval = Matrix(rows: 0, cols: 0)
        pool.forward(Matrix(rows: 1, cols: 4, data: [0.3, 1.2, 0.7, 2.0]), into: &eval, training: false)
        #expect(abs(mean - Double(eval[0, 0])) < 4 * sd / Double(rows).squareRoot(), "mean \(mean), weighted \(eval[0, 0])")
        #expect(abs(eval[0, 0] - ProbabilisticWeightedPooling.value([0.3, 1.2, 0.7, 2.0], keep: 1 - p)) < 1e-6)
    }
}
