import Foundation

/// The values of one forward pass over `T` time steps, named after the maths; `[t]` is step t.
/// Every matrix has a row per sequence of the batch.
public struct LSTMTrace: Sendable {
    /// `x̃_t = x_t ⊙ z_x` (B × D): the input the gates saw.
    public var x: [Matrix] = []
    /// `h̃_{t-1} = h_{t-1} ⊙ m_t` (B × H): the recurrent input the gates saw (zero at t = 0).
    public var hPrev: [Matrix] = []
    /// The gates after their non-linearities (B × 4H), columns `[ i | f | o | g ]`:
    /// `i, f, o = σ(a)`, `g = tanh(a)`, `a = x̃_t·W_x + h̃_{t-1}·W_h + b`.
    public var gates: [Matrix] = []
    /// The cell state `c_t` (B × H).
    public var c: [Matrix] = []
    /// `tanh(c_t)`, kept for the backward pass.
    public var tanhC: [Matrix] = []
    /// The hidden state `h_t = o_t ⊙ tanh(c_t)` (B × H).
    public var h: [Matrix] = []

    public init() {}

    public var steps: Int { h.count }

    mutating func prepare(steps T: Int, rows B: Int, inputs D: Int, hidden H: Int) {
        func fit(_ list: inout [Matrix], cols: Int) {
            if list.count != T { list = Array(repeating: Matrix(rows: B, cols: cols), count: T) }
            for t in 0..<T { list[t].reshape(rows: B, cols: cols) }
        }
        fit(&x, cols: D); fit(&hPrev, cols: H); fit(&gates, cols: 4 * H)
        fit(&c, cols: H); fit(&tanhC, cols: H); fit(&h, cols: H)
    }
}

/// One dropout position of an LSTM (the recurrent mask, or `z_x`): what the keys and model
/// files change and save, as `DropoutLayer` is for the dense positions.
public final class RecurrentDropoutPosition {
    /// The drop probability `p`, `0 <= p < 1`; may change between any two steps.
    public var rate: Float
    public var rng: Xoshiro
    /// Units of one time step (H, or D for `z_x`).
    public let unitCount: Int

    public init(rate: Float, rng: Xoshiro, unitCount: Int) {
        self.rate = rate
        self.rng = rng
        self.unitCount = unitCount
    }
}

/// A long short-term memory layer unrolled over `T` time steps, with its forward pass and
/// backpropagation through time side by side, and the four recurrent dropout variants.
///
/// A batch keeps the dense layout: a row per sequence, `T·D` columns, time-major (step t's
/// features are columns `t·D ..< (t+1)·D`). Per step, with the masks of `RecurrentMasks`
/// (identity where a variant draws none):
///
///     x̃_t = x_t ⊙ z_x                       h̃_{t-1} = h_{t-1} ⊙ m^h_t
///     a_t = x̃_t·W_x + h̃_{t-1}·W_h + b        i, f, o = σ(a_i, a_f, a_o)    g = tanh(a_g)
///     c_t = m^c_t ⊙ (f ⊙ c_{t-1} + i ⊙ (g ⊙ m^g_t))                    h_t = o ⊙ tanh(c_t)
///
/// with `h_{-1} = c_{-1} = 0`. Evaluation uses no masks (inverted scaling needs no correction).
public final class LSTMLayer {
    /// `D`, the features of one time step.
    public let inputWidth: Int
    /// `H`, the hidden (and cell) units.
    public let hiddenWidth: Int
    /// `T`, the time steps of a sequence.
    public let steps: Int
    /// `W_x` (D × 4H), `W_h` (H × 4H), `b` (1 × 4H), gate blocks in the order i, f, o, g.
    public let Wx: Parameter
    public let Wh: Parameter
    public let b: Parameter
    public var parameters: [Parameter] { [Wx, Wh, b] }

    public var variant: RecurrentDropoutVariant
    /// The variant's recurrent mask (on h, c or g): its rate and its stream of draws.
    public let recurrentDropout: RecurrentDropoutPosition
    /// `z_x` on the input (variational only; the others leave the input alone). A stream of its
    /// own: changing one rate never moves the other's draws.
    public let inputDropout: RecurrentDropoutPosition

