/*
 * cmd_scenarios.c - `shi scenarios A B`: the five futures of a pair (the
 * study's chapter 5), their probabilities at 5, 10 and 20 years from a
 * Monte-Carlo ensemble of calibrated dynamics, with shocks; the history of
 * the futures by era; the rolling-origin back-test (shi/scenarios.h,
 * docs/scenarios.md). The command parses, calls libshi and prints.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <shi/futures.h>
#include <shi/futures_svg.h>
#include <shi/outfile.h>
#include <shi/power.h>
#include <shi/scenarios.h>

typedef struct scen_args {
    const char *format, *out, *shocks, *seed, *svg, *svg_probs, *svg_stack, *third, *measure;
    int third_cc; /* the driver's third state, resolved (SHI_SCEN_STRONGEST, 0: none) */
    int from, horizon, paths, draws, threads, fan, history, params, backtest, calibration;
    const char *pos[2];
    size_t npos;
} scen_args;

static shi_status cols(shi_cli *cli, shi_table *t, const char *const *names, const char *types,
                       int digits)
{
    shi_status s = SHI_OK;
    for (int c = 0; types[c] && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], digits, &cli->err);
    }
    return s;
}

static shi_status parse_seed(const char *text, uint64_t *seed, shi_err *err)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = text ? strtoull(text, &end, 10) : 1;
    if (text && (!*text || *end || errno || text[0] == '-')) {
        return shi_err_set(err, SHI_EUSAGE, "scenarios: --seed takes a non-negative integer");
    }
    *seed = (uint64_t)v;
    return SHI_OK;
}

static shi_status futures_table(shi_cli *cli, shi_table *t, const shi_futures *fu)
{
    static const char *const names[] = {"horizon", "year",    "future",   "probability",
                                        "mc_lo",   "mc_hi",   "param_lo", "param_hi",
                                        "band",    "observed"};
    const shi_scen_result *r = &fu->r;
    shi_status s = cols(cli, t, names, "iisffffffs", 4);
    for (int k = 0; k < r->nh && s == SHI_OK; k++) {
        int obs = fu->observed[k];
        for (int f = 0; f < SHI_FUT_N && s == SHI_OK; f++) {
            (void)((s = shi_table_int(t, r->h[k], &cli->err)) ||
                   (s = shi_table_int(t, r->from + r->h[k], &cli->err)) ||
                   (s = shi_table_str(t, shi_future_name(f), &cli->err)) ||
                   (s = shi_table_real(t, r->p[k][f], &cli->err)) ||
                   (s = shi_table_real(t, r->mc_lo[k][f], &cli->err)) ||
                   (s = shi_table_real(t, r->mc_hi[k][f], &cli->err)) ||
                   (s = shi_table_real(t, r->par_lo[k][f], &cli->err)) ||
                   (s = shi_table_real(t, r->par_hi[k][f], &cli->err)) ||
                   (s = shi_table_real(t, r->band[k], &cli->err)) ||
                   (s = shi_table_str(t, obs < 0 ? "" : (obs == f ? "yes" : "no"), &cli->err)));
        }
    }
    return s;
}

static shi_status fan_table(shi_cli *cli, shi_table *t, const shi_scen_result *r)
{
    static const char *const names[] = {"year", "q05", "q25", "q50", "q75", "q95"};
    shi_status s = cols(cli, t, names, "ifffff", 3);
    for (int y = 0; y < r->horizon && s == SHI_OK; y++) {
        s = shi_table_int(t, r->from + y + 1, &cli->err);
        for (int j = 0; j < 5 && s == SHI_OK; j++) {
            s = shi_table_real(t, r->fan[(size_t)y * 5 + (size_t)j], &cli->err);
        }
    }
    return s;
}

/* The verdict on a driver coefficient from its bootstrap interval. */
static const char *identified(double lo, double hi)
{
    if (isnan(lo) || isnan(hi)) {
        return "no interval (one draw)";
    }
    return lo <= 0 && hi >= 0 ? "not identified: the 95% interval includes 0" : "identified";
}

