/*
 * scen_panel.c - the panel of pairs behind `shi scenarios`: the alignment
 * composite, the discrete facts (defence pact, militarised conflict), the
 * futures' rules and their historical frequency (include/shi/scenarios.h,
 * docs/scenarios.md).
 */
#include <shi/dyad_drivers.h>
#include <shi/power.h>
#include <shi/scenarios.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The first year of the panel: the UN (and its voting data) begins in 1946,
 * and the post-war major powers are the ones the study's futures are about. */
#define PANEL_Y0 1946
/* A year's composite needs at least this many components. */
#define MIN_COMPONENTS 2
/* ATOP's defence flag (SHI_ATOP_DEFENSE of shi/io_dyad.h, which the models
 * do not see): bit 0 of the obligation flags. */
#define ATOP_DEFENCE 1u

int shi_future_classify(double dc, double band, int pact0, int pact_formed, int fought)
{
    if (fought) {
        return SHI_FUT_CONFRONT;
    }
    if (!pact0 && pact_formed) {
        return SHI_FUT_ALLIANCE;
    }
    if (isnan(dc) || isnan(band)) {
        return -1;
    }
    return dc > band ? SHI_FUT_CONVERGE : (dc < -band ? SHI_FUT_TENSION : SHI_FUT_STATUSQUO);
}

void shi_scen_panel_free(shi_scen_panel *p)
{
    if (!p) {
        return;
    }
    free(p->pa);
    free(p->pb);
    free(p->z);
    free(p->c);
    free(p->pact);
    free(p->fight);
    free(p->x);
    free(p->pact_h);
    free(p->pact_hd);
    memset(p, 0, sizeof *p);
}

shi_status shi_scen_panel_driver(const shi_data *d, int third, size_t col, shi_scen_panel *p,
                                 shi_err *err)
{
    int have = third == SHI_SCEN_STRONGEST;
    for (int y = p->y0; y <= p->y1 && !have; y++) {
        have = !isnan(shi_power_share(&d->caps, col, &d->states, third, y, SHI_SCOPE_ALL));
    }
    if (!have) {
        return shi_err_set(err, SHI_EUSAGE,
                           "the third state (COW %d) has no power data in %d-%d: no driver", third,
                           p->y0, p->y1);
    }
    double *x = malloc((p->npair * p->ny + 1) * sizeof *x);
    if (!x) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t q = 0; q < p->npair; q++) {
        for (int y = p->y0; y <= p->y1; y++) {
            /* The same definition for every pair of the panel: the chosen
             * state, or for a pair it belongs to the strongest other state,
             * so that the coefficient is that of "a third power's share". */
            int c = third != SHI_SCEN_STRONGEST && third != p->pa[q] && third != p->pb[q]
                        ? third
                        : shi_most_capable_other(&d->caps, col, p->pa[q], p->pb[q], y);
            x[q * p->ny + (size_t)(y - p->y0)] =
                c ? shi_power_share(&d->caps, col, &d->states, c, y, SHI_SCOPE_ALL) : (double)NAN;
        }
    }
    free(p->x);
    p->x = x;
    p->third = third;
    return SHI_OK;
}

long shi_scen_panel_pair(const shi_scen_panel *p, int a, int b)
{
    for (size_t k = 0; k < p->npair; k++) {
        if ((p->pa[k] == a && p->pb[k] == b) || (p->pa[k] == b && p->pb[k] == a)) {
            return (long)k;
        }
    }
    return -1;
}

static int in(int y, int y0, int y1)
{
    return y >= y0 && y <= y1;
}

