/*
 * scen_backtest.c - the rolling-origin back-test of `shi scenarios`
 * (include/shi/scenarios.h, docs/scenarios.md): at each origin the dynamics
 * are refitted on what was known then, every pair is forecast, and the
 * five-class forecasts are scored by the ranked probability score against
 * persistence and climatology.
 */
#include <shi/rng.h>
#include <shi/scenarios.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Bootstrap replications of the skill scores (pairs resampled). */
#define NBOOT 500
#define BOOT_STREAM (UINT64_C(1) << 61)

double shi_scen_rps(const double *p, int obs)
{
    double cp = 0, s = 0;
    for (int k = 0; k < SHI_FUT_N - 1; k++) {
        cp += p[k];
        double co = obs <= k ? 1.0 : 0.0;
        s += (cp - co) * (cp - co);
    }
    return s / (SHI_FUT_N - 1);
}

void shi_scen_backtest_free(shi_scen_backtest *b)
{
    if (b) {
        free(b->v);
        memset(b, 0, sizeof *b);
    }
}

/* One scored forecast: [0] RPS, [1] CRPS; model, persistence, climatology. */
typedef struct rec {
    size_t q;
    int h;
    double m[2], pe[2], cl[2];
    double p[SHI_FUT_N], c[SHI_FUT_N]; /* the model's and the climatology's forecasts */
    int obs;
} rec;

typedef struct recs {
    rec *v;
    size_t n, cap;
} recs;

static int push(recs *r, rec x)
{
    if (r->n == r->cap) {
        size_t nc = r->cap ? 2 * r->cap : 1024;
        rec *v = realloc(r->v, nc * sizeof *v);
        if (!v) {
            return -1;
        }
        r->v = v;
        r->cap = nc;
    }
    r->v[r->n++] = x;
    return 0;
}

/* Climatology at origin o: frequencies of the futures of horizon h completed
 * by o (t + h <= o), over every pair. 0 when none. */
static int climatology(const shi_scen_panel *p, int o, int h, double *f)
{
    size_t cnt[SHI_FUT_N];
    size_t n = shi_scen_history(p, h, p->y0, o - h, cnt);
    for (int k = 0; k < SHI_FUT_N; k++) {
        f[k] = n ? (double)cnt[k] / (double)n : 0;
    }
    return n > 0;
}

static int cmp_double(const void *x, const void *y);

/* The composite's climatology at origin o, horizon h: the sorted h-year
 * changes dC of every pair completed by o (t + h <= o), and half the mean
 * absolute difference of two of them, 0.5 E|X - X'| =
 * sum_i (2i - n - 1) x_(i) / n^2 over the sorted sample (i from 1). */
typedef struct dclim {
    double *d;
    size_t n;
    double half_gini;
} dclim;

static int dc_climatology(const shi_scen_panel *p, int o, int h, dclim *c)
{
    c->n = 0;
    for (size_t q = 0; q < p->npair; q++) {
        for (int t = p->y0; t + h <= o; t++) {
            double v = shi_scen_dc(p, q, t, t + h);
            if (!isnan(v)) {
                c->d[c->n++] = v;
            }
        }
    }
    qsort(c->d, c->n, sizeof *c->d, cmp_double);
    double s = 0, n = (double)c->n;
    for (size_t i = 0; i < c->n; i++) {
        s += (2.0 * (double)(i + 1) - n - 1) * c->d[i];
    }
    c->half_gini = c->n ? s / (n * n) : (double)NAN;
    return c->n > 0;
}

/* CRPS of an ensemble (the climatology's changes) when the change y happened:
 * E|X - y| - 0.5 E|X - X'| (Gneiting & Raftery 2007, eq. 21). */
static double dc_crps(const dclim *c, double y)
{
    double s = 0;
    for (size_t i = 0; i < c->n; i++) {
        s += fabs(c->d[i] - y);
    }
    return s / (double)c->n - c->half_gini;
}

/* Score pair q's forecast r at the horizons the data classify. */
static shi_status score(const shi_scen_panel *p, size_t q, int o, const shi_scen_result *r,
                        const dclim *dcl, recs *out, shi_err *err)
{
    for (int k = 0; k < r->nh; k++) {
        int h = r->h[k], obs = shi_scen_observed(p, q, o, h);
        double clim[SHI_FUT_N], pers[SHI_FUT_N] = {0};
        double dy = shi_scen_dc(p, q, o, o + h);
        if (obs < 0 || isnan(dy) || !climatology(p, o, h, clim) || !dcl[h - 1].n) {
            continue;
        }
        /* Persistence: the future of the h years before the origin happens
         * again; status quo when that is unknown. */
        int last = o - h >= p->y0 ? shi_scen_observed(p, q, o - h, h) : -1;
        pers[last >= 0 ? last : SHI_FUT_STATUSQUO] = 1;
        /* the composite's outcome on the components of both years */
        rec x;
        memset(&x, 0, sizeof x);
        x.q = q;
        x.h = h;
        x.m[0] = shi_scen_rps(r->p[k], obs);
        x.m[1] = shi_scen_crps(r, h, r->c0 + dy);
        x.pe[0] = shi_scen_rps(pers, obs);
        x.pe[1] = fabs(dy);
        x.cl[0] = shi_scen_rps(clim, obs);
        x.cl[1] = dc_crps(&dcl[h - 1], dy);
        memcpy(x.p, r->p[k], sizeof x.p);
        memcpy(x.c, clim, sizeof x.c);
        x.obs = obs;
        if (push(out, x) != 0) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
    }
    return SHI_OK;
}

