/*
 * cmd_drivers.c - `shi drivers A B`: is the pair's alignment externally driven?
 * The identified test (shi_drivers_pair_run: a pre-declared specification,
 * the form chosen by unit-root tests, placebo third states, block
 * permutations, the panel of major-power dyads) is in the library; this file
 * parses, calls and prints.
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <shi/drivers.h>
#include <shi/drivers_pair.h>
#include <shi/drivers_reference.h>
#include <shi/dyad_drivers.h>
#include <shi/tables.h>

/* The options of `shi drivers`. */
typedef struct drivers_args {
    const char *third, *years, *outcome, *format, *out, *spec, *form;
    int boot, diff, reference, threads, seed, placebos, perm, no_panel;
    const char *pos[2];
    size_t npos;
} drivers_args;

static shi_status drivers_parse(shi_cli *cli, int argc, char **argv, drivers_args *o, int *help)
{
    const cli_opt opts[] = {
        {OPT_STRING, 0, "third", &o->third, "STATE",
         "the third state (default: the most capable other state in the last year)"},
        {OPT_STRING, 0, "years", &o->years, "A-B", "years (default 1992-2014)"},
        {OPT_STRING, 0, "spec", &o->spec, "NAME",
         "pre-declared specification: study (default, study-v1) or events (events-v1)"},
        {OPT_STRING, 0, "outcome", &o->outcome, "NAME", "ideal (default), sim, arms or align"},
        {OPT_STRING, 0, "form", &o->form, "FORM",
         "auto (default: by ADF and KPSS tests), levels or diff"},
        {OPT_FLAG, 0, "diff", &o->diff, NULL, "same as --form diff"},
        {OPT_INT, 0, "boot", &o->boot, "B", "bootstrap replications (default 2000)"},
        {OPT_INT, 0, "placebos", &o->placebos, "N",
         "random placebo third states besides the fixed list (default 30)"},
        {OPT_INT, 0, "perm", &o->perm, "N", "block permutations per block (default 999)"},
        {OPT_FLAG, 0, "no-panel", &o->no_panel, NULL, "skip the panel of major-power dyads"},
        {OPT_INT, 0, "seed", &o->seed, "S",
         "seed of the bootstrap, placebos and permutations (default 1)"},
        {OPT_FLAG, 0, "reference", &o->reference, NULL,
         "also the legacy levels model on every pair of major powers of the last year"},
        CLI_OPT_THREADS(o->threads),
        {OPT_STRING, 0, "format", &o->format, "FMT",
         "table (default), csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &o->out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    return cli_parse("drivers",
                     "shi drivers A B [--third C] [--years A-B] [--spec study|events] "
                     "[--outcome ideal|sim|arms|align] [--form auto|levels|diff]",
                     opts, argc, argv, o->pos, 2, &o->npos, help, &cli->err);
}

/* The library's options from the command's, checked. */
static shi_status drivers_options(shi_cli *cli, const drivers_args *o, shi_drivers_pair_opts *po)
{
    *po = shi_drivers_pair_opts_default();
    shi_status s;
    if ((s = shi_outcome_parse(o->outcome, &po->spec.outcome, &cli->err)) != SHI_OK ||
        (s = shi_drivers_spec_parse(o->spec, &po->spec.spec, &cli->err)) != SHI_OK) {
        return s;
    }
    if (strcmp(o->form, "auto") != 0 && strcmp(o->form, "levels") != 0 &&
        strcmp(o->form, "diff") != 0) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "drivers: unknown form '%s'; valid forms are auto, levels, diff",
                           o->form);
    }
    po->id.form = o->diff || o->form[0] == 'd' ? SHI_FORM_DIFF
                  : o->form[0] == 'l'          ? SHI_FORM_LEVELS
                                               : SHI_FORM_AUTO;
    if (o->boot < 1 || o->boot > 100000 || o->threads < 0 || o->seed < 0 || o->placebos < 0 ||
        o->placebos > SHI_PLACEBO_MAX - SHI_FIXED_PLACEBOS_N || o->perm < 0 || o->perm > 100000) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "drivers: --boot takes 1-100000, --placebos 0-%d, --perm 0-100000, "
                           "--threads and --seed >= 0",
                           SHI_PLACEBO_MAX - SHI_FIXED_PLACEBOS_N);
    }
    po->id.fit.boot = o->boot;
    po->id.fit.perm = o->perm;
    po->id.fit.threads = o->threads;
    po->id.fit.seed = (uint64_t)o->seed;
    po->nrandom = o->placebos;
    po->panel = !o->no_panel;
    po->years_given = o->years != NULL;
    return SHI_OK;
}

