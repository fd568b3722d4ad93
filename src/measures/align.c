/*
 * align.c - the issue-area scorecard of a pair (include/shi/align.h,
 * docs/align.md): values, closeness, flags (shi_align_compute); thresholds,
 * Mann-Kendall trends, labels under every similarity variant and robust
 * spheres (shi_align_assess).
 */
#include <shi/align.h>
#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/energy_share.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align_priv.h"

static const shi_align_indicator IND[SHI_AL_N] = {
    {"arms_share_b_from_a", SHI_AREA_MILITARY, SHI_OR_SAME, 0, SHI_ZR_ARMS,
     "share of B's arms imports supplied by A (SIPRI TIV, delivery year)", "x",
     "B's arms imports from A"},
    {"arms_share_a_from_b", SHI_AREA_MILITARY, SHI_OR_SAME, 0, SHI_ZR_ARMS,
     "share of A's arms imports supplied by B (SIPRI TIV, delivery year)", "x",
     "A's arms imports from B"},
    {"alliance_level", SHI_AREA_MILITARY, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "ATOP alliance level, the stronger direction (0 none - 3 defence)", "x", "alliance level"},
    {"trade_dep_a", SHI_AREA_ECONOMIC, SHI_OR_SAME, 0, SHI_ZR_TRADE,
     "A's trade with B as a share of A's total trade (COW trade)", "x", "A's trade with B"},
    {"trade_dep_b", SHI_AREA_ECONOMIC, SHI_OR_SAME, 0, SHI_ZR_TRADE,
     "B's trade with A as a share of B's total trade (COW trade)", "x", "B's trade with A"},
    {"un_distance", SHI_AREA_DIPLOMATIC, SHI_OR_NEG, 0, SHI_ZR_NONE,
     "distance of UN General Assembly ideal points (Bailey, Strezhnev & Voeten 2017)", "-x",
     "UN ideal-point distance"},
    {"un_agreement", SHI_AREA_DIPLOMATIC, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "share of UN votes agreeing (only with six reference states)", "x", "UN vote agreement"},
    {"alliance_similarity", SHI_AREA_DIPLOMATIC, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "alliance-portfolio similarity, Scott's pi with quadratic weights (Haege 2011)", "x",
     "alliance-portfolio similarity"},
    {"threat_to_a", SHI_AREA_SECURITY, SHI_OR_TOPMINUS, 1, SHI_ZR_NONE,
     "threat to A from B (shi threat index, 0-1)", "1-x", "threat to A from B"},
    {"threat_to_b", SHI_AREA_SECURITY, SHI_OR_TOPMINUS, 1, SHI_ZR_NONE,
     "threat to B from A (shi threat index, 0-1)", "1-x", "threat to B from A"},
    {"dispute_hostility", SHI_AREA_SECURITY, SHI_OR_TOPMINUS, 5, SHI_ZR_NONE,
     "highest hostility level of a militarized dispute between them (0 none - 5 war; GML MID)",
     "5-x", "dispute hostility"},
    {"cooperation_balance", SHI_AREA_EVENTS, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "1 - 2 x the share of conflictual events between them, both ways (ICEWS)", "x",
     "event cooperation balance"},
    {"veto_joint", SHI_AREA_DIPLOMATIC, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "UN Security Council drafts both vetoed (permanent members only)", "x", "joint vetoes"},
    {"veto_coincidence_a", SHI_AREA_DIPLOMATIC, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "share of A's Security Council vetoes that B joined", "x", "A's vetoes that B joined"},
    {"veto_coincidence_b", SHI_AREA_DIPLOMATIC, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "share of B's Security Council vetoes that A joined", "x", "B's vetoes that A joined"},
    {"energy_crude_share", SHI_AREA_ENERGY, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "share of China's crude imports supplied by the other state (China Customs)", "x",
     "China's crude from the partner"},
    {"energy_gas_share", SHI_AREA_ENERGY, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "share of China's gas imports, pipeline and LNG, supplied by the other state", "x",
     "China's gas from the partner"},
    {"energy_coal_share", SHI_AREA_ENERGY, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "share of China's coal imports supplied by the other state (China Customs)", "x",
     "China's coal from the partner"},
    {"energy_pivot_crude", SHI_AREA_ENERGY, SHI_OR_SAME, 0, SHI_ZR_NONE,
     "the other state's crude exports to China / to China and Europe (Customs, Eurostat)", "x",
     "partner's crude to China vs Europe"},
};

