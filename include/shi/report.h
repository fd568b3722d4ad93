/*
 * shi/report.h - the study's analysis of a pair of states, composed from the
 * measures (this module formats; it computes no measure itself).
 *
 * This first version covers the configuration of power: polarity and
 * concentration, the triangle of the pair and a third state, and power
 * transitions. Later sections (threat, alignment, drivers, cooperation) join
 * it as their measures arrive.
 */
#ifndef SHI_REPORT_H
#define SHI_REPORT_H

#include <stdio.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct shi_report_opts {
    int a, b;    /* the pair (COW codes) */
    int third;   /* third state, or 0 for the most capable other state in y1 */
    int y0, y1;  /* years covered */
    size_t cinc; /* CINC column of d->caps (see shi_cinc_add) */
} shi_report_opts;

/** Write the terminal summary (fits one screen) to `f`. */
SHI_API shi_status shi_report_summary(FILE *f, const shi_data *d, const shi_report_opts *o,
                                      shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
