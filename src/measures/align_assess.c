/*
 * align_assess.c - the scorecard's judgements (include/shi/align.h,
 * docs/align.md): material-change thresholds from the distribution of
 * year-on-year changes in a reference population of pairs, Mann-Kendall trend
 * tests with Sen's slope (shi/mktrend.h), each area's label under every
 * similarity variant, and the spheres that survive them all.
 */
#include <shi/align.h>
#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/mktrend.h>

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align_priv.h"

/* The significance level of the trend tests (two-sided). */
#define ALPHA 0.05

/* A growable list of absolute changes. */
typedef struct pool {
    double *v;
    size_t n, cap;
} pool;

/* Append the non-zero |x[t + L] - x[t]| of a series of ny years; -1 when out
 * of memory. */
static int changes(pool *p, const double *x, size_t ny, size_t L)
{
    for (size_t t = 0; t + L < ny; t++) {
        double c = fabs(x[t + L] - x[t]);
        if (isnan(c) || c == 0) {
            continue;
        }
        if (p->n == p->cap) {
            size_t cap = p->cap ? 2 * p->cap : 256;
            double *v = realloc(p->v, cap * sizeof *v);
            if (!v) {
                return -1;
            }
            p->v = v;
            p->cap = cap;
        }
        p->v[p->n++] = c;
    }
    return 0;
}

/* The threshold of series k of the reference (an indicator, pooled with its
 * directed twin, or SHI_AL_N + a variant) for changes over L years: the median
 * non-zero |x(t + L) - x(t)| over every reference pair and year (0 when there
 * is none: then any significant trend is material). NaN when out of memory. */
static double threshold(const shi_align *al, int k, int L)
{
    size_t ny = (size_t)(al->y1 - al->ys + 1), np = (size_t)al->tol_pairs;
    int tw = k < SHI_AL_N ? shi_i_align_twin(k) : k;
    pool p = {0};
    int oom = 0;
    for (size_t q = 0; q < np && L > 0 && (size_t)L < ny; q++) {
        oom |= changes(&p, al->ref + ((size_t)k * np + q) * ny, ny, (size_t)L);
        if (tw != k) {
            oom |= changes(&p, al->ref + ((size_t)tw * np + q) * ny, ny, (size_t)L);
        }
    }
    double m = 0;
    if (oom) {
        m = (double)NAN;
    } else if (p.n) {
        /* GSL's median selects in linear time (it reorders p.v); the full
         * sort it replaces was 6% of `shi align`. Same value: the middle
         * element, or the mean of the two middle ones. */
        m = gsl_stats_median(p.v, 1, p.n);
    }
    free(p.v);
    return m;
}

/* The reference series of every indicator but similarity, for every pair
 * of the reference states over [ys, y1], into al->ref (allocated, with the
 * similarity variants, by shi_align_compute). */
static shi_status reference(shi_align *al, const shi_data *d, const shi_threat_model *m,
                            shi_err *err)
{
    int ref[SHI_I_ALIGN_MAXREF];
    size_t nr = shi_i_align_reference_states(d, al->a, al->b, al->ys, al->y1, ref);
    size_t ny = (size_t)(al->y1 - al->ys + 1), npair = nr * (nr - 1) / 2;
    if (!al->ref || npair != (size_t)al->tol_pairs) {
        return shi_err_set(err, SHI_EINTERNAL, "align: assess before compute");
    }
    shi_status s = SHI_OK;
    const shi_threat_ctx *tc = al->tc;
    for (size_t i = 0, p = 0; s == SHI_OK && i < nr; i++) {
        for (size_t j = i + 1; s == SHI_OK && j < nr; j++, p++) {
            double *val[SHI_AL_N];
            for (int k = 0; k < SHI_AL_N; k++) {
                val[k] = al->ref + ((size_t)k * npair + p) * ny;
            }
            s = shi_i_align_pair_values(d, tc, m, ref[i], ref[j], al->ys, ny, val, err);
        }
    }
    return s;
}

/* The trend of x (indexed from al->ys) over [from, to]: Mann-Kendall, Sen's
 * slope, the change it implies over the years with data, and the label
 * against the threshold of reference series k for that many years (*tol). */
static shi_status trend_of(const shi_align *al, const double *x, int from, int to, int k,
                           shi_align_trend *tr, double *tol, shi_err *err)
{
    double t[512];
    from = from < al->ys ? al->ys : from;
    t[0] = from;
    size_t n = 0;
    int first = 0, last = 0;
    for (int y = from; y <= to && n < 512; y++, n++) {
        t[n] = y;
        if (!isnan(x[y - al->ys])) {
            last = y;
            first = first ? first : y;
        }
    }
    shi_status s = shi_mk_test(t, x + (from - al->ys), n, &tr->mk, err);
    tr->change = tr->mk.sen * (last - first);
    *tol = threshold(al, k, last > first ? last - first : to - from);
    if (isnan(*tol)) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (tr->mk.n < 3) {
        tr->dir = SHI_DIR_NA;
    } else if (tr->mk.p < ALPHA && tr->change != 0 && fabs(tr->change) >= *tol) {
        tr->dir = tr->change > 0 ? SHI_DIR_CONVERGING : SHI_DIR_DIVERGING;
    } else {
        tr->dir = SHI_DIR_NOTREND;
    }
    return s;
}

