/// The rearrangement that turns a stride-1 convolution into one matrix product.
///
/// `columns` has a row per kernel tap `(c, u, v)` (`C_in·k·k` rows) and a column per output
/// pixel of every example (`N·H_out·W_out` columns, example-major): entry
/// `[(c·k + u)·k + v, n·P + (i·W_out + j)]` is the input pixel `x[n, c, i+u-pad, j+v-pad]`, zero
/// outside the map. Then `W · columns`, with `W` of shape `C_out × C_in·k·k`, is every output
/// pixel of every channel at once.
enum Im2Col {
    static func forward(_ x: Matrix, input s: FeatureMapShape, output o: FeatureMapShape, kernel k: Int, pad: Int,
                        into columns: inout Matrix) {
        let n = x.rows, p = o.area
        columns.reshape(rows: s.channels * k * k, cols: n * p)
        let totalCols = n * p
        x.data.withUnsafeBufferPointer { xs in
            columns.data.withUnsafeMutableBufferPointer { col in
                for c in 0..<s.channels {
                    for u in 0..<k {
                        for v in 0..<k {
                            let rowBase = ((c * k + u) * k + v) * totalCols
                            for e in 0..<n {
                                let xBase = e * s.count + c * s.area
                                for i in 0..<o.height {
                                    let yi = i + u - pad
                                    let dst = rowBase + e * p + i * o.width
                                    if yi < 0 || yi >= s.height {
                                        for j in 0..<o.width { col[dst + j] = 0 }
                                        continue
                                    }
                                    for j in 0..<o.width {
                                        let xj = j + v - pad
                                        col[dst + j] = xj >= 0 && xj < s.width ? xs[xBase + yi * s.width + xj] : 0
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The adjoint of `forward`: adds every column entry back onto the input pixel it was read
    /// from (a pixel read by several taps receives the sum), zeroing `dx` first.
    static func backward(_ columns: Matrix, input s: FeatureMapShape, output o: FeatureMapShape, kernel k: Int, pad: Int,
                         examples n: Int, into dx: inout Matrix) {
        dx.reshape(rows: n, cols: s.count)
        dx.fill(0)
        let p = o.area, totalCols = n * p
        columns.data.withUnsafeBufferPointer { col in
            dx.data.withUnsafeMutableBufferPointer { out in
                for c in 0..<s.channels {
                    for u in 0..<k {
                        for v in 0..<k {
                            let rowBase = ((c * k + u) * k + v) * totalCols
                            for e in 0..<n {
                                let xBase = e * s.count + c * s.area
                                for i in 0..<o.height {
                                    let yi = i + u - pad
                                    guard yi >= 0 && yi < s.height else { continue }
                                    let src = rowBase + e * p + i * o.width
                                    for j in 0..<o.width {
                                        let xj = j + v - pad
                                        if xj >= 0 && xj < s.width { out[xBase + yi * s.width + xj] += col[src + j] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
