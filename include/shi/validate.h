/*
 * shi/validate.h - scoring a model against the historical record: the
 * statistics that every "does this index predict what states then did?"
 * table of shi uses (threat, cooperation, alignment rules).
 *
 *  - ROC AUC (Hanley & McNeil 1982): the probability that a randomly chosen
 *    positive case scores above a randomly chosen negative one, ties counted
 *    one half; computed from midranks as the Mann-Whitney U statistic divided
 *    by n_pos * n_neg, in O(n log n).
 *  - Top-k hit rate: over groups (e.g. perceiver-years) with at least one
 *    positive case, the share whose k highest-scoring members include a
 *    positive one (ties at the k-th place broken against the model: a group
 *    scores a hit only if a positive is certainly among the top k).
 *  - Brier score (Brier 1950) and calibration bins of probabilities.
 *  - Logistic regression by iteratively reweighted least squares (McCullagh &
 *    Nelder 1989, sec. 4.4), for mappings fitted on one period and tested on
 *    another.
 * Missing values (NaN scores) are left out and counted. Pure functions.
 */
#ifndef SHI_VALIDATE_H
#define SHI_VALIDATE_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A ranking score against 0/1 outcomes. */
typedef struct shi_auc_result {
    double auc;   /* NaN when there is no positive or no negative case */
    size_t n_pos; /* positive cases with a score */
    size_t n_neg; /* negative cases with a score */
    size_t n_na;  /* cases left out: NaN score */
} shi_auc_result;

/** \brief ROC AUC of `score` for outcomes `label` (0 or 1), n cases.
 *  \return SHI_EUSAGE for a label other than 0/1, SHI_EIO out of memory. */
SHI_API shi_status shi_auc(const double *score, const int *label, size_t n, shi_auc_result *out,
                           shi_err *err);

/** \brief Top-k hit rate over groups: cases with the same `group` id (any
 *  integers) form a group; only groups with a positive case and at least one
 *  scored case count. *groups receives their number.
 *  \return the rate, NaN when no group counts. */
SHI_API double shi_topk_hits(const double *score, const int *label, const long *group, size_t n,
                             size_t k, size_t *groups);

/** Brier score: mean of (p - y)^2 over cases with a probability (NaN: left out). */
SHI_API double shi_brier(const double *p, const int *label, size_t n);

/** One calibration bin: probabilities in [lo, hi). */
typedef struct shi_calib_bin {
    double lo, hi;
    size_t n;
    double mean_p;   /* mean predicted probability */
    double observed; /* share of positive outcomes */
} shi_calib_bin;

/** Fill `nbins` equal-width bins over [0, 1] (the last includes 1). */
SHI_API void shi_calibration(const double *p, const int *label, size_t n, shi_calib_bin *bins,
                             size_t nbins);

/** \brief Logistic regression of `label` on an intercept and k regressors
 *  (column-major X: regressor j of case i at X[j * n + i]); cases with a NaN
 *  regressor are left out. beta receives k + 1 coefficients, intercept first.
 *  \return SHI_EDATA when the fit does not converge in 100 iterations or the
 *  design is singular (e.g. separation), SHI_EIO out of memory. */
SHI_API shi_status shi_logit_fit(const double *X, const int *label, size_t n, size_t k,
                                 double *beta, shi_err *err);

/** The fitted probability 1 / (1 + exp(-(b0 + sum b_j x_j))) for one case. */
SHI_API double shi_logit_prob(const double *beta, const double *x, size_t k);

#ifdef __cplusplus
}
#endif
#endif
