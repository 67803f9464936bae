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

#endif