/* One row of the parameters: name, value and, with a driver, the note. */
static shi_status param_row(shi_cli *cli, shi_table *t, int note, const char *name, double v,
                            const char *text)
{
    shi_status s = shi_table_str(t, name, &cli->err);
    if (s == SHI_OK) {
        s = shi_table_real(t, v, &cli->err);
    }
    if (s == SHI_OK && note) {
        s = shi_table_str(t, text, &cli->err);
    }
    return s;
}

/* The external driver's parameters (docs/scenarios.md, "External driver"). */
static shi_status driver_rows(shi_cli *cli, shi_table *t, const shi_scen_result *r)
{
    const shi_scen_params *q = &r->point;
    const char *nb = identified(r->bx_lo, r->bx_hi), *nc = identified(r->cx_lo, r->cx_hi);
    const struct {
        const char *name;
        double v;
        const char *note;
    } rows[] = {{"driver_x0", r->x0, "the driver at the origin"},
                {"driver_bx", q->bx, nb},
                {"driver_bx_lo", r->bx_lo, "2.5% of the bootstrap draws"},
                {"driver_bx_hi", r->bx_hi, "97.5% of the bootstrap draws"},
                {"fight_cx_driver", q->cx, nc},
                {"fight_cx_lo", r->cx_lo, "2.5% of the bootstrap draws"},
                {"fight_cx_hi", r->cx_hi, "97.5% of the bootstrap draws"},
                {"driver_phi", q->xphi, "the driver's AR(1)"},
                {"driver_alpha_pair", q->xalpha[r->pair], "the driver's pair effect"}};
    shi_status s = SHI_OK;
    for (size_t k = 0; k < sizeof rows / sizeof rows[0] && s == SHI_OK; k++) {
        s = param_row(cli, t, 1, rows[k].name, rows[k].v, rows[k].note);
    }
    return s;
}

/* The pact-onset hazard from the origin (the alliance-formation model), and
 * its spread over the draws of the formation coefficients. */
static shi_status pact_rows(shi_cli *cli, shi_table *t, int note, const shi_scen_result *r)
{
    const shi_scen_pact *h = &r->pact;
    const struct {
        const char *name;
        double v;
    } rows[] = {{"pact_onset_h", h->h},
                {"pact_onset_h_lo", r->pact_h_lo},
                {"pact_onset_h_hi", r->pact_h_hi},
                {"pact_p_ab", h->p_ab},
                {"pact_p_ba", h->p_ba},
                {"pact_rate_a", h->rate_a},
                {"pact_rate_b", h->rate_b},
                {"pact_covariate_year", h->cov_year},
                {"pact_fit_y0", h->fit_y0},
                {"pact_fit_y1", h->fit_y1}};
    shi_status s = SHI_OK;
    for (size_t k = 0; k < sizeof rows / sizeof rows[0] && s == SHI_OK; k++) {
        s = param_row(cli, t, note, rows[k].name, rows[k].v, "");
    }
    return s;
}

static shi_status params_table(shi_cli *cli, shi_table *t, const shi_scen_result *r)
{
    static const char *const names[] = {"parameter", "value", "note"};
    int note = r->point.has_x;
    shi_status s = cols(cli, t, names, note ? "sfs" : "sf", 4);
    for (int k = 0; k < SHI_SP_N && s == SHI_OK; k++) {
        s = param_row(cli, t, note, shi_scen_param_name(k), r->point.v[k], "");
    }
    if (s == SHI_OK) {
        s = param_row(cli, t, note, "alpha_pair", r->point.alpha[r->pair], "");
    }
    if (s == SHI_OK) {
        s = pact_rows(cli, t, note, r);
    }
    return s == SHI_OK && note ? driver_rows(cli, t, r) : s;
}

