/*
 * scen_pact.c - the defence-pact onset hazard of the scenario panel, from
 * the alliance-formation model (include/shi/formation.h, docs/formation.md):
 * one model of who allies with whom, not a second one fitted on the panel's
 * three onsets (issue 17, item 5; docs/scenarios.md, "The dynamics").
 *
 * The conditional logit gives p_ab = P(b | a forms a new defence tie in t)
 * and nothing on whether a forms one. That factor is the rate r of new
 * defence ties per chooser-year at risk (onsets / chooser-years, by whether
 * the chooser is a COW major power), over the same onset years as the fit.
 * Under the model's own reading of a chooser-year with k onsets (Breslow
 * 1974: k choices, each from the whole set), a's new ties are a count with
 * mean r, each landing on b with probability p_ab; taking the count as
 * Poisson, the ties to b are Poisson with mean r p_ab (thinning), and
 * P(at least one) = 1 - exp(-r p_ab). The pair's pact begins when either
 * side takes it on: h = 1 - (1 - h_ab)(1 - h_ba).
 *
 * The fit's own uncertainty: in draw d of the ensemble the coefficients are
 * beta_d ~ N(beta_hat, Sigma), Sigma the inverse observed information (the
 * usual large-sample distribution of the maximum likelihood estimator),
 * drawn once per draw for every pair (shi_formation_fit_draw); p_ab and p_ba
 * are recomputed under beta_d. The rates r stay fixed: even the major
 * powers' rate rests on 416 onsets in 1,192 chooser-years (onsets 1817-2017,
 * docs/formation.md), a Poisson relative standard error of 1 / sqrt(416) =
 * 4.9%, small against the spread the coefficients
 * give the hazard (RUS-CHN from 2018: 0.0034-0.0056 over 100 draws, 5% to
 * 95%, around 0.0043, some 20-30% either way; docs/scenarios.md).
 */
#include <shi/scenarios.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What one origin's hazards need: the year's covariates, the fit, the rates. */
typedef struct origin_in {
    const shi_formation_year *y;
    const shi_formation_fit *fit;
    double rate[2]; /* non-major, major */
    int fit_y0, fit_y1;
} origin_in;

/* P(j | i forms) under the fit: the softmax of x_ij b over i's partners at
 * risk with complete covariates, and j itself when it is not at risk (an
 * allied pair: the probability it would have once its pact ends). NaN when
 * (i, j) lacks a covariate. Partners at risk are exactly those of
 * shi_formation_predict. */
static double choice_prob(const shi_formation_year *y, const double *beta, size_t i, size_t j)
{
    size_t n = y->n;
    const unsigned char *risk = y->risk[SHI_FORM_DEFENCE];
    double own = 0;
    const double *xj = y->x + (i * n + j) * SHI_FV_N;
    for (int c = 0; c < SHI_FV_N; c++) {
        if (isnan(xj[c])) {
            return (double)NAN;
        }
        own += xj[c] * beta[c];
    }
    /* the largest score first, so that exp cannot overflow */
    double mx = own;
    for (int pass = 0; pass < 2; pass++) {
        double sum = pass ? (risk[i * n + j] ? 0.0 : exp(own - mx)) : 0.0;
        for (size_t k = 0; k < n; k++) {
            const double *x = y->x + (i * n + k) * SHI_FV_N;
            if (!risk[i * n + k]) {
                continue;
            }
            double e = 0;
            int ok = 1;
            for (int c = 0; c < SHI_FV_N && ok; c++) {
                ok = !isnan(x[c]);
                e += x[c] * beta[c];
            }
            if (!ok) {
                continue;
            }
            if (pass) {
                sum += exp(e - mx);
            } else {
                mx = e > mx ? e : mx;
            }
        }
        if (pass) {
            return exp(own - mx) / sum;
        }
    }
    return (double)NAN;
}

static long reg(const shi_states *st, int ccode)
{
    const shi_state *s = shi_states_get(st, ccode);
    return s ? (long)(s - st->v) : -1;
}

