/*
 * coop.c - the iterated prisoner's dilemma: payoffs, the match engine and the
 * round-robin tournament (see include/shi/coop.h and docs/coop.md).
 */
#include <shi/coop.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#    include <omp.h>
#endif

/* ---- payoffs ------------------------------------------------------------- */

shi_coop_payoffs shi_coop_payoffs_default(void)
{
    shi_coop_payoffs p = {5.0, 3.0, 1.0, 0.0};
    return p;
}

shi_status shi_coop_payoffs_check(const shi_coop_payoffs *p, shi_err *err)
{
    if (!isfinite(p->T) || !isfinite(p->R) || !isfinite(p->P) || !isfinite(p->S)) {
        return shi_err_set(err, SHI_EUSAGE, "payoffs must be finite numbers");
    }
    if (!(p->T > p->R && p->R > p->P && p->P > p->S)) {
        return shi_err_set(err, SHI_EUSAGE,
                           "payoffs must satisfy T > R > P > S, got T=%g R=%g P=%g S=%g", p->T,
                           p->R, p->P, p->S);
    }
    if (!(2.0 * p->R > p->T + p->S)) {
        return shi_err_set(err, SHI_EUSAGE, "payoffs must satisfy 2R > T + S, got 2R=%g T+S=%g",
                           2.0 * p->R, p->T + p->S);
    }
    return SHI_OK;
}

shi_status shi_coop_payoffs_parse(const char *text, shi_coop_payoffs *p, shi_err *err)
{
    double v[4];
    const char *s = text;
    for (int i = 0; i < 4; i++) {
        char *end;
        errno = 0;
        v[i] = strtod(s, &end);
        if (end == s || errno) {
            return shi_err_set(err, SHI_EUSAGE,
                               "payoffs must be four numbers T,R,P,S (e.g. 5,3,1,0), got '%s'",
                               text);
        }
        while (isspace((unsigned char)*end)) {
            end++;
        }
        if (i < 3 && *end != ',') {
            return shi_err_set(err, SHI_EUSAGE,
                               "payoffs must be four numbers T,R,P,S (e.g. 5,3,1,0), got '%s'",
                               text);
        }
        if (i == 3 && *end) {
            return shi_err_set(err, SHI_EUSAGE,
                               "payoffs must be four numbers T,R,P,S (e.g. 5,3,1,0), got '%s'",
                               text);
        }
        s = end + 1;
    }
    shi_coop_payoffs q = {v[0], v[1], v[2], v[3]};
    shi_status st = shi_coop_payoffs_check(&q, err);
    if (st == SHI_OK) {
        *p = q;
    }
    return st;
}

/* ---- the game ------------------------------------------------------------ */

shi_coop_game shi_coop_game_default(void)
{
    shi_coop_game g;
    g.pay = shi_coop_payoffs_default();
    g.turns = 200;
    g.delta = 0.0;
    g.noise = 0.0;
    g.k = 0.0;
    return g;
}

shi_status shi_coop_game_check(const shi_coop_game *g, shi_err *err)
{
    shi_status s = shi_coop_payoffs_check(&g->pay, err);
    if (s != SHI_OK) {
        return s;
    }
    if (g->delta == 0.0) {
        if (g->turns < 1 || g->turns > SHI_COOP_MAX_TURNS) {
            return shi_err_set(err, SHI_EUSAGE, "turns must be in [1, %ld], got %ld",
                               SHI_COOP_MAX_TURNS, g->turns);
        }
    } else if (!(g->delta > 0.0 && g->delta < 1.0)) {
        return shi_err_set(err, SHI_EUSAGE,
                           "continuation probability delta must be in (0, 1), got %g", g->delta);
    }
    if (!(g->noise >= 0.0 && g->noise <= 0.5)) {
        return shi_err_set(err, SHI_EUSAGE, "noise must be in [0, 0.5], got %g", g->noise);
    }
    if (!(g->k >= 0.0 && isfinite(g->k))) {
        return shi_err_set(err, SHI_EUSAGE, "relative-gains coefficient k must be >= 0, got %g",
                           g->k);
    }
    return SHI_OK;
}

double shi_coop_utility(double pi_i, double pi_j, double k)
{
    return pi_i - k * (pi_j - pi_i);
}

