/*
 * dyadvars.c - variables of dyad-years (see include/shi/dyadvars.h and
 * docs/dyads.md). Per-year dense lookups make every row O(1), except the
 * similarity family, which is O(states) per row; rows are split over threads
 * by year and each row is written in place, so the output does not depend on
 * the number of threads.
 */
#include "dyadvars_eu.h"

#include <shi/dyadvars.h>
#include <shi/dyads.h>
#include <shi/geography.h>
#include <shi/similarity.h>
#include <shi/threat.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#    include <omp.h>
#endif

#include "dyadvars_psci.h"

#define MILES_PER_KM (1.0 / SHI_KM_PER_MILE)

/* The families, one row each (an alias, listed after its name, is left out
 * of the message of an unknown name); "all" last. */
/* The family bits are merged from several sources (the base families, the
 * peace-science ones, expected utility): a bit used twice would make one
 * family add another's columns, so the build checks that they are distinct. */
_Static_assert((SHI_DV_ALL & (SHI_DV_EU | SHI_DV_WR | SHI_DV_RISK)) == 0 &&
                   (SHI_DV_EU & SHI_DV_WR) == 0 && ((SHI_DV_EU | SHI_DV_WR) & SHI_DV_RISK) == 0,
               "dyad variable families share a bit");

static const struct {
    const char *name;
    unsigned bit;
    int alias;
} FAMILIES[] = {
    {"cinc", SHI_DV_CINC, 0},
    {"major", SHI_DV_MAJOR, 0},
    {"contiguity", SHI_DV_CONTIG, 0},
    {"contig", SHI_DV_CONTIG, 1},
    {"distance", SHI_DV_DISTANCE, 0},
    {"alliance", SHI_DV_ALLIANCE, 0},
    {"sim", SHI_DV_SIM, 0},
    {"ideal", SHI_DV_IDEAL, 0},
    {"threat", SHI_DV_THREAT, 0},
    {"vetoes", SHI_DV_VETO, 0},
    {"nmc", SHI_DV_NMC, 0},
    {"mids", SHI_DV_MIDS, 0},
    {"peaceyears", SHI_DV_PEACE, 0},
    {"ucdp", SHI_DV_UCDP, 0},
    {"trade", SHI_DV_TRADE, 0},
    {"democracy", SHI_DV_DEMO, 0},
    {"gdp", SHI_DV_GDP, 0},
    {"igos", SHI_DV_IGOS, 0},
    {"mindist", SHI_DV_MINDIST, 0},
    {"all", SHI_DV_ALL, 0},
    {"eu", SHI_DV_EU, 0},
    {"wr", SHI_DV_WR, 0},
    {"risk", SHI_DV_RISK, 0},
};
#define NFAM (sizeof FAMILIES / sizeof FAMILIES[0])

shi_status shi_dyadvars_parse(const char *list, unsigned *mask, shi_err *err)
{
    *mask = 0;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        unsigned bit = 0;
        for (size_t k = 0; k < NFAM; k++) {
            if (strlen(FAMILIES[k].name) == len && strncmp(FAMILIES[k].name, p, len) == 0) {
                bit = FAMILIES[k].bit;
            }
        }
        if (!bit) {
            char valid[320] = "";
            for (size_t k = 0, at = 0; k < NFAM && at < sizeof valid; k++) {
                if (!FAMILIES[k].alias) {
                    at += (size_t)snprintf(valid + at, sizeof valid - at, "%s%s", k ? ", " : "",
                                           FAMILIES[k].name);
                }
            }
            return shi_err_set(err, SHI_EUSAGE,
                               "--add: unknown variable family '%.*s'; valid families are %s",
                               (int)len, p, valid);
        }
        *mask |= bit;
        p = e ? e + 1 : p + len;
    }
    return SHI_OK;
}

int shi_dyadvars_need_econ(unsigned mask)
{
    /* trade: the dependence divides by GDP */
    return (mask & (SHI_DV_DEMO | SHI_DV_GDP | SHI_DV_TRADE)) != 0;
}

int shi_dyadvars_need_relations(unsigned mask)
{
    return (mask & (SHI_DV_THREAT | SHI_DV_VETO | SHI_DV_MIDS | SHI_DV_PEACE | SHI_DV_UCDP |
                    SHI_DV_TRADE | SHI_DV_IGOS)) != 0;
}

