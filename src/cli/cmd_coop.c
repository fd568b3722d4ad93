/*
 * cmd_coop.c - `shi coop`: the iterated prisoner's dilemma from the command
 * line: strategies, match, tournament, moran, replicator, sweep, threshold.
 * The command only parses options and calls libshi (include/shi/coop.h).
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <shi/coop.h>
#include <shi/coop_svg.h>
#include <shi/outfile.h>
#include <shi/rng.h>
#include <shi/svg.h>

#define MAX_GRID 1000

/* Declared in cli.h once the command is registered; repeated here so this file
 * builds with -Wmissing-prototypes before that. */
int cmd_coop(shi_cli *cli, int argc, char **argv);

/* Options shared by the subcommands that play games. */
typedef struct gopts {
    int turns;    /* 0 = not given (default 200) */
    double delta; /* 0 = not given: fixed length */
    double noise;
    const char *payoffs; /* "T,R,P,S" or NULL */
    double k;
    const char *seed; /* text, parsed as uint64 */
    int threads;
    int reps;
    const char *strategies;
    const char *format, *out;
    const char *svg; /* --svg FILE, or NULL */
} gopts;

#define GAME_OPTS(g)                                                                               \
    {OPT_INT, 0, "turns", &(g).turns, "N", "fixed number of turns (default 200)"},                 \
        {OPT_REAL,   0,   "delta",                                                                 \
         &(g).delta, "D", "continuation probability: the game ends after each turn w.p. 1-D"},     \
        {OPT_REAL, 0, "noise", &(g).noise, "E", "each move is flipped with probability E"},        \
        {OPT_STRING, 0, "payoffs", &(g).payoffs, "T,R,P,S", "payoffs (default 5,3,1,0)"},          \
        {OPT_REAL, 0,   "relative-gains",                                                          \
         &(g).k,   "K", "rank by Grieco utility u = pi - K (pi_opp - pi) (default 0)"},            \
        {OPT_STRING, 0, "seed", &(g).seed, "S", "random seed (default 1)"},                        \
    {                                                                                              \
        OPT_INT, 0, "threads", &(g).threads, "K", "OpenMP threads (default: all)"                  \
    }

#define SVG_OPT(g)                                                                                 \
    {                                                                                              \
        OPT_STRING, 0, "svg", &(g).svg, "FILE", "also draw the result as an SVG chart in FILE"     \
    }

#define OUT_OPTS(g)                                                                                \
    {OPT_STRING, 0, "format", &(g).format, "FMT", "table (default), csv, tsv or json"},            \
    {                                                                                              \
        OPT_STRING, 'o', "output", &(g).out, "FILE", "write to FILE instead of standard output"    \
    }

static gopts gopts_default(void)
{
    gopts g;
    memset(&g, 0, sizeof g);
    g.reps = 10;
    return g;
}

static shi_status parse_seed(const char *cmd, const char *text, uint64_t *seed, shi_err *err)
{
    if (!text) {
        *seed = 1;
        return SHI_OK;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (!*text || *end || errno || text[0] == '-') {
        return shi_err_set(err, SHI_EUSAGE, "%s: --seed takes a non-negative integer, got '%s'",
                           cmd, text);
    }
    *seed = (uint64_t)v;
    return SHI_OK;
}

/* The game from the shared options; errors name the option. */
static shi_status game_from(const char *cmd, const gopts *o, shi_coop_game *g, shi_err *err)
{
    *g = shi_coop_game_default();
    if (o->turns != 0 && o->delta != 0.0) {
        return shi_err_set(err, SHI_EUSAGE, "%s: give --turns or --delta, not both", cmd);
    }
    if (o->turns != 0) {
        if (o->turns < 1 || o->turns > SHI_COOP_MAX_TURNS) {
            return shi_err_set(err, SHI_EUSAGE, "%s: --turns must be in [1, %ld], got %d", cmd,
                               SHI_COOP_MAX_TURNS, o->turns);
        }
        g->turns = o->turns;
    }
    if (o->delta != 0.0 && !(o->delta > 0.0 && o->delta < 1.0)) {
        return shi_err_set(err, SHI_EUSAGE, "%s: --delta must be in (0, 1), got %g", cmd, o->delta);
    }
    g->delta = o->delta;
    if (!(o->noise >= 0.0 && o->noise <= 0.5)) {
        return shi_err_set(err, SHI_EUSAGE, "%s: --noise must be in [0, 0.5], got %g", cmd,
                           o->noise);
    }
    g->noise = o->noise;
    if (!(o->k >= 0.0)) {
        return shi_err_set(err, SHI_EUSAGE, "%s: --relative-gains must be >= 0, got %g", cmd, o->k);
    }
    g->k = o->k;
    if (o->payoffs) {
        shi_status s = shi_coop_payoffs_parse(o->payoffs, &g->pay, err);
        if (s != SHI_OK) {
            return s;
        }
    }
    if (o->threads < 0) {
        return shi_err_set(err, SHI_EUSAGE, "%s: --threads must be >= 0, got %d", cmd, o->threads);
    }
    if (o->reps < 1) {
        return shi_err_set(err, SHI_EUSAGE, "%s: --repetitions must be >= 1, got %d", cmd, o->reps);
    }
    return SHI_OK;
}

static shi_status add_cols(shi_table *t, const char *const *names, const char *types,
                           const int *digits, int n, shi_err *err)
{
    shi_status s = SHI_OK;
    for (int c = 0; c < n && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], digits[c], err);
    }
    return s;
}

