/*
 * drivers_panel.c - the panel design of the drivers test: dyad and year fixed
 * effects, the block Shapley split of the within R^2, a dyad bootstrap
 * (shi/drivers_id.h, shi_panel_fe_fit).
 *
 * With year effects, what is common to all dyads in a year is absorbed; the
 * external block is identified only by how differently the dyads are exposed
 * to the same third state (their capability threat from it, its preponderance
 * over the rest of the system without them). That is the point of the design:
 * a shared trend cannot pass for an external driver.
 */
#include <shi/drivers_id.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include <shi/rng.h>

/* Alternating projections stop when no value moves by more than this times
 * the largest absolute value, or after MAX_SWEEPS sweeps. */
#define FE_TOL 1e-12
#define MAX_SWEEPS 2000

/* Sweep out unit and time means from the m rows of V (ncol columns of stride
 * m, column-major) in place. */
static void demean_two_way(double *V, size_t m, size_t ncol, const int *unit, size_t nunit,
                           const int *time, size_t ntime, double *sum, double *cnt)
{
    for (size_t c = 0; c < ncol; c++) {
        double *v = V + c * m;
        double scale = 0.0;
        for (size_t i = 0; i < m; i++) {
            scale = fmax(scale, fabs(v[i]));
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double moved = 0.0;
            for (int pass = 0; pass < 2; pass++) {
                const int *g = pass ? time : unit;
                const size_t ng = pass ? ntime : nunit;
                memset(sum, 0, ng * sizeof *sum);
                memset(cnt, 0, ng * sizeof *cnt);
                for (size_t i = 0; i < m; i++) {
                    sum[g[i]] += v[i];
                    cnt[g[i]] += 1.0;
                }
                for (size_t q = 0; q < ng; q++) {
                    sum[q] = cnt[q] > 0 ? sum[q] / cnt[q] : 0.0;
                    moved = fmax(moved, fabs(sum[q]));
                }
                for (size_t i = 0; i < m; i++) {
                    v[i] -= sum[g[i]];
                }
            }
            if (moved <= FE_TOL * (scale > 0 ? scale : 1.0)) {
                break;
            }
        }
    }
}

typedef struct panel_work {
    double *V;        /* (k + 1) x m: y then the drivers */
    int *unit, *time; /* m */
    double *sum, *cnt;
    double *sxx, *sxy, *r2, *sw;
} panel_work;

/* External share of the rows `rows[0..m-1]`, the i-th of which is put in unit
 * newunit[i]; r2 / r2b get the within R^2. Returns NaN without variation. */
static double share_of(const shi_panel_input *in, const size_t *rows, const int *newunit, size_t m,
                       size_t nunit, panel_work *w, double *r2, double r2b[2])
{
    const size_t k = in->k;
    for (size_t i = 0; i < m; i++) {
        w->V[i] = in->y[rows[i]];
        for (size_t j = 0; j < k; j++) {
            w->V[(j + 1) * m + i] = in->X[j * in->nrow + rows[i]];
        }
        w->unit[i] = newunit[i];
        w->time[i] = in->time[rows[i]];
    }
    demean_two_way(w->V, m, k + 1, w->unit, nunit, w->time, in->ntime, w->sum, w->cnt);
    double syy = 0.0;
    for (size_t i = 0; i < m; i++) {
        syy += w->V[i] * w->V[i];
    }
    for (size_t a = 0; a < k; a++) {
        const double *xa = w->V + (a + 1) * m;
        for (size_t b = a; b < k; b++) {
            const double *xb = w->V + (b + 1) * m;
            double v = 0.0;
            for (size_t i = 0; i < m; i++) {
                v += xa[i] * xb[i];
            }
            w->sxx[a * k + b] = w->sxx[b * k + a] = v;
        }
        double v = 0.0;
        for (size_t i = 0; i < m; i++) {
            v += xa[i] * w->V[i];
        }
        w->sxy[a] = v;
    }
    if (shi_drivers_subset_r2(k, w->sxx, w->sxy, syy, w->r2, w->sw, NULL) != SHI_OK) {
        return (double)NAN;
    }
    size_t full = ((size_t)1 << k) - 1, ext = 0;
    for (size_t j = 0; j < k; j++) {
        ext |= in->block[j] == SHI_BLOCK_EXTERNAL ? (size_t)1 << j : 0;
    }
    *r2 = w->r2[full];
    r2b[0] = w->r2[ext];
    r2b[1] = w->r2[full & ~ext];
    if (!(*r2 > 0.0)) {
        return (double)NAN;
    }
    /* phi_E = (R^2(E) + R^2 - R^2(B)) / 2, as in shi_drivers_fit */
    return 0.5 * (r2b[0] + *r2 - r2b[1]) / *r2;
}

