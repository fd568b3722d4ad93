/*
 * test_drivers.c - OLS, Newey-West, the LMG decomposition, block shares, the
 * moving-block bootstrap and the error messages of shi_drivers_fit.
 *
 * Reference values come from computations written here independently of
 * src/models/drivers.c: exact fractions (Python's fractions module) for the
 * hand example, normal equations solved by Gauss-Jordan elimination in long
 * double, the White and Newey-West sandwich written as a double sum, and the
 * LMG average over all k! orderings enumerated one by one.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/drivers.h>
#include <shi/rng.h>

/* ---- helpers written for the tests -------------------------------------------- */

static double gauss(shi_rng *r)
{
    double u = shi_rng_uniform(r), v = shi_rng_uniform(r);
    if (u < 1e-300) {
        u = 1e-300;
    }
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* Invert the p x p matrix a (row-major) into inv by Gauss-Jordan with partial
 * pivoting in long double. */
static void invert(size_t p, const double *a, double *inv)
{
    long double w[16][32];
    assert_true(p <= 16);
    for (size_t i = 0; i < p; i++) {
        for (size_t j = 0; j < p; j++) {
            w[i][j] = a[i * p + j];
            w[i][p + j] = i == j ? 1.0L : 0.0L;
        }
    }
    for (size_t c = 0; c < p; c++) {
        size_t piv = c;
        for (size_t i = c + 1; i < p; i++) {
            if (fabsl(w[i][c]) > fabsl(w[piv][c])) {
                piv = i;
            }
        }
        for (size_t j = 0; j < 2 * p; j++) {
            long double t = w[c][j];
            w[c][j] = w[piv][j];
            w[piv][j] = t;
        }
        long double d = w[c][c];
        assert_true(fabsl(d) > 0.0L);
        for (size_t j = 0; j < 2 * p; j++) {
            w[c][j] /= d;
        }
        for (size_t i = 0; i < p; i++) {
            if (i != c) {
                long double f = w[i][c];
                for (size_t j = 0; j < 2 * p; j++) {
                    w[i][j] -= f * w[c][j];
                }
            }
        }
    }
    for (size_t i = 0; i < p; i++) {
        for (size_t j = 0; j < p; j++) {
            inv[i * p + j] = (double)w[i][p + j];
        }
    }
}

/* OLS by the normal equations on the columns in `mask` of Z (n x k, column-major)
 * plus an intercept. Writes b (p), XtXinv (p x p), residuals e (n), returns R^2.
 * The design rows are x_t = (1, Z_S[t]). */
typedef struct ref_fit {
    size_t p;
    double b[16];
    double xxi[256];
    double e[4096];
    double r2;
} ref_fit;

static void ref_ols(size_t n, size_t k, const double *Z, const double *y, unsigned mask, ref_fit *f)
{
    size_t cols[16], p = 1;
    for (size_t j = 0; j < k; j++) {
        if (mask & (1u << j)) {
            cols[p++] = j;
        }
    }
    assert_true(n <= 4096);
    double xx[256] = {0}, xy[16] = {0};
    for (size_t t = 0; t < n; t++) {
        double x[16];
        x[0] = 1.0;
        for (size_t a = 1; a < p; a++) {
            x[a] = Z[cols[a] * n + t];
        }
        for (size_t a = 0; a < p; a++) {
            xy[a] += x[a] * y[t];
            for (size_t b = 0; b < p; b++) {
                xx[a * p + b] += x[a] * x[b];
            }
        }
    }
    invert(p, xx, f->xxi);
    f->p = p;
    for (size_t a = 0; a < p; a++) {
        long double s = 0.0L;
        for (size_t b = 0; b < p; b++) {
            s += (long double)f->xxi[a * p + b] * xy[b];
        }
        f->b[a] = (double)s;
    }
    double ybar = 0.0, sse = 0.0, syy = 0.0;
    for (size_t t = 0; t < n; t++) {
        ybar += y[t];
    }
    ybar /= (double)n;
    for (size_t t = 0; t < n; t++) {
        double fit = f->b[0];
        for (size_t a = 1; a < p; a++) {
            fit += f->b[a] * Z[cols[a] * n + t];
        }
        f->e[t] = y[t] - fit;
        sse += f->e[t] * f->e[t];
        syy += (y[t] - ybar) * (y[t] - ybar);
    }
    f->r2 = 1.0 - sse / syy;
}

/* Relative closeness. */
static void assert_close(double got, double want, double rel)
{
    double tol = rel * fmax(1.0, fabs(want));
    if (!(fabs(got - want) <= tol)) {
        fail_msg("got %.17g, want %.17g (tolerance %g)", got, want, tol);
    }
}

static shi_drivers_opts no_boot(void)
{
    shi_drivers_opts o = shi_drivers_opts_default();
    o.boot = 0;
    return o;
}

/* ---- OLS ------------------------------------------------------------------------ */

/* y = 0.385 + 2.00727... x on x = 1..10. Exact values (fractions): b = 552/275,
 * a = 77/200, SSE = 302/1375; se(b) = sqrt(SSE/8 / 82.5), se(a) = sqrt(SSE/8 *
 * (1/10 + 30.25/82.5)); R^2 and DW from the exact residuals; p(a) by Simpson's
 * rule on Student's t density with 8 df (200,000 intervals). */
static void ols_hand_example(void **state)
{
    (void)state;
    double y[10] = {2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.0, 20.2};
    double x[10];
    for (int i = 0; i < 10; i++) {
        x[i] = i + 1;
        y[i] += 0.385;
    }
    int blk[1] = {SHI_BLOCK_EXTERNAL};
    const char *names[1] = {"polarity"};
    shi_drivers_input in = {10, 1, y, x, blk, names};
    shi_drivers_opts o = no_boot();
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    assert_int_equal(r.n, 10);
    assert_int_equal(r.k, 1);
    assert_string_equal(r.coef[0].name, "(intercept)");
    assert_string_equal(r.coef[1].name, "polarity");
    assert_close(r.coef[1].b, 552.0 / 275.0, 1e-12);
    assert_close(r.coef[0].b, 0.385, 1e-12);
    assert_close(r.coef[1].se_ols, 0.018242323567627165, 1e-10);
    assert_close(r.coef[0].se_ols, 0.11319064100941037, 1e-10);
    assert_close(r.coef[0].t_ols, 3.4013412819880764, 1e-10);
    assert_close(r.coef[0].p_ols, 0.0093419240852341545, 1e-9);
    assert_close(r.r2, 0.99933968576038901, 1e-12);
    assert_close(r.adj_r2, 1.0 - (1.0 - 0.99933968576038901) * 9.0 / 8.0, 1e-12);
    assert_close(r.dw, 3.1371011438892236, 1e-10);
    /* one regressor: F = t^2, same p */
    assert_close(r.f, r.coef[1].t_ols * r.coef[1].t_ols, 1e-10);
    /* one regressor owns all of R^2 */
    assert_close(r.coef[1].lmg, r.r2, 1e-12);
    assert_close(r.external_share, 1.0, 1e-12);
    assert_close(r.shap_share[1], 0.0, 1e-12);
    /* default HAC lag for n = 10: floor(4 * 0.1^(2/9)) = floor(2.40) = 2 */
    assert_int_equal(r.hac_lag, 2);
    assert_true(isnan(r.external_share_ci[0]));
    shi_drivers_result_destroy(&r);
}

/* Random data with correlated drivers: n rows, k drivers, y = Z beta + noise. */
static void make_data(uint64_t seed, size_t n, size_t k, double *Z, double *y, double rho,
                      const double *beta, double noise)
{
    shi_rng g;
    shi_rng_init(&g, seed, 0);
    for (size_t t = 0; t < n; t++) {
        double common = gauss(&g);
        y[t] = 0.7;
        for (size_t j = 0; j < k; j++) {
            Z[j * n + t] = rho * common + sqrt(1.0 - rho * rho) * gauss(&g) + 0.1 * (double)j;
            y[t] += beta[j] * Z[j * n + t];
        }
        y[t] += noise * gauss(&g);
    }
}

static void ols_matches_normal_equations(void **state)
{
    (void)state;
    enum { N = 37, K = 3 };
    double Z[N * K], y[N];
    double beta[K] = {1.5, -0.8, 0.3};
    make_data(11, N, K, Z, y, 0.4, beta, 0.9);
    int blk[K] = {0, 1, 1};
    shi_drivers_input in = {N, K, y, Z, blk, NULL};
    shi_drivers_opts o = no_boot();
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    ref_fit f;
    ref_ols(N, K, Z, y, 7u, &f);
    double sse = 0.0;
    for (size_t t = 0; t < N; t++) {
        sse += f.e[t] * f.e[t];
        assert_close(r.resid[t], f.e[t], 1e-10);
    }
    double s2 = sse / (N - K - 1);
    for (size_t q = 0; q <= K; q++) {
        assert_close(r.coef[q].b, f.b[q], 1e-10);
        assert_close(r.coef[q].se_ols, sqrt(s2 * f.xxi[q * (K + 1) + q]), 1e-10);
    }
    assert_close(r.r2, f.r2, 1e-12);
    assert_string_equal(r.coef[2].name, "x2");
    assert_int_equal(r.coef[2].block, SHI_BLOCK_BILATERAL);
    /* the subset walk and the QR fit agree on the full model */
    assert_close(r.lmg_block[0] + r.lmg_block[1], r.r2, 1e-12);
    assert_close(r.shap_block[0] + r.shap_block[1], r.r2, 1e-12);
    shi_drivers_result_destroy(&r);
}

/* ---- Newey-West ---------------------------------------------------------------------- */

/* The sandwich written as a double sum over all pairs of observations:
 * S = sum_t sum_s w(|t-s|) e_t e_s x_t x_s', w(h) = 1 - h/(L+1) for h <= L. */
static void ref_hac(size_t n, size_t k, const double *Z, const ref_fit *f, size_t L, double *se)
{
    size_t p = k + 1;
    double S[256] = {0};
    for (size_t t = 0; t < n; t++) {
        for (size_t s = 0; s < n; s++) {
            size_t h = t > s ? t - s : s - t;
            if (h > L) {
                continue;
            }
            double w = 1.0 - (double)h / (double)(L + 1);
            for (size_t a = 0; a < p; a++) {
                double xa = a ? Z[(a - 1) * n + t] : 1.0;
                for (size_t b = 0; b < p; b++) {
                    double xb = b ? Z[(b - 1) * n + s] : 1.0;
                    S[a * p + b] += w * f->e[t] * f->e[s] * xa * xb;
                }
            }
        }
    }
    for (size_t q = 0; q < p; q++) {
        double v = 0.0;
        for (size_t a = 0; a < p; a++) {
            for (size_t b = 0; b < p; b++) {
                v += f->xxi[q * p + a] * S[a * p + b] * f->xxi[b * p + q];
            }
        }
        se[q] = sqrt(v);
    }
}

/* Lag 0: Newey-West is White's HC0, (X'X)^-1 X' diag(e^2) X (X'X)^-1. */
static void newey_west_lag0_is_white(void **state)
{
    (void)state;
    enum { N = 41, K = 2 };
    double Z[N * K], y[N];
    double beta[K] = {0.9, 0.4};
    make_data(5, N, K, Z, y, 0.3, beta, 1.0);
    for (size_t t = 0; t < N; t++) {
        y[t] += Z[t] * Z[t] * 0.8; /* heteroskedastic-looking misfit */
    }
    int blk[K] = {0, 1};
    shi_drivers_input in = {N, K, y, Z, blk, NULL};
    shi_drivers_opts o = no_boot();
    o.hac_lag = 0;
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    ref_fit f;
    ref_ols(N, K, Z, y, 3u, &f);
    /* White HC0, written directly */
    double meat[9] = {0};
    for (size_t t = 0; t < N; t++) {
        double x[3] = {1.0, Z[t], Z[N + t]};
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                meat[a * 3 + b] += f.e[t] * f.e[t] * x[a] * x[b];
            }
        }
    }
    for (int q = 0; q < 3; q++) {
        double v = 0.0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                v += f.xxi[q * 3 + a] * meat[a * 3 + b] * f.xxi[b * 3 + q];
            }
        }
        assert_close(r.coef[q].se_hac, sqrt(v), 1e-9);
        assert_close(r.coef[q].t_hac, r.coef[q].b / sqrt(v), 1e-9);
    }
    assert_int_equal(r.hac_lag, 0);
    shi_drivers_result_destroy(&r);
}

