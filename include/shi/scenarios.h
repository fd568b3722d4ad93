/*
 * shi/scenarios.h - the five futures of a pair (the study's chapter 5:
 * status quo, strategic convergence, strategic tension, military-political
 * alliance, confrontation), defined from data, their historical frequency,
 * calibrated dynamics fitted on a panel of pairs, a Monte-Carlo ensemble
 * with parameter uncertainty and shocks, and a back-test. Every rule, source
 * and number: docs/scenarios.md.
 *
 * The state of a pair in year t:
 *   the alignment composite C(t): the mean of the standardised components
 *     (z-scores over every pair-year of the panel) that the year has, at
 *     least two of: UN ideal-point closeness -|x_a - x_b| (Bailey, Strezhnev
 *     & Voeten 2017); arms-transfer share (TIV a->b + b->a) / (arms imports of
 *     a + of b) (SIPRI); trade share 2 (trade a-b) / (total trade of a + of
 *     b) (COW Trade 4.0); ATOP alliance level 0-3, the stronger direction
 *     (Leeds et al. 2002);
 *   pact(t): an ATOP defence obligation in either direction;
 *   fight(t): a MID in which either side reached hostility level >= 4 (use
 *     of force; GML MID 2.1.1) or a UCDP/PRIO interstate or internationalised
 *     conflict with them on opposite sides.
 *
 * The futures over a horizon h from t, first rule that applies (ordered from
 * worst to best, the order of the ranked probability score):
 *   confrontation  fight in some year of (t, t+h];
 *   alliance       no pact in t, a pact in some year of (t, t+h];
 *   convergence    dC > band(h);   tension  dC < -band(h);
 *   status quo     otherwise;
 * dC the mean change of the components present in both t and t+h (so that a
 * component's coverage ending does not move the composite), band(h) the
 * median |dC| of every pair's h-year changes (docs/scenarios.md).
 *
 * The dynamics (fitted on the panel, parameters drawn by a pair-block
 * bootstrap):
 *   C(t+1) = alpha_p + rho C(t) + g1 pact(t) + g2 fight(t) + e, e drawn
 *       from the fit's residuals (most years barely move, a few jump: a
 *       normal e of the same variance moves too much in a typical year),
 *       pair fixed effects alpha_p (within estimator);
 *   P(pact(t+1) | no pact(t)) = h, the defence-pact onset hazard of the
 *       pair from the alliance-formation model (shi/formation.h; one model,
 *       not two): h = 1 - (1 - h_ab)(1 - h_ba), h_ab = 1 - exp(-r_a p_ab),
 *       p_ab = P(b | a forms a new defence tie) of the joint conditional
 *       logit and r_a the new defence ties per chooser-year at risk of a's
 *       kind (major power or not), both on onset years up to the origin,
 *       the covariates of the origin (or the last year they exist) held
 *       fixed along the path (shi_scen_panel_pact);
 *   logit P(no pact(t+1) | pact(t)) = d0;
 *   logit P(fight(t+1)) = c0 + c1 C(t) + c2 fight(t) + c3 (t - 1990) / 10
 *       (the decline of force between the major powers since 1946, Gaddis's
 *       (1986) "long peace", as a trend in decades; extrapolated ahead);
 * and, with an external driver x(t) (a third state's power share,
 * shi_scen_panel_driver; `--third C`), + bx x(t) in the composite and
 * + cx x(t) in the conflict logit, x following its own fixed-effects AR(1)
 * x(t+1) = xalpha_p + xphi x(t) + u in the ensemble;
 * the two logits with a small ridge penalty (docs/scenarios.md) so that the
 * rare events among the major powers cannot separate.
 */
#ifndef SHI_SCENARIOS_H
#define SHI_SCENARIOS_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/formation.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The futures, worst to best (the order of the ranked probability score). */
enum {
    SHI_FUT_CONFRONT,
    SHI_FUT_TENSION,
    SHI_FUT_STATUSQUO,
    SHI_FUT_CONVERGE,
    SHI_FUT_ALLIANCE,
    SHI_FUT_N
};
static inline const char *shi_future_name(int f)
{
    static const char *const names[SHI_FUT_N] = {"confrontation", "tension", "status_quo",
                                                 "convergence", "alliance"};
    return f >= 0 && f < SHI_FUT_N ? names[f] : "?";
}

/** The components of the composite. */
enum { SHI_SC_UN, SHI_SC_ARMS, SHI_SC_TRADE, SHI_SC_ALLY, SHI_SC_N };
static inline const char *shi_scen_component_name(int k)
{
    static const char *const names[SHI_SC_N] = {"un_closeness", "arms_share", "trade_share",
                                                "alliance_level"};
    return k >= 0 && k < SHI_SC_N ? names[k] : "?";
}

