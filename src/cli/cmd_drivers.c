/*
 * cmd_drivers.c - `shi drivers A B`: is the pair's alignment externally driven?
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <shi/drivers.h>
#include <shi/drivers_reference.h>
#include <shi/dyad_drivers.h>

/* The options of `shi drivers`. */
typedef struct drivers_args {
    const char *third, *years, *outcome, *format, *out;
    int boot, diff, lags, reference, threads, seed;
    const char *pos[2];
    size_t npos;
} drivers_args;

static shi_status drivers_parse(shi_cli *cli, int argc, char **argv, drivers_args *o, int *help)
{
    const cli_opt opts[] = {
        {OPT_STRING, 0, "third", &o->third, "STATE",
         "the third state (default: the most capable other state in the last year)"},
        {OPT_STRING, 0, "years", &o->years, "A-B", "years (default 1992-2014)"},
        {OPT_STRING, 0, "outcome", &o->outcome, "NAME", "ideal (default), sim or index"},
        {OPT_INT, 0, "boot", &o->boot, "B", "bootstrap replications (default 2000; 0 none)"},
        {OPT_INT, 0, "seed", &o->seed, "S", "bootstrap seed (default 1)"},
        {OPT_FLAG, 0, "diff", &o->diff, NULL, "first differences instead of levels"},
        {OPT_INT, 0, "lags", &o->lags, "L", "add drivers lagged 1..L years"},
        {OPT_FLAG, 0, "reference", &o->reference, NULL,
         "compare with every pair of major powers of the last year"},
        CLI_OPT_THREADS(o->threads),
        {OPT_STRING, 0, "format", &o->format, "FMT",
         "table (default), csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &o->out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    return cli_parse("drivers",
                     "shi drivers A B [--third C] [--years A-B] [--outcome "
                     "ideal|sim|index] [--reference]",
                     opts, argc, argv, o->pos, 2, &o->npos, help, &cli->err);
}

/* The pair, the third state and the years, checked. */
static shi_status drivers_pair(shi_cli *cli, const drivers_args *o, int *y0, int *y1,
                               const shi_state **a, const shi_state **b, int *third)
{
    const shi_panel *p = &cli->data.caps;
    const shi_states *st = &cli->data.states;
    const shi_state *c = NULL;
    shi_status s;
    *y0 = 1992;
    *y1 = 2014;
    if ((s = cli_years_pair(cli, o->years, o->pos, y0, y1, a, b)) ||
        (o->third && (s = shi_states_resolve(st, o->third, *y1, &c, &cli->err)))) {
        return s;
    }
    if (*a == *b || (c && (c == *a || c == *b))) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "drivers: the states must be different");
    }
    *third =
        c ? c->ccode : shi_most_capable_other(p, cli->data.cinc, (*a)->ccode, (*b)->ccode, *y1);
    return SHI_OK;
}

/* The heading lines of the text output. */
static void print_heading(shi_cli *cli, const shi_state *a, const shi_state *b, int third, int y0,
                          int y1, shi_outcome outcome, const shi_drivers_result *res,
                          const shi_dyad_series *ser)
{
    const shi_state *t3 = shi_states_get(&cli->data.states, third);
    printf("shi drivers: %s (%s) and %s (%s), %d-%d; third state %s (%s); outcome '%s'\n", a->name,
           a->abb, b->name, b->abb, y0, y1, t3 ? t3->name : "?", t3 ? t3->abb : "?",
           shi_outcome_name(outcome));
    printf("externally driven: %.0f%% of explained variance [%.0f%%, %.0f%%] "
           "(block Shapley value; sum of external LMG shares %.0f%%)\n",
           100 * res->external_share, 100 * res->external_share_ci[0],
           100 * res->external_share_ci[1], 100 * res->lmg_share[0]);
    printf("R2 %.3f (adjusted %.3f), n %zu of %zu years (%zu lost to differences/lags, %zu "
           "to missing values), k %zu, Durbin-Watson %.2f, Newey-West lag %d, bootstrap %d "
           "blocks of %d, seed %llu\n",
           res->r2, res->adj_r2, res->n, res->n_input, res->n_lost, res->n_missing, res->k, res->dw,
           res->hac_lag, res->boot, res->block_len, (unsigned long long)res->seed);
    if (ser->dropped[0]) {
        printf("left out: %s\n", ser->dropped);
    }
    printf("\n");
}

/* The coefficient table. */
static shi_status coef_rows(shi_table *t, const shi_drivers_result *res, shi_err *err)
{
    const char *names[] = {"driver", "block",     "coef",  "se_hac",
                           "p_hac",  "lmg_share", "ci_lo", "ci_hi"};
    const char types[] = {'s', 's', 'f', 'f', 'f', 'f', 'f', 'f'};
    shi_status s = SHI_OK;
    for (int k = 0; k < 8 && s == SHI_OK; k++) {
        s = shi_table_column(t, names[k], types[k], 4, err);
    }
    for (size_t j = 0; j <= res->k && s == SHI_OK; j++) {
        const shi_drivers_coef *cf = &res->coef[j];
        if ((s = shi_table_str(t, cf->name, err)) ||
            (s = shi_table_str(t, shi_drivers_block_name(cf->block), err)) ||
            (s = shi_table_real(t, cf->b, err)) || (s = shi_table_real(t, cf->se_hac, err)) ||
            (s = shi_table_real(t, cf->p_hac, err)) ||
            (s = shi_table_real(t, j ? cf->lmg_share : (double)NAN, err)) ||
            (s = shi_table_real(t, j ? cf->lmg_share_ci[0] : (double)NAN, err))) {
            break;
        }
        s = shi_table_real(t, j ? cf->lmg_share_ci[1] : (double)NAN, err);
    }
    return s;
}

