/*
 * cmd_drivers.c - `shi drivers A B`: is the pair's alignment externally driven?
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <shi/drivers.h>
#include <shi/drivers_pair.h>
#include <shi/dyad_drivers.h>

typedef struct ref_row {
    int a, b, third;
    double share, lo, hi;
    size_t n;
    char note[520];
} ref_row;

static int by_share(const void *p, const void *q)
{
    const ref_row *x = p, *z = q;
    int xn = isnan(x->share), zn = isnan(z->share);
    if (xn || zn) {
        return xn - zn;
    }
    return (x->share < z->share) - (x->share > z->share);
}

/* One analysis; on a data error (too few years...) the message goes to `note`. */
static shi_status analyse(shi_cli *cli, int a, int b, int third, int y0, int y1,
                          shi_outcome outcome, const shi_drivers_opts *opt, shi_dyad_series *ser,
                          shi_drivers_result *res)
{
    shi_status s =
        shi_dyad_series_build(ser, &cli->data, NULL, a, b, third, y0, y1, outcome, &cli->err);
    if (s != SHI_OK) {
        return s;
    }
    if (ser->k == 0) {
        return shi_err_set(&cli->err, SHI_EDATA,
                           "drivers: no driver varies over %d-%d for this pair (dropped: %s)", y0,
                           y1, ser->dropped);
    }
    const char *names[SHI_DD_MAX];
    for (size_t j = 0; j < ser->k; j++) {
        names[j] = ser->name[j];
    }
    shi_drivers_input di = {ser->n, ser->k, ser->y, ser->X, ser->block, names};
    return shi_drivers_fit(&di, opt, res, &cli->err);
}

/* The verdict fields, one value per column, on every row of the table, so
 * that CSV, TSV and JSON carry them too (issue 12). */
static shi_status verdict_columns(shi_table *t, const shi_drivers_pair *dp, int header,
                                  shi_err *err)
{
    static const char *const names[] = {"verdict",      "external_share", "ext_lo",    "ext_hi",
                                        "placebo_rank", "placebo_n",      "placebo_p", "perm_p_ext",
                                        "perm_p_bil",   "form",           "spec"};
    static const char types[] = {'s', 'f', 'f', 'f', 'f', 'f', 'f', 'f', 'f', 's', 's'};
    shi_status s = SHI_OK;
    if (header) {
        for (int k = 0; k < 11 && s == SHI_OK; k++) {
            s = shi_table_column(t, names[k], types[k], 4, err);
        }
        return s;
    }
    const shi_drivers_id *id = &dp->id;
    const double v[8] = {id->fit.external_share,
                         id->fit.external_share_ci[0],
                         id->fit.external_share_ci[1],
                         (double)id->rank,
                         (double)(id->placebo_valid + 1),
                         id->placebo_p,
                         id->fit.perm_p[0],
                         id->fit.perm_p[1]};
    s = shi_table_str(t, shi_verdict_name(id->verdict), err);
    for (int k = 0; k < 8 && s == SHI_OK; k++) {
        s = shi_table_real(t, v[k], err);
    }
    if (s == SHI_OK) {
        s = shi_table_str(t, id->diff ? "differences" : "levels", err);
    }
    return s == SHI_OK ? shi_table_str(t, shi_drivers_spec_name(dp->o.spec.spec), err) : s;
}