/** The longest horizon. */
#define SHI_SCEN_HMAX 50
/** Missing discrete fact. */
#define SHI_SCEN_NA 255

/** The future of one pair over one horizon (the rules above). `dc` NaN:
 *  -1 (not classifiable) unless fight or a new pact decides it. */
SHI_API int shi_future_classify(double dc, double band, int pact0, int pact_formed, int fought);

/** A pair's defence-pact onset hazard from one origin, by the
 *  alliance-formation model (the header comment; docs/scenarios.md). */
typedef struct shi_scen_pact {
    int ok;                /* 1: computed for this origin */
    int cov_year;          /* the covariates' year (the onset year predicted is the next) */
    int fit_y0, fit_y1;    /* onset years of the formation fit and of the rates */
    double p_ab, p_ba;     /* P(b | a forms a new defence tie), P(a | b forms); NaN missing */
    double rate_a, rate_b; /* new defence ties per chooser-year at risk, a's and b's kind */
    double h;              /* the pair's yearly onset hazard; NaN: not computable */
} shi_scen_pact;

/** The panel of pairs. */
typedef struct shi_scen_panel {
    int y0, y1;       /* years */
    size_t ny, npair; /* years, pairs */
    int *pa, *pb;     /* npair: COW codes */
    double *z;        /* (p * ny + t) * SHI_SC_N: standardised component, NaN missing */
    double mean[SHI_SC_N], sd[SHI_SC_N];
    int cy0[SHI_SC_N], cy1[SHI_SC_N]; /* years each component has data in the panel */
    double *c;                        /* p * ny + t: the composite, NaN missing */
    uint8_t *pact;                    /* p * ny + t: 0/1, SHI_SCEN_NA */
    uint8_t *fight;                   /* p * ny + t: 0/1, SHI_SCEN_NA */
    double band[SHI_SCEN_HMAX + 1];   /* by horizon; NaN: no change of that length */
    double *x;             /* p * ny + t: the external driver, NaN missing; NULL: no driver */
    int third;             /* the driver's third state (COW code), 0 without a driver */
    shi_scen_pact *pact_h; /* p * ny + (o - y0): the pact-onset hazard from origin o
                              (shi_scen_panel_pact); NULL: none computed */
    /* The formation model's parameter uncertainty (shi_scen_panel_pact). Set
     * before the call: pact_ndraw draws (shi_scen_opts.draws; 0 or 1: none)
     * from seed pact_seed (shi_scen_opts.seed), and pact_fit (NULL: the
     * shipped fit, or the refits of earlier origins; else this fit for every
     * origin). Filled: pact_hd[(p * ny + (o - y0)) * pact_ndraw + d], the
     * hazard under draw d of the coefficients (NaN: not computable). */
    int pact_ndraw;
    uint64_t pact_seed;
    const shi_formation_fit *pact_fit;
    double *pact_hd;
} shi_scen_panel;

SHI_API void shi_scen_panel_free(shi_scen_panel *p);

/** \brief The panel: every pair of states that were COW major powers in some
 *  year of [1946, last year], plus (a, b) when not among them (a = b = 0:
 *  none), over the years both are system members. Needs the dyadic and
 *  relations parts. SHI_EIO out of memory. */
SHI_API shi_status shi_scen_panel_build(const shi_data *d, int a, int b, shi_scen_panel *out,
                                        shi_err *err);

/** \brief Add the external driver to the panel: x(t) of a pair = the power
 *  share in year t (over every state, shi_power_share) in panel column `col`
 *  of the capabilities (CINC or another power measure, docs/power.md) of
 *  `third` when it is not one of the pair, and otherwise (or for every pair
 *  when `third` is SHI_SCEN_STRONGEST) of the system's strongest state in
 *  that column other than the two (shi_most_capable_other).
 *  NaN where the column has no data. SHI_EUSAGE: `third` is not a state with
 *  data in the panel's years; SHI_EIO out of memory. */
#define SHI_SCEN_STRONGEST (-1) /* `third`: every pair's strongest other state */
SHI_API shi_status shi_scen_panel_driver(const shi_data *d, int third, size_t col,
                                         shi_scen_panel *p, shi_err *err);

/** Index of pair (a, b) in either order, or -1. */
SHI_API long shi_scen_panel_pair(const shi_scen_panel *p, int a, int b);

