/*
 * nmc.c - importer for the COW National Material Capabilities abridged file
 * (Singer, Bremer & Stuckey 1972; NMC v6.0, Greig & Enterline 2021; v7.0, 2025).
 *
 * Units (NMC documentation): milex thousands of current US$ (v7; v6 mixes
 * current £ before 1914), milper thousands, irst thousand tons, pec thousand
 * coal-ton equivalents, tpop and upop thousands. -9 means missing and becomes
 * NaN here, never a number.
 */
#include <shi/csv.h>
#include <shi/io.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

const char *const shi_nmc_component_names[SHI_NCOMP] = {"milex", "milper", "irst",
                                                        "pec",   "tpop",   "upop"};
const double shi_nmc_component_max[SHI_NCOMP] = {1e10, 1e5, 1e7, 1e8, 1e7, 1e7};
static const char *const component_what[SHI_NCOMP] = {
    "expected 0 to 1e10 (thousand US$) or -9 (missing)",
    "expected 0 to 1e5 (thousand soldiers) or -9 (missing)",
    "expected 0 to 1e7 (thousand tons) or -9 (missing)",
    "expected 0 to 1e8 (thousand coal-ton equivalents) or -9 (missing)",
    "expected 0 to 1e7 (thousand people) or -9 (missing)",
    "expected 0 to 1e7 (thousand people) or -9 (missing)"};

void shi_nmc_table_destroy(shi_nmc_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode);
    free(t->year);
    for (int k = 0; k < SHI_NCOMP; k++) {
        free(t->comp[k]);
    }
    free(t->cinc);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_nmc(const char *path, shi_nmc_table *out, shi_err *err)
{
    enum { C_CCODE, C_YEAR, C_COMP, C_CINC = C_COMP + SHI_NCOMP, C_VERSION, NCOLS };
    static const char *const nmc_missing[] = {"-9", "", NULL};
    static const char *const nonneg = "expected a non-negative number or -9 (missing)";
    shi_i_col cols[NCOLS] = {
        [C_CCODE] = {"ccode", .type = SHI_I_INT, .lo = 1, .hi = 999,
                     .what = "expected a COW code 1-999", SHI_I_TO(out->ccode)},
        [C_YEAR] = {"year", .type = SHI_I_INT, .lo = 1816, .hi = 2100,
                    .what = "expected a year 1816-2100", SHI_I_TO(out->year)},
        [C_CINC] = {"cinc", .type = SHI_I_REAL, .flags = SHI_I_OPTIONAL, .hi = HUGE_VAL,
                    .what = nonneg, .na = (double)NAN, SHI_I_TO(out->cinc)},
        [C_VERSION] = {"version", .type = SHI_I_INT, .flags = SHI_I_OPTIONAL, .lo = -HUGE_VAL,
                       .hi = HUGE_VAL},
    };
    for (int k = 0; k < SHI_NCOMP; k++) {
        cols[C_COMP + k] = (shi_i_col){shi_nmc_component_names[k], .type = SHI_I_REAL,
                                       .flags = SHI_I_OPTIONAL,    .hi = shi_nmc_component_max[k],
                                       .what = component_what[k],  .na = (double)NAN,
                                       SHI_I_TO(out->comp[k])};
    }
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_CCODE, NULL, 0};
    shi_csv_opts o = {0};
    o.missing = nmc_missing;
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &o, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, 0, C_VERSION, err)) != SHI_OK) {
            break;
        }
        if (!rd.na[C_CINC] && rd.v[C_CINC] > 1) {
            s = shi_i_bad(&rd, C_CINC, "expected a share between 0 and 1", err);
            break;
        }
        if ((s = shi_i_parse(&rd, C_VERSION, NCOLS, err)) != SHI_OK) {
            break;
        }
        if (!rd.na[C_VERSION]) {
            out->version = (int)rd.iv[C_VERSION];
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
