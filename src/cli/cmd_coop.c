/*
 * cmd_coop.c - `shi coop`: the iterated prisoner's dilemma from the command
 * line: strategies, match, tournament, moran, replicator, sweep, threshold.
 * The command only parses options and calls libshi (include/shi/coop.h).
 */
#include "cli.h"

#include <errno.h>
#include <limits.h>
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

/* Declared in cli.h once the command is registered; repeated here so this file
 * builds with -Wmissing-prototypes before that. */
int cmd_coop(shi_cli *cli, int argc, char **argv);

/* "Not given" for --turns: any int a user can type is checked, 0 included. */
#define TURNS_UNSET INT_MIN

/* Options shared by the subcommands that play games. */
typedef struct gopts {
    int turns;    /* TURNS_UNSET = not given (default 200) */
    double delta; /* NaN = not given: fixed length */
    double noise;
    const char *payoffs; /* "T,R,P,S" or NULL */
    double k;
    const char *seed; /* text, parsed as uint64 */
    int threads;
    int reps;
    const char *strategies;
    const char *format, *out;
    const char *svg;       /* --svg FILE, or NULL */
    const char *averaging; /* --averaging pooled|per-match, or NULL (pooled) */
    const char *rank_by;   /* --rank mean|median, or NULL (mean) */
} gopts;

#define CONVENTION_OPTS(g)                                                                         \
    {OPT_STRING,                                                                                   \
     0,                                                                                            \
     "averaging",                                                                                  \
     &(g).averaging,                                                                               \
     "pooled|per-match",                                                                           \
     "per-turn values over matches: total/turns (default) or the mean of each match's"},           \
    {                                                                                              \
        OPT_STRING, 0, "rank", &(g).rank_by, "mean|median",                                        \
            "rank by the score (default) or its median over repetitions"                           \
    }

#define GAME_OPTS(g)                                                                               \
    {OPT_INT, 0, "turns", &(g).turns, "N", "fixed number of turns (default 200)"},                 \
        {OPT_REAL,   0,   "delta",                                                                 \
         &(g).delta, "D", "continuation probability: the game ends after each turn w.p. 1-D"},     \
        {OPT_REAL, 0, "noise", &(g).noise, "E", "each move is flipped with probability E"},        \
        {OPT_STRING, 0, "payoffs", &(g).payoffs, "T,R,P,S", "payoffs (default 5,3,1,0)"},          \
        {OPT_REAL, 0,   "relative-gains",                                                          \
         &(g).k,   "K", "rank by Grieco utility u = pi - K (pi_opp - pi), 0-1000 (default 0)"},    \
        {OPT_STRING, 0, "seed", &(g).seed, "S", "random seed (default 1)"},                        \
        CLI_OPT_THREADS((g).threads)

#define SVG_OPT(g)                                                                                 \
    {                                                                                              \
        OPT_STRING, 0, "svg", &(g).svg, "FILE", "also draw the result as an SVG chart in FILE"     \
    }

#define OUT_OPTS(g)                                                                                \
    {OPT_STRING,  0,     "format",                                                                 \
     &(g).format, "FMT", "table (default), csv, tsv, json, jsonl, sqlite or dta"},                 \
    {                                                                                              \
        OPT_STRING, 'o', "output", &(g).out, "FILE", "write to FILE instead of standard output"    \
    }

