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

#include "../core/mem.h"
#include "fields.h"

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

static int reserve(shi_contig_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {SHI_COL_REF(t->ccode1), SHI_COL_REF(t->ccode2),
                                SHI_COL_REF(t->year),   SHI_COL_REF(t->conttype),
                                SHI_COL_REF(t->line),   SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

/* An integer field that must be present and within [lo, hi]; `what` names the
 * expectation, e.g. "expected a COW code 1-999". */
shi_status shi_io_read_contiguity(const char *path, shi_contig_table *out, shi_err *err)
{
    static const char *const cols[] = {"state1no", "state2no", "year", "conttype", "version"};
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[5];
    s = shi_csv_require(csv, cols, 5, idx, err);
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
        int64_t c1, c2, yr, ct;
        if ((s = shi_i_int_in(csv, idx[0], 1, 999, "expected a COW code 1-999", &c1, err)) !=
                SHI_OK ||
            (s = shi_i_int_in(csv, idx[1], 1, 999, "expected a COW code 1-999", &c2, err)) !=
                SHI_OK ||
            (s = shi_i_int_in(csv, idx[2], 1816, 2100, "expected a year 1816-2100", &yr, err)) !=
                SHI_OK ||
            (s = shi_i_int_in(csv, idx[3], 1, 5, "expected a contiguity type 1-5", &ct, err)) !=
                SHI_OK) {
            break;
        }
        if (c1 == c2) {
            s = shi_csv_field_error(csv, (size_t)idx[1], err,
                                    "expected a state other than state1no");
            break;
        }
        const char *ver = shi_csv_field(csv, (size_t)idx[4]);
        if (strlen(ver) >= sizeof out->version) {
            s = shi_csv_field_error(csv, (size_t)idx[4], err, "expected a version number");
            break;
        }
        size_t r = out->n;
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[0], &line, &col);
        out->ccode1[r] = (int32_t)c1;
        out->ccode2[r] = (int32_t)c2;
        out->year[r] = (int32_t)yr;
        out->conttype[r] = (int8_t)ct;
        out->line[r] = (int32_t)line;
        out->col[r] = (int32_t)col;
        if (ver[0] && strcmp(out->version, ver) != 0) {
            snprintf(out->version, sizeof out->version, "%s", ver);
        }
        out->n++;
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, path, 2, 0, "no records after the header");
    }
    shi_csv_free(csv);
    return s;
}
