/*
 * shi/drivers_id.h - an identified test of "externally driven": the drivers
 * model (shi/drivers.h) fitted in the form the unit-root tests choose, with
 * placebo third states, block permutations and a verdict that can say "no"
 * (docs/drivers.md, "Inference and the verdict").
 *
 * Steps of shi_drivers_identify:
 *  1. Form. Each series (the outcome and every driver) gets an ADF and a KPSS
 *     test in levels with a constant (shi/unitroot.h). With form AUTO the
 *     model is fitted in levels only when every series is stationary at 5%
 *     by both tests; otherwise in first differences (the usual remedy for
 *     spurious regression; Granger & Newbold 1974, Phillips 1986).
 *  2. The real fit: block Shapley share of the external block with its
 *     moving-block bootstrap interval, and the block permutation p values.
 *  3. Placebos: the same model with the external drivers of each placebo
 *     third state in place of the real ones (same years, same form, no
 *     bootstrap). The real third state's rank among real + placebos (1 = the
 *     largest external share) gives placebo_p = rank / (valid placebos + 1),
 *     the usual randomisation p value (Abadie, Diamond & Hainmueller 2010
 *     use the same ranking for placebo units).
 *  4. The verdict (shi_drivers_verdict).
 */
#ifndef SHI_DRIVERS_ID_H
#define SHI_DRIVERS_ID_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/drivers.h>
#include <shi/error.h>
#include <shi/unitroot.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What the evidence says. */
typedef enum shi_verdict {
    SHI_VERDICT_NOT_IDENTIFIED = 0, /* the data cannot tell */
    SHI_VERDICT_EXTERNAL = 1,       /* "externally driven" */
    SHI_VERDICT_BILATERAL = 2       /* "bilaterally driven" */
} shi_verdict;

/* Inline: the views format it without calling a model. */
static inline const char *shi_verdict_name(int v)
{
    switch (v) {
    case SHI_VERDICT_EXTERNAL:
        return "externally driven";
    case SHI_VERDICT_BILATERAL:
        return "bilaterally driven";
    default:
        return "not identified";
    }
}

/** Form of the regression. */
typedef enum shi_drivers_form {
    SHI_FORM_AUTO = 0,   /* levels if every series is stationary (ADF and KPSS, 5%), else diff */
    SHI_FORM_LEVELS = 1, /* levels, whatever the tests say */
    SHI_FORM_DIFF = 2    /* first differences */
} shi_drivers_form;

static inline const char *shi_drivers_form_name(int f)
{
    return f == SHI_FORM_LEVELS ? "levels" : f == SHI_FORM_DIFF ? "differences" : "auto";
}

/**
 * \brief The verdict from the external share's interval and the two p values.
 *
 *  - "externally driven" when the interval lies above 50% and placebo_p <= alpha;
 *  - "bilaterally driven" when it lies below 50% and perm_p_bilateral <= alpha
 *    (a bilateral claim has no placebo third state: its placebo is the
 *    bilateral drivers with their years shuffled in runs);
 *  - "not identified" otherwise: whenever the interval spans 50% (or is
 *    missing), or the p value of the claim exceeds alpha.
 * `why` (may be NULL) gets one sentence saying which rule decided.
 */
SHI_API shi_verdict shi_drivers_verdict(const double ci[2], double placebo_p,
                                        double perm_p_bilateral, double alpha, char *why,
                                        size_t size);

/** Most series (outcome + drivers) tested. */
#define SHI_ID_MAX_SERIES 16

/** The unit-root tests of one series, in levels with a constant. */
typedef struct shi_series_test {
    char name[40];     /* "outcome" or the driver's name */
    shi_status status; /* SHI_OK, or why the tests could not run (then inconclusive) */
    shi_adf adf;
    shi_kpss kpss;
    shi_ur_class cls;
} shi_series_test;

/** The data: the model with the real third state, and the placebos. */
typedef struct shi_drivers_id_input {
    shi_drivers_input real;   /* outcome, drivers of both blocks (real third state) */
    size_t nplacebo;          /* placebo third states */
    const double *placebo_X;  /* nplacebo x kext x n: placebo p's external drivers, column-major,
                                 in the order of the external columns of real.X (p's block starts
                                 at p * kext * n) */
    const int *placebo_valid; /* nplacebo flags, or NULL (all); 0 = skip this placebo */
} shi_drivers_id_input;

