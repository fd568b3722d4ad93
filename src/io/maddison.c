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

#include "fields.h"
#include "spec.h"

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

/* A year of plain digits (at most five), range-checked by its spec. */
static int year_digits(const char *f, double *y)
{
    long v = 0;
    int nd = 0;
    for (; f[nd] >= '0' && f[nd] <= '9' && nd < 5; nd++) {
        v = v * 10 + (f[nd] - '0');
    }
    if (nd == 0 || f[nd] != '\0') {
        return 0;
    }
    *y = (double)v;
    return 1;
}

/* The two files' key columns, countrycode and year. */
#define CODE_COL(dst)                                                                              \
    {                                                                                              \
        "countrycode", .type = SHI_I_TEXT, .lo = 3, .hi = 3, .valid = shi_i_upper3,                \
                       .what = "expected a country code of 3 letters A-Z", dst                     \
    }
#define YEAR_COL(dst)                                                                              \
    {                                                                                              \
        "year", .type = SHI_I_CUSTOM, .lo = 1, .hi = 2100, .parse = year_digits,                   \
                .what = "expected a year 1-2100", dst                                              \
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
    const shi_i_col cols[] = {
        CODE_COL(SHI_I_TO(out->iso3)),
        YEAR_COL(SHI_I_TO(out->year)),
        {"gdppc", .type = SHI_I_REAL, .flags = SHI_I_OPTIONAL, .lo = 0, .hi = HUGE_VAL,
         .na = (double)NAN, .what = "expected GDP per capita (0 or more) or nothing",
         SHI_I_TO(out->gdppc)},
    };
    const shi_col_ref extra[] = {SHI_COL_REF(out->pop_thousands), SHI_COL_REF(out->kind)};
    const shi_i_dest dest = {&out->n, &out->cap, 4096, &out->line, &out->col, 0, extra, 2};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, sizeof cols / sizeof cols[0], &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        size_t r = shi_i_at(&rd);
        out->pop_thousands[r] = (double)NAN;
        out->kind[r] = kind_of(out->iso3[r]);
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}

static shi_status read_pop(const char *path, const char *gdppc_path, shi_maddison_table *out,
                           size_t first, shi_err *err)
{
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
    enum { C_CODE, C_YEAR, C_GDPPC, C_POP, NCOLS };
    /* The rows go to the gdppc file's table, found by key: the reader fills none. */
    const shi_i_col cols[NCOLS] = {
        CODE_COL(.dst = NULL),
        YEAR_COL(.dst = NULL),
        {"gdppc", .type = SHI_I_CUSTOM, .flags = SHI_I_OPTIONAL, .lo = 0, .hi = HUGE_VAL,
         .parse = shi_econ_parse_grouped, .what = "expected GDP per capita like 12,734 or nothing"},
        {"pop", .type = SHI_I_CUSTOM, .flags = SHI_I_OPTIONAL, .lo = 0, .hi = HUGE_VAL,
         .parse = shi_econ_parse_grouped,
         .what = "expected a population like 1,385,439 or nothing"},
    };
    shi_i_reader rd = {0};
    if (s == SHI_OK) {
        s = shi_i_open(&rd, path, NULL, cols, NCOLS, NULL, err);
    }
    size_t nread = 0;
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        const char *code = shi_i_text(&rd, C_CODE);
        int32_t year = (int32_t)rd.v[C_YEAR];
        double g = rd.v[C_GDPPC], pop = rd.v[C_POP];
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
            s = shi_i_bad(&rd, C_CODE, what, err);
            break;
        }
        double full = out->gdppc[r];
        if (!isnan(g) && !isnan(full) && fabs(g - full) > 1.0) {
            char what[200];
            snprintf(what, sizeof what,
                     "expected the rounded gdppc of the gdppc file (%.4f at its line %d)", full,
                     (int)out->line[r]);
            s = shi_i_bad(&rd, C_GDPPC, what, err);
            break;
        }
        out->pop_thousands[r] = pop;
        nread++;
    }
    free(perm);
    return shi_i_close(&rd, s, err);
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
