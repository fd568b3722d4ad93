/*
 * drivers.c - what drives an alignment: OLS with Newey-West errors, the exact
 * LMG decomposition of R^2 into regressors and into the external and bilateral
 * blocks, and a moving-block bootstrap of the shares (see include/shi/drivers.h
 * and docs/drivers.md).
 *
 * Layout of the work:
 *   prepare()      differences, lags, listwise deletion -> y (m), Z (m x K, column-major)
 *   check_design() constant outcome or drivers, rank of the standardised drivers (SVD)
 *   ols()          QR of [1 Z], (X'X)^-1 from R^-1, OLS and HAC errors, R^2, F, DW
 *   subset_r2()    R^2 of all 2^K subsets from the correlation matrix by a
 *                  depth-first walk that extends one Cholesky factor a row at a time
 *   shi_drivers_lmg() Shapley values of the regressors from the subset R^2
 *   bootstrap      B moving-block resamples; replication b uses rng stream b
 */
#include <shi/drivers.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_vector.h>

#include <shi/rng.h>

#ifdef _OPENMP
#    include <omp.h>
#endif

/* In the walk over subsets, a regressor whose squared distance (in correlation
 * units) from the span of those before it is at most this adds nothing. The
 * default rank_tol (1e-6 on singular values, so 1e-12 on eigenvalues of the
 * correlation matrix) keeps every accepted full sample clear of it. */
#define DEGENERATE_D2 1e-13

/* A component of a null vector of the standardised drivers above this names
 * its driver as part of the collinear set. */
#define NULL_COMPONENT 1e-6

shi_drivers_opts shi_drivers_opts_default(void)
{
    shi_drivers_opts o;
    memset(&o, 0, sizeof o);
    o.diff = 0;
    o.lags = 0;
    o.hac_lag = -1;
    o.boot = 2000;
    o.block_len = 0;
    o.seed = 1;
    o.threads = 0;
    o.rank_tol = 1e-6;
    o.perm = 0;
    return o;
}

void shi_drivers_result_init(shi_drivers_result *r)
{
    memset(r, 0, sizeof *r);
}

void shi_drivers_result_destroy(shi_drivers_result *r)
{
    if (!r) {
        return;
    }
    free(r->row);
    free(r->coef);
    free(r->resid);
    free(r->boot_shap_ext);
    free(r->boot_lmg_ext);
    memset(r, 0, sizeof *r);
}

/* ---- subset R^2 and LMG ------------------------------------------------------ */

/* The walk visits the subsets in depth-first order, each subset S + {j} (j
 * above every member of S) right after S, and extends the Cholesky factor of
 * S's correlation matrix by the row of j. For every candidate j it keeps, per
 * factor depth d, the component P[d][j] of L^-1 C[S, j] and the running sums
 * LL[d][j] = sum_{p<d} P[p][j]^2 and LZ[d][j] = sum_{p<d} P[p][j] z[p], so a
 * child costs O(1) and appending a member costs O(depth) per later candidate. */
typedef struct walk {
    size_t k;
    const double *C; /* k x k correlation matrix (row-major); C[jj] = 0 for a constant */
    const double *c; /* k correlations with the outcome */
    double *P;       /* k x k: P[d*k + j] */
    double *LL, *LZ; /* (k+1) x k running sums, by depth */
    double *z;       /* k: z = L^-1 c over the members, so R^2 = z'z */
    double *r2;      /* 2^k output */
    size_t ndeg;     /* degenerate extensions met */
} walk;

/* Visit every subset mask + {j}, j >= next, whose factor has depth m and R^2 r2cur. */
static void walk_from(walk *w, size_t mask, size_t m, size_t next, double r2cur)
{
    const size_t k = w->k;
    const double *ll = w->LL + m * k, *lz = w->LZ + m * k;
    for (size_t j = next; j < k; j++) {
        size_t nm = mask | ((size_t)1 << j);
        double d2 = w->C[j * k + j] - ll[j];
        if (!(d2 > DEGENERATE_D2)) {
            w->ndeg++;
            w->r2[nm] = r2cur;
            walk_from(w, nm, m, j + 1, r2cur);
            continue;
        }
        double d = sqrt(d2);
        double zm = (w->c[j] - lz[j]) / d;
        double r = r2cur + zm * zm;
        w->r2[nm] = r;
        if (j + 1 == k) {
            continue;
        }
        w->z[m] = zm;
        double *Pm = w->P + m * k, *ll1 = w->LL + (m + 1) * k, *lz1 = w->LZ + (m + 1) * k;
        for (size_t i = j + 1; i < k; i++) {
            double v = w->C[j * k + i];
            for (size_t p = 0; p < m; p++) {
                v -= w->P[p * k + j] * w->P[p * k + i];
            }
            v /= d;
            Pm[i] = v;
            ll1[i] = ll[i] + v * v;
            lz1[i] = lz[i] + v * zm;
        }
        walk_from(w, nm, m + 1, j + 1, r);
    }
}

/* The work behind shi_drivers_subset_r2; returns the number of degenerate
 * extensions (0 when the regressors have full rank). `work` holds
 * 4k^2 + 4k doubles. */