/* Frame columns of the similarity variants, in SHI_ALSIM_* order. */
static const char *const SIMCOL[SHI_ALSIM_N] = {"pi_sq", "kappa", "s_un_abs", "s_un_abs_reg",
                                                "s_wt_abs"};

/* The directed twin of an indicator (the same measure the other way), or itself. */
int shi_i_align_twin(int k)
{
    switch (k) {
    case SHI_AL_ARMS_AB:
        return SHI_AL_ARMS_BA;
    case SHI_AL_ARMS_BA:
        return SHI_AL_ARMS_AB;
    case SHI_AL_TRADE_A:
        return SHI_AL_TRADE_B;
    case SHI_AL_TRADE_B:
        return SHI_AL_TRADE_A;
    case SHI_AL_THREAT_AB:
        return SHI_AL_THREAT_BA;
    case SHI_AL_THREAT_BA:
        return SHI_AL_THREAT_AB;
    case SHI_AL_VETO_A:
        return SHI_AL_VETO_B;
    case SHI_AL_VETO_B:
        return SHI_AL_VETO_A;
    default:
        return k;
    }
}

const shi_align_indicator *shi_align_indicators(void)
{
    return IND;
}

void shi_align_destroy(shi_align *al)
{
    if (!al) {
        return;
    }
    for (int k = 0; k < SHI_AL_N; k++) {
        free(al->value[k]);
        free(al->close[k]);
        free(al->flag[k]);
        free(al->slope[k]);
        free(al->p[k]);
        free(al->dir[k]);
    }
    for (int v = 0; v < SHI_ALSIM_N; v++) {
        free(al->sim[v]);
    }
    free(al->ref);
    shi_threat_ctx_free(al->tc);
    memset(al, 0, sizeof *al);
}

static double closeness(int k, double x)
{
    switch (IND[k].orient) {
    case SHI_OR_NEG:
        return -x;
    case SHI_OR_TOPMINUS:
        return IND[k].top - x;
    case SHI_OR_SAME:
        break;
    }
    return x;
}

static double share(double part, double whole)
{
    return !isnan(part) && !isnan(whole) && whole > 0 ? part / whole : (double)NAN;
}

/* ---- values of one pair ------------------------------------------------------ */

/* What the values are computed from. */
typedef struct src {
    const shi_states *states;
    const shi_dyadic *dy;
    const shi_relations *rel; /* NULL when not loaded */
    const shi_threat_ctx *tc;
    const shi_threat_model *m;
} src;

static long state_index(const shi_states *s, int c)
{
    for (size_t i = 0; i < s->n; i++) {
        if (s->v[i].ccode == c) {
            return (long)i;
        }
    }
    return -1;
}

/* Neighbours in `year`: COW direct contiguity, land or up to 400 miles of water. */
static int neighbours(const src *in, long ia, long ib, int year)
{
    const shi_dyadic *dy = in->dy;
    if (!dy || ia < 0 || ib < 0 || year < dy->contig_y0 || year > dy->contig_y1 || year < dy->y0 ||
        year > dy->y1) {
        return 0;
    }
    uint8_t c = dy->contig[shi_dy_pair(dy, year, (size_t)ia, (size_t)ib)];
    return c != SHI_NA_U8 && c >= 1 && c <= 5;
}

