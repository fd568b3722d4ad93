/*
 * shi/mnl.h - multinomial logit by Newton-Raphson (maximum likelihood), with
 * frequency weights, as Bennett & Stam (2000, ISQ 44(3), Tables 3-4) fitted
 * the outcomes of dyad-years on the predicted War and Reason equilibria.
 *
 * Model (category 0 the base): P(y = j | x) = exp(x b_j) / sum_l exp(x b_l),
 * b_0 = 0. The log-likelihood sum_i w_i log P(y_i | x_i) is concave; each
 * Newton step solves (-H) d = g by a Cholesky factorisation (GSL), halves the
 * step until the log-likelihood does not fall, and stops after the step whose
 * Newton decrement g'd is below 1e-12 (1 + |log-likelihood|), or after 200. Where a category never
 * occurs with a regressor's value the maximum is at infinity (separation):
 * the coefficient runs off towards -inf until the likelihood stops changing,
 * as in Stata's mlogit (Bennett & Stam's -39 to -44), and its standard error
 * is huge. Callers that know the empty cells should say so.
 */
#ifndef SHI_MNL_H
#define SHI_MNL_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A fitted multinomial logit (zero-initialise; free with shi_mnl_fit_free). */
typedef struct shi_mnl_fit {
    size_t k, p;    /* categories (0 is the base) and regressors (with the constant) */
    double *beta;   /* (k - 1) x p, row j - 1 for category j */
    double *se;     /* (k - 1) x p standard errors from the inverse information; NaN where
                       the information matrix cannot be inverted */
    double ll;      /* log-likelihood at the estimate */
    double ll_null; /* log-likelihood of the constants-only model: sum_j n_j log(n_j / n) */
    double nobs;    /* sum of the weights */
    int iter;       /* Newton steps taken */
    int converged;  /* 1 when the log-likelihood stopped changing */
} shi_mnl_fit;

/**
 * \brief Fit P(y | x) by maximum likelihood.
 * \param x    n x p regressors, row-major; include a column of ones for a constant
 * \param y    n categories in [0, k)
 * \param w    n frequency weights >= 0 (NULL: all 1); a collapsed table of counts
 *             gives the same estimates as its expanded rows
 * \return SHI_OK; SHI_EUSAGE for k < 2, p < 1, a category out of range or a
 *         negative weight; SHI_EIO when out of memory.
 * Complexity: O(iter * n * (k p)^2 + iter * (k p)^3).
 */
SHI_API shi_status shi_mnl_fit_weighted(const double *x, const int *y, const double *w, size_t n,
                                        size_t p, size_t k, shi_mnl_fit *fit, shi_err *err);
SHI_API void shi_mnl_fit_free(shi_mnl_fit *fit);

#ifdef __cplusplus
}
#endif
#endif
