/*
 * validate.c - scoring models against the record (formulas and sources in
 * shi/validate.h).
 */
#include <shi/validate.h>

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct scored {
    double s;
    int y;
} scored;

static int cmp_scored(const void *a, const void *b)
{
    double x = ((const scored *)a)->s, z = ((const scored *)b)->s;
    return (x > z) - (x < z);
}

shi_status shi_auc(const double *score, const int *label, size_t n, shi_auc_result *out,
                   shi_err *err)
{
    memset(out, 0, sizeof *out);
    out->auc = (double)NAN;
    scored *v = malloc((n ? n : 1) * sizeof *v);
    if (!v) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (label[i] != 0 && label[i] != 1) {
            free(v);
            return shi_err_set(err, SHI_EUSAGE, "auc: outcome %zu is %d, not 0 or 1", i, label[i]);
        }
        if (isnan(score[i])) {
            out->n_na++;
            continue;
        }
        v[m].s = score[i];
        v[m].y = label[i];
        out->n_pos += (size_t)label[i];
        m++;
    }
    out->n_neg = m - out->n_pos;
    if (out->n_pos == 0 || out->n_neg == 0) {
        free(v);
        return SHI_OK;
    }
    qsort(v, m, sizeof *v, cmp_scored);
    /* Sum of the midranks (1-based) of the positive cases. */
    double rsum = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        size_t pos = 0;
        while (j < m && v[j].s == v[i].s) {
            pos += (size_t)v[j].y;
            j++;
        }
        double mid = (double)(i + 1 + j) / 2.0; /* mean of ranks i+1 .. j */
        rsum += mid * (double)pos;
        i = j;
    }
    double np = (double)out->n_pos, nn = (double)out->n_neg;
    out->auc = (rsum - np * (np + 1) / 2) / (np * nn);
    free(v);
    return SHI_OK;
}

double shi_topk_hits(const double *score, const int *label, const long *group, size_t n, size_t k,
                     size_t *groups)
{
    *groups = 0;
    size_t hits = 0;
    /* Groups are found by a scan per distinct id; cases of one group need not
     * be adjacent. O(n * groups), fine for validation tables. */
    char *done = calloc(n ? n : 1, 1);
    if (!done) {
        return (double)NAN;
    }
    for (size_t i = 0; i < n; i++) {
        if (done[i]) {
            continue;
        }
        /* The best-scoring positive, and how many cases score at least as
         * well (ties count against the model). */
        double best = -INFINITY;
        int any_pos = 0, any_scored = 0;
        for (size_t j = i; j < n; j++) {
            if (group[j] != group[i]) {
                continue;
            }
            done[j] = 1;
            if (isnan(score[j])) {
                continue;
            }
            any_scored = 1;
            if (label[j] == 1) {
                any_pos = 1;
                best = score[j] > best ? score[j] : best;
            }
        }
        if (!any_pos || !any_scored) {
            continue;
        }
        (*groups)++;
        size_t ahead = 0; /* scored cases other than that positive at or above it */
        int self = 0;
        for (size_t j = i; j < n; j++) {
            if (group[j] == group[i] && !isnan(score[j]) && score[j] >= best) {
                if (!self && label[j] == 1 && score[j] == best) {
                    self = 1;
                    continue;
                }
                ahead++;
            }
        }
        hits += ahead < k;
    }
    free(done);
    return *groups ? (double)hits / (double)*groups : (double)NAN;
}

double shi_brier(const double *p, const int *label, size_t n)
{
    double sum = 0;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isnan(p[i])) {
            double e = p[i] - label[i];
            sum += e * e;
            m++;
        }
    }
    return m ? sum / (double)m : (double)NAN;
}

