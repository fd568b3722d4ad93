/*
 * capitals.c - importer for capital cities with dates and coordinates,
 * cow_capitals_peacesciencer.csv (Miller 2022, "peacesciencer: An R Package
 * for Quantitative Peace Science Research", Conflict Management and Peace
 * Science 39(6): 755-779; capitals coded by Miller, geocoded with
 * OpenStreetMap Nominatim).
 *
 * One row per capital spell: ccode, statenme, capital, stdate, enddate (ISO
 * dates YYYY-MM-DD), lat, lng. The coordinates are geocoder output and can be
 * 0.1-0.3 degrees from a city's centre (Beijing is 40.19 N).
 */
#include <shi/csv.h>
#include <shi/io_dyad.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

void shi_capital_table_destroy(shi_capital_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode);
    free(t->start);
    free(t->end);
    free(t->lat);
    free(t->lon);
    free(t->name);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

static int reserve(shi_capital_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {SHI_COL_REF(t->ccode), SHI_COL_REF(t->start), SHI_COL_REF(t->end),
                                SHI_COL_REF(t->lat),   SHI_COL_REF(t->lon),   SHI_COL_REF(t->name),
                                SHI_COL_REF(t->line),  SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 256);
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Parse an ISO date "YYYY-MM-DD" (exactly that form) that exists in the
 * Gregorian calendar, with the year in 1800-2100, into yyyymmdd. */
static int parse_iso_date(const char *f, int32_t *out)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int k = 0; k < 10; k++) {
        int dash = k == 4 || k == 7;
        if (dash ? f[k] != '-' : (f[k] < '0' || f[k] > '9')) {
            return -1;
        }
    }
    if (f[10] != '\0') {
        return -1;
    }
    int y = (f[0] - '0') * 1000 + (f[1] - '0') * 100 + (f[2] - '0') * 10 + (f[3] - '0');
    int m = (f[5] - '0') * 10 + (f[6] - '0');
    int d = (f[8] - '0') * 10 + (f[9] - '0');
    if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1) {
        return -1;
    }
    if (d > mdays[m - 1] + (m == 2 && is_leap(y))) {
        return -1;
    }
    *out = (int32_t)(y * 10000 + m * 100 + d);
    return 0;
}

static shi_status date_at(const shi_csv *csv, long i, int32_t *v, shi_err *err)
{
    if (parse_iso_date(shi_csv_field(csv, (size_t)i), v) != 0) {
        return shi_csv_field_error(csv, (size_t)i, err,
                                   "expected a calendar date YYYY-MM-DD in 1800-2100");
    }
    return SHI_OK;
}

static shi_status real_in(const shi_csv *csv, long i, double lo, double hi, const char *what,
                          double *v, shi_err *err)
{
    int miss = 0;
    shi_status s = shi_csv_real(csv, (size_t)i, v, &miss, err);
    if (s != SHI_OK) {
        return s;
    }
    if (miss || *v < lo || *v > hi) {
        return shi_csv_field_error(csv, (size_t)i, err, what);
    }
    return SHI_OK;
}

shi_status shi_io_read_capitals(const char *path, shi_capital_table *out, shi_err *err)
{
    static const char *const cols[] = {"ccode", "capital", "stdate", "enddate", "lat", "lng"};
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[6];
    s = shi_csv_require(csv, cols, 6, idx, err);
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
        int64_t cc;
        int miss = 0;
        if ((s = shi_csv_int(csv, (size_t)idx[0], &cc, &miss, err)) != SHI_OK) {
            break;
        }
        if (miss || cc < 1 || cc > 999) {
            s = shi_csv_field_error(csv, (size_t)idx[0], err, "expected a COW code 1-999");
            break;
        }
        const char *name = shi_csv_field(csv, (size_t)idx[1]);
        size_t len = strlen(name);
        if (len == 0 || len >= SHI_CAPITAL_NAME_MAX) {
            s = shi_csv_field_error(csv, (size_t)idx[1], err,
                                    "expected a capital's name of 1-63 bytes");
            break;
        }
        if ((s = date_at(csv, idx[2], &out->start[r], err)) != SHI_OK ||
            (s = date_at(csv, idx[3], &out->end[r], err)) != SHI_OK) {
            break;
        }
        if (out->end[r] < out->start[r]) {
            s = shi_csv_field_error(csv, (size_t)idx[3], err,
                                    "expected an end date not before stdate");
            break;
        }
        if ((s = real_in(csv, idx[4], -90, 90, "expected a latitude in [-90, 90]", &out->lat[r],
                         err)) != SHI_OK ||
            (s = real_in(csv, idx[5], -180, 180, "expected a longitude in [-180, 180]",
                         &out->lon[r], err)) != SHI_OK) {
            break;
        }
        memcpy(out->name[r], name, len + 1);
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[0], &line, &col);
        out->ccode[r] = (int32_t)cc;
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