/* The pair, the third state and the years, checked, into po. */
static shi_status drivers_pair(shi_cli *cli, const drivers_args *o, shi_drivers_pair_opts *po)
{
    const shi_states *st = &cli->data.states;
    const shi_state *a, *b, *c = NULL;
    shi_status s;
    po->y0 = 1992;
    po->y1 = 2014;
    if ((s = cli_years_pair(cli, o->years, o->pos, &po->y0, &po->y1, &a, &b)) ||
        (o->third && (s = shi_states_resolve(st, o->third, po->y1, &c, &cli->err)))) {
        return s;
    }
    if (a == b || (c && (c == a || c == b))) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "drivers: the states must be different");
    }
    po->a = a->ccode;
    po->b = b->ccode;
    po->third =
        c ? c->ccode
          : shi_most_capable_other(&cli->data.caps, cli->data.cinc, a->ccode, b->ccode, po->y1);
    return SHI_OK;
}

/* The unit-root tests, one line per series. */
static void print_tests(FILE *f, const shi_drivers_id *id)
{
    fprintf(f, "form: %s\n", id->form_why);
    for (size_t q = 0; q < id->ntest; q++) {
        const shi_series_test *tt = &id->test[q];
        if (tt->status == SHI_OK) {
            fprintf(f,
                    "  %-14s ADF tau %6.2f (5%% critical %.2f, p %.2f, lag %d)  KPSS eta %.3f (5%% "
                    "critical %.3f)  %s\n",
                    tt->name, tt->adf.stat, tt->adf.crit[1], tt->adf.p, tt->adf.lag, tt->kpss.stat,
                    tt->kpss.crit[1], shi_ur_class_name(tt->cls));
        } else {
            fprintf(f, "  %-14s not tested (too few years): inconclusive\n", tt->name);
        }
    }
}

/* The sensitivity run, the panel and what was left out. */
static void print_checks(FILE *f, const shi_drivers_pair *dp, const char *tab)
{
    if (dp->sens_done && dp->sens_status == SHI_OK) {
        fprintf(f,
                "contested events moved to the other block: external share %.0f%% [%.0f%%, "
                "%.0f%%], verdict %s\n",
                100 * dp->sens_share, 100 * dp->sens_ci[0], 100 * dp->sens_ci[1],
                shi_verdict_name(dp->sens_verdict));
    } else if (dp->sens_done) {
        fprintf(f, "contested events moved to the other block: %s\n", dp->sens_msg);
    }
    if (dp->o.panel && dp->panel_status == SHI_OK) {
        fprintf(f,
                "panel: %zu major-power dyads without %s, %zu dyad-years, dyad and year fixed "
                "effects: external share %.0f%% [%.0f%%, %.0f%%] (within R2 %.3f, dyad bootstrap "
                "%d)%s%s\n",
                dp->panel.nunit, tab, dp->panel.nobs, 100 * dp->panel.share,
                100 * dp->panel.share_ci[0], 100 * dp->panel.share_ci[1], dp->panel.r2_within,
                dp->panel.boot, dp->panel_msg[0] ? "; " : "", dp->panel_msg);
    } else if (dp->o.panel) {
        fprintf(f, "panel: %s\n", dp->panel_msg);
    }
    if (dp->series.dropped[0]) {
        fprintf(f, "left out: %s\n", dp->series.dropped);
    }
    fputc('\n', f);
}

static void print_headline(FILE *f, const shi_cli *cli, const shi_drivers_pair *dp)
{
    const shi_states *st = &cli->data.states;
    const shi_state *a = shi_states_get(st, dp->o.a), *b = shi_states_get(st, dp->o.b);
    const shi_state *t3 = shi_states_get(st, dp->o.third);
    const shi_drivers_id *id = &dp->id;
    const shi_drivers_result *res = &id->fit;
    const char *tab = t3 ? t3->abb : "?";
    fprintf(f,
            "shi drivers: %s (%s) and %s (%s), %d-%d; third state %s (%s); specification %s; "
            "outcome '%s'\n",
            a->name, a->abb, b->name, b->abb, dp->o.y0, dp->o.y1, t3 ? t3->name : "?", tab,
            shi_drivers_spec_name(dp->o.spec.spec), shi_outcome_name(dp->o.spec.outcome));
    fprintf(f, "verdict: %s (%s)\n", shi_verdict_name(id->verdict), id->why);
    fprintf(f,
            "external share: %.0f%% of explained variance [%.0f%%, %.0f%%] (block Shapley value; "
            "sum of external LMG shares %.0f%%)\n",
            100 * res->external_share, 100 * res->external_share_ci[0],
            100 * res->external_share_ci[1], 100 * res->lmg_share[0]);
    fprintf(f,
            "placebos: %s ranks %zu of %zu (%zu placebo third states with a fit: the fixed list "
            "and a random draw of non-major states, seed %llu); placebo p %.3f; block "
            "permutation p: external %.3f, bilateral %.3f (%d permutations each)\n",
            tab, id->rank, id->placebo_valid + 1, id->placebo_valid, (unsigned long long)res->seed,
            id->placebo_p, res->perm_p[0], res->perm_p[1], res->perm);
    print_tests(f, id);
    fprintf(f,
            "R2 %.3f (adjusted %.3f), n %zu of %zu years (%zu lost to differences, %zu to missing "
            "values), k %zu, Durbin-Watson %.2f, Newey-West lag %d, bootstrap %d blocks of %d\n",
            res->r2, res->adj_r2, res->n, res->n_input, res->n_lost, res->n_missing, res->k,
            res->dw, res->hac_lag, res->boot, res->block_len);
    print_checks(f, dp, tab);
}

