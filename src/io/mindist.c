/*
 * mindist.c - importer for the minimum distances between states of cshapes
 * 2.0 (Schvitz, Guy, Luc Girardin, Seraina Ruegger, Nils B. Weidmann,
 * Lars-Erik Cederman and Kristian Skrede Gleditsch. 2022. "Mapping the
 * International System, 1886-2019: The CShapes 2.0 Dataset". Journal of
 * Conflict Resolution 66(1): 144-161), as peacesciencer's cow_mindist:
 * non-directed dyad-years (ccode1 < ccode2) of COW states, the shortest
 * distance in kilometres between their territories on 1 January of the year,
 * 0 where they touch, 1886-2019.
 *
 * "", "NA" and -9 are missing (NaN), never 0: a zero is contiguity. Whether a
 * code is a state is the panel's check (data_relations.c), which keeps each
 * row's positions for it.
 */
#include <shi/csv.h>
#include <shi/io_dyad.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gz.h"

static const char *const mindist_na[] = {"", "NA", "-9", NULL};

void shi_mindist_table_destroy(shi_mindist_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode1);
    free(t->ccode2);
    free(t->year);
    free(t->km);
    free(t->line);
    free(t->col);
    free(t->col2);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_mindist(const char *path, shi_mindist_table *out, shi_err *err)
{
    enum { C_C1, C_C2, C_YEAR, C_KM, NCOLS };
    const shi_i_col cols[NCOLS] = {
        {"ccode1", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,
         .what = "expected a COW code 1-999", SHI_I_TO(out->ccode1)},
        {"ccode2", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,
         .what = "expected a COW code 1-999", SHI_I_TO(out->ccode2)},
        {"year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1816, .hi = 2100,
         .what = "expected a year 1816-2100", SHI_I_TO(out->year)},
        {"mindist", .type = SHI_I_REAL, .flags = SHI_I_OPTIONAL, .lo = 0, .hi = 20100,
         .what = "expected a distance 0-20100 km or NA", .na = (double)NAN, SHI_I_TO(out->km)},
    };
    const shi_col_ref extra[] = {{(void **)&out->col2, sizeof *out->col2}};
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_C1, extra, 1};
    shi_csv_opts o = {0};
    o.missing = mindist_na;
    shi_i_reader rd;
    char *data = NULL;
    shi_status s = shi_i_open_gz(&rd, path, &o, cols, NCOLS, &dest, &data, err);
    s = shi_i_read_nondirected(&rd, s, NCOLS, &out->col2, err);
    free(data);
    return s;
}
