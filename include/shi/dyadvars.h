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
 *   vetoes    UN Security Council vetoes in the year (permanent members only; needs the
 *             relations): veto_n1, veto_n2, veto_joint (drafts both vetoed), and
 *             veto_coinc12 / veto_coinc21 (share of 1's / 2's vetoes the other joined)
 *   eu        War Trap expected utility eu12, eu21 and their parts; eu_reason
 *   wr        War and Reason equilibria (induction, logical conditions); wr_reason
 *             (eu and wr are not part of "all"; shi/eu.h, docs/eu.md)
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
    SHI_DV_ALL = (1u << 9) - 1,
    /* Expected utility families, outside "all" (options of their own). */
    SHI_DV_EU = 1u << 16, /* eu12, eu21, parts, eu_reason (shi/eu.h) */
    SHI_DV_WR = 1u << 17  /* wr_induction, wr_logical, conditions, wr_reason */
};

/** Parse a comma-separated list of families ("cinc,contiguity,distance,...";
 *  "all"); unknown names are an error listing the valid ones. */
SHI_API shi_status shi_dyadvars_parse(const char *list, unsigned *mask, shi_err *err);

/** Do these families need the dyadic data (SHI_DATA_DYADIC)? */
SHI_API int shi_dyadvars_need_dyadic(unsigned mask);

/** How the variables are computed (zero: the defaults). */
typedef struct shi_dyadvars_opts {
    int threads;                   /* 0: OpenMP default */
    const shi_threat_model *model; /* threat: NULL for the defaults */
    /* Optional progress report, called from one thread at a time with the rows
     * done so far and the total (for a progress bar); NULL for none. */
    void (*progress)(void *arg, size_t done, size_t total);
    void *progress_arg;
    const shi_eu_opts *eu; /* eu and wr: NULL for EUGene's defaults */
    const shi_wr_opts *wr; /* wr: NULL for shi_wr_opts_default() */
} shi_dyadvars_opts;

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
