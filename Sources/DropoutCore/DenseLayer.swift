/// `y = x·W + b`, with `W` of shape inputs × outputs.
public final class DenseLayer: Layer {
    public let weight: Parameter
    public let bias: Parameter
    public var inputWidth: Int { weight.value.rows }
    public var outputWidth: Int { weight.value.cols }
    public var parameters: [Parameter] { [weight, bias] }

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
        BLAS.gemm(x, weight.value, into: &y, beta: 1)
    }

    public func backward(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool) {
        // dW = xᵀ·dy, db = Σ_rows dy, dx = dy·Wᵀ
        BLAS.gemm(x, transposeA: true, dy, into: &weight.grad)
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
        if needsInputGradient {
            dx.reshape(rows: dy.rows, cols: inputWidth)
            BLAS.gemm(dy, weight.value, transposeB: true, into: &dx)
        }
    }
}