/* The raw closeness components of (a, b) in year y (NaN missing). */
static void raw_components(const shi_data *d, size_t ia, size_t ib, int a, int b, int y,
                           double *out)
{
    const shi_dyadic *dy = &d->dy;
    const shi_relations *r = &d->rel;
    for (int k = 0; k < SHI_SC_N; k++) {
        out[k] = (double)NAN;
    }
    if (dy->ideal && in(y, dy->unga_y0, dy->unga_y1) && in(y, dy->y0, dy->y1)) {
        double xa = dy->ideal[shi_dy_one(dy, y, ia)], xb = dy->ideal[shi_dy_one(dy, y, ib)];
        out[SHI_SC_UN] = -fabs(xa - xb); /* NaN propagates */
    }
    if (d->rel_loaded && in(y, r->arms_y0, r->arms_y1)) {
        double imp = shi_rel_arms_imports(r, a, y, y) + shi_rel_arms_imports(r, b, y, y);
        double f = shi_rel_arms(r, a, b, y, y) + shi_rel_arms(r, b, a, y, y);
        /* No arms imports by either: the share is undefined, not 0. */
        out[SHI_SC_ARMS] = imp > 0 && isfinite(f) ? f / imp : (double)NAN;
    }
    if (d->rel_loaded && in(y, r->trade_y0, r->trade_y1)) {
        double ab = (double)NAN, ba = (double)NAN, ia_ = (double)NAN, ea = (double)NAN,
               ib_ = (double)NAN, eb = (double)NAN;
        shi_rel_trade(r, a, b, y, &ab, &ba);
        shi_rel_trade_total(r, a, y, &ia_, &ea);
        shi_rel_trade_total(r, b, y, &ib_, &eb);
        double tot = ia_ + ea + ib_ + eb;
        /* a's imports from b plus b's imports from a is the dyad's trade. */
        out[SHI_SC_TRADE] = tot > 0 ? 2.0 * (ab + ba) / tot : (double)NAN;
    }
    if (dy->ally_level && in(y, dy->ally_y0, dy->ally_y1)) {
        uint8_t l1 = dy->ally_level[shi_dy_pair(dy, y, ia, ib)],
                l2 = dy->ally_level[shi_dy_pair(dy, y, ib, ia)];
        if (l1 != SHI_NA_U8 && l2 != SHI_NA_U8) {
            out[SHI_SC_ALLY] = l1 > l2 ? l1 : l2;
        }
    }
}

/* Defence pact (either direction) and conflict (hostility >= 4 either way,
 * or a UCDP conflict) of (a, b) in y; SHI_SCEN_NA outside the data. */
static void facts(const shi_data *d, size_t ia, size_t ib, int y, uint8_t *pact, uint8_t *fight)
{
    const shi_dyadic *dy = &d->dy;
    *pact = SHI_SCEN_NA;
    *fight = SHI_SCEN_NA;
    if (dy->ally && in(y, dy->ally_y0, dy->ally_y1)) {
        uint8_t f1 = dy->ally[shi_dy_pair(dy, y, ia, ib)],
                f2 = dy->ally[shi_dy_pair(dy, y, ib, ia)];
        if (f1 != SHI_NA_U8 && f2 != SHI_NA_U8) {
            *pact = (uint8_t)(((f1 | f2) & ATOP_DEFENCE) != 0);
        }
    }
    int have = 0, hit = 0;
    if (dy->mid_host && in(y, dy->mid_y0, dy->mid_y1)) {
        uint8_t h1 = dy->mid_host[shi_dy_pair(dy, y, ia, ib)],
                h2 = dy->mid_host[shi_dy_pair(dy, y, ib, ia)];
        if (h1 != SHI_NA_U8 && h2 != SHI_NA_U8) {
            have = 1;
            hit |= h1 >= 4 || h2 >= 4;
        }
    }
    if (dy->ucdp && in(y, dy->ucdp_y0, dy->ucdp_y1)) {
        uint8_t u = dy->ucdp[shi_dy_pair(dy, y, ia, ib)];
        if (u != SHI_NA_U8) {
            have = 1;
            hit |= u > 0;
        }
    }
    if (have) {
        *fight = (uint8_t)hit;
    }
}

static int last_year(const shi_data *d)
{
    int y = d->dy.unga_y1;
    if (d->rel_loaded) {
        y = d->rel.arms_y1 > y ? d->rel.arms_y1 : y;
        y = d->rel.trade_y1 > y ? d->rel.trade_y1 : y;
    }
    y = d->dy.ally_y1 > y ? d->dy.ally_y1 : y;
    return y < d->dy.y1 ? y : d->dy.y1;
}

