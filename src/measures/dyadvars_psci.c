/*
 * dyadvars_psci.c - the peace-science families of shi dyads --add
 * (docs/dyads.md): both states' NMC components, militarized disputes and
 * their peace years, UCDP/PRIO armed conflict, COW dyadic trade, democracy,
 * GDP, shared IGO memberships (COW IGO v3), minimum distance (cshapes 2.0).
 *
 * Disputes are the relations part's `mid_host` and `mid_attr` arrays: each
 * state's highest hostility level and its part (side, origination,
 * revisionism, highest action, fatality level) in its militarized disputes
 * with the other that year, from GML MID 2.1.1 (Gibler, Miller & Little 2016)
 * and, after GML's last year, from COW MID 5.0 incident participants
 * (data_relations.c).
 */
#include <shi/dyadvars.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dyadvars_psci.h"

static const char *const NMC[6] = {"milex", "milper", "irst", "pec", "tpop", "upop"};

/* Carter & Signorino (2010, "Back to the Future", Political Analysis 18(3)):
 * t counts the years since the last event, 0 in the first observed year and in
 * the year after an event; the event year itself holds the count up to it (as
 * btscs in DAMisc and sbtscs in stevemisc, which peacesciencer uses). Years
 * not observed (-1) are passed over: missing, and the count goes on after. */
void shi_peace_spells(const int8_t *event, size_t n, int32_t *spell)
{
    int started = 0, last = 0;
    int32_t t = 0;
    for (size_t y = 0; y < n; y++) {
        if (event[y] < 0) {
            spell[y] = SHI_NA_I32;
            continue;
        }
        t = !started || last ? 0 : t + 1;
        started = 1;
        last = event[y] > 0;
        spell[y] = t;
    }
}

/* The truncated-power cubic terms of a cubic regression spline in the peace
 * years t (Hastie, Tibshirani & Friedman 2009, The Elements of Statistical
 * Learning, 2nd ed., eq. 5.3: h(t) = (t - knot)^3 where t > knot, else 0), at
 * the knots SHI_PEACE_KNOTS. With peaceyears, peaceyears2 and peaceyears3 they
 * span every cubic spline in t with these knots, the smooth time dependence of
 * Beck, Katz & Tucker (1998). */
void shi_peace_splines(int32_t t, int32_t out[3])
{
    static const int32_t knot[3] = SHI_PEACE_KNOTS;
    for (int q = 0; q < 3; q++) {
        if (t == SHI_NA_I32) { /* before any arithmetic: NA is INT32_MIN */
            out[q] = SHI_NA_I32;
            continue;
        }
        int32_t d = t - knot[q];
        out[q] = d > 0 ? d * d * d : 0;
    }
}

/* The parts of each state in its disputes with the other (shi_mida_*): the
 * column stem, its label, and whether it is a 0/1 flag. */
static const struct {
    const char *stem, *label;
    int flag;
} MIDA[6] = {
    {"mid_init", "originated a dispute on side A (GML sidea and orig) against", 1},
    {"mid_sidea", "was on side A (first militarized action) of a dispute with", 1},
    {"mid_orig", "was an originator (from the first day) of a dispute with", 1},
    {"mid_revisionist", "sought to revise the status quo (revstate) against", 1},
    {"mid_hiact", "highest action (0-21, 0 none) against", 0},
    {"mid_fatality", "fatality level of its forces (0 none, 6 over 999) against", 0},
};

static shi_status add_mida_cols(shi_frame *f, psci_cols *k, shi_err *err)
{
    shi_status s = SHI_OK;
    for (int q = 0; q < 6 && s == SHI_OK; q++) {
        for (int w = 0; w < 2 && s == SHI_OK; w++) {
            char name[32], label[112];
            snprintf(name, sizeof name, "%s%d", MIDA[q].stem, w + 1);
            snprintf(label, sizeof label, "State %d %s state %d", w + 1, MIDA[q].label, 2 - w);
            s = shi_frame_add_i32(f, name, label, &k->mida[q][w], err);
            if (s == SHI_OK && MIDA[q].flag) {
                s = shi_frame_set_flag(f, name, err);
            }
        }
    }
    return s;
}

/* One state's parts from its SHI_MIDA_* bits `v` in a dyad-year inside the
 * dispute years: every column 0 without a dispute; an unknown part missing. */
