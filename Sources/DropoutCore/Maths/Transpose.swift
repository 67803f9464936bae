/// Transposes for the products that are faster the other way round.
///
/// OpenBLAS's small-matrix kernels are much faster when the result's rows are long and its
/// columns few: on the digits network `dx = dy·Wᵀ` (32 × 128, k = 128) takes 18 µs, but
/// `dxᵀ = W·dyᵀ` (128 × 32) 8 µs. A 4 × 4-tile transpose of such a matrix costs under 1 µs.
enum Transpose {
    /// The largest product (m·n·k multiply-adds) OpenBLAS hands to its small-matrix kernels,
    /// where the transposed form pays (`DenseLayer.inputGradient`).
    static let smallProduct = 1_000_000

    /// `t = aᵀ`.
    static func transpose(_ a: Matrix, into t: inout Matrix) {
        t.reshape(rows: a.cols, cols: a.rows)
        a.data.withUnsafeBufferPointer { src in
            t.data.withUnsafeMutableBufferPointer { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                transpose(s, rows: a.rows, cols: a.cols, into: d)
            }
        }
    }

    /// `t = aᵀ` for a row-major `rows × cols` matrix at `a`: four rows at a time, a 4 × 4 tile
    /// loaded as four vectors and stored as four; the edges one element at a time.
    static func transpose(_ a: UnsafePointer<Float>, rows: Int, cols: Int, into t: UnsafeMutablePointer<Float>) {
        var r = 0
        while r + 4 <= rows {
            var c = 0
            while c + 4 <= cols {
                let tile = Tile(a + r * cols + c, stride: cols).transposed
                tile.store(t + c * rows + r, stride: rows)
                c += 4
            }
            for c in c..<cols {
                for i in r..<(r + 4) { t[c * rows + i] = a[i * cols + c] }
            }
            r += 4
        }
        for i in r..<rows {
            for c in 0..<cols { t[c * rows + i] = a[i * cols + c] }
        }
    }

    /// Four rows of four floats.
    struct Tile {
        var r0, r1, r2, r3: SIMD4<Float>

        init(_ r0: SIMD4<Float>, _ r1: SIMD4<Float>, _ r2: SIMD4<Float>, _ r3: SIMD4<Float>) {
            (self.r0, self.r1, self.r2, self.r3) = (r0, r1, r2, r3)
        }

        @inline(__always)
        init(_ p: UnsafePointer<Float>, stride: Int) {
            self.init(Self.load(p), Self.load(p + stride), Self.load(p + 2 * stride), Self.load(p + 3 * stride))
        }

        @inline(__always)
        var transposed: Tile {
            Tile(SIMD4(r0[0], r1[0], r2[0], r3[0]), SIMD4(r0[1], r1[1], r2[1], r3[1]),
                 SIMD4(r0[2], r1[2], r2[2], r3[2]), SIMD4(r0[3], r1[3], r2[3], r3[3]))
        }

        @inline(__always)
        func store(_ p: UnsafeMutablePointer<Float>, stride: Int) {
            Self.store(r0, p)
            Self.store(r1, p + stride)
            Self.store(r2, p + 2 * stride)
            Self.store(r3, p + 3 * stride)
        }

        @inline(__always)
        static func load(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
            UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
        }

        @inline(__always)
        static func store(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
        }
    }
}
