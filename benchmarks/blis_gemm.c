// OpenBLAS's cblas_sgemm, BLIS's bli_sgemm and our small-matrix kernel (Sources/CSmallGemm) on
// the exact products of the four bench networks: forward X·W, weight gradient Xᵀ·dY and input
// gradient dY·Wᵀ (and, where dropviz computes the small ones that way, (W·dYᵀ)ᵀ as W·dYᵀ).
// One thread each, CPU time, repetitions interleaved (each round runs the three libraries in a
// rotating order, so a burst of load hits all of them); prints the median µs per product of
// the rounds, the speed-up over OpenBLAS (its time / the other's) and the largest difference from
// OpenBLAS. How the README's BLIS decision was made.
// Build and run (Debian: libopenblas-dev, libblis-dev). The kernel with clang, as SwiftPM builds
// it (gcc's code for it is half as fast); this file with gcc, whose <omp.h> BLIS's header wants:
//   clang -O2 -c -I Sources/CSmallGemm/include Sources/CSmallGemm/SmallGemm.c -o /tmp/small_gemm.o
//   clang -O2 -c -I Sources/CSmallGemm/include Sources/CSmallGemm/SparseRows.c -o /tmp/sparse_rows.o
//   gcc -O2 -I Sources/CSmallGemm/include -I /usr/include/x86_64-linux-gnu/blis-openmp
//     benchmarks/blis_gemm.c /tmp/small_gemm.o /tmp/sparse_rows.o
//     /usr/lib/x86_64-linux-gnu/blis-openmp/libblis.so.4 -lm -o /tmp/blis_gemm
//   OPENBLAS_NUM_THREADS=1 BLIS_NUM_THREADS=1 OMP_NUM_THREADS=1 /tmp/blis_gemm [rounds]
// BLIS's library exports a cblas_sgemm too, so OpenBLAS's is taken from its own library with
// dlopen/dlsym (linked normally, whichever library the loader searched first would take every
// cblas_sgemm call: an early version of this file measured BLIS against itself). BLIS is called
// through its typed API (bli_sgemm with row and column strides); its CBLAS is a thin layer over
// the same call.
#include "CSmallGemm.h"
#include <blis.h>
#include <cblas.h>
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "bench_time.h"

typedef void (*sgemm_fn)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, enum CBLAS_TRANSPOSE, int, int, int, float, const float *,
                         int, const float *, int, float, float *, int);
static sgemm_fn openblas_sgemm;

enum { OPENBLAS, BLIS, SMALL, LIBS };

// C (m×n, row-major) = op(A)·op(B); op(A) is m×k, op(B) k×n.
static void product(int lib, int ta, int tb, int m, int n, int k, const float *a, const float *b, float *c) {
    const int lda = ta ? m : k, ldb = tb ? k : n;
    float one = 1, zero = 0;
    switch (lib) {
    case OPENBLAS:
        openblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, 1, a, lda, b,
                    ldb, 0, c, n);
        break;
    case BLIS:
        // Row-major storage: row stride ld, column stride 1; the transpose is BLIS's to apply.
        bli_sgemm(ta ? BLIS_TRANSPOSE : BLIS_NO_TRANSPOSE, tb ? BLIS_TRANSPOSE : BLIS_NO_TRANSPOSE, m, n, k, &one,
                  (float *)a, lda, 1, (float *)b, ldb, 1, &zero, c, n, 1);
        break;
    case SMALL:
        dv_small_sgemm(ta, m, n, k, 1, a, lda, b, ldb, 0, c, n);
        break;
    }
}