/* Relations of (a, b) in year y: arms, trade, events, vetoes, with the zero flags. */
static void rel_values(const src *in, int a, int b, int y, int nb, double *v, uint8_t *fl)
{
    const shi_relations *rel = in->rel;
    double tab = shi_rel_arms(rel, a, b, y, y), tba = shi_rel_arms(rel, b, a, y, y);
    v[SHI_AL_ARMS_AB] = share(tab, shi_rel_arms_imports(rel, b, y, y));
    v[SHI_AL_ARMS_BA] = share(tba, shi_rel_arms_imports(rel, a, y, y));
    /* A zero arms flow from a supplier that exported to others that year (the
     * recipient imported, or its share would be missing), or between neighbours. */
    fl[SHI_AL_ARMS_AB] = v[SHI_AL_ARMS_AB] == 0 && (shi_rel_arms_exports(rel, a, y, y) > 0 || nb);
    fl[SHI_AL_ARMS_BA] = v[SHI_AL_ARMS_BA] == 0 && (shi_rel_arms_exports(rel, b, y, y) > 0 || nb);
    double ab, ba, ima, exa, imb, exb;
    shi_rel_trade(rel, a, b, y, &ab, &ba);
    shi_rel_trade_total(rel, a, y, &ima, &exa);
    shi_rel_trade_total(rel, b, y, &imb, &exb);
    v[SHI_AL_TRADE_A] = share(ab + ba, ima + exa);
    v[SHI_AL_TRADE_B] = share(ab + ba, imb + exb);
    /* A zero trade flow between states that both trade with others that year
     * (their national totals are positive), or between neighbours. */
    int both = ima + exa > 0 && imb + exb > 0;
    fl[SHI_AL_TRADE_A] = v[SHI_AL_TRADE_A] == 0 && (both || nb);
    fl[SHI_AL_TRADE_B] = v[SHI_AL_TRADE_B] == 0 && (both || nb);
    double c1 = shi_rel_conflict(rel, a, b, y), c2 = shi_rel_conflict(rel, b, a, y);
    int nc = !isnan(c1) + !isnan(c2);
    if (nc) {
        v[SHI_AL_EVENTS] = 1 - 2 * ((isnan(c1) ? 0 : c1) + (isnan(c2) ? 0 : c2)) / nc;
    }
    int na, nv, joint = shi_rel_vetoes(rel, a, b, y, &na, &nv);
    if (joint >= 0) {
        v[SHI_AL_VETO_JOINT] = joint;
        v[SHI_AL_VETO_A] = na > 0 ? (double)joint / na : (double)NAN;
        v[SHI_AL_VETO_B] = nv > 0 ? (double)joint / nv : (double)NAN;
    }
}

/* Dyadic values of (a, b) in year y: alliance level, UN, disputes. */
static void dy_values(const shi_dyadic *dy, int a, int b, long ia, long ib, int y, double *v)
{
    if (!dy || ia < 0 || ib < 0 || y < dy->y0 || y > dy->y1) {
        return;
    }
    uint8_t l1 = dy->ally_level[shi_dy_pair(dy, y, (size_t)ia, (size_t)ib)];
    uint8_t l2 = dy->ally_level[shi_dy_pair(dy, y, (size_t)ib, (size_t)ia)];
    if (l1 != SHI_NA_U8 && l2 != SHI_NA_U8) {
        v[SHI_AL_ALLIANCE] = l1 > l2 ? l1 : l2;
    }
    double u1 = dy->ideal[shi_dy_one(dy, y, (size_t)ia)];
    double u2 = dy->ideal[shi_dy_one(dy, y, (size_t)ib)];
    v[SHI_AL_UN_DIST] = fabs(u1 - u2);
    for (int q = 0; q < SHI_DY_NREF; q++) {
        if (dy->agree_ref[q] == b) {
            v[SHI_AL_UN_AGREE] = dy->agree[q][shi_dy_one(dy, y, (size_t)ia)];
        } else if (dy->agree_ref[q] == a) {
            v[SHI_AL_UN_AGREE] = dy->agree[q][shi_dy_one(dy, y, (size_t)ib)];
        }
    }
    if (dy->mid_host && y >= dy->mid_y0 && y <= dy->mid_y1) {
        uint8_t h1 = dy->mid_host[shi_dy_pair(dy, y, (size_t)ia, (size_t)ib)];
        uint8_t h2 = dy->mid_host[shi_dy_pair(dy, y, (size_t)ib, (size_t)ia)];
        h1 = h1 == SHI_NA_U8 ? 0 : h1;
        h2 = h2 == SHI_NA_U8 ? 0 : h2;
        v[SHI_AL_DISPUTE] = h1 > h2 ? h1 : h2;
    }
}