/** \brief The pact-onset hazard of every pair of the panel from each origin
 *  o in [o0, o1] (clipped to the panel's years) into p->pact_h: the
 *  covariates of year min(o, the last year the formation data cover), the
 *  joint defence model fitted on onset years up to o (the shipped fit,
 *  shi_formation_fit_embedded, when it ends by o; else refitted on a design
 *  of those years alone, so that a back-test origin sees no later onset),
 *  the rates over the same years (shi_formation_rate_counts). A pair
 *  already allied gets the hazard it would have once the pact ends: its
 *  p_ab is the softmax of its own score over a's partners at risk and
 *  itself. With p->pact_ndraw > 1, also the hazard under each of that many
 *  draws of the fit's coefficients (shi_formation_fit_draw, stream
 *  SHI_SCEN_PACT_STREAM + d of p->pact_seed: one draw per d, shared by every
 *  pair; the rates r stay fixed) into p->pact_hd, which shi_scen_run uses
 *  for the paths of draw d. Needs the data the formation model needs.
 *  SHI_EUSAGE: no formation data; SHI_EIO out of memory. */
/** The random stream of draw d of the formation coefficients: this + d. */
#define SHI_SCEN_PACT_STREAM (UINT64_C(3) << 61)
SHI_API shi_status shi_scen_panel_pact(const shi_data *d, int o0, int o1, shi_scen_panel *p,
                                       shi_err *err);

/** The mean change of the components of pair p present in both years
 *  (NaN when none is). */
SHI_API double shi_scen_dc(const shi_scen_panel *p, size_t pair, int t0, int t1);

/** The observed future of pair p from t over h years, or -1 when the data
 *  cannot say (a year missing, no composite). */
SHI_API int shi_scen_observed(const shi_scen_panel *p, size_t pair, int t, int h);

/** How often each future occurred, horizon h, origins in [e0, e1]: counts
 *  over every pair and origin (cnt[SHI_FUT_N]); returns the total. */
SHI_API size_t shi_scen_history(const shi_scen_panel *p, int h, int e0, int e1, size_t *cnt);

/* ---- the dynamics ------------------------------------------------------------ */

enum {
    SHI_SP_RHO,
    SHI_SP_G_PACT,
    SHI_SP_G_FIGHT,
    SHI_SP_SIGMA,
    SHI_SP_D0,
    SHI_SP_C0,
    SHI_SP_C1,
    SHI_SP_C2,
    SHI_SP_C3,
    SHI_SP_N
};
static inline const char *shi_scen_param_name(int k)
{
    static const char *const names[SHI_SP_N] = {"rho",      "g_pact",      "g_fight",
                                                "sigma",    "pact_end_d0", "fight_c0",
                                                "fight_c1", "fight_c2",    "fight_c3_decade"};
    return k >= 0 && k < SHI_SP_N ? names[k] : "?";
}

/** The conflict hazard's time trend variable: decades from 1990. */
#define SHI_SCEN_DECADES(t) (((double)(t)-1990.0) / 10.0)

/** One set of parameters, with the pair effects of the panel's pairs. */
typedef struct shi_scen_params {
    double v[SHI_SP_N];
    double *alpha; /* npair: pair fixed effects (NaN: the pair has no transition) */
    size_t n;      /* transitions used by the AR fit */
    double *resid; /* n: the fit's residuals, the innovations the ensemble draws */
    /* the external driver (all 0 / NULL when the panel has none) */
    int has_x;
    double bx;      /* coefficient of x(t) in the composite's AR */
    double cx;      /* coefficient of x(t) in the conflict logit */
    double xphi;    /* the driver's AR(1) coefficient (within estimator) */
    double *xalpha; /* npair: the driver's pair effects (NaN: no transition) */
    size_t nx;      /* transitions of the driver's AR fit */
    double *xresid; /* nx: its residuals, the driver's innovations in the ensemble */
} shi_scen_params;

SHI_API void shi_scen_params_free(shi_scen_params *q);

/** \brief Fit on the transitions t -> t+1 with t+1 <= last (0: every year),
 *  the pairs weighted by `wpair` (npair counts, NULL: each once; a pair-block
 *  bootstrap draw passes how often each pair was drawn). The pair effects
 *  are computed for every pair with a transition, drawn or not. With a
 *  driver (p->x), a transition needs x(t) too, and bx, cx and the driver's
 *  AR(1) are fitted. SHI_EDATA when too few transitions. */
SHI_API shi_status shi_scen_fit(const shi_scen_panel *p, int last, const unsigned *wpair,
                                shi_scen_params *out, shi_err *err);

/* ---- shocks ------------------------------------------------------------------ */

