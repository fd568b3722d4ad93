/*
 * mid.c - importer for the GML MID data, version 2.1.1, non-directed
 * dyad-year file gml-ddy-disputes-2.1.1.csv (Gibler, Douglas M., Steven V.
 * Miller, and Erin K. Little. 2016. "An Analysis of the Militarized
 * Interstate Dispute (MID) Dataset, 1816-2001." International Studies
 * Quarterly 60(4): 719-730).
 *
 * Only dyad-years with a dispute are listed, each in both orders of (ccode1,
 * ccode2). The columns kept are those a threat measure needs: sides,
 * originators, revisionism, hostility levels, highest actions, onset and
 * the dispute's fatality level. -9 (and "") is missing: SHI_NA8.
 */
#include <shi/csv.h>
#include <shi/io_more.h>

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fields.h"

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
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

static int reserve(shi_mid_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {
        SHI_COL_REF(t->dispnum),   SHI_COL_REF(t->ccode1),    SHI_COL_REF(t->ccode2),
        SHI_COL_REF(t->year),      SHI_COL_REF(t->onset),     SHI_COL_REF(t->sidea1),
        SHI_COL_REF(t->sidea2),    SHI_COL_REF(t->orig1),     SHI_COL_REF(t->orig2),
        SHI_COL_REF(t->revstate1), SHI_COL_REF(t->revstate2), SHI_COL_REF(t->hostlev1),
        SHI_COL_REF(t->hostlev2),  SHI_COL_REF(t->hiact1),    SHI_COL_REF(t->hiact2),
        SHI_COL_REF(t->fatality),  SHI_COL_REF(t->line),      SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

/* A small code in [lo, hi]; with `na_ok`, -9 or "" gives SHI_NA8. */
static shi_status code_at(const shi_csv *csv, long i, long lo, long hi, int na_ok, const char *what,
                          int8_t *v, shi_err *err)
{
    int64_t x;
    int miss = 0;
    if (!shi_i_plain_int(shi_csv_field(csv, (size_t)i), &x, 9)) {
        shi_status s = shi_csv_int(csv, (size_t)i, &x, &miss, err);
        if (s != SHI_OK) {
            return s;
        }
    }
    if (na_ok && (miss || x == -9)) {
        *v = SHI_NA8;
        return SHI_OK;
    }
    if (miss || x < lo || x > hi) {
        return shi_csv_field_error(csv, (size_t)i, err, what);
    }
    *v = (int8_t)x;
    return SHI_OK;
}

shi_status shi_io_read_gml_mid(const char *path, shi_mid_table *out, shi_err *err)
{
    enum {
        C_DISP,
        C_C1,
        C_C2,
        C_YEAR,
        C_ONSET,
        C_SIDEA1,
        C_SIDEA2,
        C_ORIG1,
        C_ORIG2,
        C_REV1,
        C_REV2,
        C_HOST1,
        C_HOST2,
        C_HIACT1,
        C_HIACT2,
        C_FATAL,
        NCOLS
    };
    static const char *const cols[NCOLS] = {"dispnum",  "ccode1",    "ccode2",    "year",
                                            "midonset", "sidea1",    "sidea2",    "orig1",
                                            "orig2",    "revstate1", "revstate2", "hostlev1",
                                            "hostlev2", "hiact1",    "hiact2",    "fatality"};
    static const char *const na[] = {"", "NA", "-9", NULL};
    shi_csv_opts o = {0};
    o.missing = na;
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, &o, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[NCOLS];
    s = shi_csv_require(csv, cols, NCOLS, idx, err);
    size_t first = out->n;
    static const char *const flag = "expected 0 or 1";
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
        int64_t dn, c1, c2, yr;
        if ((s = shi_i_int_in(csv, idx[C_DISP], 1, 999999, "expected a dispute number 1-999999",
                              &dn, err)) != SHI_OK ||
            (s = shi_i_int_in(csv, idx[C_C1], 1, 999, "expected a COW code 1-999", &c1, err)) !=
                SHI_OK ||
            (s = shi_i_int_in(csv, idx[C_C2], 1, 999, "expected a COW code 1-999", &c2, err)) !=
                SHI_OK) {
            break;
        }
        if (c1 == c2) {
            s = shi_csv_field_error(csv, (size_t)idx[C_C2], err,
                                    "expected a state other than ccode1");
            break;
        }
        if ((s = shi_i_int_in(csv, idx[C_YEAR], 1816, 2100, "expected a year 1816-2100", &yr,
                              err)) != SHI_OK ||
            (s = code_at(csv, idx[C_ONSET], 0, 1, 0, flag, &out->onset[r], err)) != SHI_OK ||
            (s = code_at(csv, idx[C_SIDEA1], 0, 1, 0, flag, &out->sidea1[r], err)) != SHI_OK ||
            (s = code_at(csv, idx[C_SIDEA2], 0, 1, 0, flag, &out->sidea2[r], err)) != SHI_OK ||
            (s = code_at(csv, idx[C_ORIG1], 0, 1, 0, flag, &out->orig1[r], err)) != SHI_OK ||
            (s = code_at(csv, idx[C_ORIG2], 0, 1, 0, flag, &out->orig2[r], err)) != SHI_OK ||
            (s = code_at(csv, idx[C_REV1], 0, 1, 1, "expected 0, 1 or -9", &out->revstate1[r],
                         err)) != SHI_OK ||
            (s = code_at(csv, idx[C_REV2], 0, 1, 1, "expected 0, 1 or -9", &out->revstate2[r],
                         err)) != SHI_OK ||
            (s = code_at(csv, idx[C_HOST1], 1, 5, 0, "expected a hostility level 1-5",
                         &out->hostlev1[r], err)) != SHI_OK ||
            (s = code_at(csv, idx[C_HOST2], 1, 5, 0, "expected a hostility level 1-5",
                         &out->hostlev2[r], err)) != SHI_OK ||
            (s = code_at(csv, idx[C_HIACT1], 0, 21, 0, "expected an action code 0-21",
                         &out->hiact1[r], err)) != SHI_OK ||
            (s = code_at(csv, idx[C_HIACT2], 0, 21, 0, "expected an action code 0-21",
                         &out->hiact2[r], err)) != SHI_OK ||
            (s = code_at(csv, idx[C_FATAL], 0, 6, 1, "expected a fatality level 0-6 or -9",
                         &out->fatality[r], err)) != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_C1], &line, &col);
        out->dispnum[r] = (int32_t)dn;
        out->ccode1[r] = (int32_t)c1;
        out->ccode2[r] = (int32_t)c2;
        out->year[r] = (int32_t)yr;
        out->line[r] = (int32_t)line;
        out->col[r] = (int32_t)col;
        out->n++;
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, path, 2, 0, "no records after the header");
    }
    shi_csv_free(csv);
    return s;
}