/* Every indicator but similarity for (a, b) over ny years from ys: val[k][t]
 * (preset to NaN) and fl[k][t]. */
static shi_status pair_values(const src *in, int a, int b, int ys, size_t ny, double **val,
                              uint8_t **fl, shi_err *err)
{
    long ia = state_index(in->states, a), ib = state_index(in->states, b);
    for (size_t t = 0; t < ny; t++) {
        int y = ys + (int)t;
        double v[SHI_AL_N];
        uint8_t f[SHI_AL_N] = {0};
        for (int k = 0; k < SHI_AL_N; k++) {
            v[k] = (double)NAN;
        }
        if (in->rel) {
            rel_values(in, a, b, y, neighbours(in, ia, ib, y), v, f);
        }
        /* The dyadic arrays hold 0 (no alliance, no dispute) for pairs that
         * are not both system members: a state that does not exist that year
         * has missing values, not "no alliance" (Bavaria after 1871, issue 20). */
        if (ia >= 0 && ib >= 0 && shi_states_member(in->states, &in->states->v[ia], y) &&
            shi_states_member(in->states, &in->states->v[ib], y)) {
            /* The dyadic arrays hold 0 (no alliance, no dispute) for pairs that
             * are not both system members: a state that does not exist that year
             * has missing values, not "no alliance" (Bavaria after 1871, issue 20). */
            if (ia >= 0 && ib >= 0 && shi_states_member(in->states, &in->states->v[ia], y) &&
                shi_states_member(in->states, &in->states->v[ib], y)) {
                dy_values(in->dy, a, b, ia, ib, y, v);
            }
        }
        shi_threat tab, tba;
        shi_status s;
        if ((s = shi_threat_compute(in->tc, in->m, a, b, y, &tab, err)) != SHI_OK ||
            (s = shi_threat_compute(in->tc, in->m, b, a, y, &tba, err)) != SHI_OK) {
            return s;
        }
        v[SHI_AL_THREAT_AB] = tab.total;
        v[SHI_AL_THREAT_BA] = tba.total;
        for (int k = 0; k < SHI_AL_N; k++) {
            if (k != SHI_AL_S) {
                val[k][t] = v[k];
                if (fl) {
                    fl[k][t] = f[k] ? SHI_AL_FLAG_ZERO : 0;
                }
            }
        }
    }
    return SHI_OK;
}

/* The similarity variants of the pairs among `states` over [y0, y1], in a frame
 * (year, ccode1 < ccode2, ..., the SIMCOL columns at col[v]). */
shi_status shi_i_align_sim_frame(const shi_data *d, const int *states, size_t n, int y0, int y1,
                                 shi_frame *f, long col[SHI_ALSIM_N], shi_err *err)
{
    shi_dyad_opts o = {0};
    o.y0 = y0;
    o.y1 = y1;
    o.states = states;
    o.nstates = n;
    o.both = 1;
    o.threads = 1;
    shi_status s = shi_dyads_generate(&d->states, &o, f, err);
    if (s == SHI_OK && f->nrow > 0) {
        s = shi_dyadvars_add(f, SHI_DV_SIM, d, NULL, err);
    }
    for (int v = 0; v < SHI_ALSIM_N; v++) {
        col[v] = s == SHI_OK && f->nrow > 0 ? shi_frame_find(f, SIMCOL[v]) : -1;
    }
    return s;
}