/* How often each future occurred across the panel, by era and horizon. */
static shi_status history_table(shi_cli *cli, shi_table *t, const shi_scen_panel *p)
{
    static const char *const names[] = {"era",     "horizon",    "n",           "confrontation",
                                        "tension", "status_quo", "convergence", "alliance"};
    static const int eras[][2] = {
        {1946, 1969}, {1970, 1989}, {1990, 2009}, {2010, 2024}, {1946, 2024}};
    static const int hs[] = {5, 10, 20};
    shi_status s = cols(cli, t, names, "siifffff", 3);
    for (int e = 0; e < 5 && s == SHI_OK; e++) {
        for (int k = 0; k < 3 && s == SHI_OK; k++) {
            size_t cnt[SHI_FUT_N];
            size_t n = shi_scen_history(p, hs[k], eras[e][0], eras[e][1], cnt);
            char era[16];
            snprintf(era, sizeof era, "%d-%d", eras[e][0], eras[e][1]);
            (void)((s = shi_table_str(t, era, &cli->err)) ||
                   (s = shi_table_int(t, hs[k], &cli->err)) ||
                   (s = shi_table_int(t, (int64_t)n, &cli->err)));
            for (int f = 0; f < SHI_FUT_N && s == SHI_OK; f++) {
                s = n ? shi_table_real(t, (double)cnt[f] / (double)n, &cli->err)
                      : shi_table_missing(t, &cli->err);
            }
        }
    }
    return s;
}

static shi_status backtest_table(shi_cli *cli, shi_table *t, const shi_scen_backtest *b)
{
    static const char *const names[] = {"score",          "horizon",           "n",
                                        "model",          "persistence",       "climatology",
                                        "ss_persistence", "ss_persistence_lo", "ss_persistence_hi",
                                        "ss_climatology", "ss_climatology_lo", "ss_climatology_hi"};
    shi_status s = cols(cli, t, names, "siifffffffff", 4);
    for (int j = 0; j < 2 && s == SHI_OK; j++) {
        for (size_t k = 0; k < b->n && s == SHI_OK; k++) {
            const shi_scen_skill *v = &b->v[k];
            const double x[] = {v->model[j],      v->persist[j],       v->clim[j],
                                v->ss_persist[j], v->ss_persist_lo[j], v->ss_persist_hi[j],
                                v->ss_clim[j],    v->ss_clim_lo[j],    v->ss_clim_hi[j]};
            (void)((s = shi_table_str(t, j ? "crps_composite" : "rps_futures", &cli->err)) ||
                   (s = shi_table_int(t, v->h, &cli->err)) ||
                   (s = shi_table_int(t, (int64_t)v->n, &cli->err)));
            for (int i = 0; i < 9 && s == SHI_OK; i++) {
                s = shi_table_real(t, x[i], &cli->err);
            }
        }
    }
    return s;
}

/* The options of the ensemble from the arguments. */
static shi_status pair_opts(shi_cli *cli, const scen_args *a, shi_scen_opts *o, shi_scen_shocks *sh)
{
    *o = shi_scen_opts_default();
    shi_status s = parse_seed(a->seed, &o->seed, &cli->err);
    o->from = a->from;
    o->horizon = a->horizon ? a->horizon : o->horizon;
    o->paths = a->paths == -1 ? o->paths : (uint64_t)a->paths;
    o->draws = a->draws ? a->draws : o->draws;
    o->threads = a->threads;
    o->third = a->third_cc;
    o->driver_measure = a->measure;
    if (s == SHI_OK && a->shocks) {
        /* windows from 1946 to 50 years after the data's last year */
        int last = cli->data.dy.y1 < SHI_DYADIC_Y1 ? cli->data.dy.y1 : SHI_DYADIC_Y1;
        s = shi_scen_shocks_read(a->shocks, 1946, last + SHI_SCEN_HMAX, sh, &cli->err);
        o->shocks = sh;
    }
    return s;
}

/* Write chart `which` (0 fan, 1 probabilities, 2 stacked by year) of the
 * futures to f. */
static shi_status put_svg(shi_cli *cli, shi_outfile *f, const shi_futures *fu, int which)
{
    if (!f->fp) {
        return SHI_OK;
    }
    const shi_state *sa = shi_states_get(&cli->data.states, fu->a),
                    *sb = shi_states_get(&cli->data.states, fu->b);
    char pair[32];
    snprintf(pair, sizeof pair, "%s-%s", sa ? sa->abb : "?", sb ? sb->abb : "?");
    shi_svg_chart *c = NULL;
    shi_status s = which == 2   ? shi_futures_stack_svg(fu, pair, &c, &cli->err)
                   : which == 1 ? shi_futures_probs_svg(fu, pair, &c, &cli->err)
                                : shi_futures_fan_svg(fu, pair, &c, &cli->err);
    if (s == SHI_OK) {
        s = shi_svg_write(c, f->fp, &cli->err);
    }
    shi_svg_free(c);
    return s;
}