/* Forecast every pair from origin o and score the horizons observed. */
static shi_status one_origin(const shi_scen_panel *p, int o, int hmax, uint64_t paths,
                             uint64_t seed, int threads, recs *out, shi_err *err)
{
    shi_scen_opts op = shi_scen_opts_default();
    op.from = o;
    op.horizon = hmax;
    op.paths = paths;
    op.seed = seed + (uint64_t)o; /* each origin its own numbers */
    op.draws = 1;
    op.threads = threads;
    op.every = 1;
    dclim dcl[SHI_SCEN_NH] = {{0}};
    shi_status s = SHI_OK;
    for (int h = 1; h <= hmax; h++) {
        dcl[h - 1].d = malloc((p->npair * p->ny + 1) * sizeof *dcl[h - 1].d);
        if (!dcl[h - 1].d) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
        } else {
            dc_climatology(p, o, h, &dcl[h - 1]);
        }
    }
    for (size_t q = 0; q < p->npair && s == SHI_OK; q++) {
        shi_scen_result r;
        shi_err e2 = {0};
        shi_status rs = shi_scen_run(p, p->pa[q], p->pb[q], &op, &r, &e2);
        if (rs == SHI_EUSAGE || rs == SHI_EDATA) {
            continue; /* not enough history at this origin: not forecast */
        }
        s = rs != SHI_OK ? shi_err_set(err, rs, "%s", e2.msg) : score(p, q, o, &r, dcl, out, err);
        shi_scen_result_free(&r);
    }
    for (int h = 0; h < SHI_SCEN_NH; h++) {
        free(dcl[h].d);
    }
    return s;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Skill scores of horizon h with pair-block bootstrap 95% intervals:
 * sm holds per pair the sums of the six scores (model, persistence,
 * climatology for RPS, then for CRPS). */
static void skill(const recs *r, size_t npair, int h, uint64_t seed, shi_scen_skill *out)
{
    double *sm = calloc(npair * 6, sizeof *sm);
    double *bs = malloc(4 * NBOOT * sizeof *bs);
    memset(out, 0, sizeof *out);
    out->h = h;
    if (!sm || !bs) {
        free(sm);
        free(bs);
        return;
    }
    for (size_t i = 0; i < r->n; i++) {
        const rec *x = &r->v[i];
        if (x->h == h) {
            double *row = &sm[x->q * 6];
            for (int j = 0; j < 2; j++) {
                row[3 * j] += x->m[j];
                row[3 * j + 1] += x->pe[j];
                row[3 * j + 2] += x->cl[j];
            }
            for (int f = 0; f < SHI_FUT_N; f++) {
                out->mean_p[f] += x->p[f];
                out->mean_clim[f] += x->c[f];
                out->freq[f] += x->obs == f;
            }
            out->n++;
        }
    }
    for (int f = 0; f < SHI_FUT_N && out->n; f++) {
        out->mean_p[f] /= (double)out->n;
        out->mean_clim[f] /= (double)out->n;
        out->freq[f] /= (double)out->n;
    }
    double t[6] = {0};
    for (size_t q = 0; q < npair; q++) {
        for (int j = 0; j < 6; j++) {
            t[j] += sm[q * 6 + (size_t)j];
        }
    }
    double n = out->n ? (double)out->n : (double)NAN;
    for (int j = 0; j < 2; j++) {
        out->model[j] = t[3 * j] / n;
        out->persist[j] = t[3 * j + 1] / n;
        out->clim[j] = t[3 * j + 2] / n;
        out->ss_persist[j] = 1 - t[3 * j] / t[3 * j + 1];
        out->ss_clim[j] = 1 - t[3 * j] / t[3 * j + 2];
    }
    for (int b = 0; b < NBOOT; b++) {
        shi_rng g;
        shi_rng_init(&g, seed, BOOT_STREAM + (uint64_t)(b * 100 + h));
        double u[6] = {0};
        for (size_t k = 0; k < npair; k++) {
            size_t q = (size_t)shi_rng_below(&g, npair);
            for (int j = 0; j < 6; j++) {
                u[j] += sm[q * 6 + (size_t)j];
            }
        }
        for (int j = 0; j < 2; j++) {
            bs[(size_t)(2 * j) * NBOOT + (size_t)b] = 1 - u[3 * j] / u[3 * j + 1];
            bs[(size_t)(2 * j + 1) * NBOOT + (size_t)b] = 1 - u[3 * j] / u[3 * j + 2];
        }
    }
    /* Percentile intervals: the 13th and 488th of 500 sorted replications. */
    size_t lo = (size_t)(0.025 * NBOOT), hi = (size_t)(0.975 * NBOOT) - 1;
    for (int k = 0; k < 4; k++) {
        double *v = &bs[(size_t)k * NBOOT];
        qsort(v, NBOOT, sizeof *v, cmp_double);
        int j = k / 2;
        if (k % 2 == 0) {
            out->ss_persist_lo[j] = v[lo];
            out->ss_persist_hi[j] = v[hi];
        } else {
            out->ss_clim_lo[j] = v[lo];
            out->ss_clim_hi[j] = v[hi];
        }
    }
    free(sm);
    free(bs);
}