/* The reference set, after the table. */
static void print_refs(shi_cli *cli, const shi_drivers_refs *refs, const shi_state *a,
                       const shi_state *b, int y1)
{
    printf("\nreference set: pairs of major powers in %d, external share (block Shapley)\n", y1);
    for (size_t r = 0; r < refs->n; r++) {
        const shi_drivers_ref *x = &refs->v[r];
        const shi_state *xa = shi_states_get(&cli->data.states, x->a);
        const shi_state *xb = shi_states_get(&cli->data.states, x->b);
        int here = (x->a == a->ccode && x->b == b->ccode) || (x->a == b->ccode && x->b == a->ccode);
        if (isnan(x->share)) {
            printf("  %2zu. %s-%s  n/a: %s\n", r + 1, xa->abb, xb->abb, x->note);
        } else {
            printf("  %2zu. %s-%s  %3.0f%% [%3.0f%%, %3.0f%%]%s\n", r + 1, xa->abb, xb->abb,
                   100 * x->share, 100 * x->lo, 100 * x->hi, here ? "   <- this pair" : "");
        }
    }
}

/* The heading, the table and the reference set. */
static shi_status drivers_print(shi_cli *cli, const drivers_args *o, const shi_state *a,
                                const shi_state *b, int third, int y0, int y1, shi_outcome outcome,
                                const shi_drivers_result *res, const shi_dyad_series *ser,
                                const shi_drivers_refs *refs)
{
    int text = !o->format || strcmp(o->format, "table") == 0;
    if (text && !o->out) {
        print_heading(cli, a, b, third, y0, y1, outcome, res, ser);
    }
    shi_table *t = shi_table_new();
    shi_status s =
        t ? coef_rows(t, res, &cli->err) : shi_err_set(&cli->err, SHI_EIO, "out of memory");
    if (s == SHI_OK) {
        s = cli_write_table(t, o->format, o->out, &cli->err);
    }
    if (s == SHI_OK && o->reference && text && !o->out) {
        print_refs(cli, refs, a, b, y1);
    }
    shi_table_free(t);
    return s;
}

int cmd_drivers(shi_cli *cli, int argc, char **argv)
{
    drivers_args o = {NULL, NULL, "ideal", NULL, NULL, 2000, 0, 0, 0, 0, 1, {NULL, NULL}, 0};
    int help;
    shi_status s = drivers_parse(cli, argc, argv, &o, &help);
    if (s != SHI_OK || help) {
        return s;
    }
    if (o.npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "drivers: needs two states, e.g. 'shi drivers RUS CHN'");
    }
    shi_outcome outcome;
    if ((s = shi_outcome_parse(o.outcome, &outcome, &cli->err)) != SHI_OK) {
        return s;
    }
    if (o.boot < 0 || o.boot > 100000 || o.lags < 0 || o.lags > 3 || o.threads < 0 || o.seed < 0) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "drivers: --boot takes 0-100000, --lags 0-3, --threads and --seed >= 0");
    }
    /* The events file (shi's) gives the drivers ext_events and agreements. */
    int y0 = 0, y1 = 0, third = 0;
    const shi_state *a, *b;
    if ((s = cli_data(cli, SHI_DATA_RELATIONS | SHI_DATA_EVENTS, NULL, NULL)) ||
        (s = drivers_pair(cli, &o, &y0, &y1, &a, &b, &third))) {
        return s;
    }
    shi_drivers_opts opt = shi_drivers_opts_default();
    opt.boot = o.boot;
    opt.diff = o.diff;
    opt.lags = o.lags;
    opt.threads = o.threads;
    opt.seed = (uint64_t)o.seed;
    shi_dyad_series ser;
    shi_drivers_result res;
    shi_drivers_result_init(&res);
    shi_drivers_refs refs = {0};
    s = shi_dyad_drivers_fit(&ser, &res, &cli->data, a->ccode, b->ccode, third, y0, y1, outcome,
                             &opt, &cli->err);
    if (s != SHI_OK) {
        shi_drivers_result_destroy(&res);
        return s;
    }
    if (!o.reference || (s = shi_drivers_reference(&cli->data, y0, y1, outcome, &opt, &refs,
                                                   &cli->err)) == SHI_OK) {
        s = drivers_print(cli, &o, a, b, third, y0, y1, outcome, &res, &ser, &refs);
    }
    shi_drivers_refs_free(&refs);
    shi_dyad_series_destroy(&ser);
    shi_drivers_result_destroy(&res);
    return s;
}
