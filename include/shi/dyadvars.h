/*
 * shi/dyadvars.h - variables of dyad-years, added to a frame of (year, ccode1,
 * ccode2) rows in the spirit of peacesciencer's add_* pipeline.
 *
 * Families (docs/dyads.md gives each formula, source and coding choice):
 *   cinc      cinc1, cinc2, cap_share1 = cinc1 / (cinc1 + cinc2)
 *   major     major1, major2 (COW major power on any day of the year)
 *   contig    conttype: 0 none, 1 land, 2-5 separated by <= 12/24/150/400 miles of water
 *   distance  capdist_km, capdist_mi: great circle between the capitals on 1 January
 *   alliance  atop_level (0-3) and atop_defense/offense/neutral/nonagg/consul of 1 towards 2
 *   sim       Signorino-Ritter S (unweighted/capability-weighted x absolute/squared,
 *             global and regional), Kendall tau-b, Cohen's kappa (quadratic) and
 *             Scott's pi (nominal `pi`, quadratic `pi_sq`), over alliance portfolios
 *   ideal     ideal1, ideal2, ideal_dist (UN General Assembly ideal points), and
 *             agree: share of UN votes agreeing, where one side is a reference state
 *   threat    threat to state 1 from state 2 (shi/threat.h) and its four components
 *   nmc       milex1 milper1 irst1 pec1 tpop1 upop1 and the same of state 2 (COW NMC)
 *   mids      mid_ongoing, mid_onset, mid_hostlev1, mid_hostlev2, and each state's part:
 *             mid_init, mid_sidea, mid_orig, mid_revisionist, mid_hiact, mid_fatality 1
 *             and 2 (GML MID 2.1.1, COW MID 5.0 incidents after it, to 2014; needs the
 *             relations)
 *   peaceyears  peaceyears, peaceyears2, peaceyears3: years since the last dispute
 *             onset (Carter & Signorino 2010; shi_peace_spells), and spline1..spline3
 *             (shi_peace_splines), 1816-2014
 *   ucdp      ucdp_ongoing, ucdp_intensity, ucdp_onset: UCDP/PRIO armed conflict,
 *             opposite sides
 *   trade     flow1, flow2: COW dyadic trade both ways (missing stays missing);
 *             dep1, dep2: (flow1 + flow2) / gdp of each side (needs SHI_DATA_ECON)
 *   democracy polity2_1, polity2_2, polyarchy1, polyarchy2 and the weak-link
 *             minimum of each (polity2_min, polyarchy_min); needs SHI_DATA_ECON
 *   gdp       gdp1, gdp2 (millions of constant 2015 US$, WDI spliced with Maddison)
 *             and gdppc1, gdppc2; needs SHI_DATA_ECON
 *   igos      igo_shared: IGOs in which both states are full members (COW IGO v3,
 *             1816-2014; needs the relations)
 *   mindist   mindist_km: minimum distance between the two territories on 1 January
 *             (cshapes 2.0, 1886-2019; 0 when they touch; needs SHI_DATA_GEO)
 *   vetoes    UN Security Council vetoes in the year (permanent members only; needs the
 *             relations): veto_n1, veto_n2, veto_joint (drafts both vetoed), and
 *             veto_coinc12 / veto_coinc21 (share of 1's / 2's vetoes the other joined)
 *   eu        War Trap expected utility eu12, eu21 and their parts; eu_reason
 *   wr        War and Reason equilibria (induction, logical conditions); wr_reason
 *   risk      risk attitudes of The War Trap Revisited: risk1 (R of state 1 in
 *             relevant_region(1, 2)), risk2 (R of 2 in relevant_region(2, 1)), their
 *             exponents risk_r1, risk_r2, the regions and risk_reason; with wr in the
 *             same list, the game uses these attitudes instead of risk neutrality
 *             (eu, wr and risk are not part of "all"; shi/eu.h, docs/eu.md)
 * Missing stays missing: outside a data set's years a variable is missing,
 * never 0. Symmetric measures are equal for (i, j) and (j, i).
 */
