/*
 * cmd_formation.c - `shi formation`: balance of power, balance of threat or
 * bandwagoning, tested on the onsets of alliance obligations since 1816
 * (include/shi/formation.h, docs/formation.md). Subcommands: test, fit,
 * predict, pair. The command parses, calls libshi and prints.
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <shi/formation.h>

typedef struct form_args {
    const char *years, *level, *count, *format, *out;
    int split, windows, year, top, cov;
    const char *pos[2];
    size_t npos;
    shi_formation_opts o;
} form_args;

static shi_status parse_level(shi_cli *cli, form_args *a)
{
    a->o = shi_formation_opts_default();
    if (a->level && strcmp(a->level, "any") == 0) {
        a->o.level = SHI_FORM_ANY;
    } else if (a->level && strcmp(a->level, "defence") != 0 && strcmp(a->level, "defense") != 0) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "--level: unknown level '%s'; valid: defence, any", a->level);
    }
    if (a->count && strcmp(a->count, "chooser") == 0) {
        a->o.count = SHI_FORM_COUNT_CHOOSER;
    } else if (a->count && strcmp(a->count, "pairs") != 0) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "--count: unknown count '%s'; valid: pairs, chooser", a->count);
    }
    return SHI_OK;
}

/* predict reads one year and its lookback: the data from the first year it
 * reads (shi_formation_predict_from). */
static int predict_from(shi_cli *cli, const form_args *a)
{
    const shi_data_spec spec = {.dir = cli->data_dir, .shd = cli->data_file};
    return shi_formation_predict_from(&cli->data, &spec, &a->o, a->year);
}

/* Load the data, parse --level/--count and --years against the covered onsets. */
static shi_status form_setup(shi_cli *cli, form_args *a, int predict)
{
    shi_status s = parse_level(cli, a);
    if (s != SHI_OK || (s = cli_data(cli, SHI_DATA_CAPS, NULL, NULL)) != SHI_OK ||
        (s = cli_data_from(cli, SHI_DATA_RELATIONS | SHI_DATA_ECON,
                           predict ? predict_from(cli, a) : 0, 0)) != SHI_OK) {
        return s;
    }
    int c0, c1;
    shi_formation_years(&cli->data, &c0, &c1, NULL);
    if (c0 > c1) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "the data have no alliance years");
    }
    a->o.y0 = c0;
    a->o.y1 = c1;
    if (a->years) {
        s = cli_years("years", a->years, c0, c1, &a->o.y0, &a->o.y1, &cli->err);
    }
    return s;
}

static shi_status cols(shi_cli *cli, shi_table *t, const char *const *names, const char *types,
                       int n, int digits)
{
    shi_status s = SHI_OK;
    for (int c = 0; c < n && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], digits, &cli->err);
    }
    return s;
}

static shi_status span(shi_cli *cli, shi_table *t, int y0, int y1)
{
    char b[32] = "";
    if (y0 > 0) {
        snprintf(b, sizeof b, "%d-%d", y0, y1);
    }
    return shi_table_str(t, b, &cli->err);
}

/* ---- test ---------------------------------------------------------------------- */

static shi_status test_row(shi_cli *cli, shi_table *t, const shi_formation_score *sc, double base)
{
    shi_status s;
    if ((s = shi_table_str(t, sc->scheme, &cli->err)) ||
        (s = span(cli, t, sc->fit_y0, sc->fit_y1)) ||
        (s = span(cli, t, sc->test_y0, sc->test_y1)) ||
        (s = shi_table_str(t, shi_formation_model_name(sc->model), &cli->err)) ||
        (s = shi_table_int(t, (int64_t)sc->onsets, &cli->err)) ||
        (s = shi_table_int(t, (int64_t)sc->groups, &cli->err)) ||
        (s = shi_table_real(t, sc->log_score, &cli->err)) ||
        (s = shi_table_real(t, sc->log_score - base, &cli->err)) ||
        (s = shi_table_real(t, sc->uniform, &cli->err)) ||
        (s = shi_table_real(t, sc->auc, &cli->err)) ||
        (s = shi_table_real(t, sc->top1, &cli->err)) ||
        (s = shi_table_real(t, sc->top5, &cli->err))) {
        return s;
    }
    return shi_table_str(t, sc->ok ? (sc->msg[0] ? sc->msg : "ok") : sc->msg, &cli->err);
}

