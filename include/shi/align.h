/*
 * shi/align.h - the issue-area scorecard of a pair of states (the study's
 * sections 4.1-4.8): year by year, indicators of military, economic,
 * diplomatic, security and event closeness, each with its direction over a
 * window (converging, diverging or stable), summarised as spheres of
 * congruity and incongruity.
 *
 * Every indicator is oriented so that larger means closer ("closeness"): a
 * distance or a threat enters with its sign reversed. The direction of an
 * indicator in year t is the least-squares slope of its closeness over the
 * `window` years ending in t (at least 3 values), compared with the
 * indicator's tolerance: above +tol converging, below -tol diverging, else
 * stable.
 */
#ifndef SHI_ALIGN_H
#define SHI_ALIGN_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/threat.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum shi_area {
    SHI_AREA_MILITARY,
    SHI_AREA_ECONOMIC,
    SHI_AREA_DIPLOMATIC,
    SHI_AREA_SECURITY,
    SHI_AREA_EVENTS,
    SHI_AREA_ENERGY,
    SHI_AREA_N
} shi_area;

/* Names are inline: the views format them without calling a measure. */
static inline const char *shi_area_name(shi_area a)
{
    static const char *const names[SHI_AREA_N] = {"military", "economic", "diplomatic",
                                                  "security", "events",   "energy"};
    return (unsigned)a < SHI_AREA_N ? names[a] : "?";
}

/** The indicators (rows of the scorecard). */
enum {
    SHI_AL_ARMS_AB,   /* military: share of B's arms imports supplied by A (SIPRI TIV) */
    SHI_AL_ARMS_BA,   /* military: share of A's arms imports supplied by B */
    SHI_AL_ALLIANCE,  /* military: ATOP alliance level, the stronger direction (0-3) */
    SHI_AL_TRADE_A,   /* economic: A's trade with B as a share of A's total trade */
    SHI_AL_TRADE_B,   /* economic: B's trade with A as a share of B's total trade */
    SHI_AL_UN_DIST,   /* diplomatic: UN ideal-point distance (closeness = -distance) */
    SHI_AL_UN_AGREE,  /* diplomatic: share of UN votes agreeing (where the source has it) */
    SHI_AL_S,         /* diplomatic: alliance-portfolio similarity S (weighted, absolute) */
    SHI_AL_THREAT_AB, /* security: threat to A from B (closeness = -threat) */
    SHI_AL_THREAT_BA, /* security: threat to B from A */
    SHI_AL_DISPUTE,   /* security: highest hostility level between them (0-5; closeness = -x) */
    SHI_AL_EVENTS,    /* events: cooperation balance 1 - 2 x conflictual share, both ways */
    /* energy (src/measures/energy.c; China Customs covers China's imports only): */
    SHI_AL_EN_CRUDE, /* share of China's crude imports supplied by the other of the pair */
    SHI_AL_EN_GAS,   /* share of China's gas imports (pipeline and LNG, bcm) supplied */
    SHI_AL_EN_COAL,  /* share of China's coal imports supplied */
    SHI_AL_EN_PIVOT, /* the other's crude exports to China / (to China + Europe) */
    SHI_AL_N
};

/** Static description of an indicator. */
typedef struct shi_align_indicator {
    const char *name; /* e.g. "arms_share_b_from_a" */
    shi_area area;
    int sign;         /* +1: larger is closer; -1: smaller is closer */
    double tol;       /* slope tolerance per year for "stable" */
    const char *what; /* one-line description */
} shi_align_indicator;

SHI_API const shi_align_indicator *shi_align_indicators(void);

typedef enum shi_direction {
    SHI_DIR_NA = 0,
    SHI_DIR_CONVERGING,
    SHI_DIR_STABLE,
    SHI_DIR_DIVERGING
} shi_direction;
static inline const char *shi_direction_name(shi_direction d)
{
    switch (d) {
    case SHI_DIR_CONVERGING:
        return "converging";
    case SHI_DIR_STABLE:
        return "stable";
    case SHI_DIR_DIVERGING:
        return "diverging";
    case SHI_DIR_NA:
        break;
    }
    return "-";
}

/** The scorecard for years y0..y1: value[k][t] and direction[k][t] for
 *  indicator k and year ys + t (NaN / SHI_DIR_NA where missing); years before
 *  y0 are computed only so that the first trends have a full window. */
typedef struct shi_align {
    int a, b, y0, y1, window;
    int ys; /* first year computed: y0 - window + 1, so early trends have a full window */
    double *value[SHI_AL_N];
    double *slope[SHI_AL_N]; /* closeness slope per year */
    shi_direction *dir[SHI_AL_N];
} shi_align;

SHI_API void shi_align_destroy(shi_align *al);

/** Compute the scorecard of (a, b) over [y0, y1] with a trend window, from
 *  the data view `d` (with its dyadic part; the relations when loaded) and the
 *  threat model `m` (NULL: the defaults). */
SHI_API shi_status shi_align_compute(shi_align *al, const shi_data *d, const shi_threat_model *m,
                                     int a, int b, int y0, int y1, int window, shi_err *err);

/** Indicator k's direction over the whole period [y0, y1] (its closeness
 *  slope in *slope_out). */
SHI_API shi_direction shi_align_indicator_direction(const shi_align *al, int k, double *slope_out);

/** An area's direction over [y0, y1]: the sign of the mean of its indicators'
 *  closeness slopes over the whole period, each scaled by its tolerance.
 *  Returns SHI_DIR_NA when no indicator of the area has data. */
SHI_API shi_direction shi_align_area_direction(const shi_align *al, shi_area area, double *score);

/** The first and last years of [al->y0, al->y1] in which indicator k has a
 *  value, into *first and *last. Returns 0 (and both 0) when it has none. */
SHI_API int shi_align_indicator_span(const shi_align *al, int k, int *first, int *last);

/** The sphere an area's direction puts a pair in: congruity (converging),
 *  incongruity (diverging), stable, or no data. */
static inline const char *shi_align_sphere_name(shi_direction d)
{
    return d == SHI_DIR_CONVERGING  ? "congruity"
           : d == SHI_DIR_DIVERGING ? "incongruity"
           : d == SHI_DIR_STABLE    ? "stable"
                                    : "no data";
}

#ifdef __cplusplus
}
#endif
#endif