static size_t subset_r2(size_t k, const double *sxx, const double *sxy, double syy, double *r2,
                        double *work)
{
    double *C = work, *c = C + k * k, *P = c + k, *LL = P + k * k, *LZ = LL + (k + 1) * k,
           *z = LZ + (k + 1) * k;
    /* The scale 1/sqrt(sxx_jj) lives in P until the walk needs it. */
    double *scale = P;
    for (size_t j = 0; j < k; j++) {
        double v = sxx[j * k + j];
        scale[j] = v > 0.0 ? 1.0 / sqrt(v) : 0.0;
    }
    double sy = 1.0 / sqrt(syy);
    for (size_t i = 0; i < k; i++) {
        for (size_t j = 0; j < k; j++) {
            C[i * k + j] =
                i == j ? (scale[i] > 0.0 ? 1.0 : 0.0) : sxx[i * k + j] * scale[i] * scale[j];
        }
        c[i] = sxy[i] * scale[i] * sy;
    }
    for (size_t j = 0; j < k; j++) {
        LL[j] = LZ[j] = 0.0;
    }
    walk w = {k, C, c, P, LL, LZ, z, r2, 0};
    r2[0] = 0.0;
    walk_from(&w, 0, 0, 0, 0.0);
    return w.ndeg;
}

shi_status shi_drivers_subset_r2(size_t k, const double *sxx, const double *sxy, double syy,
                                 double *r2, double *work, shi_err *err)
{
    if (k == 0 || k > SHI_DRIVERS_MAX_K) {
        return shi_err_set(err, SHI_EUSAGE, "subset R^2 needs 1 to %d regressors, got %zu",
                           SHI_DRIVERS_MAX_K, k);
    }
    if (!(syy > 0.0) || !isfinite(syy)) {
        return shi_err_set(err, SHI_EDATA, "outcome has no variation (sum of squares %g)", syy);
    }
    subset_r2(k, sxx, sxy, syy, r2, work);
    return SHI_OK;
}

/* Bits set in x < 2^16. */
static unsigned popcount16(unsigned x)
{
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return (x + (x >> 8)) & 0x1Fu;
}

/* Sum of v[0..n-1] in a fixed order, four partial sums. */
static double sum_run(const double *v, size_t n)
{
    double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        a0 += v[i];
        a1 += v[i + 1];
        a2 += v[i + 2];
        a3 += v[i + 3];
    }
    for (; i < n; i++) {
        a0 += v[i];
    }
    return (a0 + a1) + (a2 + a3);
}

void shi_drivers_lmg(size_t k, const double *r2, double *lmg, double *work)
{
    double w[SHI_DRIVERS_MAX_K + 1];
    /* w[s] = s! (k-1-s)! / k!; w[0] = 1/k, w[s] = w[s-1] * s / (k - s) */
    w[0] = 1.0 / (double)k;
    for (size_t s = 1; s < k; s++) {
        w[s] = w[s - 1] * (double)s / (double)(k - s);
    }
    w[k] = 0.0; /* the full set is never the S an increment starts from */
    /* lmg[j] = sum_{T with j} w(|T|-1) r2[T] - sum_{S without j} w(|S|) r2[S]:
     * a[T] and b[S] are computed once, and the masks with (without) bit j are
     * contiguous runs of length 2^j. */
    const size_t nsub = (size_t)1 << k;
    double *a = work, *b = work + nsub;
    for (size_t mask = 0; mask < nsub; mask++) {
        unsigned s = popcount16((unsigned)mask);
        a[mask] = s ? w[s - 1] * r2[mask] : 0.0;
        b[mask] = w[s] * r2[mask];
    }
    for (size_t j = 0; j < k; j++) {
        const size_t bit = (size_t)1 << j;
        double with = 0.0, without = 0.0;
        for (size_t hi = 0; hi < nsub; hi += bit << 1) {
            without += sum_run(b + hi, bit);
            with += sum_run(a + hi + bit, bit);
        }
        lmg[j] = with - without;
    }
}

/* ---- preparing the sample -------------------------------------------------- */

/* Value of driver j (or y when j == SIZE_MAX), transformed, at input row t. */
static double value(const shi_drivers_input *in, int diff, size_t j, size_t t)
{
    const double *v = j == SIZE_MAX ? in->y : in->X + j * in->n;
    return diff ? v[t] - v[t - 1] : v[t];
}

typedef struct design {
    size_t m, K; /* observations, regressors */
    double *y;   /* m */
    double *Z;   /* m x K column-major */
    size_t *row; /* m input rows */
    size_t lost, missing;
} design;

static void design_free(design *d)
{
    free(d->y);
    free(d->Z);
    free(d->row);
    memset(d, 0, sizeof *d);
}

static const char *base_name(const shi_drivers_input *in, size_t j, char *buf, size_t size)
{
    if (in->names && in->names[j]) {
        return in->names[j];
    }
    snprintf(buf, size, "x%zu", j + 1);
    return buf;
}

static shi_status prepare(const shi_drivers_input *in, const shi_drivers_opts *o, design *d,
                          shi_err *err)
{
    const size_t n = in->n, k = in->k, L = (size_t)o->lags;
    const size_t K = k * (L + 1), s0 = (size_t)o->diff + L;
    d->K = K;
    d->lost = s0 < n ? s0 : n;
    size_t cap = n > s0 ? n - s0 : 0;
    d->y = malloc((cap ? cap : 1) * sizeof *d->y);
    d->Z = malloc((cap ? cap : 1) * K * sizeof *d->Z);
    d->row = malloc((cap ? cap : 1) * sizeof *d->row);
    if (!d->y || !d->Z || !d->row) {
        return shi_err_set(err, SHI_EIO, "out of memory preparing %zu observations", n);
    }
    /* Infinite inputs are data errors, not missing values. */
    for (size_t t = 0; t < n; t++) {
        if (isinf(in->y[t])) {
            return shi_err_set(err, SHI_EDATA, "outcome is infinite in row %zu", t + 1);
        }
        for (size_t j = 0; j < k; j++) {
            if (isinf(in->X[j * n + t])) {
                char nb[32];
                return shi_err_set(err, SHI_EDATA, "driver '%s' is infinite in row %zu",
                                   base_name(in, j, nb, sizeof nb), t + 1);
            }
        }
    }
    size_t m = 0;
    for (size_t t = s0; t < n; t++) {
        double yv = value(in, o->diff, SIZE_MAX, t);
        int ok = !isnan(yv);
        for (size_t l = 0; ok && l <= L; l++) {
            for (size_t j = 0; ok && j < k; j++) {
                double v = value(in, o->diff, j, t - l);
                if (isnan(v)) {
                    ok = 0;
                }
            }
        }
        if (!ok) {
            d->missing++;
            continue;
        }
        d->y[m] = yv;
        d->row[m] = t;
        m++;
    }
    /* Second pass now that m is known: Z is column-major with stride m. */
    size_t q = 0;
    for (size_t l = 0; l <= L; l++) {
        for (size_t j = 0; j < k; j++, q++) {
            for (size_t i = 0; i < m; i++) {
                d->Z[q * m + i] = value(in, o->diff, j, d->row[i] - l);
            }
        }
    }
    d->m = m;
    return SHI_OK;
}