/* Write `t` (if the build succeeded) and free it. */
static shi_status finish(shi_table *t, shi_status s, const gopts *o, shi_err *err)
{
    if (s == SHI_OK) {
        s = cli_write_table(t, o->format, o->out, err);
    }
    shi_table_free(t);
    return s;
}

/* ---- --svg FILE: the chart, written atomically ------------------------------ */

/* Open the --svg file (if any) before the work, so a bad path fails at once. */
static shi_status svg_open(const char *cmd, const char *path, shi_outfile *f, shi_err *err)
{
    memset(f, 0, sizeof *f);
    if (!path) {
        return SHI_OK;
    }
    if (!*path || strcmp(path, "-") == 0) {
        return shi_err_set(err, SHI_EUSAGE, "%s: --svg takes a file name, got '%s'", cmd, path);
    }
    return shi_outfile_open(f, path, err);
}

/* Write the chart a builder returned (status s) into the --svg file and free it. */
static shi_status svg_put(shi_outfile *f, shi_svg_chart *c, shi_status s, shi_err *err)
{
    if (s == SHI_OK) {
        s = shi_svg_write(c, f->fp, err);
    }
    shi_svg_free(c);
    return s;
}

/* Move the --svg file into place when the command succeeded (s == SHI_OK,
 * after its table was written); otherwise discard it. */
static shi_status svg_close(shi_outfile *f, shi_status s, shi_err *err)
{
    if (!f->fp) {
        return s;
    }
    if (s == SHI_OK) {
        return shi_outfile_commit(f, err);
    }
    shi_outfile_abort(f);
    return s;
}

/* Play the tournament every evolutionary subcommand starts from. */
static shi_status run_tournament(const char *cmd, const gopts *o, int self_play,
                                 shi_coop_player **pl, size_t *n, shi_coop_tour *t, uint64_t *seed,
                                 shi_err *err)
{
    shi_coop_tour_opts to;
    shi_status s = game_from(cmd, o, &to.game, err);
    if (s == SHI_OK) {
        s = parse_seed(cmd, o->seed, seed, err);
    }
    if (s == SHI_OK) {
        s = shi_coop_players_parse(o->strategies ? o->strategies : "all", pl, n, err);
    }
    if (s != SHI_OK) {
        return s;
    }
    to.reps = o->reps;
    to.self_play = self_play;
    to.seed = *seed;
    to.threads = o->threads;
    s = shi_coop_tournament(*pl, *n, &to, t, err);
    if (s != SHI_OK) {
        shi_coop_players_free(*pl);
        *pl = NULL;
    }
    return s;
}

/* ---- shi coop strategies ------------------------------------------------- */

