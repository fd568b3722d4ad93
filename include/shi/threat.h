/*
 * shi/threat.h - balance of threat (Walt 1987, The Origins of Alliances, ch. 2):
 * how much state i is threatened by state j in a year, from four criteria,
 * each scored on [0, 1]:
 *
 *  strength    aggregate power: j's share of the dyad's capabilities,
 *              S = CINC_j / (CINC_i + CINC_j).
 *  proximity   geography: P = max(c(type), 2^(-d / h)), with d the distance
 *              between the capitals (km), h the half-distance (default 1,500
 *              km) and c(type) the floor of a COW contiguity type (default land
 *              1.0, <=12 mi 0.9, <=24 mi 0.85, <=150 mi 0.7, <=400 mi 0.5).
 *  offensive   offensive capability: j's military capability projected over the
 *              distance with Bueno de Mesquita's (1981, The War Trap, p. 105)
 *              loss-of-strength gradient, m' = m^(log10(miles / mpd + 10 - e)),
 *              mpd = miles per day (default 250), against i's own at home:
 *              O = m'_j / (m'_j + m'_i(0)), m = mean of the state's shares of
 *              system military expenditure and personnel; a nuclear-armed j
 *              raises it: O' = 1 - (1 - O)(1 - nu) (default nu = 0.5).
 *  intentions  offensive intentions, a weighted mean of what is known of:
 *              UN ideal-point distance u / (u + s) (default s = 1); disputes j
 *              originated or joined against i in the last w years (default 10),
 *              each weighted by hostility level / 5 and by decay^age (0.8);
 *              j's alliances with i's adversaries; the share of conflictual
 *              events from j to i. Missing parts are left out and the weights of
 *              the rest renormalised; with none known, intentions are missing.
 *
 * The threat T(i <- j) is the weighted arithmetic or geometric mean of the
 * four components (default weights 0.25 each, arithmetic). Weights, form and
 * parameters come from a model file (YAML, docs/threat.md). The perception gap
 * of the study is T(i <- j) - T(j <- i). This index is shi's own construction
 * of Walt's criteria: every choice above is a documented default, not a
 * published standard.
 */
#ifndef SHI_THREAT_H
#define SHI_THREAT_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { SHI_T_STRENGTH, SHI_T_PROXIMITY, SHI_T_OFFENSIVE, SHI_T_INTENTIONS, SHI_T_N };
enum { SHI_TI_UN, SHI_TI_DISPUTES, SHI_TI_ALLIANCES, SHI_TI_EVENTS, SHI_TI_N };

typedef enum shi_threat_form {
    SHI_THREAT_ARITHMETIC = 0,
    SHI_THREAT_GEOMETRIC = 1
} shi_threat_form;

/** The model: weights, form and parameters (see the header comment). */
typedef struct shi_threat_model {
    shi_threat_form form;
    double weight[SHI_T_N];         /* component weights, >= 0, not all 0 */
    double half_distance_km;        /* proximity: distance at which 2^(-d/h) = 1/2 */
    double contiguity[5];           /* proximity floor of contiguity types 1-5 */
    double miles_per_day;           /* offensive: loss-of-strength gradient */
    double nuclear;                 /* offensive: nu, the lift from nuclear weapons */
    int window;                     /* intentions: years of disputes counted */
    double decay;                   /* intentions: weight of a dispute per year of age */
    double un_scale;                /* intentions: s in u / (u + s) */
    double intent_weight[SHI_TI_N]; /* intentions: weights of its parts */
} shi_threat_model;

/** The documented defaults. */
SHI_API shi_threat_model shi_threat_model_default(void);
/** Read a YAML model file; keys not given keep their defaults. Errors name
 *  the file, line and column and the key (unknown key, bad value). */
SHI_API shi_status shi_threat_model_load(shi_threat_model *m, const char *path, shi_err *err);
/** Check a model's values; the message names the bad key. */
SHI_API shi_status shi_threat_model_check(const shi_threat_model *m, shi_err *err);

/** One directed threat: components, intentions parts, total. NaN = missing. */
typedef struct shi_threat {
    double comp[SHI_T_N];
    double intent[SHI_TI_N];
    double total;
} shi_threat;

/** Prepared lookups for fast repeated evaluation (per-year military shares). */
typedef struct shi_threat_ctx shi_threat_ctx;