static gopts gopts_default(void)
{
    gopts g;
    memset(&g, 0, sizeof g);
    g.turns = TURNS_UNSET;
    g.delta = (double)NAN;
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
    if (o->turns != TURNS_UNSET && !isnan(o->delta)) {
        return shi_err_set(err, SHI_EUSAGE, "%s: give --turns or --delta, not both", cmd);
    }
    if (o->turns != TURNS_UNSET) {
        if (o->turns < 1 || o->turns > SHI_COOP_MAX_TURNS) {
            return shi_err_set(err, SHI_EUSAGE, "%s: --turns must be in [1, %ld], got %d", cmd,
                               SHI_COOP_MAX_TURNS, o->turns);
        }
        g->turns = o->turns;
    }
    if (!isnan(o->delta) && !(o->delta > 0.0 && o->delta < 1.0)) {
        return shi_err_set(err, SHI_EUSAGE, "%s: --delta must be in (0, 1), got %g", cmd, o->delta);
    }
    g->delta = isnan(o->delta) ? 0.0 : o->delta;
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

/* Play the tournament every evolutionary subcommand starts from. */
static shi_status run_tournament(const char *cmd, const gopts *o, int self_play,
                                 shi_coop_player **pl, size_t *n, shi_coop_tour *t, uint64_t *seed,
                                 shi_err *err)
{
    shi_coop_tour_opts to;
    memset(&to, 0, sizeof to);
    shi_status s = game_from(cmd, o, &to.game, err);
    if (s == SHI_OK) {
        s = parse_seed(cmd, o->seed, seed, err);
    }
    if (s == SHI_OK && !(s = shi_coop_averaging_parse(o->averaging, &to.averaging, err))) {
        s = shi_coop_rank_by_parse(o->rank_by, &to.rank_by, err);
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

/* The tournament an evolutionary subcommand starts from, and its --svg file. */
typedef struct played {
    shi_coop_player *pl;
    size_t n;
    shi_coop_tour r;
    uint64_t seed;
    shi_outfile svg;
} played;

/* Open the --svg file (a bad path fails at once), then play the tournament. */
static shi_status play_start(shi_cli *cli, const char *cmd, const gopts *o, int self_play,
                             played *p)
{
    p->pl = NULL;
    p->n = 0;
    shi_coop_tour_init(&p->r);
    shi_status s = cli_svg_open(cmd, o->svg, &p->svg, &cli->err);
    if (s == SHI_OK) {
        s = run_tournament(cmd, o, self_play, &p->pl, &p->n, &p->r, &p->seed, &cli->err);
    }
    return s == SHI_OK ? s : cli_svg_close(&p->svg, s, &cli->err);
}

/* Keep or discard the --svg file (status s) and free the tournament. */
static shi_status play_end(shi_cli *cli, played *p, shi_status s)
{
    s = cli_svg_close(&p->svg, s, &cli->err);
    shi_coop_tour_destroy(&p->r);
    shi_coop_players_free(p->pl);
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
    static const char types[] = {'s', 's', 's', 'b', 's', 's'};
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
        } else if (tab[i].readings) {
            snprintf(par, sizeof par, "reading: %s", tab[i].readings);
        }
        if ((s = shi_table_str(t, tab[i].name, &cli->err)) ||
            (s = shi_table_str(t, tab[i].aliases[0] ? tab[i].aliases : NULL, &cli->err)) ||
            (s = shi_table_str(t, par[0] ? par : NULL, &cli->err)) ||
            (s = shi_table_flag(t, tab[i].stochastic, &cli->err)) ||
            (s = shi_table_str(t, tab[i].desc, &cli->err))) {
            break;
        }
        s = shi_table_str(t, tab[i].cite, &cli->err);
    }
    return finish(t, s, &o, &cli->err);
}

/* ---- shi coop match ------------------------------------------------------ */

/* --moves: every turn with its payoffs and running totals. */
static shi_status match_moves(shi_table *t, const shi_coop_game *g, const shi_coop_match_result *r,
                              const unsigned char *mv, shi_err *err)
{
    static const char *const names[] = {"turn",     "move_a",  "move_b", "payoff_a",
                                        "payoff_b", "total_a", "total_b"};
    static const char types[] = {'i', 's', 's', 'f', 'f', 'f', 'f'};
    static const int digits[] = {0, 0, 0, 0, 0, 0, 0};
    shi_status s = add_cols(t, names, types, digits, 7, err);
    double ta = 0.0, tb = 0.0;
    for (long u = 0; u < r->turns && s == SHI_OK; u++) {
        int x = mv[2 * u], y = mv[2 * u + 1];
        double pa = shi_coop_payoff(&g->pay, x, y), pb = shi_coop_payoff(&g->pay, y, x);
        ta += pa;
        tb += pb;
        if ((s = shi_table_int(t, u + 1, err)) || (s = shi_table_str(t, x ? "D" : "C", err)) ||
            (s = shi_table_str(t, y ? "D" : "C", err)) || (s = shi_table_real(t, pa, err)) ||
            (s = shi_table_real(t, pb, err)) || (s = shi_table_real(t, ta, err))) {
            break;
        }
        s = shi_table_real(t, tb, err);
    }
    return s;
}

/* The match's result for each player. */
static shi_status match_summary(shi_table *t, const shi_coop_player *a, const shi_coop_player *b,
                                const shi_coop_game *g, const shi_coop_match_result *r,
                                shi_err *err)
{
    static const char *const names[] = {"player",   "opponent",    "turns",  "score",
                                        "per_turn", "cooperation", "utility"};
    static const char types[] = {'s', 's', 'i', 'f', 'f', 'f', 'f'};
    static const int digits[] = {0, 0, 0, 2, 4, 4, 4};
    shi_status s = add_cols(t, names, types, digits, 7, err);
    for (int p = 0; p < 2 && s == SHI_OK; p++) {
        double L = (double)r->turns;
        if ((s = shi_table_str(t, p ? b->name : a->name, err)) ||
            (s = shi_table_str(t, p ? a->name : b->name, err)) ||
            (s = shi_table_int(t, r->turns, err)) || (s = shi_table_real(t, r->score[p], err)) ||
            (s = shi_table_real(t, r->score[p] / L, err)) ||
            (s = shi_table_real(t, (double)r->coop[p] / L, err))) {
            break;
        }
        s = shi_table_real(t, shi_coop_utility(r->score[p], r->score[1 - p], g->k) / L, err);
    }
    return s;
}

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
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    } else {
        s = moves ? match_moves(t, &g, &r, mv, &cli->err)
                  : match_summary(t, &a, &b, &g, &r, &cli->err);
        s = finish(t, s, &o, &cli->err);
    }
    free(mv);
    return s;
}

