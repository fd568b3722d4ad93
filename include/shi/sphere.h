/*
 * shi/sphere.h - spheres of influence: for each third state of a region, each
 * of two powers' share of that state's arms imports (SIPRI), trade (COW),
 * energy exports (China Customs, Eurostat), its alliance ties (ATOP), its IGO
 * memberships (COW IGO) and UN agreement, an influence index per power, its
 * trend and who is gaining (docs/sphere.md).
 *
 * Areas, each on [0, 1], for power P and third state X in year y:
 *   arms      TIV delivered by P to X over X's arms imports, years y-4..y
 *             (deliveries are lumpy: a five-year window);
 *   trade     X's trade with P over X's total trade (COW, to 2014);
 *   energy    X's crude and gas exports to P over its exports to the
 *             importers the sources cover (China, Europe), the mean of the
 *             two; only China and European states have importer data;
 *   alliance  the ATOP alliance level between P and X (either direction) / 3;
 *   igo       IGOs in which P and X are both full members over X's full
 *             memberships (COW IGO v3, to 2014);
 *   un        share of X's UN votes agreeing with P (where P is one of the six
 *             reference states of the voting data: USA, RUS, BRA, CHN, IND, ISR).
 * The influence index of X is the weighted mean (weights SHI_SPHERE_W_*
 * below) of X's index areas: the areas both powers have in at least half of
 * the years (a missing area favours neither). The set is fixed per state so
 * that the index compares like with like over the years; a year lacking one
 * of them has no index (NaN). Its trend is the OLS slope per year; a power is
 * "gaining" in X when its index slope exceeds the other's by more than
 * SHI_SPHERE_GAIN_TOL a year.
 */
#ifndef SHI_SPHERE_H
#define SHI_SPHERE_H

#include <math.h>
#include <stddef.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    SHI_SPH_ARMS,
    SHI_SPH_TRADE,
    SHI_SPH_ENERGY,
    SHI_SPH_ALLIANCE,
    SHI_SPH_IGO,
    SHI_SPH_UN,
    SHI_SPH_N
};

static inline const char *shi_sphere_area_name(int k)
{
    static const char *const n[SHI_SPH_N] = {"arms", "trade", "energy", "alliance", "igo", "un"};
    return (unsigned)k < SHI_SPH_N ? n[k] : "?";
}

/* Weights of the index (sum 1): material ties first (0.70), as the study
 * reads influence in Central Asia through arms, trade and pipelines; the
 * institutional and diplomatic ties share the other 0.30 as before the IGO
 * area: alliance 0.15 (from 0.20: the CSTO and CIS bodies count in both the
 * alliance and the IGO areas), igo 0.10, un 0.05 (from 0.10: a vote with the
 * General Assembly's majority counts as agreement with both powers, so it
 * says least about a bilateral tie). docs/sphere.md gives the reasoning. */
#define SHI_SPHERE_W_ARMS 0.30
#define SHI_SPHERE_W_TRADE 0.25
#define SHI_SPHERE_W_ENERGY 0.15
#define SHI_SPHERE_W_ALLIANCE 0.15
#define SHI_SPHERE_W_IGO 0.10
#define SHI_SPHERE_W_UN 0.05
#define SHI_SPHERE_GAIN_TOL 0.002

/** Regions by name (case-insensitive): "Central Asia", "Asia-Pacific",
 *  "former Soviet Union". NULL when unknown; *n the number of states. */
SHI_API const int *shi_sphere_region(const char *name, size_t *n);
/** The region names, NULL-terminated (for messages). */
SHI_API const char *const *shi_sphere_region_names(void);

typedef struct shi_sphere_table {
    int p[2];      /* the two powers */
    int y0, y1;    /* years */
    size_t n;      /* third states */
    int *third;    /* their COW codes */
    double *v;     /* [(i * 2 + power) * SHI_SPH_N + area][year - y0] flattened: use shi_sphere_v */
    double *index; /* [(i * 2 + power)][year - y0] */
    double *slope; /* [i * 2 + power]: index slope per year */
    int *gain;     /* [i]: 0 neither, 1 p[0] gaining, 2 p[1] gaining; -1 no data */
    unsigned *areas;     /* [i]: bit k set when area k is one of state i's index areas */
    int last[SHI_SPH_N]; /* last year with data of each area over all third states */
} shi_sphere_table;

static inline double shi_sphere_v(const shi_sphere_table *s, size_t i, int power, int area,
                                  int year)
{
    size_t ny = (size_t)(s->y1 - s->y0 + 1);
    return s->v[((i * 2 + (size_t)power) * SHI_SPH_N + (size_t)area) * ny + (size_t)(year - s->y0)];
}
static inline double shi_sphere_index(const shi_sphere_table *s, size_t i, int power, int year)
{
    size_t ny = (size_t)(s->y1 - s->y0 + 1);
    return s->index[(i * 2 + (size_t)power) * ny + (size_t)(year - s->y0)];
}

/** The first and last years of state i's index (0 and 0 when it has none). */
static inline void shi_sphere_index_years(const shi_sphere_table *s, size_t i, int *first,
                                          int *last)
{
    *first = *last = 0;
    for (int y = s->y0; y <= s->y1; y++) {
        double v = shi_sphere_index(s, i, 0, y);
        if (v == v) { /* not NaN */
            *first = *first ? *first : y;
            *last = y;
        }
    }
}

SHI_API void shi_sphere_free(shi_sphere_table *s);

/** The first and last values of power p's index over third state i (NaN without). */
static inline void shi_sphere_index_ends(const shi_sphere_table *s, size_t i, int p, double *first,
                                         double *last)
{
    *first = *last = (double)NAN;
    for (int y = s->y0; y <= s->y1; y++) {
        double v = shi_sphere_index(s, i, p, y);
        if (v == v) { /* not NaN */
            *first = *first == *first ? *first : v;
            *last = v;
        }
    }
}

/** Compute the spheres of powers a and b over the third states `third`
 *  (n of them; the powers themselves are skipped) for [y0, y1], from `d`
 *  (relations, dyadic and energy parts loaded). */
SHI_API shi_status shi_sphere_compute(shi_sphere_table *s, const shi_data *d, int a, int b,
                                      const int *third, size_t n, int y0, int y1, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
