#include "CThreadPriority.h"

#if defined(__linux__)
#define _GNU_SOURCE
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int dv_lower_thread_priority(int increment) {
    // On Linux a nice value belongs to the thread: PRIO_PROCESS with a thread id changes only
    // that thread. gettid through syscall: older C libraries have no wrapper.
    pid_t tid = (pid_t)syscall(SYS_gettid);
    int current = getpriority(PRIO_PROCESS, (id_t)tid);
    return setpriority(PRIO_PROCESS, (id_t)tid, current + increment);
}
#else
int dv_lower_thread_priority(int increment) {
    (void)increment;
    return 0;
}
#endif
