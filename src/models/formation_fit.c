/*
 * formation_fit.c - the conditional logit of alliance onset (McFadden 1974;
 * Chamberlain 1980; Breslow 1974 for chooser-years with several onsets), its
 * out-of-sample test, and the fits shipped with libshi (include/shi/formation.h,
 * docs/formation.md).
 */
#include <shi/formation.h>
#include <shi/rng.h>
#include <shi/validate.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

#define CONTROLS                                                                                   \
    ((1u << SHI_FV_DIST) | (1u << SHI_FV_CONTIG) | (1u << SHI_FV_PRIOR) | (1u << SHI_FV_MAJOR) |   \
     (1u << SHI_FV_BOTHMAJOR) | (1u << SHI_FV_REGIME) | (1u << SHI_FV_REGIME_NA) |                 \
     (1u << SHI_FV_IGO) | (1u << SHI_FV_IGO_NA))
#define BOP ((1u << SHI_FV_BOP_SHARE) | (1u << SHI_FV_STRONGEST))
#define BOT ((1u << SHI_FV_SHARED) | (1u << SHI_FV_SHARED_T) | (1u << SHI_FV_THREAT_IJ))
#define BW ((1u << SHI_FV_STRONGEST) | (1u << SHI_FV_TOP_THREAT))

unsigned shi_formation_model_vars(int m)
{
    switch (m) {
    case SHI_FM_CONTROLS:
        return CONTROLS;
    case SHI_FM_BOP:
        return CONTROLS | BOP;
    case SHI_FM_BOT:
        return CONTROLS | BOT;
    case SHI_FM_BW:
        return CONTROLS | BW;
    case SHI_FM_JOINT:
        return CONTROLS | BOP | BOT | BW;
    default:
        return 0;
    }
}

/* Waltz 1979 (balance against the strongest: a capable partner that is not the
 * strongest, never the strongest's camp); Walt 1987 (balance against a common
 * threat, not with the threatening); Schweller 1994 (bandwagon with the
 * strongest or the threatening). In the joint model each covariate keeps the
 * sign of the theory that introduced it ("strongest": balance of power). */
int shi_formation_expected_sign(int m, int v)
{
    if (!(shi_formation_model_vars(m) & (1u << v)) || (CONTROLS & (1u << v))) {
        return 0;
    }
    switch (v) {
    case SHI_FV_BOP_SHARE:
        return 1;
    case SHI_FV_STRONGEST:
        return m == SHI_FM_BW ? 1 : -1;
    case SHI_FV_SHARED:
    case SHI_FV_SHARED_T:
        return 1;
    case SHI_FV_THREAT_IJ:
        return -1;
    case SHI_FV_TOP_THREAT:
        return 1;
    default:
        return 0;
    }
}

/* ---- the conditional logit ------------------------------------------------ */

typedef struct clogit_ws {
    size_t k;
    double *eta, *p, *grad, *hess, *xbar, *step, *trial;
} clogit_ws;

/* Log likelihood at beta; with `grad` and `hess` (k, k*k) also the gradient
 * and the information matrix (minus the Hessian). */