/* ---- shi coop tournament ------------------------------------------------- */

static shi_status standings(shi_table *t, const shi_coop_player *pl, const shi_coop_tour *r,
                            int median, shi_err *err)
{
    static const char *const names[] = {"rank",   "strategy",    "score",
                                        "payoff", "cooperation", "wins"};
    static const char types[] = {'i', 's', 'f', 'f', 'f', 'i'};
    static const int digits[] = {0, 0, 4, 4, 4, 0};
    shi_status s = add_cols(t, names, types, digits, 6, err);
    if (s == SHI_OK && median) {
        s = shi_table_column(t, "median", 'f', 4, err);
    }
    for (size_t a = 0; a < r->n && s == SHI_OK; a++) {
        size_t i = r->order[a];
        if ((s = shi_table_int(t, r->rank[i], err)) || (s = shi_table_str(t, pl[i].name, err)) ||
            (s = shi_table_real(t, r->score[i], err)) ||
            (s = shi_table_real(t, r->mean_payoff[i], err)) ||
            (s = shi_table_real(t, r->coop[i], err))) {
            break;
        }
        s = shi_table_int(t, r->wins[i], err);
        if (s == SHI_OK && median) {
            s = shi_table_real(t, r->median_score[i], err);
        }
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
    const char *self_txt = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "strategies", &o.strategies, "LIST",
         "comma-separated strategies, 'all' for every one (default all)"},
        {OPT_INT, 0, "repetitions", &o.reps, "R", "repetitions of each match (default 10)"},
        {OPT_STRING, 0, "self-play", &self_txt, "counted|axelrod",
         "also play each strategy against itself, counted in its standings or not (Axelrod)"},
        CONVENTION_OPTS(o),
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
                  "[--repetitions R] [--noise E] [--seed S] [--threads K] "
                  "[--self-play counted|axelrod] [--averaging pooled|per-match] "
                  "[--rank mean|median] [--relative-gains K] [--matrix] [--format FMT] [-o FILE] "
                  "[--svg FILE]",
                  opts, argc, argv, NULL, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help || (s = shi_coop_self_play_parse(self_txt, &self, &cli->err))) {
        return s;
    }
    played p;
    if ((s = play_start(cli, cmd, &o, self, &p))) {
        return s;
    }
    shi_table *t = shi_table_new();
    if (!t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    } else {
        int med = o.rank_by && strcmp(o.rank_by, "median") == 0;
        s = mat ? matrix(t, p.pl, &p.r, &cli->err) : standings(t, p.pl, &p.r, med, &cli->err);
        if (s == SHI_OK && p.svg.fp) {
            shi_svg_chart *c = NULL;
            s = shi_coop_svg_tournament(&p.r, p.pl, &c, &cli->err);
            s = cli_svg_put(&p.svg, c, s, &cli->err);
        }
        s = finish(t, s, &o, &cli->err);
    }
    return play_end(cli, &p, s);
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

