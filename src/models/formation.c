/*
 * formation.c - the events and covariates of alliance formation: onsets of
 * ATOP obligations per directed dyad-year, the balance-of-power, balance-of-
 * threat and bandwagoning covariates computed by shi's own measures (CINC,
 * the threat index, great-circle distance), the design of the conditional
 * logit, and prediction for a chooser or a pair (include/shi/formation.h,
 * docs/formation.md).
 */
#include <shi/formation.h>
#include <shi/geography.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

#define MAXK 8 /* largest k of the shared top-k threat */

shi_formation_opts shi_formation_opts_default(void)
{
    shi_formation_opts o;
    memset(&o, 0, sizeof o);
    o.level = SHI_FORM_DEFENCE;
    o.count = SHI_FORM_COUNT_PAIRS;
    o.topk = 3;
    o.prior_window = 10;
    return o;
}

/* Obligation of i towards j in `year` at the level: 1, 0, or -1 when ATOP
 * does not cover the year. Defence: ATOP level 3 (a defence or offence pact);
 * any: level >= 1 (any of the five obligations). */
static int obligated(const shi_dyadic *dy, int year, size_t i, size_t j, shi_form_level l)
{
    if (!dy->ally_level || year < dy->ally_y0 || year > dy->ally_y1 || year < dy->y0 ||
        year > dy->y1) {
        return -1;
    }
    uint8_t v = dy->ally_level[shi_dy_pair(dy, year, i, j)];
    if (v == SHI_NA_U8) {
        return -1;
    }
    return l == SHI_FORM_DEFENCE ? v >= 3 : v >= 1;
}

static int either(const shi_dyadic *dy, int year, size_t i, size_t j, shi_form_level l)
{
    return obligated(dy, year, i, j, l) == 1 || obligated(dy, year, j, i, l) == 1;
}

/* The covered onset years [*y0, *y1] and the last year a prediction can be
 * made for (*pmax: the covariates' year t-1 covered, t beyond ATOP). */
/* The same from the years of the sources: ATOP's, the capabilities', contiguity's. */
static void covered_years(int ally0, int ally1, int cap0, int cap1, int con0, int con1, int *y0,
                          int *y1, int *pmax)
{
    int a = ally0 + 1, b = ally1 + 1;
    a = cap0 + 1 > a ? cap0 + 1 : a;
    b = cap1 + 1 < b ? cap1 + 1 : b;
    a = con0 + 1 > a ? con0 + 1 : a;
    b = con1 + 1 < b ? con1 + 1 : b;
    *y0 = a;
    *pmax = b;
    *y1 = b < ally1 ? b : ally1;
}

static void covered(const shi_data *d, int *y0, int *y1, int *pmax)
{
    const shi_dyadic *dy = &d->dy;
    *y0 = 1;
    *y1 = *pmax = 0;
    if (!d->dy_loaded || !dy->ally_level || !dy->contig || d->caps.nrow == 0) {
        return;
    }
    covered_years(dy->ally_y0, dy->ally_y1, d->caps.year_min, d->caps.year_max, dy->contig_y0,
                  dy->contig_y1, y0, y1, pmax);
}

int shi_formation_predict_from(const shi_data *caps, const shi_data_spec *spec,
                               const shi_formation_opts *o, int t)
{
    int con1, ally1, y0, y1, pmax;
    if (caps->caps.nrow == 0 || shi_data_dyadic_cover(spec, &con1, &ally1) != 0) {
        return 0;
    }
    /* The first years do not matter here: t is checked against the
     * capabilities' first year below. */
    covered_years(SHI_DYADIC_Y0, ally1, caps->caps.year_min, caps->caps.year_max, SHI_DYADIC_Y0,
                  con1, &y0, &y1, &pmax);
    t = t ? t : pmax;
    if (t <= caps->caps.year_min + 1 || t > pmax) {
        return 0;
    }
    return shi_formation_from(o, t);
}

void shi_formation_years(const shi_data *d, int *y0, int *y1, int *pmax)
{
    int pm;
    covered(d, y0, y1, &pm);
    if (pmax) {
        *pmax = pm;
    }
}