static void mida_row(const psci_cols *k, size_t r, int w, uint16_t v)
{
    int known = !(v & SHI_MIDA_SET) || (v & SHI_MIDA_ORIG_KNOWN);
    unsigned fat = (v >> SHI_MIDA_FATAL_SHIFT) & 7u;
    int rev = v & SHI_MIDA_REV1 ? 1 : v & SHI_MIDA_REV0 || !(v & SHI_MIDA_SET) ? 0 : -1;
    k->mida[0][w][r] = known ? (v & SHI_MIDA_INIT) != 0 : SHI_NA_I32;
    k->mida[1][w][r] = (v & SHI_MIDA_SIDEA) != 0;
    k->mida[2][w][r] = known ? (v & SHI_MIDA_ORIG) != 0 : SHI_NA_I32;
    k->mida[3][w][r] = rev < 0 ? SHI_NA_I32 : rev;
    k->mida[4][w][r] = (int32_t)(v & SHI_MIDA_HIACT);
    k->mida[5][w][r] = !(v & SHI_MIDA_SET)        ? 0
                       : fat == SHI_MIDA_FATAL_NA ? SHI_NA_I32
                                                  : (int32_t)fat;
}

shi_status shi_i_psci_add_cols(shi_frame *f, unsigned mask, psci_cols *k, shi_err *err)
{
    shi_status s = SHI_OK;
    memset(k, 0, sizeof *k);
    for (int w = 0; w < 2 && (mask & SHI_DV_NMC); w++) {
        for (int q = 0; q < 6 && s == SHI_OK; q++) {
            char name[16], label[64];
            snprintf(name, sizeof name, "%s%d", NMC[q], w + 1);
            snprintf(label, sizeof label, "COW NMC %s of state %d", NMC[q], w + 1);
            s = shi_frame_add_f64(f, name, label, 0, &k->nmc[w][q], err);
        }
    }
    if (s == SHI_OK && (mask & SHI_DV_MIDS) &&
        ((s = shi_frame_add_i32(f, "mid_ongoing", "A militarized dispute between 1 and 2 (GML)",
                                &k->ongoing, err)) ||
         (s = shi_frame_add_i32(f, "mid_hostlev1",
                                "Highest hostility level of 1 against 2 (0 none, 1-5)", &k->host1,
                                err)) ||
         (s = shi_frame_add_i32(f, "mid_hostlev2",
                                "Highest hostility level of 2 against 1 (0 none, 1-5)", &k->host2,
                                err)) ||
         (s = shi_frame_add_i32(f, "mid_onset",
                                "A dispute between 1 and 2 began this year (GML; MID 5.0 after)",
                                &k->onset, err)) ||
         (s = shi_frame_set_flag(f, "mid_ongoing", err)) ||
         (s = shi_frame_set_flag(f, "mid_onset", err)))) {
        return s;
    }
    if (s == SHI_OK && (mask & SHI_DV_MIDS)) {
        s = add_mida_cols(f, k, err);
    }
    if (s == SHI_OK && (mask & SHI_DV_PEACE) &&
        ((s = shi_frame_add_i32(f, "peaceyears", "Years since the last dispute onset", &k->py[0],
                                err)) ||
         (s = shi_frame_add_i32(f, "peaceyears2", "peaceyears squared", &k->py[1], err)) ||
         (s = shi_frame_add_i32(f, "peaceyears3", "peaceyears cubed", &k->py[2], err)))) {
        return s;
    }
    for (int q = 0; q < 3 && s == SHI_OK && (mask & SHI_DV_PEACE); q++) {
        static const char *const sn[3] = {"spline1", "spline2", "spline3"};
        static const char *const sl[3] = {"(peaceyears - 1)^3 where positive, else 0",
                                          "(peaceyears - 4)^3 where positive, else 0",
                                          "(peaceyears - 7)^3 where positive, else 0"};
        s = shi_frame_add_i32(f, sn[q], sl[q], &k->spl[q], err);
    }
    if (s == SHI_OK && (mask & SHI_DV_UCDP) &&
        ((s = shi_frame_add_i32(f, "ucdp_ongoing",
                                "UCDP/PRIO armed conflict with 1 and 2 on opposite sides",
                                &k->ucdp_on, err)) ||
         (s = shi_frame_add_i32(f, "ucdp_intensity", "UCDP/PRIO intensity (0 none, 1 minor, 2 war)",
                                &k->ucdp_int, err)) ||
         (s = shi_frame_add_i32(f, "ucdp_onset",
                                "A UCDP/PRIO conflict between 1 and 2 began (none active the "
                                "year before)",
                                &k->ucdp_onset, err)) ||
         (s = shi_frame_set_flag(f, "ucdp_ongoing", err)) ||
         (s = shi_frame_set_flag(f, "ucdp_onset", err)))) {
        return s;
    }
    if (s == SHI_OK && (mask & SHI_DV_TRADE) &&
        ((s = shi_frame_add_f64(f, "flow1", "Imports of 1 from 2, millions of current US$ (COW)", 3,
                                &k->flow1, err)) ||
         (s = shi_frame_add_f64(f, "flow2", "Imports of 2 from 1, millions of current US$ (COW)", 3,
                                &k->flow2, err)) ||
         (s = shi_frame_add_f64(f, "dep1", "Trade dependence of 1: (flow1 + flow2) / gdp1", 6,
                                &k->dep[0], err)) ||
         (s = shi_frame_add_f64(f, "dep2", "Trade dependence of 2: (flow1 + flow2) / gdp2", 6,
                                &k->dep[1], err)))) {
        return s;
    }
    static const char *const dn[6] = {"polity2_1",  "polity2_2",   "polyarchy1",
                                      "polyarchy2", "polity2_min", "polyarchy_min"};
    static const char *const dl[6] = {"Polity5 polity2 of state 1",
                                      "Polity5 polity2 of state 2",
                                      "V-Dem v2x_polyarchy of state 1",
                                      "V-Dem v2x_polyarchy of state 2",
                                      "Weak link: the lower polity2 of the two",
                                      "Weak link: the lower polyarchy of the two"};
    for (int q = 0; q < 6 && s == SHI_OK && (mask & SHI_DV_DEMO); q++) {
        s = shi_frame_add_f64(f, dn[q], dl[q], q == 0 || q == 1 || q == 4 ? 0 : 3, &k->demo[q],
                              err);
    }
    static const char *const gn[4] = {"gdp1", "gdp2", "gdppc1", "gdppc2"};
    static const char *const gl[4] = {
        "GDP of state 1, millions of constant 2015 US$ (WDI; Maddison spliced before it)",
        "GDP of state 2, millions of constant 2015 US$ (WDI; Maddison spliced before it)",
        "GDP per person of state 1, constant 2015 US$",
        "GDP per person of state 2, constant 2015 US$"};
    for (int q = 0; q < 4 && s == SHI_OK && (mask & SHI_DV_GDP); q++) {
        s = shi_frame_add_f64(f, gn[q], gl[q], q < 2 ? 1 : 0, &k->gdp[q], err);
    }
    if (s == SHI_OK && (mask & SHI_DV_MINDIST)) {
        s = shi_frame_add_f64(f, "mindist_km",
                              "Minimum distance between the territories of 1 and 2 on 1 January, "
                              "km (cshapes 2.0; 0 when they touch)",
                              3, &k->mindist, err);
    }
    if (s == SHI_OK && (mask & SHI_DV_IGOS)) {
        s = shi_frame_add_i32(f, "igo_shared",
                              "IGOs in which 1 and 2 are both full members (COW IGO v3)", &k->igo,
                              err);
    }
    return s;
}