static double clogit_eval(const double *X, const int *y, const double *w, const size_t *gstart,
                          size_t ngroup, size_t k, const double *beta, clogit_ws *ws, int deriv)
{
    double ll = 0;
    if (deriv) {
        memset(ws->grad, 0, k * sizeof *ws->grad);
        memset(ws->hess, 0, k * k * sizeof *ws->hess);
    }
    for (size_t g = 0; g < ngroup; g++) {
        size_t r0 = gstart[g], r1 = gstart[g + 1];
        double W = 0, mx = -INFINITY, sum = 0;
        for (size_t r = r0; r < r1; r++) {
            double e = 0;
            for (size_t v = 0; v < k; v++) {
                e += X[r * k + v] * beta[v];
            }
            ws->eta[r - r0] = e;
            mx = e > mx ? e : mx;
            if (y[r]) {
                W += w ? w[r] : 1.0;
            }
        }
        if (W <= 0) {
            continue;
        }
        for (size_t r = r0; r < r1; r++) {
            ws->p[r - r0] = exp(ws->eta[r - r0] - mx);
            sum += ws->p[r - r0];
        }
        double lse = mx + log(sum);
        for (size_t r = r0; r < r1; r++) {
            if (y[r]) {
                double wr = w ? w[r] : 1.0;
                ll += wr * (ws->eta[r - r0] - lse);
                if (deriv) {
                    for (size_t v = 0; v < k; v++) {
                        ws->grad[v] += wr * X[r * k + v];
                    }
                }
            }
        }
        if (!deriv) {
            continue;
        }
        memset(ws->xbar, 0, k * sizeof *ws->xbar);
        for (size_t r = r0; r < r1; r++) {
            double pr = ws->p[r - r0] / sum;
            const double *xr = X + r * k;
            for (size_t a = 0; a < k; a++) {
                ws->xbar[a] += pr * xr[a];
                double pa = W * pr * xr[a];
                for (size_t b = 0; b <= a; b++) {
                    ws->hess[a * k + b] += pa * xr[b];
                }
            }
        }
        for (size_t a = 0; a < k; a++) {
            ws->grad[a] -= W * ws->xbar[a];
            for (size_t b = 0; b <= a; b++) {
                ws->hess[a * k + b] -= W * ws->xbar[a] * ws->xbar[b];
            }
        }
    }
    if (deriv) {
        for (size_t a = 0; a < k; a++) {
            for (size_t b = a + 1; b < k; b++) {
                ws->hess[a * k + b] = ws->hess[b * k + a];
            }
        }
    }
    return ll;
}

/* Solve hess * step = grad by Cholesky; also the inverse into `inv` if given.
 * Returns 0, or -1 when the information matrix is not positive definite. */
static int solve_info(double *hess, const double *grad, double *step, double *inv, size_t k)
{
    gsl_matrix_view H = gsl_matrix_view_array(hess, k, k);
    gsl_vector_const_view gv = gsl_vector_const_view_array(grad, k);
    gsl_vector_view sv = gsl_vector_view_array(step, k);
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int rc = gsl_linalg_cholesky_decomp1(&H.matrix);
    if (rc == 0) {
        rc = gsl_linalg_cholesky_solve(&H.matrix, &gv.vector, &sv.vector);
    }
    if (rc == 0 && inv) {
        gsl_matrix_view I = gsl_matrix_view_array(inv, k, k);
        gsl_matrix_memcpy(&I.matrix, &H.matrix);
        rc = gsl_linalg_cholesky_invert(&I.matrix);
    }
    gsl_set_error_handler(old);
    return rc == 0 ? 0 : -1;
}

/* Which covariate has no variation among the partners of any chooser-year
 * with an onset (it cannot be identified), or -1. */
static long no_variation(const double *X, const int *y, const size_t *gstart, size_t ngroup,
                         size_t k)
{
    for (size_t v = 0; v < k; v++) {
        int varies = 0;
        for (size_t g = 0; g < ngroup && !varies; g++) {
            size_t r0 = gstart[g], r1 = gstart[g + 1];
            int ev = 0;
            for (size_t r = r0; r < r1; r++) {
                ev |= y[r];
                varies |= X[r * k + v] != X[r0 * k + v];
            }
            varies &= ev;
        }
        if (!varies) {
            return (long)v;
        }
    }
    return -1;
}

shi_status shi_clogit_fit(const double *X, const int *y, const double *w, const size_t *gstart,
                          size_t ngroup, size_t k, double *beta, double *se, double *loglik,
                          int *iter, int *ok, char *msg, size_t msz, shi_err *err)
{
    return shi_clogit_fit_cov(X, y, w, gstart, ngroup, k, beta, se, NULL, loglik, iter, ok, msg,
                              msz, err);
}

