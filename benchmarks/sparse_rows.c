// The small-matrix kernel's two paths (Sources/CSmallGemm: dense 6×16 blocks, rows over the
// non-zero terms of op(A)) on digits' and tiny's and wide's products whose A dropout and ReLU
// thin out, at several shares of non-zero elements: µs per product (median of interleaved
// rounds, CPU time) and whether the two results are the same bits. How the threshold in
// SparseRows.h (at least 64 columns, at most a third non-zero) was chosen. Build and run:
//   clang -O2 -I Sources/CSmallGemm/include benchmarks/sparse_rows.c Sources/CSmallGemm/SmallGemm.c \
//     Sources/CSmallGemm/SparseRows.c -o /tmp/sparse_rows && /tmp/sparse_rows
#include "CSmallGemm.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench_time.h"

int main(void) {
    if (!dv_small_sgemm_available()) { fprintf(stderr, "sparse_rows: this CPU has no AVX2+FMA\n"); return 1; }
    // m × n × k, A transposed; the products with a thinned A (h·W forward, hᵀ·dz weight gradient).
    static const struct { const char *net; int m, n, k, ta; } s[] = {
        {"tiny", 16, 16, 16, 0}, {"tiny", 16, 16, 16, 1},
        {"digits", 32, 128, 128, 0}, {"digits", 128, 128, 32, 1},
        {"wide", 64, 256, 256, 0}, {"wide", 256, 256, 64, 1},
    };
    static const double shares[] = {0.1, 0.25, 0.4, 0.5, 0.75};
    const int size = 1 << 18, rounds = 7;
    float *a = malloc(sizeof(float) * size), *b = malloc(sizeof(float) * size);
    float *c1 = malloc(sizeof(float) * size), *c2 = malloc(sizeof(float) * size);
    if (!a || !b || !c1 || !c2) return 1;
    srand(1);
    for (int i = 0; i < size; i++) b[i] = rand() / (float)RAND_MAX - 0.5f;
    printf("%-7s %16s %6s  %9s %9s %8s  %s\n", "net", "m × n × k", "share", "dense µs", "rows µs", "speed-up", "same bits");
    for (size_t t = 0; t < sizeof s / sizeof *s; t++) {
        const int m = s[t].m, n = s[t].n, k = s[t].k, ta = s[t].ta;
        const long lda = ta ? m : k;
        for (size_t q = 0; q < sizeof shares / sizeof *shares; q++) {
            for (int i = 0; i < m * k; i++)
                a[i] = rand() / (float)RAND_MAX < shares[q] ? rand() / (float)RAND_MAX : 0;
            // β = 1 and α = −0.01 as the fused SGD update calls it; C starts equal for both.
            for (int i = 0; i < m * n; i++) c1[i] = c2[i] = b[i + 7];
            dv_small_sgemm_path(DV_PATH_DENSE, ta, m, n, k, -0.01f, a, lda, b, n, 1, c1, n);
            dv_small_sgemm_path(DV_PATH_SPARSE_ROWS, ta, m, n, k, -0.01f, a, lda, b, n, 1, c2, n);
            const int same = memcmp(c1, c2, sizeof(float) * m * n) == 0;
            const int reps = (int)(2e7 / (2.0 * m * n * k)) + 1;
            double td[rounds], ts[rounds];
            for (int r = 0; r < rounds; r++) {
                double t0 = now();
                for (int i = 0; i < reps; i++) dv_small_sgemm_path(DV_PATH_DENSE, ta, m, n, k, 1, a, lda, b, n, 0, c1, n);
                double t1 = now();
                for (int i = 0; i < reps; i++) dv_small_sgemm_path(DV_PATH_SPARSE_ROWS, ta, m, n, k, 1, a, lda, b, n, 0, c2, n);
                double t2 = now();
                td[r] = (t1 - t0) / reps * 1e6;
                ts[r] = (t2 - t1) / reps * 1e6;
            }
            qsort(td, rounds, sizeof *td, compare_doubles);
            qsort(ts, rounds, sizeof *ts, compare_doubles);
            char shape[32];
            snprintf(shape, sizeof shape, "%d × %d × %d%s", m, n, k, ta ? " Aᵀ" : "");
            printf("%-7s %16s %5.0f%%  %9.2f %9.2f %7.2fx  %s\n", s[t].net, shape, 100 * shares[q], td[rounds / 2],
                   ts[rounds / 2], td[rounds / 2] / ts[rounds / 2], same ? "yes" : "NO");
        }
    }
    return 0;
}