void shi_formation_year_free(shi_formation_year *y)
{
    free(y->x);
    for (int l = 0; l < SHI_FORM_NLEVEL; l++) {
        free(y->risk[l]);
        free(y->onset[l]);
    }
    memset(y, 0, sizeof *y);
}

/* Per-year scratch: membership, CINC, threat matrix and each state's top-k. */
typedef struct yscratch {
    size_t n;
    int *mem;     /* member in t-1 and t */
    double *cinc; /* t-1 */
    double *pol;  /* Polity5 polity2 in t-1, NaN when missing */
    double *T;    /* T[i * n + x] = T(i <- x) in t-1 */
    int *top;     /* top[i * MAXK + q]: registry index of i's q-th threat, or -1 */
} yscratch;

static void yscratch_free(yscratch *w)
{
    free(w->mem);
    free(w->cinc);
    free(w->pol);
    free(w->T);
    free(w->top);
}

/* Each state's k highest threats among the members (ties by registry order). */
static void top_threats(yscratch *w, int k)
{
    size_t n = w->n;
    for (size_t i = 0; i < n; i++) {
        int *top = w->top + i * MAXK;
        for (int q = 0; q < MAXK; q++) {
            top[q] = -1;
        }
        if (!w->mem[i]) {
            continue;
        }
        for (size_t x = 0; x < n; x++) {
            double v = w->T[i * n + x];
            if (isnan(v)) {
                continue;
            }
            int q = k;
            while (q > 0 && (top[q - 1] < 0 || w->T[i * n + (size_t)top[q - 1]] < v)) {
                q--;
            }
            if (q < k) {
                memmove(top + q + 1, top + q, (size_t)(k - 1 - q) * sizeof *top);
                top[q] = (int)x;
            }
        }
    }
}

static shi_status scratch_fill(const shi_data *d, const shi_threat_ctx *ctx,
                               const shi_threat_model *m, int t, int k, yscratch *w, shi_err *err)
{
    const shi_states *st = &d->states;
    size_t n = st->n;
    /* polity2 is in the panel only with the economic part (SHI_DATA_ECON);
     * without it every regime is missing, which the missing indicator says. */
    long pc = shi_data_col(d, "polity2");
    for (size_t i = 0; i < n; i++) {
        w->mem[i] = shi_states_member(st, &st->v[i], t - 1) && shi_states_member(st, &st->v[i], t);
        long row = shi_panel_row(&d->caps, st->v[i].ccode, t - 1);
        w->cinc[i] = row >= 0 ? shi_panel_get(&d->caps, d->cinc, (size_t)row) : (double)NAN;
        w->pol[i] = row >= 0 && pc >= 0 && shi_panel_ok(&d->caps, (size_t)pc, (size_t)row)
                        ? shi_panel_get(&d->caps, (size_t)pc, (size_t)row)
                        : (double)NAN;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t x = 0; x < n; x++) {
            double v = (double)NAN;
            if (x != i && w->mem[i] && w->mem[x]) {
                shi_threat th;
                shi_status s =
                    shi_threat_compute(ctx, m, st->v[i].ccode, st->v[x].ccode, t - 1, &th, err);
                if (s != SHI_OK) {
                    return s;
                }
                v = th.total;
            }
            w->T[i * n + x] = v;
        }
    }
    top_threats(w, k);
    return SHI_OK;
}

/* The covariates of (i, j) for onset year t into x[SHI_FV_N] (NaN when one
 * is missing). S: the strongest member in t-1 (registry index, or -1). */