/* ---- checks on the design ---------------------------------------------------- */

/* Centred sum of squares of v (m values); *raw gets the uncentred one. Exactly
 * constant data give exactly 0. */
static double centred_ss(const double *v, size_t m, double *raw)
{
    double mean = 0.0, r = 0.0, ss = 0.0;
    int same = 1;
    for (size_t i = 0; i < m; i++) {
        mean += v[i];
        r += v[i] * v[i];
        same &= v[i] == v[0];
    }
    *raw = r;
    if (same) {
        return 0.0;
    }
    mean /= (double)m;
    for (size_t i = 0; i < m; i++) {
        ss += (v[i] - mean) * (v[i] - mean);
    }
    return ss;
}

/* Append `s` to buf (size `size`, length *len), marking truncation with "...". */
static void append(char *buf, size_t size, size_t *len, const char *s)
{
    size_t sl = strlen(s);
    if (*len + sl + 4 >= size) {
        if (*len + 4 < size) {
            memcpy(buf + *len, "...", 4);
            *len += 3;
        }
        return;
    }
    memcpy(buf + *len, s, sl + 1);
    *len += sl;
}

/* Whether driver q has a component above NULL_COMPONENT in one of the null
 * right singular vectors (columns rank..K-1 of V). */
static int in_null(const double *V, size_t K, size_t rank, size_t q)
{
    for (size_t i = rank; i < K; i++) {
        if (fabs(V[q * K + i]) > NULL_COMPONENT) {
            return 1;
        }
    }
    return 0;
}

static shi_status check_design(const design *d, const shi_drivers_coef *coef, double tol,
                               shi_err *err)
{
    const size_t m = d->m, K = d->K;
    double raw;
    double ssy = centred_ss(d->y, m, &raw);
    if (ssy <= tol * tol * raw || ssy == 0.0) {
        return shi_err_set(err, SHI_EDATA,
                           "outcome is constant over the %zu observations used: nothing to explain",
                           m);
    }
    for (size_t q = 0; q < K; q++) {
        double ss = centred_ss(d->Z + q * m, m, &raw);
        if (ss == 0.0 || ss <= tol * tol * raw) {
            return shi_err_set(err, SHI_EDATA,
                               "driver '%s' is constant over the %zu observations used",
                               coef[q + 1].name, m);
        }
    }
    /* Rank of the centred drivers scaled to unit length, by SVD. */
    double *W = malloc(m * K * sizeof *W);
    double *V = malloc(K * K * sizeof *V);
    double *S = malloc(K * sizeof *S);
    double *wk = malloc(K * sizeof *wk);
    shi_status st = SHI_OK;
    if (!W || !V || !S || !wk) {
        st = shi_err_set(err, SHI_EIO, "out of memory checking the rank of %zu drivers", K);
        goto cleanup;
    }
    for (size_t q = 0; q < K; q++) {
        const double *z = d->Z + q * m;
        double mean = 0.0, ss = 0.0;
        for (size_t i = 0; i < m; i++) {
            mean += z[i];
        }
        mean /= (double)m;
        for (size_t i = 0; i < m; i++) {
            ss += (z[i] - mean) * (z[i] - mean);
        }
        double sc = 1.0 / sqrt(ss);
        for (size_t i = 0; i < m; i++) {
            W[i * K + q] = (z[i] - mean) * sc;
        }
    }
    gsl_matrix_view Wv = gsl_matrix_view_array(W, m, K);
    gsl_matrix_view Vv = gsl_matrix_view_array(V, K, K);
    gsl_vector_view Sv = gsl_vector_view_array(S, K);
    gsl_vector_view wv = gsl_vector_view_array(wk, K);
    gsl_linalg_SV_decomp(&Wv.matrix, &Vv.matrix, &Sv.vector, &wv.vector);
    size_t rank = 0;
    for (size_t i = 0; i < K; i++) {
        rank += S[i] > tol * S[0];
    }
    if (rank < K) {
        /* Name the drivers that carry weight in some null vector. */
        char list[400];
        size_t len = 0, cnt = 0, last = 0;
        list[0] = '\0';
        for (size_t q = 0; q < K; q++) {
            if (in_null(V, K, rank, q)) {
                cnt++;
                last = q;
            }
        }
        size_t seen = 0;
        for (size_t q = 0; q < K; q++) {
            if (!in_null(V, K, rank, q)) {
                continue;
            }
            if (seen > 0) {
                append(list, sizeof list, &len, q == last ? " and " : ", ");
            }
            append(list, sizeof list, &len, "'");
            append(list, sizeof list, &len, coef[q + 1].name);
            append(list, sizeof list, &len, "'");
            seen++;
        }
        st = shi_err_set(err, SHI_EDATA,
                         "drivers %s are perfectly collinear (rank %zu of %zu after centring, "
                         "tolerance %g)",
                         cnt ? list : "(unidentified)", rank, K, tol);
    }
cleanup:
    free(W);
    free(V);
    free(S);
    free(wk);
    return st;
}

