/*
 * contiguity.c - importer for the COW Direct Contiguity data v3.2, directed
 * dyad-year file contdird.csv (Stinnett, Tir, Schafer, Diehl & Gochman 2002,
 * "The Correlates of War Project Direct Contiguity Data, Version 3",
 * Conflict Management and Peace Science 19(2): 58-66).
 *
 * Only contiguous dyads are listed. conttype: 1 land border, 2 separated by
 * 12 miles of water or less, 3 by 24, 4 by 150, 5 by 400 miles or less.
 */
#include <shi/csv.h>
#include <shi/io_dyad.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

void shi_contig_table_destroy(shi_contig_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode1);
    free(t->ccode2);
    free(t->year);
    free(t->conttype);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_contiguity(const char *path, shi_contig_table *out, shi_err *err)
{
    enum { C_C1, C_C2, C_YEAR, C_TYPE, C_VERSION, NCOLS };
    const shi_i_col cols[NCOLS] = {
        {"state1no", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,
         .what = "expected a COW code 1-999", SHI_I_TO(out->ccode1)},
        {"state2no", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,
         .what = "expected a COW code 1-999", SHI_I_TO(out->ccode2)},
        {"year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1816, .hi = 2100,
         .what = "expected a year 1816-2100", SHI_I_TO(out->year)},
        {"conttype", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 5,
         .what = "expected a contiguity type 1-5", SHI_I_TO(out->conttype)},
        {"version", .type = SHI_I_TEXT, .lo = 0, .hi = sizeof out->version - 1,
         .what = "expected a version number"},
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_C1, NULL, 0};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, 0, C_VERSION, err)) != SHI_OK) {
            break;
        }
        if (rd.iv[C_C1] == rd.iv[C_C2]) {
            s = shi_i_bad(&rd, C_C2, "expected a state other than state1no", err);
            break;
        }
        if ((s = shi_i_parse(&rd, C_VERSION, NCOLS, err)) != SHI_OK) {
            break;
        }
        const char *ver = shi_i_text(&rd, C_VERSION);
        if (ver[0] && strcmp(out->version, ver) != 0) {
            snprintf(out->version, sizeof out->version, "%s", ver);
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
