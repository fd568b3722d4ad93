/*
 * coop_fit.c - fitting the pair's game on the historical record, and testing
 * it out of sample (include/shi/coop_dyad.h; docs/coop.md, "Validation").
 *
 * The record: every dyad-year t of two system members, from the start of the
 * dispute record, with every regressor known (complete cases), and whether a
 * militarized dispute followed in t+1..t+H (H = 1, 5). Peace years are counted
 * forward year by year (one pass over the dispute array), the same count as
 * the backward scan of coop_dyad.c. The statistics are those of
 * shi/validate.h.
 */
#include <shi/coop_dyad.h>
#include <shi/validate.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coop_dyad_priv.h"

enum { NH = 2 };
static const int HORIZON[NH] = {1, 5};

/* The dyad-years of the record, column by column. */
typedef struct hist {
    size_t n, cap;
    double *x[SHI_CV_N];
    int *year;
    signed char *dispute_t;  /* a dispute in t */
    signed char *fought[NH]; /* a dispute in t+1..t+H: 1, 0, or -1 unknown */
} hist;

static void hist_free(hist *h)
{
    for (int k = 0; k < SHI_CV_N; k++) {
        free(h->x[k]);
    }
    free(h->year);
    free(h->dispute_t);
    for (int k = 0; k < NH; k++) {
        free(h->fought[k]);
    }
    memset(h, 0, sizeof *h);
}

static int hist_grow(hist *h)
{
    size_t cap = h->cap ? 2 * h->cap : 65536;
    for (int k = 0; k < SHI_CV_N; k++) {
        double *p = realloc(h->x[k], cap * sizeof *p);
        if (!p) {
            return -1;
        }
        h->x[k] = p;
    }
    int *y = realloc(h->year, cap * sizeof *y);
    if (!y) {
        return -1;
    }
    h->year = y;
    signed char *c = realloc(h->dispute_t, cap);
    if (!c) {
        return -1;
    }
    h->dispute_t = c;
    for (int k = 0; k < NH; k++) {
        c = realloc(h->fought[k], cap);
        if (!c) {
            return -1;
        }
        h->fought[k] = c;
    }
    h->cap = cap;
    return 0;
}

/* Collect the dyad-years t in [y0, y1] with t + 1 inside the dispute record. */
static shi_status hist_build(const shi_data *d, int y0, int y1, hist *h, shi_err *err)
{
    memset(h, 0, sizeof *h);
    const shi_dyadic *dy = &d->dy;
    if (!d->dy_loaded || !d->rel_loaded || !dy->mid_host) {
        return shi_err_set(err, SHI_EDATA,
                           "coop: fitting the game needs the dyadic and relations data");
    }
    int m0 = dy->mid_y0 > dy->y0 ? dy->mid_y0 : dy->y0;
    int m1 = dy->mid_y1 < dy->y1 ? dy->mid_y1 : dy->y1;
    if (y1 > m1 - 1) {
        y1 = m1 - 1;
    }
    size_t n = dy->n;
    int *last = malloc(n * n * sizeof *last);
    size_t *mem = malloc(n * sizeof *mem);
    if (!last || !mem) {
        free(last);
        free(mem);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t k = 0; k < n * n; k++) {
        last[k] = -1;
    }
    shi_status s = SHI_OK;
    for (int y = m0; y <= y1 && s == SHI_OK; y++) {
        for (size_t i = 0; i < n; i++) {
            for (size_t j = i + 1; j < n; j++) {
                if (shi_coop_i_dispute(dy, y, i, j)) {
                    last[i * n + j] = y;
                }
            }
        }
        if (y < y0) {
            continue;
        }
        size_t nm = 0;
        for (size_t i = 0; i < n; i++) {
            if (shi_states_member(&d->states, &d->states.v[i], y)) {
                mem[nm++] = i;
            }
        }
        for (size_t p = 0; p < nm && s == SHI_OK; p++) {
            for (size_t q = p + 1; q < nm; q++) {
                size_t i = mem[p], j = mem[q];
                int start = shi_coop_i_peace_start(d, i, j);
                int l = last[i * n + j];
                double py = (double)(y - (l >= start ? l : start - 1));
                double x[SHI_CV_N];
                if (shi_coop_i_covariates(d, i, j, y, py, x) != 0) {
                    continue;
                }
                if (h->n == h->cap && hist_grow(h) != 0) {
                    s = shi_err_set(err, SHI_EIO, "out of memory");
                    break;
                }
                size_t r = h->n++;
                for (int k = 0; k < SHI_CV_N; k++) {
                    h->x[k][r] = x[k];
                }
                h->year[r] = y;
                h->dispute_t[r] = (signed char)(l == y);
                for (int k = 0; k < NH; k++) {
                    int f = 0;
                    if (y + HORIZON[k] > m1) {
                        f = -1;
                    } else {
                        for (int t = y + 1; t <= y + HORIZON[k] && !f; t++) {
                            f = shi_coop_i_dispute(dy, t, i, j);
                        }
                    }
                    h->fought[k][r] = (signed char)f;
                }
            }
        }
    }
    free(last);
    free(mem);
    if (s != SHI_OK) {
        hist_free(h);
    }
    return s;
}

