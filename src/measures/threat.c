/*
 * threat.c - the directed balance-of-threat index (Walt 1987). Definitions,
 * formulas and sources: include/shi/threat.h and docs/threat.md.
 */
#include <shi/geography.h>
#include <shi/power.h>
#include <shi/threat.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/bytes.h"

/* The power measures of shi/power.h (shi_power_measures); the economic ones
 * need the data view's SHI_DATA_ECON part. */
const char *const shi_threat_measures[] = {"cinc", "gdp", "gdp_ppp", "beckley", "milex", "milper",
                                           "irst", "pec", "tpop",    "upop",    NULL};

struct shi_threat_ctx {
    const shi_data *d;
    long map[1000]; /* COW code -> registry index */
    int y0, y1;     /* years of the capability panel */
    size_t n;       /* registry size */
    long cinc_col;  /* the panel column "cinc" (the default measure), or -1 */
    double *share;  /* [col][year][state]: share of the system total of the column; NaN */
    double *mil;    /* [year][state]: mean share of system milex and milper; NaN unknown */
    /* Opponents by year (CSR over the dyadic years): the states k in a MID
     * with i (mid_host[y][k][i] > 0) or on the other side of a UCDP conflict
     * (ucdp[y][i][k] > 0) are part[pstart[(y - dy->y0) * n + i] ..]. They
     * make "allied with i's adversaries" O(opponents) instead of O(states). */
    size_t *pstart;
    uint16_t *part;
};

/* Shares of every panel column, year by year, over the states with a value. */
static int shares(shi_threat_ctx *c, const shi_panel *p)
{
    size_t ny = (size_t)(c->y1 - c->y0 + 1), cells = ny * c->n;
    c->share = malloc((p->ncol * cells > 0 ? p->ncol * cells : 1) * sizeof *c->share);
    c->mil = malloc((cells > 0 ? cells : 1) * sizeof *c->mil);
    if (!c->share || !c->mil) {
        return -1;
    }
    for (size_t k = 0; k < p->ncol * cells; k++) {
        c->share[k] = (double)NAN;
    }
    for (size_t k = 0; k < cells; k++) {
        c->mil[k] = (double)NAN;
    }
    long cmx = shi_panel_find(p, "milex"), cmp = shi_panel_find(p, "milper");
    for (int y = c->y0; y <= c->y1; y++) {
        const size_t *rows;
        size_t m;
        shi_panel_year(p, y, &rows, &m);
        for (size_t col = 0; col < p->ncol; col++) {
            double tot = 0;
            for (size_t r = 0; r < m; r++) {
                if (shi_panel_ok(p, col, rows[r])) {
                    tot += shi_panel_get(p, col, rows[r]);
                }
            }
            for (size_t r = 0; r < m && tot > 0; r++) {
                long i =
                    p->unit[rows[r]] > 0 && p->unit[rows[r]] < 1000 ? c->map[p->unit[rows[r]]] : -1;
                if (i >= 0 && shi_panel_ok(p, col, rows[r])) {
                    c->share[(col * ny + (size_t)(y - c->y0)) * c->n + (size_t)i] =
                        shi_panel_get(p, col, rows[r]) / tot;
                }
            }
        }
        for (size_t i = 0; i < c->n && cmx >= 0 && cmp >= 0; i++) {
            size_t cell = (size_t)(y - c->y0) * c->n + i;
            double x = c->share[((size_t)cmx * ny) * c->n + cell];
            double z = c->share[((size_t)cmp * ny) * c->n + cell];
            int k = !isnan(x) + !isnan(z);
            c->mil[cell] = k ? ((isnan(x) ? 0 : x) + (isnan(z) ? 0 : z)) / k : (double)NAN;
        }
    }
    return 0;
}

/* 1 when row[0..n) has a value in 1..SHI_NA_U8-1 (a dispute or conflict). A
 * plain OR over the row first: most rows of a year have none, and the
 * compiler vectorises this loop, so they cost a few instructions each. */
/* Whether a row holds a value other than 0 and SHI_NA_U8 (core/bytes.h):
 * most rows have none. */
static int row_has_hit(const uint8_t *row, size_t n)
{
    _Static_assert(SHI_NA_U8 == 0xFF, "core/bytes.h reads NA as the byte 0xFF");
    return shi_i_any_value(row, n);
}

/* The opponents' CSR (see the struct). Each year's pairs are marked in an
 * n x n scratch matrix [i][k] from the rows that have a hit (mid_host is
 * stored [k][i], ucdp [i][k]), then read off row by row: reading mid_host
 * column-wise for every (i, k) was 13% of `shi align`. */
