/*
 * align.c - the issue-area scorecard of a pair (include/shi/align.h,
 * docs/align.md).
 */
#include <shi/align.h>
#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/energy_share.h>

#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const shi_align_indicator IND[SHI_AL_N] = {
    {"arms_share_b_from_a", SHI_AREA_MILITARY, +1, 0.01,
     "share of B's arms imports supplied by A (SIPRI TIV, delivery year)"},
    {"arms_share_a_from_b", SHI_AREA_MILITARY, +1, 0.01,
     "share of A's arms imports supplied by B (SIPRI TIV, delivery year)"},
    {"alliance_level", SHI_AREA_MILITARY, +1, 0.05,
     "ATOP alliance level, the stronger direction (0 none - 3 defence)"},
    {"trade_dep_a", SHI_AREA_ECONOMIC, +1, 0.002,
     "A's trade with B as a share of A's total trade (COW trade)"},
    {"trade_dep_b", SHI_AREA_ECONOMIC, +1, 0.002,
     "B's trade with A as a share of B's total trade (COW trade)"},
    {"un_distance", SHI_AREA_DIPLOMATIC, -1, 0.02,
     "distance of UN General Assembly ideal points (smaller is closer)"},
    {"un_agreement", SHI_AREA_DIPLOMATIC, +1, 0.005,
     "share of UN votes agreeing (only with six reference states)"},
    {"alliance_similarity", SHI_AREA_DIPLOMATIC, +1, 0.005,
     "alliance-portfolio similarity S, capability-weighted, absolute (Signorino & Ritter 1999)"},
    {"threat_to_a", SHI_AREA_SECURITY, -1, 0.005,
     "threat to A from B (shi threat; smaller is closer)"},
    {"threat_to_b", SHI_AREA_SECURITY, -1, 0.005,
     "threat to B from A (shi threat; smaller is closer)"},
    {"dispute_hostility", SHI_AREA_SECURITY, -1, 0.1,
     "highest hostility level of a militarized dispute between them (0 none - 5 war; GML MID)"},
    {"cooperation_balance", SHI_AREA_EVENTS, +1, 0.01,
     "1 - 2 x the share of conflictual events between them, both ways (ICEWS)"},
    {"energy_crude_share", SHI_AREA_ENERGY, +1, 0.005,
     "share of China's crude imports supplied by the other state (China Customs)"},
    {"energy_gas_share", SHI_AREA_ENERGY, +1, 0.005,
     "share of China's gas imports, pipeline and LNG, supplied by the other state"},
    {"energy_coal_share", SHI_AREA_ENERGY, +1, 0.005,
     "share of China's coal imports supplied by the other state (China Customs)"},
    {"energy_pivot_crude", SHI_AREA_ENERGY, +1, 0.01,
     "the other state's crude exports to China / to China and Europe (Customs, Eurostat)"},
};

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
        free(al->slope[k]);
        free(al->dir[k]);
    }
    memset(al, 0, sizeof *al);
}

/* OLS slope of closeness over the points of [from, to] that have data;
 * NaN with fewer than 3. */
static double slope(const shi_align *al, int k, int from, int to)
{
    double x[512], y[512];
    size_t n = 0;
    for (int t = from; t <= to && n < 512; t++) {
        if (t < al->ys || t > al->y1) {
            continue;
        }
        double v = al->value[k][t - al->ys];
        if (!isnan(v)) {
            x[n] = t;
            y[n] = IND[k].sign * v;
            n++;
        }
    }
    if (n < 3) {
        return (double)NAN;
    }
    double c0, c1, v00, v01, v11, ss;
    gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &v00, &v01, &v11, &ss);
    return c1;
}

static shi_direction classify(double s, double tol)
{
    if (isnan(s)) {
        return SHI_DIR_NA;
    }
    return s > tol ? SHI_DIR_CONVERGING : s < -tol ? SHI_DIR_DIVERGING : SHI_DIR_STABLE;
}

