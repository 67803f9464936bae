import DropoutCore

/// Monte Carlo dropout over a 1-D input (Gal & Ghahramani 2016): at every x of a grid that
/// reaches well beyond the data on both sides, the mean and standard deviation of `T`
/// stochastic passes, beside the eval-mode prediction. What the regression views draw and
/// what the uncertainty lesson's test measures, so that the picture and the claim are one
/// computation.
struct UncertaintyBand: Sendable, Equatable {
    /// The grid, in standardised units, low to high.
    var xs: [Double]
    var mean: [Double]
    var std: [Double]
    var eval: [Double]
    /// Where the training examples lie (standardised units).
    var trainLow: Double
    var trainHigh: Double

    /// How far the grid reaches past the data on each side, as a fraction of the data's range:
    /// far enough that what the network does away from its data takes most of the picture.
    static let reach = 0.75
    /// The share of the grid, at each end, over which `farStd` averages.
    static let endShare = 0.1

    var low: Double { xs.first ?? 0 }
    var high: Double { xs.last ?? 1 }

    /// The displayed x range for `data`: both sets' range plus `reach` of it on each side.
    static func range(_ data: DataSplit, reach: Double = reach) -> (low: Double, high: Double) {
        let (lo, hi) = dataRange(data, sets: [data.train, data.validation])
        let extra = reach * max(hi - lo, 1e-3)
        return (lo - extra, hi + extra)
    }

    static func dataRange(_ data: DataSplit, sets: [Dataset]) -> (low: Double, high: Double) {
        var lo = Double.infinity, hi = -Double.infinity
        for set in sets {
            for r in 0..<set.count where set.features[r, 0].isFinite {
                lo = min(lo, Double(set.features[r, 0]))
                hi = max(hi, Double(set.features[r, 0]))
            }
        }
        return lo <= hi ? (lo, hi) : (-1, 1)
    }

    /// `points` grid points (at least 2) across `range(trainer.data)`, `samples` passes drawn
    /// from streams of `seed`, so the same network gives the same band every frame.
    static func compute(_ trainer: Trainer, points: Int, samples: Int, seed: UInt64, reach: Double = reach) -> UncertaintyBand {
        let n = max(2, points)
        let (lo, hi) = range(trainer.data, reach: reach)
        let xs = (0..<n).map { lo + Double($0) / Double(n - 1) * (hi - lo) }
        let grid = Matrix(rows: n, cols: 1, data: xs.map { Float($0) })
        // Monte Carlo dropout is the MLP's (the panel checks); another model has no band.
        guard let net = trainer.mlp else { return UncertaintyBand(xs: [], mean: [], std: [], eval: [], trainLow: 0, trainHigh: 0) }
        let mc = MonteCarloDropout.predict(net, grid, samples: max(1, samples), seed: seed)
        let plain = net.predict(grid)
        let (tLo, tHi) = dataRange(trainer.data, sets: [trainer.data.train])
        return UncertaintyBand(xs: xs, mean: (0..<n).map { Double(mc.mean[$0, 0]) }, std: (0..<n).map { Double(mc.std[$0, 0]) },
                               eval: (0..<n).map { Double(plain[$0, 0]) }, trainLow: tLo, trainHigh: tHi)
    }

    /// The mean σ over the grid points among the training data.
    var insideStd: Double {
        let inside = xs.indices.filter { xs[$0] >= trainLow && xs[$0] <= trainHigh }
        return inside.isEmpty ? 0 : inside.map { std[$0] }.reduce(0, +) / Double(inside.count)
    }

    /// The mean σ over the outermost `endShare` of the grid at each end.
    var farStd: (left: Double, right: Double) {
        let k = max(1, Int((Double(xs.count) * Self.endShare).rounded()))
        let average = { (r: ArraySlice<Double>) in r.reduce(0, +) / Double(r.count) }
        return (average(std.prefix(k)), average(std.suffix(k)))
    }

    /// How many times wider the band is at its narrower far end than among the data.
    var widening: Double {
        let far = farStd
        return min(far.left, far.right) / max(insideStd, 1e-12)
    }
}