/* The dense peace-year array: per unordered pair, the years both are members
 * and inside the onset years (GML, then MID 5.0) are observed; the others are
 * passed over. */
static shi_status make_spells(psci_ctx *c, shi_err *err)
{
    const shi_dyadic *dy = &c->d->dy;
    const shi_states *s = &c->d->states;
    size_t n = dy->n, ny = (size_t)(dy->y1 - dy->y0 + 1);
    c->spell = malloc(ny * n * n * sizeof *c->spell);
    int32_t *t = calloc(n * n, sizeof *t);
    uint8_t *state = calloc(n * n, 1); /* bit 0 started, bit 1 last year had an event */
    uint8_t *mem = malloc(n);
    if (!c->spell || !t || !state || !mem) {
        free(t);
        free(state);
        free(mem);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (int y = dy->y0; y <= dy->y1; y++) {
        for (size_t i = 0; i < n; i++) {
            mem[i] = (uint8_t)shi_states_member(s, &s->v[i], y);
        }
        int in = y >= dy->onset_y0 && y <= dy->onset_y1;
        int16_t *out = c->spell + shi_dy_pair(dy, y, 0, 0);
        for (size_t i = 0; i < n; i++) {
            for (size_t j = i + 1; j < n; j++) {
                size_t p = i * n + j;
                int16_t v = -1;
                if (in && mem[i] && mem[j]) {
                    /* The step of shi_peace_spells. */
                    t[p] = !(state[p] & 1) || (state[p] & 2) ? 0 : t[p] + 1;
                    /* The event is a dispute onset (peacesciencer's gmlmidspell). */
                    int ev = dy->mid_onset[shi_dy_pair(dy, y, i, j)] == 1;
                    state[p] = (uint8_t)(1 | (ev ? 2 : 0));
                    v = (int16_t)t[p];
                }
                out[i * n + j] = out[j * n + i] = v;
            }
            out[i * n + i] = -1;
        }
    }
    free(t);
    free(state);
    free(mem);
    return SHI_OK;
}

shi_status shi_i_psci_init(psci_ctx *c, const shi_data *d, unsigned mask, shi_err *err)
{
    memset(c, 0, sizeof *c);
    c->d = d;
    for (int q = 0; q < 6; q++) {
        c->nmc_col[q] = shi_data_col(d, NMC[q]);
        if ((mask & SHI_DV_NMC) && c->nmc_col[q] < 0) {
            return shi_err_set(err, SHI_EINTERNAL, "dyads: the panel has no column '%s'", NMC[q]);
        }
    }
    c->demo_col[0] = shi_data_col(d, "polity2");
    c->demo_col[1] = shi_data_col(d, "polyarchy");
    c->gdp_col[0] = shi_data_col(d, "gdp");
    c->gdp_col[1] = shi_data_col(d, "gdppc");
    /* Like the vetoes: without the relations (shi_dyadvars_need_relations)
     * these columns stay missing. */
    c->have_rel = d->rel_loaded && d->dy_loaded && d->dy.mid_host && d->dy.ucdp && d->dy.mid_onset;
    return (mask & SHI_DV_PEACE) && c->have_rel ? make_spells(c, err) : SHI_OK;
}

void shi_i_psci_free(psci_ctx *c)
{
    free(c->spell);
    c->spell = NULL;
}

static int32_t code(uint8_t v)
{
    return v == SHI_NA_U8 ? SHI_NA_I32 : v;
}

void shi_i_psci_row(const psci_ctx *c, const psci_cols *k, const shi_frame *f, size_t r,
                    unsigned mask, long a, long b)
{
    int y = f->cols[0].i32[r];
    /* Both states' rows of the state-year panel, looked up once for the
     * families that read it (a binary search each). */
    const shi_panel *p = &c->d->caps;
    long row[2] = {-1, -1};
    if (mask & (SHI_DV_NMC | SHI_DV_DEMO | SHI_DV_GDP | SHI_DV_TRADE)) {
        row[0] = shi_panel_row(p, f->cols[1].i32[r], y);
        row[1] = shi_panel_row(p, f->cols[2].i32[r], y);
    }
    if (mask & SHI_DV_NMC) {
        for (int w = 0; w < 2; w++) {
            for (int q = 0; q < 6 && row[w] >= 0; q++) {
                if (shi_panel_ok(p, (size_t)c->nmc_col[q], (size_t)row[w])) {
                    k->nmc[w][q][r] = shi_panel_get(p, (size_t)c->nmc_col[q], (size_t)row[w]);
                }
            }
        }
    }
    if ((mask & SHI_DV_DEMO) && c->demo_col[0] >= 0 && c->demo_col[1] >= 0) {
        for (int q = 0; q < 2; q++) { /* q: polity2, polyarchy */
            double v[2] = {(double)NAN, (double)NAN};
            for (int w = 0; w < 2; w++) {
                if (row[w] >= 0 && shi_panel_ok(p, (size_t)c->demo_col[q], (size_t)row[w])) {
                    v[w] = shi_panel_get(p, (size_t)c->demo_col[q], (size_t)row[w]);
                }
                k->demo[2 * q + w][r] = v[w];
            }
            /* The weak link (Dixon 1994): the less democratic side; missing
             * when either is. */
            k->demo[4 + q][r] = isnan(v[0]) || isnan(v[1]) ? (double)NAN : fmin(v[0], v[1]);
        }
    }
    if ((mask & SHI_DV_GDP) && c->gdp_col[0] >= 0 && c->gdp_col[1] >= 0) {
        for (int q = 0; q < 2; q++) { /* q: gdp, gdppc */
            for (int w = 0; w < 2; w++) {
                if (row[w] >= 0 && shi_panel_ok(p, (size_t)c->gdp_col[q], (size_t)row[w])) {
                    k->gdp[2 * q + w][r] = shi_panel_get(p, (size_t)c->gdp_col[q], (size_t)row[w]);
                }
            }
        }
    }
    /* The geographic part of the data (shi_dyadvars_need_geo); without it missing. */
    if ((mask & SHI_DV_MINDIST) && c->d->geo_loaded) {
        k->mindist[r] = shi_geo_mindist(&c->d->geo, f->cols[1].i32[r], f->cols[2].i32[r], y);
    }
    if (!c->have_rel) {
        return;
    }
    if (mask & SHI_DV_TRADE) {
        double x, z;
        shi_rel_trade(&c->d->rel, f->cols[1].i32[r], f->cols[2].i32[r], y, &x, &z);
        k->flow1[r] = x;
        k->flow2[r] = z;
        /* Oneal & Russett (1997): the dyad's trade over each state's GDP;
         * missing where a flow or the GDP is (NaN propagates). */
        for (int w = 0; w < 2 && c->gdp_col[0] >= 0; w++) {
            if (row[w] >= 0 && shi_panel_ok(p, (size_t)c->gdp_col[0], (size_t)row[w])) {
                double g = shi_panel_get(p, (size_t)c->gdp_col[0], (size_t)row[w]);
                k->dep[w][r] = g > 0 ? (x + z) / g : (double)NAN;
            }
        }
    }
    const shi_dyadic *dy = &c->d->dy;
    if (a < 0 || b < 0 || !(mask & (SHI_DV_MIDS | SHI_DV_PEACE | SHI_DV_UCDP | SHI_DV_IGOS)) ||
        y < dy->y0 || y > dy->y1) {
        return;
    }
    if (mask & SHI_DV_MIDS) {
        int32_t h1 = code(dy->mid_host[shi_dy_pair(dy, y, (size_t)a, (size_t)b)]),
                h2 = code(dy->mid_host[shi_dy_pair(dy, y, (size_t)b, (size_t)a)]);
        k->host1[r] = h1;
        k->host2[r] = h2;
        k->ongoing[r] = h1 == SHI_NA_I32 || h2 == SHI_NA_I32 ? SHI_NA_I32 : (h1 > 0 || h2 > 0);
        if (dy->mid_onset) {
            k->onset[r] = code(dy->mid_onset[shi_dy_pair(dy, y, (size_t)a, (size_t)b)]);
        }
        if (dy->mid_attr && h1 != SHI_NA_I32 && h2 != SHI_NA_I32) {
            mida_row(k, r, 0, dy->mid_attr[shi_dy_pair(dy, y, (size_t)a, (size_t)b)]);
            mida_row(k, r, 1, dy->mid_attr[shi_dy_pair(dy, y, (size_t)b, (size_t)a)]);
        }
    }
    if (mask & SHI_DV_PEACE) {
        int16_t t = c->spell[shi_dy_pair(dy, y, (size_t)a, (size_t)b)];
        if (t >= 0) {
            k->py[0][r] = t;
            k->py[1][r] = t * t;
            k->py[2][r] = t * t * t;
            int32_t sp[3];
            shi_peace_splines(t, sp);
            for (int q = 0; q < 3; q++) {
                k->spl[q][r] = sp[q];
            }
        }
    }
    if (mask & SHI_DV_UCDP) {
        int32_t v = code(dy->ucdp[shi_dy_pair(dy, y, (size_t)a, (size_t)b)]);
        k->ucdp_int[r] = v;
        k->ucdp_on[r] = v == SHI_NA_I32 ? SHI_NA_I32 : v > 0;
        /* Onset (the UCDP rule of a new conflict or a recurrence after at
         * least one calendar year without 25 battle deaths, per dyad): active
         * this year and not the year before. In UCDP's first year the year
         * before is unknown: an active dyad's onset is missing there. */
        if (v != SHI_NA_I32) {
            int32_t prev = y - 1 >= dy->y0 && y - 1 >= dy->ucdp_y0
                               ? code(dy->ucdp[shi_dy_pair(dy, y - 1, (size_t)a, (size_t)b)])
                               : SHI_NA_I32;
            k->ucdp_onset[r] = v == 0 ? 0 : prev == SHI_NA_I32 ? SHI_NA_I32 : prev == 0;
        }
    }
    if ((mask & SHI_DV_IGOS) && dy->igo) {
        k->igo[r] = code(dy->igo[shi_dy_pair(dy, y, (size_t)a, (size_t)b)]);
    }
}
