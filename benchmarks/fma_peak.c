// This core's single-precision FMA peak, the ceiling any sgemm meets: twelve independent AVX2
// fused multiply-add chains (more than latency × throughput, so both FMA pipes stay busy), CPU
// time, the median of nine rounds. What the README's mnist paragraph compares OpenBLAS with.
//   clang -O2 benchmarks/fma_peak.c -o /tmp/fma_peak && /tmp/fma_peak
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include "bench_time.h"

__attribute__((target("avx2,fma"), noinline)) static float chains(long n) {
    __m256 acc[12];
    const __m256 x = _mm256_set1_ps(0.999999f), y = _mm256_set1_ps(1e-7f);
    for (int i = 0; i < 12; i++) acc[i] = _mm256_set1_ps((float)i);
    for (long r = 0; r < n; r++)
        for (int i = 0; i < 12; i++) acc[i] = _mm256_fmadd_ps(acc[i], x, y);
    __m256 s = acc[0];
    for (int i = 1; i < 12; i++) s = _mm256_add_ps(s, acc[i]);
    float out[8];
    _mm256_storeu_ps(out, s);
    return out[0];
}

int main(void) {
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma")) { fprintf(stderr, "fma_peak: no AVX2+FMA\n"); return 1; }
    const long n = 20000000;
    double rates[9];
    float sink = 0;
    for (int r = 0; r < 9; r++) {
        const double t0 = now();
        sink += chains(n);
        rates[r] = n * 12.0 * 8 * 2 / (now() - t0) / 1e9;
    }
    qsort(rates, 9, sizeof *rates, compare_doubles);
    printf("fp32 FMA peak, one thread: %.1f GFLOP/s (median of 9; lowest %.1f, highest %.1f)%s\n", rates[4], rates[0], rates[8],
           sink == 12345 ? " " : "");
    return 0;
}
