/*
 * coop_dyad_priv.h - what coop_dyad.c shares with coop_fit.c (not public):
 * the regressors with the peace years given, the dispute indicator, and the
 * game from a fit and a row of regressors.
 */
#ifndef SHI_COOP_DYAD_PRIV_H
#define SHI_COOP_DYAD_PRIV_H

#include <shi/coop_dyad.h>

/* A dispute between registry positions i and j in `year` (either side's
 * hostility level 1-5). The year must be inside the dispute record. */
int shi_coop_i_dispute(const shi_dyadic *dy, int year, size_t i, size_t j);

/* First year from which the pair's peace years are counted: the later of the
 * start of the dispute record and the two entries into the system. */
int shi_coop_i_peace_start(const shi_data *d, size_t ia, size_t ib);

/* The regressors with the peace years `py` (NaN: missing); bit k set when
 * regressor k is missing. */
unsigned shi_coop_i_covariates(const shi_data *d, size_t ia, size_t ib, int year, double py,
                               double x[SHI_CV_N]);

/* delta, g, p_coop, payoffs, k and thresholds of `out` from the row `x`. */
void shi_coop_i_game(const shi_coop_fit *fit, const double x[SHI_CV_N], shi_coop_dyad *out);

#endif