shi_status shi_panel_fe_fit(const shi_panel_input *in, int boot, uint64_t seed, shi_panel_fit *out,
                            shi_err *err)
{
    if (!in || !in->y || !in->X || !in->block || !in->unit || !in->time || in->k == 0 ||
        in->k > SHI_DRIVERS_MAX_K || boot < 0) {
        return shi_err_set(err, SHI_EUSAGE, "panel: bad arguments");
    }
    const size_t k = in->k, n = in->nrow;
    /* Complete rows, grouped by unit (units in order, rows in input order). */
    size_t *rows = malloc((n ? n : 1) * sizeof *rows);
    size_t *start = calloc(in->nunit + 1, sizeof *start);
    int *uidx = malloc((n ? n : 1) * sizeof *uidx);
    panel_work w;
    memset(&w, 0, sizeof w);
    w.V = malloc((k + 1) * (n ? n : 1) * sizeof *w.V);
    w.unit = malloc((n ? n : 1) * sizeof *w.unit);
    w.time = malloc((n ? n : 1) * sizeof *w.time);
    const size_t ng = (in->nunit > in->ntime ? in->nunit : in->ntime) + 1;
    w.sum = malloc(ng * sizeof *w.sum);
    w.cnt = malloc(ng * sizeof *w.cnt);
    w.sxx = malloc(k * k * sizeof *w.sxx);
    w.sxy = malloc(k * sizeof *w.sxy);
    w.r2 = malloc(((size_t)1 << k) * sizeof *w.r2);
    w.sw = malloc((4 * k * k + 4 * k) * sizeof *w.sw);
    double *bs = malloc(((size_t)boot + 1) * sizeof *bs);
    size_t *brows = malloc((n ? n : 1) * sizeof *brows);
    int *bunit = malloc((n ? n : 1) * sizeof *bunit);
    shi_status st = SHI_OK;
    if (!rows || !start || !uidx || !w.V || !w.unit || !w.time || !w.sum || !w.cnt || !w.sxx ||
        !w.sxy || !w.r2 || !w.sw || !bs || !brows || !bunit) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    size_t m = 0, used_units = 0;
    for (size_t u = 0; u < in->nunit; u++) {
        start[u] = m;
        for (size_t i = 0; i < n; i++) {
            if (in->unit[i] != (int)u || isnan(in->y[i])) {
                continue;
            }
            int ok = 1;
            for (size_t j = 0; j < k && ok; j++) {
                ok = !isnan(in->X[j * n + i]);
            }
            if (ok) {
                rows[m] = i;
                uidx[m] = (int)u;
                m++;
            }
        }
        used_units += m > start[u];
    }
    start[in->nunit] = m;
    if (used_units < 3 || m < 2 * k + in->nunit + in->ntime) {
        st = shi_err_set(err, SHI_EDATA,
                         "too few observations: %zu rows in %zu dyads (need at least 3 dyads "
                         "and %zu rows)",
                         m, used_units, 2 * k + in->nunit + in->ntime);
        goto cleanup;
    }
    memset(out, 0, sizeof *out);
    out->nobs = m;
    out->nunit = used_units;
    out->share = share_of(in, rows, uidx, m, in->nunit, &w, &out->r2_within, out->r2_block);
    out->boot = boot;
    size_t nv = 0;
    for (int bb = 0; bb < boot; bb++) {
        shi_rng g;
        shi_rng_init(&g, seed, (uint64_t)bb);
        size_t bm = 0;
        for (size_t d = 0; d < in->nunit; d++) {
            size_t u = (size_t)shi_rng_below(&g, (uint64_t)in->nunit);
            for (size_t i = start[u]; i < start[u + 1]; i++) {
                brows[bm] = rows[i];
                bunit[bm] = (int)d;
                bm++;
            }
        }
        double r2, r2b[2];
        double sh =
            bm > 2 * k ? share_of(in, brows, bunit, bm, in->nunit, &w, &r2, r2b) : (double)NAN;
        if (isnan(sh)) {
            out->boot_invalid++;
        } else {
            bs[nv++] = sh;
        }
    }
    out->share_ci[0] = out->share_ci[1] = (double)NAN;
    if (nv > 0) {
        gsl_sort(bs, 1, nv);
        out->share_ci[0] = gsl_stats_quantile_from_sorted_data(bs, 1, nv, 0.025);
        out->share_ci[1] = gsl_stats_quantile_from_sorted_data(bs, 1, nv, 0.975);
    }
cleanup:
    free(rows);
    free(start);
    free(uidx);
    free(w.V);
    free(w.unit);
    free(w.time);
    free(w.sum);
    free(w.cnt);
    free(w.sxx);
    free(w.sxy);
    free(w.r2);
    free(w.sw);
    free(bs);
    free(brows);
    free(bunit);
    return st;
}