static double share(double part, double whole)
{
    return !isnan(part) && !isnan(whole) && whole > 0 ? part / whole : (double)NAN;
}

shi_status shi_align_compute(shi_align *al, const shi_data *d, const shi_threat_model *model, int a,
                             int b, int y0, int y1, int window, shi_err *err)
{
    /* The parts of the data view the scorecard reads. */
    const struct {
        const shi_states *states;
        const shi_dyadic *dy;
        const shi_relations *rel;
        const shi_threat_model *model;
    } view = {&d->states, &d->dy, d->rel_loaded ? &d->rel : NULL, model}, *in = &view;
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
    size_t ny = (size_t)(y1 - al->ys + 1);
    for (int k = 0; k < SHI_AL_N; k++) {
        al->value[k] = malloc(ny * sizeof *al->value[k]);
        al->slope[k] = malloc(ny * sizeof *al->slope[k]);
        al->dir[k] = calloc(ny, sizeof *al->dir[k]);
        if (!al->value[k] || !al->slope[k] || !al->dir[k]) {
            shi_align_destroy(al);
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        for (size_t t = 0; t < ny; t++) {
            al->value[k][t] = (double)NAN;
        }
    }
    shi_threat_model def = shi_threat_model_default();
    const shi_threat_model *m = in->model ? in->model : &def;
    shi_threat_ctx *ctx = NULL;
    shi_status s = shi_threat_ctx_new(&ctx, d, err);
    /* Alliance similarity of the pair, from the dyad-year machinery. */
    shi_frame f;
    memset(&f, 0, sizeof f);
    if (s == SHI_OK) {
        const int pair[2] = {a, b};
        shi_dyad_opts o = {0};
        o.y0 = al->ys;
        o.y1 = y1;
        o.states = pair;
        o.nstates = 2;
        o.both = 1;
        s = shi_dyads_generate(in->states, &o, &f, err);
        if (s == SHI_OK && f.nrow > 0) {
            s = shi_dyadvars_add(&f, SHI_DV_SIM, d, NULL, err);
        }
    }
    long scol = s == SHI_OK ? shi_frame_find(&f, "s_wt_abs") : -1;
    for (size_t r = 0; s == SHI_OK && scol >= 0 && r < f.nrow; r++) {
        al->value[SHI_AL_S][f.cols[0].i32[r] - al->ys] = f.cols[scol].f64[r];
    }
    const shi_dyadic *dy = in->dy;
    long ia = -1, ib = -1;
    for (size_t i = 0; i < in->states->n; i++) {
        if (in->states->v[i].ccode == a) {
            ia = (long)i;
        }
        if (in->states->v[i].ccode == b) {
            ib = (long)i;
        }
    }
    for (int y = al->ys; s == SHI_OK && y <= y1; y++) {
        size_t t = (size_t)(y - al->ys);
        const shi_relations *rel = in->rel;
        if (rel) {
            al->value[SHI_AL_ARMS_AB][t] =
                share(shi_rel_arms(rel, a, b, y, y), shi_rel_arms_imports(rel, b, y, y));
            al->value[SHI_AL_ARMS_BA][t] =
                share(shi_rel_arms(rel, b, a, y, y), shi_rel_arms_imports(rel, a, y, y));
            double ab, ba, ima, exa, imb, exb;
            shi_rel_trade(rel, a, b, y, &ab, &ba);
            shi_rel_trade_total(rel, a, y, &ima, &exa);
            shi_rel_trade_total(rel, b, y, &imb, &exb);
            al->value[SHI_AL_TRADE_A][t] = share(ab + ba, ima + exa);
            al->value[SHI_AL_TRADE_B][t] = share(ab + ba, imb + exb);
            double c1 = shi_rel_conflict(rel, a, b, y), c2 = shi_rel_conflict(rel, b, a, y);
            int nc = !isnan(c1) + !isnan(c2);
            if (nc) {
                double mean = ((isnan(c1) ? 0 : c1) + (isnan(c2) ? 0 : c2)) / nc;
                al->value[SHI_AL_EVENTS][t] = 1 - 2 * mean;
            }
        }
        if (dy && ia >= 0 && ib >= 0 && y >= dy->y0 && y <= dy->y1) {
            uint8_t l1 = dy->ally_level[shi_dy_pair(dy, y, (size_t)ia, (size_t)ib)];
            uint8_t l2 = dy->ally_level[shi_dy_pair(dy, y, (size_t)ib, (size_t)ia)];
            if (l1 != SHI_NA_U8 && l2 != SHI_NA_U8) {
                al->value[SHI_AL_ALLIANCE][t] = l1 > l2 ? l1 : l2;
            }
            double u1 = dy->ideal[shi_dy_one(dy, y, (size_t)ia)];
            double u2 = dy->ideal[shi_dy_one(dy, y, (size_t)ib)];
            al->value[SHI_AL_UN_DIST][t] = fabs(u1 - u2);
            for (int q = 0; q < SHI_DY_NREF; q++) {
                if (dy->agree_ref[q] == b) {
                    al->value[SHI_AL_UN_AGREE][t] = dy->agree[q][shi_dy_one(dy, y, (size_t)ia)];
                } else if (dy->agree_ref[q] == a) {
                    al->value[SHI_AL_UN_AGREE][t] = dy->agree[q][shi_dy_one(dy, y, (size_t)ib)];
                }
            }
            if (dy->mid_host && y >= dy->mid_y0 && y <= dy->mid_y1) {
                uint8_t h1 = dy->mid_host[shi_dy_pair(dy, y, (size_t)ia, (size_t)ib)];
                uint8_t h2 = dy->mid_host[shi_dy_pair(dy, y, (size_t)ib, (size_t)ia)];
                h1 = h1 == SHI_NA_U8 ? 0 : h1;
                h2 = h2 == SHI_NA_U8 ? 0 : h2;
                al->value[SHI_AL_DISPUTE][t] = h1 > h2 ? h1 : h2;
            }
        }
        shi_threat tab, tba;
        if ((s = shi_threat_compute(ctx, m, a, b, y, &tab, err)) != SHI_OK ||
            (s = shi_threat_compute(ctx, m, b, a, y, &tba, err)) != SHI_OK) {
            break;
        }
        al->value[SHI_AL_THREAT_AB][t] = tab.total;
        al->value[SHI_AL_THREAT_BA][t] = tba.total;
    }
    if (s == SHI_OK && d->en_loaded) { /* energy: src/measures/energy.c */
        s = shi_energy_align_fill(&al->value[SHI_AL_EN_CRUDE], d, a, b, al->ys, y1, err);
    }
    for (int k = 0; s == SHI_OK && k < SHI_AL_N; k++) {
        for (int y = al->ys; y <= y1; y++) {
            double sl = slope(al, k, y - window + 1, y);
            al->slope[k][y - al->ys] = sl;
            al->dir[k][y - al->ys] = classify(sl, IND[k].tol);
        }
    }
    shi_frame_destroy(&f);
    shi_threat_ctx_free(ctx);
    if (s != SHI_OK) {
        shi_align_destroy(al);
    }
    return s;
}

shi_direction shi_align_indicator_direction(const shi_align *al, int k, double *slope_out)
{
    *slope_out = slope(al, k, al->y0, al->y1); /* the reported years only */
    return classify(*slope_out, IND[k].tol);
}

shi_direction shi_align_area_direction(const shi_align *al, shi_area area, double *score)
{
    double sum = 0;
    int n = 0;
    for (int k = 0; k < SHI_AL_N; k++) {
        if (IND[k].area != area) {
            continue;
        }
        double sl = slope(al, k, al->y0, al->y1);
        if (!isnan(sl)) {
            double z = sl / IND[k].tol;
            sum += z > 3 ? 3 : z < -3 ? -3 : z; /* one indicator cannot carry the area */
            n++;
        }
    }
    *score = n ? sum / n : (double)NAN;
    return n ? classify(*score, 1.0) : SHI_DIR_NA;
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