static shi_status test_table(shi_cli *cli, shi_table *t, const shi_formation_test *r)
{
    static const char *const names[] = {"scheme", "fit",       "test",        "model",   "onsets",
                                        "groups", "log_score", "vs_controls", "uniform", "auc",
                                        "top1",   "top5",      "status"};
    shi_status s = cols(cli, t, names, "ssssiiffffffs", 13, 3);
    double base = (double)NAN;
    for (size_t k = 0; k < r->n && s == SHI_OK; k++) {
        const shi_formation_score *sc = &r->v[k];
        if (sc->model == SHI_FM_CONTROLS) {
            base = sc->ok ? sc->log_score : (double)NAN;
        }
        s = test_row(cli, t, sc, base);
    }
    return s;
}

static int form_test(shi_cli *cli, form_args *a)
{
    shi_formation_design x;
    shi_status s = shi_formation_design_build(&cli->data, &a->o, &x, &cli->err);
    if (s != SHI_OK) {
        return s;
    }
    if (!a->split) {
        a->split = x.y0 < 1946 && x.y1 >= 1946 ? 1946 : x.y0 + (x.y1 - x.y0 + 1) / 2;
    }
    shi_formation_test r;
    s = shi_formation_run_test(&x, a->split, a->windows, &r, &cli->err);
    shi_formation_design_free(&x);
    shi_table *t = s == SHI_OK ? shi_table_new() : NULL;
    if (s == SHI_OK && !t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    if (s == SHI_OK && (s = test_table(cli, t, &r)) == SHI_OK) {
        s = cli_write_table(t, a->format, a->out, &cli->err);
    }
    shi_table_free(t);
    shi_formation_test_free(&r);
    return s;
}

/* ---- fit --------------------------------------------------------------------------- */

static shi_status fit_row(shi_cli *cli, shi_table *t, const shi_formation_fit *f, int v)
{
    static const char *const sg[] = {"-", "0", "+"};
    int e = shi_formation_expected_sign(f->model, v);
    double b = f->ok ? f->beta[v] : (double)NAN, se = f->ok ? f->se[v] : (double)NAN;
    const char *agree = !f->ok || e == 0 ? "" : ((b > 0) == (e > 0) ? "yes" : "no");
    shi_status s;
    if ((s = shi_table_str(t, shi_formation_level_name(f->level), &cli->err)) ||
        (s = shi_table_str(t, shi_formation_model_name(f->model), &cli->err)) ||
        (s = span(cli, t, f->y0, f->y1)) ||
        (s = shi_table_str(t, shi_formation_var_name(v), &cli->err)) ||
        (s = shi_table_str(t, sg[e + 1], &cli->err)) || (s = shi_table_real(t, b, &cli->err)) ||
        (s = shi_table_real(t, se, &cli->err)) || (s = shi_table_real(t, b / se, &cli->err)) ||
        (s = shi_table_str(t, agree, &cli->err)) ||
        (s = shi_table_int(t, (int64_t)f->nonsets, &cli->err)) ||
        (s = shi_table_int(t, (int64_t)f->ngroup, &cli->err)) ||
        (s = shi_table_real(t, f->loglik, &cli->err))) {
        return s;
    }
    return shi_table_str(t, f->ok ? "ok" : f->msg, &cli->err);
}

/* --cov: the covariance of a fit's coefficients in long form, every pair of
 * the model's covariates (tools/formation_fit.sh ships it). */
static shi_status cov_rows(shi_cli *cli, shi_table *t, const shi_formation_fit *f)
{
    unsigned vars = shi_formation_model_vars(f->model);
    shi_status s = SHI_OK;
    for (int v = 0; v < SHI_FV_N && s == SHI_OK; v++) {
        for (int u = 0; u < SHI_FV_N && s == SHI_OK && (vars & (1u << v)); u++) {
            if (!(vars & (1u << u))) {
                continue;
            }
            if ((s = shi_table_str(t, shi_formation_level_name(f->level), &cli->err)) ||
                (s = shi_table_str(t, shi_formation_model_name(f->model), &cli->err)) ||
                (s = shi_table_str(t, shi_formation_var_name(v), &cli->err)) ||
                (s = shi_table_str(t, shi_formation_var_name(u), &cli->err))) {
                break;
            }
            s = shi_table_real(t, f->ok ? f->cov[v][u] : (double)NAN, &cli->err);
        }
    }
    return s;
}

static int form_fit(shi_cli *cli, form_args *a)
{
    static const char *const names[] = {"level",  "model",  "years", "variable",    "expected",
                                        "beta",   "se",     "z",     "as_expected", "onsets",
                                        "groups", "loglik", "status"};
    static const char *const cnames[] = {"level", "model", "var1", "var2", "cov"};
    shi_formation_design x;
    shi_status s = shi_formation_design_build(&cli->data, &a->o, &x, &cli->err);
    shi_table *t = s == SHI_OK ? shi_table_new() : NULL;
    if (s == SHI_OK && !t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    if (s == SHI_OK) {
        s = a->cov ? cols(cli, t, cnames, "ssssf", 5, 9)
                   : cols(cli, t, names, "sssssfffsiifs", 13, 6);
    }
    for (int m = 0; m < SHI_FM_N && s == SHI_OK; m++) {
        shi_formation_fit f;
        s = shi_formation_fit_model(&x, m, x.y0, x.y1, &f, &cli->err);
        unsigned vars = shi_formation_model_vars(m);
        for (int v = 0; v < SHI_FV_N && s == SHI_OK && !a->cov; v++) {
            if (vars & (1u << v)) {
                s = fit_row(cli, t, &f, v);
            }
        }
        if (s == SHI_OK && a->cov) {
            s = cov_rows(cli, t, &f);
        }
    }
    if (s == SHI_OK) {
        s = cli_write_table(t, a->format, a->out, &cli->err);
    }
    shi_table_free(t);
    shi_formation_design_free(&x);
    return s;
}

/* ---- predict ------------------------------------------------------------------------- */

static shi_status pred_table(shi_cli *cli, shi_table *t, const shi_formation_pred *v, size_t n,
                             size_t top, int known)
{
    static const char *const names[] = {"rank",  "state",       "ccode",   "p_controls", "p_bop",
                                        "p_bot", "p_bandwagon", "p_joint", "onset"};
    shi_status s = cols(cli, t, names, "isifffffs", 9, 4);
    for (size_t r = 0; r < n && r < top && s == SHI_OK; r++) {
        const shi_state *st = shi_states_get(&cli->data.states, v[r].ccode);
        if ((s = shi_table_int(t, (int64_t)r + 1, &cli->err)) ||
            (s = shi_table_str(t, st ? st->abb : "?", &cli->err)) ||
            (s = shi_table_int(t, v[r].ccode, &cli->err))) {
            break;
        }
        for (int q = 0; q < SHI_FM_N && s == SHI_OK; q++) {
            s = shi_table_real(t, v[r].p[q], &cli->err);
        }
        if (s == SHI_OK) {
            s = shi_table_str(t, !known ? "" : (v[r].onset ? "yes" : "no"), &cli->err);
        }
    }
    return s;
}

static int form_predict(shi_cli *cli, form_args *a)
{
    int c0, c1, pmax;
    shi_formation_years(&cli->data, &c0, &c1, &pmax);
    int t = a->year ? a->year : pmax;
    const shi_state *st = NULL;
    shi_status s = shi_states_resolve(&cli->data.states, a->pos[0], t, &st, &cli->err);
    const shi_formation_fit *fits[SHI_FM_N];
    for (int q = 0; q < SHI_FM_N; q++) {
        fits[q] = shi_formation_fit_embedded(a->o.level, q);
    }
    shi_threat_ctx *ctx = NULL;
    shi_formation_year y = {0};
    shi_formation_pred *v = NULL;
    size_t n = 0;
    if (s == SHI_OK && (s = shi_threat_ctx_new(&ctx, &cli->data, &cli->err)) == SHI_OK &&
        (s = shi_formation_year_compute(&cli->data, ctx, &a->o, t, &y, &cli->err)) == SHI_OK) {
        s = shi_formation_predict(&y, &cli->data, a->o.level, fits,
                                  (size_t)(st - cli->data.states.v), SHI_FM_JOINT, &v, &n,
                                  &cli->err);
    }
    shi_table *tb = s == SHI_OK ? shi_table_new() : NULL;
    if (s == SHI_OK && !tb) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    if (s == SHI_OK && (s = pred_table(cli, tb, v, n, (size_t)a->top, t <= c1)) == SHI_OK) {
        s = cli_write_table(tb, a->format, a->out, &cli->err);
    }
    shi_table_free(tb);
    free(v);
    shi_formation_year_free(&y);
    shi_threat_ctx_free(ctx);
    return s;
}

/* ---- pair ---------------------------------------------------------------------------- */

static shi_status path_table(shi_cli *cli, shi_table *t, const shi_formation_path *p)
{
    static const char *const names[] = {"year",        "status",    "treaty",       "ab_controls",
                                        "ab_bop",      "ab_bot",    "ab_bandwagon", "ab_joint",
                                        "ba_controls", "ba_bop",    "ba_bot",       "ba_bandwagon",
                                        "ba_joint",    "uniform_ab"};
    shi_status s = cols(cli, t, names, "issfffffffffff", 14, 4);
    for (size_t k = 0; k < p->n && s == SHI_OK; k++) {
        const char *st = p->allied[k] ? "obligated" : (p->onset[k] ? "onset" : "at risk");
        if ((s = shi_table_int(t, p->y0 + (int64_t)k, &cli->err)) ||
            (s = shi_table_str(t, st, &cli->err)) ||
            (s = shi_table_str(t, p->onset_any[k] ? "new ATOP obligation" : "", &cli->err))) {
            break;
        }
        for (int q = 0; q < 2 * SHI_FM_N && s == SHI_OK; q++) {
            const double *v = q < SHI_FM_N ? p->p_ab[q] : p->p_ba[q - SHI_FM_N];
            s = shi_table_real(t, v[k], &cli->err);
        }
        if (s == SHI_OK) {
            s = shi_table_real(t, p->risk_ab[k] > 0 ? 1.0 / p->risk_ab[k] : (double)NAN, &cli->err);
        }
    }
    return s;
}

static int form_pair(shi_cli *cli, form_args *a)
{
    const shi_state *sa = NULL, *sb = NULL;
    shi_status s = cli_pair(cli, a->pos, a->o.y1, &sa, &sb);
    if (s == SHI_OK && sa == sb) {
        s = shi_err_set(&cli->err, SHI_EUSAGE, "formation pair: name two different states");
    }
    int y0 = a->years ? a->o.y0 : (a->o.y1 - 26 > a->o.y0 ? a->o.y1 - 26 : a->o.y0);
    shi_formation_path p = {0};
    if (s == SHI_OK) {
        s = shi_formation_pair_path(&cli->data, a->o.level, sa->ccode, sb->ccode, y0, a->o.y1, &p,
                                    &cli->err);
    }
    if (s == SHI_OK && p.status != SHI_OK) {
        s = shi_err_set(&cli->err, p.status, "%s", p.msg);
    }
    shi_table *t = s == SHI_OK ? shi_table_new() : NULL;
    if (s == SHI_OK && !t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    if (s == SHI_OK && (s = path_table(cli, t, &p)) == SHI_OK) {
        s = cli_write_table(t, a->format, a->out, &cli->err);
    }
    shi_table_free(t);
    shi_formation_path_free(&p);
    return s;
}

/* ---- dispatch -------------------------------------------------------------------------- */

static const char USAGE[] =
    "shi formation test [--years A-B] [--level defence|any] [--count pairs|chooser]\n"
    "                          [--split YEAR] [--windows]\n"
    "       shi formation fit [--years A-B] [--level defence|any] [--cov]\n"
    "       shi formation predict STATE [--year Y] [--top N] [--level defence|any]\n"
    "       shi formation pair A B [--years A-B] [--level defence|any]";

int cmd_formation(shi_cli *cli, int argc, char **argv)
{
    form_args a = {0};
    a.top = 10;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "years", &a.years, "A-B", "onset years (default: all covered)"},
        {OPT_STRING, 0, "level", &a.level, "L", "defence (default; ATOP level 3) or any"},
        {OPT_STRING, 0, "count", &a.count, "C", "pairs (default) or chooser: multilateral weight"},
        {OPT_INT, 0, "split", &a.split, "YEAR", "test: first test year (default 1946)"},
        {OPT_FLAG, 0, "windows", &a.windows, NULL, "test: list each rolling decade"},
        {OPT_FLAG, 0, "cov", &a.cov, NULL, "fit: the coefficients' covariance (long form)"},
        {OPT_INT, 0, "year", &a.year, "Y", "predict: onset year (default: after the data)"},
        {OPT_INT, 0, "top", &a.top, "N", "predict: partners listed (default 10)"},
        {OPT_STRING, 0, "format", &a.format, "FMT", "table (default), csv, tsv or json"},
        {OPT_STRING, 'o', "output", &a.out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    int help = 0;
    const char *sub = argc >= 2 ? argv[1] : "";
    if (sub[0] == '-' || !sub[0]) { /* --help, or no subcommand */
        shi_status u =
            cli_parse("formation", USAGE, opts, argc, argv, a.pos, 2, &a.npos, &help, &cli->err);
        return u != SHI_OK || help ? u : shi_err_set(&cli->err, SHI_EUSAGE, "usage: %s", USAGE);
    }
    int nwant = strcmp(sub, "predict") == 0 ? 1 : (strcmp(sub, "pair") == 0 ? 2 : 0);
    shi_status s = cli_parse("formation", USAGE, opts, argc - 1, argv + 1, a.pos, 2, &a.npos, &help,
                             &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if ((strcmp(sub, "test") && strcmp(sub, "fit") && !nwant) || a.npos != (size_t)nwant) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "usage: %s", USAGE);
    }
    if ((s = form_setup(cli, &a, nwant == 1)) != SHI_OK) {
        return s;
    }
    if (nwant == 1) {
        return form_predict(cli, &a);
    }
    if (nwant == 2) {
        return form_pair(cli, &a);
    }
    return strcmp(sub, "test") == 0 ? form_test(cli, &a) : form_fit(cli, &a);
}
