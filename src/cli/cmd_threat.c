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
#include <shi/tables.h>
#include <shi/threat.h>

static shi_status cols(shi_table *t, const char *const *names, const char *types, int n,
                       shi_err *err)
{
    shi_status s = SHI_OK;
    for (int c = 0; c < n && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], 4, err);
    }
    return s;
}

/* --perceiver: who threatens `who` most in `year` (with --sensitivity, the
 * range of ranks over the weight grid). */
static shi_status perceiver_rows(shi_cli *cli, shi_table *t, const shi_threat_ctx *ctx,
                                 const shi_threat_model *m, const shi_state *who, int year, int top,
                                 int sensitivity)
{
    static const char *const names[] = {"rank",     "threat_from", "name",     "total",
                                        "rank_min", "rank_max",    "top_share"};
    static const char types[] = {'i', 's', 's', 'f', 'i', 'i', 'f'};
    const shi_states *st = &cli->data.states;
    shi_threat_ranking r = {0};
    shi_status s = shi_threat_rank_all(ctx, st, m, who->ccode, year, &r, &cli->err);
    if (s == SHI_OK && r.n == 0) {
        s = shi_err_set(&cli->err, SHI_EDATA, "threat: %s is not a system member with data in %d",
                        who->abb, year);
    }
    size_t k = (size_t)top < r.n ? (size_t)top : r.n;
    if (s == SHI_OK) {
        s = cols(t, names, types, sensitivity ? 7 : 4, &cli->err);
    }
    if (s == SHI_OK && sensitivity) {
        s = shi_threat_rank_sensitivity(ctx, st, m, who->ccode, year, k, &r, &cli->err);
    }
    for (size_t i = 0; i < k && s == SHI_OK; i++) {
        const shi_threat_rank *x = &r.v[i];
        const shi_state *z = shi_states_get(st, x->ccode);
        if ((s = shi_table_int(t, (int64_t)i + 1, &cli->err)) ||
            (s = shi_table_str(t, z->abb, &cli->err)) ||
            (s = shi_table_str(t, z->name, &cli->err)) ||
            (s = shi_table_real(t, x->total, &cli->err))) {
            break;
        }
        if (sensitivity && ((s = shi_table_int(t, x->rank_min, &cli->err)) ||
                            (s = shi_table_int(t, x->rank_max, &cli->err)) ||
                            (s = shi_table_real(t, x->top_share, &cli->err)))) {
            break;
        }
    }
    shi_threat_ranking_free(&r);
    return s;
}

/* A --sensitivity of a pair: per year, the range of T both ways and of the gap
 * over the weight grid. */
static shi_status sensitivity_rows(shi_cli *cli, shi_table *t, const shi_threat_ctx *ctx,
                                   const shi_threat_model *m, const shi_state *a,
                                   const shi_state *b, int y0, int y1)
{
    static const char *const names[] = {
        "year", "perceiver", "threat_from", "total",   "min",
        "max",  "gap",       "gap_min",     "gap_max", "gap_positive_share"};
    static const char types[] = {'i', 's', 's', 'f', 'f', 'f', 'f', 'f', 'f', 'f'};
    shi_status s = cols(t, names, types, 10, &cli->err);
    for (int y = y0; y <= y1 && s == SHI_OK; y++) {
        shi_threat_sens x;
        if ((s = shi_threat_sensitivity(ctx, m, a->ccode, b->ccode, y, &x, &cli->err)) ||
            isnan(x.total)) {
            continue;
        }
        const double v[] = {x.total, x.min, x.max, x.gap, x.gap_min, x.gap_max};
        if ((s = shi_table_int(t, y, &cli->err)) || (s = shi_table_str(t, a->abb, &cli->err)) ||
            (s = shi_table_str(t, b->abb, &cli->err))) {
            break;
        }
        for (size_t c = 0; c < sizeof v / sizeof v[0] && s == SHI_OK; c++) {
            s = shi_table_real(t, v[c], &cli->err);
        }
        if (s == SHI_OK) {
            s = shi_table_real(t, x.gap_positive_share, &cli->err);
        }
    }
    return s;
}

/* The options of `shi threat`. */
typedef struct threat_args {
    const char *years, *year, *perceiver, *model, *format, *out, *measure;
    int top, sensitivity;
    const char *pos[2];
    size_t npos;
} threat_args;