double shi_coop_payoff(const shi_coop_payoffs *p, int mine, int theirs)
{
    if (mine == SHI_COOP_C) {
        return theirs == SHI_COOP_C ? p->R : p->S;
    }
    return theirs == SHI_COOP_C ? p->T : p->P;
}

/* ---- the match engine ---------------------------------------------------- */

/* Length of a match: fixed, or geometric with P(L >= t) = delta^(t-1). */
static long match_length(const shi_coop_game *g, shi_rng *rng)
{
    if (g->delta == 0.0) {
        return g->turns;
    }
    double u = 1.0 - shi_rng_uniform(rng); /* in (0, 1] */
    double l = 1.0 + floor(log(u) / log(g->delta));
    return l >= (double)SHI_COOP_MAX_TURNS ? SHI_COOP_MAX_TURNS : (long)l;
}

/* Play a match on a checked game; with `keep`, also return the interleaved
 * moves (malloc'd). Returns 0, or -1 when out of memory. */
static int play(const shi_coop_player *a, const shi_coop_player *b, const shi_coop_game *g,
                shi_rng *rng, shi_coop_match_result *res, unsigned char **keep)
{
    long L = match_length(g, rng);
    unsigned char *ha = malloc(2 * (size_t)L);
    if (!ha) {
        return -1;
    }
    unsigned char *hb = ha + L;
    const shi_coop_payoffs *p = &g->pay;
    /* pay[mine][theirs] */
    const double pay[2][2] = {{p->R, p->S}, {p->T, p->P}};
    shi_coop_mem ma, mb;
    memset(&ma, 0, sizeof ma);
    memset(&mb, 0, sizeof mb);
    shi_coop_view va = {ha, hb, 0, 0, 0, p};
    shi_coop_view vb = {hb, ha, 0, 0, 0, p};
    double sa = 0.0, sb = 0.0;
    long ca = 0, cb = 0;
    shi_coop_fn fa = a->s->fn, fb = b->s->fn;
    for (long t = 0; t < L; t++) {
        va.t = vb.t = (size_t)t;
        int x = fa(&va, a->par, &ma, rng);
        int y = fb(&vb, b->par, &mb, rng);
        if (g->noise > 0.0) {
            if (shi_rng_uniform(rng) < g->noise) {
                x ^= 1;
            }
            if (shi_rng_uniform(rng) < g->noise) {
                y ^= 1;
            }
        }
        ha[t] = (unsigned char)x;
        hb[t] = (unsigned char)y;
        sa += pay[x][y];
        sb += pay[y][x];
        ca += x == SHI_COOP_C;
        cb += y == SHI_COOP_C;
        va.my_d = vb.opp_d = va.my_d + (size_t)x;
        vb.my_d = va.opp_d = vb.my_d + (size_t)y;
    }
    res->turns = L;
    res->score[0] = sa;
    res->score[1] = sb;
    res->coop[0] = ca;
    res->coop[1] = cb;
    if (keep) {
        /* Interleave: a's and b's moves, turn by turn. */
        unsigned char *m = malloc(2 * (size_t)L);
        if (!m) {
            free(ha);
            return -1;
        }
        for (long t = 0; t < L; t++) {
            m[2 * t] = ha[t];
            m[2 * t + 1] = hb[t];
        }
        *keep = m;
    }
    free(ha);
    return 0;
}

shi_status shi_coop_match(const shi_coop_player *a, const shi_coop_player *b,
                          const shi_coop_game *g, shi_rng *rng, shi_coop_match_result *res,
                          unsigned char **moves, shi_err *err)
{
    shi_status s = shi_coop_game_check(g, err);
    if (s != SHI_OK) {
        return s;
    }
    if (moves) {
        *moves = NULL;
    }
    if (play(a, b, g, rng, res, moves) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return SHI_OK;
}

/* ---- tournament ---------------------------------------------------------- */

void shi_coop_tour_init(shi_coop_tour *t)
{
    memset(t, 0, sizeof *t);
}

void shi_coop_tour_destroy(shi_coop_tour *t)
{
    if (!t) {
        return;
    }
    free(t->payoff);
    free(t->utility);
    free(t->score);
    free(t->mean_payoff);
    free(t->coop);
    free(t->wins);
    free(t->rank);
    free(t->order);
    free(t->rep_score);
    free(t->median_score);
    shi_coop_tour_init(t);
}

/* *out = the index of `text` in names[0..n), or SHI_EUSAGE listing them. */
static shi_status parse_name(const char *what, const char *text, const char *const *names, size_t n,
                             const char *valid, int *out, shi_err *err)
{
    if (!text) {
        return SHI_OK;
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(text, names[i]) == 0) {
            *out = (int)i;
            return SHI_OK;
        }
    }
    return shi_err_set(err, SHI_EUSAGE, "%s must be %s, got '%s'", what, valid, text);
}