void shi_calibration(const double *p, const int *label, size_t n, shi_calib_bin *bins, size_t nbins)
{
    for (size_t b = 0; b < nbins; b++) {
        bins[b].lo = (double)b / (double)nbins;
        bins[b].hi = (double)(b + 1) / (double)nbins;
        bins[b].n = 0;
        bins[b].mean_p = bins[b].observed = 0;
    }
    for (size_t i = 0; nbins && i < n; i++) {
        if (isnan(p[i])) {
            continue;
        }
        size_t b = (size_t)(p[i] * (double)nbins);
        b = b >= nbins ? nbins - 1 : b;
        bins[b].n++;
        bins[b].mean_p += p[i];
        bins[b].observed += label[i];
    }
    for (size_t b = 0; b < nbins; b++) {
        if (bins[b].n) {
            bins[b].mean_p /= (double)bins[b].n;
            bins[b].observed /= (double)bins[b].n;
        } else {
            bins[b].mean_p = bins[b].observed = (double)NAN;
        }
    }
}

double shi_logit_prob(const double *beta, const double *x, size_t k)
{
    double eta = beta[0];
    for (size_t j = 0; j < k; j++) {
        eta += beta[j + 1] * x[j];
    }
    return 1 / (1 + exp(-eta));
}

shi_status shi_logit_fit(const double *X, const int *label, size_t n, size_t k, double *beta,
                         shi_err *err)
{
    size_t p = k + 1, m = 0;
    size_t *use = malloc((n ? n : 1) * sizeof *use);
    if (!use) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        int ok = label[i] == 0 || label[i] == 1;
        for (size_t j = 0; j < k && ok; j++) {
            ok = !isnan(X[j * n + i]);
        }
        if (ok) {
            use[m++] = i;
        }
    }
    if (m <= p) {
        free(use);
        return shi_err_set(err, SHI_EDATA, "logit: %zu usable cases for %zu coefficients", m, p);
    }
    gsl_matrix *H = gsl_matrix_alloc(p, p);
    gsl_vector *g = gsl_vector_alloc(p), *step = gsl_vector_alloc(p);
    gsl_permutation *perm = gsl_permutation_alloc(p);
    double *x = malloc(p * sizeof *x);
    shi_status s = SHI_OK;
    if (!H || !g || !step || !perm || !x) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
        goto done;
    }
    for (size_t j = 0; j < p; j++) {
        beta[j] = 0;
    }
    /* Newton-Raphson on the log-likelihood (= IRLS): H = X'WX, g = X'(y - p). */
    int converged = 0;
    for (int it = 0; it < 100 && !converged; it++) {
        gsl_matrix_set_zero(H);
        gsl_vector_set_zero(g);
        for (size_t r = 0; r < m; r++) {
            size_t i = use[r];
            x[0] = 1;
            for (size_t j = 0; j < k; j++) {
                x[j + 1] = X[j * n + i];
            }
            double pr = shi_logit_prob(beta, x + 1, k), w = pr * (1 - pr);
            for (size_t a = 0; a < p; a++) {
                gsl_vector_set(g, a, gsl_vector_get(g, a) + x[a] * (label[i] - pr));
                for (size_t b = 0; b < p; b++) {
                    gsl_matrix_set(H, a, b, gsl_matrix_get(H, a, b) + w * x[a] * x[b]);
                }
            }
        }
        int sign;
        if (gsl_linalg_LU_decomp(H, perm, &sign) != 0 || fabs(gsl_linalg_LU_det(H, sign)) < 1e-12) {
            s = shi_err_set(err, SHI_EDATA,
                            "logit: singular information matrix (separation or a constant "
                            "regressor)");
            goto done;
        }
        gsl_linalg_LU_solve(H, perm, g, step);
        double big = 0;
        for (size_t j = 0; j < p; j++) {
            beta[j] += gsl_vector_get(step, j);
            big = fmax(big, fabs(gsl_vector_get(step, j)));
        }
        converged = big < 1e-10;
        for (size_t j = 0; j < p; j++) {
            if (!isfinite(beta[j]) || fabs(beta[j]) > 50) {
                s = shi_err_set(err, SHI_EDATA, "logit: coefficients diverge (separation)");
                goto done;
            }
        }
    }
    if (!converged) {
        s = shi_err_set(err, SHI_EDATA, "logit: no convergence in 100 iterations");
    }
done:
    gsl_matrix_free(H);
    gsl_vector_free(g);
    gsl_vector_free(step);
    gsl_permutation_free(perm);
    free(x);
    free(use);
    return s;
}