    /// The drop probability of the recurrent mask.
    public var rate: Float {
        get { recurrentDropout.rate }
        set { recurrentDropout.rate = newValue }
    }
    /// The drop probability of `z_x`.
    public var inputRate: Float {
        get { inputDropout.rate }
        set { inputDropout.rate = newValue }
    }
    public var rng: Xoshiro {
        get { recurrentDropout.rng }
        set { recurrentDropout.rng = newValue }
    }
    public var inputRNG: Xoshiro {
        get { inputDropout.rng }
        set { inputDropout.rng = newValue }
    }

    /// The masks of the last training forward, per time step (what the unrolled view draws).
    public internal(set) var masks = RecurrentMasks()
    /// The values of the last training forward.
    public private(set) var trace = LSTMTrace()
    /// The values of the last `predict` (eval mode), apart from the training pass's.
    public private(set) var evalTrace = LSTMTrace()

    // Backward buffers, reused step after step.
    private var da = Matrix(rows: 0, cols: 0)
    private var dh = Matrix(rows: 0, cols: 0)
    private var dc = Matrix(rows: 0, cols: 0)
    private var dhPrevMasked = Matrix(rows: 0, cols: 0)
    private var dxStep = Matrix(rows: 0, cols: 0)

    /// Uniform initial weights in ±1/√H (as PyTorch's LSTM) and a forget-gate bias of 1, so
    /// that the untrained cell keeps most of its memory and gradients reach early steps.
    public init(inputs D: Int, hidden H: Int, steps T: Int, variant: RecurrentDropoutVariant, rate: Float, inputRate: Float,
                initRNG: inout Xoshiro, rng: Xoshiro, inputRNG: Xoshiro) {
        precondition(D >= 1 && H >= 1 && T >= 1, "an LSTM needs inputs, units and steps")
        precondition(rate >= 0 && rate < 1 && inputRate >= 0 && inputRate < 1, "dropout rates must be in [0, 1)")
        inputWidth = D
        hiddenWidth = H
        steps = T
        let limit = 1 / Float(H).squareRoot()
        func uniform(_ rows: Int, _ cols: Int) -> Matrix {
            var m = Matrix(rows: rows, cols: cols)
            for k in 0..<m.count { m.data[k] = (initRNG.uniform() * 2 - 1) * limit }
            return m
        }
        Wx = Parameter(name: "Wx", value: uniform(D, 4 * H), isWeight: true)
        Wh = Parameter(name: "Wh", value: uniform(H, 4 * H), isWeight: true)
        var bias = Matrix(rows: 1, cols: 4 * H)
        for j in H..<(2 * H) { bias.data[j] = 1 }
        b = Parameter(name: "b", value: bias, isWeight: false)
        self.variant = variant
        recurrentDropout = RecurrentDropoutPosition(rate: rate, rng: rng, unitCount: H)
        inputDropout = RecurrentDropoutPosition(rate: inputRate, rng: inputRNG, unitCount: D)
    }

    // MARK: Forward

    /// The training forward pass: draws the variant's masks (unless `drawMasks` is false, which
    /// reuses the last ones: gradient checks) and runs the steps. The result stays in `trace`.
    public func forwardTraining(_ x: Matrix, drawMasks: Bool = true) {
        if drawMasks {
            masks = RecurrentMasks.draw(variant, rows: x.rows, steps: steps, hidden: hiddenWidth, inputs: inputWidth,
                                        rate: rate, inputRate: inputRate,
                                        rng: &recurrentDropout.rng, inputRNG: &inputDropout.rng)
        }
        run(x, masks: masks, into: &trace)
    }

    /// Evaluation: no dropout anywhere. Returns the trace (also kept in `evalTrace`).
    @discardableResult
    public func predict(_ x: Matrix) -> LSTMTrace {
        run(x, masks: RecurrentMasks(), into: &evalTrace)
        return evalTrace
    }

