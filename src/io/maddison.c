/*
 * maddison.c - importer for the Maddison Project Database 2020 (Bolt, Jutta,
 * and Jan Luiten van Zanden. 2020. "Maddison style estimates of the evolution
 * of the world economy. A new 2020 update." Groningen Growth and Development
 * Centre; CC BY 4.0).
 *
 * Two CSV exports of the same release are merged: mpd2020_gdppc.csv gives
 * GDP per capita (2011 US$) at full precision and no population;
 * mpd2020_gdppc_pop_excel-formatted.csv adds population (thousands) but is an
 * Excel export whose numbers carry thousands separators inside quotes
 * ("1,385,439") and whose gdppc is rounded. gdppc comes from the first file,
 * pop from the second, matched by (countrycode, year).
 */
#include <shi/csv.h>
#include <shi/io_econ.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

int shi_econ_parse_grouped(const char *s, double *v)
{
    const char *p = s;
    double x = 0;
    int nd = 0; /* digits in the current group */
    int grouped = 0;
    for (; *p >= '0' && *p <= '9'; p++, nd++) {
        x = x * 10 + (double)(*p - '0');
    }
    if (nd == 0) {
        return 0;
    }
    while (*p == ',') {
        if (nd > 3 && !grouped) {
            return 0; /* "1234,567" */
        }
        grouped = 1;
        p++;
        nd = 0;
        for (; *p >= '0' && *p <= '9'; p++, nd++) {
            x = x * 10 + (double)(*p - '0');
        }
        if (nd != 3) {
            return 0;
        }
    }
    if (*p == '.') {
        p++;
        double scale = 0.1;
        int nf = 0;
        for (; *p >= '0' && *p <= '9'; p++, nf++, scale /= 10) {
            x += scale * (double)(*p - '0');
        }
        if (nf == 0) {
            return 0;
        }
    }
    if (*p != '\0') {
        return 0;
    }
    *v = x;
    return 1;
}