/* --init COUNTS: n whole counts into cnt, their sum into *sum. */
static shi_status moran_init(const char *cmd, const char *init, size_t n, long *cnt, long *sum,
                             shi_err *err)
{
    double *dv = calloc(n + 1, sizeof *dv);
    size_t k;
    shi_status s = dv ? parse_reals(cmd, "init", init, dv, n + 1, &k, err)
                      : shi_err_set(err, SHI_EIO, "out of memory");
    if (s == SHI_OK && k != n) {
        s = shi_err_set(err, SHI_EUSAGE, "%s: --init has %zu counts for %zu strategies", cmd, k, n);
    }
    *sum = 0;
    for (size_t a = 0; a < n && s == SHI_OK; a++) {
        if (!(dv[a] >= 0.0 && dv[a] == floor(dv[a]) && dv[a] < 1e9)) {
            s = shi_err_set(err, SHI_EUSAGE, "%s: --init takes non-negative whole counts, got %g",
                            cmd, dv[a]);
            break;
        }
        cnt[a] = (long)dv[a];
        *sum += cnt[a];
    }
    free(dv);
    return s;
}

/* One row per type, and one for the runs that did not fix. */
static shi_status moran_rows(shi_table *t, const played *p, const long *cnt, const long *fixed,
                             const double *share, long runs, shi_err *err)
{
    static const char *const names[] = {"strategy", "initial", "fixations", "fixation_prob",
                                        "final_share"};
    static const char types[] = {'s', 'i', 'i', 'f', 'f'};
    static const int digits[] = {0, 0, 0, 3, 3};
    const size_t n = p->n;
    shi_status s = add_cols(t, names, types, digits, 5, err);
    for (size_t a = 0; a <= n && s == SHI_OK; a++) {
        long c0 = a < n ? cnt[a] : 0;
        if ((s = shi_table_str(t, a < n ? p->pl[a].name : "(not fixed)", err)) ||
            (s = a < n ? shi_table_int(t, c0, err) : shi_table_missing(t, err)) ||
            (s = shi_table_int(t, fixed[a], err)) ||
            (s = shi_table_real(t, (double)fixed[a] / (double)runs, err))) {
            break;
        }
        s = a < n ? shi_table_real(t, share[a], err) : shi_table_missing(t, err);
    }
    return s;
}

/* The options of `coop moran` besides the shared ones. */
typedef struct moran_args {
    int pop, runs, max_steps;
    double w;
    const char *init;
} moran_args;

