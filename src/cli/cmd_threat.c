/*
 * cmd_threat.c - `shi threat A B` (both directions and the perception gap),
 * `shi threat --perceiver X --year Y --top N` (who threatens X most), and
 * `--sensitivity` (how results move over a grid of component weights);
 * `shi threat validate` is cmd_threat_validate.c.
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <shi/power.h>
#include <shi/threat.h>

/* The weight grid of --sensitivity: every composition of 1 into four weights
 * that are multiples of 0.1 and at least 0.1 (84 weightings). */
#define GRID_MAX 84
static size_t weight_grid(double (*g)[SHI_T_N])
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

static shi_status cols(shi_table *t, const char *const *names, const char *types, int n,
                       shi_err *err)
{
    shi_status s = SHI_OK;
    for (int c = 0; c < n && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], 4, err);
    }
    return s;
}

static shi_status pair_rows(shi_cli *cli, shi_table *t, const shi_threat_ctx *ctx,
                            const shi_threat_model *m, const shi_state *a, const shi_state *b,
                            int y0, int y1)
{
    static const char *const names[] = {"year",      "perceiver", "threat_from", "strength",
                                        "proximity", "offensive", "intentions",  "un",
                                        "disputes",  "conflict",  "alliances",   "events",
                                        "total",     "gap",       "partial"};
    static const char types[] = {'i', 's', 's', 'f', 'f', 'f', 'f', 'f',
                                 'f', 'f', 'f', 'f', 'f', 'f', 'i'};
    shi_err *err = &cli->err;
    shi_status s = cols(t, names, types, 15, err);
    for (int y = y0; y <= y1 && s == SHI_OK; y++) {
        shi_threat ab, ba;
        if ((s = shi_threat_compute(ctx, m, a->ccode, b->ccode, y, &ab, err)) ||
            (s = shi_threat_compute(ctx, m, b->ccode, a->ccode, y, &ba, err))) {
            break;
        }
        if (isnan(ab.total) && isnan(ba.total)) {
            continue; /* not both members that year */
        }
        for (int dir = 0; dir < 2 && s == SHI_OK; dir++) {
            const shi_threat *x = dir ? &ba : &ab, *o = dir ? &ab : &ba;
            if ((s = shi_table_int(t, y, err)) ||
                (s = shi_table_str(t, dir ? b->abb : a->abb, err)) ||
                (s = shi_table_str(t, dir ? a->abb : b->abb, err))) {
                break;
            }
            for (int k = 0; k < SHI_T_N && s == SHI_OK; k++) {
                s = shi_table_real(t, x->comp[k], err);
            }
            for (int k = 0; k < SHI_TI_N && s == SHI_OK; k++) {
                s = shi_table_real(t, x->intent[k], err);
            }
            if (s == SHI_OK && (s = shi_table_real(t, x->total, err)) == SHI_OK &&
                (s = shi_table_real(t, x->total - o->total, err)) == SHI_OK) {
                s = shi_table_int(t, x->partial, err);
            }
        }
    }
    return s;
}

typedef struct ranked {
    int ccode;
    double total;
} ranked;

static int by_total(const void *p, const void *q)
{
    const ranked *a = p, *b = q;
    if (a->total != b->total) {
        return a->total > b->total ? -1 : 1;
    }
    return (a->ccode > b->ccode) - (a->ccode < b->ccode);
}

/* Everyone that threatens `who` in `year`, sorted, with the model `m`. */
static shi_status rank_all(shi_cli *cli, const shi_threat_ctx *ctx, const shi_threat_model *m,
                           const shi_state *who, int year, ranked *r, size_t *n)
{
    const shi_states *st = &cli->data.states;
    *n = 0;
    for (size_t i = 0; i < st->n; i++) {
        const shi_state *x = &st->v[i];
        if (x == who) {
            continue;
        }
        shi_threat th;
        shi_status s = shi_threat_compute(ctx, m, who->ccode, x->ccode, year, &th, &cli->err);
        if (s != SHI_OK) {
            return s;
        }
        if (!isnan(th.total)) {
            r[*n].ccode = x->ccode;
            r[(*n)++].total = th.total;
        }
    }
    qsort(r, *n, sizeof *r, by_total);
    return SHI_OK;
}

