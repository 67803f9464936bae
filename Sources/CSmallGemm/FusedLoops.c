// The fused ReLU/mask loops of DropoutCore/MLP/MLPNetwork+FusedPath.swift in eight-float AVX
// registers. DropoutCore is built for any x86-64, so its SIMD8 code runs as two SSE halves; on
// digits these two loops were 8 % of a step's instructions. The same operations in the same
// order as the Swift loops (which stay for CPUs without AVX2): relu = z > 0 ? z : +0 (NaN and
// −0 give +0), y = relu·m; out = (g·m)·[z > 0], so the results are the same bits.

#include "CSmallGemm.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define DV_TARGET __attribute__((target("avx2,fma")))

static DV_TARGET void relu_times_mask(const float *z, const float *m, float *a, float *y, long n) {
    const __m256 zero = _mm256_setzero_ps();
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 zi = _mm256_loadu_ps(z + i);
        const __m256 ai = _mm256_and_ps(zi, _mm256_cmp_ps(zi, zero, _CMP_GT_OQ));
        _mm256_storeu_ps(a + i, ai);
        _mm256_storeu_ps(y + i, _mm256_mul_ps(ai, _mm256_loadu_ps(m + i)));
    }
    for (; i < n; i++) {
        const float ai = z[i] > 0 ? z[i] : 0;
        a[i] = ai;
        y[i] = ai * m[i];
    }
}

static DV_TARGET void mask_times_relu_gradient(const float *g, const float *m, const float *z, float *out, long n) {
    const __m256 zero = _mm256_setzero_ps(), one = _mm256_set1_ps(1);
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 step = _mm256_and_ps(one, _mm256_cmp_ps(_mm256_loadu_ps(z + i), zero, _CMP_GT_OQ));
        _mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_mul_ps(_mm256_loadu_ps(g + i), _mm256_loadu_ps(m + i)), step));
    }
    for (; i < n; i++) out[i] = g[i] * m[i] * (z[i] > 0 ? 1.0f : 0.0f);
}

int dv_relu_times_mask(const float *z, const float *m, float *a, float *y, long n) {
    if (!dv_small_sgemm_available()) return 0;
    relu_times_mask(z, m, a, y, n);
    return 1;
}

int dv_mask_times_relu_gradient(const float *g, const float *m, const float *z, float *out, long n) {
    if (!dv_small_sgemm_available()) return 0;
    mask_times_relu_gradient(g, m, z, out, n);
    return 1;
}

#else

int dv_relu_times_mask(const float *z, const float *m, float *a, float *y, long n) {
    (void)z; (void)m; (void)a; (void)y; (void)n;
    return 0;
}

int dv_mask_times_relu_gradient(const float *g, const float *m, const float *z, float *out, long n) {
    (void)g; (void)m; (void)z; (void)out; (void)n;
    return 0;
}

#endif