/** The drivers a shock moves (`driver`: added to the external driver x in
 *  the year it fires, then decaying with xphi; needs a driver, --third). */
enum { SHI_SDRV_COMPOSITE, SHI_SDRV_PACT, SHI_SDRV_CONFLICT, SHI_SDRV_DRIVER, SHI_SDRV_N };
static inline const char *shi_scen_driver_name(int k)
{
    static const char *const names[SHI_SDRV_N] = {"composite", "pact", "conflict", "driver"};
    return k >= 0 && k < SHI_SDRV_N ? names[k] : "?";
}

typedef struct shi_scen_shock {
    char name[64];
    int w0, w1;             /* window (years) */
    double prob;            /* yearly probability inside the window (when not forced) */
    int forced;             /* a forced year, or 0 */
    int duration;           /* years the pact/conflict effects last from the year it fires */
    double eff[SHI_SDRV_N]; /* composite: added once to C; pact, conflict: log-odds */
} shi_scen_shock;

typedef struct shi_scen_shocks {
    shi_scen_shock *v;
    size_t n;
} shi_scen_shocks;

SHI_API void shi_scen_shocks_free(shi_scen_shocks *s);

/** \brief Read a shock file (YAML, docs/scenarios.md). Windows must lie in
 *  [ymin, ymax]. Any error names file:line:col (SHI_EDATA). */
SHI_API shi_status shi_scen_shocks_read(const char *path, int ymin, int ymax, shi_scen_shocks *out,
                                        shi_err *err);

/* ---- the ensemble ------------------------------------------------------------ */

/** A split of the work across processes (MPI ranks: src/cli/mpi.c keeps MPI
 *  out of the library). Process `rank` of `nproc` runs its share (a block of
 *  the paths, every nproc-th back-test origin); `sum_u64` and `sum_f64` add
 *  a vector element-wise over every process, in place, so that each process
 *  ends with the totals (0 on success). The summaries are integer counts, or
 *  doubles that only one process sets (the others add exact zeros), so the
 *  totals, and the output, are those of one process. */
typedef struct shi_scen_split {
    int rank, nproc;
    int (*sum_u64)(uint64_t *v, size_t n, void *ctx);
    int (*sum_f64)(double *v, size_t n, void *ctx);
    void *ctx;
} shi_scen_split;

typedef struct shi_scen_opts {
    int from;    /* origin year (its state is observed) */
    int horizon; /* years simulated, 1..SHI_SCEN_HMAX */
    uint64_t paths;
    uint64_t seed;
    int draws;    /* bootstrap draws (default 100; 1: point estimate only) */
    int fit_last; /* last year of the fit (0: every year) */
    int threads;  /* 0: OpenMP's default */
    int every;    /* report every horizon 1..horizon (horizon <= SHI_SCEN_NH), not 5/10/20 */
    const shi_scen_shocks *shocks; /* NULL: none */
    const shi_scen_split *split;   /* NULL: this process runs every path */
    int third;                     /* the external driver's third state (shi_futures_compute
                                      builds it, shi_scen_panel_driver); 0: no driver */
    const char *driver_measure;    /* its power measure (docs/power.md); NULL: cinc */
} shi_scen_opts;

SHI_API shi_scen_opts shi_scen_opts_default(void);

/** The horizons reported: 5, 10, 20 when within the horizon, and the horizon
 *  (or each of 1..horizon with `every`). */
#define SHI_SCEN_NH 5

typedef struct shi_scen_result {
    int a, b, from, horizon;
    size_t pair; /* the pair's index in the panel */
    uint64_t paths;
    int draws;
    int nh;
    int h[SHI_SCEN_NH];
    double c0; /* composite at the origin */
    int pact0, fight0;
    double p[SHI_SCEN_NH][SHI_FUT_N];     /* share of paths */
    double mc_lo[SHI_SCEN_NH][SHI_FUT_N]; /* Wilson 95% interval (Monte-Carlo) */
    double mc_hi[SHI_SCEN_NH][SHI_FUT_N];
    double par_lo[SHI_SCEN_NH][SHI_FUT_N]; /* 5% and 95% of the probability over draws */
    double par_hi[SHI_SCEN_NH][SHI_FUT_N];
    double *fan;    /* horizon * 5: composite quantiles 5 25 50 75 95 */
    uint64_t *hist; /* horizon * SHI_SCEN_NBIN: counts of the composite by year, bins
                       of SHI_SCEN_BINW from SHI_SCEN_BIN0 (first and last: beyond) */
    double band[SHI_SCEN_NH];
    int third;                   /* the driver's third state, 0: no driver */
    double x0;                   /* the driver at the origin (its last value up to it) */
    double bx_lo, bx_hi;         /* 2.5% and 97.5% of bx over the bootstrap draws */
    double cx_lo, cx_hi;         /* the same for cx */
    uint64_t *ycnt;              /* horizon * SHI_FUT_N: paths in each future over each horizon
                                    1..horizon (band(h) of that horizon; pooled over draws; not
                                    classifiable paths in none), for the stacked chart */
    shi_scen_params point;       /* the fit on the whole sample */
    shi_scen_pact pact;          /* the pair's pact-onset hazard from the origin */
    double pact_h_lo, pact_h_hi; /* 5% and 95% of that hazard over the draws of the
                                    formation coefficients (NaN: not drawn) */
} shi_scen_result;

