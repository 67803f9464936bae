/// Two of a dense layer's products done the other way round when `dy` is thin, as after ReLU
/// and dropout (about a quarter non-zero), with the same bits.
///
/// `dx = dy·Wᵀ`:
/// `inputGradient` computes small products as `(W·dyᵀ)ᵀ`, with `W` dense on the left: the
/// small-matrix kernel's dense blocks. When `dy` is thin enough for the kernel's rows over
/// non-zero terms (CSmallGemm/SparseRows.c), `dy·Wᵀ` is computed instead with `W` transposed
/// once, `dy` on the left: each `dx[b][i] = Σ_p dy[b][p]·W[i][p]` is then summed over the same p
/// in the same order from +0 with the same products (a·b = b·a exactly), so the bits are those
/// of `(W·dyᵀ)ᵀ`, and the zero terms are skipped. On digits' second layer (32 × 128, k = 128)
/// the transpose of W (128 × 128) and the rows cost less than the dense product and the two
/// transposes of `dy` and `dxᵀ` (README, Performance). Taken only where `(W·dyᵀ)ᵀ` goes through
/// the kernel too, so that no product changes library.
extension DenseLayer {
    /// Computes `dx` and returns true when the thin form applies; false leaves `dx` untouched.
    func thinInputGradient(_ dy: Matrix, weights w: Matrix, into dx: inout Matrix) -> Bool {
        guard SmallGemm.takes(m: w.rows, n: dy.rows, k: w.cols, transposeB: false),
              SmallGemm.takes(m: dy.rows, n: w.rows, k: w.cols, transposeB: false),
              SmallGemm.takesRows(dy, columns: w.rows) else { return false }
        SmallGemm.transpose(w, into: &weightT)
        dx.reshape(rows: dy.rows, cols: w.rows)
        BLAS.gemm(dy, weightT, into: &dx)
        return true
    }
}

extension DenseLayer {
    /// The fused SGD step `W ← W − lr·xᵀ·dy` when `dy` is thin and `x` is not (the first
    /// layer's input): `xᵀ·dy` through the dense blocks reads every term, so `dyᵀ·x` is computed
    /// instead by rows over `dy`'s non-zero terms, scaled by −lr, and added to `W` transposed.
    /// Each element is the same sum (the same products in the same order from +0), scaled the
    /// same way, and `w + s` is the dense blocks' `fma(1, w, s)`: the same bits. Taken only where
    /// `xᵀ·dy` goes through the kernel's dense blocks; returns false (W untouched) otherwise.
    func thinWeightUpdate(x: Matrix, dy: Matrix, learningRate lr: Float) -> Bool {
        guard SmallGemm.takes(m: x.cols, n: dy.cols, k: x.rows, transposeB: false),
              SmallGemm.takes(m: dy.cols, n: x.cols, k: x.rows, transposeB: false),
              !SmallGemm.takesRows(x, transposed: true, columns: dy.cols),
              SmallGemm.takesRows(dy, transposed: true, columns: x.cols) else { return false }
        weightStepT.reshape(rows: dy.cols, cols: x.cols)
        BLAS.gemm(dy, transposeA: true, x, into: &weightStepT, alpha: -lr, beta: 0)
        SmallGemm.addTransposed(weightStepT, to: &weight.value)
        return true
    }
}