shi_status shi_coop_self_play_parse(const char *text, int *out, shi_err *err)
{
    static const char *const names[] = {"none", "counted", "axelrod"};
    return parse_name("self-play", text, names, 3, "none, counted or axelrod", out, err);
}

shi_status shi_coop_averaging_parse(const char *text, shi_coop_averaging *out, shi_err *err)
{
    static const char *const names[] = {"pooled", "per-match"};
    int v = (int)*out;
    shi_status s = parse_name("averaging", text, names, 2, "pooled or per-match", &v, err);
    *out = v ? SHI_COOP_AVG_PER_MATCH : SHI_COOP_AVG_POOLED;
    return s;
}

shi_status shi_coop_rank_by_parse(const char *text, shi_coop_rank_by *out, shi_err *err)
{
    static const char *const names[] = {"mean", "median"};
    int v = (int)*out;
    shi_status s = parse_name("rank", text, names, 2, "mean or median", &v, err);
    *out = v ? SHI_COOP_RANK_MEDIAN : SHI_COOP_RANK_MEAN;
    return s;
}

static shi_status tour_check(const shi_coop_tour_opts *o, size_t n, shi_err *err)
{
    shi_status st = shi_coop_game_check(&o->game, err);
    if (st != SHI_OK) {
        return st;
    }
    if (o->reps < 1) {
        return shi_err_set(err, SHI_EUSAGE, "repetitions must be at least 1, got %ld", o->reps);
    }
    if (o->self_play < SHI_COOP_SELF_NONE || o->self_play > SHI_COOP_SELF_AXELROD) {
        return shi_err_set(err, SHI_EUSAGE, "self-play must be 0, 1 or 2, got %d", o->self_play);
    }
    if ((o->averaging != SHI_COOP_AVG_POOLED && o->averaging != SHI_COOP_AVG_PER_MATCH) ||
        (o->rank_by != SHI_COOP_RANK_MEAN && o->rank_by != SHI_COOP_RANK_MEDIAN)) {
        return shi_err_set(err, SHI_EUSAGE, "unknown averaging or ranking convention");
    }
    /* Under Axelrod's convention a lone player's standings would be empty. */
    if (n < 1 || (n < 2 && o->self_play != SHI_COOP_SELF_COUNTED)) {
        return shi_err_set(err, SHI_EUSAGE,
                           "a tournament needs at least 2 players (or 1 with self-play), got %zu",
                           n);
    }
    if (o->threads < 0) {
        return shi_err_set(err, SHI_EUSAGE, "threads must be >= 0, got %d", o->threads);
    }
    return SHI_OK;
}

/* One match's outcome, written by whichever thread plays it. */
typedef struct task_out {
    double sa, sb;
    long turns, ca, cb;
    int failed;
} task_out;

/* The sums of the reduction, carved from one block. A match adds to each
 * side its payoff (utility) and a weight: pooled, the payoff and the turns;
 * per match, the payoff per turn and 1. Values are the ratios. */
typedef struct tour_sums {
    double *block;
    double *psum, *usum, *wsum;  /* n*n: the matrices */
    double *pay, *util, *weight; /* n: the standings */
    double *cmoves, *moves;      /* n: its moves that were C, all its moves */
    double *rutil, *rweight;     /* n*reps: the standings of one repetition */
} tour_sums;

static int sums_alloc(tour_sums *S, size_t n, size_t reps)
{
    S->block = calloc(3 * n * n + 5 * n + 2 * n * reps, sizeof *S->block);
    if (!S->block) {
        return -1;
    }
    double *p = S->block;
    S->psum = p, p += n * n;
    S->usum = p, p += n * n;
    S->wsum = p, p += n * n;
    S->pay = p, p += n;
    S->util = p, p += n;
    S->weight = p, p += n;
    S->cmoves = p, p += n;
    S->moves = p, p += n;
    S->rutil = p, p += n * reps;
    S->rweight = p;
    return 0;
}