static void newey_west_lag3_double_sum(void **state)
{
    (void)state;
    enum { N = 30, K = 3 };
    double Z[N * K], y[N];
    double beta[K] = {0.5, 0.0, -1.2};
    make_data(77, N, K, Z, y, 0.5, beta, 0.7);
    /* autocorrelated errors */
    for (size_t t = 1; t < N; t++) {
        y[t] += 0.6 * sin((double)t);
    }
    int blk[K] = {0, 0, 1};
    shi_drivers_input in = {N, K, y, Z, blk, NULL};
    shi_drivers_opts o = no_boot();
    o.hac_lag = 3;
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    ref_fit f;
    ref_ols(N, K, Z, y, 7u, &f);
    double se[4];
    ref_hac(N, K, Z, &f, 3, se);
    for (int q = 0; q <= K; q++) {
        assert_close(r.coef[q].se_hac, se[q], 1e-9);
    }
    shi_drivers_result_destroy(&r);
}

static void newey_west_default_lag(void **state)
{
    (void)state;
    /* floor(4 (n/100)^(2/9)): n = 23 -> 2.88 -> 2; n = 100 -> 4; n = 64 -> 3.63 -> 3 */
    size_t ns[3] = {23, 100, 64};
    int want[3] = {2, 4, 3};
    for (int c = 0; c < 3; c++) {
        size_t n = ns[c];
        double *Z = malloc(2 * n * sizeof *Z), *y = malloc(n * sizeof *y);
        double beta[2] = {1.0, 1.0};
        make_data(3, n, 2, Z, y, 0.0, beta, 1.0);
        int blk[2] = {0, 1};
        shi_drivers_input in = {n, 2, y, Z, blk, NULL};
        shi_drivers_opts o = no_boot();
        shi_drivers_result r = {0};
        shi_err err = {0};
        assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
        assert_int_equal(r.hac_lag, want[c]);
        shi_drivers_result_destroy(&r);
        free(Z);
        free(y);
    }
}