/* ---- OLS with classical and Newey-West errors --------------------------------- */

static double two_sided_p(double t, double df)
{
    if (isnan(t)) {
        return (double)NAN;
    }
    if (isinf(t)) {
        return 0.0;
    }
    return 2.0 * gsl_cdf_tdist_Q(fabs(t), df);
}

static shi_status ols(const design *d, int hac_lag, shi_drivers_result *r, shi_err *err)
{
    const size_t m = d->m, K = d->K, p = K + 1;
    double *A = malloc(m * p * sizeof *A);   /* design [1 Z], row-major */
    double *QR = malloc(m * p * sizeof *QR); /* its QR factorisation */
    double *tau = malloc(p * sizeof *tau);
    double *b = malloc(p * sizeof *b);
    double *Ri = malloc(p * p * sizeof *Ri);   /* R^-1 */
    double *XXi = malloc(p * p * sizeof *XXi); /* (X'X)^-1 */
    double *M = malloc(p * p * sizeof *M);     /* HAC meat */
    double *T = malloc(p * p * sizeof *T);
    double *U = malloc(m * p * sizeof *U); /* u_t = e_t x_t */
    shi_status st = SHI_OK;
    if (!A || !QR || !tau || !b || !Ri || !XXi || !M || !T || !U) {
        st = shi_err_set(err, SHI_EIO, "out of memory fitting %zu x %zu", m, p);
        goto cleanup;
    }
    for (size_t i = 0; i < m; i++) {
        A[i * p] = 1.0;
        for (size_t q = 0; q < K; q++) {
            A[i * p + q + 1] = d->Z[q * m + i];
        }
    }
    memcpy(QR, A, m * p * sizeof *A);
    gsl_matrix_view QRv = gsl_matrix_view_array(QR, m, p);
    gsl_vector_view tauv = gsl_vector_view_array(tau, p);
    gsl_vector_const_view yv = gsl_vector_const_view_array(d->y, m);
    gsl_vector_view bv = gsl_vector_view_array(b, p);
    gsl_vector_view ev = gsl_vector_view_array(r->resid, m);
    gsl_linalg_QR_decomp(&QRv.matrix, &tauv.vector);
    gsl_linalg_QR_lssolve(&QRv.matrix, &tauv.vector, &yv.vector, &bv.vector, &ev.vector);

    /* (X'X)^-1 = R^-1 R^-T */
    for (size_t i = 0; i < p; i++) {
        for (size_t j = 0; j < p; j++) {
            Ri[i * p + j] = j >= i ? QR[i * p + j] : 0.0;
        }
    }
    gsl_matrix_view Rv = gsl_matrix_view_array(Ri, p, p);
    gsl_linalg_tri_invert(CblasUpper, CblasNonUnit, &Rv.matrix);
    for (size_t i = 0; i < p; i++) {
        for (size_t j = 0; j < p; j++) {
            double s = 0.0;
            for (size_t l = i > j ? i : j; l < p; l++) {
                s += Ri[i * p + l] * Ri[j * p + l];
            }
            XXi[i * p + j] = s;
        }
    }

    const double *e = r->resid;
    double sse = 0.0, ybar = 0.0, syy = 0.0, dwn = 0.0;
    for (size_t i = 0; i < m; i++) {
        sse += e[i] * e[i];
        ybar += d->y[i];
        if (i > 0) {
            dwn += (e[i] - e[i - 1]) * (e[i] - e[i - 1]);
        }
    }
    ybar /= (double)m;
    for (size_t i = 0; i < m; i++) {
        syy += (d->y[i] - ybar) * (d->y[i] - ybar);
    }
    const double df = (double)(m - p);
    const double s2 = sse / df;
    r->r2 = 1.0 - sse / syy;
    r->adj_r2 = 1.0 - (1.0 - r->r2) * (double)(m - 1) / df;
    r->sigma = sqrt(s2);
    r->f = (r->r2 / (double)K) / ((1.0 - r->r2) / df);
    r->f_p = isfinite(r->f) ? gsl_cdf_fdist_Q(r->f, (double)K, df) : 0.0;
    r->dw = sse > 0.0 ? dwn / sse : (double)NAN;

    /* Newey-West meat: sum_l w_l sum_t (u_t u_{t-l}' + u_{t-l} u_t'), w_l = 1 - l/(L+1),
     * the l = 0 term counted once. */
    size_t L = hac_lag < 0 ? 0 : (size_t)hac_lag;
    if (L > m - 1) {
        L = m - 1;
    }
    r->hac_lag = (int)L;
    for (size_t i = 0; i < m; i++) {
        for (size_t j = 0; j < p; j++) {
            U[i * p + j] = e[i] * A[i * p + j];
        }
    }
    memset(M, 0, p * p * sizeof *M);
    for (size_t l = 0; l <= L; l++) {
        double w = l == 0 ? 1.0 : 1.0 - (double)l / (double)(L + 1);
        for (size_t t = l; t < m; t++) {
            const double *ut = U + t * p, *us = U + (t - l) * p;
            for (size_t i = 0; i < p; i++) {
                for (size_t j = 0; j < p; j++) {
                    double g = ut[i] * us[j];
                    M[i * p + j] += l == 0 ? w * g : w * (g + us[i] * ut[j]);
                }
            }
        }
    }
    /* V = XXi M XXi */
    for (size_t i = 0; i < p; i++) {
        for (size_t j = 0; j < p; j++) {
            double s = 0.0;
            for (size_t l = 0; l < p; l++) {
                s += XXi[i * p + l] * M[l * p + j];
            }
            T[i * p + j] = s;
        }
    }
    for (size_t q = 0; q < p; q++) {
        double v = 0.0;
        for (size_t l = 0; l < p; l++) {
            v += T[q * p + l] * XXi[l * p + q];
        }
        shi_drivers_coef *c = &r->coef[q];
        c->b = b[q];
        c->se_ols = sqrt(s2 * XXi[q * p + q]);
        c->t_ols = c->b / c->se_ols;
        c->p_ols = two_sided_p(c->t_ols, df);
        c->se_hac = sqrt(v > 0.0 ? v : 0.0);
        c->t_hac = c->b / c->se_hac;
        c->p_hac = two_sided_p(c->t_hac, df);
    }
cleanup:
    free(A);
    free(QR);
    free(tau);
    free(b);
    free(Ri);
    free(XXi);
    free(M);
    free(T);
    free(U);
    return st;
}

