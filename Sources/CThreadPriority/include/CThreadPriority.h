#ifndef DROPVIZ_CTHREADPRIORITY_H
#define DROPVIZ_CTHREADPRIORITY_H
// A background thread's priority below the event loop's (see BackgroundWork.swift).

/// Raises the calling thread's nice value by `increment` (Linux: per thread; elsewhere a
/// no-op). Returns 0, or -1 when the system refused.
int dv_lower_thread_priority(int increment);

#endif
