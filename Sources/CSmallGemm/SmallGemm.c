// The small-matrix product of DropoutCore/SmallGemm.swift.
//
// OpenBLAS packs both operands into aligned panels before every product. For a 32×128 batch
// through a 128-wide layer the packing costs about as much as the arithmetic, and Debian's
// OpenBLAS 0.3.21 has no small-matrix path for AMD or Haswell-class CPUs. Here B is read in
// place (a row of B is contiguous, and the whole of B stays in the L1/L2 cache at these sizes),
// and a 6×16 block of C is kept in twelve AVX registers while k runs: each step loads two
// vectors of B, broadcasts six elements of op(A) and does twelve fused multiply-adds.
//
// Every element of C is summed over p = 0, 1, …, k−1 in order with one fused multiply-add per
// term, then scaled: c = alpha·s (+ beta·c as one more fused multiply-add). The order does not
// depend on where the element falls in a block, so a product's result does not depend on the
// shape it is computed in.

#include "CSmallGemm.h"
#include "SparseRows.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define DV_TARGET __attribute__((target("avx2,fma")))
#define DV_INLINE inline __attribute__((always_inline))

static int available = -1;

int dv_small_sgemm_available(void) {
    // Racing first calls compute the same answer; the int is written whole.
    if (available < 0) {
        __builtin_cpu_init();
        available = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return available;
}

// One block of `rows` (1…6, a constant after inlining) rows and up to 16 columns of C.
// `partial` blocks (fewer than 16 columns) load and store through the lane masks m0, m1.
static DV_INLINE DV_TARGET void block(const int rows, const int partial, int k, const float *a, long ars, long acs,
                                      const float *b, long ldb, float *c, long ldc, float alpha, float beta,
                                      __m256i m0, __m256i m1) {
    __m256 acc[6][2];
    for (int r = 0; r < 6; r++) { acc[r][0] = _mm256_setzero_ps(); acc[r][1] = _mm256_setzero_ps(); }
    for (int p = 0; p < k; p++) {
        const float *bp = b + (long)p * ldb;
        __m256 b0 = partial ? _mm256_maskload_ps(bp, m0) : _mm256_loadu_ps(bp);
        __m256 b1 = partial ? _mm256_maskload_ps(bp + 8, m1) : _mm256_loadu_ps(bp + 8);
        const float *ap = a + (long)p * acs;
        for (int r = 0; r < rows; r++) {
            __m256 x = _mm256_broadcast_ss(ap + (long)r * ars);
            acc[r][0] = _mm256_fmadd_ps(x, b0, acc[r][0]);
            acc[r][1] = _mm256_fmadd_ps(x, b1, acc[r][1]);
        }
    }
    const __m256 va = _mm256_set1_ps(alpha), vb = _mm256_set1_ps(beta);
    for (int r = 0; r < rows; r++) {
        float *cr = c + (long)r * ldc;
        for (int h = 0; h < 2; h++) {
            __m256 v = _mm256_mul_ps(va, acc[r][h]);
            __m256i mask = h == 0 ? m0 : m1;
            if (beta != 0) {
                __m256 old = partial ? _mm256_maskload_ps(cr + 8 * h, mask) : _mm256_loadu_ps(cr + 8 * h);
                v = _mm256_fmadd_ps(vb, old, v);
            }
            if (partial) _mm256_maskstore_ps(cr + 8 * h, mask, v);
            else _mm256_storeu_ps(cr + 8 * h, v);
        }
    }
}

// All rows of C for one column block, six at a time, the last block with the rows left.
static DV_INLINE DV_TARGET void column(const int partial, int m, int k, const float *a, long ars, long acs,
                                       const float *b, long ldb, float *c, long ldc, float alpha, float beta,
                                       __m256i m0, __m256i m1) {
    int i = 0;
    for (; i + 6 <= m; i += 6)
        block(6, partial, k, a + i * ars, ars, acs, b, ldb, c + i * ldc, ldc, alpha, beta, m0, m1);
    const float *ai = a + i * ars;
    float *ci = c + i * ldc;
    switch (m - i) {
    case 5: block(5, partial, k, ai, ars, acs, b, ldb, ci, ldc, alpha, beta, m0, m1); break;
    case 4: block(4, partial, k, ai, ars, acs, b, ldb, ci, ldc, alpha, beta, m0, m1); break;
    case 3: block(3, partial, k, ai, ars, acs, b, ldb, ci, ldc, alpha, beta, m0, m1); break;
    case 2: block(2, partial, k, ai, ars, acs, b, ldb, ci, ldc, alpha, beta, m0, m1); break;
    case 1: block(1, partial, k, ai, ars, acs, b, ldb, ci, ldc, alpha, beta, m0, m1); break;
    default: break;
    }
}

static DV_TARGET void product(int trans_a, int m, int n, int k, float alpha, const float *a, long lda,
                              const float *b, long ldb, float beta, float *c, long ldc) {
    // op(A)[i][p] = a[i·ars + p·acs]
    const long ars = trans_a ? 1 : lda, acs = trans_a ? lda : 1;
    const __m256i all = _mm256_set1_epi32(-1);
    int j = 0;
    for (; j + 16 <= n; j += 16)
        column(0, m, k, a, ars, acs, b + j, ldb, c + j, ldc, alpha, beta, all, all);
    if (j < n) {
        // Lanes below the columns left are on (the sign bit set), the rest off: masked loads
        // read nothing past the matrices' ends.
        const int left = n - j;
        const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
        const __m256i m0 = _mm256_cmpgt_epi32(_mm256_set1_epi32(left), lane);
        const __m256i m1 = _mm256_cmpgt_epi32(_mm256_set1_epi32(left - 8), lane);
        column(1, m, k, a, ars, acs, b + j, ldb, c + j, ldc, alpha, beta, m0, m1);
    }
}

int dv_small_sgemm_path(int path, int trans_a, int m, int n, int k, float alpha, const float *a, long lda,
                        const float *b, long ldb, float beta, float *c, long ldc) {
    if (!dv_small_sgemm_available()) return 0;
    // The rows path computes C when forced or when op(A) is thin enough (it decides: it has the
    // bit masks of op(A)'s non-zero elements); otherwise the dense blocks do. Same bits either way.
    if (path != DV_PATH_DENSE &&
        dv_sparse_rows_sgemm(path == DV_PATH_SPARSE_ROWS, trans_a, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc))
        return DV_PATH_SPARSE_ROWS;
    product(trans_a, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return DV_PATH_DENSE;
}

int dv_small_sgemm(int trans_a, int m, int n, int k, float alpha, const float *a, long lda,
                   const float *b, long ldb, float beta, float *c, long ldc) {
    return dv_small_sgemm_path(DV_PATH_CHOSEN, trans_a, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

#else

int dv_small_sgemm_available(void) { return 0; }

int dv_small_sgemm_path(int path, int trans_a, int m, int n, int k, float alpha, const float *a, long lda,
                        const float *b, long ldb, float beta, float *c, long ldc) {
    (void)path;
    return dv_small_sgemm(trans_a, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

int dv_small_sgemm(int trans_a, int m, int n, int k, float alpha, const float *a, long lda,
                   const float *b, long ldb, float beta, float *c, long ldc) {
    (void)trans_a; (void)m; (void)n; (void)k; (void)alpha; (void)a; (void)lda;
    (void)b; (void)ldb; (void)beta; (void)c; (void)ldc;
    return 0;
}

#endif
