/*
 * scen_fit.c - the dynamics of the scenario panel (include/shi/scenarios.h):
 * a fixed-effects AR(1) of the composite by the within estimator (Baltagi
 * 2021, ch. 2; with T ~ 70 years per pair Nickell's (1981) bias of rho,
 * about -(1 + rho) / (T - 1), is small), and two ridge-penalised logits for
 * the pact's end and for conflict, all fitted by weighted least squares /
 * Newton-Raphson with the pairs' bootstrap weights. The pact's onset is not
 * fitted here: it comes from the alliance-formation model (scen_pact.c).
 */
#include <shi/scenarios.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Ridge penalty of the logits' slopes: a N(0, 1) prior on the log-odds per
 * standard deviation of the composite (Gelman et al. 2008 argue for weakly
 * informative priors of this scale in logits with separation). The
 * intercept's is much weaker: with no event in a bootstrap draw it settles
 * near logit(1e-5) instead of diverging. */
#define RIDGE_SLOPE 1.0
#define RIDGE_ICPT 0.01
#define MAX_K 5
/* Regressors of the composite's AR (C, pact, fight; the driver x after them). */
#define AR_K 3
/* Per-pair means of the AR fit: count, C(t+1), C(t), pact, fight, x. */
#define NM 6
/* Fewest transitions for a fit. */
#define MIN_TRANS 30

void shi_scen_params_free(shi_scen_params *q)
{
    if (q) {
        free(q->alpha);
        free(q->resid);
        free(q->xalpha);
        free(q->xresid);
        memset(q, 0, sizeof *q);
    }
}

/* Solve the k x k system A x = b (k <= MAX_K) by Gaussian elimination with
 * partial pivoting; -1 when singular. A and b are overwritten. */
static int solve(double A[MAX_K][MAX_K], double *b, int k, double *x)
{
    for (int c = 0; c < k; c++) {
        int piv = c;
        for (int r = c + 1; r < k; r++) {
            piv = fabs(A[r][c]) > fabs(A[piv][c]) ? r : piv;
        }
        if (fabs(A[piv][c]) < 1e-300) {
            return -1;
        }
        for (int j = 0; j < k; j++) {
            double t = A[c][j];
            A[c][j] = A[piv][j];
            A[piv][j] = t;
        }
        double t = b[c];
        b[c] = b[piv];
        b[piv] = t;
        for (int r = c + 1; r < k; r++) {
            double f = A[r][c] / A[c][c];
            for (int j = c; j < k; j++) {
                A[r][j] -= f * A[c][j];
            }
            b[r] -= f * b[c];
        }
    }
    for (int r = k - 1; r >= 0; r--) {
        double s = b[r];
        for (int j = r + 1; j < k; j++) {
            s -= A[r][j] * x[j];
        }
        x[r] = s / A[r][r];
    }
    return 0;
}

/* The penalised log likelihood of the logit below. */
static double pll(const double *X, const uint8_t *y, const double *w, size_t n, int k,
                  const double *beta)
{
    double ll = 0;
    for (size_t i = 0; i < n; i++) {
        double eta = 0;
        for (int j = 0; j < k; j++) {
            eta += X[i * (size_t)k + (size_t)j] * beta[j];
        }
        /* log(1 + e^eta) without overflow */
        double l1p = eta > 0 ? eta + log1p(exp(-eta)) : log1p(exp(eta));
        ll += w[i] * (y[i] * eta - l1p);
    }
    for (int j = 0; j < k; j++) {
        ll -= 0.5 * (j == 0 ? RIDGE_ICPT : RIDGE_SLOPE) * beta[j] * beta[j];
    }
    return ll;
}

/* A penalised logit: rows of k covariates (the first the constant), labels
 * y, weights w; beta in/out. Newton-Raphson on
 * sum w (y xb - log(1 + e^xb)) - sum_j lambda_j b_j^2 / 2, the step halved
 * until the objective does not fall (the objective is strictly concave). */
