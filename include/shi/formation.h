/*
 * shi/formation.h - alignment formation: which realist rule explains who
 * takes on a new alliance obligation with whom? Waltz's (1979) balance of
 * power, Walt's (1987) balance of threat, or bandwagoning (Schweller 1994),
 * tested as covariates of a choice model on every directed dyad-year at risk
 * since 1816. Full definitions and the published table: docs/formation.md.
 *
 * The events. An onset at level L in year t for the directed dyad (i, j):
 * i had no ATOP 5.1 obligation of level L towards j in t-1 and has one in t
 * (defence: the atop_defense flag; any: any of the five obligations). At risk
 * are the pairs of system members (both years) not obligated at level L in
 * t-1, in years where ATOP covers t-1 and t. A multilateral treaty is, as in
 * the ATOP directed dyad-year file, one onset for each ordered pair of its
 * members; the variant SHI_FORM_COUNT_CHOOSER weights each of a chooser's
 * onsets in a year by 1 / (their number), so that a chooser-year's new
 * partners count as one decision (a treaty once for its members; the ATOP 5.1
 * member-level file that would identify treaties is not in shi's data).
 *
 * The covariates, all of year t-1 (the configuration before the choice);
 * S is the state of highest CINC among the members (Singer et al. 1972),
 * T(i <- x) the threat of shi/threat.h with its default model:
 *   controls     log(1 + capital distance in km); land contiguity; any ATOP
 *                obligation between i and j in [t-10, t-1] (prior ties); j a
 *                major power; both major powers; regime distance
 *                |polity2_i - polity2_j| / 20 (Polity5; Lai & Reiter 2000)
 *                with a missing indicator: when either polity2 is missing
 *                (no Polity5 row, or a view without the economic part) the
 *                distance is 0 and regime_missing is 1, so a missing regime
 *                is neither dropped nor read as identical regimes; shared
 *                IGO memberships log(1 + IGOs both are full members of)
 *                (COW IGO v3, Pevehouse et al. 2020; to 2014) with the same
 *                kind of missing indicator: a dyad-year without a value (after
 *                2014, or a dyad the embedded subset leaves out) has 0 and
 *                igo_missing 1.
 *   balance of power   bop_share = (c_i + c_j) / c_S when neither is S, 0
 *                otherwise (their joint capability against the strongest);
 *                strongest = j is S or has a defence pact with S.
 *                Waltz: bop_share +, strongest -.
 *   balance of threat  shared = i and j have a common state among their k
 *                highest threats (k = 3); shared_t = the largest
 *                min(T(i <- x), T(j <- x)) over such x (0 if none);
 *                threat_ij = T(i <- j). Walt: shared +, shared_t +,
 *                threat_ij -.
 *   bandwagoning strongest (as above) +; top_threat = j is i's highest threat
 *                or has a defence pact with it, +.
 * A row with a missing covariate is left out of every model, so that all
 * models are fitted and scored on the same cases.
 *
 * The model: conditional (fixed-effects) logit by chooser-year (McFadden
 * 1974; Chamberlain 1980): P(j | i forms a tie in t) = exp(x_ij b) /
 * sum_k exp(x_ik b) over i's partners at risk. Chooser-years with several
 * onsets use Breslow's (1974) approximation: each onset is one choice from
 * the whole set. Only chooser-years with an onset inform the fit, so the
 * design holds only those; the model says nothing about whether a state
 * forms a tie, only with whom. Fitted by Newton-Raphson on the log
 * likelihood sum_g sum_{r in E_g} w_r (x_r b - log sum_{s in R_g} exp(x_s b)),
 * gradient sum w_r (x_r - xbar_g), Hessian -sum w_r V_g (xbar_g, V_g the
 * choice-weighted mean and covariance of group g).
 */
#ifndef SHI_FORMATION_H
#define SHI_FORMATION_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/threat.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The obligation whose onsets are modelled. */
typedef enum shi_form_level {
    SHI_FORM_DEFENCE = 0,
    SHI_FORM_ANY = 1,
    SHI_FORM_NLEVEL
} shi_form_level;

/** How a multilateral treaty counts (see the header comment). */
typedef enum shi_form_count { SHI_FORM_COUNT_PAIRS = 0, SHI_FORM_COUNT_CHOOSER = 1 } shi_form_count;

