/*
 * threat_validate.c - the out-of-sample validation table of the threat index
 * (definitions in include/shi/threat_validate.h; the published table in
 * docs/threat.md). The statistics are those of shi/validate.h: the ROC AUC
 * (Hanley & McNeil 1982) within each perceiver-year and top-k hit rates.
 */
#include <shi/geography.h>
#include <shi/threat_validate.h>
#include <shi/validate.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Running sums of one cell. */
typedef struct acc {
    double auc_sum;
    size_t groups;
    double hit1, hit5;
    size_t hit_groups;
    size_t n_pos, n;
} acc;

typedef struct work {
    const shi_data *d;
    const shi_threat_model *m;
    const shi_threat_ctx *ctx;
    size_t n;      /* registry size */
    double *score; /* [k][j]: scores of the perceiver's partners */
    int *label;    /* [j] */
    long *group;   /* [j]: all 0 (one group at a time) */
    double *col;   /* [j]: one score's values of the eligible cases */
    int *lab;      /* [j]: their labels */
    acc a[SHI_TV_NOUT][SHI_TV_NPERIOD][SHI_TV_NSCORE];
} work;

/* 1 when i and j fought in year y by outcome o (either order), 0 if not, -1
 * outside the data. */
static int fought(const shi_dyadic *dy, int o, int y, size_t i, size_t j)
{
    if (o == SHI_TV_MID) {
        if (!dy->mid_host || y < dy->mid_y0 || y > dy->mid_y1) {
            return -1;
        }
        uint8_t a = dy->mid_host[shi_dy_pair(dy, y, i, j)];
        uint8_t b = dy->mid_host[shi_dy_pair(dy, y, j, i)];
        return (a != SHI_NA_U8 && a > 0) || (b != SHI_NA_U8 && b > 0);
    }
    if (!dy->ucdp || y < dy->ucdp_y0 || y > dy->ucdp_y1) {
        return -1;
    }
    uint8_t u = dy->ucdp[shi_dy_pair(dy, y, i, j)];
    return u != SHI_NA_U8 && u > 0;
}

/* The scores of every partner j of perceiver i in year t into w->score. */
static shi_status scores(work *w, size_t i, int t, shi_err *err)
{
    const shi_data *d = w->d;
    const shi_dyadic *dy = &d->dy;
    const shi_states *s = &d->states;
    int ci = s->v[i].ccode;
    long ri = shi_panel_row(&d->caps, ci, t);
    double cinc_i = ri >= 0 && shi_panel_ok(&d->caps, d->cinc, (size_t)ri)
                        ? shi_panel_get(&d->caps, d->cinc, (size_t)ri)
                        : (double)NAN;
    for (size_t j = 0; j < w->n; j++) {
        for (int k = 0; k < SHI_TV_NSCORE; k++) {
            w->score[(size_t)k * w->n + j] = (double)NAN;
        }
        if (j == i || !shi_states_member(s, &s->v[j], t)) {
            continue;
        }
        int cj = s->v[j].ccode;
        shi_threat th;
        shi_status st = shi_threat_compute(w->ctx, w->m, ci, cj, t, &th, err);
        if (st != SHI_OK) {
            return st;
        }
        w->score[SHI_TV_COMPOSITE * w->n + j] = th.total;
        for (int k = 0; k < SHI_T_N; k++) {
            w->score[(size_t)(1 + k) * w->n + j] = th.comp[k];
        }
        size_t a = shi_dy_one(dy, t, i), b = shi_dy_one(dy, t, j);
        if (!isnan(dy->cap_lat[a]) && !isnan(dy->cap_lat[b])) {
            w->score[SHI_TV_DISTANCE * w->n + j] = -shi_great_circle_km(
                dy->cap_lat[a], dy->cap_lon[a], dy->cap_lat[b], dy->cap_lon[b]);
        }
        /* Contiguity: land 5, then sea within 12, 24, 150, 400 miles; none 0.
         * After the contiguity data end, their last year. */
        int yc = t > dy->contig_y1 ? dy->contig_y1 : t;
        uint8_t ct = yc >= dy->y0 ? dy->contig[shi_dy_pair(dy, yc, i, j)] : SHI_NA_U8;
        if (ct != SHI_NA_U8) {
            w->score[SHI_TV_CONTIGUITY * w->n + j] = ct >= 1 && ct <= 5 ? 6 - ct : 0;
        }
        long rj = shi_panel_row(&d->caps, cj, t);
        if (rj >= 0 && shi_panel_ok(&d->caps, d->cinc, (size_t)rj) && cinc_i > 0) {
            w->score[SHI_TV_CINC_RATIO * w->n + j] =
                shi_panel_get(&d->caps, d->cinc, (size_t)rj) / cinc_i;
        }
    }
    return SHI_OK;
}