#ifndef SHI_DYADVARS_H
#define SHI_DYADVARS_H

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/eu.h>
#include <shi/frame.h>
#include <shi/threat.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    SHI_DV_CINC = 1u << 0,
    SHI_DV_MAJOR = 1u << 1,
    SHI_DV_CONTIG = 1u << 2,
    SHI_DV_DISTANCE = 1u << 3,
    SHI_DV_ALLIANCE = 1u << 4,
    SHI_DV_SIM = 1u << 5,
    SHI_DV_IDEAL = 1u << 6,
    SHI_DV_THREAT = 1u << 7, /* threat, threat_strength/proximity/offensive/intentions */
    SHI_DV_VETO = 1u << 8,   /* veto_n1, veto_n2, veto_joint, veto_coinc12, veto_coinc21 */
    /* Peace-science families (issue 14), from bit 16 so that other families
     * can take the bits after 8 without a clash. */
    SHI_DV_NMC = 1u << 16,     /* milex1 ... upop2 */
    SHI_DV_MIDS = 1u << 17,    /* mid_ongoing, mid_hostlev1/2, mid_onset, mid_init1/2 ... */
    SHI_DV_PEACE = 1u << 18,   /* peaceyears, peaceyears2, peaceyears3, spline1..3 */
    SHI_DV_UCDP = 1u << 19,    /* ucdp_ongoing, ucdp_intensity, ucdp_onset */
    SHI_DV_TRADE = 1u << 20,   /* flow1, flow2, dep1, dep2 */
    SHI_DV_DEMO = 1u << 21,    /* polity2_1/2, polyarchy1/2, polity2_min, polyarchy_min */
    SHI_DV_GDP = 1u << 22,     /* gdp1, gdp2, gdppc1, gdppc2 */
    SHI_DV_IGOS = 1u << 23,    /* igo_shared */
    SHI_DV_MINDIST = 1u << 24, /* mindist_km */
    SHI_DV_PSCI = SHI_DV_NMC | SHI_DV_MIDS | SHI_DV_PEACE | SHI_DV_UCDP | SHI_DV_TRADE |
                  SHI_DV_DEMO | SHI_DV_GDP | SHI_DV_IGOS | SHI_DV_MINDIST,
    SHI_DV_ALL = ((1u << 9) - 1) | SHI_DV_PSCI,
    /* Expected utility families, outside "all" (options of their own). */
    SHI_DV_EU = 1u << 25,  /* eu12, eu21, parts, eu_reason (shi/eu.h) */
    SHI_DV_WR = 1u << 26,  /* wr_induction, wr_logical, conditions, wr_reason */
    SHI_DV_RISK = 1u << 27 /* risk1, risk2, risk_r1, risk_r2, regions, risk_reason */
};

/** Parse a comma-separated list of families ("cinc,contiguity,distance,...";
 *  "all"); unknown names are an error listing the valid ones. */
SHI_API shi_status shi_dyadvars_parse(const char *list, unsigned *mask, shi_err *err);

/** Do these families need the dyadic data (SHI_DATA_DYADIC)? */
SHI_API int shi_dyadvars_need_dyadic(unsigned mask);

/** Do these families need the economic part (SHI_DATA_ECON)? */
SHI_API int shi_dyadvars_need_econ(unsigned mask);

/** Do these families need the relations (SHI_DATA_RELATIONS)? */
SHI_API int shi_dyadvars_need_relations(unsigned mask);

/** Do these families need the geographic part (SHI_DATA_GEO: mindist)? */
SHI_API int shi_dyadvars_need_geo(unsigned mask);

/** Peace years (Carter & Signorino 2010) of one dyad's series of `n` years:
 *  event[t] is 1 (an event that year), 0 (none) or -1 (not observed: the
 *  dyad is not in the system, or outside the data). spell[t] is 0 in the
 *  first observed year and in the year after an event, else the year before's
 *  plus one; an event year holds the count up to it; an unobserved year is
 *  SHI_NA_I32 and does not reset the count. */
SHI_API void shi_peace_spells(const int8_t *event, size_t n, int32_t *spell);

/** The knots of the peace-year splines, in years of peace. */
#define SHI_PEACE_KNOTS                                                                            \
    {                                                                                              \
        1, 4, 7                                                                                    \
    }

/** spline1..spline3 of peace years t: (t - knot)^3 where t > knot, else 0,
 *  at the knots SHI_PEACE_KNOTS (docs/dyads.md); SHI_NA_I32 stays missing. */
SHI_API void shi_peace_splines(int32_t t, int32_t out[3]);

/** How the variables are computed (zero: the defaults). */
typedef struct shi_dyadvars_opts {
    int threads;                   /* 0: OpenMP default */
    const shi_threat_model *model; /* threat: NULL for the defaults */
    /* Optional progress report, called from one thread at a time with the rows
     * done so far and the total (for a progress bar); NULL for none. */
    void (*progress)(void *arg, size_t done, size_t total);
    void *progress_arg;
    /* distance: 0 the haversine on the mean Earth radius (shi's default);
     * 1 peacesciencer's convention, shi_vincenty_sphere_km with the WGS 84
     * equatorial radius (docs/dyads.md) */
    int psci_distance;
    const shi_eu_opts *eu; /* eu and wr: NULL for EUGene's defaults */
    const shi_wr_opts *wr; /* wr: NULL for shi_wr_opts_default() */
} shi_dyadvars_opts;

/** Column-name schemes of the frames (shi dyads, shi stateyears). */
typedef enum shi_names { SHI_NAMES_SHI = 0, SHI_NAMES_PSCI = 1 } shi_names;

/** "shi" or "peacesciencer"; another name is SHI_EUSAGE listing them. */
SHI_API shi_status shi_names_parse(const char *name, shi_names *out, shi_err *err);

/** Rename the columns of `f` that the scheme names differently (the table in
 *  docs/dyads.md: major1 -> cowmaj1, capdist_km -> capdist, mid_ongoing ->
 *  gmlmidongoing, ...); the others keep their names. */
SHI_API shi_status shi_names_apply(shi_frame *f, shi_names scheme, shi_err *err);

/** Add the families in `mask` to frame `f`, whose first three columns are
 *  year, ccode1, ccode2 (as shi_dyads_generate makes them), from the data
 *  view `d` (the families of shi_dyadvars_need_dyadic need its dyadic part;
 *  threat uses the relations when loaded). `o` may be NULL. The output is the
 *  same for any number of threads. */
SHI_API shi_status shi_dyadvars_add(shi_frame *f, unsigned mask, const shi_data *d,
                                    const shi_dyadvars_opts *o, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
