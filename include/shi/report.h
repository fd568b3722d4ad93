/*
 * shi/report.h - the study's analysis of a pair of states, composed from the
 * measures (this module formats; it computes no measure itself).
 *
 * Sections: the configuration of power (polarity, concentration, the
 * triangle of the pair and a third state, power transitions), threat both
 * ways, the issue-area scorecard, alignment, the drivers verdict, the pair's
 * cooperation threshold, milestones, missing data and sources.
 */
#ifndef SHI_REPORT_H
#define SHI_REPORT_H

#include <stdio.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/events.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct shi_report_opts {
    int a, b;    /* the pair (COW codes) */
    int third;   /* third state, or 0 for the most capable other state in y1 */
    int y0, y1;  /* years covered */
    size_t cinc; /* CINC column of d->caps (see shi_cinc_add) */
} shi_report_opts;

/** Write the terminal summary (fits one screen) to `f`. The threat, issue-area,
 *  drivers and cooperation lines need the dyadic and relations data loaded
 *  (shi_data_load_relations); without them those lines are left out. `ev`
 *  may be NULL. */
SHI_API shi_status shi_report_summary(FILE *f, const shi_data *d, const shi_events *ev,
                                      const shi_report_opts *o, shi_err *err);

/** Write the whole report as one self-contained HTML page (inline SVG, no
 *  scripts, no network) to `f`. Needs the dyadic and relations data. */
SHI_API shi_status shi_report_html(FILE *f, const shi_data *d, const shi_events *ev,
                                   const shi_report_opts *o, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