/** The covariates, in this order in every row. */
enum {
    SHI_FV_DIST,       /* log(1 + km between capitals) */
    SHI_FV_CONTIG,     /* contiguous by land (COW conttype 1) */
    SHI_FV_PRIOR,      /* any ATOP obligation between i and j in [t-10, t-1] */
    SHI_FV_MAJOR,      /* j a major power */
    SHI_FV_BOTHMAJOR,  /* both major powers */
    SHI_FV_BOP_SHARE,  /* (c_i + c_j) / c_S when neither is S, else 0 */
    SHI_FV_STRONGEST,  /* j is S or has a defence pact with S */
    SHI_FV_SHARED,     /* a common top-k threat */
    SHI_FV_SHARED_T,   /* its magnitude */
    SHI_FV_THREAT_IJ,  /* T(i <- j) */
    SHI_FV_TOP_THREAT, /* j is i's top threat or has a defence pact with it */
    SHI_FV_REGIME,     /* |polity2_i - polity2_j| / 20; 0 when either is missing */
    SHI_FV_REGIME_NA,  /* 1 when either polity2 is missing (then SHI_FV_REGIME is 0) */
    SHI_FV_IGO,        /* log(1 + IGOs both are full members of), COW IGO v3; 0 when missing */
    SHI_FV_IGO_NA,     /* 1 when the dyad-year has no IGO value (then SHI_FV_IGO is 0) */
    SHI_FV_N
};

/** The models: controls only, each theory with the controls, and all. */
enum { SHI_FM_CONTROLS, SHI_FM_BOP, SHI_FM_BOT, SHI_FM_BW, SHI_FM_JOINT, SHI_FM_N };

/** Short names: "log_distance", ..., and "controls", "balance_of_power", ...
 *  (inline, so that views can name them without calling a model). */
static inline const char *shi_formation_var_name(int v)
{
    static const char *const names[SHI_FV_N] = {
        "log_distance", "contiguous",      "prior_tie",      "major",      "both_major",
        "bop_share",    "strongest",       "shared_threat",  "shared_t",   "threat_ij",
        "top_threat",   "regime_distance", "regime_missing", "igo_shared", "igo_missing"};
    return v >= 0 && v < SHI_FV_N ? names[v] : "?";
}
static inline const char *shi_formation_model_name(int m)
{
    static const char *const names[SHI_FM_N] = {"controls", "balance_of_power", "balance_of_threat",
                                                "bandwagoning", "joint"};
    return m >= 0 && m < SHI_FM_N ? names[m] : "?";
}
/** The covariates of model m as a bit mask (bit v: covariate v). */
SHI_API unsigned shi_formation_model_vars(int m);
/** The sign the literature expects for covariate v under model m's theory
 *  (+1, -1, or 0 for a control); see docs/formation.md. */
SHI_API int shi_formation_expected_sign(int m, int v);
/** "defence" / "any". */
static inline const char *shi_formation_level_name(shi_form_level l)
{
    return l == SHI_FORM_ANY ? "any" : "defence";
}

/** Options of the design. Zero-initialise, then set; shi_formation_opts_default. */
typedef struct shi_formation_opts {
    shi_form_level level;
    shi_form_count count;
    int y0, y1;                     /* onset years; 0: every covered year */
    int topk;                       /* k of the shared top-k threat (default 3) */
    int prior_window;               /* years of prior ties (default 10) */
    const shi_threat_model *threat; /* NULL: the documented default model */
} shi_formation_opts;

SHI_API shi_formation_opts shi_formation_opts_default(void);

/** The onset years the data view covers: ATOP in t-1 and t, capabilities,
 *  contiguity and capitals in t-1. *y0 > *y1 when none (the view lacks a
 *  part). *pmax (may be NULL): the last onset year a prediction can be made
 *  for (its covariates' year t-1 covered; t may lie after ATOP). */
SHI_API void shi_formation_years(const shi_data *d, int *y0, int *y1, int *pmax);

/** The first year of the dyadic arrays shi_formation_year_compute reads for
 *  onset year t under `o`: the prior ties' window and the threat's lookback
 *  before t-1. A data view from it (shi_data_spec.from) gives the same
 *  covariates as the whole data. */