size_t shi_i_align_reference_states(const shi_data *d, int a, int b, int y0, int y1, int *r)
{
    size_t n = 0;
    r[n++] = a;
    r[n++] = b;
    for (size_t i = 0; i < d->states.n && n < SHI_I_ALIGN_MAXREF; i++) {
        const shi_state *st = &d->states.v[i];
        int major = 0;
        for (int y = y0; y <= y1 && !major; y++) {
            major = shi_states_major(&d->states, st, y);
        }
        if (major && st->ccode != a && st->ccode != b) {
            r[n++] = st->ccode;
        }
    }
    return n;
}

/* The similarity variants of every pair of the reference states (a and b
 * first: their pair is the first) over [ys, y1], from one frame, into
 * al->ref (allocated here, NaN elsewhere) and al->sim: one frame for all,
 * since most of its cost is each year's portfolios, whatever the pairs. */
static shi_status sim_series(shi_align *al, const shi_data *d, shi_err *err)
{
    int ref[SHI_I_ALIGN_MAXREF];
    size_t nr = shi_i_align_reference_states(d, al->a, al->b, al->ys, al->y1, ref);
    size_t ny = (size_t)(al->y1 - al->ys + 1), npair = nr * (nr - 1) / 2;
    size_t nall = (size_t)(SHI_AL_N + SHI_ALSIM_N) * npair * ny;
    al->tol_pairs = (int)npair;
    al->ref = malloc(nall * sizeof *al->ref);
    if (!al->ref) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t q = 0; q < nall; q++) {
        al->ref[q] = (double)NAN;
    }
    shi_frame f;
    memset(&f, 0, sizeof f);
    long col[SHI_ALSIM_N];
    shi_status s = shi_i_align_sim_frame(d, ref, nr, al->ys, al->y1, &f, col, err);
    for (size_t r = 0; s == SHI_OK && r < f.nrow; r++) {
        size_t i = 0, j = 0;
        for (size_t x = 0; x < nr; x++) {
            i = ref[x] == f.cols[1].i32[r] ? x : i;
            j = ref[x] == f.cols[2].i32[r] ? x : j;
        }
        size_t lo = i < j ? i : j, hi = i < j ? j : i;
        size_t p = lo * nr - lo * (lo + 1) / 2 + (hi - lo - 1); /* pair index of lo < hi */
        size_t t = (size_t)(f.cols[0].i32[r] - al->ys);
        for (int v = 0; v < SHI_ALSIM_N; v++) {
            double x = col[v] >= 0 ? f.cols[col[v]].f64[r] : (double)NAN;
            al->ref[((size_t)(SHI_AL_N + v) * npair + p) * ny + t] = x;
            if (p == 0) {
                al->sim[v][t] = x;
            }
        }
    }
    shi_frame_destroy(&f);
    return s;
}

shi_status shi_i_align_pair_values(const shi_data *d, const shi_threat_ctx *tc,
                                   const shi_threat_model *m, int a, int b, int ys, size_t ny,
                                   double **val, shi_err *err)
{
    const src in = {&d->states, &d->dy, d->rel_loaded ? &d->rel : NULL, tc, m};
    return pair_values(&in, a, b, ys, ny, val, NULL, err);
}

static shi_status alloc_years(shi_align *al, size_t ny)
{
    for (int k = 0; k < SHI_AL_N; k++) {
        al->value[k] = malloc(ny * sizeof *al->value[k]);
        al->close[k] = malloc(ny * sizeof *al->close[k]);
        al->flag[k] = calloc(ny, 1);
        if (!al->value[k] || !al->close[k] || !al->flag[k]) {
            return SHI_EIO;
        }
        for (size_t t = 0; t < ny; t++) {
            al->value[k][t] = al->close[k][t] = (double)NAN;
        }
    }
    for (int v = 0; v < SHI_ALSIM_N; v++) {
        if (!(al->sim[v] = malloc(ny * sizeof *al->sim[v]))) {
            return SHI_EIO;
        }
        for (size_t t = 0; t < ny; t++) {
            al->sim[v][t] = (double)NAN;
        }
    }
    return SHI_OK;
}