static void covariates(const shi_data *d, const yscratch *w, int t, int k, int prior_window, long S,
                       size_t i, size_t j, double *x)
{
    const shi_dyadic *dy = &d->dy;
    const shi_states *st = &d->states;
    size_t n = w->n;
    int y = t - 1;
    size_t oi = shi_dy_one(dy, y, i), oj = shi_dy_one(dy, y, j);
    double km =
        shi_great_circle_km(dy->cap_lat[oi], dy->cap_lon[oi], dy->cap_lat[oj], dy->cap_lon[oj]);
    x[SHI_FV_DIST] = log1p(km);
    uint8_t c =
        y >= dy->contig_y0 && y <= dy->contig_y1 ? dy->contig[shi_dy_pair(dy, y, i, j)] : SHI_NA_U8;
    x[SHI_FV_CONTIG] = c == SHI_NA_U8 ? (double)NAN : (double)(c == 1);
    int prior = 0;
    for (int q = t - prior_window; q <= y && !prior; q++) {
        prior = either(dy, q, i, j, SHI_FORM_ANY);
    }
    x[SHI_FV_PRIOR] = prior;
    int mi = shi_states_major(st, &st->v[i], y), mj = shi_states_major(st, &st->v[j], y);
    x[SHI_FV_MAJOR] = mj;
    x[SHI_FV_BOTHMAJOR] = mi && mj;
    if (S < 0 || isnan(w->cinc[i]) || isnan(w->cinc[j])) {
        x[SHI_FV_BOP_SHARE] = x[SHI_FV_STRONGEST] = (double)NAN;
    } else {
        size_t s = (size_t)S;
        int neither = i != s && j != s;
        x[SHI_FV_BOP_SHARE] = neither ? (w->cinc[i] + w->cinc[j]) / w->cinc[s] : 0.0;
        x[SHI_FV_STRONGEST] = j == s || either(dy, y, j, s, SHI_FORM_DEFENCE);
    }
    const int *ti = w->top + i * MAXK, *tj = w->top + j * MAXK;
    if (ti[0] < 0 || tj[0] < 0) {
        x[SHI_FV_SHARED] = x[SHI_FV_SHARED_T] = x[SHI_FV_TOP_THREAT] = (double)NAN;
    } else {
        double best = 0;
        int shared = 0;
        for (int a = 0; a < k && ti[a] >= 0; a++) {
            for (int b = 0; b < k && tj[b] >= 0; b++) {
                size_t z = (size_t)ti[a];
                if (ti[a] == tj[b] && z != i && z != j) {
                    double v = fmin(w->T[i * n + z], w->T[j * n + z]);
                    shared = 1;
                    best = v > best ? v : best;
                }
            }
        }
        x[SHI_FV_SHARED] = shared;
        x[SHI_FV_SHARED_T] = best;
        size_t top = (size_t)ti[0];
        x[SHI_FV_TOP_THREAT] = top == j || either(dy, y, j, top, SHI_FORM_DEFENCE);
    }
    x[SHI_FV_THREAT_IJ] = w->T[i * n + j];
    /* Regime similarity (Lai & Reiter 2000): a missing polity2 is coded by
     * its own indicator with distance 0, not dropped and not taken as equal
     * regimes; the indicator's coefficient absorbs the distance's level. */
    int na = isnan(w->pol[i]) || isnan(w->pol[j]);
    x[SHI_FV_REGIME] = na ? 0.0 : fabs(w->pol[i] - w->pol[j]) / 20.0;
    x[SHI_FV_REGIME_NA] = na;
    /* Shared IGO memberships (COW IGO v3, to 2014), in logs like the
     * distance; missing the same way as the regime: after 2014, and for the
     * dyads without a major power in the embedded subset, the value is
     * missing (not 0 IGOs), so it gets its own level. */
    uint8_t g = dy->igo && y >= dy->igo_y0 && y <= dy->igo_y1 ? dy->igo[shi_dy_pair(dy, y, i, j)]
                                                              : SHI_NA_U8;
    x[SHI_FV_IGO] = g == SHI_NA_U8 ? 0.0 : log1p((double)g);
    x[SHI_FV_IGO_NA] = g == SHI_NA_U8;
}