/* ---- LMG ------------------------------------------------------------------------------- */

/* Brute force: average, over all k! orderings (enumerated in lexicographic
 * order), of each regressor's increment in R^2 when it enters. */
static void lmg_brute(size_t k, const double *r2, double *lmg)
{
    size_t perm[8];
    for (size_t i = 0; i < k; i++) {
        perm[i] = i;
        lmg[i] = 0.0;
    }
    double count = 0.0;
    for (;;) {
        unsigned mask = 0;
        for (size_t i = 0; i < k; i++) {
            unsigned next = mask | (1u << perm[i]);
            lmg[perm[i]] += r2[next] - r2[mask];
            mask = next;
        }
        count += 1.0;
        /* next permutation */
        size_t i = k - 1;
        while (i > 0 && perm[i - 1] >= perm[i]) {
            i--;
        }
        if (i == 0) {
            break;
        }
        size_t j = k - 1;
        while (perm[j] <= perm[i - 1]) {
            j--;
        }
        size_t t = perm[i - 1];
        perm[i - 1] = perm[j];
        perm[j] = t;
        for (size_t a = i, b = k - 1; a < b; a++, b--) {
            t = perm[a];
            perm[a] = perm[b];
            perm[b] = t;
        }
    }
    for (size_t i = 0; i < k; i++) {
        lmg[i] /= count;
    }
}

