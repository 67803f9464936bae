import Foundation

/// A grid of rates: one network per hidden rate, all on the same data from the same seed (same
/// initial weights, batch order and mask streams), stepped in lock-step. `dropviz run --grid`.
///
/// Why the cells may step on several threads at once and still give the same numbers: a cell
/// shares nothing writable with another (its own model, optimiser, sampler and mask streams;
/// the data is read only), and BLAS runs single-threaded inside each call (BLAS.swift), so
/// each cell computes exactly what it would alone, whichever thread runs it and in whatever
/// order. The test `gridCellsEqualSeparateRuns` checks it bit for bit.
public final class RateGrid {
    /// How many rates a grid holds.
    public static let counts = 2...9

    public let rates: [Float]
    public let cells: [Trainer]

    /// One trainer per rate on the data of `base` (built once), each with every hidden rate set
    /// to its rate; the input keeps `base`'s rate.
    public init(base: TrainingConfig, rates: [Float], data: DataSplit) throws {
        try Self.check(rates)
        self.rates = rates
        cells = try rates.map { p in try Trainer(config: Self.config(base, rate: p), data: data) }
    }

    /// `base` with every hidden rate `p`.
    public static func config(_ base: TrainingConfig, rate p: Float) -> TrainingConfig {
        var c = base
        for i in 1..<c.rates.count { c.rates[i] = p }
        return c
    }

    /// `--grid 0,0.25,0.5`: 2 to 9 rates, each a valid rate.
    public static func parse(_ text: String) throws -> [Float] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let rates = try parts.map { part -> Float in
            guard let p = Float(part) else { throw SettingError(.grid, value: part, ": '\(part)' is not a rate (give 2 to 9 rates such as 0,0.25,0.5)") }
            return p
        }
        try check(rates)
        return rates
    }

    public static func check(_ rates: [Float]) throws {
        guard counts.contains(rates.count) else {
            throw SettingError(.grid, value: rates.count, "needs \(counts.lowerBound) to \(counts.upperBound) rates, got \(rates.count)")
        }
        for p in rates { try TrainingConfig.checkRate(p, setting: .gridRate) }
    }

    /// One step of every cell that has not diverged, the cells spread over the cores.
    public func step() {
        let cells = UnsafeCells(cells: cells)
        DispatchQueue.concurrentPerform(iterations: cells.cells.count) { i in
            let t = cells.cells[i]
            if !t.diverged { t.step() }
        }
    }

    /// Every cell back to step 0 (with a new seed when given), so they stay in lock-step.
    public func reset(seed: UInt64? = nil) {
        for t in cells { t.reset(seed: seed) }
    }
}

/// The cells handed to the worker threads of one step. Unchecked because `Trainer` is a class
/// without locks: sound here since each iteration touches only its own cell (see `RateGrid`).
private struct UnsafeCells: @unchecked Sendable {
    let cells: [Trainer]
}
