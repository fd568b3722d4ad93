/*
 * shi/report.h - the views of a pair's analysis (shi/pair.h): a terminal
 * summary and one self-contained HTML page. They format the analysis and the
 * data view's names and sources; they compute nothing (the build enforces that
 * this module calls no measure or model).
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
#include <shi/pair.h>
#include <shi/svg.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Write the terminal summary (fits one screen) of `pa`, an analysis of the
 *  data view `d`, to `f`. The threat, issue-area, drivers and cooperation
 *  lines are left out when the analysis has no relations sections. */
SHI_API shi_status shi_report_summary(FILE *f, const shi_data *d, const shi_pair_analysis *pa,
                                      shi_err *err);

/** Write the whole report of `pa` as one self-contained HTML page (inline
 *  SVG, no scripts, no network) to `f`. Needs the relations sections. */
SHI_API shi_status shi_report_html(FILE *f, const shi_data *d, const shi_pair_analysis *pa,
                                   shi_err *err);

/** The spheres of influence `sp` as an SVG small-multiples chart (one panel
 *  per third state, both powers' influence index over the years), titled
 *  with `region` (NULL: "the third states"). The caller frees *out with
 *  shi_svg_free. Used by the HTML report and `shi sphere --svg`. */
SHI_API shi_status shi_report_sphere_svg(shi_svg_chart **out, const shi_data *d,
                                         const shi_sphere_table *sp, const char *region,
                                         shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
