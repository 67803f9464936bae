#include "CFloatMode.h"

#if defined(__x86_64__)
#include <xmmintrin.h>
// MXCSR bit 15: flush results that would be subnormal to zero; bit 6: read subnormal inputs as zero.
#define DV_FTZ_DAZ 0x8040u

unsigned long dv_flush_subnormals(void) {
    unsigned int state = _mm_getcsr();
    _mm_setcsr(state | DV_FTZ_DAZ);
    return state;
}

void dv_restore_float_mode(unsigned long state) {
    _mm_setcsr((unsigned int)state);
}
#elif defined(__aarch64__)
// FPCR bit 24 (FZ) flushes subnormal inputs and outputs to zero.
unsigned long dv_flush_subnormals(void) {
    unsigned long state;
    __asm__ volatile("mrs %0, fpcr" : "=r"(state));
    __asm__ volatile("msr fpcr, %0" : : "r"(state | (1ul << 24)));
    return state;
}

void dv_restore_float_mode(unsigned long state) {
    __asm__ volatile("msr fpcr, %0" : : "r"(state));
}
#else
unsigned long dv_flush_subnormals(void) { return 0; }
void dv_restore_float_mode(unsigned long state) { (void)state; }
#endif