static void logit(const double *X, const uint8_t *y, const double *w, size_t n, int k, double *beta)
{
    double cur = pll(X, y, w, n, k, beta);
    for (int it = 0; it < 100; it++) {
        double g[MAX_K] = {0}, H[MAX_K][MAX_K] = {{0}};
        for (size_t i = 0; i < n; i++) {
            const double *x = &X[i * (size_t)k];
            double eta = 0;
            for (int j = 0; j < k; j++) {
                eta += x[j] * beta[j];
            }
            double pr = 1.0 / (1.0 + exp(-eta)), v = w[i] * pr * (1 - pr);
            for (int j = 0; j < k; j++) {
                g[j] += w[i] * (y[i] - pr) * x[j];
                for (int l = 0; l < k; l++) {
                    H[j][l] += v * x[j] * x[l];
                }
            }
        }
        for (int j = 0; j < k; j++) {
            double lam = j == 0 ? RIDGE_ICPT : RIDGE_SLOPE;
            g[j] -= lam * beta[j];
            H[j][j] += lam;
        }
        double step[MAX_K] = {0};
        if (solve(H, g, k, step) != 0) {
            return;
        }
        double t = 1, next[MAX_K], val = cur;
        for (int half = 0; half < 40; half++, t *= 0.5) {
            for (int j = 0; j < k; j++) {
                next[j] = beta[j] + t * step[j];
            }
            val = pll(X, y, w, n, k, next);
            if (val >= cur) {
                break;
            }
        }
        if (val < cur) {
            return;
        }
        double mx = 0;
        for (int j = 0; j < k; j++) {
            mx = fabs(next[j] - beta[j]) > mx ? fabs(next[j] - beta[j]) : mx;
            beta[j] = next[j];
        }
        cur = val;
        if (mx < 1e-10) {
            return;
        }
    }
}

typedef struct trans {
    size_t q;
    double c0, c1;
    uint8_t pact0, pact1, fight0, fight1;
    int year;      /* t */
    double x0, x1; /* the driver in t and t+1 (0 without one; x1 may be NaN) */
} trans;

/* Every usable transition t -> t+1 with t+1 <= last (with a driver, one
 * that has x(t): the years after the power data end are left out, not
 * filled in). */
static trans *transitions(const shi_scen_panel *p, int last, size_t *nt)
{
    trans *v = malloc(p->npair * p->ny * sizeof *v);
    size_t n = 0;
    for (size_t q = 0; v && q < p->npair; q++) {
        for (int t = p->y0; t < p->y1 && t + 1 <= last; t++) {
            size_t i = q * p->ny + (size_t)(t - p->y0);
            if (p->pact[i] == SHI_SCEN_NA || p->fight[i] == SHI_SCEN_NA ||
                p->pact[i + 1] == SHI_SCEN_NA || p->fight[i + 1] == SHI_SCEN_NA || isnan(p->c[i]) ||
                (p->x && isnan(p->x[i]))) {
                continue;
            }
            /* C(t+1) as C(t) plus the change of the components present in
             * both years: a component whose coverage begins or ends does not
             * count as a move of the pair (shi_scen_dc). */
            double c1 = p->c[i] + shi_scen_dc(p, q, t, t + 1);
            v[n++] = (trans){
                q,           p->c[i],         c1, p->pact[i],         p->pact[i + 1],
                p->fight[i], p->fight[i + 1], t,  p->x ? p->x[i] : 0, p->x ? p->x[i + 1] : 0};
        }
    }
    *nt = n;
    return v;
}

/* The within estimator of C(t+1) on C(t), pact(t), fight(t) (and x(t) when
 * the panel has a driver: k = AR_K + 1). */