int shi_dyadvars_need_geo(unsigned mask)
{
    return (mask & SHI_DV_MINDIST) != 0;
}

int shi_dyadvars_need_dyadic(unsigned mask)
{
    return (mask & (SHI_DV_CONTIG | SHI_DV_DISTANCE | SHI_DV_ALLIANCE | SHI_DV_SIM | SHI_DV_IDEAL |
                    SHI_DV_EU | SHI_DV_WR | SHI_DV_RISK)) != 0;
}

/* The parts of the data view and the options the variables use. */
typedef struct dv_input {
    const shi_data *d;
    const shi_states *states;
    const shi_panel *caps;
    size_t cinc;
    const shi_dyadic *dy;     /* NULL when not loaded */
    const shi_relations *rel; /* NULL when not loaded */
    int threads;
    const shi_threat_model *model;
    void (*progress)(void *arg, size_t done, size_t total);
    void *progress_arg;
    int psci_distance;
    const shi_dyadvars_opts *opts;
} dv_input;

/* Per-run lookups: registry index of a COW code; CINC and major status by
 * (year, index). */
typedef struct ctx {
    const dv_input *in;
    long map[1000];
    int y0, y1; /* years of the frame */
    size_t n;   /* registry size */
    double *cinc;
    uint8_t *major;
} ctx;

static size_t one(const ctx *c, int year, long i)
{
    return (size_t)(year - c->y0) * c->n + (size_t)i;
}

static shi_status ctx_init(ctx *c, const shi_frame *f, const dv_input *in, shi_err *err)
{
    memset(c, 0, sizeof *c);
    c->in = in;
    c->n = in->states->n;
    for (int k = 0; k < 1000; k++) {
        c->map[k] = -1;
    }
    for (size_t i = 0; i < c->n; i++) {
        c->map[in->states->v[i].ccode] = (long)i;
    }
    c->y0 = f->nrow ? f->cols[0].i32[0] : 0;
    c->y1 = f->nrow ? f->cols[0].i32[f->nrow - 1] : -1;
    size_t ny = (size_t)(c->y1 - c->y0 + 1);
    size_t cells = ny * c->n > 0 ? ny * c->n : 1;
    c->cinc = malloc(cells * sizeof *c->cinc);
    c->major = malloc(cells);
    if (!c->cinc || !c->major) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (int y = c->y0; y <= c->y1; y++) {
        for (size_t i = 0; i < c->n; i++) {
            const shi_state *st = &in->states->v[i];
            long row = in->caps ? shi_panel_row(in->caps, st->ccode, y) : -1;
            c->cinc[one(c, y, (long)i)] =
                row >= 0 ? shi_panel_get(in->caps, in->cinc, (size_t)row) : (double)NAN;
            c->major[one(c, y, (long)i)] = (uint8_t)shi_states_major(in->states, st, y);
        }
    }
    return SHI_OK;
}

static void ctx_destroy(ctx *c)
{
    free(c->cinc);
    free(c->major);
}

/* Column pointers of every family (NULL when not requested). */
typedef struct cols {
    double *cinc1, *cinc2, *share1;
    int32_t *major1, *major2;
    int32_t *conttype;
    double *km, *mi;
    int32_t *level, *flag[5];
    double *s[8], *taub, *kappa, *pi, *pi_sq;
    double *ideal1, *ideal2, *idist, *agree;
    double *threat, *tcomp[SHI_T_N];
    int32_t *tpartial;
    int32_t *vn1, *vn2, *vjoint;
    double *vc12, *vc21;
    psci_cols ps; /* nmc, mids, peaceyears, ucdp, trade */
} cols;

/* Alliance-portfolio similarity over the system of one year: a dense matrix of
 * levels among that year's members (symmetrised: the stronger of the two
 * directions), capability weights, and each member's region. */
typedef struct simyear {
    size_t m;         /* members */
    long *pos;        /* registry index -> position among members, or -1 */
    uint8_t *lev;     /* m x m levels; the diagonal is 3 (each state allied with itself) */
    double *w;        /* capability weights (CINC; 0 when missing) */
    uint8_t *region;  /* region of each member */
    uint8_t *ga, *gb; /* gather buffers for regional subsets */
    double *gw;
    int ok; /* the year is inside the alliance data */
} simyear;

