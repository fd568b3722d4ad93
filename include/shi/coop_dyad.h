/*
 * shi/coop_dyad.h - a pair's prisoner's dilemma, estimated from what states
 * did (docs/coop.md, "Dyad calibration"), and its out-of-sample validation.
 *
 * The model. One round of the game is one year. Cooperation between a and b
 * holds in year t+1 when no militarized dispute (MID) occurs between them.
 * Under grim trigger with R - P = 2 (Axelrod's scale), cooperation is an
 * equilibrium iff delta >= g / (1 + g), with g = (T - R) / (R - P) the
 * temptation premium, i.e. iff logit(delta) >= ln g. Give the realised
 * temptation a standard logistic shock, g e^-e (a bad year makes defection
 * more tempting), and
 *
 *     P(cooperation holds in t+1) = Lambda(logit(delta) - ln g),
 *
 * a logit of "no dispute next year" whose index splits into the shadow of the
 * future (the pair's ties) and the temptation (what makes force pay):
 *
 *     logit(delta) = b0 + b_py ln(1 + peace years) + b_al alliance
 *                       + b_tr ln(1 + 100 x trade dependence)
 *     ln g         = -(b_ct contiguity + b_cr ln CINC ratio + b_mp major power)
 *
 * (peace years: Beck, Katz & Tucker 1998; alliance, trade as the weaker
 * side's dependence, contiguity, power ratio and major-power status: Bremer
 * 1992, Oneal & Russett 1997). The b are fitted by maximum likelihood on every
 * dyad-year of the record with complete data (shi_coop_history_fit); the
 * defaults (shi_coop_fit_default) are that fit on the embedded data,
 * 1870-2013, each named in coop_dyad.c. Then T = R + 2g, R = 3, P = 1,
 * S = P - 2g (the sucker's loss mirrors the temptation, so 2R > T + S for any
 * g), and Tit for Tat's thresholds equal grim trigger's. Grieco's relative
 * gains are inside the estimated temptation, not separately identified from
 * dispute onsets: k = 0.
 *
 * Missing data make no verdict: when an input of the year (capabilities,
 * contiguity, alliances, trade, the dispute record) is missing the result is
 * "not computable" with the list of what is missing.
 */
#ifndef SHI_COOP_DYAD_H
#define SHI_COOP_DYAD_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/coop.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/threat.h>
#include <shi/validate.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The regressors of the model, in this order (a row of the design). */
enum {
    SHI_CV_PEACE,    /* ln(1 + years since the pair's last dispute year) */
    SHI_CV_ALLIANCE, /* 1 if an ATOP obligation links them either way */
    SHI_CV_TRADE,    /* ln(1 + 100 x the smaller of the two trade dependences) */
    SHI_CV_CONTIG,   /* 1 if contiguous by land or by sea up to 150 miles (COW 1-4) */
    SHI_CV_RATIO,    /* ln(stronger CINC / weaker CINC) */
    SHI_CV_MAJOR,    /* 1 if either is a COW major power */
    SHI_CV_N
};
/** The first SHI_CV_TIES regressors lengthen the shadow of the future; the
 *  others set the temptation. */
#define SHI_CV_TIES 3

/** Names of the regressors (inline: views print them without a call). */
static inline const char *shi_coop_covar_name(int k)
{
    static const char *const names[SHI_CV_N] = {"peace_years", "alliance",   "trade",
                                                "contiguity",  "cinc_ratio", "major_power"};
    return k >= 0 && k < SHI_CV_N ? names[k] : "?";
}

/** Fitted coefficients: beta[0] the intercept, beta[1 + k] regressor k. */
typedef struct shi_coop_fit {
    double beta[SHI_CV_N + 1];
    int y0, y1;      /* years t of the dyad-years fitted (outcome in t+1) */
    size_t n;        /* dyad-years fitted */
    size_t n_events; /* of which a dispute followed */
} shi_coop_fit;

/** The coefficients fitted on the embedded data (coop_dyad.c names each). */
SHI_API shi_coop_fit shi_coop_fit_default(void);

/** The regressors of (a, b) in `year` (registry positions ia, ib) and what is
 *  missing: bit k of the return value set when regressor k is missing. */
SHI_API unsigned shi_coop_covariates(const shi_data *d, size_t ia, size_t ib, int year,
                                     double x[SHI_CV_N]);