static int fit_ar(const shi_scen_panel *p, const trans *v, size_t nt, const double *wq, int k,
                  shi_scen_params *out)
{
    size_t np = p->npair;
    double *m = calloc(np * NM, sizeof *m); /* per pair: the NM means */
    if (!m) {
        return -1;
    }
    for (size_t i = 0; i < nt; i++) {
        if (isnan(v[i].c1)) {
            continue;
        }
        double *r = &m[v[i].q * NM];
        r[0] += 1;
        r[1] += v[i].c1;
        r[2] += v[i].c0;
        r[3] += v[i].pact0;
        r[4] += v[i].fight0;
        r[5] += v[i].x0;
    }
    for (size_t q = 0; q < np; q++) {
        for (int j = 1; j < NM && m[q * NM] > 0; j++) {
            m[q * NM + (size_t)j] /= m[q * NM];
        }
    }
    double A[MAX_K][MAX_K] = {{0}}, b[MAX_K] = {0}, wsum = 0;
    size_t used = 0;
    for (size_t i = 0; i < nt; i++) {
        const double *r = &m[v[i].q * NM];
        double w = wq[v[i].q];
        if (isnan(v[i].c1) || w == 0) {
            continue;
        }
        double x[MAX_K] = {v[i].c0 - r[2], v[i].pact0 - r[3], v[i].fight0 - r[4], v[i].x0 - r[5]};
        double y = v[i].c1 - r[1];
        for (int j = 0; j < k; j++) {
            b[j] += w * x[j] * y;
            for (int l = 0; l < k; l++) {
                A[j][l] += w * x[j] * x[l];
            }
        }
        wsum += w;
        used++;
    }
    /* A column without within-pair variation in the sample (no pact ever
     * changes, say) would make the system singular: a tiny ridge keeps its
     * coefficient at 0 without moving the others. */
    for (int j = 0; j < k; j++) {
        A[j][j] += 1e-9 * (wsum + 1);
    }
    double beta[MAX_K] = {0}, bb[MAX_K];
    memcpy(bb, b, sizeof bb);
    double AA[MAX_K][MAX_K];
    memcpy(AA, A, sizeof AA);
    if (used < MIN_TRANS || solve(AA, bb, k, beta) != 0) {
        free(m);
        return -1;
    }
    double ssr = 0;
    size_t npairs = 0, nr = 0;
    out->resid = malloc((used + 1) * sizeof *out->resid);
    if (!out->resid) {
        free(m);
        return -1;
    }
    for (size_t q = 0; q < np; q++) {
        npairs += m[q * NM] > 0 && wq[q] > 0;
    }
    for (size_t i = 0; i < nt; i++) {
        const double *r = &m[v[i].q * NM];
        double w = wq[v[i].q];
        if (isnan(v[i].c1) || w == 0) {
            continue;
        }
        double e = (v[i].c1 - r[1]) - beta[0] * (v[i].c0 - r[2]) - beta[1] * (v[i].pact0 - r[3]) -
                   beta[2] * (v[i].fight0 - r[4]);
        if (k > AR_K) {
            e -= beta[3] * (v[i].x0 - r[5]);
        }
        ssr += w * e * e;
        out->resid[nr++] = e;
    }
    out->v[SHI_SP_RHO] = beta[0];
    out->v[SHI_SP_G_PACT] = beta[1];
    out->v[SHI_SP_G_FIGHT] = beta[2];
    out->bx = beta[3];
    double dof = wsum - (double)npairs - k;
    out->v[SHI_SP_SIGMA] = sqrt(ssr / (dof > 1 ? dof : 1));
    out->n = used;
    for (size_t q = 0; q < np; q++) {
        const double *r = &m[q * NM];
        double a = r[1] - beta[0] * r[2] - beta[1] * r[3] - beta[2] * r[4];
        if (k > AR_K) {
            a -= beta[3] * r[5];
        }
        out->alpha[q] = r[0] > 0 ? a : (double)NAN;
    }
    free(m);
    return 0;
}

/* The driver's own dynamics, x(t+1) = xalpha_p + xphi x(t) + u, by the
 * within estimator on the transitions with x in both years; the residuals
 * are its innovations in the ensemble (as the composite's). */