static void simyear_free(simyear *y)
{
    free(y->pos);
    free(y->lev);
    free(y->w);
    free(y->region);
    free(y->ga);
    free(y->gb);
    free(y->gw);
    memset(y, 0, sizeof *y);
}

static int simyear_make(simyear *sy, const ctx *c, int year)
{
    const shi_dyadic *dy = c->in->dy;
    const shi_states *s = c->in->states;
    memset(sy, 0, sizeof *sy);
    sy->pos = malloc(c->n * sizeof *sy->pos);
    size_t *idx = malloc(c->n * sizeof *idx);
    if (!sy->pos || !idx) {
        free(idx);
        return -1;
    }
    for (size_t i = 0; i < c->n; i++) {
        sy->pos[i] = -1;
        if (shi_states_member(s, &s->v[i], year)) {
            sy->pos[i] = (long)sy->m;
            idx[sy->m++] = i;
        }
    }
    sy->ok = year >= dy->ally_y0 && year <= dy->ally_y1 && year >= dy->y0 && year <= dy->y1;
    size_t m = sy->m;
    sy->lev = malloc(m > 0 ? m * m : 1);
    sy->w = malloc((m ? m : 1) * sizeof *sy->w);
    sy->region = malloc(m ? m : 1);
    sy->ga = malloc(m ? m : 1);
    sy->gb = malloc(m ? m : 1);
    sy->gw = malloc((m ? m : 1) * sizeof *sy->gw);
    if (!sy->lev || !sy->w || !sy->region || !sy->ga || !sy->gb || !sy->gw) {
        free(idx);
        return -1;
    }
    for (size_t p = 0; p < m; p++) {
        double w = c->cinc[one(c, year, (long)idx[p])];
        sy->w[p] = isnan(w) ? 0 : w;
        sy->region[p] = (uint8_t)shi_region_of(s->v[idx[p]].ccode);
        for (size_t q = 0; q < m; q++) {
            uint8_t v = 3;
            if (p != q && sy->ok) {
                uint8_t a = dy->ally_level[shi_dy_pair(dy, year, idx[p], idx[q])];
                uint8_t b = dy->ally_level[shi_dy_pair(dy, year, idx[q], idx[p])];
                a = a == SHI_NA_U8 ? 0 : a;
                b = b == SHI_NA_U8 ? 0 : b;
                v = a > b ? a : b;
            }
            sy->lev[p * m + q] = v;
        }
    }
    free(idx);
    return 0;
}

static void sim_row(const simyear *sy, long pa, long pb, const cols *k, size_t r)
{
    if (!sy->ok || pa < 0 || pb < 0) {
        return; /* stays missing */
    }
    size_t m = sy->m;
    const uint8_t *a = sy->lev + (size_t)pa * m, *b = sy->lev + (size_t)pb * m;
    shi_similarity g, rg;
    if (shi_similarity_compute(a, b, sy->w, m, 3, &g, NULL) != SHI_OK) {
        return;
    }
    /* Regional: the states of the members' regions (either one). */
    uint8_t ra = sy->region[pa], rb = sy->region[pb];
    size_t n = 0;
    for (size_t q = 0; q < m; q++) {
        if (sy->region[q] == ra || sy->region[q] == rb) {
            sy->ga[n] = a[q];
            sy->gb[n] = b[q];
            sy->gw[n] = sy->w[q];
            n++;
        }
    }
    int have_reg = shi_similarity_compute(sy->ga, sy->gb, sy->gw, n, 3, &rg, NULL) == SHI_OK;
    k->s[0][r] = g.s_abs;
    k->s[1][r] = g.s_sq;
    k->s[2][r] = g.s_abs_w;
    k->s[3][r] = g.s_sq_w;
    if (have_reg) {
        k->s[4][r] = rg.s_abs;
        k->s[5][r] = rg.s_sq;
        k->s[6][r] = rg.s_abs_w;
        k->s[7][r] = rg.s_sq_w;
    }
    k->taub[r] = g.tau_b;
    k->kappa[r] = g.kappa_sq;
    k->pi[r] = g.pi_nom;
    k->pi_sq[r] = g.pi_sq;
}