/* The reference set (the legacy levels model), after the table. */
static void print_refs(shi_cli *cli, const shi_drivers_refs *refs, int a, int b, int y1)
{
    printf("\nreference set (legacy levels model with 10 drivers: not like for like, see "
           "docs/drivers.md): pairs of major powers in %d, external share (block Shapley)\n",
           y1);
    for (size_t r = 0; r < refs->n; r++) {
        const shi_drivers_ref *x = &refs->v[r];
        const shi_state *xa = shi_states_get(&cli->data.states, x->a);
        const shi_state *xb = shi_states_get(&cli->data.states, x->b);
        int here = (x->a == a && x->b == b) || (x->a == b && x->b == a);
        if (isnan(x->share)) {
            printf("  %2zu. %s-%s  n/a: %s\n", r + 1, xa->abb, xb->abb, x->note);
        } else {
            printf("  %2zu. %s-%s  %3.0f%% [%3.0f%%, %3.0f%%]%s\n", r + 1, xa->abb, xb->abb,
                   100 * x->share, 100 * x->lo, 100 * x->hi, here ? "   <- this pair" : "");
        }
    }
}

/* The headline through the terminal-width wrapper (cli_print_wrapped). */
typedef struct headline_arg {
    const shi_cli *cli;
    const shi_drivers_pair *dp;
} headline_arg;

static shi_status print_headline_to(FILE *f, void *arg)
{
    const headline_arg *h = arg;
    print_headline(f, h->cli, h->dp);
    return ferror(f) ? SHI_EIO : SHI_OK;
}

/* The headline, the table and the reference set. */
static shi_status drivers_print(shi_cli *cli, const drivers_args *o, const shi_drivers_pair *dp,
                                const shi_drivers_refs *refs)
{
    int text = !o->format || strcmp(o->format, "table") == 0;
    if (text && !o->out) {
        headline_arg h = {cli, dp};
        shi_status hs = cli_print_wrapped(print_headline_to, &h, &cli->err);
        if (hs != SHI_OK) {
            return hs;
        }
    }
    /* On a terminal the headline says the verdict; a file or another format
     * carries it in columns. */
    shi_table *t = shi_table_new();
    shi_status s = t ? shi_tables_drivers_coef(dp, !text || o->out, t, &cli->err)
                     : shi_err_set(&cli->err, SHI_EIO, "out of memory");
    if (s == SHI_OK) {
        s = cli_write_table(t, o->format, o->out, &cli->err);
    }
    if (s == SHI_OK && o->reference && text && !o->out) {
        print_refs(cli, refs, dp->o.a, dp->o.b, dp->o.y1);
    }
    shi_table_free(t);
    return s;
}

int cmd_drivers(shi_cli *cli, int argc, char **argv)
{
    drivers_args o = {0};
    o.outcome = "ideal";
    o.spec = "study";
    o.form = "auto";
    o.boot = 2000;
    o.seed = 1;
    o.placebos = 30;
    o.perm = 999;
    int help;
    shi_drivers_pair_opts po;
    shi_status s = drivers_parse(cli, argc, argv, &o, &help);
    if (s != SHI_OK || help) {
        return s;
    }
    if (o.npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "drivers: needs two states, e.g. 'shi drivers RUS CHN'");
    }
    /* The events file (shi's) gives the event drivers. */
    if ((s = drivers_options(cli, &o, &po)) ||
        (s = cli_data(cli, SHI_DATA_RELATIONS | SHI_DATA_EVENTS, NULL, NULL)) ||
        (s = drivers_pair(cli, &o, &po))) {
        return s;
    }
    shi_drivers_pair dp;
    if ((s = shi_drivers_pair_run(&dp, &cli->data, &po, &cli->err)) != SHI_OK) {
        return s;
    }
    shi_drivers_refs refs = {0};
    shi_drivers_opts opt = shi_drivers_opts_default();
    opt.boot = o.boot;
    opt.diff = po.id.form == SHI_FORM_DIFF;
    opt.threads = o.threads;
    opt.seed = (uint64_t)o.seed;
    if (!o.reference || (s = shi_drivers_reference(&cli->data, po.y0, po.y1, po.spec.outcome, &opt,
                                                   &refs, &cli->err)) == SHI_OK) {
        s = drivers_print(cli, &o, &dp, &refs);
    }
    shi_drivers_refs_free(&refs);
    shi_drivers_pair_free(&dp);
    return s;
}
