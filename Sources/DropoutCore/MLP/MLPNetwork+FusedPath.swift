import CSmallGemm

/// The fused loops of the MLP's hidden blocks (dense → ReLU → dropout) and of plain SGD.
///
/// Layer by layer, a hidden block makes four passes over its activations forward (bias, ReLU,
/// mask draw, mask product) and two backward (mask, ReLU′), and plain SGD a last one over every
/// weight with its gradient written in between. On the small teaching networks those passes
/// cost about as much as the products. Here:
/// - forward, ReLU and the mask product are one pass writing both the activation `a` and the
///   block's output `a ⊙ m` (the layers' buffers keep what they always held, so the diagram,
///   standout and the statistics read the same values);
/// - backward, `dz = (dy ⊙ m) ⊙ [z > 0]` is one pass;
/// - plain SGD without weight decay or L1 is done inside the weight-gradient product,
///   `W ← W − lr·xᵀ·dy` as one `sgemm` with β = 1, after `dx = dy·Wᵀ` has used the old `W`.
///
/// Forward and backward give bit for bit the layer-by-layer values (same operations, same
/// order); the SGD update differs from `W − lr·g` only by rounding (OpenBLAS scales the
/// product by α inside its kernel). `FastPathTests` checks both on odd sizes.
extension MLPNetwork {
    /// Whether hidden block `k` (dense `layers[k]`, activation `k+1`, dropout `k+2`) can run
    /// fused now: ReLU, and a dropout that multiplies by a mask (Bernoulli or Gaussian) with no
    /// DropConnect weight mask. Standout and DropConnect keep the layer-by-layer path.
    func fusedBlock(at k: Int) -> (dense: DenseLayer, dropout: DropoutLayer)? {
        guard usesFastPaths, k >= 0, k < hiddenBlocks.count,
              let block = hiddenBlocks[k] else { return nil }
        let v = block.dropout.effectiveVariant
        guard v == .bernoulli || v == .gaussian, !(block.dense.connectionDropout?.dropsConnections ?? false) else { return nil }
        return block
    }

    /// The forward of a fused block: `buffers[k+1] = x·W + b`, `buffers[k+2] = relu`, and
    /// `buffers[k+3] = relu ⊙ m` (training, a fresh mask) or `relu · s` (evaluation).
    func forwardFused(_ buffers: inout [Matrix], at k: Int, dense: DenseLayer, dropout drop: DropoutLayer, training: Bool) {
        dense.forward(buffers[k], into: &buffers[k + 1], training: training)
        let rows = buffers[k + 1].rows, cols = buffers[k + 1].cols
        buffers[k + 2].reshape(rows: rows, cols: cols)
        buffers[k + 3].reshape(rows: rows, cols: cols)
        if training {
            drop.drawMask(rows: rows)
        }
        let evalScale: Float = drop.effectiveVariant == .bernoulli ? drop.scaling.evalScale(rate: drop.rate) : 1
        let n = rows * cols
        // Three distinct buffers of the array: taken out, so that each is borrowed alone.
        var z = Matrix(rows: 0, cols: 0), a = Matrix(rows: 0, cols: 0), y = Matrix(rows: 0, cols: 0)
        swap(&z, &buffers[k + 1]); swap(&a, &buffers[k + 2]); swap(&y, &buffers[k + 3])
        defer { swap(&z, &buffers[k + 1]); swap(&a, &buffers[k + 2]); swap(&y, &buffers[k + 3]) }
        z.data.withUnsafeBufferPointer { zs in
            a.data.withUnsafeMutableBufferPointer { acts in
                y.data.withUnsafeMutableBufferPointer { out in
                    guard let zp = zs.baseAddress, let ap = acts.baseAddress, let op = out.baseAddress else { return }
                    if training {
                        drop.mask.data.withUnsafeBufferPointer { m in
                            guard let mp = m.baseAddress else { return }
                            FusedLoops.reluTimesMask(zp, mp, relu: ap, out: op, count: n)
                        }
                    } else {
                        FusedLoops.reluTimesScale(zp, evalScale, relu: ap, out: op, count: n)
                    }
                }
            }
        }
    }

    /// `grads[k+1] = (dy ⊙ m) ⊙ [z > 0]` for the fused block at `k`, with `dy = grads[k+3]`
    /// (or `dy` itself) and `z = acts[k+1]`.
    func backwardFused(dy: Matrix, at k: Int, dropout drop: DropoutLayer) {
        var dz = Matrix(rows: 0, cols: 0)
        swap(&dz, &grads[k + 1])
        defer { swap(&dz, &grads[k + 1]) }
        dz.reshape(rows: dy.rows, cols: dy.cols)
        precondition(drop.mask.count == dy.count && acts[k + 1].count == dy.count, "fused backward: shapes do not agree")
        dy.data.withUnsafeBufferPointer { g in
            drop.mask.data.withUnsafeBufferPointer { m in
                acts[k + 1].data.withUnsafeBufferPointer { z in
                    dz.data.withUnsafeMutableBufferPointer { out in
                        guard let gp = g.baseAddress, let mp = m.baseAddress, let zp = z.baseAddress,
                              let op = out.baseAddress else { return }
                        FusedLoops.maskTimesReluGradient(gp, mp, zp, out: op, count: dy.count)
                    }
                }
            }
        }
    }
}

