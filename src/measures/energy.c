/*
 * energy.c - energy measures (shi/energy_share.h, docs/energy.md): shares
 * of China's crude, gas and coal imports by supplier, and the pivot of an
 * exporter's sales between China and Europe.
 */
#include <shi/energy_share.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slope_priv.h"

/* The commodities of a group (up to two), for an importer. */
static int comms(int imp, int g, int c[2])
{
    if (g == SHI_ENG_CRUDE) {
        c[0] = SHI_EN_CRUDE;
        return 1;
    }
    if (g == SHI_ENG_COAL) {
        c[0] = SHI_EN_COAL;
        return 1;
    }
    if (imp == SHI_EN_EUROPE) {
        c[0] = SHI_EN_GAS_TJ;
        return 1;
    }
    c[0] = SHI_EN_PIPEGAS;
    c[1] = SHI_EN_LNG;
    return 2;
}

static double unit_of(int comm)
{
    return comm == SHI_EN_GAS_TJ ? SHI_EN_BCM_PER_TJ : 1.0;
}

/* Sum of a field over a group's commodities; *tm the total's months. */
static double sum(const shi_energy *e, int imp, int exp, int g, int year, int tm_only,
                  uint16_t *mask, uint16_t *tmask)
{
    int c[2];
    int nc = comms(imp, g, c);
    double s = (double)NAN;
    *mask = *tmask = 0;
    for (int k = 0; k < nc; k++) {
        long r = shi_energy_find(e, imp, exp, c[k], year);
        if (r < 0) {
            continue;
        }
        double v = tm_only ? e->qty_tm[r] : e->qty[r];
        if (!isnan(v)) {
            s = (isnan(s) ? 0 : s) + v * unit_of(c[k]);
        }
        *mask |= e->months[r];
        *tmask |= e->tmonths[r];
    }
    return s;
}

/* Has the partner a record of group g in an earlier year? */
static int listed_before(const shi_energy *e, int imp, int exp, int g, int year)
{
    int c[2];
    int nc = comms(imp, g, c);
    for (int y = 1990; y < year; y++) {
        for (int k = 0; k < nc; k++) {
            if (shi_energy_find(e, imp, exp, c[k], y) >= 0) {
                return 1;
            }
        }
    }
    return 0;
}

double shi_energy_share(const shi_energy *e, int imp, int exp, int g, int year, int *months)
{
    uint16_t m, tm, wm, wtm;
    *months = 0;
    double tot = sum(e, imp, SHI_EN_WORLD, g, year, 1, &wm, &wtm);
    if (isnan(tot) || tot <= 0) {
        return (double)NAN;
    }
    /* Every commodity of the group needs its total (China's pipeline-gas
     * volumes end in 2021 while LNG goes on: no gas share for 2022). */
    int c[2];
    for (int k = 0, nc = comms(imp, g, c); k < nc; k++) {
        long r = shi_energy_find(e, imp, SHI_EN_WORLD, c[k], year);
        if (r < 0 || isnan(e->qty_tm[r])) {
            return (double)NAN;
        }
    }
    double part = sum(e, imp, exp, g, year, 1, &m, &tm);
    if (isnan(part) && !listed_before(e, imp, exp, g, year)) {
        return (double)NAN; /* the partner's series had not started: unknown, not 0 */
    }
    *months = shi_en_nmonths(wtm);
    /* A partner with no row in a year the total reports, once its series has
     * started, supplied nothing. */
    return isnan(part) ? 0.0 : part / tot;
}

double shi_energy_flow(const shi_energy *e, int imp, int exp, int g, int year, int *months)
{
    uint16_t m, tm;
    double v = sum(e, imp, exp, g, year, 0, &m, &tm);
    *months = shi_en_nmonths(m);
    return v;
}

double shi_energy_pivot(const shi_energy *e, int x, int g, int year, int *months)
{
    uint16_t m1, t1, m2, t2, w1, wt1, w2, wt2;
    *months = 0;
    /* Each side over its importer's reported months, as a monthly rate. */
    sum(e, 710, SHI_EN_WORLD, g, year, 1, &w1, &wt1);
    sum(e, SHI_EN_EUROPE, SHI_EN_WORLD, g, year, 1, &w2, &wt2);
    int n1 = shi_en_nmonths(wt1), n2 = shi_en_nmonths(wt2);
    if (!n1 || !n2) {
        return (double)NAN;
    }
    double c = sum(e, 710, x, g, year, 1, &m1, &t1);
    double u = sum(e, SHI_EN_EUROPE, x, g, year, 1, &m2, &t2);
    c = isnan(c) ? 0 : c / n1;
    u = isnan(u) ? 0 : u / n2;
    if (c + u <= 0) {
        return (double)NAN;
    }
    *months = n1 < n2 ? n1 : n2;
    return c / (c + u);
}

