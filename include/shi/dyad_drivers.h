/*
 * shi/dyad_drivers.h - the data of a drivers analysis for a pair of states:
 * a yearly alignment series and its external and bilateral drivers
 * (docs/drivers.md, "From data to drivers").
 *
 * Outcome (larger = closer):
 *   ideal  minus the distance of the two UN ideal points
 *   sim    alliance-portfolio similarity S (capability-weighted, absolute)
 *   index  mean of the standardised (over the years analysed) closeness
 *          indicators: -UN distance, S, ATOP alliance level
 * External drivers (the system, a third state C):
 *   common_threat   mean of T(A <- C) and T(B <- C) (shi threat)
 *   third_share     C's share of world capabilities (CINC)
 *   concentration   CON among the major powers (Ray & Singer 1973)
 *   un_dist_third   mean UN ideal-point distance of A and of B from C
 *   ext_events      external events and crises of the year concerning A or B or
 *                   the whole system (data/events.tsv: NATO enlargements, ...)
 * Bilateral drivers:
 *   trade_dep       mean of the two trade dependences (COW trade)
 *   trade_asym      |dependence of A - dependence of B|
 *   arms_share      share of the two states' combined arms imports that they
 *                   supply each other (SIPRI TIV)
 *   disputes        highest MID hostility between them (0-5)
 *   agreements      bilateral agreements and summits so far (events file):
 *                   border settlements, treaties, declarations
 *   events_balance  1 - 2 x share of conflictual ICEWS events between them
 *                   (2002-2014 only, so left out of longer periods)
 * Drivers with no variation over the years, or missing in more than a
 * quarter of them, are left out and named in `dropped`.
 */
#ifndef SHI_DYAD_DRIVERS_H
#define SHI_DYAD_DRIVERS_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/drivers.h>
#include <shi/error.h>
#include <shi/threat.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum shi_outcome { SHI_OUTCOME_IDEAL, SHI_OUTCOME_SIM, SHI_OUTCOME_INDEX } shi_outcome;
SHI_API shi_status shi_outcome_parse(const char *name, shi_outcome *out, shi_err *err);
SHI_API const char *shi_outcome_name(shi_outcome o);

#define SHI_DD_MAX 12

typedef struct shi_dyad_series {
    int a, b, third;
    int y0, y1;
    size_t n;  /* years */
    double *y; /* n */
    double *X; /* k x n, column-major (driver j at X[j * n + t]) */
    size_t k;
    int block[SHI_DD_MAX];
    char name[SHI_DD_MAX][32];
    char dropped[512]; /* "disputes (no variation), ..." or "" */
} shi_dyad_series;

SHI_API void shi_dyad_series_destroy(shi_dyad_series *s);

/** Build the series of (a, b) with third state `third` over [y0, y1] from
 *  the data view `d` (dyadic and relations parts; its events when loaded) and
 *  the threat model `m` (NULL: the defaults). */
SHI_API shi_status shi_dyad_series_build(shi_dyad_series *s, const shi_data *d,
                                         const shi_threat_model *m, int a, int b, int third, int y0,
                                         int y1, shi_outcome outcome, shi_err *err);

/** \brief The drivers analysis of one pair: build its series (as
 *  shi_dyad_series_build, default threat model) and fit the drivers model
 *  (shi_drivers_fit) with options `opt` (NULL: the defaults).
 *  \param ser receives the series (shi_dyad_series_destroy); on failure it
 *         needs no destroy.
 *  \param res initialised by shi_drivers_result_init; filled on success.
 *  \return SHI_EDATA "drivers: no driver varies over Y0-Y1 for this pair
 *  (dropped: ...)" when no driver varies, or an error of the two steps. */
SHI_API shi_status shi_dyad_drivers_fit(shi_dyad_series *ser, shi_drivers_result *res,
                                        const shi_data *d, int a, int b, int third, int y0, int y1,
                                        shi_outcome outcome, const shi_drivers_opts *opt,
                                        shi_err *err);

/** The most capable state in `year` other than a and b (the default third state). */
SHI_API int shi_most_capable_other(const shi_panel *caps, size_t cinc, int a, int b, int year);

#ifdef __cplusplus
}
#endif
#endif