void shi_maddison_table_destroy(shi_maddison_table *t)
{
    if (!t) {
        return;
    }
    free(t->iso3);
    free(t->year);
    free(t->gdppc);
    free(t->pop_thousands);
    free(t->kind);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

static int reserve(shi_maddison_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {SHI_COL_REF(t->iso3),  SHI_COL_REF(t->year),
                                SHI_COL_REF(t->gdppc), SHI_COL_REF(t->pop_thousands),
                                SHI_COL_REF(t->kind),  SHI_COL_REF(t->line),
                                SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 4096);
}

static int iso3_ok(const char *f)
{
    return strlen(f) == 3 && f[0] >= 'A' && f[0] <= 'Z' && f[1] >= 'A' && f[1] <= 'Z' &&
           f[2] >= 'A' && f[2] <= 'Z';
}

/* A year 1-2100 (plain digits). */
static shi_status year_at(const shi_csv *csv, long i, int32_t *y, shi_err *err)
{
    const char *f = shi_csv_field(csv, (size_t)i);
    long v = 0;
    int nd = 0;
    for (; f[nd] >= '0' && f[nd] <= '9' && nd < 5; nd++) {
        v = v * 10 + (f[nd] - '0');
    }
    if (nd == 0 || f[nd] != '\0' || v < 1 || v > 2100) {
        return shi_csv_field_error(csv, (size_t)i, err, "expected a year 1-2100");
    }
    *y = (int32_t)v;
    return SHI_OK;
}

/* A number >= 0 written with or without thousands separators, or "" (NaN). */
static shi_status grouped_at(const shi_csv *csv, long i, const char *what, double *v, shi_err *err)
{
    const char *f = shi_csv_field(csv, (size_t)i);
    if (f[0] == '\0') {
        *v = (double)NAN;
        return SHI_OK;
    }
    if (!shi_econ_parse_grouped(f, v)) {
        return shi_csv_field_error(csv, (size_t)i, err, what);
    }
    return SHI_OK;
}

static int8_t kind_of(const char *iso3)
{
    if (strcmp(iso3, "SUN") == 0 || strcmp(iso3, "CSK") == 0 || strcmp(iso3, "YUG") == 0) {
        return SHI_AREA_HISTORICAL;
    }
    return SHI_AREA_COUNTRY;
}

/* Compare row a with the key (iso3, year). */
static int cmp_key(const shi_maddison_table *t, size_t a, const char *iso3, int32_t year)
{
    int c = memcmp(t->iso3[a], iso3, 3);
    if (c != 0) {
        return c;
    }
    return (t->year[a] > year) - (t->year[a] < year);
}

/* Binary search of (iso3, year) in perm[0..m) (sorted); returns the row or -1. */
static long find_row(const shi_maddison_table *t, const size_t *perm, size_t m, const char *iso3,
                     int32_t year)
{
    size_t lo = 0, hi = m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_key(t, perm[mid], iso3, year);
        if (c == 0) {
            return (long)perm[mid];
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}

/* Sort a permutation of rows by (iso3, year); stable merge sort, because
 * qsort has no context argument in C11 and the library keeps no mutable
 * statics. */
static void msort(const shi_maddison_table *t, size_t *a, size_t *tmp, size_t m)
{
    if (m < 2) {
        return;
    }
    size_t h = m / 2;
    msort(t, a, tmp, h);
    msort(t, a + h, tmp, m - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < m) {
        if (cmp_key(t, a[j], t->iso3[a[i]], t->year[a[i]]) < 0) {
            tmp[k++] = a[j++];
        } else {
            tmp[k++] = a[i++];
        }
    }
    while (i < h) {
        tmp[k++] = a[i++];
    }
    while (j < m) {
        tmp[k++] = a[j++];
    }
    memcpy(a, tmp, m * sizeof *a);
}

static shi_status read_gdppc(const char *path, shi_maddison_table *out, shi_err *err)
{
    enum { C_CODE, C_YEAR, C_GDPPC, NCOLS };
    static const char *const cols[NCOLS] = {"countrycode", "year", "gdppc"};
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[NCOLS];
    s = shi_csv_require(csv, cols, NCOLS, idx, err);
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
        if (!iso3_ok(code)) {
            s = shi_csv_field_error(csv, (size_t)idx[C_CODE], err,
                                    "expected a country code of 3 letters A-Z");
            break;
        }
        int miss = 0;
        if ((s = year_at(csv, idx[C_YEAR], &out->year[r], err)) != SHI_OK ||
            (s = shi_csv_real(csv, (size_t)idx[C_GDPPC], &out->gdppc[r], &miss, err)) != SHI_OK) {
            break;
        }
        if (!miss && out->gdppc[r] < 0) {
            s = shi_csv_field_error(csv, (size_t)idx[C_GDPPC], err,
                                    "expected GDP per capita (0 or more) or nothing");
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_CODE], &line, &col);
        memcpy(out->iso3[r], code, 4);
        out->pop_thousands[r] = (double)NAN;
        out->kind[r] = kind_of(code);
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

static shi_status read_pop(const char *path, const char *gdppc_path, shi_maddison_table *out,
                           size_t first, shi_err *err)
{
    enum { C_CODE, C_YEAR, C_GDPPC, C_POP, NCOLS };
    static const char *const cols[NCOLS] = {"countrycode", "year", "gdppc", "pop"};
    size_t m = out->n - first;
    size_t *perm = malloc((m ? m : 1) * sizeof *perm);
    size_t *tmp = malloc((m ? m : 1) * sizeof *tmp);
    if (!perm || !tmp) {
        free(perm);
        free(tmp);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t k = 0; k < m; k++) {
        perm[k] = first + k;
    }
    msort(out, perm, tmp, m);
    free(tmp);
    shi_status s = SHI_OK;
    for (size_t k = 1; k < m; k++) {
        size_t a = perm[k - 1], b = perm[k];
        if (cmp_key(out, a, out->iso3[b], out->year[b]) == 0) {
            size_t later = a > b ? a : b, earlier = a > b ? b : a;
            s = shi_err_set_at(err, SHI_EDATA, gdppc_path, out->line[later], out->col[later],
                               "duplicate row for '%s' in %d (first at line %d)", out->iso3[later],
                               (int)out->year[later], (int)out->line[earlier]);
            break;
        }
    }
    shi_csv *csv = NULL;
    if (s == SHI_OK) {
        s = shi_csv_open(&csv, path, NULL, err);
    }
    long idx[NCOLS];
    if (s == SHI_OK) {
        s = shi_csv_require(csv, cols, NCOLS, idx, err);
    }
    size_t nread = 0;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        const char *code = shi_csv_field(csv, (size_t)idx[C_CODE]);
        int32_t year;
        if (!iso3_ok(code)) {
            s = shi_csv_field_error(csv, (size_t)idx[C_CODE], err,
                                    "expected a country code of 3 letters A-Z");
            break;
        }
        if ((s = year_at(csv, idx[C_YEAR], &year, err)) != SHI_OK) {
            break;
        }
        double g, pop;
        if ((s = grouped_at(csv, idx[C_GDPPC], "expected GDP per capita like 12,734 or nothing", &g,
                            err)) != SHI_OK ||
            (s = grouped_at(csv, idx[C_POP], "expected a population like 1,385,439 or nothing",
                            &pop, err)) != SHI_OK) {
            break;
        }
        /* The files list the same rows in the same order: try that first. */
        long r = -1;
        if (first + nread < out->n && cmp_key(out, first + nread, code, year) == 0) {
            r = (long)(first + nread);
        } else {
            r = find_row(out, perm, m, code, year);
        }
        if (r < 0) {
            char what[160];
            snprintf(what, sizeof what,
                     "no row with this countrycode and year %d in the gdppc file", (int)year);
            s = shi_csv_field_error(csv, (size_t)idx[C_CODE], err, what);
            break;
        }
        double full = out->gdppc[r];
        if (!isnan(g) && !isnan(full) && fabs(g - full) > 1.0) {
            char what[200];
            snprintf(what, sizeof what,
                     "expected the rounded gdppc of the gdppc file (%.4f at its line %d)", full,
                     (int)out->line[r]);
            s = shi_csv_field_error(csv, (size_t)idx[C_GDPPC], err, what);
            break;
        }
        out->pop_thousands[r] = pop;
        nread++;
    }
    free(perm);
    shi_csv_free(csv);
    return s;
}

shi_status shi_io_read_maddison(const char *gdppc_path, const char *pop_path,
                                shi_maddison_table *out, shi_err *err)
{
    if (!gdppc_path || !out) {
        return shi_err_set(err, SHI_EUSAGE, "shi_io_read_maddison: no gdppc file given");
    }
    size_t first = out->n;
    shi_status s = read_gdppc(gdppc_path, out, err);
    if (s == SHI_OK && pop_path) {
        s = read_pop(pop_path, gdppc_path, out, first, err);
    }
    return s;
}
