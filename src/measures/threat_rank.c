/*
 * threat_rank.c - who threatens a state most, and how the balance of threat
 * moves over a grid of component weights (include/shi/threat.h).
 */
#include <shi/threat.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

/* The weight grid: every composition of 1 into four weights that are
 * multiples of 0.1 and at least 0.1, in lexicographic order of (a, b, c). */
static size_t weight_grid(double g[SHI_THREAT_GRID_N][SHI_T_N])
{
    size_t n = 0;
    for (int a = 1; a <= 7; a++) {
        for (int b = 1; a + b <= 8; b++) {
            for (int c = 1; a + b + c <= 9; c++) {
                int d = 10 - a - b - c;
                g[n][0] = a / 10.0;
                g[n][1] = b / 10.0;
                g[n][2] = c / 10.0;
                g[n][3] = d / 10.0;
                n++;
            }
        }
    }
    return n;
}

void shi_threat_sensitivity_of(const shi_threat_model *m, const shi_threat *ab,
                               const shi_threat *ba, shi_threat_sens *out)
{
    double grid[SHI_THREAT_GRID_N][SHI_T_N];
    size_t ng = weight_grid(grid);
    double lo = INFINITY, hi = -INFINITY, glo = INFINITY, ghi = -INFINITY;
    size_t pos_gap = 0, known = 0;
    for (size_t w = 0; w < ng; w++) {
        shi_threat_model mw = *m;
        memcpy(mw.weight, grid[w], sizeof mw.weight);
        double x = shi_threat_combine(&mw, ab->comp), z = shi_threat_combine(&mw, ba->comp);
        if (isnan(x) || isnan(z)) {
            continue; /* a weighting that needs a component the pair lacks */
        }
        known++;
        lo = x < lo ? x : lo;
        hi = x > hi ? x : hi;
        glo = x - z < glo ? x - z : glo;
        ghi = x - z > ghi ? x - z : ghi;
        pos_gap += x > z;
    }
    out->total = ab->total;
    out->min = lo;
    out->max = hi;
    out->gap = ab->total - ba->total;
    out->gap_min = glo;
    out->gap_max = ghi;
    out->gap_positive_share = known ? (double)pos_gap / (double)known : (double)NAN;
    if (!known) {
        out->min = out->max = out->gap_min = out->gap_max = (double)NAN;
    }
}

shi_status shi_threat_sensitivity(const shi_threat_ctx *c, const shi_threat_model *m, int i, int j,
                                  int year, shi_threat_sens *out, shi_err *err)
{
    shi_threat ab, ba;
    shi_status s;
    if ((s = shi_threat_compute(c, m, i, j, year, &ab, err)) ||
        (s = shi_threat_compute(c, m, j, i, year, &ba, err))) {
        return s;
    }
    if (isnan(ab.total) || isnan(ba.total)) {
        out->total = out->min = out->max = (double)NAN;
        out->gap = out->gap_min = out->gap_max = out->gap_positive_share = (double)NAN;
        return SHI_OK;
    }
    shi_threat_sensitivity_of(m, &ab, &ba, out);
    return SHI_OK;
}

void shi_threat_ranking_free(shi_threat_ranking *r)
{
    if (r) {
        free(r->v);
        memset(r, 0, sizeof *r);
    }
}

static int by_total(const void *p, const void *q)
{
    const shi_threat_rank *a = p, *b = q;
    if (a->total != b->total) {
        return a->total > b->total ? -1 : 1;
    }
    return (a->ccode > b->ccode) - (a->ccode < b->ccode);
}

shi_status shi_threat_rank_all(const shi_threat_ctx *c, const shi_states *st,
                               const shi_threat_model *m, int perceiver, int year,
                               shi_threat_ranking *out, shi_err *err)
{
    out->n = 0;
    for (size_t i = 0; i < st->n; i++) {
        const shi_state *x = &st->v[i];
        if (x->ccode == perceiver) {
            continue;
        }
        shi_threat th;
        shi_status s = shi_threat_compute(c, m, perceiver, x->ccode, year, &th, err);
        if (s != SHI_OK) {
            return s;
        }
        if (isnan(th.total)) {
            continue;
        }
        if (SHI_GROW(out->v, out->cap, out->n + 1) != 0) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        shi_threat_rank *r = &out->v[out->n++];
        memset(r, 0, sizeof *r);
        r->ccode = x->ccode;
        r->total = th.total;
        r->top_share = (double)NAN;
    }
    if (out->n > 0) {
        qsort(out->v, out->n, sizeof *out->v, by_total);
    }
    return SHI_OK;
}

/* Fold one weighting's ranking `g` into the ranges of the first `top` of `r`. */
static void fold_ranks(shi_threat_ranking *r, size_t top, const shi_threat_ranking *g)
{
    for (size_t i = 0; i < top; i++) {
        shi_threat_rank *x = &r->v[i];
        for (size_t q = 0; q < g->n; q++) {
            if (g->v[q].ccode == x->ccode) {
                int rank = (int)q + 1;
                x->rank_min = rank < x->rank_min ? rank : x->rank_min;
                x->rank_max = rank > x->rank_max ? rank : x->rank_max;
                x->top_share += q < top;
            }
        }
    }
}

shi_status shi_threat_rank_sensitivity(const shi_threat_ctx *c, const shi_states *st,
                                       const shi_threat_model *m, int perceiver, int year,
                                       size_t top, shi_threat_ranking *r, shi_err *err)
{
    top = top < r->n ? top : r->n;
    for (size_t i = 0; i < top; i++) {
        r->v[i].rank_min = 1 << 30;
        r->v[i].rank_max = 0;
        r->v[i].top_share = 0; /* counts weightings first, divided at the end */
    }
    double grid[SHI_THREAT_GRID_N][SHI_T_N];
    size_t ng = weight_grid(grid);
    shi_threat_ranking g = {0};
    shi_status s = SHI_OK;
    for (size_t w = 0; w < ng && s == SHI_OK; w++) {
        shi_threat_model mw = *m;
        memcpy(mw.weight, grid[w], sizeof mw.weight);
        if ((s = shi_threat_rank_all(c, st, &mw, perceiver, year, &g, err)) == SHI_OK) {
            fold_ranks(r, top, &g);
        }
    }
    shi_threat_ranking_free(&g);
    for (size_t i = 0; i < top; i++) {
        r->v[i].top_share /= (double)ng;
    }
    return s;
}
