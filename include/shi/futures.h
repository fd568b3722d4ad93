/*
 * shi/futures.h - the five futures of one pair, computed once for the views
 * (`shi scenarios A B`, its SVG charts): the panel, the ensemble
 * (shi/scenarios.h), the pair's composite history and what the data say
 * happened. docs/scenarios.md.
 */
#ifndef SHI_FUTURES_H
#define SHI_FUTURES_H

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/scenarios.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct shi_futures {
    int a, b;                   /* COW codes */
    int y0, y1;                 /* years of the history */
    double *hist;               /* y1 - y0 + 1: the pair's composite (NaN missing) */
    int observed[SHI_SCEN_NH];  /* the future the data record at each horizon, or -1 */
    shi_scen_result r;          /* the ensemble */
    double comp_mean[SHI_SC_N]; /* the panel's standardisation */
    double comp_sd[SHI_SC_N];
} shi_futures;

SHI_API void shi_futures_free(shi_futures *f);

/** The last year with the pair's composite and both facts in the panel
 *  (the default origin), or 0 when none. */
SHI_API int shi_futures_last_origin(const shi_scen_panel *p, long pair);

/** \brief The scenario panel with (a, b) (0, 0: the major powers' pairs
 *  only) and, when `third` is not 0, the external driver: the power share of
 *  `third` in measure `measure` (NULL: cinc; shi_scen_panel_driver). Errors
 *  as shi_scen_panel_build, shi_power_measure_col, shi_scen_panel_driver. */
SHI_API shi_status shi_futures_panel(const shi_data *d, int a, int b, int third,
                                     const char *measure, shi_scen_panel *p, shi_err *err);

/** \brief Build the panel with (a, b), compute the pact-onset hazard from
 *  the origin (o->from 0: shi_futures_last_origin; shi_scen_panel_pact, so
 *  `d` needs the formation model's data, polity2 of the economic part
 *  included), run the ensemble with `o`, and keep the pair's history and
 *  observed futures. Errors as shi_scen_panel_build, shi_scen_panel_pact and
 *  shi_scen_run. */
SHI_API shi_status shi_futures_compute(const shi_data *d, int a, int b, const shi_scen_opts *o,
                                       shi_futures *out, shi_err *err);

/** \brief As shi_futures_compute, with o->from 0 meaning the last year with
 *  the pair's composite and both facts in or before `ymax` (the report's last
 *  year). */
SHI_API shi_status shi_futures_compute_before(const shi_data *d, int a, int b,
                                              const shi_scen_opts *o, int ymax, shi_futures *out,
                                              shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
