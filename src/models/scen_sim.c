/*
 * scen_sim.c - the Monte-Carlo ensemble of `shi scenarios`
 * (include/shi/scenarios.h, docs/scenarios.md).
 *
 * Path k draws its random numbers from Philox stream k of the seed (and the
 * bootstrap draw k mod D of the parameters), so its future does not depend
 * on which thread ran it; the summaries are integer counts, summed in any
 * order to the same totals, so the output is identical for any number of
 * threads. Memory holds the counts and a histogram of the composite per
 * year, never the paths.
 */
#include <shi/rng.h>
#include <shi/scenarios.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#    include <omp.h>
#endif

/* The fan chart's histogram: bins of 0.02 over [-6, 6] of the composite (its
 * panel values lie within about +-3), plus one bin each side. */
#define HLO SHI_SCEN_BIN0
#define HW SHI_SCEN_BINW
#define NBIN (SHI_SCEN_NBIN - 2)
/* Fewest years of the pair's composite up to the origin. */
#define MIN_HISTORY 10
/* Bootstrap draws use Philox streams from here (paths use 0, 1, ...). */
#define DRAW_STREAM (UINT64_C(1) << 62)

shi_scen_opts shi_scen_opts_default(void)
{
    shi_scen_opts o = {0};
    o.horizon = 20;
    o.paths = 100000;
    o.seed = 1;
    o.draws = 100;
    return o;
}

void shi_scen_result_free(shi_scen_result *r)
{
    if (r) {
        free(r->fan);
        free(r->hist);
        free(r->ycnt);
        shi_scen_params_free(&r->point);
        memset(r, 0, sizeof *r);
    }
}

static int nthreads(int t)
{
#ifdef _OPENMP
    return t > 0 ? t : omp_get_max_threads();
#else
    (void)t;
    return 1;
#endif
}

