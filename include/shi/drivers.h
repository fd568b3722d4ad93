/*
 * shi/drivers.h - what drives an alignment: external versus bilateral drivers.
 *
 * A dyad's yearly alignment series y is regressed by OLS (with an intercept) on
 * k drivers, each in one of two blocks: external (the system's polarity, a
 * shared threat) or bilateral (trade, summits, arms transfers...). Reported:
 *  - coefficients with OLS and Newey-West standard errors (HAC, Bartlett
 *    kernel; Newey & West 1987), t statistics and two-sided p values from
 *    Student's t with n - k - 1 degrees of freedom, R^2, adjusted R^2, the F
 *    test and the Durbin-Watson statistic;
 *  - the LMG decomposition of R^2 (Lindeman, Merenda & Gold 1980; Groemping
 *    2006): each regressor's share is its increment in R^2 averaged over all
 *    k! orderings, computed exactly from the R^2 of all 2^k subsets of
 *    regressors (so k <= SHI_DRIVERS_MAX_K);
 *  - the split of explained variance between the two blocks, two ways: the
 *    sum of each block's LMG shares, and the Shapley value of the two-player
 *    game whose players are the blocks. The headline "externally driven: X%"
 *    is the block Shapley value (docs/drivers.md says why);
 *  - a moving-block bootstrap (Kuensch 1989) of the rows of (y, X) jointly,
 *    giving percentile intervals of every share. Replication b draws from
 *    stream b of the seed, so the results do not depend on the thread count.
 *
 * Rows are years in time order, one year apart. A row with a missing value
 * (NaN) in y or in any driver it needs is dropped (listwise deletion) and
 * counted; the remaining rows are then treated as consecutive by the HAC
 * estimator, the Durbin-Watson statistic and the block bootstrap.
 */
#ifndef SHI_DRIVERS_H
#define SHI_DRIVERS_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Most regressors (drivers and their lagged copies) the exact LMG
 *  decomposition accepts: it evaluates all 2^k subsets. */
#define SHI_DRIVERS_MAX_K 15

/** Which block a driver belongs to. */
typedef enum shi_drivers_block {
    SHI_BLOCK_EXTERNAL = 0, /* system-level: polarity, a shared threat */
    SHI_BLOCK_BILATERAL = 1 /* dyad-level: trade, visits, arms transfers */
} shi_drivers_block;

/** Name of a block: "external" or "bilateral" ("intercept" for -1). */
/* Inline: the views format it without calling a model. */
static inline const char *shi_drivers_block_name(int block)
{
    switch (block) {
    case SHI_BLOCK_EXTERNAL:
        return "external";
    case SHI_BLOCK_BILATERAL:
        return "bilateral";
    case -1:
        return "intercept";
    default:
        return "unknown";
    }
}

/** The data of one analysis; all borrowed, nothing is modified. */
typedef struct shi_drivers_input {
    size_t n;                 /* rows (years), in time order, one year apart */
    size_t k;                 /* drivers: columns of X */
    const double *y;          /* outcome, n values; NaN = missing */
    const double *X;          /* drivers, column-major: driver j in row t is X[j * n + t];
                                 NaN = missing */
    const int *block;         /* k block ids: SHI_BLOCK_EXTERNAL or SHI_BLOCK_BILATERAL */
    const char *const *names; /* k driver names, or NULL for "x1".."xk" */
} shi_drivers_input;

/** Options; start from shi_drivers_opts_default(). */
typedef struct shi_drivers_opts {
    int diff;        /* 0: levels; 1: first differences of y and of every driver */
    int lags;        /* add copies of every driver lagged 1..lags years (0 = none) */
    int hac_lag;     /* Newey-West truncation lag; -1 = floor(4 (n/100)^(2/9)) */
    int boot;        /* bootstrap replications B (default 2000; 0 = no bootstrap) */
    int block_len;   /* bootstrap block length; 0 = max(1, round(n^(1/3))) */
    uint64_t seed;   /* master seed of the bootstrap */
    int threads;     /* OpenMP threads for the bootstrap; 0 = the OpenMP default */
    double rank_tol; /* a singular value of the standardised drivers below
                        rank_tol times the largest means collinear (default 1e-6) */
    int perm;        /* block permutations per block (default 0 = none): see perm_p */
} shi_drivers_opts;

/** Defaults: levels, no lags, automatic HAC lag, B = 2000, automatic block
 *  length, seed 1, default threads, rank_tol 1e-6, no permutations. */
SHI_API shi_drivers_opts shi_drivers_opts_default(void);

/** One coefficient of the fitted model. Index 0 of shi_drivers_result.coef is
 *  the intercept (block -1, no LMG share). */
typedef struct shi_drivers_coef {
    char name[96]; /* driver name; a lagged copy is "name_L1", "name_L2", ... */
    int block;     /* SHI_BLOCK_EXTERNAL, SHI_BLOCK_BILATERAL, or -1 (intercept) */
    int lag;       /* 0, or the lag of this copy of the driver */
    double b;      /* OLS estimate */
    double se_ols; /* classical OLS standard error, s^2 (X'X)^-1 */
    double t_ols, p_ols;
    double se_hac; /* Newey-West standard error (no small-sample correction) */
    double t_hac, p_hac;
    double lmg;             /* LMG: the part of R^2 attributed to this regressor (sums to R^2) */
    double lmg_share;       /* lmg / R^2 (sums to 1) */
    double lmg_share_ci[2]; /* bootstrap percentile interval of lmg_share (NaN without it) */
} shi_drivers_coef;

/** Everything one analysis computes. Caller storage: zero it (or call
 *  shi_drivers_result_init), pass it to shi_drivers_fit, and release it with
 *  shi_drivers_result_destroy, which is safe on a zeroed struct. */