static shi_status svg_open(shi_cli *cli, const char *path, shi_outfile *f)
{
    memset(f, 0, sizeof *f);
    if (!path) {
        return SHI_OK;
    }
    if (!*path || strcmp(path, "-") == 0) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "scenarios: --svg takes a file name");
    }
    return shi_outfile_open(f, path, &cli->err);
}

/* Commit the open chart files when s is SHI_OK, else discard them. */
static shi_status svg_close(shi_cli *cli, shi_outfile *svg, shi_status s)
{
    for (int k = 0; k < 3; k++) {
        if (svg[k].fp && s == SHI_OK) {
            s = shi_outfile_commit(&svg[k], &cli->err);
        } else if (svg[k].fp) {
            shi_outfile_abort(&svg[k]);
        }
    }
    return s;
}

/* Say on stderr what the driver's coefficient is worth: the tables carry
 * the numbers (--params), this line the verdict. */
static void driver_note(const shi_scen_result *r)
{
    fprintf(stderr,
            "shi: scenarios: driver (third-state power share) in the composite: %.4g, 95%% "
            "bootstrap interval [%.4g, %.4g]: %s\n",
            r->point.bx, r->bx_lo, r->bx_hi, identified(r->bx_lo, r->bx_hi));
}

/* The ensemble (and its views) for the pair; the charts are written after
 * the table, or not at all. */
static shi_status run_pair(shi_cli *cli, scen_args *a, const shi_state *sa, const shi_state *sb,
                           shi_table *t)
{
    shi_scen_opts o;
    shi_scen_shocks sh = {0};
    shi_futures fu = {0};
    shi_outfile svg[3];
    memset(svg, 0, sizeof svg);
    shi_status s = pair_opts(cli, a, &o, &sh);
    o.split = cli_mpi_split();
    /* only rank 0 writes (the others compute the same result) */
    int w = cli_mpi_rank() == 0;
    const char *paths[3] = {a->svg, a->svg_probs, a->svg_stack};
    for (int k = 0; k < 3 && s == SHI_OK && w; k++) {
        s = svg_open(cli, paths[k], &svg[k]);
    }
    if (s == SHI_OK) {
        s = shi_futures_compute(&cli->data, sa->ccode, sb->ccode, &o, &fu, &cli->err);
    }
    if (s == SHI_OK && fu.r.third && w) {
        driver_note(&fu.r);
    }
    if (s == SHI_OK) {
        s = a->fan      ? fan_table(cli, t, &fu.r)
            : a->params ? params_table(cli, t, &fu.r)
                        : futures_table(cli, t, &fu);
    }
    for (int k = 0; k < 3 && s == SHI_OK; k++) {
        s = put_svg(cli, &svg[k], &fu, k);
    }
    s = svg_close(cli, svg, s);
    shi_futures_free(&fu);
    shi_scen_shocks_free(&sh);
    return s;
}

/* Where the model fails: mean forecasts against what happened. */
static shi_status calibration_table(shi_cli *cli, shi_table *t, const shi_scen_backtest *b)
{
    static const char *const names[] = {"horizon", "future", "mean_forecast", "mean_climatology",
                                        "observed_share"};
    shi_status s = cols(cli, t, names, "isfff", 4);
    for (size_t k = 0; k < b->n && s == SHI_OK; k++) {
        const shi_scen_skill *v = &b->v[k];
        for (int f = 0; f < SHI_FUT_N && s == SHI_OK; f++) {
            (void)((s = shi_table_int(t, v->h, &cli->err)) ||
                   (s = shi_table_str(t, shi_future_name(f), &cli->err)) ||
                   (s = shi_table_real(t, v->mean_p[f], &cli->err)) ||
                   (s = shi_table_real(t, v->mean_clim[f], &cli->err)) ||
                   (s = shi_table_real(t, v->freq[f], &cli->err)));
        }
    }
    return s;
}

/* The back-test's origins. */
enum { BACKTEST_O0 = 1960, BACKTEST_O1 = 2012 };