static shi_status year_alloc(shi_formation_year *out, size_t n, yscratch *w, shi_err *err)
{
    out->n = n;
    out->x = malloc(n * n * SHI_FV_N * sizeof *out->x);
    int bad = !out->x;
    for (int l = 0; l < SHI_FORM_NLEVEL; l++) {
        out->risk[l] = calloc(n * n, 1);
        out->onset[l] = calloc(n * n, 1);
        bad |= !out->risk[l] || !out->onset[l];
    }
    w->n = n;
    w->mem = malloc(n * sizeof *w->mem);
    w->cinc = malloc(n * sizeof *w->cinc);
    w->pol = malloc(n * sizeof *w->pol);
    w->T = malloc(n * n * sizeof *w->T);
    w->top = malloc(n * MAXK * sizeof *w->top);
    if (bad || !w->mem || !w->cinc || !w->pol || !w->T || !w->top) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return SHI_OK;
}

int shi_formation_from(const shi_formation_opts *o, int t)
{
    shi_threat_model dm = shi_threat_model_default();
    const shi_threat_model *m = o->threat ? o->threat : &dm;
    int prior = t - (o->prior_window > 1 ? o->prior_window : 1);
    int threat = t - 1 - shi_threat_lookback(m);
    return prior < threat ? prior : threat;
}

shi_status shi_formation_year_compute(const shi_data *d, const shi_threat_ctx *ctx,
                                      const shi_formation_opts *o, int t, shi_formation_year *out,
                                      shi_err *err)
{
    memset(out, 0, sizeof *out);
    int c0, c1, pmax;
    covered(d, &c0, &c1, &pmax);
    if (c0 > c1) {
        return shi_err_set(err, SHI_EUSAGE,
                           "alliance formation needs the dyadic data "
                           "(alliances, contiguity, capitals) and capabilities");
    }
    if (t < c0 || t > pmax) {
        return shi_err_set(err, SHI_EUSAGE,
                           "no alliance or threat data for onsets in %d: the data cover onsets "
                           "in %d-%d and predictions up to %d%s",
                           t, c0, c1, pmax,
                           d->from > SHI_DYADIC_Y0 ? " (of the years this view loaded)" : "");
    }
    shi_status cs = shi_data_check_from(d, shi_formation_from(o, t), "formation", err);
    if (cs != SHI_OK) {
        return cs;
    }
    int k = o->topk < 1 ? 1 : (o->topk > MAXK ? MAXK : o->topk);
    shi_threat_model dm = shi_threat_model_default();
    const shi_threat_model *m = o->threat ? o->threat : &dm;
    size_t n = d->states.n;
    yscratch w = {0};
    out->year = t;
    shi_status s = year_alloc(out, n, &w, err);
    if (s == SHI_OK) {
        s = scratch_fill(d, ctx, m, t, k, &w, err);
    }
    long S = -1;
    for (size_t i = 0; s == SHI_OK && i < n; i++) {
        if (w.mem[i] && !isnan(w.cinc[i]) && (S < 0 || w.cinc[i] > w.cinc[S])) {
            S = (long)i;
        }
    }
    for (size_t i = 0; s == SHI_OK && i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            double *x = out->x + (i * n + j) * SHI_FV_N;
            if (i == j || !w.mem[i] || !w.mem[j]) {
                for (int v = 0; v < SHI_FV_N; v++) {
                    x[v] = (double)NAN;
                }
                continue;
            }
            covariates(d, &w, t, k, o->prior_window, S, i, j, x);
            for (int l = 0; l < SHI_FORM_NLEVEL; l++) {
                int before = obligated(&d->dy, t - 1, i, j, (shi_form_level)l);
                int now = obligated(&d->dy, t, i, j, (shi_form_level)l);
                out->risk[l][i * n + j] = before == 0;
                out->onset[l][i * n + j] = before == 0 && now == 1;
            }
        }
    }
    yscratch_free(&w);
    if (s != SHI_OK) {
        shi_formation_year_free(out);
    }
    return s;
}

/* ---- the design ---------------------------------------------------------------- */

void shi_formation_design_free(shi_formation_design *x)
{
    free(x->gstart);
    free(x->gyear);
    free(x->gchooser);
    free(x->partner);
    free(x->onset);
    free(x->w);
    free(x->x);
    memset(x, 0, sizeof *x);
}

typedef struct design_caps {
    size_t rows, groups;
} design_caps;

static int complete(const double *x)
{
    for (int v = 0; v < SHI_FV_N; v++) {
        if (isnan(x[v])) {
            return 0;
        }
    }
    return 1;
}