typedef struct shi_coop_dyad {
    int a, b, year;
    int computable;     /* 0: some input is missing, see `missing`; nothing below is set */
    char missing[256];  /* e.g. "trade (COW trade ends 2014), disputes (MID ends 2014)" */
    double x[SHI_CV_N]; /* the regressors (NaN where missing) */
    double trade_dep;   /* the smaller of the two trade dependences (NaN when unknown) */
    double alliance;    /* ATOP level (0-3), the stronger direction, or NaN */
    double peace_years; /* years since the last dispute year (0: a dispute this year) */
    double g;           /* temptation premium (T - R) / (R - P) */
    double p_coop;      /* implied P(no dispute next year) = Lambda(logit delta - ln g) */
    shi_coop_payoffs payoffs;
    double k;     /* relative-gains weight: 0, inside g (see above) */
    double delta; /* shadow of the future */
    shi_coop_thresholds thr;
} shi_coop_dyad;

/** \brief Calibrate the game of (a, b) in `year` from the data view `d`
 *  (dyadic and relations parts) with the default fit. `m` is not used (the
 *  estimated mapping does not take the threat index); kept for the API.
 *  \return SHI_OK with out->computable = 0 when an input is missing (the
 *  verdict is then "not computable"); SHI_EDATA when a or b is unknown or the
 *  data view lacks its dyadic or relations part. */
SHI_API shi_status shi_coop_dyad_calibrate(shi_coop_dyad *out, const shi_data *d,
                                           const shi_threat_model *m, int a, int b, int year,
                                           shi_err *err);

/** The same with the coefficients `fit`. */
SHI_API shi_status shi_coop_dyad_calibrate_fit(shi_coop_dyad *out, const shi_data *d,
                                               const shi_coop_fit *fit, int a, int b, int year,
                                               shi_err *err);

/** \brief Fit the model on every dyad-year t in [y0, y1] of two system members
 *  with complete regressors and a known dispute record in t+1 (outcome: a
 *  dispute in t+1). SHI_EDATA when no dyad-year qualifies or the fit fails. */
SHI_API shi_status shi_coop_history_fit(const shi_data *d, int y0, int y1, shi_coop_fit *fit,
                                        shi_err *err);

/* ---- validation ------------------------------------------------------------ */

/** Scores compared in the validation table. */
enum {
    SHI_CVS_MODEL,   /* the game's implied P(cooperation holds H years) = p_coop^H */
    SHI_CVS_VERDICT, /* the verdict: 1 sustainable (delta >= threshold), 0 not */
    SHI_CVS_CONTIG,  /* baseline: contiguity (logit on it alone, fitted per horizon) */
    SHI_CVS_RATIO,   /* baseline: ln CINC ratio */
    SHI_CVS_ALLY,    /* baseline: alliance */
    SHI_CVS_PEACE,   /* baseline: the pair's peace years alone */
    SHI_CVS_N
};
static inline const char *shi_coop_vscore_name(int k)
{
    static const char *const names[SHI_CVS_N] = {
        "game: P(cooperation)", "game: verdict sustainable", "contiguity", "CINC ratio", "alliance",
        "peace years"};
    return k >= 0 && k < SHI_CVS_N ? names[k] : "?";
}

#define SHI_COOP_VAL_BINS 10

/** One score on one test sample (horizon H, sample all / at peace). */
typedef struct shi_coop_vrow {
    double auc;   /* of P(cooperation) against "kept the peace"; NaN if undefined */
    double brier; /* of P(dispute) = 1 - P(cooperation) against "fought" (NaN: verdict) */
} shi_coop_vrow;

typedef struct shi_coop_vcell {
    int horizon;     /* H: a dispute in t+1..t+H counts as "fought" */
    int at_peace;    /* 1: only dyad-years without a dispute in t (onset) */
    size_t n, n_pos; /* test dyad-years, of which fought */
    shi_coop_vrow row[SHI_CVS_N];
    size_t n_sust, n_sust_pos;             /* verdict sustainable, of which fought */
    shi_calib_bin bins[SHI_COOP_VAL_BINS]; /* the game's P(dispute) */
} shi_coop_vcell;

typedef struct shi_coop_validation {
    int fit_y1;           /* fitted on t + H <= fit_y1 */
    int test_y0, test_y1; /* tested on t >= test_y0, t + H <= test_y1 */
    shi_coop_fit fit;     /* the annual model fitted on t + 1 <= fit_y1 */
    size_t ncell;
    shi_coop_vcell cell[4]; /* H = 1, 5, each all / at peace */
} shi_coop_validation;

/** \brief Fit the model on the dyad-years up to `fit_y1` and test it after,
 *  horizons 1 and 5 years, against the baselines (docs/coop.md, "Validation").
 *  \return SHI_EDATA when the data view lacks disputes or the fit fails. */
SHI_API shi_status shi_coop_validate(const shi_data *d, int fit_y1, shi_coop_validation *out,
                                     shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