static double expit(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

/* What one path needs to know. */
typedef struct sim_ctx {
    const shi_scen_params *draw; /* draws */
    int ndraw;
    size_t pair;
    const shi_scen_opts *o;
    double c0;
    int pact0, fight0;
    int nh, h[SHI_SCEN_NH];
    double band[SHI_SCEN_NH];
    const double *bandy;   /* the panel's band by horizon, 0..SHI_SCEN_HMAX */
    double x0;             /* the driver at the origin (with one) */
    double hpact;          /* the pact-onset hazard from the origin (scen_pact.c) */
    const double *hpact_d; /* ndraw: the hazard under each draw of the formation fit;
                              NULL: hpact in every draw */
} sim_ctx;

typedef struct acc {
    uint64_t *dcnt; /* ndraw * SHI_SCEN_NH * SHI_FUT_N */
    uint64_t *hist; /* horizon * (NBIN + 2), then horizon * SHI_FUT_N: the futures by year */
} acc;

static void one_path(const sim_ctx *x, uint64_t path, acc *a)
{
    const shi_scen_opts *o = x->o;
    int d = (int)(path % (uint64_t)x->ndraw);
    const shi_scen_params *par = &x->draw[d];
    const double *v = par->v;
    double alpha = x->draw[d].alpha[x->pair];
    double hp = x->hpact_d ? x->hpact_d[d] : x->hpact;
    shi_rng g;
    shi_rng_init(&g, o->seed, path);
    double c = x->c0;
    int pact = x->pact0, fight = x->fight0, formed = 0, fought = 0, k = 0;
    double xd = x->x0; /* the driver (unused without one) */
    size_t nsh = o->shocks ? o->shocks->n : 0;
    int fired[64] = {0}; /* year each shock fired (0: not yet); shocks are capped at 64 */
    for (int step = 1; step <= o->horizon; step++) {
        int y = o->from + step;
        double dcomp = 0, dpact = 0, dfight = 0, ddrv = 0;
        for (size_t s = 0; s < nsh; s++) {
            const shi_scen_shock *sh = &o->shocks->v[s];
            if (!fired[s] && y >= sh->w0 && y <= sh->w1) {
                int fire = sh->forced ? y == sh->forced : shi_rng_uniform(&g) < sh->prob;
                if (fire) {
                    fired[s] = y;
                    dcomp += sh->eff[SHI_SDRV_COMPOSITE];
                    ddrv += sh->eff[SHI_SDRV_DRIVER];
                }
            }
            if (fired[s] && y < fired[s] + sh->duration) {
                dpact += sh->eff[SHI_SDRV_PACT];
                dfight += sh->eff[SHI_SDRV_CONFLICT];
            }
        }
        double eta = v[SHI_SP_C0] + v[SHI_SP_C1] * c + v[SHI_SP_C2] * fight +
                     v[SHI_SP_C3] * SHI_SCEN_DECADES(y - 1) + dfight;
        if (par->has_x) {
            eta += par->cx * xd;
        }
        double pf = expit(eta);
        int fight1 = shi_rng_uniform(&g) < pf;
        /* the onset hazard of the formation model, a shock's pact effect
         * added to its log-odds */
        double pp = pact ? 1.0 - expit(v[SHI_SP_D0])
                         : (dpact == 0 ? hp : expit(log(hp / (1 - hp)) + dpact));
        int pact1 = shi_rng_uniform(&g) < pp;
        /* A residual of the fit, drawn at random (residual bootstrap, Efron &
         * Tibshirani 1993, ch. 9); the normal only if the fit kept none. */
        double e =
            par->n ? par->resid[shi_rng_below(&g, par->n)] : v[SHI_SP_SIGMA] * shi_rng_normal(&g);
        c = alpha + v[SHI_SP_RHO] * c + v[SHI_SP_G_PACT] * pact + v[SHI_SP_G_FIGHT] * fight +
            dcomp + e + (par->has_x ? par->bx * xd : 0.0);
        if (par->has_x) {
            /* the driver's own AR(1), a residual of its fit, and the shocks
             * that move it; a share stays within [0, 1] */
            double u = par->nx ? par->xresid[shi_rng_below(&g, par->nx)] : 0.0;
            xd = par->xalpha[x->pair] + par->xphi * xd + u + ddrv;
            xd = xd < 0 ? 0 : (xd > 1 ? 1 : xd);
        }
        fight = fight1;
        pact = pact1;
        fought |= fight;
        formed |= pact;
        double b = floor((c - HLO) / HW);
        size_t bin = b < 0 ? 0 : (b >= NBIN ? NBIN + 1 : (size_t)b + 1);
        a->hist[(size_t)(step - 1) * (NBIN + 2) + bin]++;
        int fy = shi_future_classify(c - x->c0, x->bandy[step], x->pact0, formed, fought);
        if (fy >= 0) {
            a->hist[(size_t)o->horizon * (NBIN + 2) + (size_t)(step - 1) * SHI_FUT_N +
                    (size_t)fy]++;
        }
        if (k < x->nh && step == x->h[k]) {
            int f = shi_future_classify(c - x->c0, x->band[k], x->pact0, formed, fought);
            if (f >= 0) {
                a->dcnt[((size_t)d * SHI_SCEN_NH + (size_t)k) * SHI_FUT_N + (size_t)f]++;
            }
            k++;
        }
    }
}

/* The q-quantile of a histogram row (linear inside the bin). */
static double hist_q(const uint64_t *h, uint64_t n, double q)
{
    double target = q * (double)n, cum = 0;
    for (size_t b = 0; b < NBIN + 2; b++) {
        if (cum + (double)h[b] >= target && h[b] > 0) {
            if (b == 0 || b == NBIN + 1) {
                return b == 0 ? HLO : HLO + NBIN * HW;
            }
            double lo = HLO + (double)(b - 1) * HW;
            return lo + HW * (target - cum) / (double)h[b];
        }
        cum += (double)h[b];
    }
    return (double)NAN;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Quantile of sorted v (type 7 of Hyndman & Fan 1996). */
static double quantile(const double *v, size_t n, double q)
{
    if (!n) {
        return (double)NAN;
    }
    double h = (double)(n - 1) * q;
    size_t lo = (size_t)floor(h);
    return lo + 1 < n ? v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]) : v[n - 1];
}