static void lmg_case(size_t k, uint64_t seed)
{
    enum { N = 60 };
    double Z[N * 5], y[N];
    double beta[5] = {1.0, -0.5, 0.8, 0.3, 0.6};
    make_data(seed, N, k, Z, y, 0.6, beta, 1.0);
    int blk[5] = {0, 1, 0, 1, 1};
    shi_drivers_input in = {N, k, y, Z, blk, NULL};
    shi_drivers_opts o = no_boot();
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    /* the R^2 of every subset, by the test's own normal equations */
    double r2[32];
    r2[0] = 0.0;
    for (unsigned mask = 1; mask < (1u << k); mask++) {
        ref_fit f;
        ref_ols(N, k, Z, y, mask, &f);
        r2[mask] = f.r2;
    }
    double want[5];
    lmg_brute(k, r2, want);
    double sum = 0.0;
    for (size_t j = 0; j < k; j++) {
        assert_close(r.coef[j + 1].lmg, want[j], 1e-10);
        sum += want[j];
    }
    assert_close(sum, r.r2, 1e-10);
    /* block Shapley: the two blocks as players */
    unsigned ext = 0, full = (1u << k) - 1;
    double lmg_ext = 0.0;
    for (size_t j = 0; j < k; j++) {
        if (blk[j] == 0) {
            ext |= 1u << j;
            lmg_ext += want[j];
        }
    }
    double shap_ext = 0.5 * r2[ext] + 0.5 * (r2[full] - r2[full & ~ext]);
    assert_close(r.shap_block[0], shap_ext, 1e-10);
    assert_close(r.external_share, shap_ext / r2[full], 1e-10);
    assert_close(r.lmg_block[0], lmg_ext, 1e-10);
    assert_close(r.lmg_share[0], lmg_ext / r2[full], 1e-10);
    assert_close(r.r2_block[0], r2[ext], 1e-10);
    assert_close(r.r2_block[1], r2[full & ~ext], 1e-10);
    shi_drivers_result_destroy(&r);
}

static void lmg_equals_all_orderings_k4(void **state)
{
    (void)state;
    lmg_case(4, 21);
}

static void lmg_equals_all_orderings_k5(void **state)
{
    (void)state;
    lmg_case(5, 22);
}

/* The low-level entry points on a hand example: two orthogonal regressors with
 * correlations 0.6 and 0.3 with y: R^2 = 0.36 + 0.09, LMG = (0.36, 0.09). */
static void subset_r2_orthogonal(void **state)
{
    (void)state;
    double sxx[4] = {4.0, 0.0, 0.0, 9.0}; /* variances 4 and 9 (times n) */
    double syy = 25.0;
    double sxy[2] = {0.6 * 2.0 * 5.0, 0.3 * 3.0 * 5.0};
    double r2[4], work[4 * 4 + 4 * 2], lmg[2];
    shi_err err = {0};
    assert_int_equal(shi_drivers_subset_r2(2, sxx, sxy, syy, r2, work, &err), SHI_OK);
    assert_close(r2[0], 0.0, 1e-15);
    assert_close(r2[1], 0.36, 1e-14);
    assert_close(r2[2], 0.09, 1e-14);
    assert_close(r2[3], 0.45, 1e-14);
    double lw[8];
    shi_drivers_lmg(2, r2, lmg, lw);
    assert_close(lmg[0], 0.36, 1e-14);
    assert_close(lmg[1], 0.09, 1e-14);
    assert_int_equal(shi_drivers_subset_r2(2, sxx, sxy, 0.0, r2, work, &err), SHI_EDATA);
}

/* ---- block shares on synthetic series with known structure ----------------------------- */

/* n rows: e1, e2 external, b1, b2 bilateral, all independent N(0,1);
 * y = ce * (e1 + 0.5 e2) + cb * (b1 - 0.5 b2) + noise. */
