/// How often each unit of each dropout position was actually dropped: the empirical side of
/// "a unit is dropped with probability p", so that the visualizer can show the layer's running
/// drop fraction converging to `p` (and a wrong mask, such as `normal() < keep`, would show at
/// once; see DROPOUT.md's pitfall).
///
/// The counts start afresh at `Trainer.reset` and, per position, whenever its rate, scaling or
/// variant changes: a fraction mixed over two rates would be compared with neither, so the
/// counts always describe the current setting ("since p was set").
///
/// What a draw is, per variant:
/// - Bernoulli (and the input position of DropConnect and standout): one unit of one example;
///   dropped when its multiplier is exactly 0.
/// - Gaussian: one gate `g` of one example; never dropped, but the gates' running variance is
///   kept, to compare with `p/(1-p)`.
/// - DropConnect: one incoming connection of the unit in one step (the weight mask is shared
///   by the batch): `dropped[j]` counts unit `j`'s dropped inputs.
/// - Standout: one unit of one example, dropped when its gate is 0; the keep probabilities π
///   are summed too, since the drop fraction converges to `1 − mean π`, not to `p`.
///
/// Recording is one pass over each mask (and over the weight mask under DropConnect).
public struct DropStatistics: Sendable, Equatable {
    /// One dropout position's counts.
    public struct Position: Sendable, Equatable {
        public private(set) var variant: DropoutVariant
        public private(set) var rate: Float
        public private(set) var scaling: Scaling
        /// Training steps recorded.
        public private(set) var steps = 0
        /// Draws per unit (every unit sees the same number).
        public private(set) var drawsPerUnit = 0
        /// Dropped draws per unit.
        public private(set) var dropped: [Int]
        /// Dropped draws over the whole position (the sum of `dropped`).
        public private(set) var totalDropped = 0
        /// Sums of the gate values and their squares over every (example, unit) draw of the
        /// unit mask: the running mean and variance of the multiplier.
        public private(set) var gateSum: Double = 0
        public private(set) var gateSumOfSquares: Double = 0
        public private(set) var gateCount = 0
        /// Standout: the sum of π over every (example, unit) draw.
        public private(set) var keepSum: Double = 0

        init(width: Int, variant: DropoutVariant, rate: Float, scaling: Scaling) {
            self.variant = variant
            self.rate = rate
            self.scaling = scaling
            dropped = Array(repeating: 0, count: width)
        }

        public var width: Int { dropped.count }
        public var totalDraws: Int { drawsPerUnit * width }

        /// The position's running drop fraction (0 before any draw): converges to `p` for
        /// Bernoulli units and DropConnect's connections.
        public var dropFraction: Double {
            totalDraws > 0 ? Double(totalDropped) / Double(totalDraws) : 0
        }

        /// How often unit `j` was dropped (DropConnect: the fraction of its inputs).
        public func dropFraction(unit j: Int) -> Double {
            guard drawsPerUnit > 0, j >= 0, j < width else { return 0 }
            return Double(dropped[j]) / Double(drawsPerUnit)
        }

        /// The running mean of the unit-mask multipliers (1 for inverted and Gaussian gates).
        public var gateMean: Double { gateCount > 0 ? gateSum / Double(gateCount) : 0 }

        /// The running variance of the multipliers (divisor n): `p/(1-p)` for Gaussian and
        /// inverted gates, `p(1-p)` for vanilla ones.
        public var gateVariance: Double {
            guard gateCount > 0 else { return 0 }
            let m = gateMean
            // E[g²] − E[g]²: the mean is near 1 and the sums are Doubles, so no cancellation
            // worth a two-pass formula.
            return max(0, gateSumOfSquares / Double(gateCount) - m * m)
        }

        /// Standout: the mean keep probability π over every draw.
        public var meanKeep: Double { gateCount > 0 ? keepSum / Double(gateCount) : 0 }

        /// The standard deviation of `dropFraction` as an estimate of `p` (binomial), for
        /// "converging to p" bands.
        public var dropFractionStandardError: Double {
            guard totalDraws > 0 else { return 0 }
            let p = Double(rate)
            return (p * (1 - p) / Double(totalDraws)).squareRoot()
        }

        mutating func record(_ d: DropoutLayer, inputs: Int) {
            steps += 1
            switch d.effectiveVariant {
            case .dropconnect:
                // The unit mask is all ones here: only the connections are counted.
                recordConnections(d, inputs: inputs)
            case .bernoulli, .standout:
                recordGates(d.mask, countDrops: true)
                if d.effectiveVariant == .standout, d.drawsStandout { addKeep(d.keep) }
            case .gaussian:
                recordGates(d.mask, countDrops: false)
            }
        }