typedef struct shi_drivers_result {
    /* the sample */
    size_t n_input;   /* rows given */
    size_t n_lost;    /* leading rows lost to differencing and lags */
    size_t n_missing; /* further rows dropped for a missing value (listwise) */
    size_t n;         /* observations used: n_input - n_lost - n_missing */
    size_t k;         /* regressors (drivers and lagged copies), without the intercept */
    size_t *row;      /* n: the input row (0-based) of each observation used */

    /* the fit */
    shi_drivers_coef *coef; /* k + 1; coef[0] is the intercept */
    double r2, adj_r2;
    double f, f_p; /* F test of all slopes = 0 and its p value */
    double sigma;  /* residual standard error, sqrt(SSE / (n - k - 1)) */
    double dw;     /* Durbin-Watson statistic */
    int hac_lag;   /* Newey-West lag used */
    double *resid; /* n residuals */

    /* the split between blocks; index 0 external, 1 bilateral */
    double r2_block[2];    /* R^2 of the model with only that block's regressors */
    double lmg_block[2];   /* sum of the block's LMG values (sums to r2) */
    double lmg_share[2];   /* lmg_block / r2 */
    double shap_block[2];  /* Shapley value of the block in the two-player game */
    double shap_share[2];  /* shap_block / r2: shap_share[0] is the headline */
    double external_share; /* = shap_share[0], "externally driven: X%" */

    /* the bootstrap (all NaN / NULL when boot = 0) */
    int boot;              /* replications B */
    int block_len;         /* block length used */
    uint64_t seed;         /* seed used */
    size_t boot_invalid;   /* replications whose resample had R^2 = 0 (shares undefined) */
    size_t boot_rankdef;   /* replications whose resample was rank deficient (kept; the
                              dependent regressors add nothing) */
    double *boot_shap_ext; /* B: external share (Shapley) of each replication, NaN if invalid */
    double *boot_lmg_ext;  /* B: external share (sum of LMG) of each replication */
    double shap_share_ci[2][2]; /* [block][lo, hi]: 2.5 and 97.5 percentiles */
    double lmg_share_ci[2][2];
    double external_share_ci[2]; /* = shap_share_ci[0] */

    /* The block permutation test (NaN when perm = 0). For block b, the rows of
       that block's regressors are cut into consecutive runs of block_len rows,
       the runs are put in a random order (the other block and the outcome stay
       in place, so each block keeps its own autocorrelation), and the block's
       Shapley share is recomputed; perm_p[b] = (1 + #{permuted share >= the
       observed one}) / (1 + perm), the one-sided permutation p value of "the
       timing of block b's drivers matters" (a run permutation in the spirit
       of the moving-block bootstrap; Kuensch 1989). Permutation i of block b
       draws from stream 2^40 (b + 1) + i of the seed. */
    int perm;         /* permutations per block */
    double perm_p[2]; /* [external, bilateral] */
} shi_drivers_result;

/** Zero a result. */
SHI_API void shi_drivers_result_init(shi_drivers_result *r);
/** Free what a result owns and zero it; safe on a zeroed struct. */
SHI_API void shi_drivers_result_destroy(shi_drivers_result *r);

/**
 * \brief Fit the model, decompose R^2 and bootstrap the shares.
 *
 * \param in   the data (see shi_drivers_input).
 * \param opt  options, or NULL for shi_drivers_opts_default().
 * \param out  result, caller storage; replaced on success (its old contents
 *             freed), unchanged on failure.
 * \param err  error record, or NULL.
 * \return SHI_OK;
 *   SHI_EUSAGE for bad arguments (k = 0, a block id other than 0/1, more than
 *   SHI_DRIVERS_MAX_K regressors after lags, negative options);
 *   SHI_EDATA when the data cannot identify the model: "too few observations:
 *   n=..., k=... (need at least ...)" (at least max(k + 2, 10) rows after
 *   differencing, lags and missing values), a constant outcome, a constant
 *   driver, or perfectly collinear drivers (named);
 *   SHI_EIO when out of memory.
 *
 * Time complexity: O(n k^2 + 2^k k^2) for the fit and the decomposition, times
 * B + 1 with the bootstrap; spread over `threads` threads.
 */
SHI_API shi_status shi_drivers_fit(const shi_drivers_input *in, const shi_drivers_opts *opt,
                                   shi_drivers_result *out, shi_err *err);

/**
 * \brief R^2 of the regression (with intercept) on every subset of regressors.
 *
 * Low-level: from the k x k cross-product matrix `sxx` (row-major) of centred
 * regressors, their cross-products with the centred outcome `sxy`, and the
 * outcome's sum of squares `syy`, write r2[S] for every subset S (bit j of S
 * set = regressor j in), 2^k values. A regressor that is (numerically) a
 * linear combination of those before it in S adds nothing. `work` must hold
 * 4 k^2 + 4 k doubles. O(2^k k^2).
 */
SHI_API shi_status shi_drivers_subset_r2(size_t k, const double *sxx, const double *sxy, double syy,
                                         double *r2, double *work, shi_err *err);

/** LMG values from the 2^k subset R^2 (as written by shi_drivers_subset_r2):
 *  lmg[j] = sum over S not containing j of |S|! (k-1-|S|)! / k! (r2[S+j] - r2[S]),
 *  the average of j's increment over all k! orderings. `work` must hold
 *  2^(k+1) doubles. O(2^k k). */
SHI_API void shi_drivers_lmg(size_t k, const double *r2, double *lmg, double *work);

#ifdef __cplusplus
}
#endif
#endif