static void print_headline(const shi_cli *cli, const shi_drivers_pair *dp)
{
    const shi_states *st = &cli->data.states;
    const shi_state *a = shi_states_get(st, dp->o.a), *b = shi_states_get(st, dp->o.b);
    const shi_state *t3 = shi_states_get(st, dp->o.third);
    const shi_drivers_id *id = &dp->id;
    const shi_drivers_result *res = &id->fit;
    const char *tab = t3 ? t3->abb : "?";
    printf("shi drivers: %s (%s) and %s (%s), %d-%d; third state %s (%s); specification %s; "
           "outcome '%s'\n",
           a->name, a->abb, b->name, b->abb, dp->o.y0, dp->o.y1, t3 ? t3->name : "?", tab,
           shi_drivers_spec_name(dp->o.spec.spec), shi_outcome_name(dp->o.spec.outcome));
    printf("verdict: %s (%s)\n", shi_verdict_name(id->verdict), id->why);
    printf("external share: %.0f%% of explained variance [%.0f%%, %.0f%%] (block Shapley value; "
           "sum of external LMG shares %.0f%%)\n",
           100 * res->external_share, 100 * res->external_share_ci[0],
           100 * res->external_share_ci[1], 100 * res->lmg_share[0]);
    printf("placebos: %s ranks %zu of %zu (%zu placebo third states with a fit: the fixed list "
           "and a random draw of non-major states, seed %llu); placebo p %.3f; block "
           "permutation p: external %.3f, bilateral %.3f (%d permutations each)\n",
           tab, id->rank, id->placebo_valid + 1, id->placebo_valid, (unsigned long long)res->seed,
           id->placebo_p, res->perm_p[0], res->perm_p[1], res->perm);
    printf("form: %s\n", id->form_why);
    for (size_t q = 0; q < id->ntest; q++) {
        const shi_series_test *tt = &id->test[q];
        if (tt->status == SHI_OK) {
            printf("  %-14s ADF tau %6.2f (5%% critical %.2f, p %.2f, lag %d)  KPSS eta %.3f (5%% "
                   "critical %.3f)  %s\n",
                   tt->name, tt->adf.stat, tt->adf.crit[1], tt->adf.p, tt->adf.lag, tt->kpss.stat,
                   tt->kpss.crit[1], shi_ur_class_name(tt->cls));
        } else {
            printf("  %-14s not tested (too few years): inconclusive\n", tt->name);
        }
    }
    printf("R2 %.3f (adjusted %.3f), n %zu of %zu years (%zu lost to differences, %zu to missing "
           "values), k %zu, Durbin-Watson %.2f, Newey-West lag %d, bootstrap %d blocks of %d\n",
           res->r2, res->adj_r2, res->n, res->n_input, res->n_lost, res->n_missing, res->k, res->dw,
           res->hac_lag, res->boot, res->block_len);
    if (dp->sens_done) {
        if (dp->sens_status == SHI_OK) {
            printf("contested events moved to the other block: external share %.0f%% [%.0f%%, "
                   "%.0f%%], verdict %s\n",
                   100 * dp->sens_share, 100 * dp->sens_ci[0], 100 * dp->sens_ci[1],
                   shi_verdict_name(dp->sens_verdict));
        } else {
            printf("contested events moved to the other block: %s\n", dp->sens_msg);
        }
    }
    if (dp->o.panel && dp->panel_status == SHI_OK) {
        printf("panel: %zu major-power dyads without %s, %zu dyad-years, dyad and year fixed "
               "effects: external share %.0f%% [%.0f%%, %.0f%%] (within R2 %.3f, dyad bootstrap "
               "%d)%s%s\n",
               dp->panel.nunit, tab, dp->panel.nobs, 100 * dp->panel.share,
               100 * dp->panel.share_ci[0], 100 * dp->panel.share_ci[1], dp->panel.r2_within,
               dp->panel.boot, dp->panel_msg[0] ? "; " : "", dp->panel_msg);
    } else if (dp->o.panel) {
        printf("panel: %s\n", dp->panel_msg);
    }
    if (dp->series.dropped[0]) {
        printf("left out: %s\n", dp->series.dropped);
    }
    printf("\n");
}