static void fill_row(const ctx *c, const cols *k, const shi_frame *f, size_t r, unsigned mask,
                     const shi_threat_ctx *tc, const shi_threat_model *tm)
{
    if ((mask & SHI_DV_THREAT) && tc) {
        shi_threat th;
        if (shi_threat_compute(tc, tm, f->cols[1].i32[r], f->cols[2].i32[r], f->cols[0].i32[r], &th,
                               NULL) == SHI_OK) {
            k->threat[r] = th.total;
            k->tpartial[r] = th.partial;
            for (int q = 0; q < SHI_T_N; q++) {
                k->tcomp[q][r] = th.comp[q];
            }
        }
    }
    int y = f->cols[0].i32[r];
    if ((mask & SHI_DV_VETO) && c->in->rel) {
        int n1, n2,
            j = shi_rel_vetoes(c->in->rel, f->cols[1].i32[r], f->cols[2].i32[r], y, &n1, &n2);
        if (j >= 0) {
            k->vn1[r] = n1;
            k->vn2[r] = n2;
            k->vjoint[r] = j;
            k->vc12[r] = n1 > 0 ? (double)j / n1 : (double)NAN;
            k->vc21[r] = n2 > 0 ? (double)j / n2 : (double)NAN;
        }
    }
    long a = c->map[f->cols[1].i32[r]], b = c->map[f->cols[2].i32[r]];
    if (a < 0 || b < 0) {
        return;
    }
    if (mask & SHI_DV_CINC) {
        double x = c->cinc[one(c, y, a)], z = c->cinc[one(c, y, b)];
        k->cinc1[r] = x;
        k->cinc2[r] = z;
        k->share1[r] = x + z > 0 ? x / (x + z) : (double)NAN;
    }
    if (mask & SHI_DV_MAJOR) {
        k->major1[r] = c->major[one(c, y, a)];
        k->major2[r] = c->major[one(c, y, b)];
    }
    const shi_dyadic *dy = c->in->dy;
    if (!dy || y < dy->y0 || y > dy->y1) {
        return;
    }
    size_t pr = shi_dy_pair(dy, y, (size_t)a, (size_t)b);
    if (mask & SHI_DV_CONTIG) {
        uint8_t v = dy->contig[pr];
        k->conttype[r] = v == SHI_NA_U8 ? SHI_NA_I32 : v;
    }
    if (mask & SHI_DV_DISTANCE) {
        size_t ia = shi_dy_one(dy, y, (size_t)a), ib = shi_dy_one(dy, y, (size_t)b);
        if (!isnan(dy->cap_lat[ia]) && !isnan(dy->cap_lat[ib])) {
            double km =
                c->in->psci_distance
                    ? shi_vincenty_sphere_km(dy->cap_lat[ia], dy->cap_lon[ia], dy->cap_lat[ib],
                                             dy->cap_lon[ib], SHI_WGS84_A_M)
                    : shi_great_circle_km(dy->cap_lat[ia], dy->cap_lon[ia], dy->cap_lat[ib],
                                          dy->cap_lon[ib]);
            k->km[r] = km;
            k->mi[r] = km * MILES_PER_KM;
        }
    }
    if (mask & SHI_DV_ALLIANCE) {
        uint8_t lv = dy->ally_level[pr], fl = dy->ally[pr];
        k->level[r] = lv == SHI_NA_U8 ? SHI_NA_I32 : lv;
        for (int q = 0; q < 5; q++) {
            k->flag[q][r] = fl == SHI_NA_U8 ? SHI_NA_I32 : (fl >> q) & 1;
        }
    }
    if (mask & SHI_DV_IDEAL) {
        size_t ia = shi_dy_one(dy, y, (size_t)a), ib = shi_dy_one(dy, y, (size_t)b);
        double x = dy->ideal[ia], z = dy->ideal[ib];
        k->ideal1[r] = x;
        k->ideal2[r] = z;
        k->idist[r] = fabs(x - z); /* NaN when either is missing */
        /* Agreement is only in the file for six reference states. */
        for (int q = 0; q < SHI_DY_NREF; q++) {
            if (f->cols[2].i32[r] == dy->agree_ref[q]) {
                k->agree[r] = dy->agree[q][ia];
            } else if (f->cols[1].i32[r] == dy->agree_ref[q]) {
                k->agree[r] = dy->agree[q][ib];
            }
        }
    }
}

