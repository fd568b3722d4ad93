/*
 * shi/relations.h - the relations between states that the threat index, the
 * issue-area scorecard and the drivers use: arms transfers (SIPRI), trade (COW
 * Trade 4.0), militarized disputes (GML MID 2.1.1), nuclear status (OWID /
 * Bleek 2017), event counts (ICEWS 2002-2014) and UN Security Council vetoes
 * (1946 - September 2022, shi/io_unsc.h).
 *
 * Disputes, nuclear status and events are also spread into the dense arrays
 * of shi_dyadic (mid_host, nuclear, conflict) for O(1) lookups; arms and trade
 * stay as sorted tables with binary-search lookups.
 *
 * Shared IGO memberships (COW IGO v3) go into shi_dyadic's `igo` (dyad-year)
 * and `igo_sy` (state-year) arrays.
 *
 * The embedded data/relations.shd keeps every arms transfer, dispute and
 * nuclear status and every state's IGO counts, but trade, events and shared
 * IGO memberships only for dyads with a state that was a COW major power at
 * some time (size); `--data DIR` with the official files gives every dyad.
 * shi_relations.subset and shi_dyadic.igo_subset say which.
 */
#ifndef SHI_RELATIONS_H
#define SHI_RELATIONS_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Rows sorted by key for binary search; all arrays owned. */
typedef struct shi_relations {
    /* arms: supplier-recipient-year TIV (millions), sorted by (s, r, year) */
    size_t narms;
    int32_t *arms_s, *arms_r, *arms_year;
    double *arms_tiv;
    /* arms totals per state-year incl. non-state partners, sorted by (c, year) */
    size_t narmst;
    int32_t *armst_c, *armst_year;
    double *armst_imp, *armst_exp;
    int arms_y0, arms_y1;
    /* national trade totals, sorted by (c, year), million current USD */
    size_t ntn;
    int32_t *tn_c, *tn_year;
    double *tn_imp, *tn_exp;
    /* dyadic trade, a < b, sorted by (a, b, year): f1 = imports of a from b */
    size_t ntd;
    int32_t *td_a, *td_b, *td_year;
    double *td_f1, *td_f2;
    int trade_y0, trade_y1;
    /* ICEWS: share of j's events towards i that are conflictual (quad classes
     * 3-4), sorted by (j, i, year) */
    size_t nev;
    int32_t *ev_j, *ev_i, *ev_year;
    double *ev_conf;
    int ev_y0, ev_y1;
    int subset; /* 1: trade and events only for dyads with a (sometime) major power */
    /* UN Security Council vetoes: one row per vetoed draft, in date order;
     * veto_m holds SHI_REL_VETO_M COW codes per draft (0 after the last) */
    size_t nveto;
    int32_t *veto_year, *veto_date, *veto_m;
    int veto_y0, veto_y1;
} shi_relations;

#define SHI_REL_VETO_M 3

/** Is c a permanent member of the Security Council in `year`: USA 2, UK 200,
 *  France 220, USSR/Russia 365, China 713 (Republic of China) to 1971 and 710
 *  (People's Republic, seated 25 October 1971) from 1971. */
static inline int shi_rel_p5(int c, int year)
{
    return year >= 1946 && (c == 2 || c == 200 || c == 220 || c == 365 ||
                            (c == 713 && year <= 1971) || (c == 710 && year >= 1971));
}

SHI_API void shi_relations_destroy(shi_relations *r);

/** TIV delivered from s to r in [y0, y1]; 0 when none, NaN outside the data. */
SHI_API double shi_rel_arms(const shi_relations *r, int s, int rc, int y0, int y1);
/** Total arms imports / exports of c in [y0, y1] (all partners). */
SHI_API double shi_rel_arms_imports(const shi_relations *r, int c, int y0, int y1);
SHI_API double shi_rel_arms_exports(const shi_relations *r, int c, int y0, int y1);

/** Trade in `year`: *a_from_b = imports of a from b, *b_from_a likewise; NaN
 *  when missing or outside the data. Returns 1 if the dyad-year is listed. */
SHI_API int shi_rel_trade(const shi_relations *r, int a, int b, int year, double *a_from_b,
                          double *b_from_a);
/** Share of j's ICEWS events towards i that are conflictual in `year`; NaN
 *  when the dyad-year has no events or is outside 2002-2014. */
SHI_API double shi_rel_conflict(const shi_relations *r, int j, int i, int year);

/** Security Council vetoes in `year`: *na drafts vetoed by a, *nb by b;
 *  returns the drafts both vetoed, or -1 (and *na = *nb = -1) when a or b is
 *  not a permanent member that year or the year is outside the veto data. */
SHI_API int shi_rel_vetoes(const shi_relations *r, int a, int b, int year, int *na, int *nb);

/** National imports and exports of c in `year` (NaN when missing). */
SHI_API void shi_rel_trade_total(const shi_relations *r, int c, int year, double *imports,
                                 double *exports);

#ifdef __cplusplus
}
#endif
#endif