/* Add perceiver i in year t to the cells of outcome o, period p. */
static shi_status evaluate(work *w, size_t i, int t, int o, int p, int horizon, shi_err *err)
{
    const shi_dyadic *dy = &w->d->dy;
    const shi_states *s = &w->d->states;
    size_t m = 0;
    size_t idx[1024];
    for (size_t j = 0; j < w->n && m < 1024; j++) {
        if (j == i || !shi_states_member(s, &s->v[j], t) || fought(dy, o, t, i, j) != 0) {
            continue; /* not a partner, or in conflict already (not at risk of onset) */
        }
        int pos = 0, known = 0;
        for (int y = t + 1; y <= t + horizon; y++) {
            int f = fought(dy, o, y, i, j);
            known |= f >= 0;
            pos |= f > 0;
        }
        if (!known) {
            continue;
        }
        w->label[m] = pos;
        idx[m++] = j;
    }
    for (int k = 0; k < SHI_TV_NSCORE; k++) {
        acc *a = &w->a[o][p][k];
        for (size_t c = 0; c < m; c++) {
            w->col[c] = w->score[(size_t)k * w->n + idx[c]];
            w->lab[c] = w->label[c];
            w->group[c] = 0;
        }
        shi_auc_result r;
        shi_status st = shi_auc(w->col, w->lab, m, &r, err);
        if (st != SHI_OK) {
            return st;
        }
        a->n_pos += r.n_pos;
        a->n += r.n_pos + r.n_neg;
        if (!isnan(r.auc)) {
            a->auc_sum += r.auc;
            a->groups++;
        }
        size_t g1 = 0, g5 = 0;
        double h1 = shi_topk_hits(w->col, w->lab, w->group, m, 1, &g1);
        double h5 = shi_topk_hits(w->col, w->lab, w->group, m, 5, &g5);
        if (g1 > 0 && !isnan(h1)) {
            a->hit1 += h1;
            a->hit5 += isnan(h5) ? 0 : h5;
            a->hit_groups++;
        }
    }
    return SHI_OK;
}

shi_status shi_threat_validate(const shi_data *d, const shi_threat_model *m, int train_end,
                               int horizon, shi_threat_validation *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    if (!d->rel_loaded || !d->dy.mid_host || !d->dy.ucdp) {
        return shi_err_set(err, SHI_EDATA,
                           "threat validation: the disputes and UCDP conflict data are not loaded");
    }
    if (horizon < 1 || horizon > 20) {
        return shi_err_set(err, SHI_EUSAGE, "threat validation: horizon must be 1-20, got %d",
                           horizon);
    }
    const shi_dyadic *dy = &d->dy;
    out->horizon = horizon;
    const int first[SHI_TV_NOUT] = {dy->mid_y0, dy->ucdp_y0};
    const int last[SHI_TV_NOUT] = {dy->mid_y1, dy->ucdp_y1};
    for (int o = 0; o < SHI_TV_NOUT; o++) {
        out->y0[o][SHI_TV_TRAIN] = first[o] > d->caps.year_min ? first[o] : d->caps.year_min;
        out->y1[o][SHI_TV_TRAIN] = train_end - horizon;
        out->y0[o][SHI_TV_TEST] = train_end + 1;
        out->y1[o][SHI_TV_TEST] = last[o] - 1;
    }
    work w;
    memset(&w, 0, sizeof w);
    w.d = d;
    w.m = m;
    w.n = d->states.n;
    shi_threat_ctx *ctx = NULL;
    shi_status s = shi_threat_ctx_new(&ctx, d, err);
    w.ctx = ctx;
    w.score = malloc(SHI_TV_NSCORE * (w.n + 1) * sizeof *w.score);
    w.label = malloc((w.n + 1) * sizeof *w.label);
    w.lab = malloc((w.n + 1) * sizeof *w.lab);
    w.group = malloc((w.n + 1) * sizeof *w.group);
    w.col = malloc((w.n + 1) * sizeof *w.col);
    if (s == SHI_OK && (!w.score || !w.label || !w.lab || !w.group || !w.col)) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    int ya = out->y0[SHI_TV_MID][SHI_TV_TRAIN], yb = out->y1[SHI_TV_UCDP][SHI_TV_TEST];
    for (int t = ya; t <= yb && s == SHI_OK; t++) {
        if (t < dy->y0 || t > dy->y1) {
            continue;
        }
        int want[SHI_TV_NOUT], any = 0;
        for (int o = 0; o < SHI_TV_NOUT; o++) {
            want[o] = -1;
            for (int p = 0; p < SHI_TV_NPERIOD; p++) {
                if (t >= out->y0[o][p] && t <= out->y1[o][p]) {
                    want[o] = p;
                    any = 1;
                }
            }
        }
        for (size_t i = 0; any && i < w.n && s == SHI_OK; i++) {
            if (!shi_states_member(&d->states, &d->states.v[i], t)) {
                continue;
            }
            s = scores(&w, i, t, err);
            for (int o = 0; o < SHI_TV_NOUT && s == SHI_OK; o++) {
                if (want[o] >= 0) {
                    s = evaluate(&w, i, t, o, want[o], horizon, err);
                }
            }
        }
    }
    for (int o = 0; o < SHI_TV_NOUT; o++) {
        for (int p = 0; p < SHI_TV_NPERIOD; p++) {
            for (int k = 0; k < SHI_TV_NSCORE; k++) {
                const acc *a = &w.a[o][p][k];
                shi_tv_cell *c = &out->cell[o][p][k];
                c->groups = a->groups;
                c->auc = a->groups ? a->auc_sum / (double)a->groups : (double)NAN;
                c->hit_groups = a->hit_groups;
                c->top1 = a->hit_groups ? a->hit1 / (double)a->hit_groups : (double)NAN;
                c->top5 = a->hit_groups ? a->hit5 / (double)a->hit_groups : (double)NAN;
                c->n_pos = a->n_pos;
                c->n = a->n;
            }
        }
    }
    free(w.score);
    free(w.label);
    free(w.lab);
    free(w.group);
    free(w.col);
    shi_threat_ctx_free(ctx);
    return s;
}
