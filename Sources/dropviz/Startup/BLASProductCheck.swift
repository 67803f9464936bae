import DropoutCore

/// Products of fixed seeded matrices in the four transpose combinations the model uses, with
/// shapes that are not multiples of any kernel's block (so edge code runs too), printed
/// exactly, each followed by |a|·|b|: two kernel sets may differ by at most 2·k·u·(|a|·|b|)
/// element by element (u = 2⁻²⁴, the standard bound for a sum of k products in any order).
/// The tests run it under each kernel set and compare within that bound. The products go to
/// OpenBLAS even where the small-matrix kernel (SmallGemm.swift) would take them: it is
/// OpenBLAS's kernel sets that are compared.
enum BLASProductCheck {
    static let (m, n, k) = (37, 45, 131)

    static func lines() -> [String] {
        var rng = Stream.generator(seed: 7, stream: .data)
        func random(_ rows: Int, _ cols: Int) -> Matrix {
            var x = Matrix(rows: rows, cols: cols)
            for i in 0..<x.count { x.data[i] = rng.uniform() * 2 - 1 }
            return x
        }
        var out: [String] = []
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = ta ? random(k, m) : random(m, k)
            let b = tb ? random(n, k) : random(k, n)
            var c = Matrix(rows: m, cols: n)
            BLAS.gemm(a, transposeA: ta, b, transposeB: tb, into: &c, smallKernel: false)
            var bound = Matrix(rows: m, cols: n)
            var absA = a, absB = b
            for i in 0..<absA.count { absA.data[i] = abs(absA.data[i]) }
            for i in 0..<absB.count { absB.data[i] = abs(absB.data[i]) }
            BLAS.gemm(absA, transposeA: ta, absB, transposeB: tb, into: &bound)
            out.append(c.data.map { String($0.bitPattern, radix: 16) }.joined(separator: " "))
            out.append(bound.data.map { String($0.bitPattern, radix: 16) }.joined(separator: " "))
        }
        return out
    }
}