/* ---- decomposition of one sample (the data, or a bootstrap resample) ------------ */

/* Per-thread scratch for one decomposition. */
typedef struct scratch {
    double *sxx;   /* K x K */
    double *sxy;   /* K */
    double *dev;   /* m x K centred resample, row-major */
    double *dy;    /* m */
    double *r2;    /* 2^K */
    double *work;  /* 4K^2 + 4K */
    double *lmg;   /* K */
    double *lwork; /* 2^(K+1) */
    size_t *idx;   /* m */
} scratch;

static size_t scratch_doubles(size_t m, size_t K)
{
    return K * K + K + m * K + m + ((size_t)1 << K) + 4 * K * K + 4 * K + K + ((size_t)2 << K);
}

static void scratch_bind(scratch *s, double *mem, size_t *idx, size_t m, size_t K)
{
    s->sxx = mem;
    s->sxy = s->sxx + K * K;
    s->dev = s->sxy + K;
    s->dy = s->dev + m * K;
    s->r2 = s->dy + m;
    s->work = s->r2 + ((size_t)1 << K);
    s->lmg = s->work + 4 * K * K + 4 * K;
    s->lwork = s->lmg + K;
    s->idx = idx;
}

typedef struct shares {
    double r2;      /* of the full model */
    double r2b[2];  /* of each block alone */
    double lmgb[2]; /* block sums of LMG */
    double shap[2]; /* block Shapley values */
    size_t ndeg;    /* degenerate extensions in the walk */
} shares;

/* Decompose the rows idx[0..m-1] of the design (idx NULL = all rows in order). */
static void decompose(const design *d, const int *blk, const size_t *idx, scratch *s, shares *out)
{
    const size_t m = d->m, K = d->K;
    double ym = 0.0;
    for (size_t i = 0; i < m; i++) {
        ym += d->y[idx ? idx[i] : i];
    }
    ym /= (double)m;
    double syy = 0.0;
    int ysame = 1;
    double y0 = d->y[idx ? idx[0] : 0];
    for (size_t i = 0; i < m; i++) {
        double v = d->y[idx ? idx[i] : i];
        ysame &= v == y0;
        s->dy[i] = v - ym;
        syy += s->dy[i] * s->dy[i];
    }
    if (ysame) {
        syy = 0.0;
    }
    for (size_t q = 0; q < K; q++) {
        const double *z = d->Z + q * m;
        double zm = 0.0, z0 = z[idx ? idx[0] : 0];
        int same = 1;
        for (size_t i = 0; i < m; i++) {
            double v = z[idx ? idx[i] : i];
            zm += v;
            same &= v == z0;
        }
        zm /= (double)m;
        for (size_t i = 0; i < m; i++) {
            s->dev[i * K + q] = same ? 0.0 : z[idx ? idx[i] : i] - zm;
        }
    }
    for (size_t a = 0; a < K; a++) {
        for (size_t b = a; b < K; b++) {
            double v = 0.0;
            for (size_t i = 0; i < m; i++) {
                v += s->dev[i * K + a] * s->dev[i * K + b];
            }
            s->sxx[a * K + b] = s->sxx[b * K + a] = v;
        }
        double v = 0.0;
        for (size_t i = 0; i < m; i++) {
            v += s->dev[i * K + a] * s->dy[i];
        }
        s->sxy[a] = v;
    }
    memset(out, 0, sizeof *out);
    if (!(syy > 0.0)) {
        out->r2 = 0.0;
        return;
    }
    out->ndeg = subset_r2(K, s->sxx, s->sxy, syy, s->r2, s->work);
    shi_drivers_lmg(K, s->r2, s->lmg, s->lwork);
    size_t full = ((size_t)1 << K) - 1, ext = 0;
    for (size_t q = 0; q < K; q++) {
        if (blk[q] == SHI_BLOCK_EXTERNAL) {
            ext |= (size_t)1 << q;
        }
        out->lmgb[blk[q] == SHI_BLOCK_EXTERNAL ? 0 : 1] += s->lmg[q];
    }
    out->r2 = s->r2[full];
    out->r2b[0] = s->r2[ext];
    out->r2b[1] = s->r2[full & ~ext];
    out->shap[0] = 0.5 * out->r2b[0] + 0.5 * (out->r2 - out->r2b[1]);
    out->shap[1] = 0.5 * out->r2b[1] + 0.5 * (out->r2 - out->r2b[0]);
}

/* Threads for the replications: the option, else OpenMP's default; 1 without OpenMP. */
static int thread_count(const shi_drivers_opts *o)
{
    int nth = 1;
#ifdef _OPENMP
    nth = o->threads > 0 ? o->threads : omp_get_max_threads();
#else
    (void)o;
#endif
    return nth < 1 ? 1 : nth;
}

/* The calling thread's number inside a parallel region (0 without OpenMP). */
static int thread_id(void)
{
#ifdef _OPENMP
    return omp_get_thread_num();
#else
    return 0;
#endif
}

/* 2.5 and 97.5 percentiles (GSL's quantile_from_sorted_data: linear
 * interpolation, R's type 7) of the non-NaN values v[b * stride], b < B. */