int cmd_threat(shi_cli *cli, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "validate") == 0) {
        return cmd_threat_validate(cli, argc - 1, argv + 1);
    }
    const char *years = NULL, *year = NULL, *perceiver = NULL, *model = NULL, *format = NULL,
               *out = NULL, *measure = NULL;
    int top = 10, sensitivity = 0;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "years", &years, "A-B", "years (default: the last 10 of the data)"},
        {OPT_STRING, 'y', "year", &year, "YEAR", "one year"},
        {OPT_STRING, 0, "perceiver", &perceiver, "STATE", "rank who threatens STATE most"},
        {OPT_INT, 0, "top", &top, "N", "with --perceiver: how many (default 10)"},
        {OPT_STRING, 'm', "model", &model, "FILE", "threat model (YAML; docs/threat.md)"},
        {OPT_STRING, 0, "measure", &measure, "NAME",
         "power measure of strength and reach (default: the model's, cinc)"},
        {OPT_FLAG, 0, "sensitivity", &sensitivity, NULL,
         "how results move over 84 weightings of the four components"},
        {OPT_STRING, 0, "format", &format, "FMT", "table (default), csv, tsv or json"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[2];
    size_t npos;
    int help;
    shi_status s = cli_parse("threat",
                             "shi threat A B [--years A-B] [--model FILE] [--sensitivity]\n"
                             "       shi threat --perceiver STATE --year Y [--top N] "
                             "[--sensitivity]\n"
                             "       shi threat validate [--model FILE]",
                             opts, argc, argv, pos, 2, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if ((perceiver && npos != 0) || (!perceiver && npos != 2)) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "threat: give two states (shi threat A B) or --perceiver STATE");
    }
    if (top < 1 || top > 300) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "threat: --top takes 1-300, got %d", top);
    }
    shi_threat_model m = shi_threat_model_default();
    if (model && (s = shi_threat_model_load(&m, model, &cli->err)) != SHI_OK) {
        return s;
    }
    if (measure) {
        size_t k = 0;
        while (shi_threat_measures[k] && strcmp(shi_threat_measures[k], measure) != 0) {
            k++;
        }
        if (!shi_threat_measures[k]) {
            char list[200] = "";
            for (size_t q = 0; shi_threat_measures[q]; q++) {
                size_t n = strlen(list);
                snprintf(list + n, sizeof list - n, "%s%s", q ? ", " : "", shi_threat_measures[q]);
            }
            return shi_err_set(&cli->err, SHI_EUSAGE,
                               "threat: unknown --measure '%s'; valid are %s", measure, list);
        }
        snprintf(m.measure, sizeof m.measure, "%s", measure);
    }
    if ((s = cli_data(cli, SHI_DATA_RELATIONS, NULL, NULL)) != SHI_OK) {
        return s;
    }
    const shi_panel *p = &cli->data.caps;
    int y0 = p->year_max - 9, y1 = p->year_max;
    if (year && years) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "threat: give --year or --years, not both");
    }
    if ((year && (s = cli_years("year", year, p->year_min, p->year_max, &y0, &y1, &cli->err))) ||
        (years && (s = cli_years("years", years, p->year_min, p->year_max, &y0, &y1, &cli->err)))) {
        return s;
    }
    shi_threat_ctx *ctx = NULL;
    if ((s = shi_threat_ctx_new(&ctx, &cli->data, &cli->err)) != SHI_OK) {
        return s;
    }
    shi_table *t = shi_table_new();
    ranked *r = calloc(cli->data.states.n + 1, sizeof *r);
    if (!t || !r) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    double grid[GRID_MAX][SHI_T_N];
    size_t ng = weight_grid(grid);
    if (perceiver) {
        const shi_state *who;
        if ((s = shi_states_resolve(&cli->data.states, perceiver, y1, &who, &cli->err))) {
            goto cleanup;
        }
        if (y0 != y1) {
            s = shi_err_set(&cli->err, SHI_EUSAGE, "threat: --perceiver needs one --year");
            goto cleanup;
        }
        size_t n;
        if ((s = rank_all(cli, ctx, &m, who, y1, r, &n)) != SHI_OK) {
            goto cleanup;
        }
        if (n == 0) {
            s = shi_err_set(&cli->err, SHI_EDATA,
                            "threat: %s is not a system member with data in %d", who->abb, y1);
            goto cleanup;
        }
        size_t k = (size_t)top < n ? (size_t)top : n;
        static const char *const names[] = {"rank",     "threat_from", "name",     "total",
                                            "rank_min", "rank_max",    "top_share"};
        static const char types[] = {'i', 's', 's', 'f', 'i', 'i', 'f'};
        s = cols(t, names, types, sensitivity ? 7 : 4, &cli->err);
        int rmin[300], rmax[300], intop[300];
        for (size_t i = 0; i < k; i++) {
            rmin[i] = 1 << 30;
            rmax[i] = 0;
            intop[i] = 0;
        }
        ranked *g = calloc(cli->data.states.n + 1, sizeof *g);
        for (size_t w = 0; sensitivity && g && w < ng && s == SHI_OK; w++) {
            shi_threat_model mw = m;
            memcpy(mw.weight, grid[w], sizeof mw.weight);
            size_t gn;
            if ((s = rank_all(cli, ctx, &mw, who, y1, g, &gn)) != SHI_OK) {
                break;
            }
            for (size_t i = 0; i < k; i++) {
                for (size_t q = 0; q < gn; q++) {
                    if (g[q].ccode == r[i].ccode) {
                        int rank = (int)q + 1;
                        rmin[i] = rank < rmin[i] ? rank : rmin[i];
                        rmax[i] = rank > rmax[i] ? rank : rmax[i];
                        intop[i] += q < k;
                    }
                }
            }
        }
        free(g);
        for (size_t i = 0; i < k && s == SHI_OK; i++) {
            const shi_state *x = shi_states_get(&cli->data.states, r[i].ccode);
            if ((s = shi_table_int(t, (int64_t)i + 1, &cli->err)) ||
                (s = shi_table_str(t, x->abb, &cli->err)) ||
                (s = shi_table_str(t, x->name, &cli->err)) ||
                (s = shi_table_real(t, r[i].total, &cli->err))) {
                break;
            }
            if (sensitivity &&
                ((s = shi_table_int(t, rmin[i], &cli->err)) ||
                 (s = shi_table_int(t, rmax[i], &cli->err)) ||
                 (s = shi_table_real(t, (double)intop[i] / (double)ng, &cli->err)))) {
                break;
            }
        }
    } else {
        const shi_state *a, *b;
        if ((s = shi_states_resolve(&cli->data.states, pos[0], y1, &a, &cli->err)) ||
            (s = shi_states_resolve(&cli->data.states, pos[1], y1, &b, &cli->err))) {
            goto cleanup;
        }
        if (a == b) {
            s = shi_err_set(&cli->err, SHI_EUSAGE, "threat: the two states are the same");
            goto cleanup;
        }
        if (!sensitivity) {
            s = pair_rows(cli, t, ctx, &m, a, b, y0, y1);
        } else {
            /* Per year: the range of T both ways and of the gap over the grid. */
            static const char *const names[] = {
                "year", "perceiver", "threat_from", "total",   "min",
                "max",  "gap",       "gap_min",     "gap_max", "gap_positive_share"};
            static const char types[] = {'i', 's', 's', 'f', 'f', 'f', 'f', 'f', 'f', 'f'};
            s = cols(t, names, types, 10, &cli->err);
            for (int y = y0; y <= y1 && s == SHI_OK; y++) {
                shi_threat ab, ba;
                if ((s = shi_threat_compute(ctx, &m, a->ccode, b->ccode, y, &ab, &cli->err)) ||
                    (s = shi_threat_compute(ctx, &m, b->ccode, a->ccode, y, &ba, &cli->err))) {
                    break;
                }
                if (isnan(ab.total) || isnan(ba.total)) {
                    continue;
                }
                double lo = INFINITY, hi = -INFINITY, glo = INFINITY, ghi = -INFINITY;
                size_t pos_gap = 0;
                for (size_t w = 0; w < ng; w++) {
                    shi_threat_model mw = m;
                    memcpy(mw.weight, grid[w], sizeof mw.weight);
                    double x = shi_threat_combine(&mw, ab.comp),
                           z = shi_threat_combine(&mw, ba.comp);
                    lo = x < lo ? x : lo;
                    hi = x > hi ? x : hi;
                    glo = x - z < glo ? x - z : glo;
                    ghi = x - z > ghi ? x - z : ghi;
                    pos_gap += x > z;
                }
                if ((s = shi_table_int(t, y, &cli->err)) ||
                    (s = shi_table_str(t, a->abb, &cli->err)) ||
                    (s = shi_table_str(t, b->abb, &cli->err)) ||
                    (s = shi_table_real(t, ab.total, &cli->err)) ||
                    (s = shi_table_real(t, lo, &cli->err)) ||
                    (s = shi_table_real(t, hi, &cli->err)) ||
                    (s = shi_table_real(t, ab.total - ba.total, &cli->err)) ||
                    (s = shi_table_real(t, glo, &cli->err)) ||
                    (s = shi_table_real(t, ghi, &cli->err))) {
                    break;
                }
                s = shi_table_real(t, (double)pos_gap / (double)ng, &cli->err);
            }
        }
    }
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
cleanup:
    free(r);
    shi_table_free(t);
    shi_threat_ctx_free(ctx);
    return s;
}
