/// A stride-1 2-D convolution: `C_in` maps in, `C_out` maps out, `k × k` kernels, padding
/// `same` or `valid`:
///
///     y[n, o, i, j] = b[o] + Σ_{c,u,v} W[o, (c·k+u)·k+v] · x[n, c, i+u-pad, j+v-pad]
///
/// computed as one product `W · im2col(x)` (Im2Col.swift). Backward, with `G` the output
/// gradient arranged as `C_out × N·P`: `dW = G · colᵀ`, `db[o] = Σ G[o, ·]`,
/// `dx = col2im(Wᵀ · G)`.
public final class Conv2DLayer: Layer {
    public let input: FeatureMapShape
    public let output: FeatureMapShape
    public let kernel: Int
    public let padding: ConvPadding
    /// `C_out × C_in·k·k`: row `o` is output channel `o`'s kernel, flattened as `(c, u, v)`.
    public let weight: Parameter
    /// `1 × C_out`.
    public let bias: Parameter
    public var inputWidth: Int { input.count }
    public var outputWidth: Int { output.count }
    public var parameters: [Parameter] { [weight, bias] }

    // Scratch, rebuilt from `x` on every call (the layer keeps no reference to its input).
    private var columns = Matrix(rows: 0, cols: 0)
    private var product = Matrix(rows: 0, cols: 0)
    private var dProduct = Matrix(rows: 0, cols: 0)
    private var dColumns = Matrix(rows: 0, cols: 0)

    public init(input: FeatureMapShape, outputChannels: Int, kernel k: Int, padding: ConvPadding, rng: inout Xoshiro) {
        precondition(k >= 1 && outputChannels >= 1)
        self.input = input
        self.kernel = k
        self.padding = padding
        output = FeatureMapShape(channels: outputChannels, height: padding.outputSize(input.height, kernel: k),
                                 width: padding.outputSize(input.width, kernel: k))
        precondition(output.height >= 1 && output.width >= 1, "convolution: the kernel is larger than the map")
        // He initialisation over the fan-in C_in·k·k: the convolutions feed ReLUs.
        let fanIn = input.channels * k * k
        let std = (2 / Float(fanIn)).squareRoot()
        var w = Matrix(rows: outputChannels, cols: fanIn)
        for i in 0..<w.count { w.data[i] = rng.normal() * std }
        weight = Parameter(name: "W", value: w, isWeight: true)
        bias = Parameter(name: "b", value: Matrix(rows: 1, cols: outputChannels), isWeight: false)
    }

    public func forward(_ x: Matrix, into y: inout Matrix, training: Bool) {
        precondition(x.cols == input.count, "convolution: the input is not \(input)")
        let n = x.rows, p = output.area
        Im2Col.forward(x, input: input, output: output, kernel: kernel, pad: padding.pad(kernel: kernel), into: &columns)
        product.reshape(rows: output.channels, cols: n * p)
        BLAS.gemm(weight.value, columns, into: &product)
        // C_out × (N·P) → N × (C_out·P), adding the bias.
        y.reshape(rows: n, cols: output.count)
        let channels = output.channels
        product.data.withUnsafeBufferPointer { g in
            bias.value.data.withUnsafeBufferPointer { b in
                y.data.withUnsafeMutableBufferPointer { out in
                    for o in 0..<channels {
                        for e in 0..<n {
                            let src = o * n * p + e * p, dst = e * channels * p + o * p
                            for q in 0..<p { out[dst + q] = g[src + q] + b[o] }
                        }
                    }
                }
            }
        }
    }

    public func backward(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool) {
        let n = dy.rows, p = output.area, channels = output.channels
        Im2Col.forward(x, input: input, output: output, kernel: kernel, pad: padding.pad(kernel: kernel), into: &columns)
        // N × (C_out·P) → C_out × (N·P).
        dProduct.reshape(rows: channels, cols: n * p)
        dy.data.withUnsafeBufferPointer { g in
            dProduct.data.withUnsafeMutableBufferPointer { out in
                for o in 0..<channels {
                    for e in 0..<n {
                        let dst = o * n * p + e * p, src = e * channels * p + o * p
                        for q in 0..<p { out[dst + q] = g[src + q] }
                    }
                }
            }
        }
        BLAS.gemm(dProduct, columns, transposeB: true, into: &weight.grad)
        for o in 0..<channels {
            var s: Float = 0
            for q in 0..<(n * p) { s += dProduct.data[o * n * p + q] }
            bias.grad.data[o] = s
        }
        guard needsInputGradient else { return }
        dColumns.reshape(rows: columns.rows, cols: columns.cols)
        BLAS.gemm(weight.value, transposeA: true, dProduct, into: &dColumns)
        Im2Col.backward(dColumns, input: input, output: output, kernel: kernel, pad: padding.pad(kernel: kernel),
                        examples: n, into: &dx)
    }
}
