/*
 * drivers_id.c - the identified drivers test: form chosen by unit-root tests,
 * the real fit, placebo third states and the verdict (shi/drivers_id.h).
 */
#include <shi/drivers_id.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

shi_drivers_id_opts shi_drivers_id_opts_default(void)
{
    shi_drivers_id_opts o;
    memset(&o, 0, sizeof o);
    o.fit = shi_drivers_opts_default();
    o.fit.perm = 999;
    o.form = SHI_FORM_AUTO;
    o.alpha = 0.10;
    return o;
}

void shi_drivers_id_destroy(shi_drivers_id *r)
{
    if (r) {
        shi_drivers_result_destroy(&r->fit);
        free(r->placebo_share);
        memset(r, 0, sizeof *r);
    }
}

shi_verdict shi_drivers_verdict(const double ci[2], double placebo_p, double perm_p_bilateral,
                                double alpha, char *why, size_t size)
{
    char dummy[8];
    if (!why) {
        why = dummy;
        size = sizeof dummy;
    }
    if (isnan(ci[0]) || isnan(ci[1])) {
        snprintf(why, size, "no bootstrap interval of the external share");
        return SHI_VERDICT_NOT_IDENTIFIED;
    }
    if (ci[0] > 0.5) {
        if (placebo_p <= alpha) {
            snprintf(why, size,
                     "the interval lies above 50%% and the third state beats the placebos "
                     "(p = %.3f <= %.2f)",
                     placebo_p, alpha);
            return SHI_VERDICT_EXTERNAL;
        }
        if (isnan(placebo_p)) {
            snprintf(why, size, "the interval lies above 50%% but no placebo could be fitted");
        } else {
            snprintf(why, size,
                     "the interval lies above 50%% but placebo third states do as well "
                     "(p = %.3f > %.2f)",
                     placebo_p, alpha);
        }
        return SHI_VERDICT_NOT_IDENTIFIED;
    }
    if (ci[1] < 0.5) {
        if (perm_p_bilateral <= alpha) {
            snprintf(why, size,
                     "the interval lies below 50%% and the bilateral drivers' timing matters "
                     "(permutation p = %.3f <= %.2f)",
                     perm_p_bilateral, alpha);
            return SHI_VERDICT_BILATERAL;
        }
        snprintf(why, size,
                 "the interval lies below 50%% but shuffled bilateral drivers do as well "
                 "(permutation p = %.3f > %.2f)",
                 perm_p_bilateral, alpha);
        return SHI_VERDICT_NOT_IDENTIFIED;
    }
    snprintf(why, size, "the interval [%.0f%%, %.0f%%] spans 50%%", 100 * ci[0], 100 * ci[1]);
    return SHI_VERDICT_NOT_IDENTIFIED;
}

/* Is row t complete in the given form? */
static int row_ok(const shi_drivers_input *in, int diff, size_t t)
{
    for (size_t l = 0; l <= (size_t)diff; l++) {
        if (t < l || isnan(in->y[t - l])) {
            return 0;
        }
        for (size_t j = 0; j < in->k; j++) {
            if (isnan(in->X[j * in->n + t - l])) {
                return 0;
            }
        }
    }
    return 1;
}

size_t shi_drivers_usable(const shi_drivers_input *in, int diff)
{
    size_t m = 0;
    for (size_t t = (size_t)diff; t < in->n; t++) {
        m += (size_t)row_ok(in, diff, t);
    }
    return m;
}

/* Step 1: ADF and KPSS of every series over the complete rows (in levels). */
static shi_status unit_root_tests(const shi_drivers_input *in, shi_drivers_id *r, shi_err *err)
{
    double *v = malloc((in->n ? in->n : 1) * sizeof *v);
    if (!v) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    r->ntest = 1 + in->k;
    for (size_t s = 0; s < r->ntest; s++) {
        shi_series_test *tt = &r->test[s];
        const double *col = s == 0 ? in->y : in->X + (s - 1) * in->n;
        if (s == 0) {
            snprintf(tt->name, sizeof tt->name, "outcome");
        } else if (in->names && in->names[s - 1]) {
            snprintf(tt->name, sizeof tt->name, "%s", in->names[s - 1]);
        } else {
            snprintf(tt->name, sizeof tt->name, "x%zu", s);
        }
        size_t m = 0;
        for (size_t t = 0; t < in->n; t++) {
            if (row_ok(in, 0, t)) {
                v[m++] = col[t];
            }
        }
        shi_err e = {0};
        tt->status = shi_adf_test(v, m, SHI_UR_CONST, -1, &tt->adf, &e);
        if (tt->status == SHI_OK) {
            tt->status = shi_kpss_test(v, m, SHI_UR_CONST, -1, &tt->kpss, &e);
        }
        if (tt->status == SHI_EIO) {
            free(v);
            *err = e;
            return SHI_EIO;
        }
        tt->cls = tt->status == SHI_OK ? shi_ur_classify(&tt->adf, &tt->kpss) : SHI_UR_INCONCLUSIVE;
    }
    free(v);
    return SHI_OK;
}