    /// Runs the steps with the given masks (mask lists are empty or have one matrix per step).
    public func run(_ x: Matrix, masks m: RecurrentMasks, into tr: inout LSTMTrace) {
        let B = x.rows, D = inputWidth, H = hiddenWidth, T = steps
        precondition(x.cols == T * D, "LSTM: a row must hold \(T) steps of \(D) features, got \(x.cols) columns")
        tr.prepare(steps: T, rows: B, inputs: D, hidden: H)
        let bias = b.value.data
        for t in 0..<T {
            // x̃_t = x_t ⊙ z_x: the step's columns of the batch.
            let zx = m.input.isEmpty ? nil : m.input[t].data
            x.data.withUnsafeBufferPointer { src in
                tr.x[t].data.withUnsafeMutableBufferPointer { dst in
                    for r in 0..<B {
                        for d in 0..<D {
                            let v = src[r * T * D + t * D + d]
                            dst[r * D + d] = zx.map { v * $0[r * D + d] } ?? v
                        }
                    }
                }
            }
            // h̃_{t-1} = h_{t-1} ⊙ m^h_t (h_{-1} = 0).
            if t == 0 {
                tr.hPrev[0].fill(0)
            } else {
                let hp = tr.h[t - 1].data
                let mh = m.hidden.isEmpty ? nil : m.hidden[t].data
                tr.hPrev[t].data.withUnsafeMutableBufferPointer { dst in
                    for k in 0..<(B * H) { dst[k] = mh.map { hp[k] * $0[k] } ?? hp[k] }
                }
            }
            // a_t = b + x̃_t·W_x + h̃_{t-1}·W_h, then the gates in place.
            tr.gates[t].data.withUnsafeMutableBufferPointer { a in
                for r in 0..<B { for j in 0..<(4 * H) { a[r * 4 * H + j] = bias[j] } }
            }
            BLAS.gemm(tr.x[t], Wx.value, into: &tr.gates[t], beta: 1)
            if t > 0 { BLAS.gemm(tr.hPrev[t], Wh.value, into: &tr.gates[t], beta: 1) }
            tr.gates[t].data.withUnsafeMutableBufferPointer { a in
                for r in 0..<B {
                    let base = r * 4 * H
                    for j in 0..<(3 * H) { a[base + j] = 1 / (1 + exp(-a[base + j])) }
                    for j in (3 * H)..<(4 * H) { a[base + j] = tanh(a[base + j]) }
                }
            }
            // c_t = m^c ⊙ (f ⊙ c_{t-1} + i ⊙ (g ⊙ m^g)).
            let G = tr.gates[t].data
            let cPrev = t > 0 ? tr.c[t - 1].data : nil
            let mg = m.candidate.isEmpty ? nil : m.candidate[t].data
            let mc = m.cell.isEmpty ? nil : m.cell[t].data
            tr.c[t].data.withUnsafeMutableBufferPointer { c in
                for r in 0..<B {
                    for j in 0..<H {
                        let k = r * H + j, g0 = r * 4 * H + j
                        let i = G[g0], f = G[g0 + H], g = G[g0 + 3 * H]
                        let gm = mg.map { g * $0[k] } ?? g
                        let s = f * (cPrev?[k] ?? 0) + i * gm
                        c[k] = mc.map { s * $0[k] } ?? s
                    }
                }
            }
            // h_t = o ⊙ tanh(c_t).
            let C = tr.c[t].data
            tr.tanhC[t].data.withUnsafeMutableBufferPointer { tc in
                for k in 0..<(B * H) { tc[k] = tanh(C[k]) }
            }
            let TC = tr.tanhC[t].data
            tr.h[t].data.withUnsafeMutableBufferPointer { h in
                for r in 0..<B {
                    for j in 0..<H { h[r * H + j] = G[r * 4 * H + 2 * H + j] * TC[r * H + j] }
                }
            }
        }
    }

    // MARK: Backward (through time)