static int design_grow(shi_formation_design *x, design_caps *c, size_t rows, size_t groups)
{
    if (rows > c->rows) {
        size_t nc = c->rows ? c->rows : 4096;
        while (nc < rows) {
            nc *= 2;
        }
        const shi_col_ref cols[] = {SHI_COL_REF(x->partner), SHI_COL_REF(x->onset),
                                    SHI_COL_REF(x->w)};
        size_t cap = c->rows;
        if (shi_grow_columns(cols, 3, &cap, nc, nc) != 0) {
            return -1;
        }
        double *nx = realloc(x->x, cap * SHI_FV_N * sizeof *nx);
        if (!nx) {
            return -1;
        }
        x->x = nx;
        c->rows = cap;
    }
    if (groups + 1 > c->groups) {
        size_t cap = c->groups;
        const shi_col_ref cols[] = {SHI_COL_REF(x->gstart), SHI_COL_REF(x->gyear),
                                    SHI_COL_REF(x->gchooser)};
        if (shi_grow_columns(cols, 3, &cap, groups + 1, 256) != 0) {
            return -1;
        }
        c->groups = cap;
    }
    return 0;
}

/* Append the chooser-years of one year that have an onset. */
static shi_status design_year(const shi_data *d, const shi_formation_year *y,
                              shi_formation_design *x, design_caps *cap, shi_err *err)
{
    size_t n = y->n;
    const unsigned char *risk = y->risk[x->level], *on = y->onset[x->level];
    for (size_t i = 0; i < n; i++) {
        size_t rows = 0, ev = 0;
        for (size_t j = 0; j < n; j++) {
            if (risk[i * n + j]) {
                x->at_risk++;
                x->onsets_all += on[i * n + j];
                if (complete(y->x + (i * n + j) * SHI_FV_N)) {
                    rows++;
                    ev += on[i * n + j];
                } else if (on[i * n + j]) {
                    x->dropped++;
                }
            }
        }
        if (ev == 0) {
            continue;
        }
        if (design_grow(x, cap, x->n + rows, x->ngroup + 1) != 0) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        x->gstart[x->ngroup] = x->n;
        x->gyear[x->ngroup] = y->year;
        x->gchooser[x->ngroup] = d->states.v[i].ccode;
        x->ngroup++;
        double wt = x->count == SHI_FORM_COUNT_CHOOSER ? 1.0 / (double)ev : 1.0;
        for (size_t j = 0; j < n; j++) {
            const double *xv = y->x + (i * n + j) * SHI_FV_N;
            if (!risk[i * n + j] || !complete(xv)) {
                continue;
            }
            x->partner[x->n] = d->states.v[j].ccode;
            x->onset[x->n] = on[i * n + j];
            x->w[x->n] = on[i * n + j] ? wt : 0.0;
            memcpy(x->x + x->n * SHI_FV_N, xv, SHI_FV_N * sizeof *xv);
            x->igo_rows += xv[SHI_FV_IGO_NA] == 0;
            x->igo_onsets += xv[SHI_FV_IGO_NA] == 0 && on[i * n + j];
            x->n++;
            x->nonsets += on[i * n + j];
        }
        x->gstart[x->ngroup] = x->n;
    }
    return SHI_OK;
}

