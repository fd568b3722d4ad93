/*
 * coop_dyad.c - a pair's prisoner's dilemma estimated from the historical
 * record (include/shi/coop_dyad.h; docs/coop.md, "Dyad calibration"): the
 * regressors of a dyad-year, the default coefficients, and the game they map
 * to. The fit and the validation are in coop_fit.c.
 */
#include <shi/coop_dyad.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "coop_dyad_priv.h"

/* The default coefficients: shi_coop_history_fit on the embedded data
 * (`shi coop validate` prints the same fit), dyad-years t = 1870-2013 of two
 * system members with every regressor known (with the embedded data, trade is
 * known only for dyads with a sometime major power), outcome "no dispute in
 * t+1" (GML MID 2.1.1). Refitted and checked in tests/unit/test_coop_dyad.c. */
#define FIT_Y0 1870
#define FIT_Y1 2013
#define FIT_N 76008
#define FIT_EVENTS 1426
#define B_CONST 1.46699481608330 /* intercept of logit(delta) */
#define B_PEACE                                                                                    \
    1.15631221428055 /* ln(1 + peace years): the record of peace (Beck, Katz & Tucker 1998) */
#define B_ALLY (-0.0332168014427641) /* alliance (Bremer 1992; Oneal & Russett 1997) */
#define B_TRADE                                                                                    \
    (-0.00809780534827161) /* ln(1 + 100 trade dependence), weaker side (Oneal & Russett 1997) */
#define B_CONTIG                                                                                   \
    (-0.722097124248420)          /* contiguity (Bremer 1992): enters ln g with its sign reversed */
#define B_RATIO 0.285041601437734 /* ln CINC ratio (Bremer 1992) */
#define B_MAJOR (-1.32968220915014) /* major power involved (Bremer 1992) */

shi_coop_fit shi_coop_fit_default(void)
{
    shi_coop_fit f = {{B_CONST, B_PEACE, B_ALLY, B_TRADE, B_CONTIG, B_RATIO, B_MAJOR},
                      FIT_Y0,
                      FIT_Y1,
                      FIT_N,
                      FIT_EVENTS};
    return f;
}

int shi_coop_i_dispute(const shi_dyadic *dy, int year, size_t i, size_t j)
{
    uint8_t h1 = dy->mid_host[shi_dy_pair(dy, year, i, j)];
    uint8_t h2 = dy->mid_host[shi_dy_pair(dy, year, j, i)];
    return (h1 != SHI_NA_U8 && h1 > 0) || (h2 != SHI_NA_U8 && h2 > 0);
}

int shi_coop_i_peace_start(const shi_data *d, size_t ia, size_t ib)
{
    int fa, la, fb, lb;
    shi_states_years(&d->states, &d->states.v[ia], &fa, &la);
    shi_states_years(&d->states, &d->states.v[ib], &fb, &lb);
    int s = d->dy.mid_y0;
    s = fa > s ? fa : s;
    return fb > s ? fb : s;
}

/* Smaller of a's and b's trade with each other as a share of its total trade. */
static double trade_dep(const shi_relations *r, int a, int b, int year)
{
    double ab, ba, ima, exa, imb, exb;
    shi_rel_trade(r, a, b, year, &ab, &ba);
    shi_rel_trade_total(r, a, year, &ima, &exa);
    shi_rel_trade_total(r, b, year, &imb, &exb);
    double ta = ima + exa, tb = imb + exb, f = ab + ba;
    if (isnan(f) || isnan(ta) || isnan(tb) || ta <= 0 || tb <= 0) {
        return (double)NAN;
    }
    return fmin(f / ta, f / tb);
}

