import DropoutCore
import Testing

@Suite struct CoadaptationTests {
    /// Columns built from a seeded stream: `columns[j](row, base)` gives column j of a row, where
    /// `base` is a standard normal draw shared by the row and `own` one drawn for the column.
    func activations(rows n: Int, seed: UInt64 = 7, _ columns: [(Float, Float) -> Float]) -> Matrix {
        var rng = Xoshiro(seed: seed)
        var m = Matrix(rows: n, cols: columns.count)
        for r in 0..<n {
            let base = rng.normal()
            for (j, f) in columns.enumerated() { m[r, j] = f(base, rng.normal()) }
        }
        return m
    }

    @Test func identicalColumnsCorrelateFully() {
        let a = activations(rows: 200, [{ b, _ in b }, { b, _ in b }, { b, _ in 3 * b + 2 }])
        let c = Coadaptation.correlations(a)
        for i in 0..<3 { for j in 0..<3 { #expect(abs(c[i, j] - 1) < 1e-5, "c[\(i),\(j)] = \(c[i, j])") } }
        let summary = Coadaptation.meanAbsOffDiagonal(c)
        #expect(abs(summary.value - 1) < 1e-5 && summary.usedUnits == 3)
    }

    @Test func antiCorrelatedColumnsGiveMinusOne() {
        let c = Coadaptation.correlations(activations(rows: 100, [{ b, _ in b }, { b, _ in -0.5 * b + 1 }]))
        #expect(abs(c[0, 1] + 1) < 1e-5 && abs(c[1, 0] + 1) < 1e-5)
        #expect(abs(Coadaptation.meanAbsOffDiagonal(c).value - 1) < 1e-5)
    }

    @Test func independentColumnsAreNearZero() {
        let n = 2000
        let a = activations(rows: n, [{ _, o in o }, { b, _ in b }, { _, o in max(0, o) }])
        let c = Coadaptation.correlations(a)
        // The sample correlation of independent variables has a standard deviation of about
        // 1/√n: five of those is a bound a correct implementation essentially never exceeds.
        let tolerance = 5 / Double(n).squareRoot()
        for i in 0..<3 { for j in 0..<3 where i != j { #expect(abs(Double(c[i, j])) < tolerance, "c[\(i),\(j)] = \(c[i, j])") } }
        #expect(Coadaptation.meanAbsOffDiagonal(c).value < tolerance)
    }

    @Test func constantColumnIsExcluded() {
        // Column 1 is a dead unit; 0 and 2 are identical.
        let a = activations(rows: 50, [{ b, _ in b }, { _, _ in 0 }, { b, _ in b }])
        let c = Coadaptation.correlations(a)
        #expect(c[1, 1].isNaN && c[0, 1].isNaN && c[1, 2].isNaN)
        #expect(c[1, 1].isNaN && c[2, 1].isNaN)
        let summary = Coadaptation.meanAbsOffDiagonal(c)
        #expect(summary.usedUnits == 2)
        #expect(abs(summary.value - 1) < 1e-5)
    }

    @Test func fewerThanTwoVaryingUnitsHasNoSummary() {
        let c = Coadaptation.correlations(activations(rows: 20, [{ b, _ in b }, { _, _ in 4 }]))
        let summary = Coadaptation.meanAbsOffDiagonal(c)
        #expect(summary.value.isNaN && summary.usedUnits == 1)
    }
}