extension DenseLayer {
    /// Backward and a plain SGD step in one: `db` and (when asked) `dx = dy·Wᵀ` with the old
    /// weights, then `W ← W − lr·xᵀ·dy` inside one product and `b ← b − lr·db`. The weight
    /// gradient is not stored (`weight.grad` keeps an older value). Under DropConnect the
    /// gradient is masked first, so that case takes the plain backward and update.
    func backwardSGD(x: Matrix, y: Matrix, dy: Matrix, dx: inout Matrix, needsInputGradient: Bool, learningRate lr: Float) {
        let masked = connectionDropout.map { $0.weightMaskApplied } ?? false
        if masked {
            backward(x: x, y: y, dy: dy, dx: &dx, needsInputGradient: needsInputGradient)
            for p in parameters { FusedLoops.sgd(p, lr: lr) }
            return
        }
        biasGradient(dy)
        if needsInputGradient {
            inputGradient(dy, weights: weight.value, into: &dx)
        }
        if !thinWeightUpdate(x: x, dy: dy, learningRate: lr) {
            BLAS.gemm(x, transposeA: true, dy, into: &weight.value, alpha: -lr, beta: 1)
        }
        FusedLoops.sgd(bias, lr: lr)
    }
}

/// The element-wise loops, eight floats at a time with a scalar tail that does the same
/// operations: `relu = z > 0 ? z : 0` exactly as `ActivationLayer` (NaN and −0 give +0).
enum FusedLoops {
    typealias Pointer = UnsafeMutablePointer<Float>
    typealias Source = UnsafePointer<Float>

    static func reluTimesMask(_ z: Source, _ m: Source, relu a: Pointer, out y: Pointer, count n: Int) {
        // The same loop in AVX registers (CSmallGemm/FusedLoops.c), where the CPU has them.
        if dv_relu_times_mask(z, m, a, y, n) != 0 { return }
        var i = 0
        while i + 8 <= n {
            let zi = load(z, i)
            let ai = SIMD8<Float>(repeating: 0).replacing(with: zi, where: zi .> 0)
            store(ai, a, i)
            store(ai * load(m, i), y, i)
            i += 8
        }
        while i < n {
            let ai: Float = z[i] > 0 ? z[i] : 0
            a[i] = ai
            y[i] = ai * m[i]
            i += 1
        }
    }

    static func reluTimesScale(_ z: Source, _ s: Float, relu a: Pointer, out y: Pointer, count n: Int) {
        var i = 0
        while i + 8 <= n {
            let zi = load(z, i)
            let ai = SIMD8<Float>(repeating: 0).replacing(with: zi, where: zi .> 0)
            store(ai, a, i)
            store(ai * s, y, i)
            i += 8
        }
        while i < n {
            let ai: Float = z[i] > 0 ? z[i] : 0
            a[i] = ai
            y[i] = ai * s
            i += 1
        }
    }

    /// `(g ⊙ m) ⊙ [z > 0]`, the two multiplications of the dropout's and ReLU's backward.
    static func maskTimesReluGradient(_ g: Source, _ m: Source, _ z: Source, out: Pointer, count n: Int) {
        if dv_mask_times_relu_gradient(g, m, z, out, n) != 0 { return }
        var i = 0
        while i + 8 <= n {
            let zi = load(z, i)
            let step = SIMD8<Float>(repeating: 0).replacing(with: 1, where: zi .> 0)
            store(load(g, i) * load(m, i) * step, out, i)
            i += 8
        }
        while i < n {
            out[i] = g[i] * m[i] * (z[i] > 0 ? 1 : 0)
            i += 1
        }
    }

    /// `w ← w − lr·g` over a parameter, as `Optimizer` does for plain SGD.
    static func sgd(_ p: Parameter, lr: Float) {
        let n = p.value.count
        p.grad.data.withUnsafeMutableBufferPointer { g in
            p.value.data.withUnsafeMutableBufferPointer { w in
                guard let gp = g.baseAddress, let wp = w.baseAddress else { return }
                Optimizer.sgd(w: wp, g: gp, count: n, lr: lr)
            }
        }
    }

    @inline(__always)
    static func load(_ p: Source, _ i: Int) -> SIMD8<Float> {
        UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store(_ x: SIMD8<Float>, _ p: Pointer, _ i: Int) {
        UnsafeMutableRawPointer(p + i).storeBytes(of: x, as: SIMD8<Float>.self)
    }
}