static void percentile_ci(const double *v, size_t stride, size_t B, double *tmp, double ci[2])
{
    size_t nv = 0;
    for (size_t b = 0; b < B; b++) {
        double x = v[b * stride];
        if (!isnan(x)) {
            tmp[nv++] = x;
        }
    }
    if (nv == 0) {
        ci[0] = ci[1] = (double)NAN;
        return;
    }
    gsl_sort(tmp, 1, nv);
    ci[0] = gsl_stats_quantile_from_sorted_data(tmp, 1, nv, 0.025);
    ci[1] = gsl_stats_quantile_from_sorted_data(tmp, 1, nv, 0.975);
}

static shi_status bootstrap(const design *d, const int *blk, const shi_drivers_opts *o,
                            shi_drivers_result *r, shi_err *err)
{
    const size_t m = d->m, K = d->K, B = (size_t)o->boot;
    size_t bl = o->block_len > 0 ? (size_t)o->block_len : (size_t)lround(cbrt((double)m));
    if (bl < 1) {
        bl = 1;
    }
    if (bl > m) {
        bl = m;
    }
    r->block_len = (int)bl;
    const int nth = thread_count(o);
    const size_t nd = scratch_doubles(m, K), ni = m;
    double *mem = malloc((size_t)nth * nd * sizeof *mem);
    size_t *imem = malloc((size_t)nth * ni * sizeof *imem);
    double *lsh = malloc(B * K * sizeof *lsh); /* LMG shares, B x K */
    unsigned char *flag = calloc(B, 1);        /* 1 invalid, 2 rank deficient */
    double *tmp = malloc(B * sizeof *tmp);
    r->boot_shap_ext = malloc(B * sizeof *r->boot_shap_ext);
    r->boot_lmg_ext = malloc(B * sizeof *r->boot_lmg_ext);
    shi_status st = SHI_OK;
    if (!mem || !imem || !lsh || !flag || !tmp || !r->boot_shap_ext || !r->boot_lmg_ext) {
        st = shi_err_set(err, SHI_EIO, "out of memory for %zu bootstrap replications", B);
        goto cleanup;
    }
    const size_t nblocks = (m + bl - 1) / bl, nstart = m - bl + 1;
    const long Bl = (long)B;
#ifdef _OPENMP
#    pragma omp parallel num_threads(nth)
#endif
    {
        const int tid = thread_id();
        scratch s;
        scratch_bind(&s, mem + (size_t)tid * nd, imem + (size_t)tid * ni, m, K);
#ifdef _OPENMP
#    pragma omp for schedule(static)
#endif
        for (long bb = 0; bb < Bl; bb++) {
            size_t b = (size_t)bb;
            shi_rng rng;
            shi_rng_init(&rng, o->seed, (uint64_t)b);
            size_t pos = 0;
            for (size_t q = 0; q < nblocks && pos < m; q++) {
                size_t st0 = (size_t)shi_rng_below(&rng, (uint64_t)nstart);
                for (size_t i = 0; i < bl && pos < m; i++) {
                    s.idx[pos++] = st0 + i;
                }
            }
            shares sh;
            decompose(d, blk, s.idx, &s, &sh);
            flag[b] = (unsigned char)(sh.ndeg ? 2 : 0);
            if (!(sh.r2 > 0.0) || !isfinite(sh.r2)) {
                flag[b] |= 1;
                r->boot_shap_ext[b] = r->boot_lmg_ext[b] = (double)NAN;
                for (size_t q = 0; q < K; q++) {
                    lsh[b * K + q] = (double)NAN;
                }
                continue;
            }
            r->boot_shap_ext[b] = sh.shap[0] / sh.r2;
            r->boot_lmg_ext[b] = sh.lmgb[0] / sh.r2;
            for (size_t q = 0; q < K; q++) {
                lsh[b * K + q] = s.lmg[q] / sh.r2;
            }
        }
    }
    /* Serial summary in replication order. */
    for (size_t b = 0; b < B; b++) {
        r->boot_invalid += flag[b] & 1;
        r->boot_rankdef += (flag[b] & 2) != 0;
    }
    percentile_ci(r->boot_shap_ext, 1, B, tmp, r->shap_share_ci[0]);
    percentile_ci(r->boot_lmg_ext, 1, B, tmp, r->lmg_share_ci[0]);
    /* The bilateral share is 1 - the external one, and type-7 quantiles commute with it. */
    r->shap_share_ci[1][0] = 1.0 - r->shap_share_ci[0][1];
    r->shap_share_ci[1][1] = 1.0 - r->shap_share_ci[0][0];
    r->lmg_share_ci[1][0] = 1.0 - r->lmg_share_ci[0][1];
    r->lmg_share_ci[1][1] = 1.0 - r->lmg_share_ci[0][0];
    for (size_t q = 0; q < K; q++) {
        percentile_ci(lsh + q, K, B, tmp, r->coef[q + 1].lmg_share_ci);
    }
cleanup:
    free(mem);
    free(imem);
    free(lsh);
    free(flag);
    free(tmp);
    return st;
}

/* Row order of a run permutation: rows 0..m-1 cut into runs of bl rows (the
 * last may be shorter), the runs shuffled (Fisher-Yates), concatenated. */
static void run_permutation(shi_rng *rng, size_t m, size_t bl, size_t *runs, size_t *out)
{
    const size_t nr = (m + bl - 1) / bl;
    for (size_t i = 0; i < nr; i++) {
        runs[i] = i;
    }
    for (size_t i = nr; i > 1; i--) {
        size_t j = (size_t)shi_rng_below(rng, (uint64_t)i);
        size_t t = runs[i - 1];
        runs[i - 1] = runs[j];
        runs[j] = t;
    }
    size_t pos = 0;
    for (size_t i = 0; i < nr; i++) {
        for (size_t t = runs[i] * bl; t < m && t < (runs[i] + 1) * bl; t++) {
            out[pos++] = t;
        }
    }
}

