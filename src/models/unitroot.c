/*
 * unitroot.c - ADF and KPSS tests (include/shi/unitroot.h gives the formulas
 * and sources; docs/drivers.md how the drivers model uses them).
 */
#include <shi/unitroot.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_vector.h>

/* MacKinnon (2010), "Critical values for cointegration tests", Queen's
 * Economics Department Working Paper 1227, Table 2, N = 1: b_inf, b1, b2, b3
 * of c(T) = b_inf + b1/T + b2/T^2 + b3/T^3 at 1%, 5%, 10%. Row "c" (constant)
 * and row "ct" (constant and trend). */
static const double ADF_CRIT[2][3][4] = {{{-3.43035, -6.5393, -16.786, -79.433},
                                          {-2.86154, -2.8903, -4.234, -40.040},
                                          {-2.56677, -1.5384, -2.809, 0.0}},
                                         {{-3.95877, -9.0531, -28.428, -134.155},
                                          {-3.41049, -4.3904, -9.036, -45.374},
                                          {-3.12705, -2.5856, -3.925, -22.380}}};

/* MacKinnon (1994), "Approximate asymptotic distribution functions for
 * unit-root and cointegration tests", JBES 12(2), Table 3, N = 1:
 * p = Phi(g0 + g1 tau + g2 tau^2 [+ g3 tau^3]), the "small p" polynomial for
 * tau <= tau*, the "large p" one above; p = 0 below tau_min, 1 above tau_max.
 * The coefficients are the published ones times their scale factors. */
static const struct {
    double tau_min, tau_star, tau_max;
    double small[3], large[4];
} ADF_P[2] = {
    {-18.83, -1.61, 2.74, {2.1659, 1.4412, 3.8269e-2}, {1.7339, 0.93202, -0.12745, -0.010368}},
    {-16.18, -2.89, 0.70, {3.2512, 1.6047, 4.9588e-2}, {2.5261, 0.61654, -0.37956, -0.060285}}};

/* Kwiatkowski, Phillips, Schmidt & Shin (1992), Table 1: upper-tail
 * asymptotic critical values at 10%, 5%, 2.5%, 1%. */
static const double KPSS_LEVELS[4] = {0.10, 0.05, 0.025, 0.01};
static const double KPSS_CRIT[2][4] = {{0.347, 0.463, 0.574, 0.739}, {0.119, 0.146, 0.176, 0.216}};

double shi_adf_crit(shi_ur_det det, double level, size_t nobs)
{
    int row = level == 0.01 ? 0 : level == 0.05 ? 1 : level == 0.10 ? 2 : -1;
    if (row < 0 || nobs == 0 || (det != SHI_UR_CONST && det != SHI_UR_TREND)) {
        return (double)NAN;
    }
    const double *b = ADF_CRIT[det][row];
    double u = 1.0 / (double)nobs;
    return b[0] + u * (b[1] + u * (b[2] + u * b[3]));
}

double shi_adf_pvalue(shi_ur_det det, double tau)
{
    if (isnan(tau) || (det != SHI_UR_CONST && det != SHI_UR_TREND)) {
        return (double)NAN;
    }
    const int d = det == SHI_UR_TREND;
    if (tau > ADF_P[d].tau_max) {
        return 1.0;
    }
    if (tau < ADF_P[d].tau_min) {
        return 0.0;
    }
    double z;
    if (tau <= ADF_P[d].tau_star) {
        const double *g = ADF_P[d].small;
        z = g[0] + tau * (g[1] + tau * g[2]);
    } else {
        const double *g = ADF_P[d].large;
        z = g[0] + tau * (g[1] + tau * (g[2] + tau * g[3]));
    }
    return gsl_cdf_ugaussian_P(z);
}

static int all_finite(const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i])) {
            return 0;
        }
    }
    return 1;
}

static int constant(const double *x, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (x[i] != x[0]) {
            return 0;
        }
    }
    return 1;
}

