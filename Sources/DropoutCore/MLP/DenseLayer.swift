/// `y = x·W + b`, with `W` of shape inputs × outputs.
public final class DenseLayer: Layer {
    public let weight: Parameter
    public let bias: Parameter
    public var inputWidth: Int { weight.value.rows }
    public var outputWidth: Int { weight.value.cols }
    public var parameters: [Parameter] { [weight, bias] }
    /// The dropout position this layer feeds. Under DropConnect it masks this layer's weights
    /// (DropConnect.swift); under every other variant it is not consulted.
    public var connectionDropout: DropoutLayer?
    /// `M ⊙ W` of the current training step (DropConnect only).
    private var maskedWeight = Matrix(rows: 0, cols: 0)
    /// `dyᵀ` and `dxᵀ` of `inputGradient`, kept from step to step.
    private var dyT = Matrix(rows: 0, cols: 0), dxT = Matrix(rows: 0, cols: 0)
    /// `Wᵀ` of `inputGradient` and `−lr·dyᵀ·x` of the SGD step when `dy` is thin
    /// (DenseLayer+ThinProducts.swift).
    var weightT = Matrix(rows: 0, cols: 0), weightStepT = Matrix(rows: 0, cols: 0)

    public init(inputs: Int, outputs: Int, initialization: Initialization, rng: inout Xoshiro) {
        var w = Matrix(rows: inputs, cols: outputs)
        switch initialization {
        case .he:
            let std = (2 / Float(inputs)).squareRoot()
            for i in 0..<w.count { w.data[i] = rng.normal() * std }
        case .glorot:
            let limit = (6 / Float(inputs + outputs)).squareRoot()
            for i in 0..<w.count { w.data[i] = (rng.uniform() * 2 - 1) * limit }
        }
        weight = Parameter(name: "W", value: w, isWeight: true)
        bias = Parameter(name: "b", value: Matrix(rows: 1, cols: outputs), isWeight: false)
    }

    public func forward(_ x: Matrix, into y: inout Matrix, training: Bool) {
        y.reshape(rows: x.rows, cols: outputWidth)
        let n = outputWidth
        bias.value.data.withUnsafeBufferPointer { b in
            y.data.withUnsafeMutableBufferPointer { out in
                for r in 0..<x.rows {
                    let base = r * n
                    for j in 0..<n { out[base + j] = b[j] }
                }
            }
        }
        if let g = connectionDropout, g.dropsConnections {
            if training {
                g.drawWeightMask(inputs: inputWidth, outputs: outputWidth)
                DropConnect.mask(weight.value, by: g.weightMask, into: &maskedWeight)
                BLAS.gemm(x, maskedWeight, into: &y, beta: 1)
            } else {
                // Mean field: E[M ⊙ W] = E[M]·W (moment matching is the network's business, as
                // it needs the activation inside the expectation).
                BLAS.gemm(x, weight.value, into: &y, alpha: g.connectionEvalScale, beta: 1)
            }
            return
        }
        if training { connectionDropout?.weightMaskApplied = false }
        BLAS.gemm(x, weight.value, into: &y, beta: 1)
    }

    public func backward(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool) {
        // dW = xᵀ·dy, db = Σ_rows dy, dx = dy·Wᵀ; under DropConnect dW = (xᵀ·dy) ⊙ M and
        // dx = dy·(M ⊙ W)ᵀ, with the mask the training pass used.
        let masked = connectionDropout.map { $0.weightMaskApplied } ?? false
        BLAS.gemm(x, transposeA: true, dy, into: &weight.grad)
        if masked, let g = connectionDropout {
            let m = g.weightMask
            precondition(m.count == weight.grad.count, "DropConnect: the mask does not match the weights")
            for i in 0..<m.count { weight.grad.data[i] *= m.data[i] }
            // Recomputed from the stored mask so that the backward pass always agrees with it.
            DropConnect.mask(weight.value, by: m, into: &maskedWeight)
        }
        biasGradient(dy)
        if needsInputGradient {
            inputGradient(dy, weights: masked ? maskedWeight : weight.value, into: &dx)
        }
    }

    /// `dx = dy·Wᵀ`, on small products computed as `(W·dyᵀ)ᵀ`: OpenBLAS's small-matrix
    /// kernels are much faster for a result with few columns (the batch) than for one with few
    /// rows, by more than the two transposes cost (on the digits network, 8 µs of an 80 µs
    /// step). Larger products all go through its packing path, where the transposes would
    /// only add. The choice depends on the shapes alone, so a run stays reproducible.
    func inputGradient(_ dy: Matrix, weights w: Matrix, into dx: inout Matrix) {
        inputGradient(dy, weights: w, into: &dx, transposed: dy.rows * w.rows * w.cols <= Transpose.smallProduct)
    }

    /// `inputGradient` with the form chosen by the caller (tests compare the two).
    func inputGradient(_ dy: Matrix, weights w: Matrix, into dx: inout Matrix, transposed: Bool) {
        guard transposed else {
            dx.reshape(rows: dy.rows, cols: w.rows)
            BLAS.gemm(dy, w, transposeB: true, into: &dx)
            return
        }
        if thinInputGradient(dy, weights: w, into: &dx) { return }
        Transpose.transpose(dy, into: &dyT)
        dxT.reshape(rows: w.rows, cols: dy.rows)
        BLAS.gemm(w, dyT, into: &dxT)
        Transpose.transpose(dxT, into: &dx)
    }

    /// `db = Σ_rows dy`.
    func biasGradient(_ dy: Matrix) {
        let n = outputWidth
        bias.grad.data.withUnsafeMutableBufferPointer { db in
            for j in 0..<n { db[j] = 0 }
            dy.data.withUnsafeBufferPointer { g in
                for r in 0..<dy.rows {
                    let base = r * n
                    for j in 0..<n { db[j] += g[base + j] }
                }
            }
        }
    }
}