/* dst = src (a deep copy); -1 when out of memory. */
static int params_copy(shi_scen_params *dst, const shi_scen_params *src, size_t npair)
{
    memcpy(dst->v, src->v, sizeof src->v);
    dst->n = src->n;
    dst->alpha = malloc(npair * sizeof *dst->alpha);
    dst->resid = malloc((src->n + 1) * sizeof *dst->resid);
    if (!dst->alpha || !dst->resid) {
        return -1;
    }
    memcpy(dst->alpha, src->alpha, npair * sizeof *dst->alpha);
    memcpy(dst->resid, src->resid, src->n * sizeof *dst->resid);
    dst->has_x = src->has_x;
    dst->bx = src->bx;
    dst->cx = src->cx;
    dst->xphi = src->xphi;
    dst->nx = src->nx;
    if (src->has_x) {
        dst->xalpha = malloc(npair * sizeof *dst->xalpha);
        dst->xresid = malloc((src->nx + 1) * sizeof *dst->xresid);
        if (!dst->xalpha || !dst->xresid) {
            return -1;
        }
        memcpy(dst->xalpha, src->xalpha, npair * sizeof *dst->xalpha);
        memcpy(dst->xresid, src->xresid, src->nx * sizeof *dst->xresid);
    }
    return 0;
}

/* Draw the bootstrap parameters (pair blocks), draw b from its own stream. */
static shi_status draw_params(const shi_scen_panel *p, const shi_scen_opts *o, shi_scen_params *dr,
                              const shi_scen_params *point, shi_err *err)
{
    int bad = 0;
    unsigned *w = calloc((size_t)o->draws * p->npair, sizeof *w);
    if (!w) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
#pragma omp parallel for schedule(dynamic) num_threads(nthreads(o->threads)) reduction(| : bad)
    for (int b = 0; b < o->draws; b++) {
        unsigned *wb = &w[(size_t)b * p->npair];
        shi_rng g;
        shi_rng_init(&g, o->seed, DRAW_STREAM + (uint64_t)b);
        for (size_t k = 0; k < p->npair; k++) {
            wb[shi_rng_below(&g, p->npair)]++;
        }
        shi_err e2 = {0};
        if (shi_scen_fit(p, o->fit_last, wb, &dr[b], &e2) != SHI_OK) {
            /* A draw too thin to fit (few pairs with data drawn): the point
             * estimate stands in, counted as no parameter uncertainty. */
            bad |= params_copy(&dr[b], point, p->npair) != 0;
        }
        /* The pair effect of the forecast pair comes from its own history
         * under the draw's slopes, drawn or not (shi_scen_fit). */
    }
    free(w);
    return bad ? shi_err_set(err, SHI_EIO, "out of memory") : SHI_OK;
}

/* The driver of the forecast pair: its last value up to the origin (the
 * power data end before the panel does: it stays there until its dynamics
 * move it), the draws' pair effects where a draw has none, and the 95%
 * bootstrap intervals of its coefficients into r. */
