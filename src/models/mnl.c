/*
 * mnl.c - multinomial logit by Newton-Raphson (shi/mnl.h). The gradient and
 * Hessian of the log-likelihood are the textbook ones (e.g. Greene,
 * Econometric Analysis, 7th ed., section 18.2.2):
 *   g_ja  = sum_i w_i (1[y_i = j] - P_ij) x_ia
 *   H_ja,lb = -sum_i w_i P_ij (1[j = l] - P_il) x_ia x_ib      (j, l >= 1)
 * The linear algebra is GSL's Cholesky factorisation of -H.
 */
#include <shi/mnl.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

/* Probabilities of the k categories for one row (b: (k-1) x p); returns the
 * log of the normaliser, computed with the largest index subtracted. */
static double probs(const double *xi, const double *b, size_t p, size_t k, double *pr)
{
    double mx = 0; /* the base category's index */
    pr[0] = 0;
    for (size_t j = 1; j < k; j++) {
        double e = 0;
        for (size_t a = 0; a < p; a++) {
            e += xi[a] * b[(j - 1) * p + a];
        }
        pr[j] = e;
        mx = e > mx ? e : mx;
    }
    /* The base category's term is exp(0 - mx) > 0, so s > 0. */
    pr[0] = exp(-mx);
    double s = pr[0];
    for (size_t j = 1; j < k; j++) {
        pr[j] = exp(pr[j] - mx);
        s += pr[j];
    }
    for (size_t j = 0; j < k; j++) {
        pr[j] /= s;
    }
    return mx + log(s);
}

static double loglik(const double *x, const int *y, const double *w, size_t n, size_t p, size_t k,
                     const double *b, double *pr)
{
    double ll = 0;
    for (size_t i = 0; i < n; i++) {
        double wi = w ? w[i] : 1.0;
        if (wi == 0) {
            continue;
        }
        double lz = probs(x + i * p, b, p, k, pr);
        double eta = 0;
        for (size_t a = 0; y[i] > 0 && a < p; a++) {
            eta += x[i * p + a] * b[(size_t)(y[i] - 1) * p + a];
        }
        ll += wi * (eta - lz);
    }
    return ll;
}

/* Gradient g and the information matrix -H (q x q, q = (k-1) p) at b. */
static void derivs(const double *x, const int *y, const double *w, size_t n, size_t p, size_t k,
                   const double *b, double *pr, double *g, double *info)
{
    size_t q = (k - 1) * p;
    memset(g, 0, q * sizeof *g);
    memset(info, 0, q * q * sizeof *info);
    for (size_t i = 0; i < n; i++) {
        double wi = w ? w[i] : 1.0;
        if (wi == 0) {
            continue;
        }
        const double *xi = x + i * p;
        probs(xi, b, p, k, pr);
        for (size_t j = 1; j < k; j++) {
            double r = (y[i] == (int)j ? 1.0 : 0.0) - pr[j];
            for (size_t a = 0; a < p; a++) {
                g[(j - 1) * p + a] += wi * r * xi[a];
            }
            for (size_t l = 1; l < k; l++) {
                double c = wi * pr[j] * ((j == l ? 1.0 : 0.0) - pr[l]);
                for (size_t a = 0; a < p; a++) {
                    for (size_t bb = 0; bb < p; bb++) {
                        info[((j - 1) * p + a) * q + (l - 1) * p + bb] += c * xi[a] * xi[bb];
                    }
                }
            }
        }
    }
}

/* Solve info * d = g by Cholesky; when info is not numerically positive
 * definite (separation drives some probabilities to 0), a ridge of growing
 * size is added to the diagonal for this step only. 0 on success. */
static int solve(const double *info, const double *g, size_t q, double *d, double *work)
{
    double ridge = 0, top = 0;
    for (size_t a = 0; a < q; a++) {
        top = info[a * q + a] > top ? info[a * q + a] : top;
    }
    for (int tries = 0; tries < 30; tries++) {
        memcpy(work, info, q * q * sizeof *work);
        for (size_t a = 0; a < q; a++) {
            work[a * q + a] += ridge;
        }
        gsl_matrix_view m = gsl_matrix_view_array(work, q, q);
        gsl_vector_const_view gv = gsl_vector_const_view_array(g, q);
        gsl_vector_view dv = gsl_vector_view_array(d, q);
        if (gsl_linalg_cholesky_decomp1(&m.matrix) == GSL_SUCCESS &&
            gsl_linalg_cholesky_solve(&m.matrix, &gv.vector, &dv.vector) == GSL_SUCCESS) {
            return 0;
        }
        ridge = ridge == 0 ? 1e-12 * (top > 0 ? top : 1.0) : ridge * 10;
    }
    return -1;
}

/* Standard errors: the square roots of the diagonal of info^-1 (NaN when
 * info cannot be factorised). */