/* Run the Moran process over p's payoffs and write its table and chart. */
static shi_status moran_run(shi_cli *cli, const char *cmd, const gopts *o, moran_args *m, played *p)
{
    const size_t n = p->n;
    long *cnt = calloc(n, sizeof *cnt), *fixed = calloc(n + 1, sizeof *fixed);
    double *share = calloc(n, sizeof *share);
    shi_table *t = shi_table_new();
    shi_status s = SHI_OK;
    if (!cnt || !fixed || !share || !t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    m->pop = m->pop == 0 && !m->init ? 100 : m->pop;
    shi_coop_moran_opts mo = {m->pop, NULL, m->w, m->max_steps, m->runs, p->seed, o->threads};
    long sum = 0;
    if (s == SHI_OK && m->init &&
        (s = moran_init(cmd, m->init, n, cnt, &sum, &cli->err)) == SHI_OK) {
        mo.init = cnt;
        mo.pop = m->pop == 0 ? (int)sum : mo.pop;
    }
    double steps = 0;
    if (s == SHI_OK &&
        (s = shi_coop_moran(p->r.utility, n, &mo, fixed, &steps, share, &cli->err)) == SHI_OK) {
        shi_coop_moran_start(&mo, n, cnt); /* the counts the runs started from */
        s = moran_rows(t, p, cnt, fixed, share, m->runs, &cli->err);
    }
    if (s == SHI_OK && p->svg.fp) {
        shi_svg_chart *c = NULL;
        s = shi_coop_svg_moran(p->pl, n, &mo, cnt, fixed, steps, &c, &cli->err);
        s = cli_svg_put(&p->svg, c, s, &cli->err);
    }
    s = t ? finish(t, s, o, &cli->err) : s;
    free(cnt);
    free(fixed);
    free(share);
    return s;
}

static int coop_moran(shi_cli *cli, int argc, char **argv)
{
    gopts o = gopts_default();
    moran_args m = {0, 100, 1000000, 1.0, NULL};
    const cli_opt opts[] = {
        {OPT_STRING, 0, "strategies", &o.strategies, "LIST",
         "types in the population (default all)"},
        {OPT_INT, 0, "pop", &m.pop, "N", "population size (default: the sum of --init, or 100)"},
        {OPT_STRING, 0, "init", &m.init, "COUNTS", "initial counts per type (default: equal)"},
        {OPT_REAL, 0, "w", &m.w, "W", "selection intensity, fitness exp(W pi) (default 1)"},
        {OPT_INT, 0, "runs", &m.runs, "R", "independent runs (default 100)"},
        {OPT_INT, 0, "max-steps", &m.max_steps, "M", "give up a run after M steps (default 1e6)"},
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
    played p;
    if (s != SHI_OK || help || (s = play_start(cli, cmd, &o, 1, &p))) {
        return s;
    }
    return play_end(cli, &p, moran_run(cli, cmd, &o, &m, &p));
}

/* ---- shi coop replicator ------------------------------------------------- */

/* --every K: the shares every K generations and in the last. */
static shi_status replicator_every(shi_table *t, const played *p, const double *traj, long gens,
                                   int every, shi_err *err)
{
    static const char *const names[] = {"generation", "strategy", "share"};
    static const char types[] = {'i', 's', 'f'};
    static const int digits[] = {0, 0, 6};
    shi_status s = add_cols(t, names, types, digits, 3, err);
    for (long g = 0; g <= gens && s == SHI_OK; g++) {
        if (g % every != 0 && g != gens) {
            continue;
        }
        for (size_t a = 0; a < p->n && s == SHI_OK; a++) {
            if ((s = shi_table_int(t, g, err)) || (s = shi_table_str(t, p->pl[a].name, err))) {
                break;
            }
            s = shi_table_real(t, traj[(size_t)g * p->n + a], err);
        }
    }
    return s;
}

/* The final shares, largest first (ties in input order). */
static shi_status replicator_final(shi_table *t, const played *p, const double *traj, long gens,
                                   shi_err *err)
{
    static const char *const names[] = {"rank", "strategy", "initial", "final", "score"};
    static const char types[] = {'i', 's', 'f', 'f', 'f'};
    static const int digits[] = {0, 0, 6, 6, 4};
    const size_t n = p->n;
    const double *x = traj + (size_t)gens * n;
    size_t *ord = malloc(n * sizeof *ord);
    if (!ord) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    shi_coop_order_by_share(x, n, ord);
    shi_status s = add_cols(t, names, types, digits, 5, err);
    for (size_t a = 0; a < n && s == SHI_OK; a++) {
        size_t i = ord[a];
        if ((s = shi_table_int(t, (int64_t)a + 1, err)) ||
            (s = shi_table_str(t, p->pl[i].name, err)) || (s = shi_table_real(t, traj[i], err)) ||
            (s = shi_table_real(t, x[i], err))) {
            break;
        }
        s = shi_table_real(t, p->r.score[i], err);
    }
    free(ord);
    return s;
}

/* Run the replicator dynamics over p's payoffs and write the table and chart. */
static shi_status replicator_run(shi_cli *cli, const gopts *o, played *p, long gens, int every)
{
    double *traj = malloc(((size_t)gens + 1) * p->n * sizeof *traj);
    shi_table *t = shi_table_new();
    shi_status s = SHI_OK;
    if (!traj || !t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    } else if ((s = shi_coop_replicator(p->r.utility, p->n, NULL, gens, traj, &cli->err)) ==
               SHI_OK) {
        s = every > 0 ? replicator_every(t, p, traj, gens, every, &cli->err)
                      : replicator_final(t, p, traj, gens, &cli->err);
    }
    if (s == SHI_OK && p->svg.fp) {
        shi_svg_chart *c = NULL;
        s = shi_coop_svg_replicator(p->pl, p->n, traj, gens, &c, &cli->err);
        s = cli_svg_put(&p->svg, c, s, &cli->err);
    }
    s = t ? finish(t, s, o, &cli->err) : s;
    free(traj);
    return s;
}

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
    played p;
    if ((s = play_start(cli, cmd, &o, 1, &p))) {
        return s;
    }
    return play_end(cli, &p, replicator_run(cli, &o, &p, gens, every));
}

/* ---- shi coop sweep ------------------------------------------------------ */

/* One row per cell of the grid and strategy, cell by cell. */
static shi_status sweep_rows(shi_table *t, const shi_coop_sweep_result *sw,
                             const shi_coop_player *pl, size_t n, const double *dv,
                             const double *ev, shi_err *err)
{
    static const char *const names[] = {"delta", "noise",       "rank", "strategy",
                                        "score", "cooperation", "wins"};
    static const char types[] = {'f', 'f', 'i', 's', 'f', 'f', 'i'};
    static const int digits[] = {3, 3, 0, 0, 4, 4, 0};
    shi_status s = add_cols(t, names, types, digits, 7, err);
    for (size_t di = 0; di < sw->nd && s == SHI_OK; di++) {
        for (size_t ei = 0; ei < sw->ne && s == SHI_OK; ei++) {
            const shi_coop_tour *rp = &sw->tour[ei * sw->nd + di];
            for (size_t a = 0; a < n && s == SHI_OK; a++) {
                size_t i = rp->order[a];
                if ((s = shi_table_real(t, dv[di], err)) || (s = shi_table_real(t, ev[ei], err)) ||
                    (s = shi_table_int(t, rp->rank[i], err)) ||
                    (s = shi_table_str(t, pl[i].name, err)) ||
                    (s = shi_table_real(t, rp->score[i], err)) ||
                    (s = shi_table_real(t, rp->coop[i], err))) {
                    break;
                }
                s = shi_table_int(t, rp->wins[i], err);
            }
        }
    }
    return s;
}

/* The sweep's grid (--deltas, --noises), its tournament options and players. */
typedef struct sweep_args {
    const char *deltas, *noises;
    double dv[64], ev[64];
    size_t nd, ne;
    shi_coop_tour_opts to;
    shi_coop_player *pl;
    size_t n;
} sweep_args;

static shi_status sweep_setup(shi_cli *cli, const char *cmd, const gopts *o, sweep_args *w)
{
    uint64_t seed;
    shi_status s;
    if ((s = parse_reals(cmd, "deltas", w->deltas, w->dv, 64, &w->nd, &cli->err)) ||
        (s = parse_reals(cmd, "noises", w->noises, w->ev, 64, &w->ne, &cli->err)) ||
        (s = game_from(cmd, o, &w->to.game, &cli->err)) ||
        (s = parse_seed(cmd, o->seed, &seed, &cli->err)) ||
        (s = shi_coop_averaging_parse(o->averaging, &w->to.averaging, &cli->err)) ||
        (s = shi_coop_rank_by_parse(o->rank_by, &w->to.rank_by, &cli->err)) ||
        (s = shi_coop_players_parse(o->strategies ? o->strategies : "all", &w->pl, &w->n,
                                    &cli->err))) {
        return s;
    }
    w->to.reps = o->reps;
    w->to.self_play = 0;
    w->to.seed = seed;
    w->to.threads = o->threads;
    return SHI_OK;
}

/* Play the sweep and write its table and heatmap. */
static shi_status sweep_run(shi_cli *cli, const gopts *o, const sweep_args *w, shi_outfile *svg)
{
    shi_coop_sweep_result sw;
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    shi_status s = shi_coop_sweep(w->pl, w->n, &w->to, w->dv, w->nd, w->ev, w->ne, &sw, &cli->err);
    if (s == SHI_OK) {
        s = sweep_rows(t, &sw, w->pl, w->n, w->dv, w->ev, &cli->err);
    }
    if (s == SHI_OK && svg->fp) {
        shi_svg_chart *c = NULL;
        s = shi_coop_svg_sweep(sw.tour, w->pl, w->dv, w->nd, w->ev, w->ne, SHI_COOP_SVG_COOPERATION,
                               &c, &cli->err);
        s = cli_svg_put(svg, c, s, &cli->err);
    }
    shi_coop_sweep_free(&sw);
    return finish(t, s, o, &cli->err);
}

static int coop_sweep(shi_cli *cli, int argc, char **argv)
{
    gopts o = gopts_default();
    sweep_args w = {.deltas = "0.5,0.67,0.8,0.9,0.95,0.99", .noises = "0,0.01,0.05"};
    o.reps = 5;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "strategies", &o.strategies, "LIST", "strategies (default all)"},
        {OPT_STRING, 0, "deltas", &w.deltas, "LIST",
         "continuation probabilities, 0 = fixed --turns (default 0.5,0.67,0.8,0.9,0.95,0.99)"},
        {OPT_STRING, 0, "noises", &w.noises, "LIST", "noise levels (default 0,0.01,0.05)"},
        {OPT_INT, 0, "repetitions", &o.reps, "R", "repetitions of each match (default 5)"},
        {OPT_INT, 0, "turns", &o.turns, "N", "turns when delta is 0 (default 200)"},
        {OPT_STRING, 0, "payoffs", &o.payoffs, "T,R,P,S", "payoffs (default 5,3,1,0)"},
        {OPT_REAL, 0, "relative-gains", &o.k, "K", "Grieco relative-gains coefficient, 0-1000"},
        {OPT_STRING, 0, "seed", &o.seed, "S", "random seed (default 1)"},
        CLI_OPT_THREADS(o.threads),
        CONVENTION_OPTS(o),
        OUT_OPTS(o),
        SVG_OPT(o),
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    size_t npos;
    int help;
    const char *cmd = "coop sweep";
    shi_status s = cli_parse(cmd,
                             "shi coop sweep [--strategies LIST] [--deltas LIST] [--noises LIST] "
                             "[--repetitions R] [--turns N] [--payoffs T,R,P,S] "
                             "[--relative-gains K] [--seed S] [--threads K] "
                             "[--averaging pooled|per-match] [--rank mean|median] [--format FMT] "
                             "[-o FILE] [--svg FILE]",
                             opts, argc, argv, NULL, 0, &npos, &help, &cli->err);
    shi_outfile svg;
    if (s != SHI_OK || help || (s = sweep_setup(cli, cmd, &o, &w)) ||
        (s = cli_svg_open(cmd, o.svg, &svg, &cli->err))) {
        shi_coop_players_free(w.pl);
        return s;
    }
    s = sweep_run(cli, &o, &w, &svg);
    shi_coop_players_free(w.pl);
    return cli_svg_close(&svg, s, &cli->err);
}

