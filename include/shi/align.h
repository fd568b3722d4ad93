/*
 * shi/align.h - the issue-area scorecard of a pair of states (the study's
 * sections 4.1-4.8): year by year, indicators of military, economic,
 * diplomatic, security and event closeness; each indicator's trend with a
 * Mann-Kendall test (shi/mktrend.h); each area's label under every variant of
 * alliance-portfolio similarity, and the sphere (congruity, incongruity) only
 * where the label is robust. docs/align.md gives every rule and its source.
 *
 * Two steps: shi_align_compute fills the values (what the drivers model
 * needs, cheap); shi_align_assess adds the thresholds, the tests, the labels
 * and the spheres (what `shi align` and the report show).
 *
 * Orientation: `value` is the indicator as its source measures it (a
 * distance, a threat, a share); `close` is the same year transformed so that
 * up means closer (docs/align.md, "One orientation"): identity, -x, 1 - x or
 * top - x, per indicator.
 */
#ifndef SHI_ALIGN_H
#define SHI_ALIGN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/mktrend.h>
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
    SHI_AL_ARMS_AB,    /* military: share of B's arms imports supplied by A (SIPRI TIV) */
    SHI_AL_ARMS_BA,    /* military: share of A's arms imports supplied by B */
    SHI_AL_ALLIANCE,   /* military: ATOP alliance level, the stronger direction (0-3) */
    SHI_AL_TRADE_A,    /* economic: A's trade with B as a share of A's total trade */
    SHI_AL_TRADE_B,    /* economic: B's trade with A as a share of B's total trade */
    SHI_AL_UN_DIST,    /* diplomatic: UN ideal-point distance (closeness = -distance) */
    SHI_AL_UN_AGREE,   /* diplomatic: share of UN votes agreeing (where the source has it) */
    SHI_AL_S,          /* diplomatic: alliance-portfolio similarity, the chosen variant */
    SHI_AL_THREAT_AB,  /* security: threat to A from B (closeness = 1 - threat) */
    SHI_AL_THREAT_BA,  /* security: threat to B from A */
    SHI_AL_DISPUTE,    /* security: highest hostility level between them (closeness = 5 - x) */
    SHI_AL_EVENTS,     /* events: cooperation balance 1 - 2 x conflictual share, both ways */
    SHI_AL_VETO_JOINT, /* diplomatic: Security Council drafts both vetoed (permanent members) */
    SHI_AL_VETO_A,     /* diplomatic: share of A's vetoes that B joined */
    SHI_AL_VETO_B,     /* diplomatic: share of B's vetoes that A joined */
    /* energy (src/measures/energy.c; China Customs covers China's imports only): */
    SHI_AL_EN_CRUDE, /* share of China's crude imports supplied by the other of the pair */
    SHI_AL_EN_GAS,   /* share of China's gas imports (pipeline and LNG, bcm) supplied */
    SHI_AL_EN_COAL,  /* share of China's coal imports supplied */
    SHI_AL_EN_PIVOT, /* the other's crude exports to China / (to China + Europe) */
    SHI_AL_N
};

/** How an indicator's value becomes closeness (up = closer). */
typedef enum shi_orient {
    SHI_OR_SAME,    /* closeness = x (a share, a level, a similarity) */
    SHI_OR_NEG,     /* closeness = -x (an unbounded distance) */
    SHI_OR_TOPMINUS /* closeness = top - x (a threat on [0, 1]: 1 - x; hostility 0-5: 5 - x) */
} shi_orient;

/** Which zeros may be missing data (docs/align.md, "Zeros that may be missing"). */
typedef enum shi_zero_rule {
    SHI_ZR_NONE,  /* a zero is a value */
    SHI_ZR_TRADE, /* a zero trade flow: both trade with others that year, or neighbours */
    SHI_ZR_ARMS   /* a zero arms flow: supplier exports and recipient imports to/from others, or
                     neighbours */
} shi_zero_rule;

/** Static description of an indicator. */
typedef struct shi_align_indicator {
    const char *name; /* e.g. "arms_share_b_from_a" */
    shi_area area;
    shi_orient orient;
    double top;            /* SHI_OR_TOPMINUS: the top of the scale */
    shi_zero_rule zero;    /* which zeros are flagged */
    const char *what;      /* one-line description */
    const char *closeness; /* how closeness is made, e.g. "-distance" */
    const char *label;     /* display name for readers, e.g. "B's arms imports from A": what
                              the summary and the HTML report show (shi_align_text puts in the
                              states' abbreviations) */
} shi_align_indicator;

SHI_API const shi_align_indicator *shi_align_indicators(void);