/* The block permutation p values (shi_drivers_result.perm_p). Each
 * permutation's share goes into its own slot and the counts are taken
 * serially afterwards, so the result does not depend on the thread count. */
static shi_status permutation(const design *d, const int *blk, const shi_drivers_opts *o,
                              shi_drivers_result *r, shi_err *err)
{
    const size_t m = d->m, K = d->K, P = (size_t)o->perm;
    const size_t bl = r->block_len > 0 ? (size_t)r->block_len : 1;
    const int nth = thread_count(o);
    const size_t nd = scratch_doubles(m, K) + m * K, ni = 3 * m;
    double *mem = malloc((size_t)nth * nd * sizeof *mem);
    size_t *imem = malloc((size_t)nth * ni * sizeof *imem);
    double *share = malloc(2 * P * sizeof *share);
    if (!mem || !imem || !share) {
        free(mem);
        free(imem);
        free(share);
        return shi_err_set(err, SHI_EIO, "out of memory for %zu permutations", P);
    }
    const long total = (long)(2 * P);
#ifdef _OPENMP
#    pragma omp parallel num_threads(nth)
#endif
    {
        const int tid = thread_id();
        double *base = mem + (size_t)tid * nd;
        size_t *ib = imem + (size_t)tid * ni;
        scratch s;
        scratch_bind(&s, base, ib, m, K);
        double *Z = base + scratch_doubles(m, K);
        size_t *order = ib + m, *runs = ib + 2 * m;
#ifdef _OPENMP
#    pragma omp for schedule(static)
#endif
        for (long ii = 0; ii < total; ii++) {
            const size_t b = (size_t)ii / P, i = (size_t)ii % P;
            shi_rng rng;
            shi_rng_init(&rng, o->seed, ((uint64_t)(b + 1) << 40) + (uint64_t)i);
            run_permutation(&rng, m, bl, runs, order);
            for (size_t q = 0; q < K; q++) {
                const double *z = d->Z + q * m;
                const int moved = (blk[q] == SHI_BLOCK_EXTERNAL ? 0 : 1) == (int)b;
                for (size_t t = 0; t < m; t++) {
                    Z[q * m + t] = moved ? z[order[t]] : z[t];
                }
            }
            design pd = *d;
            pd.Z = Z;
            shares sh;
            decompose(&pd, blk, NULL, &s, &sh);
            share[ii] = sh.r2 > 0.0 && isfinite(sh.r2) ? sh.shap[b] / sh.r2 : (double)NAN;
        }
    }
    r->perm = o->perm;
    for (int b = 0; b < 2; b++) {
        const double obs = r->shap_share[b];
        size_t ge = 0;
        for (size_t i = 0; i < P; i++) {
            /* A tie counts against the observed share (conservative); an
             * undefined permuted share (constant outcome) cannot happen here
             * since the outcome is not permuted. */
            ge += !(share[(size_t)b * P + i] < obs - 1e-12);
        }
        r->perm_p[b] = (double)(1 + ge) / (double)(1 + P);
    }
    free(mem);
    free(imem);
    free(share);
    return SHI_OK;
}

/* ---- the analysis -------------------------------------------------------------- */

static shi_status check_args(const shi_drivers_input *in, const shi_drivers_opts *o, shi_err *err)
{
    if (!in || !in->y || !in->X || !in->block) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: outcome, drivers and blocks are required");
    }
    if (in->k == 0) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: at least one driver is required");
    }
    for (size_t j = 0; j < in->k; j++) {
        if (in->block[j] != SHI_BLOCK_EXTERNAL && in->block[j] != SHI_BLOCK_BILATERAL) {
            char nb[32];
            return shi_err_set(err, SHI_EUSAGE,
                               "driver '%s' has block %d; expected 0 (external) or 1 (bilateral)",
                               base_name(in, j, nb, sizeof nb), in->block[j]);
        }
    }
    if (o->diff != 0 && o->diff != 1) {
        return shi_err_set(err, SHI_EUSAGE,
                           "diff must be 0 (levels) or 1 (first differences), got %d", o->diff);
    }
    if (o->lags < 0 || o->lags > SHI_DRIVERS_MAX_K) {
        return shi_err_set(err, SHI_EUSAGE, "lags must be 0-%d, got %d", SHI_DRIVERS_MAX_K,
                           o->lags);
    }
    if (o->hac_lag < -1) {
        return shi_err_set(err, SHI_EUSAGE, "HAC lag must be >= 0 (or -1 for automatic), got %d",
                           o->hac_lag);
    }
    if (o->boot < 0) {
        return shi_err_set(err, SHI_EUSAGE, "bootstrap replications must be >= 0, got %d", o->boot);
    }
    if (o->block_len < 0) {
        return shi_err_set(err, SHI_EUSAGE, "block length must be >= 0 (0 = automatic), got %d",
                           o->block_len);
    }
    if (o->threads < 0) {
        return shi_err_set(err, SHI_EUSAGE, "threads must be >= 0, got %d", o->threads);
    }
    if (o->perm < 0) {
        return shi_err_set(err, SHI_EUSAGE, "permutations must be >= 0, got %d", o->perm);
    }
    if (!(o->rank_tol > 0.0 && o->rank_tol < 1.0)) {
        return shi_err_set(err, SHI_EUSAGE, "rank tolerance must be in (0, 1), got %g",
                           o->rank_tol);
    }
    size_t K = in->k * (size_t)(o->lags + 1);
    if (K > SHI_DRIVERS_MAX_K) {
        return shi_err_set(err, SHI_EUSAGE,
                           "too many regressors for the exact LMG decomposition: %zu (%zu drivers "
                           "x %d lag(s)); at most %d",
                           K, in->k, o->lags + 1, SHI_DRIVERS_MAX_K);
    }
    return SHI_OK;
}