/* The doubles of one record slot in the exchange between processes:
 * present, m[2], pe[2], cl[2], p[N], c[N], obs. */
#define SLOT (8 + 2 * SHI_FUT_N)

static void rec_put(const rec *x, double *v)
{
    v[0] = 1;
    memcpy(&v[1], x->m, sizeof x->m);
    memcpy(&v[3], x->pe, sizeof x->pe);
    memcpy(&v[5], x->cl, sizeof x->cl);
    memcpy(&v[7], x->p, sizeof x->p);
    memcpy(&v[7 + SHI_FUT_N], x->c, sizeof x->c);
    v[7 + 2 * SHI_FUT_N] = x->obs;
}

static rec rec_get(const double *v, size_t q, int h)
{
    rec x;
    memset(&x, 0, sizeof x);
    x.q = q;
    x.h = h;
    memcpy(x.m, &v[1], sizeof x.m);
    memcpy(x.pe, &v[3], sizeof x.pe);
    memcpy(x.cl, &v[5], sizeof x.cl);
    memcpy(x.p, &v[7], sizeof x.p);
    memcpy(x.c, &v[7 + SHI_FUT_N], sizeof x.c);
    x.obs = (int)v[7 + 2 * SHI_FUT_N];
    return x;
}

/* Split over processes: each runs every nproc-th origin and puts its records
 * in a slot (origin, pair, horizon) of a table the others leave at zero; the
 * sum over processes is then every record, exactly (x + 0 = x), and they are
 * read back in the order one process would have made them (origin, pair,
 * horizon), so the scores are summed in the same order. */
static shi_status split_origins(const shi_scen_panel *p, int o0, int o1, int hmax, uint64_t paths,
                                uint64_t seed, int threads, const shi_scen_split *sp, recs *out,
                                shi_err *err)
{
    size_t no = (size_t)(o1 - o0 + 1), per = p->npair * (size_t)hmax;
    double *tab = calloc(no * per * SLOT, sizeof *tab);
    recs mine = {0};
    shi_status s = tab ? SHI_OK : shi_err_set(err, SHI_EIO, "out of memory");
    for (int o = o0 + sp->rank; o <= o1 && s == SHI_OK; o += sp->nproc) {
        mine.n = 0;
        s = one_origin(p, o, hmax, paths, seed, threads, &mine, err);
        for (size_t i = 0; i < mine.n && s == SHI_OK; i++) {
            const rec *x = &mine.v[i];
            rec_put(
                x,
                &tab[((size_t)(o - o0) * per + x->q * (size_t)hmax + (size_t)(x->h - 1)) * SLOT]);
        }
    }
    free(mine.v);
    /* every process takes part in the sum, even after an error of its own */
    if (tab && sp->sum_f64(tab, no * per * SLOT, sp->ctx) != 0 && s == SHI_OK) {
        s = shi_err_set(err, SHI_EIO, "summing the back-test over %d processes failed", sp->nproc);
    }
    for (size_t i = 0; s == SHI_OK && i < no * per; i++) {
        const double *v = &tab[i * SLOT];
        if (v[0] != 0 &&
            push(out, rec_get(v, i % per / (size_t)hmax, (int)(i % (size_t)hmax) + 1)) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
        }
    }
    free(tab);
    return s;
}

shi_status shi_scen_backtest_run(const shi_scen_panel *p, int o0, int o1, int hmax, uint64_t paths,
                                 uint64_t seed, int threads, const shi_scen_split *split,
                                 shi_scen_backtest *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    if (hmax < 1 || hmax > SHI_SCEN_NH || o1 < o0 || !paths) {
        return shi_err_set(err, SHI_EUSAGE, "back-test: horizons 1-%d, origins in order, paths",
                           SHI_SCEN_NH);
    }
    recs r = {0};
    shi_status s = SHI_OK;
    if (split && split->nproc > 1) {
        s = split_origins(p, o0, o1, hmax, paths, seed, threads, split, &r, err);
    }
    for (int o = o0; o <= o1 && s == SHI_OK && !(split && split->nproc > 1); o++) {
        s = one_origin(p, o, hmax, paths, seed, threads, &r, err);
    }
    out->v = s == SHI_OK ? calloc((size_t)hmax, sizeof *out->v) : NULL;
    if (s == SHI_OK && !out->v) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (int h = 1; s == SHI_OK && h <= hmax; h++) {
        skill(&r, p->npair, h, seed, &out->v[h - 1]);
    }
    out->n = s == SHI_OK ? (size_t)hmax : 0;
    out->o0 = o0;
    out->o1 = o1;
    out->hmax = hmax;
    free(r.v);
    return s;
}