static shi_status run_backtest(shi_cli *cli, scen_args *a, shi_scen_panel *p, shi_table *t)
{
    uint64_t seed = 1;
    shi_status s = parse_seed(a->seed, &seed, &cli->err);
    shi_scen_backtest b = {0};
    uint64_t paths = a->paths == -1 ? 1000 : (uint64_t)(a->paths > 0 ? a->paths : 0);
    if (s == SHI_OK && !paths) {
        s = shi_err_set(&cli->err, SHI_EUSAGE, "scenarios: --paths must be at least 1");
    }
    if (s == SHI_OK) { /* each origin's pact hazard, fitted on the onsets up to it */
        s = shi_scen_panel_pact(&cli->data, BACKTEST_O0, BACKTEST_O1, p, &cli->err);
    }
    if (s == SHI_OK) {
        s = shi_scen_backtest_run(p, BACKTEST_O0, BACKTEST_O1, 5, paths, seed, a->threads,
                                  cli_mpi_split(), &b, &cli->err);
    }
    if (s == SHI_OK) {
        s = a->calibration ? calibration_table(cli, t, &b) : backtest_table(cli, t, &b);
    }
    shi_scen_backtest_free(&b);
    return s;
}

static const char USAGE[] =
    "shi scenarios A B [--third C [--measure M]] [--from Y] [--horizon H] [--paths N]\n"
    "                  [--seed S] [--draws D] [--shocks FILE] [--fan | --params] [--svg FILE]\n"
    "                  [--svg-probs FILE] [--svg-stack FILE]\n"
    "       shi scenarios --history | --backtest [--third C] [--calibration] [--paths N] "
    "[--seed S]";

/* The driver's third state (`strongest`: every pair's strongest other
 * state), neither of the pair. */
static shi_status third_state(shi_cli *cli, scen_args *a, const shi_state *sa, const shi_state *sb,
                              int year)
{
    const shi_state *c = NULL;
    shi_status s = SHI_OK;
    if (!a->third) {
        return SHI_OK;
    }
    if (strcmp(a->third, "strongest") == 0) {
        a->third_cc = SHI_SCEN_STRONGEST;
        return SHI_OK;
    }
    if ((s = shi_states_resolve(&cli->data.states, a->third, year, &c, &cli->err)) != SHI_OK) {
        return s;
    }
    if (c == sa || c == sb) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "scenarios: --third must differ from the pair (%s is one of them)",
                           c->abb);
    }
    a->third_cc = c->ccode;
    return SHI_OK;
}

/* The data parts: the relations, the economic part (polity2, a covariate of
 * the alliance-formation model behind the pact hazard), and the driver's
 * measure's part. */
static shi_status scen_data(shi_cli *cli, const scen_args *a)
{
    unsigned parts = SHI_DATA_RELATIONS | SHI_DATA_ECON;
    if (a->measure) {
        const shi_power_measure *pm = shi_power_measure_find(a->measure);
        if (!pm) {
            char list[256];
            shi_power_measure_list(list, sizeof list);
            return shi_err_set(&cli->err, SHI_EUSAGE,
                               "scenarios: unknown --measure '%s' (valid: %s)", a->measure, list);
        }
        parts |= pm->parts;
    }
    return cli_data(cli, parts, NULL, NULL);
}

/* Load the data, then the pair's ensemble or the panel's history or back-test. */
static shi_status scen_main(shi_cli *cli, scen_args *a, shi_table *t)
{
    shi_status s = scen_data(cli, a);
    int year = a->from ? a->from : cli->data.dy.ally_y1;
    if (s == SHI_OK && !a->history && !a->backtest) {
        const shi_state *sa = NULL, *sb = NULL;
        s = cli_pair(cli, a->pos, year, &sa, &sb);
        if (s == SHI_OK && sa == sb) {
            s = shi_err_set(&cli->err, SHI_EUSAGE, "scenarios: name two different states");
        }
        if (s == SHI_OK) {
            s = third_state(cli, a, sa, sb, year);
        }
        return s == SHI_OK ? run_pair(cli, a, sa, sb, t) : s;
    }
    shi_scen_panel p = {0};
    if (s == SHI_OK) {
        s = third_state(cli, a, NULL, NULL, year);
    }
    if (s == SHI_OK) {
        s = shi_futures_panel(&cli->data, 0, 0, a->third_cc, a->measure, &p, &cli->err);
    }
    if (s == SHI_OK) {
        s = a->history ? history_table(cli, t, &p) : run_backtest(cli, a, &p, t);
    }
    shi_scen_panel_free(&p);
    return s;
}

