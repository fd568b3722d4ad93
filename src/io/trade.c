/*
 * trade.c - importers for the Correlates of War Trade data set, version 4.0
 * (Barbieri, Katherine, and Omar M. G. Omar Keshk. 2016. Correlates of War
 * Project Trade Data Set Codebook, Version 4.0; Barbieri, Keshk & Pollins
 * 2009, "Trading Data: Evaluating our Assumptions and Coding Rules", CMPS
 * 26(5): 471-491).
 *
 * National_COW_4.0.csv: one row per state-year, imports and exports in
 * current million USD; missing is an empty field.
 * dyadic_trade_ndy_*_rounded.csv[.gz]: non-directed dyad-years (ccode1 <
 * ccode2) from peacesciencer's cow_trade_ndy, flows rounded to whole million
 * USD, -9 missing. The full file is gzip-compressed: gz.c inflates it into
 * memory, so messages still name the .gz file and count lines of its
 * uncompressed text.
 */
#include <shi/csv.h>
#include <shi/io_trade.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gz.h"

static const char *const trade_na[] = {"", "NA", "-9", NULL};

/* A flow in million USD: 0-1e8, or missing (NaN) for "", "NA" and -9. The
 * bound is plausibility (issue 20, defect 6): COW trade 4.0's largest national
 * flow is 2.8e6, its largest dyadic flow 4.7e5. */
#define FLOW(col, dst)                                                                             \
    {                                                                                              \
        col, .type = SHI_I_REAL, .flags = SHI_I_OPTIONAL | SHI_I_INTS, .lo = 0, .hi = 1e8,         \
             .what = "expected a trade flow 0-1e8 (million US$) or -9 for missing",                \
             .na = (double)NAN, .na_code = {-9}, .nna = 1, SHI_I_TO(dst)                           \
    }
#define COW(col, dst)                                                                              \
    {                                                                                              \
        col, .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,                            \
             .what = "expected a COW code 1-999", SHI_I_TO(dst)                                    \
    }
#define YEAR(dst)                                                                                  \
    {                                                                                              \
        "year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1800, .hi = 2100,                     \
                .what = "expected a year 1800-2100", SHI_I_TO(dst)                                 \
    }

/* ---- national totals ----------------------------------------------------- */

void shi_trade_nat_table_destroy(shi_trade_nat_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode);
    free(t->year);
    free(t->imports);
    free(t->exports);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_cow_trade_national(const char *path, shi_trade_nat_table *out, shi_err *err)
{
    const shi_i_col cols[] = {COW("ccode", out->ccode), YEAR(out->year),
                              FLOW("imports", out->imports), FLOW("exports", out->exports)};
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, 0, NULL, 0};
    shi_csv_opts o = {0};
    o.missing = trade_na;
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &o, cols, sizeof cols / sizeof cols[0], &dest, err);
    return shi_i_read_all(&rd, s, err);
}

/* ---- dyadic flows -------------------------------------------------------- */

void shi_trade_dyad_table_destroy(shi_trade_dyad_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode1);
    free(t->ccode2);
    free(t->year);
    free(t->flow1);
    free(t->flow2);
    free(t->smooth1);
    free(t->smooth2);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_cow_trade_dyadic(const char *path, shi_trade_dyad_table *out, shi_err *err)
{
    enum { C_C1, C_C2, C_YEAR, NCOLS = 7 };
    const shi_i_col cols[NCOLS] = {
        COW("ccode1", out->ccode1),
        COW("ccode2", out->ccode2),
        YEAR(out->year),
        FLOW("flow1", out->flow1),
        FLOW("flow2", out->flow2),
        FLOW("smoothflow1", out->smooth1),
        FLOW("smoothflow2", out->smooth2),
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_C1, NULL, 0};
    shi_csv_opts o = {0};
    o.missing = trade_na;
    shi_i_reader rd;
    char *data = NULL;
    shi_status s = shi_i_open_gz(&rd, path, &o, cols, NCOLS, &dest, &data, err);
    s = shi_i_read_nondirected(&rd, s, NCOLS, NULL, err);
    free(data);
    return s;
}