/* One ADF regression over t = t0..n-1 (indexes of x) with p lags: tau, SSR, nobs. */
static int adf_regress(const double *x, size_t n, shi_ur_det det, size_t p, size_t t0, double *tau,
                       double *ssr, size_t *nobs)
{
    const size_t m = n - t0, k = 2 + (det == SHI_UR_TREND) + p;
    gsl_matrix *X = gsl_matrix_alloc(m, k);
    gsl_vector *y = gsl_vector_alloc(m), *c = gsl_vector_alloc(k);
    gsl_matrix *cov = gsl_matrix_alloc(k, k);
    gsl_multifit_linear_workspace *w = gsl_multifit_linear_alloc(m, k);
    int ok = X && y && c && cov && w;
    if (ok) {
        for (size_t i = 0; i < m; i++) {
            size_t t = t0 + i, q = 0;
            gsl_vector_set(y, i, x[t] - x[t - 1]);
            gsl_matrix_set(X, i, q++, 1.0);
            gsl_matrix_set(X, i, q++, x[t - 1]); /* column 1: the coefficient g tested */
            if (det == SHI_UR_TREND) {
                gsl_matrix_set(X, i, q++, (double)t);
            }
            for (size_t l = 1; l <= p; l++) {
                gsl_matrix_set(X, i, q++, x[t - l] - x[t - l - 1]);
            }
        }
        double chisq;
        /* cov = s^2 (X'X)^-1 with s^2 = SSR / (m - k) (GSL's documented convention). */
        gsl_multifit_linear(X, y, c, cov, &chisq, w);
        *tau = gsl_vector_get(c, 1) / sqrt(gsl_matrix_get(cov, 1, 1));
        *ssr = chisq;
        *nobs = m;
    }
    gsl_matrix_free(X);
    gsl_vector_free(y);
    gsl_vector_free(c);
    gsl_matrix_free(cov);
    gsl_multifit_linear_free(w);
    return ok;
}

static size_t l4(size_t n)
{
    return (size_t)floor(4.0 * pow((double)n / 100.0, 0.25));
}

shi_status shi_adf_test(const double *x, size_t n, shi_ur_det det, int lag, shi_adf *out,
                        shi_err *err)
{
    if (lag < -1 || (det != SHI_UR_CONST && det != SHI_UR_TREND)) {
        return shi_err_set(err, SHI_EUSAGE, "ADF: lag must be >= 0 or -1 (automatic), got %d", lag);
    }
    if (!all_finite(x, n)) {
        return shi_err_set(err, SHI_EDATA, "ADF: the series has a missing or infinite value");
    }
    const size_t kdet = 2 + (det == SHI_UR_TREND);
    size_t pmax = lag >= 0 ? (size_t)lag : l4(n);
    /* The test regression with p lags has n - 1 - p rows and kdet + p
     * regressors; ask for 5 residual degrees of freedom at least. */
    size_t need = kdet + 2 * pmax + 6;
    if (n < need) {
        if (lag >= 0) {
            return shi_err_set(err, SHI_EDATA,
                               "ADF needs at least %zu years with %d lag(s), got %zu", need, lag,
                               n);
        }
        while (pmax > 0 && n < kdet + 2 * pmax + 6) {
            pmax--;
        }
        if (n < kdet + 6) {
            return shi_err_set(err, SHI_EDATA, "ADF needs at least %zu years, got %zu", kdet + 6,
                               n);
        }
    }
    if (constant(x, n)) {
        return shi_err_set(err, SHI_EDATA, "ADF: the series is constant");
    }
    size_t p = pmax;
    if (lag < 0 && pmax > 0) {
        /* AIC = log(SSR/m) + 2k/m over 0..pmax on the common sample t >= pmax + 1. */
        double best = INFINITY;
        for (size_t q = 0; q <= pmax; q++) {
            double tau, ssr;
            size_t m;
            if (!adf_regress(x, n, det, q, pmax + 1, &tau, &ssr, &m)) {
                return shi_err_set(err, SHI_EIO, "out of memory");
            }
            double aic = log(ssr / (double)m) + 2.0 * (double)(kdet + q) / (double)m;
            if (aic < best - 1e-12) {
                best = aic;
                p = q;
            }
        }
    }
    memset(out, 0, sizeof *out);
    double ssr;
    if (!adf_regress(x, n, det, p, p + 1, &out->stat, &ssr, &out->nobs)) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    out->lag = (int)p;
    const double lv[3] = {0.01, 0.05, 0.10};
    for (int i = 0; i < 3; i++) {
        out->crit[i] = shi_adf_crit(det, lv[i], out->nobs);
    }
    out->p = shi_adf_pvalue(det, out->stat);
    return SHI_OK;
}