static int coop_strategies(shi_cli *cli, int argc, char **argv)
{
    gopts o = gopts_default();
    const cli_opt opts[] = {OUT_OPTS(o), {OPT_END, 0, NULL, NULL, NULL, NULL}};
    size_t npos;
    int help;
    shi_status s = cli_parse("coop strategies", "shi coop strategies [--format FMT] [-o FILE]",
                             opts, argc, argv, NULL, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    static const char *const names[] = {"strategy",   "aliases",    "parameter",
                                        "stochastic", "definition", "source"};
    static const char types[] = {'s', 's', 's', 's', 's', 's'};
    static const int digits[] = {0, 0, 0, 0, 0, 0};
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    s = add_cols(t, names, types, digits, 6, &cli->err);
    size_t n;
    const shi_coop_strategy *tab = shi_coop_strategies(&n);
    for (size_t i = 0; i < n && s == SHI_OK; i++) {
        char par[64] = "";
        if (tab[i].has_par) {
            snprintf(par, sizeof par, "%g in [%g, %g]", tab[i].par, tab[i].lo, tab[i].hi);
        }
        if ((s = shi_table_str(t, tab[i].name, &cli->err)) ||
            (s = shi_table_str(t, tab[i].aliases[0] ? tab[i].aliases : NULL, &cli->err)) ||
            (s = shi_table_str(t, par[0] ? par : NULL, &cli->err)) ||
            (s = shi_table_str(t, tab[i].stochastic ? "yes" : "no", &cli->err)) ||
            (s = shi_table_str(t, tab[i].desc, &cli->err))) {
            break;
        }
        s = shi_table_str(t, tab[i].cite, &cli->err);
    }
    return finish(t, s, &o, &cli->err);
}

/* ---- shi coop match ------------------------------------------------------ */

static int coop_match(shi_cli *cli, int argc, char **argv)
{
    gopts o = gopts_default();
    int moves = 0;
    const cli_opt opts[] = {GAME_OPTS(o),
                            {OPT_FLAG, 0, "moves", &moves, NULL, "print every turn"},
                            OUT_OPTS(o),
                            {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[2];
    size_t npos;
    int help;
    const char *cmd = "coop match";
    shi_status s = cli_parse(cmd,
                             "shi coop match A B [--turns N | --delta D] [--noise E] [--seed S] "
                             "[--payoffs T,R,P,S] [--relative-gains K] [--moves] [--format FMT] "
                             "[-o FILE]",
                             opts, argc, argv, pos, 2, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "%s: expected two strategies, e.g. 'shi coop match TFT Defector'", cmd);
    }
    shi_coop_game g;
    shi_coop_player a, b;
    uint64_t seed;
    if ((s = game_from(cmd, &o, &g, &cli->err)) ||
        (s = parse_seed(cmd, o.seed, &seed, &cli->err)) ||
        (s = shi_coop_player_parse(pos[0], &a, &cli->err)) ||
        (s = shi_coop_player_parse(pos[1], &b, &cli->err))) {
        return s;
    }
    shi_rng rng;
    shi_rng_init(&rng, seed, 0);
    shi_coop_match_result r;
    unsigned char *mv = NULL;
    if ((s = shi_coop_match(&a, &b, &g, &rng, &r, moves ? &mv : NULL, &cli->err))) {
        return s;
    }
    shi_table *t = shi_table_new();
    if (!t) {
        free(mv);
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    if (moves) {
        static const char *const names[] = {"turn",     "move_a",  "move_b", "payoff_a",
                                            "payoff_b", "total_a", "total_b"};
        static const char types[] = {'i', 's', 's', 'f', 'f', 'f', 'f'};
        static const int digits[] = {0, 0, 0, 0, 0, 0, 0};
        s = add_cols(t, names, types, digits, 7, &cli->err);
        const double pay[2][2] = {{g.pay.R, g.pay.S}, {g.pay.T, g.pay.P}};
        double ta = 0.0, tb = 0.0;
        for (long u = 0; u < r.turns && s == SHI_OK; u++) {
            int x = mv[2 * u], y = mv[2 * u + 1];
            ta += pay[x][y];
            tb += pay[y][x];
            if ((s = shi_table_int(t, u + 1, &cli->err)) ||
                (s = shi_table_str(t, x ? "D" : "C", &cli->err)) ||
                (s = shi_table_str(t, y ? "D" : "C", &cli->err)) ||
                (s = shi_table_real(t, pay[x][y], &cli->err)) ||
                (s = shi_table_real(t, pay[y][x], &cli->err)) ||
                (s = shi_table_real(t, ta, &cli->err))) {
                break;
            }
            s = shi_table_real(t, tb, &cli->err);
        }
    } else {
        static const char *const names[] = {"player",   "opponent",    "turns",  "score",
                                            "per_turn", "cooperation", "utility"};
        static const char types[] = {'s', 's', 'i', 'f', 'f', 'f', 'f'};
        static const int digits[] = {0, 0, 0, 2, 4, 4, 4};
        s = add_cols(t, names, types, digits, 7, &cli->err);
        for (int p = 0; p < 2 && s == SHI_OK; p++) {
            double L = (double)r.turns;
            if ((s = shi_table_str(t, p ? b.name : a.name, &cli->err)) ||
                (s = shi_table_str(t, p ? a.name : b.name, &cli->err)) ||
                (s = shi_table_int(t, r.turns, &cli->err)) ||
                (s = shi_table_real(t, r.score[p], &cli->err)) ||
                (s = shi_table_real(t, r.score[p] / L, &cli->err)) ||
                (s = shi_table_real(t, (double)r.coop[p] / L, &cli->err))) {
                break;
            }
            s = shi_table_real(t, shi_coop_utility(r.score[p], r.score[1 - p], g.k) / L, &cli->err);
        }
    }
    free(mv);
    return finish(t, s, &o, &cli->err);
}

/* ---- shi coop tournament ------------------------------------------------- */

static shi_status standings(shi_table *t, const shi_coop_player *pl, const shi_coop_tour *r,
                            shi_err *err)
{
    static const char *const names[] = {"rank",   "strategy",    "score",
                                        "payoff", "cooperation", "wins"};
    static const char types[] = {'i', 's', 'f', 'f', 'f', 'i'};
    static const int digits[] = {0, 0, 4, 4, 4, 0};
    shi_status s = add_cols(t, names, types, digits, 6, err);
    for (size_t a = 0; a < r->n && s == SHI_OK; a++) {
        size_t i = r->order[a];
        if ((s = shi_table_int(t, r->rank[i], err)) || (s = shi_table_str(t, pl[i].name, err)) ||
            (s = shi_table_real(t, r->score[i], err)) ||
            (s = shi_table_real(t, r->mean_payoff[i], err)) ||
            (s = shi_table_real(t, r->coop[i], err))) {
            break;
        }
        s = shi_table_int(t, r->wins[i], err);
    }
    return s;
}

static shi_status matrix(shi_table *t, const shi_coop_player *pl, const shi_coop_tour *r,
                         shi_err *err)
{
    shi_status s = shi_table_column(t, "strategy", 's', 0, err);
    for (size_t j = 0; j < r->n && s == SHI_OK; j++) {
        s = shi_table_column(t, pl[j].name, 'f', 3, err);
    }
    for (size_t i = 0; i < r->n && s == SHI_OK; i++) {
        s = shi_table_str(t, pl[i].name, err);
        for (size_t j = 0; j < r->n && s == SHI_OK; j++) {
            s = shi_table_real(t, r->payoff[i * r->n + j], err);
        }
    }
    return s;
}

static int coop_tournament(shi_cli *cli, int argc, char **argv)
{
    gopts o = gopts_default();
    int self = 0, mat = 0;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "strategies", &o.strategies, "LIST",
         "comma-separated strategies, 'all' for every one (default all)"},
        {OPT_INT, 0, "repetitions", &o.reps, "R", "repetitions of each match (default 10)"},
        {OPT_FLAG, 0, "self-play", &self, NULL, "also play each strategy against itself"},
        {OPT_FLAG, 0, "matrix", &mat, NULL, "print the payoff matrix (row against column)"},
        GAME_OPTS(o),
        OUT_OPTS(o),
        SVG_OPT(o),
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    size_t npos;
    int help;
    const char *cmd = "coop tournament";
    shi_status s =
        cli_parse(cmd,
                  "shi coop tournament [--strategies LIST|all] [--turns N | --delta D] "
                  "[--repetitions R] [--noise E] [--seed S] [--threads K] [--self-play] "
                  "[--relative-gains K] [--matrix] [--format FMT] [-o FILE] [--svg FILE]",
                  opts, argc, argv, NULL, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    shi_coop_player *pl = NULL;
    size_t n;
    shi_coop_tour r;
    uint64_t seed;
    shi_coop_tour_init(&r);
    shi_outfile svg;
    if ((s = svg_open(cmd, o.svg, &svg, &cli->err))) {
        return s;
    }
    if ((s = run_tournament(cmd, &o, self, &pl, &n, &r, &seed, &cli->err))) {
        return svg_close(&svg, s, &cli->err);
    }
    shi_table *t = shi_table_new();
    if (!t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    } else {
        s = mat ? matrix(t, pl, &r, &cli->err) : standings(t, pl, &r, &cli->err);
        if (s == SHI_OK && svg.fp) {
            shi_svg_chart *c = NULL;
            s = shi_coop_svg_tournament(&r, pl, &c, &cli->err);
            s = svg_put(&svg, c, s, &cli->err);
        }
        s = finish(t, s, &o, &cli->err);
    }
    s = svg_close(&svg, s, &cli->err);
    shi_coop_tour_destroy(&r);
    shi_coop_players_free(pl);
    return s;
}

/* ---- shi coop moran ------------------------------------------------------ */

/* Parse a comma-separated list of numbers into v (at most max). */
static shi_status parse_reals(const char *cmd, const char *opt, const char *text, double *v,
                              size_t max, size_t *n, shi_err *err)
{
    *n = 0;
    const char *p = text;
    while (*p) {
        char *end;
        errno = 0;
        double x = strtod(p, &end);
        if (end == p || errno || !isfinite(x) || (*end && *end != ',')) {
            return shi_err_set(err, SHI_EUSAGE,
                               "%s: --%s takes numbers separated by commas, got '%s'", cmd, opt,
                               text);
        }
        if (*n >= max) {
            return shi_err_set(err, SHI_EUSAGE, "%s: --%s has more than %zu values", cmd, opt, max);
        }
        v[(*n)++] = x;
        p = *end ? end + 1 : end;
    }
    if (*n == 0) {
        return shi_err_set(err, SHI_EUSAGE, "%s: --%s is empty", cmd, opt);
    }
    return SHI_OK;
}

static int coop_moran(shi_cli *cli, int argc, char **argv)
{
    gopts o = gopts_default();
    int pop = 0, runs = 100, max_steps = 1000000;
    double w = 1.0;
    const char *init = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "strategies", &o.strategies, "LIST",
         "types in the population (default all)"},
        {OPT_INT, 0, "pop", &pop, "N", "population size (default: the sum of --init, or 100)"},
        {OPT_STRING, 0, "init", &init, "COUNTS", "initial counts per type (default: equal)"},
        {OPT_REAL, 0, "w", &w, "W", "selection intensity, fitness exp(W pi) (default 1)"},
        {OPT_INT, 0, "runs", &runs, "R", "independent runs (default 100)"},
        {OPT_INT, 0, "max-steps", &max_steps, "M", "give up a run after M steps (default 1e6)"},
        {OPT_INT, 0, "repetitions", &o.reps, "R", "repetitions per match for the payoffs (10)"},
        GAME_OPTS(o),
        OUT_OPTS(o),
        SVG_OPT(o),
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    size_t npos;
    int help;
    const char *cmd = "coop moran";
    shi_status s = cli_parse(cmd,
                             "shi coop moran [--strategies LIST] [--pop N] [--init COUNTS] [--w W] "
                             "[--runs R] [--max-steps M] [game options] [--format FMT] [-o FILE] "
                             "[--svg FILE]",
                             opts, argc, argv, NULL, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    shi_coop_player *pl = NULL;
    size_t n;
    shi_coop_tour r;
    uint64_t seed;
    shi_coop_tour_init(&r);
    shi_outfile svg;
    if ((s = svg_open(cmd, o.svg, &svg, &cli->err))) {
        return s;
    }
    if ((s = run_tournament(cmd, &o, 1, &pl, &n, &r, &seed, &cli->err))) {
        return svg_close(&svg, s, &cli->err);
    }
    long *cnt = calloc(n, sizeof *cnt), *fixed = calloc(n + 1, sizeof *fixed);
    double *share = calloc(n, sizeof *share), *dv = calloc(n + 1, sizeof *dv);
    shi_table *t = shi_table_new();
    if (!cnt || !fixed || !share || !dv || !t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
        goto done;
    }
    if (pop == 0 && !init) {
        pop = 100;
    }
    shi_coop_moran_opts mo = {pop, NULL, w, max_steps, runs, seed, o.threads};
    if (init) {
        size_t k;
        if ((s = parse_reals(cmd, "init", init, dv, n + 1, &k, &cli->err))) {
            goto done;
        }
        if (k != n) {
            s = shi_err_set(&cli->err, SHI_EUSAGE, "%s: --init has %zu counts for %zu strategies",
                            cmd, k, n);
            goto done;
        }
        long sum = 0;
        for (size_t a = 0; a < n; a++) {
            if (!(dv[a] >= 0.0 && dv[a] == floor(dv[a]) && dv[a] < 1e9)) {
                s = shi_err_set(&cli->err, SHI_EUSAGE,
                                "%s: --init takes non-negative whole counts, got %g", cmd, dv[a]);
                goto done;
            }
            cnt[a] = (long)dv[a];
            sum += cnt[a];
        }
        mo.init = cnt;
        if (pop == 0) {
            mo.pop = pop = (int)sum;
        }
    }
    double steps;
    if ((s = shi_coop_moran(r.utility, n, &mo, fixed, &steps, share, &cli->err))) {
        goto done;
    }
    shi_coop_moran_start(&mo, n, cnt); /* the counts the runs started from */
    static const char *const names[] = {"strategy", "initial", "fixations", "fixation_prob",
                                        "final_share"};
    static const char types[] = {'s', 'i', 'i', 'f', 'f'};
    static const int digits[] = {0, 0, 0, 3, 3};
    s = add_cols(t, names, types, digits, 5, &cli->err);
    for (size_t a = 0; a <= n && s == SHI_OK; a++) {
        long c0 = a < n ? cnt[a] : 0;
        if ((s = shi_table_str(t, a < n ? pl[a].name : "(not fixed)", &cli->err)) ||
            (s = a < n ? shi_table_int(t, c0, &cli->err) : shi_table_missing(t, &cli->err)) ||
            (s = shi_table_int(t, fixed[a], &cli->err)) ||
            (s = shi_table_real(t, (double)fixed[a] / runs, &cli->err))) {
            break;
        }
        s = a < n ? shi_table_real(t, share[a], &cli->err) : shi_table_missing(t, &cli->err);
    }
    if (s == SHI_OK && svg.fp) {
        shi_svg_chart *c = NULL;
        s = shi_coop_svg_moran(pl, n, &mo, cnt, fixed, steps, &c, &cli->err);
        s = svg_put(&svg, c, s, &cli->err);
    }
    s = finish(t, s, &o, &cli->err);
    t = NULL;
done:
    s = svg_close(&svg, s, &cli->err);
    shi_table_free(t);
    free(cnt);
    free(fixed);
    free(share);
    free(dv);
    shi_coop_tour_destroy(&r);
    shi_coop_players_free(pl);
    return s;
}

/* ---- shi coop replicator ------------------------------------------------- */

static int coop_replicator(shi_cli *cli, int argc, char **argv)
{
    gopts o = gopts_default();
    int gens = 1000, every = 0;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "strategies", &o.strategies, "LIST",
         "types in the population (default all)"},
        {OPT_INT, 0, "generations", &gens, "G", "generations (default 1000)"},
        {OPT_INT, 0, "every", &every, "K",
         "print the shares every K generations (default: final shares only)"},
        {OPT_INT, 0, "repetitions", &o.reps, "R", "repetitions per match for the payoffs (10)"},
        GAME_OPTS(o),
        OUT_OPTS(o),
        SVG_OPT(o),
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    size_t npos;
    int help;
    const char *cmd = "coop replicator";
    shi_status s =
        cli_parse(cmd,
                  "shi coop replicator [--strategies LIST] [--generations G] [--every K] "
                  "[game options] [--format FMT] [-o FILE] [--svg FILE]",
                  opts, argc, argv, NULL, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (gens < 0 || every < 0) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "%s: --generations and --every must be >= 0",
                           cmd);
    }
    shi_coop_player *pl = NULL;
    size_t n;
    shi_coop_tour r;
    uint64_t seed;
    shi_coop_tour_init(&r);
    shi_outfile svg;
    if ((s = svg_open(cmd, o.svg, &svg, &cli->err))) {
        return s;
    }
    if ((s = run_tournament(cmd, &o, 1, &pl, &n, &r, &seed, &cli->err))) {
        return svg_close(&svg, s, &cli->err);
    }
    double *traj = malloc(((size_t)gens + 1) * n * sizeof *traj);
    size_t *ord = malloc(n * sizeof *ord);
    shi_table *t = shi_table_new();
    if (!traj || !ord || !t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
        goto done;
    }
    if ((s = shi_coop_replicator(r.utility, n, NULL, gens, traj, &cli->err))) {
        goto done;
    }
    if (every > 0) {
        static const char *const names[] = {"generation", "strategy", "share"};
        static const char types[] = {'i', 's', 'f'};
        static const int digits[] = {0, 0, 6};
        s = add_cols(t, names, types, digits, 3, &cli->err);
        for (long g = 0; g <= gens && s == SHI_OK; g++) {
            if (g % every != 0 && g != gens) {
                continue;
            }
            for (size_t a = 0; a < n && s == SHI_OK; a++) {
                if ((s = shi_table_int(t, g, &cli->err)) ||
                    (s = shi_table_str(t, pl[a].name, &cli->err))) {
                    break;
                }
                s = shi_table_real(t, traj[(size_t)g * n + a], &cli->err);
            }
        }
    } else {
        /* Final shares, largest first (ties in input order). */
        const double *x = traj + (size_t)gens * n;
        for (size_t a = 0; a < n; a++) {
            size_t b = a;
            while (b > 0 && x[ord[b - 1]] < x[a]) {
                ord[b] = ord[b - 1];
                b--;
            }
            ord[b] = a;
        }
        static const char *const names[] = {"rank", "strategy", "initial", "final", "score"};
        static const char types[] = {'i', 's', 'f', 'f', 'f'};
        static const int digits[] = {0, 0, 6, 6, 4};
        s = add_cols(t, names, types, digits, 5, &cli->err);
        for (size_t a = 0; a < n && s == SHI_OK; a++) {
            size_t i = ord[a];
            if ((s = shi_table_int(t, (int64_t)a + 1, &cli->err)) ||
                (s = shi_table_str(t, pl[i].name, &cli->err)) ||
                (s = shi_table_real(t, traj[i], &cli->err)) ||
                (s = shi_table_real(t, x[i], &cli->err))) {
                break;
            }
            s = shi_table_real(t, r.score[i], &cli->err);
        }
    }
    if (s == SHI_OK && svg.fp) {
        shi_svg_chart *c = NULL;
        s = shi_coop_svg_replicator(pl, n, traj, gens, &c, &cli->err);
        s = svg_put(&svg, c, s, &cli->err);
    }
    s = finish(t, s, &o, &cli->err);
    t = NULL;
done:
    s = svg_close(&svg, s, &cli->err);
    shi_table_free(t);
    free(traj);
    free(ord);
    shi_coop_tour_destroy(&r);
    shi_coop_players_free(pl);
    return s;
}

/* ---- shi coop sweep ------------------------------------------------------ */

static int coop_sweep(shi_cli *cli, int argc, char **argv)
{
    gopts o = gopts_default();
    const char *deltas = "0.5,0.67,0.8,0.9,0.95,0.99", *noises = "0,0.01,0.05";
    o.reps = 5;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "strategies", &o.strategies, "LIST", "strategies (default all)"},
        {OPT_STRING, 0, "deltas", &deltas, "LIST",
         "continuation probabilities, 0 = fixed --turns (default 0.5,0.67,0.8,0.9,0.95,0.99)"},
        {OPT_STRING, 0, "noises", &noises, "LIST", "noise levels (default 0,0.01,0.05)"},
        {OPT_INT, 0, "repetitions", &o.reps, "R", "repetitions of each match (default 5)"},
        {OPT_INT, 0, "turns", &o.turns, "N", "turns when delta is 0 (default 200)"},
        {OPT_STRING, 0, "payoffs", &o.payoffs, "T,R,P,S", "payoffs (default 5,3,1,0)"},
        {OPT_REAL, 0, "relative-gains", &o.k, "K", "Grieco relative-gains coefficient"},
        {OPT_STRING, 0, "seed", &o.seed, "S", "random seed (default 1)"},
        {OPT_INT, 0, "threads", &o.threads, "K", "OpenMP threads (default: all)"},
        OUT_OPTS(o),
        SVG_OPT(o),
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    size_t npos;
    int help;
    const char *cmd = "coop sweep";
    shi_status s = cli_parse(cmd,
                             "shi coop sweep [--strategies LIST] [--deltas LIST] [--noises LIST] "
                             "[--repetitions R] [--turns N] [--payoffs T,R,P,S] "
                             "[--relative-gains K] [--seed S] [--threads K] [--format FMT] "
                             "[-o FILE] [--svg FILE]",
                             opts, argc, argv, NULL, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    double dv[64], ev[64];
    size_t nd, ne;
    if ((s = parse_reals(cmd, "deltas", deltas, dv, 64, &nd, &cli->err)) ||
        (s = parse_reals(cmd, "noises", noises, ev, 64, &ne, &cli->err))) {
        return s;
    }
    shi_coop_player *pl = NULL;
    size_t n;
    uint64_t seed;
    shi_coop_tour_opts to;
    if ((s = game_from(cmd, &o, &to.game, &cli->err)) ||
        (s = parse_seed(cmd, o.seed, &seed, &cli->err)) ||
        (s = shi_coop_players_parse(o.strategies ? o.strategies : "all", &pl, &n, &cli->err))) {
        return s;
    }
    to.reps = o.reps;
    to.self_play = 0;
    to.seed = seed;
    to.threads = o.threads;
    shi_outfile svg;
    if ((s = svg_open(cmd, o.svg, &svg, &cli->err))) {
        shi_coop_players_free(pl);
        return s;
    }
    /* With --svg every cell's tournament is kept for the heatmap: grid[e * nd + d]. */
    shi_coop_tour *grid = svg.fp ? calloc(nd * ne, sizeof *grid) : NULL;
    shi_table *t = shi_table_new();
    if (!t || (svg.fp && !grid)) {
        shi_table_free(t);
        free(grid);
        shi_coop_players_free(pl);
        return svg_close(&svg, shi_err_set(&cli->err, SHI_EIO, "out of memory"), &cli->err);
    }
    static const char *const names[] = {"delta", "noise",       "rank", "strategy",
                                        "score", "cooperation", "wins"};
    static const char types[] = {'f', 'f', 'i', 's', 'f', 'f', 'i'};
    static const int digits[] = {3, 3, 0, 0, 4, 4, 0};
    s = add_cols(t, names, types, digits, 7, &cli->err);
    for (size_t di = 0; di < nd && s == SHI_OK; di++) {
        for (size_t ei = 0; ei < ne && s == SHI_OK; ei++) {
            to.game.delta = dv[di];
            to.game.noise = ev[ei];
            /* Only one's address is taken here; shi_coop_tour_init sets it up. */
            /* cppcheck-suppress uninitvar */
            shi_coop_tour one, *rp = grid ? &grid[ei * nd + di] : &one;
            shi_coop_tour_init(rp);
            /* The library names the bad value (delta or noise) if any. */
            s = shi_coop_tournament(pl, n, &to, rp, &cli->err);
            for (size_t a = 0; a < n && s == SHI_OK; a++) {
                size_t i = rp->order[a];
                if ((s = shi_table_real(t, dv[di], &cli->err)) ||
                    (s = shi_table_real(t, ev[ei], &cli->err)) ||
                    (s = shi_table_int(t, rp->rank[i], &cli->err)) ||
                    (s = shi_table_str(t, pl[i].name, &cli->err)) ||
                    (s = shi_table_real(t, rp->score[i], &cli->err)) ||
                    (s = shi_table_real(t, rp->coop[i], &cli->err))) {
                    break;
                }
                s = shi_table_int(t, rp->wins[i], &cli->err);
            }
            if (!grid) {
                shi_coop_tour_destroy(rp);
            }
        }
    }
    if (s == SHI_OK && grid) {
        shi_svg_chart *c = NULL;
        s = shi_coop_svg_sweep(grid, pl, dv, nd, ev, ne, SHI_COOP_SVG_COOPERATION, &c, &cli->err);
        s = svg_put(&svg, c, s, &cli->err);
    }
    for (size_t i = 0; grid && i < nd * ne; i++) {
        shi_coop_tour_destroy(&grid[i]);
    }
    free(grid);
    shi_coop_players_free(pl);
    s = finish(t, s, &o, &cli->err);
    return svg_close(&svg, s, &cli->err);
}

/* ---- shi coop threshold -------------------------------------------------- */

static int coop_threshold(shi_cli *cli, int argc, char **argv)
{
    gopts o = gopts_default();
    int samples = 2000;
    double step = 0.01;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "payoffs", &o.payoffs, "T,R,P,S", "payoffs (default 5,3,1,0)"},
        {OPT_REAL, 0, "relative-gains", &o.k, "K", "Grieco relative-gains coefficient (default 0)"},
        {OPT_REAL, 0, "noise", &o.noise, "E", "noise in the simulation (default 0)"},
        {OPT_INT, 0, "samples", &samples, "N", "simulated games per delta and pairing (2000)"},
        {OPT_REAL, 0, "step", &step, "H", "delta grid step of the simulation (default 0.01)"},
        {OPT_STRING, 0, "seed", &o.seed, "S", "random seed (default 1)"},
        {OPT_INT, 0, "threads", &o.threads, "K", "OpenMP threads (default: all)"},
        OUT_OPTS(o),
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    size_t npos;
    int help;
    const char *cmd = "coop threshold";
    shi_status s = cli_parse(cmd,
                             "shi coop threshold [--payoffs T,R,P,S] [--relative-gains K] "
                             "[--noise E] [--samples N] [--step H] [--seed S] [--threads K] "
                             "[--format FMT] [-o FILE]",
                             opts, argc, argv, NULL, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (samples < 1) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "%s: --samples must be >= 1, got %d", cmd,
                           samples);
    }
    if (!(step >= 0.001 && step <= 0.5)) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "%s: --step must be in [0.001, 0.5], got %g", cmd,
                           step);
    }
    shi_coop_game g;
    uint64_t seed;
    if ((s = game_from(cmd, &o, &g, &cli->err)) ||
        (s = parse_seed(cmd, o.seed, &seed, &cli->err))) {
        return s;
    }
    shi_coop_thresholds th0, thk;
    if ((s = shi_coop_thresholds_compute(&g.pay, 0.0, &th0, &cli->err)) ||
        (s = shi_coop_thresholds_compute(&g.pay, g.k, &thk, &cli->err))) {
        return s;
    }
    double grid[MAX_GRID];
    size_t ng = 0;
    for (long i = 1; ng < MAX_GRID; i++) {
        /* Grid points are multiples of the step, rounded to 1e-9 so 0.67 prints as 0.67. */
        double d = round((double)i * step * 1e9) / 1e9;
        if (d >= 1.0) {
            break;
        }
        grid[ng++] = d;
    }
    shi_coop_player grim, tft, alld, alt;
    if ((s = shi_coop_player_parse("Grudger", &grim, &cli->err)) ||
        (s = shi_coop_player_parse("Tit For Tat", &tft, &cli->err)) ||
        (s = shi_coop_player_parse("Defector", &alld, &cli->err)) ||
        (s = shi_coop_player_parse("Cycler DC", &alt, &cli->err))) {
        return s;
    }
    const shi_coop_player both[2] = {alld, alt};
    struct rule {
        const char *what;
        const shi_coop_player *inc, *dev;
        size_t ndev;
        const char *devs;
        double a0, ak;
    } rules[4] = {
        {"Grim Trigger sustains cooperation", &grim, &alld, 1, "Defector", th0.grim, thk.grim},
        {"TFT resists Always Defect", &tft, &alld, 1, "Defector", th0.tft_alld, thk.tft_alld},
        {"TFT resists alternation", &tft, &alt, 1, "Cycler DC", th0.tft_alt, thk.tft_alt},
        {"TFT collectively stable", &tft, both, 2, "Defector, Cycler DC", th0.tft, thk.tft},
    };
    static const char *const names[] = {"rule",        "incumbent", "deviants", "formula",
                                        "analytic_k0", "analytic",  "simulated"};
    static const char types[] = {'s', 's', 's', 's', 'f', 'f', 'f'};
    static const int digits[] = {0, 0, 0, 0, 4, 4, 2};
    static const char *const formula[4] = {"(T'-R)/(T'-P)", "(T'-R)/(T'-P)", "(T'-R)/(R-S')",
                                           "max of the two"};
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    s = add_cols(t, names, types, digits, 7, &cli->err);
    for (int i = 0; i < 4 && s == SHI_OK; i++) {
        double sim;
        if ((s = shi_coop_threshold_simulate(rules[i].inc, rules[i].dev, rules[i].ndev, &g, grid,
                                             ng, samples, seed, o.threads, &sim, NULL,
                                             &cli->err))) {
            break;
        }
        if ((s = shi_table_str(t, rules[i].what, &cli->err)) ||
            (s = shi_table_str(t, rules[i].inc->name, &cli->err)) ||
            (s = shi_table_str(t, rules[i].devs, &cli->err)) ||
            (s = shi_table_str(t, formula[i], &cli->err)) ||
            (s = shi_table_real(t, rules[i].a0, &cli->err)) ||
            (s = shi_table_real(t, rules[i].ak, &cli->err))) {
            break;
        }
        s = shi_table_real(t, sim, &cli->err);
    }
    return finish(t, s, &o, &cli->err);
}

