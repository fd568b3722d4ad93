/*
 * align_priv.h - what align.c shares with align_assess.c (private to
 * src/measures).
 */
#ifndef SHI_MEASURES_ALIGN_PRIV_H
#define SHI_MEASURES_ALIGN_PRIV_H

#include <stddef.h>

#include <shi/align.h>
#include <shi/frame.h>

/* Every indicator but similarity for (a, b) over ny years from ys into
 * val[k][t] (left as they are where the data have nothing: preset them). */
shi_status shi_i_align_pair_values(const shi_data *d, const shi_threat_ctx *tc,
                                   const shi_threat_model *m, int a, int b, int ys, size_t ny,
                                   double **val, shi_err *err);
/* The similarity variants of the pairs among `states` over [y0, y1] in a
 * frame; col[v] is the column of variant v (-1 when absent). */
shi_status shi_i_align_sim_frame(const shi_data *d, const int *states, size_t n, int y0, int y1,
                                 shi_frame *f, long col[SHI_ALSIM_N], shi_err *err);
/* The directed twin of indicator k (the same measure the other way), or k. */
int shi_i_align_twin(int k);

/* The reference population (docs/align.md, "Thresholds"): at most this many
 * states. */
#define SHI_I_ALIGN_MAXREF 64

/* The reference states into r: a, b and every state that was a major power
 * in some year of [y0, y1]; returns their number. */
size_t shi_i_align_reference_states(const shi_data *d, int a, int b, int y0, int y1, int *r);

#endif