/* Vetoes over [y0, y1]: A's, B's, joint (-1 when either is never a permanent
 * member in those years or the years are outside the data). */
static void veto_totals(shi_align *al, const shi_relations *rel)
{
    al->veto_n[0] = al->veto_n[1] = al->veto_n[2] = -1;
    for (int y = al->y0; rel && y <= al->y1; y++) {
        int na, nb, j = shi_rel_vetoes(rel, al->a, al->b, y, &na, &nb);
        if (j >= 0) {
            for (int q = 0; q < 3; q++) {
                al->veto_n[q] = al->veto_n[q] < 0 ? 0 : al->veto_n[q];
            }
            al->veto_n[0] += na;
            al->veto_n[1] += nb;
            al->veto_n[2] += j;
        }
    }
}

int shi_align_from(const shi_threat_model *m, int y0, int window)
{
    shi_threat_model def = shi_threat_model_default();
    int ys = y0 - window + 1 > 1816 ? y0 - window + 1 : 1816;
    return ys - shi_threat_lookback(m ? m : &def);
}

shi_status shi_align_compute(shi_align *al, const shi_data *d, const shi_threat_model *model, int a,
                             int b, int y0, int y1, int window, shi_err *err)
{
    memset(al, 0, sizeof *al);
    if (y1 < y0 || y1 - y0 > 400) {
        return shi_err_set(err, SHI_EUSAGE, "align: bad year range %d-%d", y0, y1);
    }
    if (window < 3 || window > 50) {
        return shi_err_set(err, SHI_EUSAGE, "align: --window takes 3-50 years, got %d", window);
    }
    al->a = a;
    al->b = b;
    al->y0 = y0;
    al->y1 = y1;
    al->window = window;
    al->ys = y0 - window + 1 > 1816 ? y0 - window + 1 : 1816;
    shi_threat_model def = shi_threat_model_default();
    shi_status s = shi_data_check_from(d, shi_align_from(model, y0, window), "align", err);
    if (s != SHI_OK) {
        return s;
    }
    size_t ny = (size_t)(y1 - al->ys + 1);
    if (alloc_years(al, ny) != SHI_OK) {
        shi_align_destroy(al);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    shi_threat_ctx *ctx = NULL;
    s = shi_threat_ctx_new(&ctx, d, err);
    if (s == SHI_OK) {
        s = sim_series(al, d, err);
    }
    const src in = {&d->states, &d->dy, d->rel_loaded ? &d->rel : NULL, ctx, model ? model : &def};
    if (s == SHI_OK) {
        s = pair_values(&in, a, b, al->ys, ny, al->value, al->flag, err);
    }
    if (s == SHI_OK && d->en_loaded) { /* energy: src/measures/energy.c */
        s = shi_energy_align_fill(&al->value[SHI_AL_EN_CRUDE], d, a, b, al->ys, y1, err);
    }
    for (size_t t = 0; s == SHI_OK && t < ny; t++) {
        al->value[SHI_AL_S][t] = al->sim[SHI_ALSIM_PI][t];
        for (int k = 0; k < SHI_AL_N; k++) {
            al->close[k][t] = closeness(k, al->value[k][t]);
        }
    }
    veto_totals(al, in.rel);
    al->tc = ctx;
    if (s != SHI_OK) {
        shi_align_destroy(al);
    }
    return s;
}

int shi_align_indicator_span(const shi_align *al, int k, int *first, int *last)
{
    *first = *last = 0;
    for (int y = al->y0; y <= al->y1; y++) {
        if (!isnan(al->value[k][y - al->ys])) {
            *last = y;
            *first = *first ? *first : y;
        }
    }
    return *first != 0;
}