/** Prepare the lookups over `d` (borrowed: it must outlive the context). Uses
 *  the registry, the capabilities (CINC, milex, milper), the dyadic arrays
 *  when loaded (contiguity, capitals, alliances, UN ideal points, disputes,
 *  nuclear status) and the ICEWS events of the relations when loaded. */
SHI_API shi_status shi_threat_ctx_new(shi_threat_ctx **out, const shi_data *d, shi_err *err);
SHI_API void shi_threat_ctx_free(shi_threat_ctx *c);

/** T(i <- j) in `year`: how much state i (the perceiver) is threatened by j.
 *  Missing when either is not a system member with capabilities that year. */
SHI_API shi_status shi_threat_compute(const shi_threat_ctx *c, const shi_threat_model *m, int i,
                                      int j, int year, shi_threat *out, shi_err *err);

/** Combine components into a total with the model's weights and form. A
 *  missing component is left out (weights renormalised); a geometric mean
 *  treats a zero component as 1e-6 so that one zero does not erase the rest. */
SHI_API double shi_threat_combine(const shi_threat_model *m, const double comp[SHI_T_N]);

/* ---- sensitivity to the weights, and rankings ------------------------------ */

/** The weight grid of the sensitivity analysis: every composition of 1 into
 *  four component weights that are multiples of 0.1 and at least 0.1, i.e.
 *  (a, b, c, d) / 10 with a + b + c + d = 10, all >= 1: C(9, 3) = 84
 *  weightings. The model's form and other parameters are kept. */
#define SHI_THREAT_GRID_N 84

/** How one directed threat and the perception gap move over the grid. */
typedef struct shi_threat_sens {
    double total;              /* T(i <- j) with the model's own weights */
    double min, max;           /* range of T(i <- j) over the grid */
    double gap;                /* T(i <- j) - T(j <- i) with the model's weights */
    double gap_min, gap_max;   /* range of the gap over the grid */
    double gap_positive_share; /* share of weightings with T(i <- j) > T(j <- i) */
} shi_threat_sens;

/** The sensitivity of the threats `ab` = T(i <- j) and `ba` = T(j <- i) (from
 *  shi_threat_compute with model `m`): each weighting of the grid recombines
 *  their components with shi_threat_combine. Both totals must be known. */
SHI_API void shi_threat_sensitivity_of(const shi_threat_model *m, const shi_threat *ab,
                                       const shi_threat *ba, shi_threat_sens *out);

/** The same for states i and j in `year`; every field is NaN when either
 *  threat is missing (not both members with data that year). */
SHI_API shi_status shi_threat_sensitivity(const shi_threat_ctx *c, const shi_threat_model *m, int i,
                                          int j, int year, shi_threat_sens *out, shi_err *err);

/** One state in a ranking of who threatens a perceiver. */
typedef struct shi_threat_rank {
    int ccode;
    double total;     /* T(perceiver <- ccode) with the model's weights */
    int rank_min;     /* best rank over the weight grid (after sensitivity) */
    int rank_max;     /* worst rank over the grid */
    double top_share; /* share of weightings that put it in the top (NaN before) */
} shi_threat_rank;

/** A growable ranking, largest threat first. Zero-initialise;
 *  shi_threat_ranking_free. */
typedef struct shi_threat_ranking {
    shi_threat_rank *v;
    size_t n, cap;
} shi_threat_ranking;

SHI_API void shi_threat_ranking_free(shi_threat_ranking *r);

/** Every state of the registry `st` (but the perceiver) whose threat to
 *  `perceiver` in `year` is known, by total descending (ties by COW code),
 *  into `out` (emptied first). The rank fields are left 0 and NaN.
 *  \return SHI_EIO out of memory, or an error of shi_threat_compute. */
SHI_API shi_status shi_threat_rank_all(const shi_threat_ctx *c, const shi_states *st,
                                       const shi_threat_model *m, int perceiver, int year,
                                       shi_threat_ranking *out, shi_err *err);

/** For the first `top` states of `r` (a ranking from shi_threat_rank_all with
 *  the same arguments): their best and worst rank over the weightings of the
 *  grid, and the share of weightings that rank them among the first `top`. */
SHI_API shi_status shi_threat_rank_sensitivity(const shi_threat_ctx *c, const shi_states *st,
                                               const shi_threat_model *m, int perceiver, int year,
                                               size_t top, shi_threat_ranking *r, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