unsigned shi_coop_i_covariates(const shi_data *d, size_t ia, size_t ib, int year, double py,
                               double x[SHI_CV_N])
{
    const shi_dyadic *dy = &d->dy;
    unsigned miss = 0;
    for (int k = 0; k < SHI_CV_N; k++) {
        x[k] = (double)NAN;
    }
    int in_dy = d->dy_loaded && year >= dy->y0 && year <= dy->y1;
    /* peace years */
    if (in_dy && dy->mid_host && !isnan(py)) {
        x[SHI_CV_PEACE] = log1p(py);
    } else {
        miss |= 1u << SHI_CV_PEACE;
    }
    /* alliance */
    if (in_dy && dy->ally_level) {
        uint8_t l1 = dy->ally_level[shi_dy_pair(dy, year, ia, ib)];
        uint8_t l2 = dy->ally_level[shi_dy_pair(dy, year, ib, ia)];
        if (l1 != SHI_NA_U8 && l2 != SHI_NA_U8) {
            x[SHI_CV_ALLIANCE] = (l1 > 0 || l2 > 0) ? 1.0 : 0.0;
        }
    }
    if (isnan(x[SHI_CV_ALLIANCE])) {
        miss |= 1u << SHI_CV_ALLIANCE;
    }
    /* trade */
    int ca = d->states.v[ia].ccode, cb = d->states.v[ib].ccode;
    double dep = d->rel_loaded ? trade_dep(&d->rel, ca, cb, year) : (double)NAN;
    if (!isnan(dep)) {
        x[SHI_CV_TRADE] = log1p(100.0 * dep);
    } else {
        miss |= 1u << SHI_CV_TRADE;
    }
    /* contiguity */
    if (in_dy && dy->contig) {
        uint8_t c = dy->contig[shi_dy_pair(dy, year, ia, ib)];
        if (c != SHI_NA_U8) {
            x[SHI_CV_CONTIG] = (c >= 1 && c <= 4) ? 1.0 : 0.0;
        }
    }
    if (isnan(x[SHI_CV_CONTIG])) {
        miss |= 1u << SHI_CV_CONTIG;
    }
    /* CINC ratio */
    long ra = shi_panel_row(&d->caps, ca, year), rb = shi_panel_row(&d->caps, cb, year);
    if (ra >= 0 && rb >= 0 && shi_panel_ok(&d->caps, d->cinc, (size_t)ra) &&
        shi_panel_ok(&d->caps, d->cinc, (size_t)rb)) {
        double sa = shi_panel_get(&d->caps, d->cinc, (size_t)ra);
        double sb = shi_panel_get(&d->caps, d->cinc, (size_t)rb);
        if (sa > 0 && sb > 0) {
            x[SHI_CV_RATIO] = fabs(log(sa / sb));
        }
    }
    if (isnan(x[SHI_CV_RATIO])) {
        miss |= 1u << SHI_CV_RATIO;
    }
    /* major power */
    x[SHI_CV_MAJOR] = (shi_states_major(&d->states, &d->states.v[ia], year) ||
                       shi_states_major(&d->states, &d->states.v[ib], year))
                          ? 1.0
                          : 0.0;
    return miss;
}

/* Years since the pair's last dispute year up to `year`, counted from the
 * later of the start of the record and their entry into the system; NaN
 * outside the dispute record. */
static double peace_years(const shi_data *d, size_t ia, size_t ib, int year)
{
    const shi_dyadic *dy = &d->dy;
    if (!d->dy_loaded || !dy->mid_host || year < dy->mid_y0 || year > dy->mid_y1 || year < dy->y0 ||
        year > dy->y1) {
        return (double)NAN;
    }
    int start = shi_coop_i_peace_start(d, ia, ib);
    for (int y = year; y >= dy->mid_y0 && y >= start; y--) {
        if (shi_coop_i_dispute(dy, y, ia, ib)) {
            return (double)(year - y);
        }
    }
    return (double)(year - (start - 1));
}

unsigned shi_coop_covariates(const shi_data *d, size_t ia, size_t ib, int year, double x[SHI_CV_N])
{
    return shi_coop_i_covariates(d, ia, ib, year, peace_years(d, ia, ib, year), x);
}

void shi_coop_i_game(const shi_coop_fit *fit, const double x[SHI_CV_N], shi_coop_dyad *out)
{
    double ties = fit->beta[0], tempt = 0;
    for (int k = 0; k < SHI_CV_N; k++) {
        if (k < SHI_CV_TIES) {
            ties += fit->beta[1 + k] * x[k];
        } else {
            tempt += fit->beta[1 + k] * x[k];
        }
    }
    out->delta = 1.0 / (1.0 + exp(-ties));
    out->g = exp(-tempt);
    out->p_coop = 1.0 / (1.0 + exp(-(ties + tempt)));
    /* R - P = 2 as in Axelrod's 5,3,1,0; T - R = 2g; P - S = T - R. */
    out->payoffs.R = 3;
    out->payoffs.P = 1;
    out->payoffs.T = 3 + 2 * out->g;
    out->payoffs.S = 1 - 2 * out->g;
    out->k = 0;
    /* grim = tft_alld = tft_alt = tft = g / (1 + g) (shi_coop_thresholds_compute
     * with these payoffs and k = 0), written out so that a huge g stays finite. */
    double thr = out->g / (1.0 + out->g);
    out->thr.grim = out->thr.tft_alld = out->thr.tft_alt = out->thr.tft = thr;
}

