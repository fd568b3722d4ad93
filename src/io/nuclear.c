/*
 * nuclear.c - importer for Our World in Data's nuclear-weapons country-year
 * file (OWID, Bastian Herre, "Nuclear Weapons",
 * https://ourworldindata.org/nuclear-weapons): status after Bleek, Philipp C.
 * 2017, "When Did (and Didn't) States Proliferate? Chronicling the Spread of
 * Nuclear Weapons", Belfer Center discussion paper, extended by OWID; tests;
 * stockpiles from the Federation of American Scientists.
 *
 * Rows are keyed by OWID's Code (ISO 3166 alpha-3, OWID_xxx, or empty); the
 * caller maps ISO3 to COW codes with the state registry. Status 3 means the
 * country possessed nuclear weapons that year.
 */
#include <shi/csv.h>
#include <shi/io_more.h>

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fields.h"

void shi_nuclear_table_destroy(shi_nuclear_table *t)
{
    if (!t) {
        return;
    }
    free(t->iso3);
    free(t->name);
    free(t->year);
    free(t->status);
    free(t->tests);
    free(t->stockpile);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

static int reserve(shi_nuclear_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {SHI_COL_REF(t->iso3),  SHI_COL_REF(t->name),
                                SHI_COL_REF(t->year),  SHI_COL_REF(t->status),
                                SHI_COL_REF(t->tests), SHI_COL_REF(t->stockpile),
                                SHI_COL_REF(t->line),  SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

/* A count >= 0, or -1 when the field is empty. */
static shi_status count_at(const shi_csv *csv, long i, const char *what, int32_t *v, shi_err *err)
{
    int64_t x;
    int miss = 0;
    if (!shi_i_plain_int(shi_csv_field(csv, (size_t)i), &x, 9)) {
        shi_status s = shi_csv_int(csv, (size_t)i, &x, &miss, err);
        if (s != SHI_OK) {
            return s;
        }
    }
    if (miss) {
        *v = -1;
        return SHI_OK;
    }
    if (x < 0 || x > 1000000) {
        return shi_csv_field_error(csv, (size_t)i, err, what);
    }
    *v = (int32_t)x;
    return SHI_OK;
}

/* OWID's Code: "", or letters, digits and '_' shorter than SHI_NUC_CODE_MAX. */
static int code_ok(const char *f)
{
    size_t n = strlen(f);
    if (n >= SHI_NUC_CODE_MAX) {
        return 0;
    }
    for (size_t k = 0; k < n; k++) {
        char c = f[k];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_')) {
            return 0;
        }
    }
    return 1;
}

shi_status shi_io_read_nuclear_status(const char *path, shi_nuclear_table *out, shi_err *err)
{
    enum { C_CODE, C_YEAR, C_STATUS, C_TESTS, C_STOCK, NCOLS };
    static const char *const cols[NCOLS] = {"Code", "Year", "nuclear_weapons_status",
                                            "nuclear_weapons_tests", "nuclear_weapons_stockpile"};
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[NCOLS];
    s = shi_csv_require(csv, cols, NCOLS, idx, err);
    long iname = shi_csv_find(csv, "Admin");
    if (iname < 0) {
        iname = shi_csv_find(csv, "Entity");
    }
    if (s == SHI_OK && iname < 0) {
        s = shi_err_set_at(err, SHI_EDATA, shi_csv_name(csv), 1, 1,
                           "missing column 'Admin' (or 'Entity') in the header");
    }
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
        const char *code = shi_csv_field(csv, (size_t)idx[C_CODE]);
        if (!code_ok(code)) {
            s = shi_csv_field_error(csv, (size_t)idx[C_CODE], err,
                                    "expected an ISO3 or OWID code (letters, digits, '_', at "
                                    "most 11) or nothing");
            break;
        }
        const char *name = shi_csv_field(csv, (size_t)iname);
        if (name[0] == '\0' || strlen(name) >= SHI_NUC_NAME_MAX) {
            s = shi_csv_field_error(csv, (size_t)iname, err,
                                    "expected a country name of 1-63 bytes");
            break;
        }
        int64_t yr, st;
        if ((s = shi_i_int_in(csv, idx[C_YEAR], 1900, 2100, "expected a year 1900-2100", &yr,
                              err)) != SHI_OK ||
            (s = shi_i_int_in(csv, idx[C_STATUS], 0, 3, "expected a nuclear status 0-3", &st,
                              err)) != SHI_OK ||
            (s = count_at(csv, idx[C_TESTS], "expected a number of tests (0 or more) or nothing",
                          &out->tests[r], err)) != SHI_OK ||
            (s = count_at(csv, idx[C_STOCK], "expected a number of warheads (0 or more) or nothing",
                          &out->stockpile[r], err)) != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_CODE], &line, &col);
        memcpy(out->iso3[r], code, strlen(code) + 1);
        memcpy(out->name[r], name, strlen(name) + 1);
        out->year[r] = (int32_t)yr;
        out->status[r] = (int8_t)st;
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