SHI_API void shi_scen_result_free(shi_scen_result *r);

/** The histogram of the composite: SHI_SCEN_NBIN bins, the first below
 *  SHI_SCEN_BIN0 and the last above SHI_SCEN_BIN0 + (SHI_SCEN_NBIN - 2) SHI_SCEN_BINW. */
#define SHI_SCEN_NBIN 602
#define SHI_SCEN_BIN0 (-6.0)
#define SHI_SCEN_BINW 0.02

/** CRPS (Matheson & Winkler 1976) of the composite's forecast for year
 *  from + step (1..horizon) when y happened: the integral of
 *  (F(x) - 1{x >= y})^2, F the ensemble's distribution with each bin's
 *  paths at its centre (beyond-range bins one bin outside). */
SHI_API double shi_scen_crps(const shi_scen_result *r, int step, double y);

/** \brief Run the ensemble for pair (a, b) of the panel. SHI_EUSAGE: no
 *  composite at the origin, or fewer than 10 years of the pair's composite
 *  before it (not enough history), no pact hazard from the origin
 *  (shi_scen_panel_pact not run for it, or the formation covariates
 *  missing), or bad options. */
SHI_API shi_status shi_scen_run(const shi_scen_panel *p, int a, int b, const shi_scen_opts *o,
                                shi_scen_result *out, shi_err *err);

/* ---- the back-test ----------------------------------------------------------- */

/** One row of the rolling-origin back-test summary. */
typedef struct shi_scen_skill {
    int h;
    size_t n; /* forecasts scored */
    /* [0]: RPS of the five futures; [1]: CRPS of the composite (persistence:
     * C stays at its origin value; climatology: C(origin) plus the h-year
     * changes of every pair completed by the origin) */
    double model[2], persist[2], clim[2];
    double ss_persist[2], ss_persist_lo[2], ss_persist_hi[2]; /* 1 - model / persistence */
    double ss_clim[2], ss_clim_lo[2], ss_clim_hi[2];          /* 1 - model / climatology */
    /* where the model fails: the mean forecast probability of each future,
     * the climatology's, and the share of forecasts where it happened */
    double mean_p[SHI_FUT_N], mean_clim[SHI_FUT_N], freq[SHI_FUT_N];
} shi_scen_skill;

typedef struct shi_scen_backtest {
    int o0, o1, hmax;
    shi_scen_skill *v; /* hmax rows */
    size_t n;
} shi_scen_backtest;

SHI_API void shi_scen_backtest_free(shi_scen_backtest *b);

/** \brief Rolling origins o0..o1, horizons 1..hmax: at each origin the
 *  dynamics are fitted on the transitions up to it, and every pair with a
 *  composite and a pact hazard from the origin (shi_scen_panel_pact over
 *  [o0, o1] first) gets `paths` paths (point estimate). Scored by the ranked
 *  probability score against persistence (the future of the h years before
 *  the origin, or status quo) and climatology (the frequencies of the
 *  futures completed by the origin), with pair-block bootstrap intervals.
 *  `split` (NULL: one process) spreads the origins over processes; every
 *  process ends with the same result. */
SHI_API shi_status shi_scen_backtest_run(const shi_scen_panel *p, int o0, int o1, int hmax,
                                         uint64_t paths, uint64_t seed, int threads,
                                         const shi_scen_split *split, shi_scen_backtest *out,
                                         shi_err *err);

/** Ranked probability score of a forecast p over the SHI_FUT_N ordered
 *  futures when future `obs` happened: sum over k < N-1 of (P_k - O_k)^2,
 *  P, O cumulative, divided by N - 1 (Epstein 1969; Murphy 1971). */
SHI_API double shi_scen_rps(const double *p, int obs);

#ifdef __cplusplus
}
#endif
#endif