/* Value labels of the categorical codes and the 0/1 flags, for Stata (a
 * .dta shows "land" rather than 1); the other writers ignore them. */
static shi_status label_codes(shi_frame *f, unsigned mask, shi_err *err)
{
    static const shi_value_label conttype[] = {{0, "none"},
                                               {1, "land"},
                                               {2, "sea, up to 12 miles"},
                                               {3, "sea, 13-24 miles"},
                                               {4, "sea, 25-150 miles"},
                                               {5, "sea, 151-400 miles"}};
    static const shi_value_label level[] = {{0, "none"},
                                            {1, "consultation only"},
                                            {2, "neutrality or non-aggression"},
                                            {3, "defense or offense"}};
    static const shi_value_label noyes[] = {{0, "no"}, {1, "yes"}};
    static const char *const flags[] = {"major1",       "major2",       "atop_defense",
                                        "atop_offense", "atop_neutral", "atop_nonagg",
                                        "atop_consul"};
    shi_status s = SHI_OK;
    if (mask & SHI_DV_CONTIG) {
        s = shi_frame_set_labels(f, "conttype", "conttype", conttype, 6, err);
    }
    if (s == SHI_OK && (mask & SHI_DV_ALLIANCE)) {
        s = shi_frame_set_labels(f, "atop_level", "atop_level", level, 4, err);
    }
    for (size_t i = 0; i < sizeof flags / sizeof flags[0] && s == SHI_OK; i++) {
        if (shi_frame_find(f, flags[i]) >= 0 &&
            (s = shi_frame_set_flag(f, flags[i], err)) == SHI_OK) {
            s = shi_frame_set_labels(f, flags[i], "noyes", noyes, 2, err);
        }
    }
    return s;
}