shi_status shi_formation_design_build(const shi_data *d, const shi_formation_opts *o,
                                      shi_formation_design *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    int c0, c1;
    shi_formation_years(d, &c0, &c1, NULL);
    if (c0 > c1) {
        return shi_err_set(err, SHI_EUSAGE,
                           "alliance formation needs the dyadic data "
                           "(alliances, contiguity, capitals) and capabilities");
    }
    int y0 = o->y0 ? o->y0 : c0, y1 = o->y1 ? o->y1 : c1;
    if (y0 < c0 || y1 > c1 || y0 > y1) {
        return shi_err_set(err, SHI_EUSAGE,
                           "no alliance or threat data for onsets in %d-%d: the data cover "
                           "onsets in %d-%d",
                           y0, y1, c0, c1);
    }
    out->level = o->level;
    out->count = o->count;
    out->y0 = y0;
    out->y1 = y1;
    shi_threat_ctx *ctx = NULL;
    shi_status s = shi_threat_ctx_new(&ctx, d, err);
    design_caps cap = {0, 0};
    /* Years are computed in parallel in chunks, then appended in year order,
     * so the design does not depend on the number of threads. */
    enum { CHUNK = 8 };
    shi_formation_year ys[CHUNK];
    shi_err yerr[CHUNK];
    shi_status yst[CHUNK];
    for (int t0 = y0; t0 <= y1 && s == SHI_OK; t0 += CHUNK) {
        int nc = y1 - t0 + 1 < CHUNK ? y1 - t0 + 1 : CHUNK;
#ifdef _OPENMP
#    pragma omp parallel for schedule(dynamic, 1)
#endif
        for (int c = 0; c < nc; c++) {
            shi_err_clear(&yerr[c]);
            yst[c] = shi_formation_year_compute(d, ctx, o, t0 + c, &ys[c], &yerr[c]);
        }
        for (int c = 0; c < nc; c++) {
            if (s == SHI_OK && yst[c] != SHI_OK) {
                s = yst[c];
                if (err) {
                    *err = yerr[c];
                }
            }
            if (s == SHI_OK) {
                s = design_year(d, &ys[c], out, &cap, err);
            }
            shi_formation_year_free(&ys[c]);
        }
    }
    shi_threat_ctx_free(ctx);
    if (s == SHI_OK && out->ngroup == 0 &&
        design_grow(out, &cap, 1, 1) != 0) { /* gstart[0] must exist */
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (s == SHI_OK && out->ngroup == 0) {
        out->gstart[0] = 0;
    }
    if (s != SHI_OK) {
        shi_formation_design_free(out);
    }
    return s;
}

/* ---- prediction ---------------------------------------------------------------- */

static int pred_cmp(const void *a, const void *b, int m)
{
    const shi_formation_pred *x = a, *y = b;
    double u = isnan(x->p[m]) ? -1 : x->p[m], v = isnan(y->p[m]) ? -1 : y->p[m];
    if (u != v) {
        return u > v ? -1 : 1;
    }
    return (x->ccode > y->ccode) - (x->ccode < y->ccode);
}

/* qsort has no context argument: one comparator per model. */
#define PRED_CMP(M)                                                                                \
    static int pred_cmp_##M(const void *a, const void *b)                                          \
    {                                                                                              \
        return pred_cmp(a, b, M);                                                                  \
    }
PRED_CMP(0)
PRED_CMP(1)
PRED_CMP(2)
PRED_CMP(3)
PRED_CMP(4)

shi_status shi_formation_predict(const shi_formation_year *y, const shi_data *d, shi_form_level l,
                                 const shi_formation_fit *const *fits, size_t i, int sort_by,
                                 shi_formation_pred **out, size_t *nout, shi_err *err)
{
    size_t n = y->n, m = 0;
    *out = NULL;
    *nout = 0;
    shi_formation_pred *v = malloc((n ? n : 1) * sizeof *v);
    if (!v) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t j = 0; j < n; j++) {
        const double *x = y->x + (i * n + j) * SHI_FV_N;
        if (!y->risk[l][i * n + j] || !complete(x)) {
            continue;
        }
        v[m].ccode = d->states.v[j].ccode;
        v[m].onset = y->onset[l][i * n + j];
        for (int q = 0; q < SHI_FM_N; q++) {
            double e = 0;
            for (int c = 0; fits[q] && c < SHI_FV_N; c++) {
                e += x[c] * fits[q]->beta[c];
            }
            v[m].p[q] = fits[q] ? e : (double)NAN;
        }
        m++;
    }
    for (int q = 0; q < SHI_FM_N; q++) {
        double mx = -INFINITY, sum = 0;
        for (size_t r = 0; r < m; r++) {
            mx = v[r].p[q] > mx ? v[r].p[q] : mx;
        }
        for (size_t r = 0; r < m && fits[q]; r++) {
            v[r].p[q] = exp(v[r].p[q] - mx);
            sum += v[r].p[q];
        }
        for (size_t r = 0; r < m && fits[q]; r++) {
            v[r].p[q] /= sum;
        }
    }
    int (*const cmp[SHI_FM_N])(const void *, const void *) = {pred_cmp_0, pred_cmp_1, pred_cmp_2,
                                                              pred_cmp_3, pred_cmp_4};
    qsort(v, m, sizeof *v, cmp[sort_by >= 0 && sort_by < SHI_FM_N ? sort_by : SHI_FM_JOINT]);
    *out = v;
    *nout = m;
    return SHI_OK;
}