static int opponents(shi_threat_ctx *c, const shi_dyadic *dy)
{
    if (!dy->mid_host && !dy->ucdp) {
        return 0;
    }
    const size_t n = dy->n, ny = (size_t)(dy->y1 - dy->y0 + 1), cells = ny * n;
    size_t total = 0, cap = 1024;
    uint8_t *flag = calloc(n * n + 1, 1), *rowany = calloc(n + 1, 1);
    c->pstart = malloc((cells + 1) * sizeof *c->pstart);
    c->part = malloc(cap * sizeof *c->part);
    int ok = flag && rowany && c->pstart && c->part;
    for (int y = dy->y0; ok && y <= dy->y1; y++) {
        const size_t base = (size_t)(y - dy->y0) * n;
        int mid = dy->mid_host && y >= dy->mid_y0 && y <= dy->mid_y1;
        int ucdp = dy->ucdp && y >= dy->ucdp_y0 && y <= dy->ucdp_y1;
        int hit = 0;
        for (size_t k = 0; mid && k < n; k++) {
            const uint8_t *row = dy->mid_host + shi_dy_pair(dy, y, k, 0);
            if (!row_has_hit(row, n)) {
                continue;
            }
            for (size_t i = 0; i < n; i++) {
                if (row[i] != SHI_NA_U8 && row[i] > 0) {
                    flag[i * n + k] = rowany[i] = 1;
                    hit = 1;
                }
            }
        }
        for (size_t i = 0; ucdp && i < n; i++) {
            const uint8_t *row = dy->ucdp + shi_dy_pair(dy, y, i, 0);
            if (!row_has_hit(row, n)) {
                continue;
            }
            for (size_t k = 0; k < n; k++) {
                if (row[k] != SHI_NA_U8 && row[k] > 0) {
                    flag[i * n + k] = rowany[i] = 1;
                    hit = 1;
                }
            }
        }
        for (size_t i = 0; i < n; i++) {
            c->pstart[base + i] = total;
            for (size_t k = 0; hit && rowany[i] && k < n; k++) {
                if (!flag[i * n + k]) {
                    continue;
                }
                flag[i * n + k] = 0;
                if (total == cap) {
                    uint16_t *g = realloc(c->part, 2 * cap * sizeof *g);
                    if (!g) {
                        ok = 0;
                        break;
                    }
                    c->part = g;
                    cap *= 2;
                }
                c->part[total++] = (uint16_t)k;
            }
            rowany[i] = 0;
        }
    }
    if (ok) {
        c->pstart[cells] = total;
    }
    free(flag);
    free(rowany);
    return ok ? 0 : -1;
}