int main(int argc, char **argv) {
    const int rounds = argc > 1 ? atoi(argv[1]) : 7;
    void *openblas = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!openblas) { fprintf(stderr, "blis_gemm: %s\n", dlerror()); return 1; }
    openblas_sgemm = (sgemm_fn)dlsym(openblas, "cblas_sgemm");
    void (*set_threads)(int) = (void (*)(int))dlsym(openblas, "openblas_set_num_threads");
    char *(*corename)(void) = (char *(*)(void))dlsym(openblas, "openblas_get_corename");
    if (!openblas_sgemm || !set_threads || !corename) { fprintf(stderr, "blis_gemm: not OpenBLAS\n"); return 1; }
    set_threads(1);
    bli_thread_set_num_threads(1);
    struct net { const char *name; int layers[4]; int batch; };
    static const struct net nets[] = {
        {"tiny", {2, 16, 16, 2}, 16}, {"digits", {64, 128, 128, 10}, 32},
        {"wide", {64, 256, 256, 10}, 64}, {"mnist", {784, 1024, 1024, 10}, 128},
    };
    const int size = 1 << 21;
    float *a = malloc(sizeof(float) * size), *b = malloc(sizeof(float) * size);
    float *c[LIBS];
    for (int l = 0; l < LIBS; l++) c[l] = calloc(size, sizeof(float));
    if (!a || !b || !c[0] || !c[1] || !c[2]) return 1;
    srand(1);
    for (int i = 0; i < size; i++) { a[i] = rand() / (float)RAND_MAX - 0.5f; b[i] = rand() / (float)RAND_MAX - 0.5f; }
    const int small_ok = dv_small_sgemm_available();
    printf("OpenBLAS kernels: %s; BLIS kernels: %s; CSmallGemm: %s; %d interleaved rounds, median\n",
           corename(), bli_arch_string(bli_arch_query_id()), small_ok ? "AVX2+FMA" : "not available", rounds);
    printf("%-7s %-7s %18s  %10s %10s %10s  %9s %9s  %s\n", "net", "product", "m × n × k", "OpenBLAS µs", "BLIS µs",
           "small µs", "BLIS ×", "small ×", "max diff BLIS, small");
    double *times = malloc(sizeof(double) * rounds);
    for (size_t t = 0; t < sizeof nets / sizeof *nets; t++) {
        const struct net *nt = &nets[t];
        for (int layer = 0; layer < 3; layer++) {
            const int in = nt->layers[layer], out = nt->layers[layer + 1], batch = nt->batch;
            // forward X·W; dW = Xᵀ·dY; dX = dY·Wᵀ (not for the first layer); dXᵀ = W·dYᵀ as dropviz
            // computes the small ones (W is in × out, dYᵀ out × batch: the transpose is copied).
            struct { const char *what; int ta, tb, m, n, k; } p[] = {
                {"X·W", 0, 0, batch, out, in}, {"Xᵀ·dY", 1, 0, in, out, batch},
                {"dY·Wᵀ", 0, 1, batch, in, out}, {"W·dYᵀ", 0, 0, in, batch, out},
            };
            const int count = layer == 0 ? 2 : 4;
            for (int q = 0; q < count; q++) {
                const int ta = p[q].ta, tb = p[q].tb, m = p[q].m, n = p[q].n, k = p[q].k;
                const int reps = (int)(4e7 / (2.0 * m * n * k)) + 1;
                double median[LIBS];
                for (int l = 0; l < LIBS; l++) {
                    const int runs = l != SMALL || (small_ok && !tb);
                    if (!runs) { median[l] = NAN; continue; }
                    product(l, ta, tb, m, n, k, a, b, c[l]); // warm-up
                }
                double all[LIBS][64];
                for (int r = 0; r < rounds && r < 64; r++) {
                    for (int j = 0; j < LIBS; j++) {
                        const int l = (j + r) % LIBS;
                        if (l == SMALL && (!small_ok || tb)) continue;
                        const double t0 = now();
                        for (int i = 0; i < reps; i++) product(l, ta, tb, m, n, k, a, b, c[l]);
                        all[l][r] = (now() - t0) / reps * 1e6;
                    }
                }
                for (int l = 0; l < LIBS; l++) {
                    if (l == SMALL && (!small_ok || tb)) continue;
                    for (int r = 0; r < rounds && r < 64; r++) times[r] = all[l][r];
                    qsort(times, rounds, sizeof *times, compare_doubles);
                    median[l] = times[rounds / 2];
                }
                double diff[LIBS] = {0, 0, 0};
                for (int l = 1; l < LIBS; l++)
                    for (int i = 0; i < m * n; i++) diff[l] = fmax(diff[l], fabs(c[l][i] - c[0][i]));
                char shape[40];
                snprintf(shape, sizeof shape, "%d × %d × %d", m, n, k);
                printf("%-7s %-7s %18s  %10.2f %10.2f ", nt->name, p[q].what, shape, median[OPENBLAS], median[BLIS]);
                if (isnan(median[SMALL]))
                    printf("%10s  %8.2fx %9s  %.2g, -\n", "-", median[OPENBLAS] / median[BLIS], "-", diff[BLIS]);
                else
                    printf("%10.2f  %8.2fx %8.2fx  %.2g, %.2g\n", median[SMALL], median[OPENBLAS] / median[BLIS],
                           median[OPENBLAS] / median[SMALL], diff[BLIS], diff[SMALL]);
                fflush(stdout);
            }
        }
    }
    return 0;
}