/* ---- a pair's path -------------------------------------------------------------- */

void shi_formation_path_free(shi_formation_path *p)
{
    for (int q = 0; q < SHI_FM_N; q++) {
        free(p->p_ab[q]);
        free(p->p_ba[q]);
    }
    free(p->allied);
    free(p->onset);
    free(p->onset_any);
    free(p->risk_ab);
    free(p->risk_ba);
    memset(p, 0, sizeof *p);
}

static long reg_index(const shi_states *st, int ccode)
{
    const shi_state *s = shi_states_get(st, ccode);
    return s ? (long)(s - st->v) : -1;
}

/* Does any obligation between i and j begin in t (a flag set in t that was
 * not in t-1, either direction)? ATOP levels: a new level counts. */
static int new_obligation(const shi_dyadic *dy, int t, size_t i, size_t j)
{
    if (t - 1 < dy->ally_y0 || t > dy->ally_y1) {
        return 0;
    }
    for (int dir = 0; dir < 2; dir++) {
        size_t a = dir ? j : i, b = dir ? i : j;
        uint8_t f0 = dy->ally[shi_dy_pair(dy, t - 1, a, b)],
                f1 = dy->ally[shi_dy_pair(dy, t, a, b)];
        if (f0 != SHI_NA_U8 && f1 != SHI_NA_U8 && (f1 & ~f0 & 31u)) {
            return 1;
        }
    }
    return 0;
}

/* P(i chooses j) under each model into p[q][t], and the partners at risk. */
static shi_status path_one(const shi_formation_year *y, const shi_data *d, shi_form_level l,
                           const shi_formation_fit *const *fits, size_t i, int cj, double *const *p,
                           double *risk, size_t t, shi_err *err)
{
    shi_formation_pred *v = NULL;
    size_t m = 0;
    shi_status s = shi_formation_predict(y, d, l, fits, i, SHI_FM_JOINT, &v, &m, err);
    for (int q = 0; q < SHI_FM_N; q++) {
        p[q][t] = (double)NAN;
    }
    risk[t] = (double)m;
    for (size_t r = 0; s == SHI_OK && r < m; r++) {
        if (v[r].ccode == cj) {
            for (int q = 0; q < SHI_FM_N; q++) {
                p[q][t] = v[r].p[q];
            }
        }
    }
    free(v);
    return s;
}

static shi_status path_alloc(shi_formation_path *out, size_t n, shi_err *err)
{
    int bad = 0;
    for (int q = 0; q < SHI_FM_N; q++) {
        out->p_ab[q] = malloc(n * sizeof(double));
        out->p_ba[q] = malloc(n * sizeof(double));
        bad |= !out->p_ab[q] || !out->p_ba[q];
    }
    out->allied = calloc(n, sizeof(int));
    out->onset = calloc(n, sizeof(int));
    out->onset_any = calloc(n, sizeof(int));
    out->risk_ab = malloc(n * sizeof(double));
    out->risk_ba = malloc(n * sizeof(double));
    if (bad || !out->allied || !out->onset || !out->onset_any || !out->risk_ab || !out->risk_ba) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return SHI_OK;
}