static shi_status driver_setup(const shi_scen_panel *p, size_t q, int from, shi_scen_params *dr,
                               int ndraw, sim_ctx *x, shi_scen_result *r, shi_err *err)
{
    r->bx_lo = r->bx_hi = r->cx_lo = r->cx_hi = (double)NAN;
    if (!p->x) {
        return SHI_OK;
    }
    x->x0 = (double)NAN;
    for (int y = from; y >= p->y0 && isnan(x->x0); y--) {
        x->x0 = p->x[q * p->ny + (size_t)(y - p->y0)];
    }
    if (isnan(x->x0) || isnan(r->point.xalpha[q])) {
        return shi_err_set(err, SHI_EUSAGE, "not enough history: the driver has no data up to %d",
                           from);
    }
    double *bx = malloc(((size_t)ndraw + 1) * sizeof *bx),
           *cx = malloc(((size_t)ndraw + 1) * sizeof *cx);
    if (!bx || !cx) {
        free(bx);
        free(cx);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (int d = 0; d < ndraw; d++) {
        if (isnan(dr[d].xalpha[q])) {
            dr[d].xalpha[q] = r->point.xalpha[q];
        }
        bx[d] = dr[d].bx;
        cx[d] = dr[d].cx;
    }
    if (ndraw > 1) {
        qsort(bx, (size_t)ndraw, sizeof *bx, cmp_double);
        qsort(cx, (size_t)ndraw, sizeof *cx, cmp_double);
        r->bx_lo = quantile(bx, (size_t)ndraw, 0.025);
        r->bx_hi = quantile(bx, (size_t)ndraw, 0.975);
        r->cx_lo = quantile(cx, (size_t)ndraw, 0.025);
        r->cx_hi = quantile(cx, (size_t)ndraw, 0.975);
    }
    r->x0 = x->x0;
    r->third = p->third;
    free(bx);
    free(cx);
    return SHI_OK;
}

static void summarise(const sim_ctx *x, const acc *a, shi_scen_result *r)
{
    size_t nd = (size_t)x->ndraw;
    double *pd = malloc(nd * sizeof *pd);
    for (int k = 0; k < x->nh; k++) {
        uint64_t tot = 0, cnt[SHI_FUT_N] = {0};
        for (size_t d = 0; d < nd; d++) {
            for (int f = 0; f < SHI_FUT_N; f++) {
                uint64_t c = a->dcnt[(d * SHI_SCEN_NH + (size_t)k) * SHI_FUT_N + (size_t)f];
                cnt[f] += c;
                tot += c;
            }
        }
        for (int f = 0; f < SHI_FUT_N; f++) {
            double n = (double)tot, ph = (double)cnt[f] / n, z = 1.959963984540054;
            /* Wilson (1927) score interval. */
            double mid = (ph + z * z / (2 * n)) / (1 + z * z / n);
            double hw = z / (1 + z * z / n) * sqrt(ph * (1 - ph) / n + z * z / (4 * n * n));
            r->p[k][f] = ph;
            r->mc_lo[k][f] = mid - hw > 0 ? mid - hw : 0;
            r->mc_hi[k][f] = mid + hw < 1 ? mid + hw : 1;
            size_t m = 0;
            for (size_t d = 0; pd && d < nd; d++) {
                uint64_t nb = 0;
                for (int g = 0; g < SHI_FUT_N; g++) {
                    nb += a->dcnt[(d * SHI_SCEN_NH + (size_t)k) * SHI_FUT_N + (size_t)g];
                }
                if (nb) {
                    pd[m++] =
                        (double)a->dcnt[(d * SHI_SCEN_NH + (size_t)k) * SHI_FUT_N + (size_t)f] /
                        (double)nb;
                }
            }
            if (pd) {
                qsort(pd, m, sizeof *pd, cmp_double);
            }
            r->par_lo[k][f] = pd ? quantile(pd, m, 0.05) : (double)NAN;
            r->par_hi[k][f] = pd ? quantile(pd, m, 0.95) : (double)NAN;
        }
    }
    free(pd);
    static const double qs[5] = {0.05, 0.25, 0.5, 0.75, 0.95};
    for (int s = 0; s < x->o->horizon; s++) {
        for (int j = 0; j < 5; j++) {
            r->fan[(size_t)s * 5 + (size_t)j] =
                hist_q(&a->hist[(size_t)s * (NBIN + 2)], x->o->paths, qs[j]);
        }
    }
}

/* The spread of the drawn pact hazards (the percentiles of the param
 * interval); NaN when the hazard was not drawn. */
static void pact_spread(const double *hd, int nd, shi_scen_result *r)
{
    r->pact_h_lo = r->pact_h_hi = (double)NAN;
    double *v = hd ? malloc((size_t)nd * sizeof *v) : NULL;
    if (v) {
        memcpy(v, hd, (size_t)nd * sizeof *v);
        qsort(v, (size_t)nd, sizeof *v, cmp_double);
        r->pact_h_lo = quantile(v, (size_t)nd, 0.05);
        r->pact_h_hi = quantile(v, (size_t)nd, 0.95);
    }
    free(v);
}

static shi_status check(const shi_scen_panel *p, long q, const shi_scen_opts *o, shi_err *err)
{
    if (o->paths < 1) {
        return shi_err_set(err, SHI_EUSAGE, "--paths must be at least 1");
    }
    if (o->horizon < 1 || o->horizon > SHI_SCEN_HMAX) {
        return shi_err_set(err, SHI_EUSAGE, "--horizon must be 1-%d, not %d", SHI_SCEN_HMAX,
                           o->horizon);
    }
    if (o->every && o->horizon > SHI_SCEN_NH) {
        return shi_err_set(err, SHI_EUSAGE, "every horizon: at most %d years", SHI_SCEN_NH);
    }
    if (o->draws < 1 || o->draws > 10000) {
        return shi_err_set(err, SHI_EUSAGE, "--draws must be 1-10000");
    }
    if (o->shocks && o->shocks->n > 64) {
        return shi_err_set(err, SHI_EUSAGE, "at most 64 shocks");
    }
    for (size_t k = 0; o->shocks && k < o->shocks->n && !p->x; k++) {
        if (o->shocks->v[k].eff[SHI_SDRV_DRIVER] != 0) {
            return shi_err_set(err, SHI_EUSAGE,
                               "shock '%s' moves the driver, and there is none: name the third "
                               "state (--third C)",
                               o->shocks->v[k].name);
        }
    }
    if (q < 0 || o->from < p->y0 || o->from > p->y1) {
        return shi_err_set(err, SHI_EUSAGE, "--from must be in %d-%d", p->y0, p->y1);
    }
    size_t base = (size_t)q * p->ny;
    int years = 0;
    for (int y = p->y0; y <= o->from; y++) {
        years += !isnan(p->c[base + (size_t)(y - p->y0)]);
    }
    size_t i = base + (size_t)(o->from - p->y0);
    if (years < MIN_HISTORY || isnan(p->c[i]) || p->pact[i] == SHI_SCEN_NA ||
        p->fight[i] == SHI_SCEN_NA) {
        return shi_err_set(err, SHI_EUSAGE,
                           "not enough history: the pair has %d years of the composite up to %d "
                           "(at least %d, and the origin year itself, are needed)",
                           years, o->from, MIN_HISTORY);
    }
    const shi_scen_pact *ph = p->pact_h ? &p->pact_h[i] : NULL;
    if (!ph || !ph->ok) {
        return shi_err_set(err, SHI_EUSAGE, "no pact hazard from %d: run shi_scen_panel_pact",
                           o->from);
    }
    if (isnan(ph->h)) {
        return shi_err_set(err, SHI_EUSAGE,
                           "no pact hazard from %d: the alliance-formation covariates of the "
                           "pair are missing in %d",
                           o->from, ph->cov_year);
    }
    return SHI_OK;
}

/* The first path of process r's block of n (paths * r / n without overflow). */
static uint64_t block_start(uint64_t paths, int r, int n)
{
    uint64_t un = (uint64_t)n, ur = (uint64_t)r;
    return paths / un * ur + paths % un * ur / un;
}

/* Run this process's paths (a block of them when split over processes),
 * then sum the counts over the processes. */
static shi_status run_paths(const sim_ctx *x, acc *tot, size_t nd, size_t nh, shi_err *err)
{
    const shi_scen_opts *o = x->o;
    const shi_scen_split *sp = o->split && o->split->nproc > 1 ? o->split : NULL;
    uint64_t k0 = 0, k1 = o->paths;
    if (sp) {
        k0 = block_start(o->paths, sp->rank, sp->nproc);
        k1 = block_start(o->paths, sp->rank + 1, sp->nproc);
    }
#pragma omp parallel num_threads(nthreads(o->threads))
    {
        acc a = {calloc(nd, sizeof *a.dcnt), calloc(nh, sizeof *a.hist)};
#pragma omp for schedule(static)
        for (uint64_t k = k0; k < k1; k++) {
            if (a.dcnt && a.hist) {
                one_path(x, k, &a);
            }
        }
#pragma omp critical
        {
            for (size_t i = 0; i < nd && a.dcnt; i++) {
                tot->dcnt[i] += a.dcnt[i];
            }
            for (size_t i = 0; i < nh && a.hist; i++) {
                tot->hist[i] += a.hist[i];
            }
        }
        free(a.dcnt);
        free(a.hist);
    }
    if (sp &&
        (sp->sum_u64(tot->dcnt, nd, sp->ctx) != 0 || sp->sum_u64(tot->hist, nh, sp->ctx) != 0)) {
        return shi_err_set(err, SHI_EIO, "summing the paths over %d processes failed", sp->nproc);
    }
    return SHI_OK;
}

shi_status shi_scen_run(const shi_scen_panel *p, int a, int b, const shi_scen_opts *o,
                        shi_scen_result *r, shi_err *err)
{
    memset(r, 0, sizeof *r);
    long q = shi_scen_panel_pair(p, a, b);
    shi_status s = check(p, q, o, err);
    if (s != SHI_OK) {
        return s;
    }
    shi_scen_opts oo = *o;
    oo.fit_last = o->fit_last ? o->fit_last : o->from;
    sim_ctx x = {.ndraw = o->draws, .pair = (size_t)q, .o = &oo, .bandy = p->band};
    size_t i = (size_t)q * p->ny + (size_t)(o->from - p->y0);
    x.c0 = p->c[i];
    x.hpact = p->pact_h[i].h;
    /* draw d's pact hazard (scen_pact.c) when the panel has the draws of
     * this run; without them (no pact_ndraw set) the hazard of every draw is
     * the point estimate's */
    if (o->draws > 1 && p->pact_hd) {
        if (p->pact_ndraw != o->draws || p->pact_seed != o->seed) {
            return shi_err_set(err, SHI_EUSAGE,
                               "the panel's pact hazards have %d draws of seed %llu; the run "
                               "asks for %d of seed %llu",
                               p->pact_ndraw, (unsigned long long)p->pact_seed, o->draws,
                               (unsigned long long)o->seed);
        }
        x.hpact_d = &p->pact_hd[i * (size_t)o->draws];
    }
    x.pact0 = p->pact[i];
    x.fight0 = p->fight[i];
    static const int hs[3] = {5, 10, 20};
    for (int k = 0; k < 3 && !o->every; k++) {
        if (hs[k] < o->horizon) {
            x.h[x.nh++] = hs[k];
        }
    }
    for (int h = o->every ? 1 : o->horizon; h <= o->horizon; h++) {
        x.h[x.nh++] = h;
    }
    for (int k = 0; k < x.nh; k++) {
        x.band[k] = p->band[x.h[k]];
    }
    shi_scen_params *dr = calloc((size_t)o->draws, sizeof *dr);
    /* the histogram and, after it, the futures by year */
    size_t nd = (size_t)o->draws * SHI_SCEN_NH * SHI_FUT_N,
           nhist = (size_t)o->horizon * (NBIN + 2 + SHI_FUT_N);
    acc tot = {calloc(nd, sizeof *tot.dcnt), calloc(nhist, sizeof *tot.hist)};
    r->fan = malloc((size_t)o->horizon * 5 * sizeof *r->fan);
    if (!dr || !tot.dcnt || !tot.hist || !r->fan) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (s == SHI_OK) {
        s = shi_scen_fit(p, oo.fit_last, NULL, &r->point, err);
    }
    if (s == SHI_OK && isnan(r->point.alpha[q])) {
        s = shi_err_set(err, SHI_EUSAGE, "not enough history: the pair has no transition by %d",
                        oo.fit_last);
    }
    if (s == SHI_OK && o->draws == 1) { /* the point estimate only */
        if (params_copy(&dr[0], &r->point, p->npair) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
        }
    } else if (s == SHI_OK) {
        s = draw_params(p, &oo, dr, &r->point, err);
    }
    for (int d = 0; s == SHI_OK && d < o->draws; d++) {
        if (isnan(dr[d].alpha[q])) {
            dr[d].alpha[q] = r->point.alpha[q];
        }
    }
    if (s == SHI_OK) {
        s = driver_setup(p, (size_t)q, o->from, dr, o->draws, &x, r, err);
    }
    x.draw = dr;
    if (s == SHI_OK) {
        s = run_paths(&x, &tot, nd, nhist, err);
    }
    if (s == SHI_OK) {
        r->a = a;
        r->b = b;
        r->pair = (size_t)q;
        r->from = o->from;
        r->horizon = o->horizon;
        r->paths = o->paths;
        r->draws = o->draws;
        r->nh = x.nh;
        memcpy(r->h, x.h, sizeof r->h);
        memcpy(r->band, x.band, sizeof r->band);
        r->c0 = x.c0;
        r->pact0 = x.pact0;
        r->fight0 = x.fight0;
        r->pact = p->pact_h[i];
        pact_spread(x.hpact_d, o->draws, r);
        summarise(&x, &tot, r);
        r->ycnt = malloc((size_t)o->horizon * SHI_FUT_N * sizeof *r->ycnt);
        if (!r->ycnt) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
        } else {
            memcpy(r->ycnt, &tot.hist[(size_t)o->horizon * (NBIN + 2)],
                   (size_t)o->horizon * SHI_FUT_N * sizeof *r->ycnt);
        }
        r->hist = tot.hist; /* the result keeps it (shi_scen_crps) */
        tot.hist = NULL;
    }
    for (int d = 0; dr && d < o->draws; d++) {
        shi_scen_params_free(&dr[d]);
    }
    free(dr);
    free(tot.dcnt);
    free(tot.hist);
    if (s != SHI_OK) {
        shi_scen_result_free(r);
    }
    return s;
}

