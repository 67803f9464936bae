#ifndef DROPVIZ_CFLOATMODE_H
#define DROPVIZ_CFLOATMODE_H
// The processor's treatment of subnormal floats, for the training step (see FloatMode.swift).

/// Sets flush-to-zero (and, on x86-64, denormals-are-zero) for the calling thread; returns the
/// previous control state for dv_restore_float_mode.
unsigned long dv_flush_subnormals(void);

/// Restores the control state dv_flush_subnormals returned.
void dv_restore_float_mode(unsigned long state);

#endif