int cmd_drivers(shi_cli *cli, int argc, char **argv)
{
    const char *third_s = NULL, *years = NULL, *outcome_s = "ideal", *format = NULL, *out = NULL;
    const char *spec_s = "study", *form_s = "auto";
    int boot = 2000, diff = 0, reference = 0, threads = 0, seed = 1, placebos = 30, perm = 999;
    int no_panel = 0;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "third", &third_s, "STATE",
         "the third state (default: the most capable other state in the last year)"},
        {OPT_STRING, 0, "years", &years, "A-B", "years (default 1992-2014)"},
        {OPT_STRING, 0, "spec", &spec_s, "NAME",
         "pre-declared specification: study (default, study-v1) or events (events-v1)"},
        {OPT_STRING, 0, "outcome", &outcome_s, "NAME", "ideal (default), sim, arms or align"},
        {OPT_STRING, 0, "form", &form_s, "FORM",
         "auto (default: by ADF and KPSS tests), levels or diff"},
        {OPT_FLAG, 0, "diff", &diff, NULL, "same as --form diff"},
        {OPT_INT, 0, "boot", &boot, "B", "bootstrap replications (default 2000)"},
        {OPT_INT, 0, "placebos", &placebos, "N",
         "random placebo third states besides the fixed list (default 30)"},
        {OPT_INT, 0, "perm", &perm, "N", "block permutations per block (default 999)"},
        {OPT_FLAG, 0, "no-panel", &no_panel, NULL, "skip the panel of major-power dyads"},
        {OPT_INT, 0, "seed", &seed, "S",
         "seed of the bootstrap, placebos and permutations (default 1)"},
        {OPT_FLAG, 0, "reference", &reference, NULL,
         "also the legacy levels model on every pair of major powers of the last year"},
        {OPT_INT, 0, "threads", &threads, "N", "threads for the bootstrap"},
        {OPT_STRING, 0, "format", &format, "FMT", "table (default), csv, tsv or json"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[2];
    size_t npos;
    int help;
    shi_status s = cli_parse("drivers",
                             "shi drivers A B [--third C] [--years A-B] [--spec study|events] "
                             "[--outcome ideal|sim|arms|align] [--form auto|levels|diff]",
                             opts, argc, argv, pos, 2, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "drivers: needs two states, e.g. 'shi drivers RUS CHN'");
    }
    shi_drivers_pair_opts po = shi_drivers_pair_opts_default();
    shi_outcome outcome;
    if ((s = shi_outcome_parse(outcome_s, &outcome, &cli->err)) != SHI_OK ||
        (s = shi_drivers_spec_parse(spec_s, &po.spec.spec, &cli->err)) != SHI_OK) {
        return s;
    }
    po.spec.outcome = outcome;
    if (strcmp(form_s, "auto") == 0 || strcmp(form_s, "levels") == 0 ||
        strcmp(form_s, "diff") == 0) {
        po.id.form = diff || form_s[0] == 'd' ? SHI_FORM_DIFF
                     : form_s[0] == 'l'       ? SHI_FORM_LEVELS
                                              : SHI_FORM_AUTO;
    } else {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "drivers: unknown form '%s'; valid forms are auto, levels, diff",
                           form_s);
    }
    if (boot < 1 || boot > 100000 || threads < 0 || seed < 0 || placebos < 0 ||
        placebos > SHI_PLACEBO_MAX - SHI_FIXED_PLACEBOS_N || perm < 0 || perm > 100000) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "drivers: --boot takes 1-100000, --placebos 0-%d, --perm 0-100000, "
                           "--threads and --seed >= 0",
                           SHI_PLACEBO_MAX - SHI_FIXED_PLACEBOS_N);
    }
    /* The events file (shi's) gives the event drivers. */
    if ((s = cli_data(cli, SHI_DATA_RELATIONS | SHI_DATA_EVENTS, NULL, NULL)) != SHI_OK) {
        return s;
    }
    const shi_panel *p = &cli->data.caps;
    int y0 = 1992, y1 = 2014;
    if (years && (s = cli_years("years", years, p->year_min, p->year_max, &y0, &y1, &cli->err))) {
        return s;
    }
    const shi_state *a, *b, *c = NULL;
    const size_t cinc = cli->data.cinc;
    if ((s = shi_states_resolve(&cli->data.states, pos[0], y1, &a, &cli->err)) ||
        (s = shi_states_resolve(&cli->data.states, pos[1], y1, &b, &cli->err)) ||
        (third_s && (s = shi_states_resolve(&cli->data.states, third_s, y1, &c, &cli->err)))) {
        return s;
    }
    if (a == b || (c && (c == a || c == b))) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "drivers: the states must be different");
    }
    int third = c ? c->ccode : shi_most_capable_other(p, cinc, a->ccode, b->ccode, y1);
    shi_drivers_opts opt = shi_drivers_opts_default();
    opt.boot = boot;
    opt.diff = po.id.form == SHI_FORM_DIFF;
    opt.threads = threads;
    opt.seed = (uint64_t)seed;
    po.a = a->ccode;
    po.b = b->ccode;
    po.third = third;
    po.y0 = y0;
    po.y1 = y1;
    po.years_given = years != NULL;
    po.id.fit.boot = boot;
    po.id.fit.perm = perm;
    po.id.fit.threads = threads;
    po.id.fit.seed = (uint64_t)seed;
    po.nrandom = placebos;
    po.panel = !no_panel;
    shi_drivers_pair dp;
    if ((s = shi_drivers_pair_run(&dp, &cli->data, &po, &cli->err)) != SHI_OK) {
        return s;
    }
    const shi_drivers_result res = dp.id.fit;
    /* Reference set: every pair of major powers of the last year. */
    ref_row refs[64];
    size_t nref = 0;
    if (reference) {
        const shi_states *st = &cli->data.states;
        int maj[32], nm = 0;
        for (size_t i = 0; i < st->n && nm < 32; i++) {
            if (shi_states_major(st, &st->v[i], y1)) {
                maj[nm++] = st->v[i].ccode;
            }
        }
        for (int i = 0; i < nm; i++) {
            for (int j = i + 1; j < nm && nref < 64; j++) {
                ref_row *r = &refs[nref++];
                memset(r, 0, sizeof *r);
                r->a = maj[i];
                r->b = maj[j];
                r->third = shi_most_capable_other(p, cinc, r->a, r->b, y1);
                shi_dyad_series rs;
                shi_drivers_result rr;
                shi_drivers_result_init(&rr);
                shi_status q = analyse(cli, r->a, r->b, r->third, y0, y1, outcome, &opt, &rs, &rr);
                if (q == SHI_OK) {
                    r->share = rr.external_share;
                    r->lo = rr.external_share_ci[0];
                    r->hi = rr.external_share_ci[1];
                    r->n = rr.n;
                    shi_dyad_series_destroy(&rs);
                } else if (q == SHI_EDATA) {
                    r->share = r->lo = r->hi = (double)NAN;
                    snprintf(r->note, sizeof r->note, "%s", cli->err.msg);
                    shi_err_clear(&cli->err);
                } else {
                    shi_drivers_result_destroy(&rr);
                    s = q;
                    break;
                }
                shi_drivers_result_destroy(&rr);
            }
            if (s != SHI_OK) {
                break;
            }
        }
        /* refs[0..nref-1] are all set above; qsort reads no further. */
        /* cppcheck-suppress uninitvar */
        qsort(refs, nref, sizeof *refs, by_share);
    }
    int text = !format || strcmp(format, "table") == 0;
    if (s == SHI_OK && text && !out) {
        print_headline(cli, &dp);
    }
    shi_table *t = shi_table_new();
    if (!t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    const char *names[] = {"driver", "block",     "coef",  "se_hac",
                           "p_hac",  "lmg_share", "ci_lo", "ci_hi"};
    const char types[] = {'s', 's', 'f', 'f', 'f', 'f', 'f', 'f'};
    for (int k = 0; k < 8 && s == SHI_OK; k++) {
        s = shi_table_column(t, names[k], types[k], 4, &cli->err);
    }
    /* On a terminal the headline says the verdict; a file or another format carries it in columns.
     */
    const int vcols = !text || out;
    if (s == SHI_OK && vcols) {
        s = verdict_columns(t, &dp, 1, &cli->err);
    }
    for (size_t j = 0; j <= res.k && s == SHI_OK; j++) {
        const shi_drivers_coef *cf = &res.coef[j];
        if ((s = shi_table_str(t, cf->name, &cli->err)) ||
            (s = shi_table_str(t, shi_drivers_block_name(cf->block), &cli->err)) ||
            (s = shi_table_real(t, cf->b, &cli->err)) ||
            (s = shi_table_real(t, cf->se_hac, &cli->err)) ||
            (s = shi_table_real(t, cf->p_hac, &cli->err)) ||
            (s = shi_table_real(t, j ? cf->lmg_share : (double)NAN, &cli->err)) ||
            (s = shi_table_real(t, j ? cf->lmg_share_ci[0] : (double)NAN, &cli->err))) {
            break;
        }
        s = shi_table_real(t, j ? cf->lmg_share_ci[1] : (double)NAN, &cli->err);
        if (s == SHI_OK && vcols) {
            s = verdict_columns(t, &dp, 0, &cli->err);
        }
    }
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    if (s == SHI_OK && reference && text && !out) {
        printf("\nreference set (legacy levels model with 10 drivers: not like for like, see "
               "docs/drivers.md): pairs of major powers in %d, external share (block Shapley)\n",
               y1);
        for (size_t r = 0; r < nref; r++) {
            const shi_state *x = shi_states_get(&cli->data.states, refs[r].a);
            const shi_state *z = shi_states_get(&cli->data.states, refs[r].b);
            int here = (refs[r].a == a->ccode && refs[r].b == b->ccode) ||
                       (refs[r].a == b->ccode && refs[r].b == a->ccode);
            if (isnan(refs[r].share)) {
                printf("  %2zu. %s-%s  n/a: %s\n", r + 1, x->abb, z->abb, refs[r].note);
            } else {
                printf("  %2zu. %s-%s  %3.0f%% [%3.0f%%, %3.0f%%]%s\n", r + 1, x->abb, z->abb,
                       100 * refs[r].share, 100 * refs[r].lo, 100 * refs[r].hi,
                       here ? "   <- this pair" : "");
            }
        }
    }
    shi_table_free(t);
    shi_drivers_pair_free(&dp);
    return s;
}