/* The pairs: every two states major in some year of [y0, y1], and (a, b). */
static shi_status pick_pairs(const shi_data *d, int y0, int y1, int a, int b, shi_scen_panel *p,
                             shi_err *err)
{
    const shi_states *s = &d->states;
    int *maj = malloc((s->n + 2) * sizeof *maj);
    size_t nm = 0;
    if (!maj) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t i = 0; i < s->n; i++) {
        for (int y = y0; y <= y1; y++) {
            if (shi_states_major(s, &s->v[i], y)) {
                maj[nm++] = s->v[i].ccode;
                break;
            }
        }
    }
    size_t cap = nm * nm / 2 + 2;
    p->pa = malloc(cap * sizeof *p->pa);
    p->pb = malloc(cap * sizeof *p->pb);
    if (!p->pa || !p->pb) {
        free(maj);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t i = 0; i < nm; i++) {
        for (size_t j = i + 1; j < nm; j++) {
            p->pa[p->npair] = maj[i];
            p->pb[p->npair++] = maj[j];
        }
    }
    free(maj);
    if (a && b && a != b && shi_scen_panel_pair(p, a, b) < 0) {
        p->pa[p->npair] = a;
        p->pb[p->npair++] = b;
    }
    return SHI_OK;
}

/* Standardise each component over every pair-year that has it, then the
 * composite: the mean of a year's z-scores when it has MIN_COMPONENTS. */
static void standardise(shi_scen_panel *p)
{
    size_t n = p->npair * p->ny;
    for (int k = 0; k < SHI_SC_N; k++) {
        double s1 = 0, s2 = 0;
        size_t m = 0;
        p->cy0[k] = 0;
        p->cy1[k] = 0;
        for (size_t i = 0; i < n; i++) {
            double v = p->z[i * SHI_SC_N + (size_t)k];
            if (!isnan(v)) {
                s1 += v;
                m++;
                int y = p->y0 + (int)(i % p->ny);
                p->cy0[k] = !p->cy0[k] || y < p->cy0[k] ? y : p->cy0[k];
                p->cy1[k] = y > p->cy1[k] ? y : p->cy1[k];
            }
        }
        double mu = m ? s1 / (double)m : 0;
        for (size_t i = 0; i < n; i++) {
            double v = p->z[i * SHI_SC_N + (size_t)k];
            s2 += isnan(v) ? 0 : (v - mu) * (v - mu);
        }
        double sd = m > 1 ? sqrt(s2 / (double)(m - 1)) : 0;
        p->mean[k] = mu;
        p->sd[k] = sd;
        for (size_t i = 0; i < n; i++) {
            double *v = &p->z[i * SHI_SC_N + (size_t)k];
            *v = sd > 0 ? (*v - mu) / sd : (double)NAN;
        }
    }
    for (size_t i = 0; i < n; i++) {
        double s = 0;
        int m = 0;
        for (int k = 0; k < SHI_SC_N; k++) {
            double v = p->z[i * SHI_SC_N + (size_t)k];
            if (!isnan(v)) {
                s += v;
                m++;
            }
        }
        p->c[i] = m >= MIN_COMPONENTS ? s / m : (double)NAN;
    }
}

double shi_scen_dc(const shi_scen_panel *p, size_t pair, int t0, int t1)
{
    if (t0 < p->y0 || t1 > p->y1 || pair >= p->npair) {
        return (double)NAN;
    }
    const double *z0 = &p->z[(pair * p->ny + (size_t)(t0 - p->y0)) * SHI_SC_N];
    const double *z1 = &p->z[(pair * p->ny + (size_t)(t1 - p->y0)) * SHI_SC_N];
    double s = 0;
    int m = 0;
    for (int k = 0; k < SHI_SC_N; k++) {
        if (!isnan(z0[k]) && !isnan(z1[k])) {
            s += z1[k] - z0[k];
            m++;
        }
    }
    return m >= MIN_COMPONENTS ? s / m : (double)NAN;
}

/* Pair's facts over (t, t+h]: *fought, *formed; -1 when a year is missing. */
static int window_facts(const shi_scen_panel *p, size_t pair, int t, int h, int *pact0, int *formed,
                        int *fought)
{
    size_t base = pair * p->ny;
    uint8_t p0 = p->pact[base + (size_t)(t - p->y0)];
    *pact0 = p0 == 1;
    *formed = 0;
    *fought = 0;
    int missing = p0 == SHI_SCEN_NA;
    for (int y = t + 1; y <= t + h; y++) {
        uint8_t pa = p->pact[base + (size_t)(y - p->y0)], fi = p->fight[base + (size_t)(y - p->y0)];
        *formed |= pa == 1;
        *fought |= fi == 1;
        missing |= pa == SHI_SCEN_NA || fi == SHI_SCEN_NA;
    }
    return missing ? -1 : 0;
}

