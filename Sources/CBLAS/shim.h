#ifndef DROPVIZ_CBLAS_SHIM_H
#define DROPVIZ_CBLAS_SHIM_H
// Debian's libopenblas-dev makes <cblas.h> the OpenBLAS header (through the alternatives system).
#include <cblas.h>
// Declared again so the module compiles against any CBLAS header; OpenBLAS defines it.
void openblas_set_num_threads(int num_threads);
// Which kernel set OpenBLAS chose at load time (e.g. "Haswell", "Prescott"), and its build line.
char* openblas_get_corename(void);
char* openblas_get_config(void);
#endif