SHI_API int shi_formation_from(const shi_formation_opts *o, int t);

/** shi_data_spec.from for a prediction for onset year t (0: the last year a
 *  prediction can be made for), given `caps` (a view with the capabilities
 *  loaded) and the spec the rest will be loaded with; 0 (every year) when
 *  the years are not known before loading (other sources) or t is outside
 *  them (the error then names the covered range). */
SHI_API int shi_formation_predict_from(const shi_data *caps, const shi_data_spec *spec,
                                       const shi_formation_opts *o, int t);

/** The chooser-years with an onset and their partners at risk. */
typedef struct shi_formation_design {
    shi_form_level level;
    shi_form_count count;
    int y0, y1;        /* onset years covered */
    size_t n;          /* rows */
    size_t ngroup;     /* chooser-years */
    size_t *gstart;    /* ngroup + 1: rows of group g are [gstart[g], gstart[g+1]) */
    int *gyear;        /* ngroup: onset year */
    int *gchooser;     /* ngroup: COW code of i */
    int *partner;      /* n: COW code of j */
    int *onset;        /* n: 0/1 */
    double *w;         /* n: weight of an onset (1, or 1/k by chooser-year) */
    double *x;         /* n * SHI_FV_N, row-major */
    size_t nonsets;    /* onsets kept */
    size_t at_risk;    /* every directed dyad-year at risk in the years */
    size_t onsets_all; /* every onset in the years, before missing covariates */
    size_t dropped;    /* onsets left out: a covariate missing */
    size_t igo_rows;   /* rows with an IGO value (igo_missing 0) */
    size_t igo_onsets; /* onsets among them */
} shi_formation_design;

SHI_API void shi_formation_design_free(shi_formation_design *x);

/** \brief Build the design over the data view (capabilities, dyadic and
 *  relations parts). Onset years outside shi_formation_years are refused:
 *  SHI_EUSAGE naming the covered range. SHI_EIO out of memory. */
SHI_API shi_status shi_formation_design_build(const shi_data *d, const shi_formation_opts *o,
                                              shi_formation_design *out, shi_err *err);

/** A fitted model. */
typedef struct shi_formation_fit {
    int model; /* SHI_FM_* */
    shi_form_level level;
    int y0, y1; /* fitted onset years */
    int ok;     /* 1: a fit; 0: degenerate (msg says why; no coefficients) */
    char msg[160];
    double beta[SHI_FV_N]; /* by covariate; 0 for those not in the model */
    double se[SHI_FV_N];   /* standard errors (inverse observed information) */
    /* The covariance of the coefficients: the inverse observed information
     * (se[v] = sqrt(cov[v][v])), for the covariates the fit estimated; 0 in
     * the rows and columns of the others (not in the model, or a constant
     * missing indicator left out). */
    double cov[SHI_FV_N][SHI_FV_N];
    double loglik;
    size_t nonsets, ngroup, n;
    int iter;
} shi_formation_fit;

/** \brief Conditional logit by Newton-Raphson (see the header comment) on
 *  the rows of groups g with y0 <= gyear[g] <= y1, covariates `vars` (bit
 *  mask). A degenerate fit is not an error: fit->ok = 0 and fit->msg says
 *  why (no onsets in the window; a covariate without variation among the
 *  partners of a chooser-year; separation: the log likelihood approaches 0
 *  or the coefficients diverge). SHI_EIO out of memory. */
SHI_API shi_status shi_formation_fit_model(const shi_formation_design *x, int model, int y0, int y1,
                                           shi_formation_fit *fit, shi_err *err);

/** As shi_formation_fit_model, Newton-Raphson started from `start`'s
 *  coefficients (NULL or a degenerate fit: from 0), e.g. the fit of a
 *  window one year shorter. The maximum is the same (the log likelihood is
 *  concave); only the iterations, and the last bits, differ. */
SHI_API shi_status shi_formation_fit_model_from(const shi_formation_design *x, int model, int y0,
                                                int y1, const shi_formation_fit *start,
                                                shi_formation_fit *fit, shi_err *err);