/* The arguments refused before the data are loaded (the library checks
 * the numbers too). */
static shi_status refuse(shi_cli *cli, const scen_args *a)
{
    if ((a->history || a->backtest) ? a->npos != 0 : a->npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "usage: %s", USAGE);
    }
    /* The history has no dynamics, so a driver would change nothing there;
     * a measure without a driver neither. */
    if (a->third && a->history) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "scenarios: --third enters the dynamics; --history has none");
    }
    if (a->measure && !a->third) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "scenarios: --measure is the driver's power measure: name --third C");
    }
    if (a->paths == 0 || a->paths < -1) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "scenarios: --paths must be at least 1");
    }
    if (a->horizon < 0 || a->horizon > SHI_SCEN_HMAX) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "scenarios: --horizon must be 1-%d, not %d",
                           SHI_SCEN_HMAX, a->horizon);
    }
    return SHI_OK;
}

int cmd_scenarios(shi_cli *cli, int argc, char **argv)
{
    scen_args a = {0};
    a.paths = -1;
    const cli_opt opts[] = {
        {OPT_INT, 0, "from", &a.from, "Y", "origin year (default: the last with every fact)"},
        {OPT_INT, 0, "horizon", &a.horizon, "H", "years simulated, 1-50 (default 20)"},
        {OPT_INT, 0, "paths", &a.paths, "N", "Monte-Carlo paths (default 100000)"},
        {OPT_STRING, 0, "seed", &a.seed, "S", "random seed (default 1)"},
        {OPT_INT, 0, "draws", &a.draws, "D", "bootstrap parameter draws (default 100)"},
        {OPT_STRING, 0, "shocks", &a.shocks, "FILE", "shock file (YAML, docs/scenarios.md)"},
        {OPT_FLAG, 0, "fan", &a.fan, NULL, "print the composite's quantiles by year"},
        {OPT_FLAG, 0, "params", &a.params, NULL, "print the fitted parameters"},
        {OPT_STRING, 0, "svg", &a.svg, "FILE", "write the fan chart (SVG)"},
        {OPT_STRING, 0, "svg-probs", &a.svg_probs, "FILE", "write the probabilities (SVG)"},
        {OPT_STRING, 0, "svg-stack", &a.svg_stack, "FILE",
         "write the futures' cumulative probabilities by year (SVG)"},
        {OPT_STRING, 0, "third", &a.third, "C",
         "external driver: C's power share (or 'strongest': each pair's strongest other)"},
        {OPT_STRING, 0, "measure", &a.measure, "NAME", "the driver's power measure (default cinc)"},
        {OPT_FLAG, 0, "history", &a.history, NULL, "how often each future occurred, by era"},
        {OPT_FLAG, 0, "backtest", &a.backtest, NULL, "rolling-origin back-test, 1960-2012"},
        {OPT_FLAG, 0, "calibration", &a.calibration, NULL,
         "backtest: mean forecasts against what happened"},
        CLI_OPT_THREADS(a.threads),
        {OPT_STRING, 0, "format", &a.format, "FMT", "table, csv, tsv, json, sqlite or dta"},
        {OPT_STRING, 'o', "output", &a.out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    int help = 0;
    shi_status s =
        cli_parse("scenarios", USAGE, opts, argc, argv, a.pos, 2, &a.npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if ((s = refuse(cli, &a)) != SHI_OK) {
        return s;
    }
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    /* mpirun -np N: the processes share the paths (or back-test origins) */
    if ((s = cli_mpi_begin(&cli->err)) == SHI_OK && (s = scen_main(cli, &a, t)) == SHI_OK &&
        cli_mpi_rank() == 0) {
        s = cli_write_table(t, a.format, a.out, &cli->err);
    }
    cli_mpi_end();
    shi_table_free(t);
    return s;
}