int shi_scen_observed(const shi_scen_panel *p, size_t pair, int t, int h)
{
    if (h < 1 || h > SHI_SCEN_HMAX || t < p->y0 || t + h > p->y1 || pair >= p->npair) {
        return -1;
    }
    int pact0, formed, fought;
    int miss = window_facts(p, pair, t, h, &pact0, &formed, &fought);
    double dc = shi_scen_dc(p, pair, t, t + h);
    /* A missing fact can hide a conflict or a pact, and counting only the
     * windows where a fact seen decides would over-count those futures: any
     * missing year leaves the window unclassified. */
    return miss ? -1 : shi_future_classify(dc, p->band[h], pact0, formed, fought);
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* band(h): the median |dC| of every pair's h-year changes. */
static shi_status bands(shi_scen_panel *p, shi_err *err)
{
    double *v = malloc(p->npair * p->ny * sizeof *v);
    if (!v) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (int h = 0; h <= SHI_SCEN_HMAX; h++) {
        size_t m = 0;
        for (size_t q = 0; q < p->npair && h > 0; q++) {
            for (int t = p->y0; t + h <= p->y1; t++) {
                double dc = shi_scen_dc(p, q, t, t + h);
                if (!isnan(dc)) {
                    v[m++] = fabs(dc);
                }
            }
        }
        if (!m) {
            p->band[h] = (double)NAN;
            continue;
        }
        qsort(v, m, sizeof *v, cmp_double);
        p->band[h] = m % 2 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
    }
    free(v);
    return SHI_OK;
}

shi_status shi_scen_panel_build(const shi_data *d, int a, int b, shi_scen_panel *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    if (!d->dy_loaded || !d->rel_loaded) {
        return shi_err_set(err, SHI_EUSAGE, "scenarios need the dyadic and relations data");
    }
    out->y0 = PANEL_Y0;
    out->y1 = last_year(d);
    if (out->y1 < out->y0 + 10) {
        return shi_err_set(err, SHI_EDATA, "the data end in %d: too few years", out->y1);
    }
    out->ny = (size_t)(out->y1 - out->y0 + 1);
    shi_status s = pick_pairs(d, out->y0, out->y1, a, b, out, err);
    size_t n = out->npair * out->ny;
    if (s == SHI_OK) {
        out->z = malloc(n * SHI_SC_N * sizeof *out->z);
        out->c = malloc(n * sizeof *out->c);
        out->pact = malloc(n);
        out->fight = malloc(n);
        if (!out->z || !out->c || !out->pact || !out->fight) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
        }
    }
    for (size_t q = 0; q < out->npair && s == SHI_OK; q++) {
        const shi_state *sa = shi_states_get(&d->states, out->pa[q]),
                        *sb = shi_states_get(&d->states, out->pb[q]);
        size_t ia = (size_t)(sa - d->states.v), ib = (size_t)(sb - d->states.v);
        for (int y = out->y0; y <= out->y1; y++) {
            size_t i = q * out->ny + (size_t)(y - out->y0);
            int both = shi_states_member(&d->states, sa, y) && shi_states_member(&d->states, sb, y);
            raw_components(d, ia, ib, out->pa[q], out->pb[q], y, &out->z[i * SHI_SC_N]);
            facts(d, ia, ib, y, &out->pact[i], &out->fight[i]);
            if (!both) {
                for (int k = 0; k < SHI_SC_N; k++) {
                    out->z[i * SHI_SC_N + (size_t)k] = (double)NAN;
                }
                out->pact[i] = out->fight[i] = SHI_SCEN_NA;
            }
        }
    }
    if (s == SHI_OK) {
        standardise(out);
        s = bands(out, err);
    }
    if (s != SHI_OK) {
        shi_scen_panel_free(out);
    }
    return s;
}

size_t shi_scen_history(const shi_scen_panel *p, int h, int e0, int e1, size_t *cnt)
{
    size_t tot = 0;
    memset(cnt, 0, SHI_FUT_N * sizeof *cnt);
    for (size_t q = 0; q < p->npair; q++) {
        for (int t = e0 > p->y0 ? e0 : p->y0; t <= e1 && t + h <= p->y1; t++) {
            int f = shi_scen_observed(p, q, t, h);
            if (f >= 0) {
                cnt[f]++;
                tot++;
            }
        }
    }
    return tot;
}