/** Generic conditional logit (the engine of shi_formation_fit_model): rows of
 *  k covariates (row-major X), group offsets gstart[0..ngroup], 0/1 labels y,
 *  weights w of the positive rows (NULL: 1). beta (k) holds the starting
 *  values on entry (zeros: a cold start) and the result on return, se
 *  its standard errors (may be NULL). *ok = 0 and `msg` (size msz) when
 *  degenerate. */
SHI_API shi_status shi_clogit_fit(const double *X, const int *y, const double *w,
                                  const size_t *gstart, size_t ngroup, size_t k, double *beta,
                                  double *se, double *loglik, int *iter, int *ok, char *msg,
                                  size_t msz, shi_err *err);

/** As shi_clogit_fit, with the covariance of the coefficients (the inverse
 *  observed information, k x k row-major) into cov (may be NULL). */
SHI_API shi_status shi_clogit_fit_cov(const double *X, const int *y, const double *w,
                                      const size_t *gstart, size_t ngroup, size_t k, double *beta,
                                      double *se, double *cov, double *loglik, int *iter, int *ok,
                                      char *msg, size_t msz, shi_err *err);

/** \brief One draw of the coefficients from their asymptotic normal
 *  distribution, N(f->beta, f->cov) over the covariates with a positive
 *  variance (the others keep f->beta): beta = f->beta + L z, L the Cholesky
 *  factor of that block, z standard normals from stream `stream` of `seed`
 *  (shi_rng, so a draw is the same on any thread). A zero covariance gives
 *  f->beta exactly. SHI_EDATA: the block is not positive definite;
 *  SHI_EUSAGE: a degenerate fit. */
SHI_API shi_status shi_formation_fit_draw(const shi_formation_fit *f, uint64_t seed,
                                          uint64_t stream, double beta[SHI_FV_N], shi_err *err);

/** The conditional probabilities of the rows of group g under the fit: the
 *  softmax of x_r b over the group, into p[0 .. gstart[g+1] - gstart[g]). */
SHI_API void shi_formation_group_probs(const shi_formation_design *x, const shi_formation_fit *f,
                                       size_t g, double *p);

/* ---- the out-of-sample test ------------------------------------------------ */

/** One scored row of the test table. */
typedef struct shi_formation_score {
    char scheme[16]; /* "split", "rolling" (pooled) or "window" (one decade) */
    int fit_y0, fit_y1, test_y0, test_y1;
    int model;
    int ok; /* 0: degenerate (msg) */
    char msg[200];
    size_t onsets, groups, rows;
    double log_score;  /* mean -log p of the onsets (weighted), lower is better */
    double uniform;    /* the same for choosing uniformly among the partners at risk */
    double auc;        /* ROC AUC of p over the rows */
    double top1, top5; /* share of chooser-years whose 1 / 5 likeliest partners include an onset */
} shi_formation_score;

typedef struct shi_formation_test {
    shi_form_level level;
    shi_form_count count;
    int y0, y1, split; /* covered years; the split: fit y0..split-1, test split..y1 */
    shi_formation_score *v;
    size_t n, cap;
    shi_formation_fit fit_split[SHI_FM_N]; /* the fits on the training years */
    size_t at_risk, onsets_all, dropped;
} shi_formation_test;

SHI_API void shi_formation_test_free(shi_formation_test *t);

/** \brief Fit every model on onsets [x->y0, split-1] and score it on
 *  [split, x->y1]; then rolling origin: for each decade D from the first
 *  decade with 20 years of training data, fit on [x->y0, D-1] and score on
 *  [D, D+9]; pooled over windows (scheme "rolling"), and each window when
 *  `windows` is set. Degenerate fits and windows without onsets are rows
 *  with ok = 0 and a message naming the window. */
SHI_API shi_status shi_formation_run_test(const shi_formation_design *x, int split, int windows,
                                          shi_formation_test *out, shi_err *err);

/* ---- the fitted model, for prediction and simulation ----------------------- */

/** The fit shipped with libshi: model m at level l fitted on every onset
 *  year of the embedded data (made by tools/formation_fit.sh; a unit test
 *  refits it). NULL for a degenerate fit. */
SHI_API const shi_formation_fit *shi_formation_fit_embedded(shi_form_level l, int m);

/** The covariates of every directed pair of members for onset year t (from
 *  year t-1), prepared once per year: an n x n block (registry indexes). */
