#ifndef DROPVIZ_SPARSEROWS_H
#define DROPVIZ_SPARSEROWS_H
// The small-matrix product's path for an op(A) that is mostly zeros (SparseRows.c). Internal
// to the target: SmallGemm.c calls it, Swift does not.

/// When the rows path is taken (unless forced): C has at least this many columns and at most
/// NUM/DEN of op(A)'s elements are not zero (SparseRows.c says why).
#define DV_SPARSE_FEWEST_COLUMNS 64
#define DV_SPARSE_SHARE_NUM 1
#define DV_SPARSE_SHARE_DEN 3

/// The same product as dv_small_sgemm, row by row, each row's sum over p running only over
/// the p with op(A)[i][p] ≠ 0. Requires AVX2+FMA (the caller checked). Unless `force`, does
/// nothing and returns 0 when op(A) or C is not thin enough by the rule above (or the bit masks
/// cannot be allocated); returns 1 when it computed C.
int dv_sparse_rows_sgemm(int force, int trans_a, int m, int n, int k, float alpha, const float *a, long lda,
                         const float *b, long ldb, float beta, float *c, long ldc);

#endif
