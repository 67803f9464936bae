// The small-matrix product when op(A) is mostly zeros: what dropout and ReLU leave behind.
//
// In a hidden layer with ReLU and dropout 0.5 about three activations in four are zero, and so
// are the gradients below that layer's mask: the next layer's forward product h·W and the
// weight gradient hᵀ·dz spend three quarters of their multiply-adds on zeros. The masks differ
// from example to example, so no block of A is zero as a whole; this path goes row by row
// instead: it marks the p with op(A)[i][p] ≠ 0 in a bit mask per row, then for up to 64
// columns of C at a time (eight AVX registers) adds a_p·B[p][·] over the marked p only.
//
// Bit for bit the result of SmallGemm.c's blocks: every element is summed over p in increasing
// order with one fused multiply-add per term from +0, then scaled the same way. A skipped term
// a_p·b with a_p = ±0 and b finite is a zero, and adding a zero to a sum s gives s exactly,
// except that (−0) + (+0) is +0: the only possible difference is the sign of a zero sum
// (which ReLU, the bias and the SGD step all absorb). With an infinite or NaN b, 0·b is NaN in
// the dense sum and skipped here; a network that far gone has a non-finite loss already.
//
// Here B (the layer's weights, or the gradient below) is read again for each row of C rather
// than held in registers across six rows, one load per fused multiply-add. Measured against the
// dense blocks (benchmarks/sparse_rows.c, this project's AMD EPYC): with a quarter of op(A)
// non-zero, digits' h·W (32 × 128 × 128) 2.0× faster and hᵀ·dz (128 × 128 × 32) 1.8×; at 40 %
// 1.2–1.3×, at half 0.87–1.1×; tiny's 16 columns are slower at any share (the per-term work is
// too short). Hence the rule: at least 64 columns and at most a third non-zero.

#include "CSmallGemm.h"
#include "SparseRows.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#include <stdint.h>
#include <stdlib.h>

#define DV_TARGET __attribute__((target("avx2,fma,popcnt")))
#define DV_INLINE inline __attribute__((always_inline))

// Columns [0, 8·vecs) of one row of C (the last vector masked when `partial`), summed over
// the terms whose bits are set in `bits` (words of 64, p = 64·w + bit), a_p = ai[p·acs].
static DV_INLINE DV_TARGET void chunk(const int vecs, const int partial, const uint64_t *bits, int words,
                                      const float *ai, long acs, const float *b, long ldb, float *c, float alpha,
                                      float beta, __m256i last) {
    __m256 acc[8];
    for (int v = 0; v < vecs; v++) acc[v] = _mm256_setzero_ps();
    for (int w = 0; w < words; w++) {
        for (uint64_t left = bits[w]; left; left &= left - 1) {
            const long p = 64L * w + __builtin_ctzll(left);
            const __m256 x = _mm256_broadcast_ss(ai + p * acs);
            const float *bp = b + p * ldb;
            for (int v = 0; v < vecs; v++) {
                const __m256 bv = partial && v == vecs - 1 ? _mm256_maskload_ps(bp + 8 * v, last) : _mm256_loadu_ps(bp + 8 * v);
                acc[v] = _mm256_fmadd_ps(x, bv, acc[v]);
            }
        }
    }
    const __m256 va = _mm256_set1_ps(alpha), vb = _mm256_set1_ps(beta);
    for (int v = 0; v < vecs; v++) {
        const int masked = partial && v == vecs - 1;
        __m256 r = _mm256_mul_ps(va, acc[v]);
        if (beta != 0) {
            const __m256 old = masked ? _mm256_maskload_ps(c + 8 * v, last) : _mm256_loadu_ps(c + 8 * v);
            r = _mm256_fmadd_ps(vb, old, r);
        }
        if (masked) _mm256_maskstore_ps(c + 8 * v, last, r);
        else _mm256_storeu_ps(c + 8 * v, r);
    }
}

// Bit p of row i's words: op(A)[i][p] ≠ 0 (NaN included: it is not skipped). `bytes` is
// scratch of 64·words bytes.
static DV_TARGET void nonzero_bits(int trans_a, int m, int k, const float *a, long lda, uint64_t *bits, int words,
                                   uint8_t *bytes) {
    const __m256 zero = _mm256_setzero_ps();
    if (!trans_a) {
        // Along a row of A, eight elements a compare, each word built in a register.
        for (int i = 0; i < m; i++) {
            const float *ai = a + (long)i * lda;
            for (int w = 0; w < words; w++) {
                const int start = 64 * w, end = k < start + 64 ? k : start + 64;
                uint64_t word = 0;
                int p = start;
                for (; p + 8 <= end; p += 8) {
                    const unsigned nz = (unsigned)_mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(ai + p), zero, _CMP_NEQ_UQ));
                    word |= (uint64_t)nz << (p - start);
                }
                for (; p < end; p++) word |= (uint64_t)(ai[p] != 0) << (p - start);
                bits[(long)i * words + w] = word;
            }
        }
        return;
    }
    // Aᵀ is stored k × m: a stored row holds eight rows of op(A) at one p per compare. For eight
    // rows i0…i0+7, byte p holds their bits at p; then bit t of 32 bytes at once is the top bit
    // of each byte after a shift left by 7 − t (a 16-bit shift: the bits the low byte pushes into
    // the high byte do not reach its top bit), which movemask collects: a bit transpose.
    for (int i0 = 0; i0 < m; i0 += 8) {
        const int rows = m - i0 < 8 ? m - i0 : 8;
        for (int p = 0; p < k; p++) {
            const float *ap = a + (long)p * lda + i0;
            unsigned byte = 0;
            if (rows == 8) byte = (unsigned)_mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(ap), zero, _CMP_NEQ_UQ));
            else for (int t = 0; t < rows; t++) byte |= (unsigned)(ap[t] != 0) << t;
            bytes[p] = (uint8_t)byte;
        }
        for (int p = k; p < 64 * words; p++) bytes[p] = 0;
        for (int t = 0; t < rows; t++) {
            const __m128i shift = _mm_cvtsi32_si128(7 - t);
            for (int w = 0; w < words; w++) {
                const __m256i lo = _mm256_sll_epi16(_mm256_loadu_si256((const __m256i *)(bytes + 64 * w)), shift);
                const __m256i hi = _mm256_sll_epi16(_mm256_loadu_si256((const __m256i *)(bytes + 64 * w + 32)), shift);
                bits[(long)(i0 + t) * words + w] =
                    (uint64_t)(uint32_t)_mm256_movemask_epi8(lo) | (uint64_t)(uint32_t)_mm256_movemask_epi8(hi) << 32;
            }
        }
    }
}

