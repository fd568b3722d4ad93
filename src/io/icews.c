/*
 * icews.c - importers for ICEWS event counts and the CAMEO/Goldstein lookup.
 *
 * ICEWS: Boschee, Elizabeth, Jennifer Lautenschlager, Sean O'Brien, Steve
 * Shellman, James Starz, and Michael Ward. 2015. "ICEWS Coded Event Data."
 * Harvard Dataverse, doi:10.7910/DVN/28075; aggregated to directed
 * dyad-years of CAMEO quad-class counts by Cassy Dorff and Shahryar Minhas in
 * the R package netify (data `icews`), icews_dyad_year_2002-2014.csv.
 *
 * CAMEO/Goldstein: Goldstein, Joshua S. 1992. "A Conflict-Cooperation Scale
 * for WEIS Events Data." Journal of Conflict Resolution 36(2): 369-385, as
 * mapped to CAMEO codes (Schrodt 2012, CAMEO codebook) in GDELT's lookup
 * CAMEO.goldsteinscale.txt (tab-separated; codes are strings).
 *
 * The dyad-year file has only quad-class counts, so a Goldstein-weighted
 * score can only be approximated: shi_cameo_quad_weights gives each class the
 * mean Goldstein value of its CAMEO codes.
 */
#include <shi/csv.h>
#include <shi/io_more.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fields.h"

const char *const shi_quad_column[SHI_NQUAD] = {"verbCoop", "matlCoop", "verbConf", "matlConf"};
const int shi_quad_root_lo[SHI_NQUAD] = {1, 5, 9, 14};
const int shi_quad_root_hi[SHI_NQUAD] = {4, 8, 13, 20};

/* ---- ICEWS dyad-years ---------------------------------------------------- */