void shi_energy_pair_free(shi_energy_pair *p)
{
    if (!p) {
        return;
    }
    for (int g = 0; g < SHI_ENG_N; g++) {
        free(p->share[g]);
        free(p->flow[g]);
        free(p->months[g]);
        free(p->pivot[g]);
    }
    memset(p, 0, sizeof *p);
}

shi_status shi_energy_pair_compute(shi_energy_pair *p, const shi_data *d, int a, int b, int y0,
                                   int y1, shi_err *err)
{
    memset(p, 0, sizeof *p);
    if (y1 < y0 || y1 - y0 > 250) {
        return shi_err_set(err, SHI_EUSAGE, "energy: bad year range %d-%d", y0, y1);
    }
    p->a = a;
    p->b = b;
    p->y0 = y0;
    p->y1 = y1;
    p->china = a == 710 ? a : b == 710 ? b : 0;
    p->partner = p->china ? (a == 710 ? b : a) : 0;
    int n = y1 - y0 + 1;
    for (int g = 0; g < SHI_ENG_N; g++) {
        p->share[g] = malloc((size_t)n * sizeof *p->share[g]);
        p->flow[g] = malloc((size_t)n * sizeof *p->flow[g]);
        p->months[g] = calloc((size_t)n, sizeof *p->months[g]);
        p->pivot[g] = malloc((size_t)n * sizeof *p->pivot[g]);
        if (!p->share[g] || !p->flow[g] || !p->months[g] || !p->pivot[g]) {
            shi_energy_pair_free(p);
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        for (int t = 0; t < n; t++) {
            p->share[g][t] = p->flow[g][t] = p->pivot[g][t] = (double)NAN;
            if (!p->china || !d->en_loaded || p->partner == 710) {
                continue;
            }
            int m = 0, m2 = 0;
            p->share[g][t] = shi_energy_share(&d->en, 710, p->partner, g, y0 + t, &p->months[g][t]);
            p->flow[g][t] = shi_energy_flow(&d->en, 710, p->partner, g, y0 + t, &m);
            p->pivot[g][t] = shi_energy_pivot(&d->en, p->partner, g, y0 + t, &m2);
            if (!isnan(p->share[g][t])) {
                p->last[g] = y0 + t;
            }
        }
        p->slope[g] = shi_i_series_slope(p->share[g], n, y0);
    }
    p->pivot_slope = shi_i_series_slope(p->pivot[SHI_ENG_CRUDE], n, y0);
    return SHI_OK;
}

shi_status shi_energy_align_fill(double *const out[4], const shi_data *d, int a, int b, int ys,
                                 int y1, shi_err *err)
{
    shi_energy_pair p;
    shi_status s = shi_energy_pair_compute(&p, d, a, b, ys, y1, err);
    for (int t = 0; s == SHI_OK && t <= y1 - ys; t++) {
        out[0][t] = p.share[SHI_ENG_CRUDE][t];
        out[1][t] = p.share[SHI_ENG_GAS][t];
        out[2][t] = p.share[SHI_ENG_COAL][t];
        out[3][t] = p.pivot[SHI_ENG_CRUDE][t];
    }
    shi_energy_pair_free(&p);
    return s;
}

void shi_energy_dest_compute(const shi_energy *e, int comm, int year, shi_energy_dest *out)
{
    memset(out, 0, sizeof *out);
    for (int g = 0; g < SHI_ENR_N; g++) {
        out->t[g] = out->eur[g] = (double)NAN;
    }
    const shi_energy_ru *r = &e->ru;
    for (size_t k = 0; k < r->n; k++) {
        if (r->comm[k] != comm || r->year[k] != year) {
            continue;
        }
        int g = r->imp[k] == 710                  ? SHI_ENR_CHINA
                : shi_energy_is_europe(r->imp[k]) ? SHI_ENR_EUROPE
                                                  : SHI_ENR_REST;
        if (!isnan(r->t[k])) {
            out->t[g] = (isnan(out->t[g]) ? 0 : out->t[g]) + r->t[k];
            out->n[g]++;
            out->short_[g] += shi_en_nmonths(r->mt[k] & 0xFFFu) < 12;
        }
        if (!isnan(r->eur[k])) {
            out->eur[g] = (isnan(out->eur[g]) ? 0 : out->eur[g]) + r->eur[k];
        }
    }
    double c = out->t[SHI_ENR_CHINA], u = out->t[SHI_ENR_EUROPE], o = out->t[SHI_ENR_REST];
    u = isnan(u) ? 0 : u;
    o = isnan(o) ? 0 : o;
    out->china_share = c + u + o > 0 ? c / (c + u + o) : (double)NAN;
    out->china_vs_europe = c + u > 0 ? c / (c + u) : (double)NAN;
}

double shi_energy_ei_flow(const shi_energy *e, int exp, int imp, int comm, int year)
{
    const shi_energy_ei *x = &e->ei;
    for (size_t k = 0; k < x->n; k++) {
        if (x->exp[k] == exp && x->imp[k] == imp && x->comm[k] == comm && x->year[k] == year) {
            return x->value[k];
        }
    }
    return (double)NAN;
}