/* Add one standings entry of player i in repetition rep. */
static void add_entry(tour_sums *S, size_t i, size_t rep, size_t reps, double pay, double util,
                      double w)
{
    S->pay[i] += pay;
    S->util[i] += util;
    S->weight[i] += w;
    S->rutil[i * reps + rep] += util;
    S->rweight[i * reps + rep] += w;
}

/* Reduce the matches in task order (m = rep * npairs + pair), so the sums are
 * the same for any thread count. */
static void reduce(const shi_coop_tour_opts *o, size_t n, size_t npairs, const unsigned *pi,
                   const unsigned *pj, const task_out *out, tour_sums *S, shi_coop_tour *r)
{
    const int pm = o->averaging == SHI_COOP_AVG_PER_MATCH;
    const size_t reps = (size_t)o->reps, ntask = npairs * reps;
    for (size_t m = 0; m < ntask; m++) {
        const task_out *x = &out[m];
        size_t rep = m / npairs, pr = m % npairs, i = pi[pr], j = pj[pr];
        double ua = shi_coop_utility(x->sa, x->sb, o->game.k);
        double ub = shi_coop_utility(x->sb, x->sa, o->game.k);
        double L = (double)x->turns;
        double pa = pm ? x->sa / L : x->sa, pb = pm ? x->sb / L : x->sb;
        double qa = pm ? ua / L : ua, qb = pm ? ub / L : ub, w = pm ? 1.0 : L;
        S->psum[i * n + j] += pa;
        S->psum[j * n + i] += pb;
        S->usum[i * n + j] += qa;
        S->usum[j * n + i] += qb;
        S->wsum[i * n + j] += w;
        S->wsum[j * n + i] += w;
        r->total_turns += x->turns;
        if (i == j) {
            /* Self-play: both copies are the player's own, counted or not. */
            if (o->self_play == SHI_COOP_SELF_COUNTED) {
                add_entry(S, i, rep, reps, pa + pb, qa + qb, 2.0 * w);
                S->cmoves[i] += (double)(x->ca + x->cb);
                S->moves[i] += 2.0 * L;
            }
            continue;
        }
        add_entry(S, i, rep, reps, pa, qa, w);
        add_entry(S, j, rep, reps, pb, qb, w);
        S->cmoves[i] += (double)x->ca;
        S->cmoves[j] += (double)x->cb;
        S->moves[i] += L;
        S->moves[j] += L;
        r->wins[i] += x->sa > x->sb;
        r->wins[j] += x->sb > x->sa;
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The values of the sums, the medians over repetitions, and the ranking. */
static void finalize(const shi_coop_tour_opts *o, const tour_sums *S, double *tmp, shi_coop_tour *r)
{
    size_t n = r->n, reps = (size_t)o->reps;
    for (size_t c = 0; c < n * n; c++) {
        r->payoff[c] = S->wsum[c] > 0.0 ? S->psum[c] / S->wsum[c] : (double)NAN;
        r->utility[c] = S->wsum[c] > 0.0 ? S->usum[c] / S->wsum[c] : (double)NAN;
    }
    for (size_t i = 0; i < n; i++) {
        r->mean_payoff[i] = S->pay[i] / S->weight[i];
        r->score[i] = S->util[i] / S->weight[i];
        r->coop[i] = S->cmoves[i] / S->moves[i];
        for (size_t q = 0; q < reps; q++) {
            tmp[q] = r->rep_score[i * reps + q] = S->rutil[i * reps + q] / S->rweight[i * reps + q];
        }
        qsort(tmp, reps, sizeof *tmp, cmp_double);
        r->median_score[i] = reps % 2 ? tmp[reps / 2] : 0.5 * (tmp[reps / 2 - 1] + tmp[reps / 2]);
    }
    /* Rank by the key, ties in input order (insertion sort: stable, n is small). */
    const double *key = o->rank_by == SHI_COOP_RANK_MEDIAN ? r->median_score : r->score;
    for (size_t i = 0; i < n; i++) {
        size_t a = i;
        while (a > 0 && key[r->order[a - 1]] < key[i]) {
            r->order[a] = r->order[a - 1];
            a--;
        }
        r->order[a] = i;
    }
    for (size_t a = 0; a < n; a++) {
        size_t x = r->order[a];
        r->rank[x] =
            (a > 0 && key[r->order[a - 1]] == key[x]) ? r->rank[r->order[a - 1]] : (long)a + 1;
    }
}

static int tour_alloc(shi_coop_tour *r, size_t n, long reps)
{
    r->n = n;
    r->reps = reps;
    r->payoff = malloc(n * n * sizeof *r->payoff);
    r->utility = malloc(n * n * sizeof *r->utility);
    r->score = calloc(n, sizeof *r->score);
    r->mean_payoff = calloc(n, sizeof *r->mean_payoff);
    r->coop = calloc(n, sizeof *r->coop);
    r->wins = calloc(n, sizeof *r->wins);
    r->rank = calloc(n, sizeof *r->rank);
    r->order = calloc(n, sizeof *r->order);
    r->rep_score = calloc(n * (size_t)reps, sizeof *r->rep_score);
    r->median_score = calloc(n, sizeof *r->median_score);
    return r->payoff && r->utility && r->score && r->mean_payoff && r->coop && r->wins && r->rank &&
                   r->order && r->rep_score && r->median_score
               ? 0
               : -1;
}

shi_status shi_coop_tournament(const shi_coop_player *players, size_t n,
                               const shi_coop_tour_opts *o, shi_coop_tour *t, shi_err *err)
{
    shi_status st = tour_check(o, n, err);
    if (st != SHI_OK) {
        return st;
    }
    const int self = o->self_play != SHI_COOP_SELF_NONE;
    size_t npairs = n * (n - 1) / 2 + (self ? n : 0);
    size_t ntask = npairs * (size_t)o->reps;
    unsigned *pi = malloc(npairs * sizeof *pi), *pj = malloc(npairs * sizeof *pj);
    task_out *out = calloc(ntask, sizeof *out);
    double *tmp = malloc((size_t)o->reps * sizeof *tmp);
    tour_sums S = {0};
    shi_coop_tour r;
    shi_coop_tour_init(&r);
    if (!pi || !pj || !out || !tmp || sums_alloc(&S, n, (size_t)o->reps) != 0 ||
        tour_alloc(&r, n, o->reps) != 0) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    size_t q = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = self ? i : i + 1; j < n; j++) {
            pi[q] = (unsigned)i;
            pj[q] = (unsigned)j;
            q++;
        }
    }

    /* Play: task m = rep * npairs + pair; its stream depends only on (rep, i, j). */
    long ntl = (long)ntask;
#ifdef _OPENMP
    int nth = o->threads > 0 ? o->threads : omp_get_max_threads();
#    pragma omp parallel for schedule(dynamic, 8) num_threads(nth)
#endif
    for (long m = 0; m < ntl; m++) {
        size_t rep = (size_t)m / npairs, pr = (size_t)m % npairs;
        size_t i = pi[pr], j = pj[pr];
        shi_rng rng;
        shi_rng_init(&rng, o->seed, ((uint64_t)rep * n + i) * n + j);
        shi_coop_match_result res;
        if (play(&players[i], &players[j], &o->game, &rng, &res, NULL) != 0) {
            out[m].failed = 1;
            continue;
        }
        out[m].sa = res.score[0];
        out[m].sb = res.score[1];
        out[m].turns = res.turns;
        out[m].ca = res.coop[0];
        out[m].cb = res.coop[1];
    }
    for (size_t m = 0; m < ntask; m++) {
        if (out[m].failed) {
            st = shi_err_set(err, SHI_EIO, "out of memory");
            goto cleanup;
        }
    }
    reduce(o, n, npairs, pi, pj, out, &S, &r);
    finalize(o, &S, tmp, &r);
    shi_coop_tour_destroy(t);
    *t = r;
    shi_coop_tour_init(&r);
    st = SHI_OK;

cleanup:
    shi_coop_tour_destroy(&r);
    free(pi);
    free(pj);
    free(out);
    free(tmp);
    free(S.block);
    return st;
}