/* The hazard of pair q from one origin under coefficients beta. */
static shi_scen_pact pair_hazard(const shi_data *d, const origin_in *in, const double *beta, int a,
                                 int b)
{
    shi_scen_pact h = {.ok = 1, .cov_year = in->y->year - 1};
    h.fit_y0 = in->fit_y0;
    h.fit_y1 = in->fit_y1;
    h.p_ab = h.p_ba = h.rate_a = h.rate_b = h.h = (double)NAN;
    long ia = reg(&d->states, a), ib = reg(&d->states, b);
    if (ia < 0 || ib < 0) {
        return h;
    }
    const shi_states *st = &d->states;
    h.rate_a = in->rate[shi_states_major(st, &st->v[ia], h.cov_year) ? 1 : 0];
    h.rate_b = in->rate[shi_states_major(st, &st->v[ib], h.cov_year) ? 1 : 0];
    h.p_ab = choice_prob(in->y, beta, (size_t)ia, (size_t)ib);
    h.p_ba = choice_prob(in->y, beta, (size_t)ib, (size_t)ia);
    double hab = 1 - exp(-h.rate_a * h.p_ab), hba = 1 - exp(-h.rate_b * h.p_ba);
    h.h = 1 - (1 - hab) * (1 - hba); /* NaN when either side is missing */
    return h;
}

/* The rates over onset years [y0, y1] from the counts of years [c0, c1]. */
static void rates(const double *cnt, int c0, int y0, int y1, double *rate)
{
    double ch[2] = {0, 0}, on[2] = {0, 0};
    for (int t = y0; t <= y1; t++) {
        const double *row = cnt + (size_t)(t - c0) * 4;
        for (int m = 0; m < 2; m++) {
            ch[m] += row[2 * m];
            on[m] += row[2 * m + 1];
        }
    }
    for (int m = 0; m < 2; m++) {
        rate[m] = ch[m] > 0 ? on[m] / ch[m] : (double)NAN;
    }
}

/* Does some origin in [o0, o1] need a refit (the shipped fit ends after it)? */
static int need_design(const shi_formation_fit *emb, int o0, int o1, int *last)
{
    *last = 0;
    for (int o = o0; o <= o1; o++) {
        if (!emb || o < emb->y1) {
            *last = o;
        }
    }
    return *last != 0;
}

/* Fill the hazards of every pair from origin o. A refit starts from the
 * previous origin's (*refit, in and out): the same maximum in fewer
 * Newton steps. */
static shi_status one_origin(const shi_data *d, const shi_formation_year *y,
                             const shi_formation_design *x, const double *cnt, int c0, int c1,
                             int o, shi_formation_fit *refit, shi_scen_panel *p, shi_err *err)
{
    const shi_formation_fit *emb =
        p->pact_fit ? p->pact_fit : shi_formation_fit_embedded(SHI_FORM_DEFENCE, SHI_FM_JOINT);
    origin_in in = {.y = y, .fit = emb};
    int last = o < c1 ? o : c1;
    if (!p->pact_fit && (!emb || o < emb->y1)) {
        if (last < c0) {
            return SHI_OK; /* no onset year up to the origin to fit on */
        }
        shi_formation_fit start = *refit;
        shi_status s = shi_formation_fit_model_from(x, SHI_FM_JOINT, c0, last, &start, refit, err);
        if (s != SHI_OK) {
            return s;
        }
        in.fit = refit->ok ? refit : NULL;
    }
    if (!in.fit) {
        return SHI_OK; /* a degenerate fit: no hazard from this origin */
    }
    in.fit_y0 = in.fit->y0;
    in.fit_y1 = in.fit->y1;
    rates(cnt, c0, in.fit_y0 > c0 ? in.fit_y0 : c0, in.fit_y1 < c1 ? in.fit_y1 : c1, in.rate);
    size_t col = (size_t)(o - p->y0);
    for (size_t q = 0; q < p->npair; q++) {
        p->pact_h[q * p->ny + col] = pair_hazard(d, &in, in.fit->beta, p->pa[q], p->pb[q]);
    }
    /* The parameter uncertainty: draw d of the coefficients, the same for
     * every pair (one model), its hazards under it. */
    for (int k = 0; p->pact_hd && k < p->pact_ndraw; k++) {
        double beta[SHI_FV_N];
        shi_status s = shi_formation_fit_draw(in.fit, p->pact_seed,
                                              SHI_SCEN_PACT_STREAM + (uint64_t)k, beta, err);
        if (s != SHI_OK) {
            return s;
        }
        for (size_t q = 0; q < p->npair; q++) {
            p->pact_hd[(q * p->ny + col) * (size_t)p->pact_ndraw + (size_t)k] =
                pair_hazard(d, &in, beta, p->pa[q], p->pb[q]).h;
        }
    }
    return SHI_OK;
}