shi_status shi_drivers_identify(const shi_drivers_id_input *in, const shi_drivers_id_opts *opt,
                                shi_drivers_id *out, shi_err *err)
{
    shi_drivers_id_opts o = opt ? *opt : shi_drivers_id_opts_default();
    const shi_drivers_input *ri = &in->real;
    if (!ri->y || !ri->X || !ri->block || ri->k == 0) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: outcome, drivers and blocks are required");
    }
    if (ri->k + 1 > SHI_ID_MAX_SERIES) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: at most %d drivers, got %zu",
                           SHI_ID_MAX_SERIES - 1, ri->k);
    }
    if (in->nplacebo > 0 && !in->placebo_X) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: %zu placebos but no placebo drivers",
                           in->nplacebo);
    }
    if (!(o.alpha > 0.0 && o.alpha < 1.0)) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: alpha must be in (0, 1), got %g", o.alpha);
    }
    shi_drivers_id r;
    memset(&r, 0, sizeof r);
    shi_status st;
    /* 1. The form. */
    if (o.form == SHI_FORM_AUTO) {
        if ((st = unit_root_tests(ri, &r, err)) != SHI_OK) {
            return st;
        }
        size_t nonstat = 0;
        for (size_t s = 0; s < r.ntest; s++) {
            nonstat += r.test[s].cls != SHI_UR_STATIONARY;
        }
        r.diff = nonstat > 0;
        if (r.diff) {
            snprintf(r.form_why, sizeof r.form_why,
                     "first differences: %zu of %zu series not shown stationary "
                     "(ADF and KPSS at 5%%)",
                     nonstat, r.ntest);
        } else {
            snprintf(r.form_why, sizeof r.form_why,
                     "levels: all %zu series stationary (ADF and KPSS at 5%%)", r.ntest);
        }
    } else {
        if ((st = unit_root_tests(ri, &r, err)) != SHI_OK) { /* reported all the same */
            return st;
        }
        r.diff = o.form == SHI_FORM_DIFF;
        snprintf(r.form_why, sizeof r.form_why, "%s: chosen by the user",
                 r.diff ? "first differences" : "levels");
    }
    /* Too few usable years is said in years, before the fit says it in rows. */
    const size_t need = ri->k + 2 > 10 ? ri->k + 2 : 10, have = shi_drivers_usable(ri, r.diff);
    if (have < need) {
        return shi_err_set(err, SHI_EDATA,
                           "too few usable years: %zu %s, %zu needed (%zu regressors)", have,
                           r.diff ? "after first differences and missing values"
                                  : "in levels after missing values",
                           need, ri->k);
    }
    /* 2. The real fit. */
    shi_drivers_opts fo = o.fit;
    fo.diff = r.diff;
    fo.lags = 0;
    if ((st = shi_drivers_fit(ri, &fo, &r.fit, err)) != SHI_OK) {
        return st;
    }
    /* 3. Placebos: point estimates only. */
    size_t kext = 0;
    for (size_t j = 0; j < ri->k; j++) {
        kext += ri->block[j] == SHI_BLOCK_EXTERNAL;
    }
    r.nplacebo = in->nplacebo;
    r.placebo_p = (double)NAN;
    r.rank = 1;
    double *X = NULL;
    if (in->nplacebo > 0) {
        r.placebo_share = malloc(in->nplacebo * sizeof *r.placebo_share);
        X = malloc(ri->k * ri->n * sizeof *X);
        if (!r.placebo_share || !X) {
            free(X);
            shi_drivers_id_destroy(&r);
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        memcpy(X, ri->X, ri->k * ri->n * sizeof *X);
        shi_drivers_opts po = fo;
        po.boot = 0;
        po.perm = 0;
        for (size_t p = 0; p < in->nplacebo; p++) {
            r.placebo_share[p] = (double)NAN;
            if (in->placebo_valid && !in->placebo_valid[p]) {
                continue;
            }
            const double *px = in->placebo_X + p * kext * ri->n;
            for (size_t j = 0, e = 0; j < ri->k; j++) {
                if (ri->block[j] == SHI_BLOCK_EXTERNAL) {
                    memcpy(X + j * ri->n, px + e++ * ri->n, ri->n * sizeof *X);
                }
            }
            shi_drivers_input pi = *ri;
            pi.X = X;
            shi_drivers_result pr;
            shi_drivers_result_init(&pr);
            shi_err pe = {0};
            shi_status ps = shi_drivers_fit(&pi, &po, &pr, &pe);
            if (ps == SHI_EIO) {
                free(X);
                shi_drivers_result_destroy(&pr);
                shi_drivers_id_destroy(&r);
                *err = pe;
                return ps;
            }
            if (ps == SHI_OK && isfinite(pr.external_share)) {
                r.placebo_share[p] = pr.external_share;
                r.placebo_valid++;
                /* A tie counts against the real third state. */
                r.rank += !(pr.external_share < r.fit.external_share - 1e-12);
            }
            shi_drivers_result_destroy(&pr);
        }
        free(X);
        if (r.placebo_valid > 0) {
            r.placebo_p = (double)r.rank / (double)(r.placebo_valid + 1);
        }
    }
    /* 4. The verdict. */
    r.verdict = shi_drivers_verdict(r.fit.external_share_ci, r.placebo_p, r.fit.perm_p[1], o.alpha,
                                    r.why, sizeof r.why);
    if (kext == 0 || kext == ri->k) {
        /* One block only: its share is 100% by construction, not evidence. */
        r.verdict = SHI_VERDICT_NOT_IDENTIFIED;
        snprintf(r.why, sizeof r.why, "the %s block has no driver left: the split is %s",
                 kext ? "bilateral" : "external", "100% to the other block by construction");
    }
    shi_drivers_id_destroy(out);
    *out = r;
    return SHI_OK;
}