// A quick look before the masks, so that a dense A (the input batch, the weights of
// W·dyᵀ) costs almost nothing here: at most half of the first stored row (up to 64 elements)
// non-zero. Only a shortcut: the rule itself is checked on all of op(A) below.
static DV_TARGET int looks_thin(int trans_a, int m, int k, const float *a) {
    const int count = (trans_a ? m : k) < 64 ? (trans_a ? m : k) : 64;
    int nonzero = 0;
    for (int p = 0; p < count; p++) nonzero += a[p] != 0;
    return 2 * nonzero <= count;
}

DV_TARGET int dv_sparse_rows_takes(int trans_a, int m, int n, int k, const float *a, long lda) {
    if (!dv_small_sgemm_available() || n < DV_SPARSE_FEWEST_COLUMNS || !looks_thin(trans_a, m, k, a)) return 0;
    // Stored as rows × cols with row stride lda; the count does not depend on the layout.
    const int rows = trans_a ? k : m, cols = trans_a ? m : k;
    const __m256 zero = _mm256_setzero_ps();
    long nonzero = 0;
    for (int r = 0; r < rows; r++) {
        const float *ar = a + (long)r * lda;
        int c = 0;
        for (; c + 8 <= cols; c += 8)
            nonzero += __builtin_popcount((unsigned)_mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(ar + c), zero, _CMP_NEQ_UQ)));
        for (; c < cols; c++) nonzero += ar[c] != 0;
    }
    return nonzero * DV_SPARSE_SHARE_DEN <= (long)m * k * DV_SPARSE_SHARE_NUM;
}

DV_TARGET int dv_sparse_rows_sgemm(int force, int trans_a, int m, int n, int k, float alpha, const float *a, long lda,
                                   const float *b, long ldb, float beta, float *c, long ldc) {
    const long ars = trans_a ? 1 : lda, acs = trans_a ? lda : 1;
    if (!force && (n < DV_SPARSE_FEWEST_COLUMNS || !looks_thin(trans_a, m, k, a))) return 0;
    const int words = (k + 63) / 64;
    // The masks, then 64·words bytes of scratch for the transpose of Aᵀ's bits.
    uint64_t *bits = malloc(sizeof(uint64_t) * ((size_t)m * words + 8 * (size_t)words));
    if (!bits) return 0;
    nonzero_bits(trans_a, m, k, a, lda, bits, words, (uint8_t *)(bits + (size_t)m * words));
    if (!force) {
        long nonzero = 0;
        for (long w = 0; w < (long)m * words; w++) nonzero += __builtin_popcountll(bits[w]);
        if (nonzero * DV_SPARSE_SHARE_DEN > (long)m * k * DV_SPARSE_SHARE_NUM) {
            free(bits);
            return 0;
        }
    }
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    const __m256i tail = _mm256_cmpgt_epi32(_mm256_set1_epi32(n % 8), lane);
    const int left = n % 64, vecs = (left + 7) / 8;
    for (int i = 0; i < m; i++) {
        const uint64_t *bi = bits + (long)i * words;
        const float *ai = a + (long)i * ars;
        float *ci = c + (long)i * ldc;
        int j = 0;
        for (; j + 64 <= n; j += 64) chunk(8, 0, bi, words, ai, acs, b + j, ldb, ci + j, alpha, beta, tail);
        if (left == 0) continue;
#define DV_CHUNK(V)                                                                                                  \
    case V:                                                                                                          \
        if (left % 8) chunk(V, 1, bi, words, ai, acs, b + j, ldb, ci + j, alpha, beta, tail);                        \
        else chunk(V, 0, bi, words, ai, acs, b + j, ldb, ci + j, alpha, beta, tail);                                 \
        break;
        switch (vecs) {
            DV_CHUNK(1) DV_CHUNK(2) DV_CHUNK(3) DV_CHUNK(4) DV_CHUNK(5) DV_CHUNK(6) DV_CHUNK(7) DV_CHUNK(8)
        default: break;
        }
#undef DV_CHUNK
    }
    free(bits);
    return 1;
}

#else

int dv_sparse_rows_takes(int trans_a, int m, int n, int k, const float *a, long lda) {
    (void)trans_a; (void)m; (void)n; (void)k; (void)a; (void)lda;
    return 0;
}

int dv_sparse_rows_sgemm(int force, int trans_a, int m, int n, int k, float alpha, const float *a, long lda,
                          const float *b, long ldb, float beta, float *c, long ldc) {
    (void)trans_a; (void)m; (void)n; (void)k; (void)alpha; (void)a; (void)lda;
    (void)b; (void)ldb; (void)beta; (void)c; (void)ldc; (void)force;
    return 0;
}

#endif