static void std_errors(const double *info, size_t q, double *se, double *work)
{
    memcpy(work, info, q * q * sizeof *work);
    gsl_matrix_view m = gsl_matrix_view_array(work, q, q);
    if (gsl_linalg_cholesky_decomp1(&m.matrix) != GSL_SUCCESS ||
        gsl_linalg_cholesky_invert(&m.matrix) != GSL_SUCCESS) {
        for (size_t a = 0; a < q; a++) {
            se[a] = NAN;
        }
        return;
    }
    for (size_t a = 0; a < q; a++) {
        double v = work[a * q + a];
        se[a] = v >= 0 ? sqrt(v) : (double)NAN;
    }
}

static double null_loglik(const int *y, const double *w, size_t n, size_t k)
{
    double *cnt = calloc(k, sizeof *cnt), tot = 0, ll = 0;
    if (!cnt) {
        return NAN;
    }
    for (size_t i = 0; i < n; i++) {
        cnt[y[i]] += w ? w[i] : 1.0;
        tot += w ? w[i] : 1.0;
    }
    for (size_t j = 0; j < k; j++) {
        ll += cnt[j] > 0 ? cnt[j] * log(cnt[j] / tot) : 0.0;
    }
    free(cnt);
    return ll;
}

static shi_status check_input(const int *y, const double *w, size_t n, size_t p, size_t k,
                              shi_err *err)
{
    if (k < 2 || p < 1) {
        return shi_err_set(err, SHI_EUSAGE,
                           "mnl: needs 2 or more categories and 1 or more "
                           "regressors");
    }
    for (size_t i = 0; i < n; i++) {
        if (y[i] < 0 || (size_t)y[i] >= k) {
            return shi_err_set(err, SHI_EUSAGE, "mnl: row %zu: category %d is outside 0-%zu", i,
                               y[i], k - 1);
        }
        if (w && !(w[i] >= 0)) {
            return shi_err_set(err, SHI_EUSAGE, "mnl: row %zu: weight %g is negative", i, w[i]);
        }
    }
    return SHI_OK;
}

shi_status shi_mnl_fit_weighted(const double *x, const int *y, const double *w, size_t n, size_t p,
                                size_t k, shi_mnl_fit *fit, shi_err *err)
{
    memset(fit, 0, sizeof *fit);
    shi_status s = check_input(y, w, n, p, k, err);
    if (s != SHI_OK) {
        return s;
    }
    size_t q = (k - 1) * p;
    fit->k = k;
    fit->p = p;
    fit->beta = calloc(q, sizeof *fit->beta);
    fit->se = calloc(q, sizeof *fit->se);
    double *g = malloc(q * sizeof *g), *info = malloc(q * q * sizeof *info);
    double *work = malloc(q * q * sizeof *work), *d = malloc(q * sizeof *d);
    double *trial = malloc(q * sizeof *trial), *pr = malloc(k * sizeof *pr);
    if (!fit->beta || !fit->se || !g || !info || !work || !d || !trial || !pr) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    double ll = loglik(x, y, w, n, p, k, fit->beta, pr);
    for (fit->iter = 0; fit->iter < 200 && !fit->converged; fit->iter++) {
        derivs(x, y, w, n, p, k, fit->beta, pr, g, info);
        if (solve(info, g, q, d, work) != 0) {
            break;
        }
        /* The Newton decrement g'd: twice the gain a full step expects. Once it
         * is negligible, this last step makes the error of quadratic
         * convergence smaller still. */
        double dec = 0;
        for (size_t a = 0; a < q; a++) {
            dec += g[a] * d[a];
        }
        /* Step halving: never accept a step that lowers the likelihood, except
         * near the maximum, where the full step's gain is below rounding. */
        int near = dec <= 1e-8 * (1 + fabs(ll));
        double step = 1, lt = ll;
        for (int h = 0; h < 40; h++, step /= 2) {
            for (size_t a = 0; a < q; a++) {
                trial[a] = fit->beta[a] + step * d[a];
            }
            lt = loglik(x, y, w, n, p, k, trial, pr);
            if (lt >= ll || near) {
                lt = lt > ll ? lt : ll;
                break;
            }
        }
        if (!(lt >= ll)) {
            fit->converged = 1; /* no ascent left at machine precision */
            break;
        }
        memcpy(fit->beta, trial, q * sizeof *trial);
        fit->converged = dec <= 1e-12 * (1 + fabs(ll));
        ll = lt;
    }
    derivs(x, y, w, n, p, k, fit->beta, pr, g, info);
    std_errors(info, q, fit->se, work);
    gsl_set_error_handler(old);
    fit->ll = loglik(x, y, w, n, p, k, fit->beta, pr);
    fit->ll_null = null_loglik(y, w, n, k);
    for (size_t i = 0; i < n; i++) {
        fit->nobs += w ? w[i] : 1.0;
    }
cleanup:
    free(g);
    free(info);
    free(work);
    free(d);
    free(trial);
    free(pr);
    if (s != SHI_OK) {
        shi_mnl_fit_free(fit);
    }
    return s;
}

void shi_mnl_fit_free(shi_mnl_fit *fit)
{
    if (!fit) {
        return;
    }
    free(fit->beta);
    free(fit->se);
    memset(fit, 0, sizeof *fit);
}