static shi_status threat_parse(shi_cli *cli, int argc, char **argv, threat_args *o, int *help)
{
    const cli_opt opts[] = {
        {OPT_STRING, 0, "years", &o->years, "A-B", "years (default: the last 10 of the data)"},
        {OPT_STRING, 'y', "year", &o->year, "YEAR", "one year"},
        {OPT_STRING, 0, "perceiver", &o->perceiver, "STATE", "rank who threatens STATE most"},
        {OPT_INT, 0, "top", &o->top, "N", "with --perceiver: how many (default 10)"},
        {OPT_STRING, 'm', "model", &o->model, "FILE", "threat model (YAML; docs/threat.md)"},
        {OPT_STRING, 0, "measure", &o->measure, "NAME",
         "power measure of strength and reach (default: the model's, cinc)"},
        {OPT_FLAG, 0, "sensitivity", &o->sensitivity, NULL,
         "how results move over 84 weightings of the four components"},
        {OPT_STRING, 0, "format", &o->format, "FMT",
         "table (default), csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &o->out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    shi_status s = cli_parse("threat",
                             "shi threat A B [--years A-B] [--model FILE] [--sensitivity]\n"
                             "       shi threat --perceiver STATE --year Y [--top N] "
                             "[--sensitivity]\n"
                             "       shi threat validate [--model FILE]",
                             opts, argc, argv, o->pos, 2, &o->npos, help, &cli->err);
    if (s != SHI_OK || *help) {
        return s;
    }
    if ((o->perceiver && o->npos != 0) || (!o->perceiver && o->npos != 2)) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "threat: give two states (shi threat A B) or --perceiver STATE");
    }
    if (o->top < 1 || o->top > 300) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "threat: --top takes 1-300, got %d", o->top);
    }
    return SHI_OK;
}

/* --measure: a power measure the threat model knows (shi_threat_measures). */
static shi_status set_measure(shi_cli *cli, shi_threat_model *m, const char *measure)
{
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
        return shi_err_set(&cli->err, SHI_EUSAGE, "threat: unknown --measure '%s'; valid are %s",
                           measure, list);
    }
    snprintf(m->measure, sizeof m->measure, "%s", measure);
    return SHI_OK;
}

/* The model, the data and the years (default: the last 10 of the data). */
static shi_status threat_setup(shi_cli *cli, const threat_args *o, shi_threat_model *m, int *y0,
                               int *y1)
{
    shi_status s;
    *m = shi_threat_model_default();
    if (o->model && (s = shi_threat_model_load(m, o->model, &cli->err)) != SHI_OK) {
        return s;
    }
    if (o->measure && (s = set_measure(cli, m, o->measure)) != SHI_OK) {
        return s;
    }
    /* A power measure on GDP needs the economic part of the data. */
    const shi_power_measure *pm = shi_power_measure_find(m->measure);
    if ((s = cli_data(cli, SHI_DATA_RELATIONS | (pm ? pm->parts : 0), NULL, NULL)) != SHI_OK) {
        return s;
    }
    const shi_panel *p = &cli->data.caps;
    *y0 = p->year_max - 9;
    *y1 = p->year_max;
    if (o->year && o->years) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "threat: give --year or --years, not both");
    }
    if ((o->year &&
         (s = cli_years("year", o->year, p->year_min, p->year_max, y0, y1, &cli->err))) ||
        (o->years &&
         (s = cli_years("years", o->years, p->year_min, p->year_max, y0, y1, &cli->err)))) {
        return s;
    }
    return SHI_OK;
}

/* The rows of the table: a perceiver's ranking, or a pair's years. */
static shi_status threat_rows(shi_cli *cli, shi_table *t, const shi_threat_ctx *ctx,
                              const shi_threat_model *m, const threat_args *o, int y0, int y1)
{
    const shi_states *st = &cli->data.states;
    shi_status s;
    if (o->perceiver) {
        const shi_state *who;
        if ((s = shi_states_resolve(st, o->perceiver, y1, &who, &cli->err))) {
            return s;
        }
        if (y0 != y1) {
            return shi_err_set(&cli->err, SHI_EUSAGE, "threat: --perceiver needs one --year");
        }
        return perceiver_rows(cli, t, ctx, m, who, y1, o->top, o->sensitivity);
    }
    const shi_state *a, *b;
    if ((s = cli_pair(cli, o->pos, y1, &a, &b)) != SHI_OK) {
        return s;
    }
    if (a == b) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "threat: the two states are the same");
    }
    return o->sensitivity ? sensitivity_rows(cli, t, ctx, m, a, b, y0, y1)
                          : shi_tables_threat_pair(ctx, m, a, b, y0, y1, t, &cli->err);
}

int cmd_threat(shi_cli *cli, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "validate") == 0) {
        return cmd_threat_validate(cli, argc - 1, argv + 1);
    }
    threat_args o = {0};
    o.top = 10;
    int help;
    shi_threat_model m;
    int y0, y1;
    shi_status s = threat_parse(cli, argc, argv, &o, &help);
    if (s != SHI_OK || help || (s = threat_setup(cli, &o, &m, &y0, &y1)) != SHI_OK) {
        return s;
    }
    shi_threat_ctx *ctx = NULL;
    if ((s = shi_threat_ctx_new(&ctx, &cli->data, &cli->err)) != SHI_OK) {
        return s;
    }
    shi_table *t = shi_table_new();
    if (!t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    } else {
        s = threat_rows(cli, t, ctx, &m, &o, y0, y1);
    }
    if (s == SHI_OK) {
        s = cli_write_table(t, o.format, o.out, &cli->err);
    }
    shi_table_free(t);
    shi_threat_ctx_free(ctx);
    return s;
}
