// The small-matrix kernel (Sources/CSmallGemm) against OpenBLAS on the products of the bench
// networks, one thread, CPU time; prints µs per product, GFLOP/s, the speed-up and the largest
// difference of the two results. How SmallGemm.swift's limits were chosen. Build and run:
//   clang -O2 -I Sources/CSmallGemm/include benchmarks/small_gemm.c Sources/CSmallGemm/SmallGemm.c \
//     Sources/CSmallGemm/SparseRows.c -lopenblas -lm -o /tmp/small_gemm && OPENBLAS_NUM_THREADS=1 /tmp/small_gemm
#include "CSmallGemm.h"
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "bench_time.h"

int main(void) {
    openblas_set_num_threads(1);
    // m × n × k and whether A is transposed, as the dense layers call them (forward x·W,
    // weight gradient xᵀ·dy, input gradient as W·dyᵀ).
    static const struct { const char *net; int m, n, k, ta; } s[] = {
        {"tiny", 16, 16, 2, 0}, {"tiny", 16, 16, 16, 0}, {"tiny", 2, 16, 16, 1}, {"tiny", 16, 16, 16, 1}, {"tiny", 16, 2, 16, 0},
        {"digits", 32, 128, 64, 0}, {"digits", 32, 128, 128, 0}, {"digits", 32, 10, 128, 0}, {"digits", 128, 10, 32, 1},
        {"digits", 128, 32, 10, 0}, {"digits", 128, 128, 32, 1}, {"digits", 128, 32, 128, 0}, {"digits", 64, 128, 32, 1},
        {"wide", 64, 256, 64, 0}, {"wide", 64, 256, 256, 0}, {"wide", 256, 64, 10, 0}, {"wide", 256, 256, 64, 1},
        {"wide", 256, 64, 256, 0}, {"wide", 64, 256, 64, 1},
        {"mnist", 128, 1024, 784, 0}, {"mnist", 784, 1024, 128, 1}, {"mnist", 1024, 128, 1024, 0},
    };
    const int size = 1 << 20;
    float *a = malloc(sizeof(float) * size), *b = malloc(sizeof(float) * size);
    float *c = calloc(size, sizeof(float)), *d = calloc(size, sizeof(float));
    if (!a || !b || !c || !d) return 1;
    srand(1);
    for (int i = 0; i < size; i++) { a[i] = rand() / (float)RAND_MAX - 0.5f; b[i] = rand() / (float)RAND_MAX - 0.5f; }
    if (!dv_small_sgemm_available()) { fprintf(stderr, "small_gemm: this CPU has no AVX2+FMA\n"); return 1; }
    printf("%-7s %16s  %10s %8s  %10s %8s  %7s  %s\n", "net", "m × n × k", "OpenBLAS µs", "GFLOP/s", "kernel µs", "GFLOP/s", "speed-up", "max diff");
    for (size_t t = 0; t < sizeof s / sizeof *s; t++) {
        const int m = s[t].m, n = s[t].n, k = s[t].k, ta = s[t].ta;
        const int reps = (int)(2e8 / (2.0 * m * n * k)) + 1;
        const long lda = ta ? m : k;
        double t0 = now();
        for (int r = 0; r < reps; r++)
            cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, CblasNoTrans, m, n, k, 1, a, lda, b, n, 0, c, n);
        double t1 = now();
        for (int r = 0; r < reps; r++) dv_small_sgemm(ta, m, n, k, 1, a, lda, b, n, 0, d, n);
        double t2 = now();
        double diff = 0;
        for (int i = 0; i < m * n; i++) diff = fmax(diff, fabs(c[i] - d[i]));
        const double flop = 2.0 * m * n * k * reps;
        printf("%-7s %4d × %4d × %4d %s %10.2f %8.1f  %10.2f %8.1f  %7.2fx  %.2g\n", s[t].net, m, n, k, ta ? "Aᵀ" : "A ",
               (t1 - t0) / reps * 1e6, flop / (t1 - t0) / 1e9, (t2 - t1) / reps * 1e6, flop / (t2 - t1) / 1e9,
               (t1 - t0) / (t2 - t1), diff);
    }
    return 0;
}
