/*
 * coop_stability.c - the stability rules of cooperation (analytic and
 * simulated thresholds of delta), the grid of delta they are simulated on,
 * tournaments over a grid of delta and noise, and shares in rank order
 * (include/shi/coop.h).
 */
#include <shi/coop.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

double shi_coop_rule_threshold(const shi_coop_thresholds *t, shi_coop_rule r)
{
    switch (r) {
    case SHI_COOP_RULE_GRIM:
        return t->grim;
    case SHI_COOP_RULE_TFT_ALLD:
        return t->tft_alld;
    case SHI_COOP_RULE_TFT_ALT:
        return t->tft_alt;
    case SHI_COOP_RULE_TFT:
    case SHI_COOP_RULE_N:
        break;
    }
    return t->tft;
}

void shi_coop_grid_free(shi_coop_grid *g)
{
    if (g) {
        free(g->v);
        memset(g, 0, sizeof *g);
    }
}

shi_status shi_coop_delta_grid(double step, shi_coop_grid *out, shi_err *err)
{
    out->n = 0;
    if (!(step >= 0.001 && step <= 0.5)) {
        return shi_err_set(err, SHI_EUSAGE, "delta grid step must be in [0.001, 0.5], got %g",
                           step);
    }
    for (long i = 1;; i++) {
        /* Grid points are multiples of the step, rounded to 1e-9 so 0.67 prints as 0.67. */
        double d = round((double)i * step * 1e9) / 1e9;
        if (d >= 1.0) {
            break;
        }
        if (SHI_GROW(out->v, out->cap, out->n + 1) != 0) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        out->v[out->n++] = d;
    }
    return SHI_OK;
}

/* The rules: incumbent, deviants, formula of the analytic threshold. */
static const struct {
    const char *what, *incumbent, *deviants[2];
    size_t ndev;
    const char *devs, *formula;
} RULES[SHI_COOP_RULE_N] = {
    {"Grim Trigger sustains cooperation",
     "Grudger",
     {"Defector", NULL},
     1,
     "Defector",
     "(T'-R)/(T'-P)"},
    {"TFT resists Always Defect",
     "Tit For Tat",
     {"Defector", NULL},
     1,
     "Defector",
     "(T'-R)/(T'-P)"},
    {"TFT resists alternation",
     "Tit For Tat",
     {"Cycler DC", NULL},
     1,
     "Cycler DC",
     "(T'-R)/(R-S')"},
    {"TFT collectively stable",
     "Tit For Tat",
     {"Defector", "Cycler DC"},
     2,
     "Defector, Cycler DC",
     "max of the two"},
};

/* Row r without the simulation: names, players and the analytic thresholds. */
static shi_status rule_row(shi_coop_stability_row *row, shi_coop_rule r,
                           const shi_coop_thresholds *th0, const shi_coop_thresholds *thk,
                           shi_err *err)
{
    row->rule = r;
    row->what = RULES[r].what;
    row->deviants = RULES[r].devs;
    row->formula = RULES[r].formula;
    row->ndev = RULES[r].ndev;
    row->analytic_k0 = shi_coop_rule_threshold(th0, r);
    row->analytic = shi_coop_rule_threshold(thk, r);
    row->simulated = (double)NAN;
    shi_status s = shi_coop_player_parse(RULES[r].incumbent, &row->incumbent, err);
    for (size_t i = 0; i < RULES[r].ndev && s == SHI_OK; i++) {
        s = shi_coop_player_parse(RULES[r].deviants[i], &row->dev[i], err);
    }
    return s;
}

shi_status shi_coop_stability_compute(const shi_coop_game *g, const shi_coop_grid *grid,
                                      long samples, uint64_t seed, int threads,
                                      shi_coop_stability *out, shi_err *err)
{
    shi_coop_thresholds th0, thk;
    shi_status s;
    if ((s = shi_coop_thresholds_compute(&g->pay, 0.0, &th0, err)) ||
        (s = shi_coop_thresholds_compute(&g->pay, g->k, &thk, err))) {
        return s;
    }
    for (int r = 0; r < SHI_COOP_RULE_N && s == SHI_OK; r++) {
        s = rule_row(&out->row[r], (shi_coop_rule)r, &th0, &thk, err);
    }
    for (int r = 0; r < SHI_COOP_RULE_N && s == SHI_OK; r++) {
        shi_coop_stability_row *row = &out->row[r];
        s = shi_coop_threshold_simulate(&row->incumbent, row->dev, row->ndev, g, grid->v, grid->n,
                                        samples, seed, threads, &row->simulated, NULL, err);
    }
    return s;
}

void shi_coop_sweep_free(shi_coop_sweep_result *r)
{
    if (!r) {
        return;
    }
    for (size_t i = 0; r->tour && i < r->nd * r->ne; i++) {
        shi_coop_tour_destroy(&r->tour[i]);
    }
    free(r->tour);
    memset(r, 0, sizeof *r);
}

shi_status shi_coop_sweep(const shi_coop_player *players, size_t n, const shi_coop_tour_opts *o,
                          const double *deltas, size_t nd, const double *noises, size_t ne,
                          shi_coop_sweep_result *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    if (nd * ne > 0 && !(out->tour = calloc(nd * ne, sizeof *out->tour))) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    out->nd = nd;
    out->ne = ne;
    shi_coop_tour_opts to = *o;
    shi_status s = SHI_OK;
    for (size_t di = 0; di < nd && s == SHI_OK; di++) {
        for (size_t ei = 0; ei < ne && s == SHI_OK; ei++) {
            to.game.delta = deltas[di];
            to.game.noise = noises[ei];
            shi_coop_tour *t = &out->tour[ei * nd + di];
            shi_coop_tour_init(t);
            /* The tournament names the bad value (delta or noise) if any. */
            s = shi_coop_tournament(players, n, &to, t, err);
        }
    }
    if (s != SHI_OK) {
        shi_coop_sweep_free(out);
    }
    return s;
}

void shi_coop_order_by_share(const double *x, size_t n, size_t *ord)
{
    /* Insertion sort: stable, so ties keep the input order. */
    for (size_t a = 0; a < n; a++) {
        size_t b = a;
        while (b > 0 && x[ord[b - 1]] < x[a]) {
            ord[b] = ord[b - 1];
            b--;
        }
        ord[b] = a;
    }
}