/* ---- shi coop threshold -------------------------------------------------- */

/* One row per rule. */
static shi_status threshold_rows(shi_table *t, const shi_coop_stability *st, shi_err *err)
{
    static const char *const names[] = {"rule",        "incumbent", "deviants", "formula",
                                        "analytic_k0", "analytic",  "simulated"};
    static const char types[] = {'s', 's', 's', 's', 'f', 'f', 'f'};
    static const int digits[] = {0, 0, 0, 0, 4, 4, 2};
    shi_status s = add_cols(t, names, types, digits, 7, err);
    for (int i = 0; i < SHI_COOP_RULE_N && s == SHI_OK; i++) {
        const shi_coop_stability_row *r = &st->row[i];
        if ((s = shi_table_str(t, r->what, err)) ||
            (s = shi_table_str(t, r->incumbent.name, err)) ||
            (s = shi_table_str(t, r->deviants, err)) || (s = shi_table_str(t, r->formula, err)) ||
            (s = shi_table_real(t, r->analytic_k0, err)) ||
            (s = shi_table_real(t, r->analytic, err))) {
            break;
        }
        s = shi_table_real(t, r->simulated, err);
    }
    return s;
}

/* Compute the rules' thresholds and write them. */
static shi_status threshold_run(shi_cli *cli, const gopts *o, const shi_coop_game *g, uint64_t seed,
                                int samples, double step)
{
    shi_coop_grid grid = {0};
    shi_coop_stability st;
    shi_status s = shi_coop_delta_grid(step, &grid, &cli->err);
    if (s == SHI_OK) {
        s = shi_coop_stability_compute(g, &grid, samples, seed, o->threads, &st, &cli->err);
    }
    shi_coop_grid_free(&grid);
    if (s != SHI_OK) {
        return s;
    }
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    return finish(t, threshold_rows(t, &st, &cli->err), o, &cli->err);
}