static shi_status add_cols(shi_frame *f, unsigned mask, cols *k, shi_err *err)
{
    static const char *const flag_names[5] = {"atop_defense", "atop_offense", "atop_neutral",
                                              "atop_nonagg", "atop_consul"};
    static const char *const flag_labels[5] = {"ATOP: 1 has a defense obligation towards 2",
                                               "ATOP: 1 has an offense obligation towards 2",
                                               "ATOP: 1 has a neutrality obligation towards 2",
                                               "ATOP: 1 has a non-aggression obligation towards 2",
                                               "ATOP: 1 has a consultation obligation towards 2"};
    static const char *const s_names[8] = {"s_un_abs",     "s_un_sq",      "s_wt_abs",
                                           "s_wt_sq",      "s_un_abs_reg", "s_un_sq_reg",
                                           "s_wt_abs_reg", "s_wt_sq_reg"};
    static const char *const s_labels[8] = {"S, unweighted, absolute, global",
                                            "S, unweighted, squared, global",
                                            "S, capability-weighted, absolute, global",
                                            "S, capability-weighted, squared, global",
                                            "S, unweighted, absolute, regional",
                                            "S, unweighted, squared, regional",
                                            "S, capability-weighted, absolute, regional",
                                            "S, capability-weighted, squared, regional"};
    shi_status s = SHI_OK;
    memset(k, 0, sizeof *k);
    if ((mask & SHI_DV_CINC) &&
        ((s = shi_frame_add_f64(f, "cinc1", "CINC of state 1", 6, &k->cinc1, err)) ||
         (s = shi_frame_add_f64(f, "cinc2", "CINC of state 2", 6, &k->cinc2, err)) ||
         (s = shi_frame_add_f64(f, "cap_share1", "cinc1 / (cinc1 + cinc2)", 4, &k->share1, err)))) {
        return s;
    }
    if ((mask & SHI_DV_MAJOR) &&
        ((s = shi_frame_add_i32(f, "major1", "State 1 is a COW major power", &k->major1, err)) ||
         (s = shi_frame_add_i32(f, "major2", "State 2 is a COW major power", &k->major2, err)))) {
        return s;
    }
    if ((mask & SHI_DV_CONTIG) &&
        (s = shi_frame_add_i32(f, "conttype",
                               "COW direct contiguity type (0 none, 1 land, 2-5 sea)", &k->conttype,
                               err))) {
        return s;
    }
    if ((mask & SHI_DV_DISTANCE) &&
        ((s = shi_frame_add_f64(f, "capdist_km", "Distance between capitals on 1 January, km", 1,
                                &k->km, err)) ||
         (s = shi_frame_add_f64(f, "capdist_mi", "Distance between capitals on 1 January, miles", 1,
                                &k->mi, err)))) {
        return s;
    }
    if (mask & SHI_DV_ALLIANCE) {
        if ((s = shi_frame_add_i32(f, "atop_level", "ATOP alliance level of 1 towards 2 (0-3)",
                                   &k->level, err))) {
            return s;
        }
        for (int q = 0; q < 5; q++) {
            if ((s = shi_frame_add_i32(f, flag_names[q], flag_labels[q], &k->flag[q], err))) {
                return s;
            }
        }
    }
    if (mask & SHI_DV_SIM) {
        for (int q = 0; q < 8; q++) {
            if ((s = shi_frame_add_f64(f, s_names[q], s_labels[q], 4, &k->s[q], err))) {
                return s;
            }
        }
        if ((s = shi_frame_add_f64(f, "taub", "Kendall's tau-b of alliance portfolios", 4, &k->taub,
                                   err)) ||
            (s = shi_frame_add_f64(f, "kappa", "Cohen's kappa, quadratic weights", 4, &k->kappa,
                                   err)) ||
            (s = shi_frame_add_f64(f, "pi", "Scott's pi, nominal", 4, &k->pi, err)) ||
            (s = shi_frame_add_f64(f, "pi_sq", "Scott's pi, quadratic weights", 4, &k->pi_sq,
                                   err))) {
            return s;
        }
    }
    if (mask & SHI_DV_THREAT) {
        static const char *const tn[SHI_T_N] = {"threat_strength", "threat_proximity",
                                                "threat_offensive", "threat_intentions"};
        static const char *const tl[SHI_T_N] = {"Threat to 1 from 2: aggregate strength (0-1)",
                                                "Threat to 1 from 2: proximity (0-1)",
                                                "Threat to 1 from 2: offensive capability (0-1)",
                                                "Threat to 1 from 2: offensive intentions (0-1)"};
        if ((s = shi_frame_add_f64(f, "threat", "Threat to state 1 from state 2 (shi, Walt 1987)",
                                   4, &k->threat, err))) {
            return s;
        }
        for (int q = 0; q < SHI_T_N; q++) {
            if ((s = shi_frame_add_f64(f, tn[q], tl[q], 4, &k->tcomp[q], err))) {
                return s;
            }
        }
        if ((s = shi_frame_add_i32(f, "threat_partial",
                                   "1: the threat total lacks a part whose data had ended",
                                   &k->tpartial, err))) {
            return s;
        }
    }
    if ((mask & SHI_DV_VETO) &&
        ((s = shi_frame_add_i32(f, "veto_n1", "UN Security Council drafts vetoed by 1 (P5 only)",
                                &k->vn1, err)) ||
         (s = shi_frame_add_i32(f, "veto_n2", "UN Security Council drafts vetoed by 2 (P5 only)",
                                &k->vn2, err)) ||
         (s = shi_frame_add_i32(f, "veto_joint", "UN Security Council drafts both vetoed",
                                &k->vjoint, err)) ||
         (s = shi_frame_add_f64(f, "veto_coinc12", "Share of 1's vetoes that 2 joined", 4, &k->vc12,
                                err)) ||
         (s = shi_frame_add_f64(f, "veto_coinc21", "Share of 2's vetoes that 1 joined", 4, &k->vc21,
                                err)))) {
        return s;
    }
    if ((mask & SHI_DV_IDEAL) &&
        ((s = shi_frame_add_f64(f, "ideal1", "UN ideal point of state 1", 4, &k->ideal1, err)) ||
         (s = shi_frame_add_f64(f, "ideal2", "UN ideal point of state 2", 4, &k->ideal2, err)) ||
         (s = shi_frame_add_f64(f, "ideal_dist", "Absolute distance of UN ideal points", 4,
                                &k->idist, err)) ||
         (s = shi_frame_add_f64(f, "agree", "Share of UN votes agreeing (reference states only)", 4,
                                &k->agree, err)))) {
        return s;
    }
    if ((s = shi_i_psci_add_cols(f, mask, &k->ps, err)) != SHI_OK) {
        return s;
    }
    return label_codes(f, mask, err);
}