        /// One pass over the unit mask: the gate moments, and the dropped units per column.
        /// Branch-free, with each row summed in `Float` and added to the `Double` totals: a
        /// branch on "dropped" is mispredicted half the time at p = 0.5, which made recording
        /// cost as much as drawing the mask.
        private mutating func recordGates(_ m: Matrix, countDrops: Bool) {
            guard m.cols == width else { return }
            let rows = m.rows, w = width
            var sum: Double = 0, squares: Double = 0, total = 0
            m.data.withUnsafeBufferPointer { pm in
                dropped.withUnsafeMutableBufferPointer { counts in
                    guard let g = pm.baseAddress, let c = counts.baseAddress else { return }
                    // This step's drops per column in 32 bits (a batch has fewer than 2³¹ rows).
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: w) { buffer in
                        guard let scratch = buffer.baseAddress else { return }
                        scratch.initialize(repeating: 0, count: w)
                        for r in 0..<rows {
                            let row = g + r * w
                            // Eight lanes: a single Float accumulator would be one long chain
                            // of dependent additions.
                            var s = SIMD8<Float>(), s2 = SIMD8<Float>()
                            var j = 0
                            while j + 8 <= w {
                                let v = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<Float>.self)
                                s += v
                                s2 += v * v
                                j += 8
                            }
                            var rest: Float = 0, rest2: Float = 0
                            while j < w {
                                rest += row[j]
                                rest2 += row[j] * row[j]
                                j += 1
                            }
                            sum += Double(s.sum() + rest)
                            squares += Double(s2.sum() + rest2)
                            if countDrops {
                                // Four columns at a time with a vector compare: the scalar loop
                                // came out as 64-bit adds of widened compares.
                                var j = 0
                                while j + 4 <= w {
                                    let v = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD4<Float>.self)
                                    let zero = SIMD4<Int32>(repeating: 0).replacing(with: 1, where: v .== 0)
                                    let cv = UnsafeRawPointer(scratch + j).loadUnaligned(as: SIMD4<Int32>.self)
                                    UnsafeMutableRawPointer(scratch + j).storeBytes(of: cv &+ zero, as: SIMD4<Int32>.self)
                                    j += 4
                                }
                                while j < w {
                                    scratch[j] &+= row[j] == 0 ? 1 : 0
                                    j += 1
                                }
                            }
                        }
                        if countDrops {
                            for j in 0..<w {
                                c[j] &+= Int(scratch[j])
                                total &+= c[j]
                            }
                        }
                    }
                }
            }
            gateSum += sum
            gateSumOfSquares += squares
            gateCount += rows * w
            if countDrops {
                totalDropped = total
                drawsPerUnit += rows
            }
        }

        /// One pass over the weight mask (inputs × units): each unit's dropped inputs.
        private mutating func recordConnections(_ d: DropoutLayer, inputs: Int) {
            let m = d.weightMask
            drawsPerUnit += inputs
            // At rate 0 (or before the dense layer in front has drawn) nothing is masked.
            guard d.dropsConnections, d.weightMaskApplied, m.rows == inputs, m.cols == width else { return }
            let w = width
            var total = 0
            m.data.withUnsafeBufferPointer { pm in
                dropped.withUnsafeMutableBufferPointer { counts in
                    for i in 0..<inputs {
                        let base = i * w
                        for j in 0..<w where pm[base + j] == 0 {
                            counts[j] += 1
                            total += 1
                        }
                    }
                }
            }
            totalDropped += total
        }

        private mutating func addKeep(_ k: Matrix) {
            var s: Double = 0
            k.data.withUnsafeBufferPointer { pk in
                for v in pk { s += Double(v) }
            }
            keepSum += s
        }
    }

    public private(set) var positions: [Position] = []

    public init() {}

    /// Records the masks of the network's last training forward. Call once per training step.
    public mutating func record(_ network: MLPNetwork) {
        let widths = network.architecture.widths
        if positions.count != network.dropout.count { positions = [] }
        for (i, d) in network.dropout.enumerated() {
            let v = d.effectiveVariant
            if i >= positions.count {
                positions.append(Position(width: d.width, variant: v, rate: d.rate, scaling: d.scaling))
            } else if positions[i].variant != v || positions[i].rate != d.rate || positions[i].scaling != d.scaling
                        || positions[i].width != d.width {
                // The setting changed: the counts so far describe another p.
                positions[i] = Position(width: d.width, variant: v, rate: d.rate, scaling: d.scaling)
            }
            // The inputs of a hidden position's dense layer: the previous layer's width.
            positions[i].record(d, inputs: i > 0 ? widths[i - 1] : 0)
        }
    }

    /// The counts of position `d` (0 = input), or nil before the first step.
    public subscript(position d: Int) -> Position? {
        d >= 0 && d < positions.count ? positions[d] : nil
    }
}