static void block_case(double ce, double cb, size_t n, uint64_t seed, shi_drivers_result *r)
{
    double *Z = malloc(4 * n * sizeof *Z), *y = malloc(n * sizeof *y);
    shi_rng g;
    shi_rng_init(&g, seed, 0);
    for (size_t t = 0; t < n; t++) {
        for (int j = 0; j < 4; j++) {
            Z[(size_t)j * n + t] = gauss(&g);
        }
        y[t] = 3.0 + ce * (Z[t] + 0.5 * Z[n + t]) + cb * (Z[2 * n + t] - 0.5 * Z[3 * n + t]) +
               0.5 * gauss(&g);
    }
    int blk[4] = {0, 0, 1, 1};
    const char *names[4] = {"polarity", "us_threat", "trade", "summits"};
    shi_drivers_input in = {n, 4, y, Z, blk, names};
    shi_drivers_opts o = no_boot();
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, r, &err), SHI_OK);
    free(Z);
    free(y);
}

/* External only: the bilateral drivers explain only chance variance, about
 * 2/n of it; with n = 2000 the external share exceeds 0.99. */
static void external_only_share_near_one(void **state)
{
    (void)state;
    shi_drivers_result r = {0};
    block_case(1.0, 0.0, 2000, 101, &r);
    assert_true(r.external_share > 0.99 && r.external_share <= 1.0 + 1e-12);
    assert_true(r.lmg_share[0] > 0.99);
    assert_close(r.shap_share[0] + r.shap_share[1], 1.0, 1e-12);
    shi_drivers_result_destroy(&r);
}

static void bilateral_only_share_near_zero(void **state)
{
    (void)state;
    shi_drivers_result r = {0};
    block_case(0.0, 1.0, 2000, 102, &r);
    assert_true(fabs(r.external_share) < 0.01);
    assert_true(fabs(r.lmg_share[0]) < 0.01);
    shi_drivers_result_destroy(&r);
}

/* y = 2 e + 1 b + noise, e and b independent with equal variance: explained
 * variance 4 + 1, so shares 0.8 and 0.2. With n = 5000 the sampling error of
 * the share is about 0.005; tolerance 0.02. */
static void known_mix_recovered(void **state)
{
    (void)state;
    enum { N = 5000 };
    double *Z = malloc(2 * N * sizeof *Z), *y = malloc(N * sizeof *y);
    shi_rng g;
    shi_rng_init(&g, 2024, 0);
    for (size_t t = 0; t < N; t++) {
        Z[t] = gauss(&g);
        Z[N + t] = gauss(&g);
        y[t] = 2.0 * Z[t] + 1.0 * Z[N + t] + gauss(&g);
    }
    int blk[2] = {SHI_BLOCK_EXTERNAL, SHI_BLOCK_BILATERAL};
    shi_drivers_input in = {N, 2, y, Z, blk, NULL};
    shi_drivers_opts o = no_boot();
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    assert_true(fabs(r.external_share - 0.8) < 0.02);
    assert_true(fabs(r.lmg_share[0] - 0.8) < 0.02);
    assert_true(fabs(r.shap_share[1] - 0.2) < 0.02);
    assert_true(fabs(r.r2 - 5.0 / 6.0) < 0.02);
    assert_true(fabs(r.coef[1].b - 2.0) < 0.05);
    shi_drivers_result_destroy(&r);
    free(Z);
    free(y);
}

/* Why the headline is the block Shapley value: measuring a bilateral driver
 * twice (b and b + small noise) leaves every block's R^2, hence the block
 * Shapley share, almost unchanged, but the sum of LMG values gives the external
 * block less of the variance it shares with b: with corr(e, b) = 0.6 and
 * y = e + b + 0.5 u, both shares are 0.5 with one copy; with two copies the
 * LMG share falls to about 0.5 - (R^2(e) - (R^2 - R^2(b))) / 6 / R^2 = 0.40. */
static void headline_invariant_to_splitting_a_block(void **state)
{
    (void)state;
    enum { N = 4000 };
    double *Z = malloc(3 * N * sizeof *Z), *y = malloc(N * sizeof *y);
    shi_rng g;
    shi_rng_init(&g, 606, 0);
    for (size_t t = 0; t < N; t++) {
        double e = gauss(&g), b = 0.6 * e + 0.8 * gauss(&g);
        Z[t] = e;
        Z[N + t] = b;
        Z[2 * N + t] = b + 0.01 * gauss(&g);
        y[t] = e + b + 0.5 * gauss(&g);
    }
    int blk[3] = {0, 1, 1};
    shi_drivers_opts o = no_boot();
    shi_err err = {0};
    shi_drivers_result one = {0}, two = {0};
    shi_drivers_input in1 = {N, 2, y, Z, blk, NULL};
    shi_drivers_input in2 = {N, 3, y, Z, blk, NULL};
    assert_int_equal(shi_drivers_fit(&in1, &o, &one, &err), SHI_OK);
    assert_int_equal(shi_drivers_fit(&in2, &o, &two, &err), SHI_OK);
    assert_true(fabs(one.external_share - 0.5) < 0.03);
    assert_close(one.lmg_share[0], one.external_share, 1e-12); /* k = 2: identical */
    assert_true(fabs(two.external_share - one.external_share) < 0.005);
    assert_true(fabs(two.lmg_share[0] - 0.40) < 0.03);
    shi_drivers_result_destroy(&one);
    shi_drivers_result_destroy(&two);
    free(Z);
    free(y);
}