/* An area's label from its indicators' labels. */
static shi_direction combine(const shi_direction *l, int n)
{
    int conv = 0, div = 0, none = 0;
    for (int i = 0; i < n; i++) {
        conv += l[i] == SHI_DIR_CONVERGING;
        div += l[i] == SHI_DIR_DIVERGING;
        none += l[i] == SHI_DIR_NOTREND;
    }
    return conv && div ? SHI_DIR_MIXED
           : conv      ? SHI_DIR_CONVERGING
           : div       ? SHI_DIR_DIVERGING
           : none      ? SHI_DIR_NOTREND
                       : SHI_DIR_NA;
}

/* Labels of every area under every variant; the drivers of the chosen
 * variant's label; the spheres; the years each area covers. */
static void areas(shi_align *al)
{
    const shi_align_indicator *ind = shi_align_indicators();
    for (int area = 0; area < SHI_AREA_N; area++) {
        for (int v = 0; v < SHI_ALSIM_N; v++) {
            shi_direction l[SHI_AL_N];
            int n = 0;
            for (int k = 0; k < SHI_AL_N; k++) {
                if ((int)ind[k].area == area) {
                    l[n++] = k == SHI_AL_S ? al->sim_trend[v].dir : al->trend[k].dir;
                }
            }
            al->area_label[area][v] = combine(l, n);
        }
        shi_direction lab = al->area_label[area][SHI_ALSIM_PI];
        al->area_drivers[area] = 0;
        for (int k = 0; k < SHI_AL_N; k++) {
            shi_direction dk = al->trend[k].dir;
            int carries =
                lab == SHI_DIR_MIXED
                    ? dk == SHI_DIR_CONVERGING || dk == SHI_DIR_DIVERGING
                    : (lab == SHI_DIR_CONVERGING || lab == SHI_DIR_DIVERGING) && dk == lab;
            if ((int)ind[k].area == area && carries) {
                al->area_drivers[area] |= 1u << k;
            }
        }
        int same = 1;
        for (int v = 1; v < SHI_ALSIM_N; v++) {
            same &= al->area_label[area][v] == lab;
        }
        al->sphere[area] = !same                       ? SHI_SPHERE_MIXED
                           : lab == SHI_DIR_CONVERGING ? SHI_SPHERE_CONGRUITY
                           : lab == SHI_DIR_DIVERGING  ? SHI_SPHERE_INCONGRUITY
                           : lab == SHI_DIR_MIXED      ? SHI_SPHERE_MIXED
                           : lab == SHI_DIR_NOTREND    ? SHI_SPHERE_NOTREND
                                                       : SHI_SPHERE_NA;
        al->area_y[area][0] = al->area_y[area][1] = 0;
        for (int k = 0; k < SHI_AL_N; k++) {
            int f0, f1;
            if ((int)ind[k].area == area && shi_align_indicator_span(al, k, &f0, &f1)) {
                al->area_y[area][0] =
                    al->area_y[area][0] && al->area_y[area][0] < f0 ? al->area_y[area][0] : f0;
                al->area_y[area][1] = al->area_y[area][1] > f1 ? al->area_y[area][1] : f1;
            }
        }
    }
}

shi_status shi_align_assess(shi_align *al, const shi_data *d, const shi_threat_model *m,
                            shi_err *err)
{
    shi_threat_model def = shi_threat_model_default();
    size_t ny = (size_t)(al->y1 - al->ys + 1);
    shi_status s = reference(al, d, m ? m : &def, err);
    for (int k = 0; s == SHI_OK && k < SHI_AL_N; k++) {
        al->slope[k] = malloc(ny * sizeof *al->slope[k]);
        al->p[k] = malloc(ny * sizeof *al->p[k]);
        al->dir[k] = calloc(ny, sizeof *al->dir[k]);
        if (!al->slope[k] || !al->p[k] || !al->dir[k]) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        /* k's series in the reference: the indicator, or for the similarity
         * indicator its chosen variant. */
        int rk = k == SHI_AL_S ? SHI_AL_N + SHI_ALSIM_PI : k;
        for (int y = al->ys; s == SHI_OK && y <= al->y1; y++) {
            shi_align_trend tr;
            double tol;
            s = trend_of(al, al->close[k], y - al->window + 1, y, rk, &tr, &tol, err);
            al->slope[k][y - al->ys] = tr.mk.sen;
            al->p[k][y - al->ys] = tr.mk.p;
            al->dir[k][y - al->ys] = tr.dir;
        }
        if (s == SHI_OK) {
            s = trend_of(al, al->close[k], al->y0, al->y1, rk, &al->trend[k], &al->tol[k], err);
        }
        al->nflag[k] = 0;
        for (int y = al->y0; y <= al->y1; y++) {
            al->nflag[k] += (al->flag[k][y - al->ys] & SHI_AL_FLAG_ZERO) != 0;
        }
    }
    for (int v = 0; s == SHI_OK && v < SHI_ALSIM_N; v++) {
        s = trend_of(al, al->sim[v], al->y0, al->y1, SHI_AL_N + v, &al->sim_trend[v],
                     &al->sim_tol[v], err);
    }
    if (s == SHI_OK) {
        areas(al);
        al->assessed = 1;
    }
    return s;
}