/* ---- dispatch ------------------------------------------------------------ */

static const struct {
    const char *name;
    int (*fn)(shi_cli *cli, int argc, char **argv);
    const char *summary;
} SUB[] = {
    {"strategies", coop_strategies, "list the strategies with definitions and sources"},
    {"match", coop_match, "play one match between two strategies"},
    {"tournament", coop_tournament, "round robin: standings or the payoff matrix"},
    {"moran", coop_moran, "Moran process over the tournament's payoffs: fixation"},
    {"replicator", coop_replicator, "discrete replicator dynamics over the payoffs"},
    {"sweep", coop_sweep, "tournaments over a grid of delta and noise"},
    {"threshold", coop_threshold, "analytic and simulated thresholds of delta for cooperation"},
};
/* shi coop A B (two states) is the calibrated game of a pair: cmd_coop_dyad.c. */

static void coop_usage(FILE *f)
{
    fprintf(f, "usage: shi coop SUBCOMMAND [options]\n\n"
               "The iterated prisoner's dilemma: cooperation under anarchy and the shadow of\n"
               "the future (Axelrod 1984), with relative gains (Grieco 1988).\n\nsubcommands:\n");
    for (size_t i = 0; i < sizeof SUB / sizeof SUB[0]; i++) {
        fprintf(f, "  %-11s %s\n", SUB[i].name, SUB[i].summary);
    }
    fprintf(f, "\n'shi coop SUBCOMMAND --help' describes a subcommand; docs/coop.md has the "
               "definitions.\n");
}

int cmd_coop(shi_cli *cli, int argc, char **argv)
{
    if (argc < 2) {
        coop_usage(stderr);
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "coop: missing subcommand (e.g. 'shi coop "
                           "tournament')");
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        coop_usage(stdout);
        return SHI_OK;
    }
    for (size_t i = 0; i < sizeof SUB / sizeof SUB[0]; i++) {
        if (strcmp(argv[1], SUB[i].name) == 0) {
            return SUB[i].fn(cli, argc - 1, argv + 1);
        }
    }
    if (argv[1][0] != '-' && argc >= 3) {
        /* shi coop A B: two states, the calibrated game of a pair. */
        return cmd_coop_dyad(cli, argc, argv);
    }
    return shi_err_set(&cli->err, SHI_EUSAGE,
                       "coop: unknown subcommand '%s'; valid are strategies, match, tournament, "
                       "moran, replicator, sweep, threshold, or two states (shi coop A B)",
                       argv[1]);
}