/* ---- the bootstrap ------------------------------------------------------------------------ */

static void boot_run(uint64_t seed, int threads, shi_drivers_result *r)
{
    enum { N = 23, K = 6 };
    double Z[N * K], y[N];
    double beta[K] = {0.8, 0.5, -0.3, 0.2, 0.1, 0.4};
    make_data(9, N, K, Z, y, 0.3, beta, 0.8);
    int blk[K] = {0, 0, 0, 1, 1, 1};
    shi_drivers_input in = {N, K, y, Z, blk, NULL};
    shi_drivers_opts o = shi_drivers_opts_default();
    o.boot = 400;
    o.seed = seed;
    o.threads = threads;
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, r, &err), SHI_OK);
}

static void bootstrap_reproducible(void **state)
{
    (void)state;
    shi_drivers_result a = {0}, b = {0}, c = {0}, d = {0};
    boot_run(42, 1, &a);
    boot_run(42, 1, &b);
    boot_run(42, 2, &c);
    boot_run(43, 2, &d);
    assert_int_equal(a.boot, 400);
    assert_int_equal(a.block_len, 3); /* round(23^(1/3)) = round(2.84) */
    size_t bytes = 400 * sizeof(double);
    assert_memory_equal(a.boot_shap_ext, b.boot_shap_ext, bytes);
    assert_memory_equal(a.boot_shap_ext, c.boot_shap_ext, bytes);
    assert_memory_equal(a.boot_lmg_ext, c.boot_lmg_ext, bytes);
    assert_memory_equal(a.shap_share_ci, c.shap_share_ci, sizeof a.shap_share_ci);
    assert_memory_equal(a.lmg_share_ci, c.lmg_share_ci, sizeof a.lmg_share_ci);
    for (size_t q = 1; q <= a.k; q++) {
        assert_memory_equal(a.coef[q].lmg_share_ci, c.coef[q].lmg_share_ci, 2 * sizeof(double));
        assert_true(a.coef[q].lmg_share_ci[0] <= a.coef[q].lmg_share_ci[1]);
    }
    assert_true(memcmp(a.boot_shap_ext, d.boot_shap_ext, bytes) != 0);
    assert_true(a.external_share_ci[0] < a.external_share_ci[1]);
    assert_close(a.shap_share_ci[1][0], 1.0 - a.shap_share_ci[0][1], 1e-15);
    assert_int_equal(a.boot_invalid, 0);
    /* the point estimates do not depend on the bootstrap */
    assert_true(a.external_share == d.external_share);
    shi_drivers_result_destroy(&a);
    shi_drivers_result_destroy(&b);
    shi_drivers_result_destroy(&c);
    shi_drivers_result_destroy(&d);
}

/* Percentile interval by hand from the replications the result returns. */
static int cmpd(const void *p, const void *q)
{
    double x = *(const double *)p, y = *(const double *)q;
    return (x > y) - (x < y);
}

static void bootstrap_percentiles(void **state)
{
    (void)state;
    shi_drivers_result a = {0};
    boot_run(7, 0, &a);
    double v[400];
    memcpy(v, a.boot_shap_ext, sizeof v);
    qsort(v, 400, sizeof *v, cmpd);
    /* type 7: h = (B - 1) p; 399 * 0.025 = 9.975, 399 * 0.975 = 389.025 */
    double lo = v[9] + 0.975 * (v[10] - v[9]);
    double hi = v[389] + 0.025 * (v[390] - v[389]);
    assert_close(a.external_share_ci[0], lo, 1e-12);
    assert_close(a.external_share_ci[1], hi, 1e-12);
    shi_drivers_result_destroy(&a);
}

/* A driver that is non-zero in two years only: many resamples miss those
 * years, the driver is constant there and adds nothing; such replications are
 * counted, kept, and give finite shares. */
static void bootstrap_rank_deficient_resamples(void **state)
{
    (void)state;
    enum { N = 24, K = 3 };
    double Z[N * K], y[N];
    double beta[K] = {0.8, 0.5, 0.0};
    make_data(12, N, K, Z, y, 0.2, beta, 0.8);
    for (size_t t = 0; t < N; t++) {
        Z[2 * N + t] = t == 5 || t == 6 ? 1.0 : 0.0;
        y[t] += 0.9 * Z[2 * N + t];
    }
    int blk[K] = {0, 1, 1};
    shi_drivers_input in = {N, K, y, Z, blk, NULL};
    shi_drivers_opts o = shi_drivers_opts_default();
    o.boot = 300;
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    assert_true(r.boot_rankdef > 0 && r.boot_rankdef < 300);
    assert_int_equal(r.boot_invalid, 0);
    for (int b = 0; b < 300; b++) {
        assert_true(isfinite(r.boot_shap_ext[b]) && isfinite(r.boot_lmg_ext[b]));
    }
    assert_true(r.coef[3].lmg_share_ci[0] <= r.coef[3].lmg_share_ci[1]);
    shi_drivers_result_destroy(&r);
}