/** The variants of alliance-portfolio similarity (docs/similarity.md). */
enum {
    SHI_ALSIM_PI,    /* Scott's pi, quadratic weights (Haege 2011): the scorecard's choice */
    SHI_ALSIM_KAPPA, /* Cohen's kappa, quadratic weights (Haege 2011) */
    SHI_ALSIM_S_UN,  /* S, unweighted, absolute, global (Signorino & Ritter 1999) */
    SHI_ALSIM_S_REG, /* S, unweighted, absolute, regional (Signorino & Ritter 1999) */
    SHI_ALSIM_S_WT,  /* S, capability-weighted, absolute, global (the former choice) */
    SHI_ALSIM_N
};
static inline const char *shi_align_sim_name(int v)
{
    static const char *const names[SHI_ALSIM_N] = {"pi", "kappa", "s_unweighted", "s_regional",
                                                   "s_weighted"};
    return (unsigned)v < SHI_ALSIM_N ? names[v] : "?";
}

/** A trend label: from the Mann-Kendall test and the material-change
 *  threshold (indicators), or from the indicators' labels (areas). */
typedef enum shi_direction {
    SHI_DIR_NA = 0,     /* fewer than 3 values */
    SHI_DIR_CONVERGING, /* significant (p < 0.05) and material rise of closeness */
    SHI_DIR_NOTREND,    /* no clear trend */
    SHI_DIR_DIVERGING,  /* significant and material fall of closeness */
    SHI_DIR_MIXED       /* areas: indicators converge and diverge */
} shi_direction;
static inline const char *shi_direction_name(shi_direction d)
{
    switch (d) {
    case SHI_DIR_CONVERGING:
        return "converging";
    case SHI_DIR_NOTREND:
        return "no clear trend";
    case SHI_DIR_DIVERGING:
        return "diverging";
    case SHI_DIR_MIXED:
        return "mixed";
    case SHI_DIR_NA:
        break;
    }
    return "-";
}

/** Flags of a value. */
enum {
    SHI_AL_FLAG_ZERO = 1u << 0 /* a zero flow that may be missing data (value unchanged) */
};

/** The sphere of an area: congruity or incongruity only when every variant
 *  gives the same significant label. */
typedef enum shi_sphere {
    SHI_SPHERE_NA = 0,
    SHI_SPHERE_CONGRUITY,
    SHI_SPHERE_INCONGRUITY,
    SHI_SPHERE_MIXED,  /* the variants disagree, or the area's indicators do */
    SHI_SPHERE_NOTREND /* no clear trend under every variant */
} shi_sphere;
static inline const char *shi_align_sphere_name(shi_sphere s)
{
    return s == SHI_SPHERE_CONGRUITY     ? "congruity"
           : s == SHI_SPHERE_INCONGRUITY ? "incongruity"
           : s == SHI_SPHERE_MIXED       ? "mixed"
           : s == SHI_SPHERE_NOTREND     ? "no clear trend"
                                         : "no data";
}

/** An indicator's trend over a span of years. */
typedef struct shi_align_trend {
    shi_mk mk;         /* Mann-Kendall test and Sen's slope of closeness */
    double change;     /* Sen's slope x (last - first year with data) */
    shi_direction dir; /* the label */
} shi_align_trend;

/** The scorecard for years y0..y1. Arrays over years hold y1 - ys + 1
 *  values, index year - ys (NaN / 0 / SHI_DIR_NA where missing); years before
 *  y0 are computed only so that the first rolling trends have a full window. */
typedef struct shi_align {
    int a, b, y0, y1, window;
    int ys; /* first year computed: y0 - window + 1 */
    /* shi_align_compute */
    double *value[SHI_AL_N];  /* as the source measures it */
    double *close[SHI_AL_N];  /* closeness: up is closer */
    uint8_t *flag[SHI_AL_N];  /* SHI_AL_FLAG_* */
    double *sim[SHI_ALSIM_N]; /* every similarity variant (raw = closeness) */
    int veto_n[3];            /* over [y0, y1]: A's vetoes, B's, joint; -1: not P5 */
    shi_threat_ctx *tc;       /* kept for shi_align_assess (owned) */
    /* shi_align_assess */
    int assessed;
    /* The reference population (docs/align.md, "Thresholds"): every pair of
     * the major powers of [ys, y1] and a and b; ref holds each indicator's
     * (then each variant's) series per pair: [(k * tol_pairs + p) * ny + t]. */
    int tol_pairs;
    double *ref;
    /* Material change over the years of the whole-period test: the median
     * non-zero |x(t + L) - x(t)| in the reference population, L the span of
     * the pair's own data (per indicator and per variant). */
    double tol[SHI_AL_N];
    double sim_tol[SHI_ALSIM_N];
    double *slope[SHI_AL_N];         /* rolling: Sen's slope of closeness over the window */
    double *p[SHI_AL_N];             /* rolling: Mann-Kendall p over the window */
    shi_direction *dir[SHI_AL_N];    /* rolling label */
    shi_align_trend trend[SHI_AL_N]; /* over [y0, y1] */
    shi_align_trend sim_trend[SHI_ALSIM_N];
    shi_direction area_label[SHI_AREA_N][SHI_ALSIM_N]; /* the area's label under each variant */
    uint32_t area_drivers[SHI_AREA_N]; /* bit k: indicator k carries the chosen-variant label */
    shi_sphere sphere[SHI_AREA_N];
    int area_y[SHI_AREA_N][2]; /* first and last year with data in [y0, y1] (0: none) */
    int nflag[SHI_AL_N];       /* flagged years in [y0, y1] */
} shi_align;

