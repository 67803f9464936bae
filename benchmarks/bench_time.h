// What the C benchmarks share: the process's CPU time (steady on a machine busy with other
// work) and an order for qsort, to take medians.
#ifndef DROPVIZ_BENCH_TIME_H
#define DROPVIZ_BENCH_TIME_H
#include <time.h>

static inline double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static inline int compare_doubles(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

#endif