shi_status shi_kpss_test(const double *x, size_t n, shi_ur_det det, int lag, shi_kpss *out,
                         shi_err *err)
{
    if (lag < -1 || (lag >= 0 && (size_t)lag >= n) ||
        (det != SHI_UR_CONST && det != SHI_UR_TREND)) {
        return shi_err_set(err, SHI_EUSAGE, "KPSS: lag must be -1 (automatic) or 0..%zu, got %d",
                           n ? n - 1 : 0, lag);
    }
    if (!all_finite(x, n)) {
        return shi_err_set(err, SHI_EDATA, "KPSS: the series has a missing or infinite value");
    }
    if (n < 5) {
        return shi_err_set(err, SHI_EDATA, "KPSS needs at least 5 years, got %zu", n);
    }
    if (constant(x, n)) {
        return shi_err_set(err, SHI_EDATA, "KPSS: the series is constant");
    }
    double *e = malloc(n * sizeof *e);
    if (!e) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    /* Residuals of x on a constant, or on a constant and t (closed-form simple regression). */
    double xm = 0.0, tm = 0.5 * (double)(n - 1);
    for (size_t t = 0; t < n; t++) {
        xm += x[t];
    }
    xm /= (double)n;
    double slope = 0.0;
    if (det == SHI_UR_TREND) {
        double sxt = 0.0, stt = 0.0;
        for (size_t t = 0; t < n; t++) {
            sxt += ((double)t - tm) * (x[t] - xm);
            stt += ((double)t - tm) * ((double)t - tm);
        }
        slope = sxt / stt;
    }
    for (size_t t = 0; t < n; t++) {
        e[t] = x[t] - xm - slope * ((double)t - tm);
    }
    size_t l = lag >= 0 ? (size_t)lag : l4(n);
    if (l >= n) {
        l = n - 1;
    }
    double s2 = 0.0, num = 0.0, S = 0.0;
    for (size_t t = 0; t < n; t++) {
        s2 += e[t] * e[t];
        S += e[t];
        num += S * S;
    }
    for (size_t s = 1; s <= l; s++) {
        double g = 0.0;
        for (size_t t = s; t < n; t++) {
            g += e[t] * e[t - s];
        }
        s2 += 2.0 * (1.0 - (double)s / (double)(l + 1)) * g;
    }
    s2 /= (double)n;
    free(e);
    if (!(s2 > 0.0)) {
        return shi_err_set(err, SHI_EDATA, "KPSS: the series has no variation around its %s",
                           det == SHI_UR_TREND ? "trend" : "mean");
    }
    memset(out, 0, sizeof *out);
    out->stat = num / ((double)n * (double)n * s2);
    out->lag = (int)l;
    out->nobs = n;
    const double *cv = KPSS_CRIT[det];
    memcpy(out->crit, cv, sizeof out->crit);
    if (out->stat <= cv[0]) {
        out->p = KPSS_LEVELS[0];
    } else if (out->stat >= cv[3]) {
        out->p = KPSS_LEVELS[3];
    } else {
        int i = 0;
        while (out->stat > cv[i + 1]) {
            i++;
        }
        double f = (out->stat - cv[i]) / (cv[i + 1] - cv[i]);
        out->p = KPSS_LEVELS[i] + f * (KPSS_LEVELS[i + 1] - KPSS_LEVELS[i]);
    }
    return SHI_OK;
}

shi_ur_class shi_ur_classify(const shi_adf *adf, const shi_kpss *kpss)
{
    int adf_rejects = adf->stat < adf->crit[1];
    int kpss_rejects = kpss->stat > kpss->crit[1];
    if (adf_rejects && !kpss_rejects) {
        return SHI_UR_STATIONARY;
    }
    if (kpss_rejects && !adf_rejects) {
        return SHI_UR_UNIT_ROOT;
    }
    return SHI_UR_INCONCLUSIVE;
}
