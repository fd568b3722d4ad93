/*
 * mid.c - importer for the GML MID data, version 2.1.1, non-directed
 * dyad-year file gml-ddy-disputes-2.1.1.csv (Gibler, Douglas M., Steven V.
 * Miller, and Erin K. Little. 2016. "An Analysis of the Militarized
 * Interstate Dispute (MID) Dataset, 1816-2001." International Studies
 * Quarterly 60(4): 719-730).
 *
 * Only dyad-years with a dispute are listed, each in both orders of (ccode1,
 * ccode2). The columns kept are those the threat measure and the dyad-year
 * `mids` family need: sides, originators, revisionism, hostility levels,
 * highest actions, onset, and the fatality levels of the dispute and of each
 * state. -9 (and "") is missing: SHI_NA_I8.
 */
#include <shi/csv.h>
#include <shi/io_conflict.h>

#include <stdlib.h>
#include <string.h>

#include "spec.h"

void shi_mid_table_destroy(shi_mid_table *t)
{
    if (!t) {
        return;
    }
    free(t->dispnum);
    free(t->ccode1);
    free(t->ccode2);
    free(t->year);
    free(t->onset);
    free(t->sidea1);
    free(t->sidea2);
    free(t->orig1);
    free(t->orig2);
    free(t->revstate1);
    free(t->revstate2);
    free(t->hostlev1);
    free(t->hostlev2);
    free(t->hiact1);
    free(t->hiact2);
    free(t->fatality);
    free(t->fatality1);
    free(t->fatality2);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

/* A small code in [lo, hi]; with `na_ok`, -9 or "" gives SHI_NA_I8. */
#define CODE(col, l, h, na_ok, msg, dst)                                                           \
    {                                                                                              \
        col, .type = SHI_I_INT, .flags = (na_ok) ? SHI_I_OPTIONAL : 0, .lo = l, .hi = h,           \
             .what = msg, .na = SHI_NA_I8, .na_code = {-9}, .nna = (na_ok) ? 1 : 0, SHI_I_TO(dst)  \
    }

shi_status shi_io_read_gml_mid(const char *path, shi_mid_table *out, shi_err *err)
{
    enum { C_DISP, C_C1, C_C2, C_YEAR, NCOLS = 18 };
    static const char *const flag = "expected 0 or 1";
    static const char *const cow = "expected a COW code 1-999";
    const shi_i_col cols[NCOLS] = {
        {"dispnum", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999999,
         .what = "expected a dispute number 1-999999", SHI_I_TO(out->dispnum)},
        {"ccode1", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999, .what = cow,
         SHI_I_TO(out->ccode1)},
        {"ccode2", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999, .what = cow,
         SHI_I_TO(out->ccode2)},
        {"year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1816, .hi = 2100,
         .what = "expected a year 1816-2100", SHI_I_TO(out->year)},
        CODE("midonset", 0, 1, 0, flag, out->onset),
        CODE("sidea1", 0, 1, 0, flag, out->sidea1),
        CODE("sidea2", 0, 1, 0, flag, out->sidea2),
        CODE("orig1", 0, 1, 0, flag, out->orig1),
        CODE("orig2", 0, 1, 0, flag, out->orig2),
        CODE("revstate1", 0, 1, 1, "expected 0, 1 or -9", out->revstate1),
        CODE("revstate2", 0, 1, 1, "expected 0, 1 or -9", out->revstate2),
        CODE("hostlev1", 1, 5, 0, "expected a hostility level 1-5", out->hostlev1),
        CODE("hostlev2", 1, 5, 0, "expected a hostility level 1-5", out->hostlev2),
        CODE("hiact1", 0, 21, 0, "expected an action code 0-21", out->hiact1),
        CODE("hiact2", 0, 21, 0, "expected an action code 0-21", out->hiact2),
        CODE("fatality", 0, 6, 1, "expected a fatality level 0-6 or -9", out->fatality),
        CODE("fatality1", 0, 6, 1, "expected a fatality level 0-6 or -9", out->fatality1),
        CODE("fatality2", 0, 6, 1, "expected a fatality level 0-6 or -9", out->fatality2),
    };
    static const char *const na[] = {"", "NA", "-9", NULL};
    shi_csv_opts o = {0};
    o.missing = na;
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_C1, NULL, 0};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &o, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, 0, C_YEAR, err)) != SHI_OK) {
            break;
        }
        if (rd.iv[C_C1] == rd.iv[C_C2]) {
            s = shi_i_bad(&rd, C_C2, "expected a state other than ccode1", err);
            break;
        }
        if ((s = shi_i_parse(&rd, C_YEAR, NCOLS, err)) != SHI_OK) {
            break;
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