SHI_API void shi_align_destroy(shi_align *al);

/** The first year of the dyadic arrays shi_align_compute and
 *  shi_align_assess read for years [y0, ...] with trend windows of `window`
 *  years under the threat model `m` (NULL: the defaults): the window before
 *  y0 and the threat's lookback before that. A view from it
 *  (shi_data_spec.from) gives the same results as the whole data. */
SHI_API int shi_align_from(const shi_threat_model *m, int y0, int window);

/** Compute the values of (a, b) over [y0, y1] (and the window before y0),
 *  from the data view `d` (with its dyadic part; the relations when loaded)
 *  and the threat model `m` (NULL: the defaults). */
SHI_API shi_status shi_align_compute(shi_align *al, const shi_data *d, const shi_threat_model *m,
                                     int a, int b, int y0, int y1, int window, shi_err *err);

/** Add the thresholds (from the reference population: the pairs among the
 *  major powers of [ys, y1] and a and b), the trend tests, the labels, the
 *  drivers of each label and the spheres. */
SHI_API shi_status shi_align_assess(shi_align *al, const shi_data *d, const shi_threat_model *m,
                                    shi_err *err);

/** The first and last years of [al->y0, al->y1] in which indicator k has a
 *  value, into *first and *last. Returns 0 (and both 0) when it has none. */
SHI_API int shi_align_indicator_span(const shi_align *al, int k, int *first, int *last);

/* Text for the views (inline: formatting, not a call into a measure). */

/** Copy `s` (an indicator's `label` or `what`) into buf with the pair's
 *  abbreviations for the single capital letters A and B that stand as words
 *  ("B's arms imports from A" -> "CHN's arms imports from RUS"). */
static inline void shi_align_text(const char *s, const char *a, const char *b, char *buf,
                                  size_t size)
{
    size_t n = 0;
    if (size == 0) {
        return;
    }
    for (size_t i = 0; s[i] && n + 1 < size; i++) {
        char c = s[i], prev = i ? s[i - 1] : ' ', next = s[i + 1];
        int word = (c == 'A' || c == 'B') &&
                   !((prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z') ||
                     (prev >= '0' && prev <= '9') || prev == '_') &&
                   !((next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z') ||
                     (next >= '0' && next <= '9') || next == '_');
        const char *put = word ? (c == 'A' ? a : b) : NULL;
        if (!put) {
            buf[n++] = c;
            continue;
        }
        for (size_t k = 0; put[k] && n + 1 < size; k++) {
            buf[n++] = put[k];
        }
    }
    buf[n] = '\0';
}

/** How an area's label depends on the similarity variant: "same under all 5
 *  variants" (also for areas without a similarity indicator), or each
 *  variant's label, "pi: diverging; kappa: diverging; ...". */
static inline void shi_align_sensitivity_text(const shi_align *al, int area, char *buf, size_t size)
{
    int same = 1;
    for (int v = 1; v < SHI_ALSIM_N; v++) {
        same &= al->area_label[area][v] == al->area_label[area][0];
    }
    if (same) {
        snprintf(buf, size, "same under all %d variants", SHI_ALSIM_N);
        return;
    }
    buf[0] = '\0';
    for (int v = 0; v < SHI_ALSIM_N; v++) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, "%s%s: %s", v ? "; " : "", shi_align_sim_name(v),
                 shi_direction_name(al->area_label[area][v]));
    }
}

/** The indicators that carry an area's label under the chosen variant
 *  ("un_distance, alliance_similarity"), or "-". Readers' version: see
 *  shi_align_drivers_label. */
static inline void shi_align_drivers_text(const shi_align *al, const shi_align_indicator *ind,
                                          int area, char *buf, size_t size)
{
    snprintf(buf, size, "-");
    for (int k = 0, n = 0; k < SHI_AL_N; k++) {
        if (al->area_drivers[area] & (1u << k)) {
            size_t len = n ? strlen(buf) : 0;
            snprintf(buf + len, size - len, "%s%s", n++ ? ", " : "", ind[k].name);
        }
    }
}

/** As shi_align_drivers_text, with the indicators' display labels and the
 *  pair's abbreviations a and b ("UN ideal-point distance, UN vote agreement"). */
static inline void shi_align_drivers_label(const shi_align *al, const shi_align_indicator *ind,
                                           int area, const char *a, const char *b, char *buf,
                                           size_t size)
{
    snprintf(buf, size, "-");
    for (int k = 0, n = 0; k < SHI_AL_N; k++) {
        if (al->area_drivers[area] & (1u << k)) {
            size_t len = n ? strlen(buf) : 0;
            if (n++) {
                snprintf(buf + len, size - len, ", ");
                len = strlen(buf);
            }
            shi_align_text(ind[k].label, a, b, buf + len, size - len);
        }
    }
}

#ifdef __cplusplus
}
#endif
#endif