static int coop_threshold(shi_cli *cli, int argc, char **argv)
{
    gopts o = gopts_default();
    int samples = 2000;
    double step = 0.01;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "payoffs", &o.payoffs, "T,R,P,S", "payoffs (default 5,3,1,0)"},
        {OPT_REAL, 0, "relative-gains", &o.k, "K",
         "Grieco relative-gains coefficient, 0-1000 (default 0)"},
        {OPT_REAL, 0, "noise", &o.noise, "E", "noise in the simulation (default 0)"},
        {OPT_INT, 0, "samples", &samples, "N", "simulated games per delta and pairing (2000)"},
        {OPT_REAL, 0, "step", &step, "H", "delta grid step of the simulation (default 0.01)"},
        {OPT_STRING, 0, "seed", &o.seed, "S", "random seed (default 1)"},
        CLI_OPT_THREADS(o.threads),
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
    return threshold_run(cli, &o, &g, seed, samples, step);
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
    {"validate", cmd_coop_validate, "the pair's estimated game against disputes, out of sample"},
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
    cli_print_examples(f, "coop");
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
    return shi_err_set(
        &cli->err, SHI_EUSAGE,
        "coop: unknown subcommand '%s'; valid are strategies, match, tournament, "
        "moran, replicator, sweep, threshold, validate, or two states (shi coop A B)",
        argv[1]);
}