shi_status shi_formation_pair_path(const shi_data *d, shi_form_level l, int a, int b, int y0,
                                   int y1, shi_formation_path *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    out->level = l;
    int c0, c1;
    shi_formation_years(d, &c0, &c1, NULL);
    long ia = reg_index(&d->states, a), ib = reg_index(&d->states, b);
    out->y0 = y0 > c0 ? y0 : c0;
    out->y1 = y1 < c1 ? y1 : c1;
    if (ia < 0 || ib < 0 || a == b) {
        return shi_err_set(err, SHI_EUSAGE, "formation path: unknown state or a == b");
    }
    if (out->y0 > out->y1) {
        out->status = SHI_EUSAGE;
        snprintf(out->msg, sizeof out->msg,
                 "no alliance or threat data for onsets in %d-%d: "
                 "the data cover %d-%d",
                 y0, y1, c0, c1);
        return SHI_OK;
    }
    const shi_formation_fit *fits[SHI_FM_N];
    for (int q = 0; q < SHI_FM_N; q++) {
        fits[q] = shi_formation_fit_embedded(l, q);
    }
    out->fit_y0 = fits[SHI_FM_JOINT] ? fits[SHI_FM_JOINT]->y0 : 0;
    out->fit_y1 = fits[SHI_FM_JOINT] ? fits[SHI_FM_JOINT]->y1 : 0;
    out->n = (size_t)(out->y1 - out->y0 + 1);
    shi_status s = path_alloc(out, out->n, err);
    shi_threat_ctx *ctx = NULL;
    if (s == SHI_OK) {
        s = shi_threat_ctx_new(&ctx, d, err);
    }
    shi_formation_opts o = shi_formation_opts_default();
    o.level = l;
    for (size_t k = 0; k < out->n && s == SHI_OK; k++) {
        int t = out->y0 + (int)k;
        shi_formation_year y;
        s = shi_formation_year_compute(d, ctx, &o, t, &y, err);
        if (s == SHI_OK) {
            out->allied[k] = either(&d->dy, t - 1, (size_t)ia, (size_t)ib, l);
            out->onset[k] = !out->allied[k] && either(&d->dy, t, (size_t)ia, (size_t)ib, l);
            out->onset_any[k] = new_obligation(&d->dy, t, (size_t)ia, (size_t)ib);
            s = path_one(&y, d, l, fits, (size_t)ia, b, out->p_ab, out->risk_ab, k, err);
        }
        if (s == SHI_OK) {
            s = path_one(&y, d, l, fits, (size_t)ib, a, out->p_ba, out->risk_ba, k, err);
        }
        shi_formation_year_free(&y);
    }
    shi_threat_ctx_free(ctx);
    if (s != SHI_OK) {
        shi_formation_path_free(out);
    }
    return s;
}

/* ---- how often a state forms a tie ---------------------------------------------- */

shi_status shi_formation_rate_counts(const shi_data *d, shi_form_level l, int y0, int y1,
                                     double *cnt, shi_err *err)
{
    int c0, c1, pmax;
    covered(d, &c0, &c1, &pmax);
    if (y1 < y0) {
        return shi_err_set(err, SHI_EUSAGE, "formation rate: years %d-%d out of order", y0, y1);
    }
    memset(cnt, 0, (size_t)(y1 - y0 + 1) * 4 * sizeof *cnt);
    const shi_states *st = &d->states;
    size_t n = st->n;
    int *mem = malloc((n ? n : 1) * sizeof *mem);
    if (!mem) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (int t = y0 > c0 ? y0 : c0; t <= y1 && t <= c1; t++) {
        for (size_t i = 0; i < n; i++) {
            mem[i] = shi_states_member(st, &st->v[i], t - 1) && shi_states_member(st, &st->v[i], t);
        }
        double *row = cnt + (size_t)(t - y0) * 4;
        for (size_t i = 0; i < n; i++) {
            size_t risk = 0, on = 0;
            for (size_t j = 0; mem[i] && j < n; j++) {
                if (j != i && mem[j] && obligated(&d->dy, t - 1, i, j, l) == 0) {
                    risk++;
                    on += obligated(&d->dy, t, i, j, l) == 1;
                }
            }
            if (risk) {
                int m = shi_states_major(st, &st->v[i], t - 1) ? 2 : 0;
                row[m] += 1;
                row[m + 1] += (double)on;
            }
        }
    }
    free(mem);
    return SHI_OK;
}