shi_status shi_clogit_fit_cov(const double *X, const int *y, const double *w, const size_t *gstart,
                              size_t ngroup, size_t k, double *beta, double *se, double *cov,
                              double *loglik, int *iter, int *ok, char *msg, size_t msz,
                              shi_err *err)
{
    *ok = 0;
    *iter = 0;
    *loglik = (double)NAN;
    size_t maxg = 0, nev = 0;
    for (size_t g = 0; g < ngroup; g++) {
        size_t m = gstart[g + 1] - gstart[g];
        maxg = m > maxg ? m : maxg;
        for (size_t r = gstart[g]; r < gstart[g + 1]; r++) {
            nev += y[r] != 0;
        }
    }
    if (nev == 0) {
        snprintf(msg, msz, "no onsets");
        return SHI_OK;
    }
    long nv = no_variation(X, y, gstart, ngroup, k);
    if (nv >= 0) {
        snprintf(msg, msz, "covariate %ld does not vary among the partners of any chooser-year",
                 nv);
        return SHI_OK;
    }
    clogit_ws ws = {k, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    ws.eta = malloc((maxg + 1) * sizeof *ws.eta);
    ws.p = malloc((maxg + 1) * sizeof *ws.p);
    ws.grad = malloc(k * sizeof *ws.grad);
    ws.hess = malloc(k * k * sizeof *ws.hess);
    ws.xbar = malloc(k * sizeof *ws.xbar);
    ws.step = malloc(k * sizeof *ws.step);
    ws.trial = malloc(k * sizeof *ws.trial);
    double *inv = malloc(k * k * sizeof *inv);
    shi_status s = SHI_OK;
    if (!ws.eta || !ws.p || !ws.grad || !ws.hess || !ws.xbar || !ws.step || !ws.trial || !inv) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    double ll = clogit_eval(X, y, w, gstart, ngroup, k, beta, &ws, 1);
    int converged = 0, it;
    for (it = 1; it <= 100 && !converged; it++) {
        if (solve_info(ws.hess, ws.grad, ws.step, NULL, k) != 0) {
            snprintf(msg, msz,
                     "singular information matrix after %d iterations "
                     "(separation or collinear covariates)",
                     it - 1);
            goto cleanup;
        }
        double lnew = -INFINITY, f = 1.0, maxstep = 0;
        for (int h = 0; h < 40; h++, f *= 0.5) {
            for (size_t v = 0; v < k; v++) {
                ws.trial[v] = beta[v] + f * ws.step[v];
            }
            lnew = clogit_eval(X, y, w, gstart, ngroup, k, ws.trial, &ws, 0);
            if (lnew >= ll - 1e-10 * (1 + fabs(ll))) {
                break;
            }
        }
        for (size_t v = 0; v < k; v++) {
            double dv = fabs(ws.trial[v] - beta[v]);
            maxstep = dv > maxstep ? dv : maxstep;
            beta[v] = ws.trial[v];
        }
        converged = maxstep < 1e-7 && fabs(lnew - ll) < 1e-9 * (1 + fabs(ll));
        ll = clogit_eval(X, y, w, gstart, ngroup, k, beta, &ws, 1);
    }
    *iter = it - 1;
    *loglik = ll;
    /* Separation: the log likelihood of a perfect prediction is 0, and a
     * coefficient that keeps growing leaves Newton without convergence. */
    if (!converged || ll > -1e-6 * (double)nev) {
        snprintf(msg, msz,
                 "separation: the fit did not converge in 100 iterations "
                 "(coefficients diverge)");
        goto cleanup;
    }
    memcpy(ws.trial, ws.grad, k * sizeof *ws.trial);
    if (solve_info(ws.hess, ws.trial, ws.step, inv, k) != 0) {
        snprintf(msg, msz, "singular information matrix at the optimum (separation)");
        goto cleanup;
    }
    for (size_t v = 0; v < k; v++) {
        if (se) {
            se[v] = sqrt(inv[v * k + v]);
        }
        if (!isfinite(beta[v]) || fabs(beta[v]) > 50) {
            snprintf(msg, msz, "separation: coefficient %zu is %.3g", v, beta[v]);
            goto cleanup;
        }
    }
    if (cov) {
        memcpy(cov, inv, k * k * sizeof *cov);
    }
    *ok = 1;
    msg[0] = '\0';
cleanup:
    free(ws.eta);
    free(ws.p);
    free(ws.grad);
    free(ws.hess);
    free(ws.xbar);
    free(ws.step);
    free(ws.trial);
    free(inv);
    return s;
}

/* ---- a model on a design ---------------------------------------------------- */

/* The groups of the design with an onset year in [y0, y1]: [*g0, *g1). The
 * design's groups are in year order. */
static void group_range(const shi_formation_design *x, int y0, int y1, size_t *g0, size_t *g1)
{
    size_t a = 0;
    while (a < x->ngroup && x->gyear[a] < y0) {
        a++;
    }
    size_t b = a;
    while (b < x->ngroup && x->gyear[b] <= y1) {
        b++;
    }
    *g0 = a;
    *g1 = b;
}

static size_t model_cols(int model, int *cols)
{
    unsigned vars = shi_formation_model_vars(model);
    size_t k = 0;
    for (int v = 0; v < SHI_FV_N; v++) {
        if (vars & (1u << v)) {
            cols[k++] = v;
        }
    }
    return k;
}

/* Leave out of cols the missing indicators (regime_missing, igo_missing)
 * that take one value within every chooser-year with an onset in groups
 * [g0, g1): such a column cancels from every choice probability, so its
 * coefficient cannot be estimated and is not needed; it is not a degenerate
 * fit (with the full COW IGO data no dyad-year before 2015 lacks IGOs, and
 * after 2014 every partner of a chooser-year lacks them). Its coefficient
 * is reported as 0 with a NaN standard error. */
static size_t drop_constant_indicators(const shi_formation_design *x, size_t g0, size_t g1,
                                       int *cols, size_t k, shi_formation_fit *fit)
{
    size_t kk = 0;
    for (size_t v = 0; v < k; v++) {
        int c = cols[v], varies = c != SHI_FV_REGIME_NA && c != SHI_FV_IGO_NA;
        for (size_t g = g0; g < g1 && !varies; g++) {
            size_t a = x->gstart[g], b = g + 1 < x->ngroup ? x->gstart[g + 1] : x->n;
            for (size_t r = a + 1; r < b && !varies; r++) {
                varies = x->x[r * SHI_FV_N + (size_t)c] != x->x[a * SHI_FV_N + (size_t)c];
            }
        }
        if (varies) {
            cols[kk++] = c;
        } else {
            fit->se[c] = (double)NAN;
        }
    }
    return kk;
}

/* Fit from the coefficients of `start` (a fit of the same model), or from 0. */
static shi_status fit_from(const shi_formation_design *x, int model, int y0, int y1,
                           const shi_formation_fit *start, shi_formation_fit *fit, shi_err *err)
{
    memset(fit, 0, sizeof *fit);
    fit->model = model;
    fit->level = x->level;
    fit->y0 = y0 < x->y0 ? x->y0 : y0;
    fit->y1 = y1 > x->y1 ? x->y1 : y1;
    fit->loglik = (double)NAN;
    int cols[SHI_FV_N];
    size_t k = model_cols(model, cols), g0, g1;
    if (k == 0) {
        return shi_err_set(err, SHI_EUSAGE, "unknown formation model %d", model);
    }
    group_range(x, fit->y0, fit->y1, &g0, &g1);
    size_t r0 = g0 < x->ngroup ? x->gstart[g0] : x->n, r1 = g1 < x->ngroup ? x->gstart[g1] : x->n;
    k = drop_constant_indicators(x, g0, g1, cols, k, fit);
    size_t n = r1 - r0, ng = g1 - g0;
    fit->ngroup = ng;
    fit->n = n;
    for (size_t r = r0; r < r1; r++) {
        fit->nonsets += x->onset[r] != 0;
    }
    if (fit->nonsets == 0) {
        snprintf(fit->msg, sizeof fit->msg, "no onsets in %d-%d", fit->y0, fit->y1);
        return SHI_OK;
    }
    double *X = malloc((n ? n : 1) * k * sizeof *X), beta[SHI_FV_N], se[SHI_FV_N],
           cov[SHI_FV_N * SHI_FV_N];
    size_t *gs = malloc((ng + 1) * sizeof *gs);
    if (!X || !gs) {
        free(X);
        free(gs);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t r = 0; r < n; r++) {
        for (size_t v = 0; v < k; v++) {
            X[r * k + v] = x->x[(r0 + r) * SHI_FV_N + (size_t)cols[v]];
        }
    }
    for (size_t g = 0; g <= ng; g++) {
        gs[g] = (g0 + g < x->ngroup ? x->gstart[g0 + g] : x->n) - r0;
    }
    for (size_t v = 0; v < k; v++) {
        beta[v] = start && start->ok ? start->beta[cols[v]] : 0.0;
    }
    char msg[100];
    shi_status s = shi_clogit_fit_cov(X, x->onset + r0, x->w + r0, gs, ng, k, beta, se, cov,
                                      &fit->loglik, &fit->iter, &fit->ok, msg, sizeof msg, err);
    if (s == SHI_OK && fit->ok) {
        for (size_t v = 0; v < k; v++) {
            fit->beta[cols[v]] = beta[v];
            fit->se[cols[v]] = se[v];
            for (size_t u = 0; u < k; u++) {
                fit->cov[cols[v]][cols[u]] = cov[v * k + u];
            }
        }
    } else if (s == SHI_OK) {
        long cv = -1;
        if (sscanf(msg, "covariate %ld", &cv) == 1 && cv >= 0 && (size_t)cv < k) {
            snprintf(fit->msg, sizeof fit->msg,
                     "%d-%d: %s does not vary among the partners of "
                     "any chooser-year",
                     fit->y0, fit->y1, shi_formation_var_name(cols[cv]));
        } else {
            snprintf(fit->msg, sizeof fit->msg, "%d-%d: %s", fit->y0, fit->y1, msg);
        }
    }
    free(X);
    free(gs);
    return s;
}

shi_status shi_formation_fit_model(const shi_formation_design *x, int model, int y0, int y1,
                                   shi_formation_fit *fit, shi_err *err)
{
    return fit_from(x, model, y0, y1, NULL, fit, err);
}

shi_status shi_formation_fit_model_from(const shi_formation_design *x, int model, int y0, int y1,
                                        const shi_formation_fit *start, shi_formation_fit *fit,
                                        shi_err *err)
{
    return fit_from(x, model, y0, y1, start, fit, err);
}

/* Softmax of x b over rows [r0, r1) of the design, into p. */
static void probs(const shi_formation_design *x, const shi_formation_fit *f, size_t r0, size_t r1,
                  double *p)
{
    double mx = -INFINITY, sum = 0;
    for (size_t r = r0; r < r1; r++) {
        double e = 0;
        for (int v = 0; v < SHI_FV_N; v++) {
            e += x->x[r * SHI_FV_N + (size_t)v] * f->beta[v];
        }
        p[r - r0] = e;
        mx = e > mx ? e : mx;
    }
    for (size_t r = r0; r < r1; r++) {
        p[r - r0] = exp(p[r - r0] - mx);
        sum += p[r - r0];
    }
    for (size_t r = r0; r < r1; r++) {
        p[r - r0] /= sum;
    }
}

void shi_formation_group_probs(const shi_formation_design *x, const shi_formation_fit *f, size_t g,
                               double *p)
{
    probs(x, f, x->gstart[g], x->gstart[g + 1], p);
}

/* ---- the out-of-sample test -------------------------------------------------- */

void shi_formation_test_free(shi_formation_test *t)
{
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* The scored predictions of one model over test windows, pooled. */
typedef struct pool {
    double *p;
    int *lab;
    long *grp;
    size_t n, cap;
    double ls, uni, wsum;
    size_t onsets, groups;
} pool;

static shi_status pool_add(pool *pl, const shi_formation_design *x, const shi_formation_fit *f,
                           size_t g0, size_t g1, shi_err *err)
{
    size_t r0 = x->gstart[g0], r1 = x->gstart[g1];
    size_t need = pl->n + (r1 - r0);
    if (need > pl->cap) {
        size_t c = pl->cap ? pl->cap : 1024;
        while (c < need) {
            c *= 2;
        }
        double *p = realloc(pl->p, c * sizeof *p);
        if (p) {
            pl->p = p;
        }
        int *l = realloc(pl->lab, c * sizeof *l);
        if (l) {
            pl->lab = l;
        }
        long *q = realloc(pl->grp, c * sizeof *q);
        if (q) {
            pl->grp = q;
        }
        if (!p || !l || !q) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        pl->cap = c;
    }
    for (size_t g = g0; g < g1; g++) {
        size_t a = x->gstart[g], b = x->gstart[g + 1];
        double *p = pl->p + pl->n;
        probs(x, f, a, b, p);
        for (size_t r = a; r < b; r++) {
            pl->lab[pl->n + (r - a)] = x->onset[r];
            pl->grp[pl->n + (r - a)] = (long)g;
            if (x->onset[r]) {
                pl->ls += x->w[r] * -log(p[r - a] > 1e-300 ? p[r - a] : 1e-300);
                pl->uni += x->w[r] * log((double)(b - a));
                pl->wsum += x->w[r];
                pl->onsets++;
            }
        }
        pl->n += b - a;
        pl->groups++;
    }
    return SHI_OK;
}

static shi_status pool_score(const pool *pl, shi_formation_score *sc, shi_err *err)
{
    sc->onsets = pl->onsets;
    sc->groups = pl->groups;
    sc->rows = pl->n;
    sc->log_score = pl->wsum > 0 ? pl->ls / pl->wsum : (double)NAN;
    sc->uniform = pl->wsum > 0 ? pl->uni / pl->wsum : (double)NAN;
    shi_auc_result a;
    shi_status s = shi_auc(pl->p, pl->lab, pl->n, &a, err);
    if (s != SHI_OK) {
        return s;
    }
    size_t ng;
    sc->auc = a.auc;
    sc->top1 = shi_topk_hits(pl->p, pl->lab, pl->grp, pl->n, 1, &ng);
    sc->top5 = shi_topk_hits(pl->p, pl->lab, pl->grp, pl->n, 5, &ng);
    return SHI_OK;
}

static shi_status push_score(shi_formation_test *t, const shi_formation_score *sc, shi_err *err)
{
    if (SHI_GROW(t->v, t->cap, t->n + 1) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    t->v[t->n++] = *sc;
    return SHI_OK;
}

static void score_head(shi_formation_score *sc, const char *scheme, int fy0, int fy1, int ty0,
                       int ty1, int m)
{
    memset(sc, 0, sizeof *sc);
    snprintf(sc->scheme, sizeof sc->scheme, "%s", scheme);
    sc->fit_y0 = fy0;
    sc->fit_y1 = fy1;
    sc->test_y0 = ty0;
    sc->test_y1 = ty1;
    sc->model = m;
    sc->log_score = sc->uniform = sc->auc = sc->top1 = sc->top5 = (double)NAN;
}

/* Fit every model on [fy0, fy1] and score on [ty0, ty1]: into pools (when
 * every model fits and the window has onsets) and, with `rows`, table rows. */
static shi_status window(const shi_formation_design *x, const char *scheme, int fy0, int fy1,
                         int ty0, int ty1, pool *pools, int *pooled, shi_formation_test *t,
                         int rows, shi_formation_fit *fits_io, shi_err *err)
{
    shi_formation_fit fits[SHI_FM_N];
    shi_status s = SHI_OK;
    size_t g0, g1;
    group_range(x, ty0, ty1, &g0, &g1);
    size_t test_onsets = 0;
    for (size_t r = g0 < g1 ? x->gstart[g0] : 0; g0 < g1 && r < x->gstart[g1]; r++) {
        test_onsets += x->onset[r] != 0;
    }
    int all_ok = test_onsets > 0;
    /* The models are fitted in parallel (each on its own), warm-started from
     * the previous window's fits in `fits_io`: the same optimum, fewer steps. */
    shi_status fst[SHI_FM_N];
    shi_err ferr[SHI_FM_N];
#ifdef _OPENMP
#    pragma omp parallel for schedule(dynamic, 1)
#endif
    for (int m = 0; m < SHI_FM_N; m++) {
        shi_err_clear(&ferr[m]);
        fst[m] = fit_from(x, m, fy0, fy1, fits_io ? &fits_io[m] : NULL, &fits[m], &ferr[m]);
    }
    for (int m = 0; m < SHI_FM_N && s == SHI_OK; m++) {
        if ((s = fst[m]) != SHI_OK && err) {
            *err = ferr[m];
        }
        all_ok &= fits[m].ok;
    }
    for (int m = 0; m < SHI_FM_N && s == SHI_OK; m++) {
        shi_formation_score sc;
        score_head(&sc, scheme, fy0, fy1, ty0, ty1, m);
        if (!fits[m].ok) {
            snprintf(sc.msg, sizeof sc.msg, "degenerate fit: %s", fits[m].msg);
        } else if (test_onsets == 0) {
            snprintf(sc.msg, sizeof sc.msg, "no onsets in the test window %d-%d", ty0, ty1);
        } else {
            pool one = {0};
            s = pool_add(&one, x, &fits[m], g0, g1, err);
            if (s == SHI_OK) {
                s = pool_score(&one, &sc, err);
                sc.ok = 1;
            }
            free(one.p);
            free(one.lab);
            free(one.grp);
            if (s == SHI_OK && pools && all_ok) {
                s = pool_add(&pools[m], x, &fits[m], g0, g1, err);
            }
        }
        if (s == SHI_OK && rows) {
            s = push_score(t, &sc, err);
        }
    }
    if (pooled) {
        *pooled = all_ok;
    }
    if (fits_io) {
        for (int m = 0; m < SHI_FM_N; m++) {
            if (fits[m].ok || !fits_io[m].ok) {
                fits_io[m] = fits[m];
            }
        }
    }
    return s;
}

shi_status shi_formation_run_test(const shi_formation_design *x, int split, int windows,
                                  shi_formation_test *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    out->level = x->level;
    out->count = x->count;
    out->y0 = x->y0;
    out->y1 = x->y1;
    out->split = split;
    out->at_risk = x->at_risk;
    out->onsets_all = x->onsets_all;
    out->dropped = x->dropped;
    if (split <= x->y0 || split > x->y1) {
        return shi_err_set(err, SHI_EUSAGE,
                           "the split year %d must leave onset years on both sides of %d-%d", split,
                           x->y0, x->y1);
    }
    shi_status s =
        window(x, "split", x->y0, split - 1, split, x->y1, NULL, NULL, out, 1, out->fit_split, err);
    shi_formation_fit warm[SHI_FM_N];
    memset(warm, 0, sizeof warm);
    pool pools[SHI_FM_N];
    memset(pools, 0, sizeof pools);
    int first = ((x->y0 + 20 + 9) / 10) * 10, used = 0, left = 0;
    for (int D = first; D <= x->y1 && s == SHI_OK; D += 10) {
        int ok = 0, te = D + 9 < x->y1 ? D + 9 : x->y1;
        s = window(x, "window", x->y0, D - 1, D, te, pools, &ok, out, windows, warm, err);
        used += ok;
        left += !ok;
    }
    for (int m = 0; m < SHI_FM_N && s == SHI_OK; m++) {
        shi_formation_score sc;
        score_head(&sc, "rolling", x->y0, x->y1 - 1, first, x->y1, m);
        if (pools[m].onsets > 0) {
            s = pool_score(&pools[m], &sc, err);
            sc.ok = 1;
            snprintf(sc.msg, sizeof sc.msg,
                     "pooled over %d decades (%d left out: degenerate "
                     "or without onsets)",
                     used, left);
        } else if (first > x->y1) {
            sc.test_y0 = sc.test_y1 = 0;
            snprintf(sc.msg, sizeof sc.msg,
                     "no rolling origin: %d-%d leaves no decade after "
                     "20 years of training",
                     x->y0, x->y1);
        } else {
            snprintf(sc.msg, sizeof sc.msg, "no decade from %d could be scored", first);
        }
        if (s == SHI_OK) {
            s = push_score(out, &sc, err);
        }
    }
    for (int m = 0; m < SHI_FM_N; m++) {
        free(pools[m].p);
        free(pools[m].lab);
        free(pools[m].grp);
    }
    if (s != SHI_OK) {
        shi_formation_test_free(out);
    }
    return s;
}

/* ---- the shipped fits ---------------------------------------------------------- */

/* Generated by tools/formation_fit.sh from `shi formation fit` on the
 * embedded data; tests/unit/test_formation.c refits and compares. */
#include "formation_fits.inc"

const shi_formation_fit *shi_formation_fit_embedded(shi_form_level l, int m)
{
    if ((int)l < 0 || l >= SHI_FORM_NLEVEL || m < 0 || m >= SHI_FM_N) {
        return NULL;
    }
    const shi_formation_fit *f = &FORMATION_FITS[l][m];
    return f->ok ? f : NULL;
}

/* ---- drawing the coefficients ---------------------------------------------------- */

shi_status shi_formation_fit_draw(const shi_formation_fit *f, uint64_t seed, uint64_t stream,
                                  double beta[SHI_FV_N], shi_err *err)
{
    if (!f->ok) {
        return shi_err_set(err, SHI_EUSAGE, "the %s fit is degenerate: no coefficients to draw",
                           shi_formation_model_name(f->model));
    }
    memcpy(beta, f->beta, sizeof f->beta);
    /* The block of the covariates the fit estimated (a positive variance);
     * all zero: nothing to draw, beta stays the point estimate exactly. */
    int cols[SHI_FV_N];
    size_t k = 0;
    for (int v = 0; v < SHI_FV_N; v++) {
        if (f->cov[v][v] > 0) {
            cols[k++] = v;
        }
    }
    if (k == 0) {
        return SHI_OK;
    }
    double a[SHI_FV_N * SHI_FV_N], z[SHI_FV_N];
    for (size_t i = 0; i < k; i++) {
        for (size_t j = 0; j < k; j++) {
            a[i * k + j] = f->cov[cols[i]][cols[j]];
        }
    }
    gsl_matrix_view A = gsl_matrix_view_array(a, k, k);
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int rc = gsl_linalg_cholesky_decomp1(&A.matrix);
    gsl_set_error_handler(old);
    if (rc != 0) {
        return shi_err_set(err, SHI_EDATA,
                           "the covariance of the %s fit (%d-%d) is not positive definite",
                           shi_formation_model_name(f->model), f->y0, f->y1);
    }
    /* Every z first, in covariate order, so that draw `stream` uses the
     * same normals whatever the fit; then beta = beta_hat + L z with L the
     * lower triangle (gsl_linalg_cholesky_decomp1 leaves it there). */
    shi_rng g;
    shi_rng_init(&g, seed, stream);
    for (size_t i = 0; i < k; i++) {
        z[i] = shi_rng_normal(&g);
    }
    for (size_t i = 0; i < k; i++) {
        double e = 0;
        for (size_t j = 0; j <= i; j++) {
            e += a[i * k + j] * z[j];
        }
        beta[cols[i]] += e;
    }
    return SHI_OK;
}