shi_status shi_drivers_fit(const shi_drivers_input *in, const shi_drivers_opts *opt,
                           shi_drivers_result *out, shi_err *err)
{
    shi_drivers_opts o = opt ? *opt : shi_drivers_opts_default();
    shi_status st = check_args(in, &o, err);
    if (st != SHI_OK) {
        return st;
    }
    design d = {0};
    shi_drivers_result r;
    shi_drivers_result_init(&r);
    int *blk = NULL;
    const size_t k = in->k, K = k * (size_t)(o.lags + 1);

    r.coef = calloc(K + 1, sizeof *r.coef);
    blk = malloc(K * sizeof *blk);
    if (!r.coef || !blk) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    snprintf(r.coef[0].name, sizeof r.coef[0].name, "%s", "(intercept)");
    r.coef[0].block = -1;
    for (size_t l = 0, q = 0; l <= (size_t)o.lags; l++) {
        for (size_t j = 0; j < k; j++, q++) {
            char nb[32];
            const char *base = base_name(in, j, nb, sizeof nb);
            shi_drivers_coef *c = &r.coef[q + 1];
            if (l == 0) {
                snprintf(c->name, sizeof c->name, "%.95s", base);
            } else {
                snprintf(c->name, sizeof c->name, "%.80s_L%d", base, (int)l);
            }
            c->block = in->block[j];
            c->lag = (int)l;
            blk[q] = in->block[j];
        }
    }

    st = prepare(in, &o, &d, err);
    if (st != SHI_OK) {
        goto cleanup;
    }
    size_t need = K + 2 > 10 ? K + 2 : 10;
    if (d.m < need) {
        char why[160] = "";
        if (d.lost || d.missing) {
            snprintf(why, sizeof why,
                     "; %zu of %zu rows lost to differencing and lags, %zu dropped "
                     "for missing values",
                     d.lost, in->n, d.missing);
        }
        st = shi_err_set(err, SHI_EDATA, "too few observations: n=%zu, k=%zu (need at least %zu%s)",
                         d.m, K, need, why);
        goto cleanup;
    }
    st = check_design(&d, r.coef, o.rank_tol, err);
    if (st != SHI_OK) {
        goto cleanup;
    }

    r.n_input = in->n;
    r.n_lost = d.lost;
    r.n_missing = d.missing;
    r.n = d.m;
    r.k = K;
    r.row = d.row;
    d.row = NULL;
    r.resid = malloc(d.m * sizeof *r.resid);
    if (!r.resid) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    int hl = o.hac_lag >= 0 ? o.hac_lag : (int)floor(4.0 * pow((double)d.m / 100.0, 2.0 / 9.0));
    st = ols(&d, hl, &r, err);
    if (st != SHI_OK) {
        goto cleanup;
    }

    /* Decomposition of the sample itself. */
    {
        size_t nd = scratch_doubles(d.m, K);
        double *mem = malloc(nd * sizeof *mem);
        size_t *imem = malloc(d.m * sizeof *imem);
        if (!mem || !imem) {
            free(mem);
            free(imem);
            st = shi_err_set(err, SHI_EIO, "out of memory for the decomposition");
            goto cleanup;
        }
        scratch s;
        scratch_bind(&s, mem, imem, d.m, K);
        shares sh;
        decompose(&d, blk, NULL, &s, &sh);
        for (size_t q = 0; q < K; q++) {
            r.coef[q + 1].lmg = s.lmg[q];
            r.coef[q + 1].lmg_share = s.lmg[q] / sh.r2;
        }
        r.coef[0].lmg = r.coef[0].lmg_share = (double)NAN;
        for (int b = 0; b < 2; b++) {
            r.r2_block[b] = sh.r2b[b];
            r.lmg_block[b] = sh.lmgb[b];
            r.lmg_share[b] = sh.lmgb[b] / sh.r2;
            r.shap_block[b] = sh.shap[b];
            r.shap_share[b] = sh.shap[b] / sh.r2;
        }
        r.external_share = r.shap_share[0];
        free(mem);
        free(imem);
    }

    /* Bootstrap. */
    r.boot = o.boot;
    r.seed = o.seed;
    for (size_t q = 0; q <= K; q++) {
        r.coef[q].lmg_share_ci[0] = r.coef[q].lmg_share_ci[1] = (double)NAN;
    }
    for (int b = 0; b < 2; b++) {
        r.shap_share_ci[b][0] = r.shap_share_ci[b][1] = (double)NAN;
        r.lmg_share_ci[b][0] = r.lmg_share_ci[b][1] = (double)NAN;
    }
    if (o.boot > 0) {
        st = bootstrap(&d, blk, &o, &r, err);
        if (st != SHI_OK) {
            goto cleanup;
        }
    }
    r.external_share_ci[0] = r.shap_share_ci[0][0];
    r.external_share_ci[1] = r.shap_share_ci[0][1];
    r.perm_p[0] = r.perm_p[1] = (double)NAN;
    if (o.perm > 0) {
        if (r.block_len == 0) {
            long bl = lround(cbrt((double)d.m));
            r.block_len = (int)(o.block_len > 0 ? o.block_len : bl < 1 ? 1 : bl);
        }
        st = permutation(&d, blk, &o, &r, err);
        if (st != SHI_OK) {
            goto cleanup;
        }
    }

    shi_drivers_result_destroy(out);
    *out = r;
    shi_drivers_result_init(&r);
cleanup:
    shi_drivers_result_destroy(&r);
    design_free(&d);
    free(blk);
    return st;
}