void shi_icews_table_destroy(shi_icews_table *t)
{
    if (!t) {
        return;
    }
    free(t->iso3_i);
    free(t->iso3_j);
    free(t->year);
    for (int k = 0; k < SHI_NQUAD; k++) {
        free(t->count[k]);
    }
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

static int reserve_icews(shi_icews_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    shi_col_ref cols[5 + SHI_NQUAD];
    size_t n = 0;
    cols[n++] = SHI_COL_REF(t->iso3_i);
    cols[n++] = SHI_COL_REF(t->iso3_j);
    cols[n++] = SHI_COL_REF(t->year);
    for (int k = 0; k < SHI_NQUAD; k++) {
        cols[n++] = SHI_COL_REF(t->count[k]);
    }
    cols[n++] = SHI_COL_REF(t->line);
    cols[n++] = SHI_COL_REF(t->col);
    return shi_grow_columns(cols, n, &t->cap, need, 1024);
}

static int iso3_ok(const char *f)
{
    for (int k = 0; k < 3; k++) {
        if (f[k] < 'A' || f[k] > 'Z') {
            return 0;
        }
    }
    return f[3] == '\0';
}

shi_status shi_io_read_icews_dyad_year(const char *path, shi_icews_table *out, shi_err *err)
{
    enum { C_I, C_J, C_YEAR, C_COUNT, NCOLS = C_COUNT + SHI_NQUAD };
    const char *cols[NCOLS] = {"i_iso3c", "j_iso3c", "year"};
    for (int k = 0; k < SHI_NQUAD; k++) {
        cols[C_COUNT + k] = shi_quad_column[k];
    }
    static const char *const na[] = {"", "NA", NULL};
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
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (reserve_icews(out, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        size_t r = out->n;
        const char *fi = shi_csv_field(csv, (size_t)idx[C_I]);
        const char *fj = shi_csv_field(csv, (size_t)idx[C_J]);
        if (!iso3_ok(fi)) {
            s = shi_csv_field_error(csv, (size_t)idx[C_I], err,
                                    "expected an ISO3 code of three capital letters");
            break;
        }
        if (!iso3_ok(fj)) {
            s = shi_csv_field_error(csv, (size_t)idx[C_J], err,
                                    "expected an ISO3 code of three capital letters");
            break;
        }
        if (strcmp(fi, fj) == 0) {
            s = shi_csv_field_error(csv, (size_t)idx[C_J], err,
                                    "expected a country other than i_iso3c");
            break;
        }
        int64_t yr, c[SHI_NQUAD];
        if ((s = shi_i_int_in(csv, idx[C_YEAR], 1990, 2100, "expected a year 1990-2100", &yr,
                              err)) != SHI_OK) {
            break;
        }
        for (int k = 0; k < SHI_NQUAD; k++) {
            if ((s = shi_i_int_in(csv, idx[C_COUNT + k], 0, 999999999,
                                  "expected a count of events (0 or more)", &c[k], err)) !=
                SHI_OK) {
                break;
            }
        }
        if (s != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_I], &line, &col);
        memcpy(out->iso3_i[r], fi, 4);
        memcpy(out->iso3_j[r], fj, 4);
        out->year[r] = (int32_t)yr;
        for (int k = 0; k < SHI_NQUAD; k++) {
            out->count[k][r] = (int32_t)c[k];
        }
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

/* ---- CAMEO / Goldstein --------------------------------------------------- */

void shi_cameo_table_destroy(shi_cameo_table *t)
{
    if (!t) {
        return;
    }
    free(t->code);
    free(t->goldstein);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

static int reserve_cameo(shi_cameo_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {SHI_COL_REF(t->code), SHI_COL_REF(t->goldstein),
                                SHI_COL_REF(t->line), SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

/* The root (first two digits) of a CAMEO code, or 0 if the code is malformed. */
static int cameo_root(const char *f)
{
    size_t n = strlen(f);
    if (n < 2 || n > 4) {
        return 0;
    }
    for (size_t k = 0; k < n; k++) {
        if (f[k] < '0' || f[k] > '9') {
            return 0;
        }
    }
    int root = (f[0] - '0') * 10 + (f[1] - '0');
    return root >= 1 && root <= 20 ? root : 0;
}

shi_status shi_io_read_cameo_goldstein(const char *path, shi_cameo_table *out, shi_err *err)
{
    enum { C_CODE, C_SCALE, NCOLS };
    static const char *const cols[NCOLS] = {"CAMEOEVENTCODE", "GOLDSTEINSCALE"};
    shi_csv_opts o = {0};
    o.delim = '\t';
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, &o, err);
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
        if (reserve_cameo(out, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        size_t r = out->n;
        const char *code = shi_csv_field(csv, (size_t)idx[C_CODE]);
        if (!cameo_root(code)) {
            s = shi_csv_field_error(csv, (size_t)idx[C_CODE], err,
                                    "expected a CAMEO code of 2-4 digits with a root 01-20");
            break;
        }
        double g;
        int miss = 0;
        if ((s = shi_csv_real(csv, (size_t)idx[C_SCALE], &g, &miss, err)) != SHI_OK) {
            break;
        }
        if (miss || g < -10 || g > 10) {
            s = shi_csv_field_error(csv, (size_t)idx[C_SCALE], err,
                                    "expected a Goldstein value -10..10");
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_CODE], &line, &col);
        memcpy(out->code[r], code, strlen(code) + 1);
        out->goldstein[r] = g;
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

shi_status shi_cameo_quad_weights(const shi_cameo_table *t, int roots_only, double w[SHI_NQUAD],
                                  shi_err *err)
{
    double sum[SHI_NQUAD] = {0, 0, 0, 0};
    size_t cnt[SHI_NQUAD] = {0, 0, 0, 0};
    for (size_t r = 0; r < t->n; r++) {
        int root = cameo_root(t->code[r]);
        if (root == 0 || (roots_only && strlen(t->code[r]) != 2)) {
            continue;
        }
        for (int k = 0; k < SHI_NQUAD; k++) {
            if (root >= shi_quad_root_lo[k] && root <= shi_quad_root_hi[k]) {
                sum[k] += t->goldstein[r];
                cnt[k]++;
            }
        }
    }
    for (int k = 0; k < SHI_NQUAD; k++) {
        if (cnt[k] == 0) {
            return shi_err_set(err, SHI_EDATA,
                               "no CAMEO code with a root %02d-%02d for quad class '%s'",
                               shi_quad_root_lo[k], shi_quad_root_hi[k], shi_quad_column[k]);
        }
    }
    for (int k = 0; k < SHI_NQUAD; k++) {
        w[k] = sum[k] / (double)cnt[k];
    }
    return SHI_OK;
}

double shi_icews_goldstein_approx(const int32_t count[SHI_NQUAD], const double w[SHI_NQUAD])
{
    double x = 0;
    for (int k = 0; k < SHI_NQUAD; k++) {
        x += (double)count[k] * w[k];
    }
    return x;
}
