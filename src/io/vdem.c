/*
 * vdem.c - importer for the V-Dem electoral democracy index, v2x_polyarchy
 * (Coppedge, Michael, et al. 2020. V-Dem Country-Year Dataset v10. Varieties
 * of Democracy Project; Teorell et al. 2019 for the index), as the extract
 * vdem-poly.csv with columns year, COWcode, v2x_polyarchy.
 *
 * V-Dem lists some units that have no COW code (Palestine, Zanzibar,
 * Somaliland ...): their rows have an empty COWcode and are passed over,
 * since no COW state-year can take them. Every other row must have a COW
 * code 1-999, a year 1700-2100 and an index in [0, 1] (or empty: missing).
 */
#include <shi/csv.h>
#include <shi/io_national.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

void shi_vdem_table_destroy(shi_vdem_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode);
    free(t->year);
    free(t->polyarchy);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_vdem(const char *path, shi_vdem_table *out, shi_err *err)
{
    enum { C_YEAR, C_CCODE, C_POLY, NCOLS };
    const shi_i_col cols[NCOLS] = {
        {"year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1700, .hi = 2100,
         .what = "expected a year 1700-2100", SHI_I_TO(out->year)},
        {"COWcode", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,
         .what = "expected a COW code 1-999", SHI_I_TO(out->ccode)},
        {"v2x_polyarchy", .type = SHI_I_REAL, .flags = SHI_I_OPTIONAL, .lo = 0, .hi = 1,
         .na = (double)NAN, .what = "expected an index in [0, 1] or nothing",
         SHI_I_TO(out->polyarchy)},
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_CCODE, NULL, 0};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        if (shi_i_text(&rd, C_CCODE)[0] == '\0') {
            continue; /* a V-Dem unit without a COW code */
        }
        if ((s = shi_i_parse(&rd, 0, NCOLS, err)) != SHI_OK) {
            break;
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