/* ---- transformations and missing values ----------------------------------------------------- */

static void missing_rows_dropped(void **state)
{
    (void)state;
    enum { N = 30, K = 2 };
    double Z[N * K], y[N];
    double beta[K] = {1.0, 0.5};
    make_data(31, N, K, Z, y, 0.2, beta, 1.0);
    y[4] = (double)NAN;
    Z[N + 17] = (double)NAN;
    Z[20] = (double)NAN;
    int blk[K] = {0, 1};
    shi_drivers_input in = {N, K, y, Z, blk, NULL};
    shi_drivers_opts o = no_boot();
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    assert_int_equal(r.n_missing, 3);
    assert_int_equal(r.n, 27);
    assert_int_equal(r.row[4], 5);
    /* same as fitting the clean rows */
    double Zc[27 * K], yc[27];
    size_t m = 0;
    for (size_t t = 0; t < N; t++) {
        if (t == 4 || t == 17 || t == 20) {
            continue;
        }
        yc[m] = y[t];
        Zc[m] = Z[t];
        Zc[27 + m] = Z[N + t];
        m++;
    }
    ref_fit f;
    ref_ols(27, K, Zc, yc, 3u, &f);
    for (int q = 0; q <= K; q++) {
        assert_close(r.coef[q].b, f.b[q], 1e-10);
    }
    shi_drivers_result_destroy(&r);
}

/* First differences and one lag: the regression of dy_t on dx_t and dx_{t-1}. */
static void differences_and_lags(void **state)
{
    (void)state;
    enum { N = 26, K = 2 };
    double Z[N * K], y[N];
    double beta[K] = {0.7, -0.4};
    make_data(55, N, K, Z, y, 0.2, beta, 0.6);
    int blk[K] = {0, 1};
    const char *names[K] = {"threat", "trade"};
    shi_drivers_input in = {N, K, y, Z, blk, names};
    shi_drivers_opts o = no_boot();
    o.diff = 1;
    o.lags = 1;
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    assert_int_equal(r.n_lost, 2);
    assert_int_equal(r.n, N - 2);
    assert_int_equal(r.k, 4);
    assert_string_equal(r.coef[3].name, "threat_L1");
    assert_string_equal(r.coef[4].name, "trade_L1");
    assert_int_equal(r.coef[3].block, SHI_BLOCK_EXTERNAL);
    assert_int_equal(r.coef[4].lag, 1);
    enum { M = N - 2 };
    double W[M * 4], dy[M];
    for (size_t t = 2; t < N; t++) {
        size_t i = t - 2;
        dy[i] = y[t] - y[t - 1];
        W[i] = Z[t] - Z[t - 1];
        W[M + i] = Z[N + t] - Z[N + t - 1];
        W[2 * M + i] = Z[t - 1] - Z[t - 2];
        W[3 * M + i] = Z[N + t - 1] - Z[N + t - 2];
    }
    ref_fit f;
    ref_ols(M, 4, W, dy, 15u, &f);
    for (int q = 0; q <= 4; q++) {
        assert_close(r.coef[q].b, f.b[q], 1e-10);
    }
    assert_close(r.r2, f.r2, 1e-10);
    /* A missing driver value in input row 10 removes the differences in rows
     * 10 and 11 and, through the lag, row 12 as well. */
    Z[N + 10] = (double)NAN;
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    assert_int_equal(r.n_missing, 3);
    assert_int_equal(r.n, N - 5);
    assert_int_equal(r.row[7], 9);
    assert_int_equal(r.row[8], 13);
    /* in levels with one lag, rows 10 and 11 */
    o.diff = 0;
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
    assert_int_equal(r.n_lost, 1);
    assert_int_equal(r.n_missing, 2);
    shi_drivers_result_destroy(&r);
}

/* ---- errors -----------------------------------------------------------------------------------
 */

static void too_few_observations(void **state)
{
    (void)state;
    double Z[2 * 12], y[12];
    double beta[2] = {1.0, 1.0};
    make_data(1, 12, 2, Z, y, 0.0, beta, 1.0);
    int blk[2] = {0, 1};
    shi_drivers_input in = {9, 2, y, Z, blk, NULL};
    shi_drivers_opts o = no_boot();
    shi_drivers_result r = {0};
    shi_err err = {0};
    /* n = 9 rows: X is read with stride 9 */
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "too few observations: n=9, k=2 (need at least 10)");
    assert_null(r.coef);

    in.n = 10;
    o.diff = 1;
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "too few observations: n=9, k=2 (need at least 10; 1 of 10 "
                                 "rows lost to differencing and lags, 0 dropped for missing "
                                 "values)");

    /* k + 2 binds: 5 drivers x 2 (one lag) = 10 regressors need 12 rows */
    double Z5[5 * 12], y5[12];
    double beta5[5] = {1, 1, 1, 1, 1};
    make_data(2, 12, 5, Z5, y5, 0.0, beta5, 1.0);
    int blk5[5] = {0, 0, 1, 1, 1};
    shi_drivers_input in5 = {12, 5, y5, Z5, blk5, NULL};
    o.diff = 0;
    o.lags = 1;
    assert_int_equal(shi_drivers_fit(&in5, &o, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "too few observations: n=11, k=10 (need at least 12; 1 of 12 "
                                 "rows lost to differencing and lags, 0 dropped for missing "
                                 "values)");
}