/* What is missing, as "trade (COW trade covers 1870-2014), ...". */
static void describe_missing(const shi_data *d, unsigned miss, int year, char *buf, size_t size)
{
    const shi_dyadic *dy = &d->dy;
    size_t len = 0;
    buf[0] = '\0';
    for (int k = 0; k < SHI_CV_N; k++) {
        if (!(miss & (1u << k))) {
            continue;
        }
        char item[96];
        int y0 = 0, y1 = 0;
        const char *what = "?";
        switch (k) {
        case SHI_CV_PEACE:
            what = "disputes (MID)";
            y0 = dy->mid_y0, y1 = dy->mid_y1;
            break;
        case SHI_CV_ALLIANCE:
            what = "alliances (ATOP)";
            y0 = dy->ally_y0, y1 = dy->ally_y1;
            break;
        case SHI_CV_TRADE:
            what = "trade (COW trade)";
            y0 = d->rel.trade_y0, y1 = d->rel.trade_y1;
            break;
        case SHI_CV_CONTIG:
            what = "contiguity (COW)";
            y0 = dy->contig_y0, y1 = dy->contig_y1;
            break;
        case SHI_CV_RATIO:
            what = "capabilities (CINC)";
            y0 = d->caps.year_min, y1 = d->caps.year_max;
            break;
        default:
            break;
        }
        if (y0 == 0 && y1 == 0) {
            snprintf(item, sizeof item, "%s: not loaded", what);
        } else if (year > y1) {
            snprintf(item, sizeof item, "%s after %d", what, y1);
        } else if (year < y0) {
            snprintf(item, sizeof item, "%s before %d", what, y0);
        } else {
            snprintf(item, sizeof item, "%s of this pair in %d", what, year);
        }
        int w = snprintf(buf + len, size - len, "%s%s", len ? ", " : "", item);
        if (w < 0 || (size_t)w >= size - len) {
            break;
        }
        len += (size_t)w;
    }
}

shi_status shi_coop_dyad_calibrate_fit(shi_coop_dyad *out, const shi_data *d,
                                       const shi_coop_fit *fit, int a, int b, int year,
                                       shi_err *err)
{
    memset(out, 0, sizeof *out);
    out->a = a;
    out->b = b;
    out->year = year;
    out->trade_dep = out->alliance = out->peace_years = (double)NAN;
    out->g = out->p_coop = out->delta = (double)NAN;
    out->thr.grim = out->thr.tft_alld = out->thr.tft_alt = out->thr.tft = (double)NAN;
    for (int k = 0; k < SHI_CV_N; k++) {
        out->x[k] = (double)NAN;
    }
    if (!d->dy_loaded || !d->rel_loaded) {
        return shi_err_set(err, SHI_EDATA,
                           "coop: the calibrated game needs the dyadic and relations data");
    }
    const shi_state *sa = shi_states_get(&d->states, a), *sb = shi_states_get(&d->states, b);
    if (!sa || !sb) {
        return shi_err_set(err, SHI_EDATA, "coop: unknown state code %d", sa ? b : a);
    }
    size_t ia = (size_t)(sa - d->states.v), ib = (size_t)(sb - d->states.v);
    if (!shi_states_member(&d->states, sa, year) || !shi_states_member(&d->states, sb, year)) {
        snprintf(out->missing, sizeof out->missing, "%s not a system member in %d",
                 !shi_states_member(&d->states, sa, year) ? sa->abb : sb->abb, year);
        return SHI_OK;
    }
    double py = peace_years(d, ia, ib, year);
    unsigned miss = shi_coop_i_covariates(d, ia, ib, year, py, out->x);
    out->peace_years = py;
    int in_dy = year >= d->dy.y0 && year <= d->dy.y1;
    if (in_dy && d->dy.ally_level) {
        uint8_t l1 = d->dy.ally_level[shi_dy_pair(&d->dy, year, ia, ib)];
        uint8_t l2 = d->dy.ally_level[shi_dy_pair(&d->dy, year, ib, ia)];
        if (l1 != SHI_NA_U8 && l2 != SHI_NA_U8) {
            out->alliance = l1 > l2 ? l1 : l2;
        }
    }
    out->trade_dep = trade_dep(&d->rel, a, b, year);
    if (miss) {
        describe_missing(d, miss, year, out->missing, sizeof out->missing);
        return SHI_OK;
    }
    out->computable = 1;
    shi_coop_i_game(fit, out->x, out);
    return SHI_OK;
}

shi_status shi_coop_dyad_calibrate(shi_coop_dyad *out, const shi_data *d, const shi_threat_model *m,
                                   int a, int b, int year, shi_err *err)
{
    (void)m;
    shi_coop_fit fit = shi_coop_fit_default();
    return shi_coop_dyad_calibrate_fit(out, d, &fit, a, b, year, err);
}