typedef struct shi_drivers_id_opts {
    shi_drivers_opts fit; /* bootstrap, permutations, seed, threads (its diff is ignored) */
    shi_drivers_form form;
    double alpha; /* p value threshold of the verdict (default 0.10) */
} shi_drivers_id_opts;

/** Defaults: form AUTO, B = 2000, 999 permutations per block, seed 1, alpha 0.10. */
SHI_API shi_drivers_id_opts shi_drivers_id_opts_default(void);

/** Result; zero it, release with shi_drivers_id_destroy (safe on a zeroed one). */
typedef struct shi_drivers_id {
    size_t ntest;
    shi_series_test test[SHI_ID_MAX_SERIES]; /* outcome first, then the drivers */
    int diff;                                /* form used: 0 levels, 1 first differences */
    char form_why[200];                      /* why that form */
    shi_drivers_result fit;                  /* the real fit */
    size_t nplacebo;                         /* placebos given */
    size_t placebo_valid;  /* placebos with a share (the rest failed or skipped) */
    double *placebo_share; /* nplacebo external shares, NaN when not valid */
    size_t rank;           /* 1 + valid placebos whose share >= the real one */
    double placebo_p;      /* rank / (placebo_valid + 1); NaN without placebos */
    shi_verdict verdict;
    char why[300];
} shi_drivers_id;

SHI_API void shi_drivers_id_destroy(shi_drivers_id *r);

/**
 * \brief Choose the form, fit, run the placebos, and give the verdict.
 * \return SHI_OK; SHI_EUSAGE for bad arguments; SHI_EDATA when the real fit
 *   fails (too few usable years: "too few usable years: 8 after first
 *   differences and missing values, 10 needed (4 regressors)", a constant or
 *   collinear driver); SHI_EIO when out of memory. A placebo fit that fails is
 *   left out (its share NaN), not an error.
 */
SHI_API shi_status shi_drivers_identify(const shi_drivers_id_input *in,
                                        const shi_drivers_id_opts *opt, shi_drivers_id *out,
                                        shi_err *err);

/** Observations a fit of `in` would use in the given form: rows where the
 *  outcome and every driver (and, in differences, their previous year) are
 *  known. */
SHI_API size_t shi_drivers_usable(const shi_drivers_input *in, int diff);

/* ---- the panel design ------------------------------------------------------------ */

/** A panel of dyads: rows (unit, time) with the outcome and the drivers,
 *  already in the form wanted (levels or differences). */
typedef struct shi_panel_input {
    size_t nrow, k;
    const double *y;  /* nrow; NaN = missing (row dropped) */
    const double *X;  /* k x nrow, column-major; NaN = missing */
    const int *block; /* k */
    const int *unit;  /* nrow: dyad index 0..nunit-1 */
    const int *time;  /* nrow: year index 0..ntime-1 */
    size_t nunit, ntime;
} shi_panel_input;

/** The panel estimate: the block Shapley share of the external block in the
 *  within R^2 after dyad and year fixed effects, with a dyad (cluster)
 *  bootstrap interval. */
typedef struct shi_panel_fit {
    size_t nobs, nunit;  /* rows and dyads used */
    double r2_within;    /* R^2 of the drivers after both fixed effects */
    double r2_block[2];  /* within R^2 of each block alone */
    double share;        /* external block Shapley share */
    double share_ci[2];  /* 2.5 and 97.5 percentiles over the dyad bootstrap */
    int boot;            /* replications (stream i of the seed for replication i) */
    size_t boot_invalid; /* replications with no within variation */
} shi_panel_fit;

/**
 * \brief Two-way fixed effects (dyad and year) by alternating projections
 * (Guimaraes & Portugal 2010), then the block Shapley split of the within
 * R^2, and a bootstrap that resamples whole dyads (each draw its own fixed
 * effect). Thread-free and deterministic for a seed.
 * \return SHI_OK; SHI_EUSAGE for bad arguments; SHI_EDATA with fewer than 3
 *   dyads or fewer rows than 2 k + units + years; SHI_EIO out of memory.
 */
SHI_API shi_status shi_panel_fe_fit(const shi_panel_input *in, int boot, uint64_t seed,
                                    shi_panel_fit *out, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