static shi_status add_vars(shi_frame *f, unsigned mask, const dv_input *in, shi_err *err);

shi_status shi_dyadvars_add(shi_frame *f, unsigned mask, const shi_data *d,
                            const shi_dyadvars_opts *o, shi_err *err)
{
    static const shi_dyadvars_opts def = {0};
    if (!o) {
        o = &def;
    }
    const dv_input in = {d,
                         &d->states,
                         &d->caps,
                         d->cinc,
                         d->dy_loaded ? &d->dy : NULL,
                         d->rel_loaded ? &d->rel : NULL,
                         o->threads,
                         o->model,
                         o->progress,
                         o->progress_arg,
                         o->psci_distance,
                         o};
    return add_vars(f, mask, &in, err);
}

static shi_status add_vars(shi_frame *f, unsigned mask, const dv_input *in, shi_err *err)
{
    if (f->ncol < 3 || strcmp(f->cols[0].name, "year") != 0 ||
        strcmp(f->cols[1].name, "ccode1") != 0 || strcmp(f->cols[2].name, "ccode2") != 0) {
        return shi_err_set(err, SHI_EINTERNAL, "dyad variables need year, ccode1, ccode2 first");
    }
    if (shi_dyadvars_need_dyadic(mask) && !in->dy) {
        return shi_err_set(err, SHI_EINTERNAL, "dyad variables need the dyadic data");
    }
    if ((mask & SHI_DV_SIM) && !in->caps) {
        return shi_err_set(err, SHI_EINTERNAL, "similarity needs capabilities for its weights");
    }
    cols k;
    dv_eu_cols ek;
    shi_status s = add_cols(f, mask, &k, err);
    if (s == SHI_OK) {
        s = dv_eu_add_cols(f, mask, &ek, err);
    }
    if (s != SHI_OK || f->nrow == 0) {
        return s;
    }
    ctx c;
    if ((s = ctx_init(&c, f, in, err)) != SHI_OK) {
        ctx_destroy(&c);
        return s;
    }
    /* Row ranges of each year (rows are sorted by year). */
    size_t ny = (size_t)(c.y1 - c.y0 + 1);
    size_t *start = calloc(ny + 1, sizeof *start);
    if (!start) {
        ctx_destroy(&c);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t r = 0; r < f->nrow; r++) {
        start[f->cols[0].i32[r] - c.y0 + 1]++;
    }
    for (size_t y = 0; y < ny; y++) {
        start[y + 1] += start[y];
    }
    psci_ctx pc;
    if ((s = shi_i_psci_init(&pc, in->d, mask, err)) != SHI_OK) {
        shi_i_psci_free(&pc);
        free(start);
        ctx_destroy(&c);
        return s;
    }
    shi_threat_ctx *tc = NULL;
    shi_threat_model tm = in->model ? *in->model : shi_threat_model_default();
    if (mask & SHI_DV_THREAT) {
        if ((s = shi_threat_ctx_new(&tc, in->d, err)) != SHI_OK) {
            shi_i_psci_free(&pc);
            free(start);
            ctx_destroy(&c);
            return s;
        }
    }
    int fail = 0;
    size_t done = 0;
#ifdef _OPENMP
#    pragma omp parallel for schedule(dynamic, 1)                                                  \
        num_threads(in->threads > 0 ? in->threads : omp_get_max_threads())
#endif
    for (long y = 0; y < (long)ny; y++) {
        simyear sy;
        memset(&sy, 0, sizeof sy);
        int year = c.y0 + (int)y;
        if ((mask & SHI_DV_SIM) && start[y] < start[y + 1] && simyear_make(&sy, &c, year) != 0) {
#ifdef _OPENMP
#    pragma omp atomic write
#endif
            fail = 1;
        }
        for (size_t r = start[y]; r < start[y + 1]; r++) {
            fill_row(&c, &k, f, r, mask, tc, &tm);
            if (mask & SHI_DV_PSCI) {
                shi_i_psci_row(&pc, &k.ps, f, r, mask, c.map[f->cols[1].i32[r]],
                               c.map[f->cols[2].i32[r]]);
            }
            if ((mask & SHI_DV_SIM) && sy.pos) {
                long a = c.map[f->cols[1].i32[r]], b = c.map[f->cols[2].i32[r]];
                sim_row(&sy, a >= 0 ? sy.pos[a] : -1, b >= 0 ? sy.pos[b] : -1, &k, r);
            }
        }
        simyear_free(&sy);
        if (dv_eu_fill_year(&ek, f, start[y], start[y + 1], mask, in->d, year, in->opts) != 0) {
#ifdef _OPENMP
#    pragma omp atomic write
#endif
            fail = 1;
        }
        if (in->progress) {
            /* Rows done so far; the report is made by one thread at a time. */
            size_t rows = start[y + 1] - start[y], now;
#ifdef _OPENMP
#    pragma omp atomic capture
#endif
            now = done += rows;
#ifdef _OPENMP
#    pragma omp critical(shi_dyadvars_progress)
#endif
            in->progress(in->progress_arg, now, f->nrow);
        }
    }
    free(start);
    shi_i_psci_free(&pc);
    shi_threat_ctx_free(tc);
    ctx_destroy(&c);
    if (fail) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return SHI_OK;
}