shi_status shi_threat_ctx_new(shi_threat_ctx **out, const shi_data *d, shi_err *err)
{
    *out = NULL;
    if (!d->dy_loaded) {
        return shi_err_set(err, SHI_EINTERNAL, "threat: the dyadic data are not loaded");
    }
    if (shi_panel_find(&d->caps, "milex") < 0 || shi_panel_find(&d->caps, "milper") < 0) {
        return shi_err_set(err, SHI_EINTERNAL, "threat: the panel has no milex/milper columns");
    }
    shi_threat_ctx *c = calloc(1, sizeof *c);
    if (!c) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    c->d = d;
    for (int k = 0; k < 1000; k++) {
        c->map[k] = -1;
    }
    c->n = d->states.n;
    for (size_t i = 0; i < c->n; i++) {
        c->map[d->states.v[i].ccode] = (long)i;
    }
    c->cinc_col = shi_panel_find(&d->caps, "cinc");
    c->y0 = d->caps.year_min;
    c->y1 = d->caps.year_max;
    if (d->from > SHI_DYADIC_Y0 && d->from > c->y0 && d->from <= c->y1) {
        c->y0 = d->from; /* a view from a later year (shi_data_spec.from) is read from there on */
    }
    if (shares(c, &d->caps) != 0 || opponents(c, &d->dy) != 0) {
        shi_threat_ctx_free(c);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    *out = c;
    return SHI_OK;
}

int shi_threat_lookback(const shi_threat_model *m)
{
    /* remembered() and the opponents' share read years year - window + 1 .. year */
    return m->window > 1 ? m->window - 1 : 0;
}

void shi_threat_ctx_free(shi_threat_ctx *c)
{
    if (c) {
        free(c->share);
        free(c->mil);
        free(c->pstart);
        free(c->part);
        free(c);
    }
}

double shi_threat_combine(const shi_threat_model *m, const double comp[SHI_T_N])
{
    double wsum = 0, acc = 0;
    int ncap = m->form == SHI_THREAT_INTERACTIVE ? SHI_T_INTENTIONS : SHI_T_N;
    for (int k = 0; k < ncap; k++) {
        if (isnan(comp[k]) || m->weight[k] <= 0) {
            continue;
        }
        wsum += m->weight[k];
        if (m->form == SHI_THREAT_GEOMETRIC) {
            acc += m->weight[k] * log(comp[k] > 1e-6 ? comp[k] : 1e-6);
        } else {
            acc += m->weight[k] * comp[k];
        }
    }
    if (wsum <= 0) {
        return (double)NAN;
    }
    if (m->form == SHI_THREAT_GEOMETRIC) {
        return exp(acc / wsum);
    }
    if (m->form == SHI_THREAT_ARITHMETIC) {
        return acc / wsum;
    }
    /* Interactive: T = A * H^k, k = 3 w_I / (w_S + w_P + w_O) (Singer 1958 at k = 1). */
    double wcap =
        m->weight[SHI_T_STRENGTH] + m->weight[SHI_T_PROXIMITY] + m->weight[SHI_T_OFFENSIVE];
    double h = comp[SHI_T_INTENTIONS];
    if (isnan(h) || wcap <= 0) {
        return (double)NAN;
    }
    double k = 3 * m->weight[SHI_T_INTENTIONS] / wcap;
    return acc / wsum * (k > 0 ? pow(h, k) : 1.0);
}

/* Hostility remembered over the window: 1 - prod(1 - x_t decay^age), x_t the
 * hostility of year t on [0, 1] (MID level / 5, or UCDP intensity / 2). */
static double remembered(const uint8_t *arr, const shi_dyadic *dy, size_t a, size_t b, int year,
                         int from, double scale, const shi_threat_model *m)
{
    double keep = 1, w = 1;
    for (int t = year; t > year - m->window && t >= from; t--, w *= m->decay) {
        uint8_t h = arr[shi_dy_pair(dy, t, a, b)];
        if (h != SHI_NA_U8 && h > 0) {
            double x = h / scale * w;
            keep *= 1 - (x < 1 ? x : 1);
        }
    }
    return 1 - keep;
}

/* j's defence or offence pacts (ATOP level 3) with i's adversaries: the
 * share of the states in a MID or UCDP conflict with i in the window (other
 * than j) that j is allied to in `year`. */
static double allied_with_adversaries(const shi_threat_ctx *c, const shi_threat_model *m, size_t i,
                                      size_t j, int year, int first)
{
    const shi_dyadic *dy = &c->d->dy;
    uint16_t seen[256];
    size_t nseen = 0, allied = 0;
    for (int t = year; t > year - m->window && t >= first; t--) {
        size_t cell = (size_t)(t - dy->y0) * dy->n + i;
        for (size_t q = c->pstart[cell]; q < c->pstart[cell + 1]; q++) {
            size_t k = c->part[q];
            int dup = k == j || k == i;
            for (size_t r = 0; r < nseen && !dup; r++) {
                dup = seen[r] == k;
            }
            if (dup || nseen == 256) {
                continue;
            }
            seen[nseen++] = (uint16_t)k;
            uint8_t a = dy->ally_level[shi_dy_pair(dy, year, j, k)];
            uint8_t b = dy->ally_level[shi_dy_pair(dy, year, k, j)];
            allied += (a != SHI_NA_U8 && a >= 3) || (b != SHI_NA_U8 && b >= 3);
        }
    }
    return nseen ? (double)allied / (double)nseen : 0.0;
}

/* Intentions of j towards i (si, sj registry indexes); parts into out->intent. */
static void intentions(const shi_threat_ctx *c, const shi_threat_model *m, size_t si, size_t sj,
                       int i, int j, int year, shi_threat *out)
{
    const shi_dyadic *dy = &c->d->dy;
    double *p = out->intent;
    int ended[SHI_TI_N] = {0};
    /* UN ideal-point distance. */
    double ui = dy->ideal[shi_dy_one(dy, year, si)], uj = dy->ideal[shi_dy_one(dy, year, sj)];
    if (!isnan(ui) && !isnan(uj)) {
        double u = fabs(ui - uj);
        p[SHI_TI_UN] = u / (u + m->un_scale);
    }
    ended[SHI_TI_UN] = year > dy->unga_y1;
    /* Disputes and armed conflict, each missing after its source ends. */
    int mid = dy->mid_host && year >= dy->mid_y0 && year <= dy->mid_y1;
    int ucdp = dy->ucdp && year >= dy->ucdp_y0 && year <= dy->ucdp_y1;
    if (mid) {
        p[SHI_TI_DISPUTES] = remembered(dy->mid_host, dy, sj, si, year, dy->mid_y0, 5.0, m);
    }
    ended[SHI_TI_DISPUTES] = !dy->mid_host || year > dy->mid_y1;
    if (ucdp) {
        p[SHI_TI_CONFLICT] = remembered(dy->ucdp, dy, sj, si, year, dy->ucdp_y0, 2.0, m);
    }
    ended[SHI_TI_CONFLICT] = !dy->ucdp || year > dy->ucdp_y1;
    /* Alliances with i's adversaries: ATOP years, and a source of opponents
     * that covers the year (MID from 1816, UCDP from 1946). */
    int ally_ok = year >= dy->ally_y0 && year <= dy->ally_y1;
    if (ally_ok && (mid || ucdp) && c->pstart) {
        int first = mid ? dy->mid_y0 : dy->ucdp_y0;
        p[SHI_TI_ALLIANCES] = allied_with_adversaries(c, m, si, sj, year, first);
        /* Opponents from one source only, because the other has ended. */
        out->partial |= m->intent_weight[SHI_TI_ALLIANCES] > 0 && !mid && year > dy->mid_y1;
    }
    ended[SHI_TI_ALLIANCES] = year > dy->ally_y1;
    /* Events. */
    if (c->d->rel_loaded) {
        if (year >= c->d->rel.ev_y0 && year <= c->d->rel.ev_y1) {
            p[SHI_TI_EVENTS] = shi_rel_conflict(&c->d->rel, j, i, year);
        }
        ended[SHI_TI_EVENTS] = year > c->d->rel.ev_y1;
    }
    double w = 0, acc = 0;
    for (int k = 0; k < SHI_TI_N; k++) {
        if (!isnan(p[k]) && m->intent_weight[k] > 0) {
            w += m->intent_weight[k];
            acc += m->intent_weight[k] * p[k];
        } else if (m->intent_weight[k] > 0 && ended[k]) {
            out->partial = 1;
        }
    }
    double h = w > 0 ? acc / w : (double)NAN;
    /* Suspicion under anarchy: no state is sure of another's intentions
     * (Mearsheimer 2001, ch. 2), so hostility starts at a baseline h0. */
    h = m->baseline + (1 - m->baseline) * h;
    /* Allies: a defence/offence pact between i and j discounts hostility. */
    if (!isnan(h) && ally_ok) {
        uint8_t a = dy->ally_level[shi_dy_pair(dy, year, si, sj)];
        uint8_t b = dy->ally_level[shi_dy_pair(dy, year, sj, si)];
        if ((a != SHI_NA_U8 && a >= 3) || (b != SHI_NA_U8 && b >= 3)) {
            h *= 1 - m->ally_discount;
        }
    }
    out->comp[SHI_T_INTENTIONS] = h;
}

/* The power measure's column in the panel, or -1. */
static long measure_col(const shi_threat_ctx *c, const shi_threat_model *m)
{
    if (!m->measure[0] || strcmp(m->measure, "cinc") == 0) {
        return c->cinc_col;
    }
    return shi_panel_find(&c->d->caps, m->measure);
}

shi_status shi_threat_compute(const shi_threat_ctx *c, const shi_threat_model *m, int i, int j,
                              int year, shi_threat *out, shi_err *err)
{
    for (int k = 0; k < SHI_T_N; k++) {
        out->comp[k] = (double)NAN;
    }
    for (int k = 0; k < SHI_TI_N; k++) {
        out->intent[k] = (double)NAN;
    }
    out->total = (double)NAN;
    out->partial = 0;
    if (i < 1 || i > 999 || j < 1 || j > 999 || c->map[i] < 0 || c->map[j] < 0) {
        return shi_err_set(err, SHI_EUSAGE, "threat: unknown state code %d",
                           (i < 1 || i > 999 || c->map[i] < 0) ? i : j);
    }
    if (i == j) {
        return shi_err_set(err, SHI_EUSAGE, "threat: a state does not threaten itself");
    }
    long col = measure_col(c, m);
    if (col < 0) {
        const shi_power_measure *pm = shi_power_measure_find(m->measure);
        return pm && (pm->parts & SHI_DATA_ECON)
                   ? shi_err_set(err, SHI_EDATA,
                                 "threat: power measure '%s' needs the economic data "
                                 "(SHI_DATA_ECON), which are not loaded",
                                 m->measure)
                   : shi_err_set(err, SHI_EUSAGE, "threat: unknown power measure '%s'", m->measure);
    }
    size_t si = (size_t)c->map[i], sj = (size_t)c->map[j];
    const shi_states *s = &c->d->states;
    if (!shi_states_member(s, &s->v[si], year) || !shi_states_member(s, &s->v[sj], year)) {
        return SHI_OK; /* no dyad that year */
    }
    const shi_dyadic *dy = &c->d->dy;
    int in_dy = year >= dy->y0 && year <= dy->y1;
    int in_caps = year >= c->y0 && year <= c->y1;
    size_t ny = (size_t)(c->y1 - c->y0 + 1);
    /* Power shares of the measure. */
    double pi = (double)NAN, pj = (double)NAN;
    if (in_caps) {
        size_t base = ((size_t)col * ny + (size_t)(year - c->y0)) * c->n;
        pi = c->share[base + si];
        pj = c->share[base + sj];
    }
    /* Strength: S = P_j / (P_i + P_j). */
    if (!isnan(pi) && !isnan(pj) && pi + pj > 0) {
        out->comp[SHI_T_STRENGTH] = pj / (pi + pj);
    }
    /* Distance in miles: capitals; 0 when contiguous by land (EUGene). After
     * the contiguity data end, their last year is used and the total flagged. */
    double miles = (double)NAN;
    if (in_dy) {
        size_t a = shi_dy_one(dy, year, si), b = shi_dy_one(dy, year, sj);
        if (!isnan(dy->cap_lat[a]) && !isnan(dy->cap_lat[b])) {
            miles = shi_great_circle_km(dy->cap_lat[a], dy->cap_lon[a], dy->cap_lat[b],
                                        dy->cap_lon[b]) /
                    SHI_KM_PER_MILE;
        }
        uint8_t ct = dy->contig[shi_dy_pair(dy, year, si, sj)];
        if (ct == SHI_NA_U8 && year > dy->contig_y1 && dy->contig_y1 >= dy->y0) {
            ct = dy->contig[shi_dy_pair(dy, dy->contig_y1, si, sj)];
            out->partial = 1;
        }
        if (ct == 1) {
            miles = 0;
        }
    }
    double mpd = shi_threat_mpd(m, year);
    double x0 = log10(10 - 2.718281828459045);
    /* Proximity as reach: R = P_j^(x(d) - x(0)). */
    if (!isnan(miles) && !isnan(pj)) {
        double xd = log10(miles / mpd + 10 - 2.718281828459045);
        out->comp[SHI_T_PROXIMITY] = pj > 0 ? pow(pj, xd - x0) : 0.0;
    }
    /* Offensive capability at distance, with the second-strike term. */
    if (in_caps && !isnan(miles)) {
        double mi = c->mil[(size_t)(year - c->y0) * c->n + si];
        double mj = c->mil[(size_t)(year - c->y0) * c->n + sj];
        if (!isnan(mi) && !isnan(mj)) {
            double qj = shi_lsg(mj, miles, mpd), qi = shi_lsg(mi, 0, mpd);
            double o = qj + qi > 0 ? qj / (qj + qi) : 0.5;
            if (dy->warheads && in_dy) {
                double wi = dy->warheads[shi_dy_one(dy, year, si)];
                double wj = dy->warheads[shi_dy_one(dy, year, sj)];
                if (!isnan(wi) && !isnan(wj)) {
                    double ni = wi / m->second_strike, nj = wj / m->second_strike;
                    ni = ni < 1 ? ni : 1;
                    nj = nj < 1 ? nj : 1;
                    o = 1 - (1 - o) * (1 - nj * (1 - ni));
                } else if (year >= 1945) {
                    out->partial = 1; /* the stockpile data have ended */
                }
                /* Before 1945 no state had nuclear weapons: no term. */
            }
            out->comp[SHI_T_OFFENSIVE] = o;
        }
    }
    if (in_dy) {
        intentions(c, m, si, sj, i, j, year, out);
    }
    for (int k = 0; k < SHI_T_N; k++) {
        out->partial |= isnan(out->comp[k]) && m->weight[k] > 0 && year > c->y1;
    }
    out->total = shi_threat_combine(m, out->comp);
    return SHI_OK;
}
