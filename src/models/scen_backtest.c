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

/* One scored forecast. */
typedef struct rec {
    size_t q;
    int h;
    double m, pe, cl; /* RPS of the model, persistence, climatology */
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
    for (size_t q = 0; q < p->npair; q++) {
        shi_scen_result r;
        shi_err e2 = {0};
        shi_status s = shi_scen_run(p, p->pa[q], p->pb[q], &op, &r, &e2);
        if (s == SHI_EUSAGE || s == SHI_EDATA) {
            continue; /* not enough history at this origin: not forecast */
        }
        if (s != SHI_OK) {
            return shi_err_set(err, s, "%s", e2.msg);
        }
        for (int k = 0; k < r.nh; k++) {
            int h = r.h[k], obs = shi_scen_observed(p, q, o, h);
            double clim[SHI_FUT_N], pers[SHI_FUT_N] = {0};
            if (obs < 0 || !climatology(p, o, h, clim)) {
                continue;
            }
            /* Persistence: the future of the h years before the origin
             * happens again; status quo when that is unknown. */
            int last = o - h >= p->y0 ? shi_scen_observed(p, q, o - h, h) : -1;
            pers[last >= 0 ? last : SHI_FUT_STATUSQUO] = 1;
            rec x = {q, h, shi_scen_rps(r.p[k], obs), shi_scen_rps(pers, obs),
                     shi_scen_rps(clim, obs)};
            if (push(out, x) != 0) {
                shi_scen_result_free(&r);
                return shi_err_set(err, SHI_EIO, "out of memory");
            }
        }
        shi_scen_result_free(&r);
    }
    return SHI_OK;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Skill scores of horizon h with pair-block bootstrap 95% intervals. */
static void skill(const recs *r, size_t npair, int h, uint64_t seed, shi_scen_skill *out)
{
    double *sm = calloc(npair * 3, sizeof *sm);
    double *bp = malloc(NBOOT * sizeof *bp), *bc = malloc(NBOOT * sizeof *bc);
    size_t *w = malloc(npair * sizeof *w);
    memset(out, 0, sizeof *out);
    out->h = h;
    if (!sm || !bp || !bc || !w) {
        free(sm);
        free(bp);
        free(bc);
        free(w);
        return;
    }
    for (size_t i = 0; i < r->n; i++) {
        if (r->v[i].h == h) {
            sm[r->v[i].q * 3] += r->v[i].m;
            sm[r->v[i].q * 3 + 1] += r->v[i].pe;
            sm[r->v[i].q * 3 + 2] += r->v[i].cl;
            out->n++;
        }
    }
    double t[3] = {0};
    for (size_t q = 0; q < npair; q++) {
        for (int j = 0; j < 3; j++) {
            t[j] += sm[q * 3 + (size_t)j];
        }
    }
    double n = out->n ? (double)out->n : (double)NAN;
    out->rps_model = t[0] / n;
    out->rps_persist = t[1] / n;
    out->rps_clim = t[2] / n;
    out->ss_persist = 1 - t[0] / t[1];
    out->ss_clim = 1 - t[0] / t[2];
    for (int b = 0; b < NBOOT; b++) {
        shi_rng g;
        shi_rng_init(&g, seed, BOOT_STREAM + (uint64_t)(b * 100 + h));
        double u[3] = {0};
        for (size_t k = 0; k < npair; k++) {
            size_t q = (size_t)shi_rng_below(&g, npair);
            for (int j = 0; j < 3; j++) {
                u[j] += sm[q * 3 + (size_t)j];
            }
        }
        bp[b] = 1 - u[0] / u[1];
        bc[b] = 1 - u[0] / u[2];
    }
    qsort(bp, NBOOT, sizeof *bp, cmp_double);
    qsort(bc, NBOOT, sizeof *bc, cmp_double);
    /* Percentile interval: the 13th and 488th of 500 sorted replications. */
    out->ss_persist_lo = bp[(size_t)(0.025 * NBOOT) + 0];
    out->ss_persist_hi = bp[(size_t)(0.975 * NBOOT) - 1];
    out->ss_clim_lo = bc[(size_t)(0.025 * NBOOT) + 0];
    out->ss_clim_hi = bc[(size_t)(0.975 * NBOOT) - 1];
    free(sm);
    free(bp);
    free(bc);
    free(w);
}

shi_status shi_scen_backtest_run(const shi_scen_panel *p, int o0, int o1, int hmax, uint64_t paths,
                                 uint64_t seed, int threads, shi_scen_backtest *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    if (hmax < 1 || hmax > SHI_SCEN_NH || o1 < o0 || !paths) {
        return shi_err_set(err, SHI_EUSAGE, "back-test: horizons 1-%d, origins in order, paths",
                           SHI_SCEN_NH);
    }
    recs r = {0};
    shi_status s = SHI_OK;
    for (int o = o0; o <= o1 && s == SHI_OK; o++) {
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
