#ifndef DROPVIZ_CSMALLGEMM_H
#define DROPVIZ_CSMALLGEMM_H
// A single-precision product for the small matrices of the teaching networks (see
// DropoutCore/SmallGemm.swift for when it is used and why).

/// Whether this CPU runs the kernel (x86-64 with AVX2 and FMA); checked once.
int dv_small_sgemm_available(void);

/// C = alpha·op(A)·B + beta·C, all row-major; op(A) is A (m×k, row stride lda) or, when
/// trans_a is non-zero, the transpose of A stored k×m (row stride lda). B is k×n (row stride
/// ldb), C m×n (row stride ldc). With beta == 0, C is not read. Returns 0 without touching C
/// when the kernel is not available on this CPU.
int dv_small_sgemm(int trans_a, int m, int n, int k, float alpha, const float *a, long lda,
                   const float *b, long ldb, float beta, float *c, long ldc);

/// Which loop computes a product: the choice by op(A)'s zeros (what dv_small_sgemm does), the
/// dense blocks always, or the rows over op(A)'s non-zero terms always.
/// Both give the same bits, up to the sign of a zero sum (SparseRows.c); tests compare them.
enum { DV_PATH_CHOSEN = 0, DV_PATH_DENSE = 1, DV_PATH_SPARSE_ROWS = 2 };

/// dv_small_sgemm through the given path; returns the path that computed C (DV_PATH_DENSE or
/// DV_PATH_SPARSE_ROWS), or 0 without touching C when the kernel is not available.
int dv_small_sgemm_path(int path, int trans_a, int m, int n, int k, float alpha, const float *a, long lda,
                        const float *b, long ldb, float beta, float *c, long ldc);

/// Whether dv_small_sgemm computes this product by rows over op(A)'s non-zero terms: C has at
/// least 64 columns and at most a third of op(A) is non-zero (0 when the kernel is not available).
/// For a caller that would prepare B for it (DenseLayer's input gradient transposes W).
int dv_sparse_rows_takes(int trans_a, int m, int n, int k, const float *a, long lda);

/// t (cols × rows, row-major) = the transpose of a (rows × cols); returns 0 without touching t
/// when the CPU has no AVX2 (Transpose8.c).
int dv_transpose(const float *a, int rows, int cols, float *t);

/// w (cols × rows) += the transpose of t (rows × cols), one float addition per element; returns 0
/// without touching w when the CPU has no AVX2 (Transpose8.c).
int dv_add_transposed(const float *t, int rows, int cols, float *w);

/// relu = z > 0 ? z : +0 into a, relu·m into y (n floats); returns 0 without writing when the CPU
/// has no AVX2 (FusedLoops.c).
int dv_relu_times_mask(const float *z, const float *m, float *a, float *y, long n);

/// out = (g·m)·[z > 0] (n floats); returns 0 without writing when the CPU has no AVX2.
int dv_mask_times_relu_gradient(const float *g, const float *m, const float *z, float *out, long n);

#endif