shi_status shi_scen_panel_pact(const shi_data *d, int o0, int o1, shi_scen_panel *p, shi_err *err)
{
    int c0, c1, pmax;
    shi_formation_years(d, &c0, &c1, &pmax);
    if (c0 > c1) {
        return shi_err_set(err, SHI_EUSAGE,
                           "the pact hazard needs the alliance-formation data "
                           "(alliances, contiguity, capitals, capabilities)");
    }
    o0 = o0 > p->y0 ? o0 : p->y0;
    o1 = o1 < p->y1 ? o1 : p->y1;
    if (!p->pact_h) {
        p->pact_h = calloc(p->npair * p->ny + 1, sizeof *p->pact_h);
    }
    size_t nhd = p->pact_ndraw > 1 ? p->npair * p->ny * (size_t)p->pact_ndraw : 0;
    if (nhd && !p->pact_hd && (p->pact_hd = malloc(nhd * sizeof *p->pact_hd)) != NULL) {
        for (size_t k = 0; k < nhd; k++) {
            p->pact_hd[k] = (double)NAN;
        }
    }
    double *cnt = calloc((size_t)(c1 - c0 + 1) * 4, sizeof *cnt);
    if (!p->pact_h || !cnt || (nhd && !p->pact_hd)) {
        free(cnt);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    shi_status s = shi_formation_rate_counts(d, SHI_FORM_DEFENCE, c0, c1, cnt, err);
    /* One design for every origin that needs a refit, each fitted on its
     * own years (shi_formation_fit_model's window). */
    shi_formation_design x = {0};
    int last = 0;
    if (s == SHI_OK && !p->pact_fit &&
        need_design(shi_formation_fit_embedded(SHI_FORM_DEFENCE, SHI_FM_JOINT), o0, o1, &last)) {
        shi_formation_opts fo = shi_formation_opts_default();
        fo.y1 = last < c1 ? last : c1;
        s = fo.y1 >= c0 ? shi_formation_design_build(d, &fo, &x, err) : SHI_OK;
    }
    shi_threat_ctx *ctx = NULL;
    if (s == SHI_OK) {
        s = shi_threat_ctx_new(&ctx, d, err);
    }
    shi_formation_opts yo = shi_formation_opts_default();
    shi_formation_year y = {0};
    shi_formation_fit refit = {0};
    for (int o = o0; o <= o1 && s == SHI_OK; o++) {
        /* the covariates of the origin, or of the last year they exist */
        int t = (o < pmax - 1 ? o : pmax - 1) + 1;
        if (t < c0) {
            continue; /* no formation data before the origin */
        }
        if (y.year != t) {
            shi_formation_year_free(&y);
            s = shi_formation_year_compute(d, ctx, &yo, t, &y, err);
        }
        if (s == SHI_OK) {
            s = one_origin(d, &y, &x, cnt, c0, c1, o, &refit, p, err);
        }
    }
    shi_formation_year_free(&y);
    shi_threat_ctx_free(ctx);
    shi_formation_design_free(&x);
    free(cnt);
    return s;
}