    /// Backpropagation through time of the last training pass. `dhOut[t]` is `∂e/∂h_t` from
    /// the readout (a matrix with 0 rows where nothing reads `h_t`). Sets the gradients of
    /// `W_x`, `W_h`, `b`; returns `∂e/∂x` (B × T·D) when asked (gradient checks), else an empty
    /// matrix. Step by step, backwards, with `dh` and `dc` carried from step t+1:
    ///
    ///     dh = dhOut_t + ∂e/∂h_t (from t+1)      do = dh ⊙ tanh(c_t)
    ///     dc = dc_{t+1→t} + dh ⊙ o ⊙ (1 - tanh²(c_t))      ds = dc ⊙ m^c
    ///     df = ds ⊙ c_{t-1}    di = ds ⊙ g ⊙ m^g    dg = ds ⊙ i ⊙ m^g    dc_{t-1} = ds ⊙ f
    ///     da = [di·i(1-i) | df·f(1-f) | do·o(1-o) | dg·(1-g²)]
    ///     dW_x += x̃_tᵀ·da    dW_h += h̃_{t-1}ᵀ·da    db += Σ_rows da
    ///     ∂e/∂h_{t-1} = (da·W_hᵀ) ⊙ m^h_t         ∂e/∂x_t = (da·W_xᵀ) ⊙ z_x
    @discardableResult
    public func backward(dhOut: [Matrix], needsInputGradient: Bool = false) -> Matrix {
        let tr = trace, m = masks
        let T = steps, H = hiddenWidth, D = inputWidth
        precondition(dhOut.count == T && tr.steps == T, "one output gradient (or an empty matrix) per step")
        let B = tr.h[0].rows
        Wx.grad.fill(0); Wh.grad.fill(0); b.grad.fill(0)
        dh.reshape(rows: B, cols: H); dh.fill(0)
        dc.reshape(rows: B, cols: H); dc.fill(0)
        da.reshape(rows: B, cols: 4 * H)
        var dx = Matrix(rows: needsInputGradient ? B : 0, cols: T * D)
        for t in stride(from: T - 1, through: 0, by: -1) {
            // dh = dhOut_t + what step t+1 sent back (already in dh).
            if dhOut[t].rows > 0 {
                precondition(dhOut[t].rows == B && dhOut[t].cols == H, "dhOut[\(t)] must be B × H")
                let g = dhOut[t].data
                dh.data.withUnsafeMutableBufferPointer { d in for k in 0..<(B * H) { d[k] += g[k] } }
            }
            let G = tr.gates[t].data, TC = tr.tanhC[t].data, DH = dh.data
            let cPrev = t > 0 ? tr.c[t - 1].data : nil
            let mg = m.candidate.isEmpty ? nil : m.candidate[t].data
            let mc = m.cell.isEmpty ? nil : m.cell[t].data
            da.data.withUnsafeMutableBufferPointer { da in
                dc.data.withUnsafeMutableBufferPointer { dc in
                    for r in 0..<B {
                        for j in 0..<H {
                            let k = r * H + j, g0 = r * 4 * H + j
                            let i = G[g0], f = G[g0 + H], o = G[g0 + 2 * H], g = G[g0 + 3 * H]
                            let tc = TC[k], dhk = DH[k]
                            let dO = dhk * tc
                            let dcTotal = dc[k] + dhk * o * (1 - tc * tc)
                            let ds = mc.map { dcTotal * $0[k] } ?? dcTotal
                            let mgk = mg?[k] ?? 1
                            let df = ds * (cPrev?[k] ?? 0)
                            let di = ds * g * mgk
                            let dg = ds * i * mgk
                            // dc now carries ∂e/∂c_{t-1} to the next (earlier) step.
                            dc[k] = ds * f
                            da[g0] = di * i * (1 - i)
                            da[g0 + H] = df * f * (1 - f)
                            da[g0 + 2 * H] = dO * o * (1 - o)
                            da[g0 + 3 * H] = dg * (1 - g * g)
                        }
                    }
                }
            }
            BLAS.gemm(tr.x[t], transposeA: true, da, into: &Wx.grad, beta: 1)
            if t > 0 { BLAS.gemm(tr.hPrev[t], transposeA: true, da, into: &Wh.grad, beta: 1) }
            let DA = da.data
            b.grad.data.withUnsafeMutableBufferPointer { db in
                for r in 0..<B { for j in 0..<(4 * H) { db[j] += DA[r * 4 * H + j] } }
            }
            if needsInputGradient {
                dxStep.reshape(rows: B, cols: D)
                BLAS.gemm(da, Wx.value, transposeB: true, into: &dxStep)
                let zx = m.input.isEmpty ? nil : m.input[t].data
                for r in 0..<B {
                    for d in 0..<D {
                        let v = dxStep.data[r * D + d]
                        dx.data[r * T * D + t * D + d] = zx.map { v * $0[r * D + d] } ?? v
                    }
                }
            }
            // ∂e/∂h_{t-1} = (da·W_hᵀ) ⊙ m^h_t; nothing precedes step 0.
            if t > 0 {
                dhPrevMasked.reshape(rows: B, cols: H)
                BLAS.gemm(da, Wh.value, transposeB: true, into: &dhPrevMasked)
                let mh = m.hidden.isEmpty ? nil : m.hidden[t].data
                let P = dhPrevMasked.data
                dh.data.withUnsafeMutableBufferPointer { d in
                    for k in 0..<(B * H) { d[k] = mh.map { P[k] * $0[k] } ?? P[k] }
                }
            }
        }
        return dx
    }
}