double shi_scen_crps(const shi_scen_result *r, int step, double y)
{
    if (!r->hist || step < 1 || step > r->horizon || isnan(y)) {
        return (double)NAN;
    }
    const uint64_t *h = &r->hist[(size_t)(step - 1) * SHI_SCEN_NBIN];
    double n = (double)r->paths, crps = 0, cum = 0;
    /* bin b's paths sit at its centre; the outer bins one bin beyond */
#define CENTRE(b) (HLO + ((double)(b)-0.5) * HW)
    double x0 = CENTRE(0), xl = CENTRE(SHI_SCEN_NBIN - 1);
    if (y < x0) {
        crps += x0 - y; /* F = 0, H = 1 */
    }
    for (size_t b = 0; b + 1 < SHI_SCEN_NBIN; b++) {
        cum += (double)h[b] / n;
        double lo = CENTRE(b), hi = CENTRE(b + 1);
        if (y <= lo) {
            crps += (1 - cum) * (1 - cum) * (hi - lo);
        } else if (y >= hi) {
            crps += cum * cum * (hi - lo);
        } else {
            crps += cum * cum * (y - lo) + (1 - cum) * (1 - cum) * (hi - y);
        }
    }
    if (y > xl) {
        crps += y - xl; /* F = 1, H = 0 */
    }
#undef CENTRE
    return crps;
}
