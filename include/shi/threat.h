/*
 * shi/threat.h - balance of threat (Walt 1987, The Origins of Alliances, ch. 2):
 * how much state i (the perceiver) is threatened by state j in a year, from
 * Walt's four criteria, each scored on [0, 1]. Full definitions, sources and
 * the validation: docs/threat.md.
 *
 *  strength    aggregate power, relative: S = P_j / (P_i + P_j), P the power
 *              measure of the model (a capability-panel column, default CINC).
 *  proximity   power projection: the share of j's power that reaches i under
 *              Bueno de Mesquita's (1981, The War Trap, p. 105) loss-of-strength
 *              gradient, R = P_j^(x(d) - x(0)) with x(d) = log10(d / mpd + 10 - e),
 *              P_j j's share of the system, d the capital-to-capital miles (0 for
 *              states contiguous by land, as in EUGene; sea contiguity is not
 *              land), mpd the miles per day of the era (EUGene: 250 before 1918,
 *              375 in 1918-1945, 500 after 1945).
 *  offensive   offensive capability: j's military capability (mean share of
 *              system military expenditure and personnel) at the distance,
 *              against i's at home, O = m_j^x(d) / (m_j^x(d) + m_i^x(0)), lifted
 *              by a nuclear second-strike term O' = 1 - (1 - O)(1 - n_j (1 - n_i)),
 *              n = min(1, warheads / K): nuclear arms threaten a state that cannot
 *              answer in kind, not one that can (Jervis 1989).
 *  intentions  hostility of j towards i, the weighted mean of the parts known:
 *              UN ideal-point distance u / (u + s); disputes (MID: j's hostility
 *              level / 5) and armed conflict (UCDP/PRIO: intensity / 2) with i,
 *              remembered with weight decay^age over `window` years and combined
 *              as 1 - prod(1 - x); the share of i's adversaries (MID or UCDP
 *              opponents in the window) with which j has a defence or offence
 *              pact (ATOP level 3); the share of j's events towards i that are
 *              conflictual (ICEWS). A defence/offence pact between i and j
 *              multiplies the whole by (1 - ally_discount).
 *
 * The total, by the model's form:
 *  interactive (default): T = A * H^k, A the weighted arithmetic mean of the
 *              three capability components (capability at distance), H the
 *              intentions, k = 3 w_I / (w_S + w_P + w_O); with equal weights
 *              k = 1, Singer's (1958) threat = capability x intent: a capable
 *              neighbour with benign intentions is no threat.
 *  arithmetic / geometric: weighted means of the four (the additive form of
 *              shi before 2026-12, kept for comparison).
 * Data ends are data ends: a part whose source has ended is missing after its
 * last year (never decayed, never extrapolated); a total built without a part
 * whose data had ended is flagged `partial`. The perception gap of the study is
 * T(i <- j) - T(j <- i). Every choice above is a documented default of shi,
 * chosen on years up to 1980 only (docs/threat.md), not a published standard.
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
enum { SHI_TI_UN, SHI_TI_DISPUTES, SHI_TI_CONFLICT, SHI_TI_ALLIANCES, SHI_TI_EVENTS, SHI_TI_N };

typedef enum shi_threat_form {
    SHI_THREAT_INTERACTIVE = 0,
    SHI_THREAT_ARITHMETIC = 1,
    SHI_THREAT_GEOMETRIC = 2
} shi_threat_form;

/** The power measures the strength component can use: columns of the
 *  capability panel (NULL-terminated). */
SHI_API extern const char *const shi_threat_measures[];

/** The model: form, weights and parameters (see the header comment). */
typedef struct shi_threat_model {
    shi_threat_form form;
    double weight[SHI_T_N];         /* component weights, >= 0, not all 0 */
    char measure[32];               /* strength and reach: power measure ("cinc") */
    double miles_per_day[3];        /* before 1918, 1918-1945, after 1945 */
    double second_strike;           /* K: warheads for a full second-strike term */
    int window;                     /* intentions: years of disputes and conflict */
    double decay;                   /* intentions: weight of an event per year of age */
    double un_scale;                /* intentions: s in u / (u + s) */
    double baseline;                /* intentions: h0 in h0 + (1 - h0) H */
    double ally_discount;           /* intentions x (1 - a) between allies */
    double intent_weight[SHI_TI_N]; /* intentions: weights of its parts */
} shi_threat_model;

/** The documented defaults. */
SHI_API shi_threat_model shi_threat_model_default(void);
/** How many years before the year of a threat shi_threat_compute reads from
 *  the dyadic arrays (the remembered disputes and conflicts of m->window
 *  years): a data view for years from Y needs them from Y minus this. */
SHI_API int shi_threat_lookback(const shi_threat_model *m);
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
    int partial; /* 1: a part the model weights was left out because its data had
                    ended before this year (or a later year used its last value) */
} shi_threat;

/** The miles per day of `year` in the model (the era rule above). */
static inline double shi_threat_mpd(const shi_threat_model *m, int year)
{
    return year < 1918 ? m->miles_per_day[0]
                       : (year <= 1945 ? m->miles_per_day[1] : m->miles_per_day[2]);
}

/** Prepared lookups for fast repeated evaluation (per-year military shares). */
typedef struct shi_threat_ctx shi_threat_ctx;

/** Prepare the lookups over `d` (borrowed: it must outlive the context). Uses
 *  the registry, the capabilities (every column's yearly shares, milex and
 *  milper), the dyadic arrays (contiguity, capitals, alliances, UN ideal
 *  points; disputes, UCDP conflict and warheads when the relations are
 *  loaded) and the ICEWS events of the relations when loaded. */
SHI_API shi_status shi_threat_ctx_new(shi_threat_ctx **out, const shi_data *d, shi_err *err);
SHI_API void shi_threat_ctx_free(shi_threat_ctx *c);

/** T(i <- j) in `year`: how much state i (the perceiver) is threatened by j.
 *  Missing when either is not a system member that year.
 *  \return SHI_EUSAGE for an unknown state, i == j, or a power measure the
 *  panel does not have. */
SHI_API shi_status shi_threat_compute(const shi_threat_ctx *c, const shi_threat_model *m, int i,
                                      int j, int year, shi_threat *out, shi_err *err);

/** Combine components into a total with the model's weights and form. A
 *  missing capability component is left out (weights renormalised); in the
 *  interactive form missing intentions make the total missing; a geometric
 *  mean treats a zero component as 1e-6 so that one zero does not erase the
 *  rest. */
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
