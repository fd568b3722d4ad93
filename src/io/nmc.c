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

#include "../core/mem.h"

const char *const shi_nmc_component_names[SHI_NCOMP] = {"milex", "milper", "irst",
                                                        "pec",   "tpop",   "upop"};

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

static int reserve(shi_nmc_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    shi_col_ref cols[5 + SHI_NCOMP];
    size_t n = 0;
    cols[n++] = SHI_COL_REF(t->ccode);
    cols[n++] = SHI_COL_REF(t->year);
    for (int k = 0; k < SHI_NCOMP; k++) {
        cols[n++] = SHI_COL_REF(t->comp[k]);
    }
    cols[n++] = SHI_COL_REF(t->cinc);
    cols[n++] = SHI_COL_REF(t->line);
    cols[n++] = SHI_COL_REF(t->col);
    return shi_grow_columns(cols, n, &t->cap, need, 1024);
}

static shi_status nonneg_real(const shi_csv *csv, long i, double *v, shi_err *err)
{
    int miss = 0;
    shi_status s = shi_csv_real(csv, (size_t)i, v, &miss, err);
    if (s != SHI_OK) {
        return s;
    }
    if (!miss && *v < 0) {
        return shi_csv_field_error(csv, (size_t)i, err,
                                   "expected a non-negative number or -9 (missing)");
    }
    return SHI_OK;
}

shi_status shi_io_read_nmc(const char *path, shi_nmc_table *out, shi_err *err)
{
    static const char *const cols[] = {"ccode", "year", "milex", "milper", "irst",
                                       "pec",   "tpop", "upop",  "cinc",   "version"};
    static const char *const nmc_missing[] = {"-9", "", NULL};
    shi_csv_opts o = {0};
    o.missing = nmc_missing;
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, &o, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[10];
    s = shi_csv_require(csv, cols, 10, idx, err);
    size_t first = out->n;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (reserve(out, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        size_t r = out->n;
        int64_t cc, yr, ver;
        int miss = 0;
        if ((s = shi_csv_int(csv, (size_t)idx[0], &cc, &miss, err)) != SHI_OK) {
            break;
        }
        if (miss || cc < 1 || cc > 999) {
            s = shi_csv_field_error(csv, (size_t)idx[0], err, "expected a COW code 1-999");
            break;
        }
        if ((s = shi_csv_int(csv, (size_t)idx[1], &yr, &miss, err)) != SHI_OK) {
            break;
        }
        if (miss || yr < 1816 || yr > 2100) {
            s = shi_csv_field_error(csv, (size_t)idx[1], err, "expected a year 1816-2100");
            break;
        }
        for (int k = 0; k < SHI_NCOMP && s == SHI_OK; k++) {
            s = nonneg_real(csv, idx[2 + k], &out->comp[k][r], err);
        }
        if (s != SHI_OK || (s = nonneg_real(csv, idx[8], &out->cinc[r], err)) != SHI_OK) {
            break;
        }
        if (!isnan(out->cinc[r]) && out->cinc[r] > 1) {
            s = shi_csv_field_error(csv, (size_t)idx[8], err, "expected a share between 0 and 1");
            break;
        }
        if ((s = shi_csv_int(csv, (size_t)idx[9], &ver, &miss, err)) != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[0], &line, &col);
        out->ccode[r] = (int32_t)cc;
        out->year[r] = (int32_t)yr;
        out->line[r] = (int32_t)line;
        out->col[r] = (int32_t)col;
        if (!miss) {
            out->version = (int)ver;
        }
        out->n++;
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, path, 2, 0, "no records after the header");
    }
    shi_csv_free(csv);
    return s;
}