/* shi's name and peacesciencer's, where they differ (peacesciencer 1.1:
 * add_cow_majors, add_capital_distance, add_gml_mids, add_peace_years,
 * add_ucdp_acd); one row per column. */
static const struct {
    const char *shi, *psci;
} NAMES[] = {
    {"major1", "cowmaj1"},
    {"major2", "cowmaj2"},
    {"major", "cowmaj"},
    {"polity2_1", "polity21"},
    {"polity2_2", "polity22"},
    {"polyarchy1", "v2x_polyarchy1"},
    {"polyarchy2", "v2x_polyarchy2"},
    {"polyarchy", "v2x_polyarchy"},
    {"capdist_km", "capdist"},
    {"mid_ongoing", "gmlmidongoing"},
    {"mid_onset", "gmlmidonset"},
    {"mid_hostlev1", "hostlev1"},
    {"mid_hostlev2", "hostlev2"},
    {"mid_sidea1", "sidea1"},
    {"mid_sidea2", "sidea2"},
    {"mid_orig1", "orig1"},
    {"mid_orig2", "orig2"},
    {"mid_revisionist1", "revstate1"},
    {"mid_revisionist2", "revstate2"},
    {"mid_hiact1", "hiact1"},
    {"mid_hiact2", "hiact2"},
    {"mid_fatality1", "fatality1"},
    {"mid_fatality2", "fatality2"},
    {"peaceyears", "gmlmidspell"},
    {"peaceyears2", "gmlmidspell2"},
    {"peaceyears3", "gmlmidspell3"},
    {"ucdp_ongoing", "ucdpongoing"},
    {"ucdp_intensity", "maxintensity"},
    {"ucdp_onset", "ucdponset"},
    {"igo_shared", "dyadigos"},
    {"mindist_km", "mindist"},
    {"igo_full", "sum_igo_full"},
    {"igo_associate", "sum_igo_associate"},
    {"igo_observer", "sum_igo_observer"},
    {"igo_any", "sum_igo_anytype"},
};

shi_status shi_names_parse(const char *name, shi_names *out, shi_err *err)
{
    if (strcmp(name, "shi") == 0) {
        *out = SHI_NAMES_SHI;
    } else if (strcmp(name, "peacesciencer") == 0) {
        *out = SHI_NAMES_PSCI;
    } else {
        return shi_err_set(err, SHI_EUSAGE,
                           "--names: unknown scheme '%.40s'; valid schemes are shi, peacesciencer",
                           name);
    }
    return SHI_OK;
}

shi_status shi_names_apply(shi_frame *f, shi_names scheme, shi_err *err)
{
    if (scheme == SHI_NAMES_SHI) {
        return SHI_OK;
    }
    for (size_t k = 0; k < sizeof NAMES / sizeof NAMES[0]; k++) {
        long c = shi_frame_find(f, NAMES[k].shi);
        if (c < 0) {
            continue;
        }
        if (shi_frame_find(f, NAMES[k].psci) >= 0) {
            return shi_err_set(err, SHI_EINTERNAL, "--names: the frame has both %s and %s",
                               NAMES[k].shi, NAMES[k].psci);
        }
        snprintf(f->cols[c].name, sizeof f->cols[c].name, "%s", NAMES[k].psci);
    }
    return SHI_OK;
}
