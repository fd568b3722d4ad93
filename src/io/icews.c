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
#include <shi/io_events.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "spec.h"

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

shi_status shi_io_read_icews_dyad_year(const char *path, shi_icews_table *out, shi_err *err)
{
    enum { C_I, C_J, C_YEAR, C_COUNT, NCOLS = C_COUNT + SHI_NQUAD };
    static const char *const iso3 = "expected an ISO3 code of three capital letters";
    shi_i_col cols[NCOLS] = {
        {"i_iso3c", .type = SHI_I_TEXT, .flags = SHI_I_KEY, .lo = 3, .hi = 3, .valid = shi_i_upper3,
         .what = iso3, SHI_I_TO(out->iso3_i)},
        {"j_iso3c", .type = SHI_I_TEXT, .flags = SHI_I_KEY, .lo = 3, .hi = 3, .valid = shi_i_upper3,
         .what = iso3, SHI_I_TO(out->iso3_j)},
        {"year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1990, .hi = 2100,
         .what = "expected a year 1990-2100", SHI_I_TO(out->year)},
    };
    for (int k = 0; k < SHI_NQUAD; k++) {
        cols[C_COUNT + k] = (shi_i_col){shi_quad_column[k],
                                        .type = SHI_I_INT,
                                        .lo = 0,
                                        .hi = 999999999,
                                        .what = "expected a count of events (0 or more)",
                                        SHI_I_TO(out->count[k])};
    }
    static const char *const na[] = {"", "NA", NULL};
    shi_csv_opts o = {0};
    o.missing = na;
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_I, NULL, 0};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &o, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, C_I, C_YEAR, err)) != SHI_OK) {
            break;
        }
        if (strcmp(shi_i_text(&rd, C_I), shi_i_text(&rd, C_J)) == 0) {
            s = shi_i_bad(&rd, C_J, "expected a country other than i_iso3c", err);
            break;
        }
        if ((s = shi_i_parse(&rd, C_YEAR, NCOLS, err)) != SHI_OK) {
            break;
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
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

static int cameo_ok(const char *f)
{
    return cameo_root(f) != 0;
}

shi_status shi_io_read_cameo_goldstein(const char *path, shi_cameo_table *out, shi_err *err)
{
    const shi_i_col cols[] = {
        {"CAMEOEVENTCODE", .type = SHI_I_TEXT, .lo = 0, .hi = HUGE_VAL, .valid = cameo_ok,
         .what = "expected a CAMEO code of 2-4 digits with a root 01-20", SHI_I_TO(out->code)},
        {"GOLDSTEINSCALE", .type = SHI_I_REAL, .lo = -10, .hi = 10,
         .what = "expected a Goldstein value -10..10", SHI_I_TO(out->goldstein)},
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, 0, NULL, 0};
    shi_csv_opts o = {0};
    o.delim = '\t';
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &o, cols, sizeof cols / sizeof cols[0], &dest, err);
    return shi_i_read_all(&rd, s, err);
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