/* Rows of h selected by `use` (n of them), regressors `cols` (ncol), as a
 * column-major matrix, with the label "peace held over horizon k". */
static shi_status fit_rows(const hist *h, const unsigned char *use, const int *cols, size_t ncol,
                           int hk, double *beta, size_t *nfit, size_t *nev, shi_err *err)
{
    size_t n = 0;
    for (size_t r = 0; r < h->n; r++) {
        n += use[r];
    }
    if (n == 0) {
        return shi_err_set(err, SHI_EDATA, "coop: no dyad-year with complete data to fit");
    }
    double *X = malloc(n * ncol * sizeof *X);
    int *y = malloc(n * sizeof *y);
    if (!X || !y) {
        free(X);
        free(y);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    size_t i = 0, ev = 0;
    for (size_t r = 0; r < h->n; r++) {
        if (!use[r]) {
            continue;
        }
        for (size_t c = 0; c < ncol; c++) {
            X[c * n + i] = h->x[cols[c]][r];
        }
        y[i] = h->fought[hk][r] == 0;
        ev += h->fought[hk][r] == 1;
        i++;
    }
    shi_status s = shi_logit_fit(X, y, n, ncol, beta, err);
    free(X);
    free(y);
    if (nfit) {
        *nfit = n;
    }
    if (nev) {
        *nev = ev;
    }
    return s;
}

static const int ALL_COLS[SHI_CV_N] = {0, 1, 2, 3, 4, 5};

shi_status shi_coop_history_fit(const shi_data *d, int y0, int y1, shi_coop_fit *fit, shi_err *err)
{
    memset(fit, 0, sizeof *fit);
    hist h;
    shi_status s = hist_build(d, y0, y1, &h, err);
    if (s != SHI_OK) {
        return s;
    }
    unsigned char *use = malloc(h.n ? h.n : 1);
    if (!use) {
        hist_free(&h);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    int fy0 = 0, fy1 = 0;
    for (size_t r = 0; r < h.n; r++) {
        use[r] = h.fought[0][r] >= 0;
        if (use[r]) {
            fy0 = fy0 == 0 || h.year[r] < fy0 ? h.year[r] : fy0;
            fy1 = h.year[r] > fy1 ? h.year[r] : fy1;
        }
    }
    s = fit_rows(&h, use, ALL_COLS, SHI_CV_N, 0, fit->beta, &fit->n, &fit->n_events, err);
    fit->y0 = fy0;
    fit->y1 = fy1;
    free(use);
    hist_free(&h);
    return s;
}

/* The baselines' regressor. */
static int baseline_col(int score)
{
    switch (score) {
    case SHI_CVS_CONTIG:
        return SHI_CV_CONTIG;
    case SHI_CVS_RATIO:
        return SHI_CV_RATIO;
    case SHI_CVS_ALLY:
        return SHI_CV_ALLIANCE;
    case SHI_CVS_PEACE:
        return SHI_CV_PEACE;
    default:
        return -1;
    }
}

shi_status shi_coop_validate(const shi_data *d, int fit_y1, shi_coop_validation *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    hist h;
    shi_status s = hist_build(d, d->dy.mid_y0, d->dy.mid_y1, &h, err);
    if (s != SHI_OK) {
        return s;
    }
    unsigned char *use = malloc(h.n ? h.n : 1);
    double *score = malloc((h.n ? h.n : 1) * sizeof *score);
    double *pdis = malloc((h.n ? h.n : 1) * sizeof *pdis);
    int *peace = malloc((h.n ? h.n : 1) * sizeof *peace);
    int *fought = malloc((h.n ? h.n : 1) * sizeof *fought);
    if (!use || !score || !pdis || !peace || !fought) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    out->fit_y1 = fit_y1;
    out->test_y0 = fit_y1 + 1;
    out->test_y1 = d->dy.mid_y1;
    /* The annual model on t + 1 <= fit_y1. */
    int fy0 = 0, fy1 = 0;
    for (size_t r = 0; r < h.n; r++) {
        use[r] = h.fought[0][r] >= 0 && h.year[r] + 1 <= fit_y1;
        if (use[r]) {
            fy0 = fy0 == 0 || h.year[r] < fy0 ? h.year[r] : fy0;
            fy1 = h.year[r] > fy1 ? h.year[r] : fy1;
        }
    }
    s = fit_rows(&h, use, ALL_COLS, SHI_CV_N, 0, out->fit.beta, &out->fit.n, &out->fit.n_events,
                 err);
    if (s != SHI_OK) {
        goto cleanup;
    }
    out->fit.y0 = fy0;
    out->fit.y1 = fy1;
    for (int hk = 0; hk < NH; hk++) {
        int H = HORIZON[hk];
        /* Baselines: one regressor each, fitted on t + H <= fit_y1. */
        double bb[SHI_CVS_N][2] = {{0}};
        for (size_t r = 0; r < h.n; r++) {
            use[r] = h.fought[hk][r] >= 0 && h.year[r] + H <= fit_y1;
        }
        for (int sc = SHI_CVS_CONTIG; sc < SHI_CVS_N; sc++) {
            int col = baseline_col(sc);
            if ((s = fit_rows(&h, use, &col, 1, hk, bb[sc], NULL, NULL, err)) != SHI_OK) {
                goto cleanup;
            }
        }
        for (int at_peace = 0; at_peace <= 1; at_peace++) {
            shi_coop_vcell *c = &out->cell[out->ncell++];
            c->horizon = H;
            c->at_peace = at_peace;
            size_t n = 0;
            for (size_t r = 0; r < h.n; r++) {
                if (h.fought[hk][r] < 0 || h.year[r] <= fit_y1 || (at_peace && h.dispute_t[r])) {
                    continue;
                }
                peace[n] = h.fought[hk][r] == 0;
                fought[n] = h.fought[hk][r] == 1;
                n++;
            }
            c->n = n;
            for (size_t i = 0; i < n; i++) {
                c->n_pos += (size_t)fought[i];
            }
            for (int sc = 0; sc < SHI_CVS_N; sc++) {
                size_t i = 0;
                for (size_t r = 0; r < h.n; r++) {
                    if (h.fought[hk][r] < 0 || h.year[r] <= fit_y1 ||
                        (at_peace && h.dispute_t[r])) {
                        continue;
                    }
                    double x[SHI_CV_N];
                    for (int k = 0; k < SHI_CV_N; k++) {
                        x[k] = h.x[k][r];
                    }
                    double p;
                    if (sc == SHI_CVS_MODEL || sc == SHI_CVS_VERDICT) {
                        shi_coop_dyad g;
                        shi_coop_i_game(&out->fit, x, &g);
                        if (sc == SHI_CVS_MODEL) {
                            p = pow(g.p_coop, H);
                        } else {
                            p = g.delta >= g.thr.grim ? 1.0 : 0.0;
                            c->n_sust += p == 1.0;
                            c->n_sust_pos += p == 1.0 && fought[i];
                        }
                    } else {
                        p = shi_logit_prob(bb[sc], &x[baseline_col(sc)], 1);
                    }
                    score[i] = p;
                    pdis[i] = 1.0 - p;
                    i++;
                }
                shi_auc_result ar;
                if ((s = shi_auc(score, peace, n, &ar, err)) != SHI_OK) {
                    goto cleanup;
                }
                c->row[sc].auc = ar.auc;
                c->row[sc].brier = sc == SHI_CVS_VERDICT ? (double)NAN : shi_brier(pdis, fought, n);
                if (sc == SHI_CVS_MODEL) {
                    shi_calibration(pdis, fought, n, c->bins, SHI_COOP_VAL_BINS);
                }
            }
        }
    }
cleanup:
    free(use);
    free(score);
    free(pdis);
    free(peace);
    free(fought);
    hist_free(&h);
    return s;
}