static int fit_driver(const shi_scen_panel *p, const trans *v, size_t nt, const double *wq,
                      shi_scen_params *out)
{
    size_t np = p->npair;
    double *m = calloc(np * 3, sizeof *m); /* per pair: count, mean x(t+1), mean x(t) */
    out->xalpha = malloc((np + 1) * sizeof *out->xalpha);
    out->xresid = malloc((nt + 1) * sizeof *out->xresid);
    if (!m || !out->xalpha || !out->xresid) {
        free(m);
        return -1;
    }
    for (size_t i = 0; i < nt; i++) {
        if (!isnan(v[i].x1)) {
            double *r = &m[v[i].q * 3];
            r[0] += 1;
            r[1] += v[i].x1;
            r[2] += v[i].x0;
        }
    }
    double sxy = 0, sxx = 0;
    for (size_t q = 0; q < np; q++) {
        for (int j = 1; j < 3 && m[q * 3] > 0; j++) {
            m[q * 3 + (size_t)j] /= m[q * 3];
        }
    }
    for (size_t i = 0; i < nt; i++) {
        const double *r = &m[v[i].q * 3];
        if (!isnan(v[i].x1) && wq[v[i].q] > 0) {
            sxy += wq[v[i].q] * (v[i].x0 - r[2]) * (v[i].x1 - r[1]);
            sxx += wq[v[i].q] * (v[i].x0 - r[2]) * (v[i].x0 - r[2]);
        }
    }
    out->xphi = sxx > 0 ? sxy / sxx : 0;
    out->nx = 0;
    for (size_t i = 0; i < nt; i++) {
        const double *r = &m[v[i].q * 3];
        if (!isnan(v[i].x1) && wq[v[i].q] > 0) {
            out->xresid[out->nx++] = (v[i].x1 - r[1]) - out->xphi * (v[i].x0 - r[2]);
        }
    }
    for (size_t q = 0; q < np; q++) {
        const double *r = &m[q * 3];
        out->xalpha[q] = r[0] > 0 ? r[1] - out->xphi * r[2] : (double)NAN;
    }
    free(m);
    return 0;
}

/* The two logits (header comment of shi/scenarios.h). */
static int fit_logits(const trans *v, size_t nt, const double *wq, int has_x, shi_scen_params *out)
{
    double *X = calloc((nt + 1) * MAX_K, sizeof *X), *w = calloc(nt + 1, sizeof *w);
    uint8_t *y = calloc(nt + 1, 1);
    if (!X || !w || !y) {
        free(X);
        free(w);
        free(y);
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < nt; i++) { /* pact end, at risk: a pact in t */
        if (v[i].pact0 && wq[v[i].q] > 0) {
            X[n] = 1;
            y[n] = (uint8_t)!v[i].pact1;
            w[n++] = wq[v[i].q];
        }
    }
    double dd[MAX_K] = {-5, 0, 0, 0, 0};
    logit(X, y, w, n, 1, dd);
    n = 0;
    size_t kc = 4 + (size_t)has_x;    /* the driver last */
    for (size_t i = 0; i < nt; i++) { /* conflict */
        if (wq[v[i].q] > 0) {
            X[n * kc] = 1;
            X[n * kc + 1] = v[i].c0;
            X[n * kc + 2] = v[i].fight0;
            X[n * kc + 3] = SHI_SCEN_DECADES(v[i].year);
            if (has_x) {
                X[n * kc + 4] = v[i].x0;
            }
            y[n] = v[i].fight1;
            w[n++] = wq[v[i].q];
        }
    }
    double c[MAX_K] = {-4, 0, 0, 0, 0};
    logit(X, y, w, n, (int)kc, c);
    out->cx = c[4];
    out->v[SHI_SP_D0] = dd[0];
    out->v[SHI_SP_C0] = c[0];
    out->v[SHI_SP_C1] = c[1];
    out->v[SHI_SP_C2] = c[2];
    out->v[SHI_SP_C3] = c[3];
    free(X);
    free(w);
    free(y);
    return 0;
}

shi_status shi_scen_fit(const shi_scen_panel *p, int last, const unsigned *wpair,
                        shi_scen_params *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    size_t nt = 0;
    trans *v = transitions(p, last ? last : p->y1, &nt);
    double *wq = malloc((p->npair + 1) * sizeof *wq);
    out->alpha = malloc((p->npair + 1) * sizeof *out->alpha);
    if (!v || !wq || !out->alpha) {
        free(v);
        free(wq);
        shi_scen_params_free(out);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t q = 0; q < p->npair; q++) {
        wq[q] = wpair ? (double)wpair[q] : 1.0;
    }
    out->has_x = p->x != NULL;
    int bad = fit_ar(p, v, nt, wq, AR_K + out->has_x, out);
    if (!bad) {
        bad = fit_logits(v, nt, wq, out->has_x, out);
    }
    if (!bad && out->has_x) {
        bad = fit_driver(p, v, nt, wq, out);
    }
    free(v);
    free(wq);
    if (bad) {
        shi_scen_params_free(out);
        return shi_err_set(err, SHI_EDATA,
                           "too few transitions to fit the scenario dynamics (through %d)",
                           last ? last : p->y1);
    }
    return SHI_OK;
}