static void collinear_drivers_named(void **state)
{
    (void)state;
    enum { N = 20 };
    double Z[4 * N], y[N];
    double beta[4] = {1.0, 0.5, 0.0, 0.3};
    make_data(8, N, 4, Z, y, 0.1, beta, 1.0);
    for (size_t t = 0; t < N; t++) {
        Z[2 * N + t] = 1.5 * Z[t] - 2.0 * Z[3 * N + t] + 4.0; /* c = 1.5 a - 2 d + 4 */
    }
    int blk[4] = {0, 1, 1, 0};
    const char *names[4] = {"polarity", "trade", "arms", "us_threat"};
    shi_drivers_input in = {N, 4, y, Z, blk, names};
    shi_drivers_opts o = no_boot();
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "drivers 'polarity', 'arms' and 'us_threat' are perfectly "
                                 "collinear (rank 3 of 4 after centring, tolerance 1e-06)");
    /* a driver equal to another */
    for (size_t t = 0; t < N; t++) {
        Z[2 * N + t] = Z[N + t];
    }
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "drivers 'trade' and 'arms' are perfectly collinear (rank 3 "
                                 "of 4 after centring, tolerance 1e-06)");
}

static void constant_driver_named(void **state)
{
    (void)state;
    enum { N = 20 };
    double Z[3 * N], y[N];
    double beta[3] = {1.0, 0.5, 0.2};
    make_data(8, N, 3, Z, y, 0.1, beta, 1.0);
    for (size_t t = 0; t < N; t++) {
        Z[N + t] = 0.385;
    }
    int blk[3] = {0, 1, 1};
    const char *names[3] = {"polarity", "flat", "trade"};
    shi_drivers_input in = {N, 3, y, Z, blk, names};
    shi_drivers_opts o = no_boot();
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "driver 'flat' is constant over the 20 observations used");
    /* in differences, a linear trend becomes constant */
    for (size_t t = 0; t < N; t++) {
        Z[N + t] = 2.5 * (double)t;
    }
    o.diff = 1;
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "driver 'flat' is constant over the 19 observations used");
    /* a constant outcome */
    o.diff = 0;
    for (size_t t = 0; t < N; t++) {
        y[t] = 1.0;
    }
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg,
                        "outcome is constant over the 20 observations used: nothing to explain");
}

static void bad_arguments(void **state)
{
    (void)state;
    enum { N = 20 };
    double Z[2 * N], y[N];
    double beta[2] = {1.0, 0.5};
    make_data(8, N, 2, Z, y, 0.1, beta, 1.0);
    int blk[2] = {0, 2};
    const char *names[2] = {"polarity", "trade"};
    shi_drivers_input in = {N, 2, y, Z, blk, names};
    shi_drivers_opts o = no_boot();
    shi_drivers_result r = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_EUSAGE);
    assert_string_equal(err.msg,
                        "driver 'trade' has block 2; expected 0 (external) or 1 (bilateral)");
    blk[1] = 1;
    o.lags = 7; /* 2 x 8 = 16 > 15 */
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "too many regressors for the exact LMG decomposition: 16 (2 "
                                 "drivers x 8 lag(s)); at most 15");
    o.lags = 0;
    Z[3] = (double)INFINITY;
    assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "driver 'polarity' is infinite in row 4");
    assert_null(r.coef);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ols_hand_example),
        cmocka_unit_test(ols_matches_normal_equations),
        cmocka_unit_test(newey_west_lag0_is_white),
        cmocka_unit_test(newey_west_lag3_double_sum),
        cmocka_unit_test(newey_west_default_lag),
        cmocka_unit_test(lmg_equals_all_orderings_k4),
        cmocka_unit_test(lmg_equals_all_orderings_k5),
        cmocka_unit_test(subset_r2_orthogonal),
        cmocka_unit_test(external_only_share_near_one),
        cmocka_unit_test(bilateral_only_share_near_zero),
        cmocka_unit_test(known_mix_recovered),
        cmocka_unit_test(headline_invariant_to_splitting_a_block),
        cmocka_unit_test(bootstrap_reproducible),
        cmocka_unit_test(bootstrap_percentiles),
        cmocka_unit_test(bootstrap_rank_deficient_resamples),
        cmocka_unit_test(missing_rows_dropped),
        cmocka_unit_test(differences_and_lags),
        cmocka_unit_test(too_few_observations),
        cmocka_unit_test(collinear_drivers_named),
        cmocka_unit_test(constant_driver_named),
        cmocka_unit_test(bad_arguments),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