typedef struct shi_formation_year {
    int year;  /* onset year t */
    size_t n;  /* registry size */
    double *x; /* (i * n + j) * SHI_FV_N; NaN rows: not both members, or a covariate missing */
    unsigned char *risk[SHI_FORM_NLEVEL];  /* i * n + j: 1 at risk at the level in t */
    unsigned char *onset[SHI_FORM_NLEVEL]; /* 1 onset in t (0 when t has no ATOP data) */
} shi_formation_year;

SHI_API void shi_formation_year_free(shi_formation_year *y);

/** \brief Compute the covariates for onset year t (t-1 must be covered; t
 *  may be one past the ATOP years, a prediction: then no onsets are known). `ctx` from
 *  shi_threat_ctx_new over `d`. SHI_EUSAGE: t-1 not covered. */
SHI_API shi_status shi_formation_year_compute(const shi_data *d, const shi_threat_ctx *ctx,
                                              const shi_formation_opts *o, int t,
                                              shi_formation_year *out, shi_err *err);

/** One candidate partner. */
typedef struct shi_formation_pred {
    int ccode;
    double p[SHI_FM_N]; /* P(j | the chooser forms a tie in t) under each model */
    int onset;          /* 1 when ATOP records the onset in t */
} shi_formation_pred;

/** \brief The partners at risk of chooser i (registry index) in y->year, with
 *  their probabilities under `fits` (SHI_FM_N, a degenerate one gives NaN),
 *  sorted by the probability of model `sort_by` descending (ties by COW
 *  code). *out is malloc'ed (free it); *n its length. */
SHI_API shi_status shi_formation_predict(const shi_formation_year *y, const shi_data *d,
                                         shi_form_level l, const shi_formation_fit *const *fits,
                                         size_t i, int sort_by, shi_formation_pred **out, size_t *n,
                                         shi_err *err);

/** A pair's onset path: for each year, P(a chooses b) and P(b chooses a)
 *  under each model (embedded fits), NaN when not at risk (already obligated)
 *  or not computable; whether ATOP records an onset. */
typedef struct shi_formation_path {
    shi_status status; /* SHI_OK, or why the section is missing (msg) */
    char msg[200];
    shi_form_level level;
    int y0, y1;
    int fit_y0, fit_y1; /* onset years the shipped fits were estimated on */
    size_t n;
    double *p_ab[SHI_FM_N]; /* n each */
    double *p_ba[SHI_FM_N];
    int *allied;     /* n: 1 when obligated at the level in t-1 (not at risk) */
    int *onset;      /* n: 1 when ATOP records an onset (either direction) in t */
    int *onset_any;  /* n: 1 when any new ATOP obligation between them begins in t (a treaty) */
    double *risk_ab; /* n: partners at risk of a (1 / risk_ab is the uniform probability) */
    double *risk_ba;
} shi_formation_path;

SHI_API void shi_formation_path_free(shi_formation_path *p);

/** \brief The path of a and b (COW codes) over onset years [y0, y1] clipped
 *  to the covered years, under the embedded fits at level l. Years outside
 *  the data are left out (path->y0/y1 say which); no covered year is
 *  path->status SHI_EUSAGE with the covered range. SHI_EIO out of memory. */
SHI_API shi_status shi_formation_pair_path(const shi_data *d, shi_form_level l, int a, int b,
                                           int y0, int y1, shi_formation_path *out, shi_err *err);

/* ---- how often a state forms a tie --------------------------------------------- */

/** \brief The counts behind the rate of new ties (the other factor of an
 *  absolute pair hazard: the choice model says only with whom). For each
 *  onset year t in [y0, y1] (years outside the covered onset years stay 0),
 *  cnt[(t - y0) * 4 + 0 .. 3] = chooser-years at risk of a non-major state
 *  (a member in t-1 and t with at least one member partner it had no
 *  obligation of level l towards in t-1), their onsets (directed, as in the
 *  design), then the same two for the COW major powers (in t-1). Every
 *  chooser-year at risk counts, whether or not its covariates are complete.
 *  cnt has 4 (y1 - y0 + 1) elements. SHI_EUSAGE y1 < y0; SHI_EIO out of
 *  memory. */
SHI_API shi_status shi_formation_rate_counts(const shi_data *d, shi_form_level l, int y0, int y1,
                                             double *cnt, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
