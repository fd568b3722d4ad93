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
    shi_coop_tour_init(t);
}

/* One match's outcome, written by whichever thread plays it. */
typedef struct task_out {
    double sa, sb;
    long turns, ca, cb;
    int failed;
} task_out;

shi_status shi_coop_tournament(const shi_coop_player *players, size_t n,
                               const shi_coop_tour_opts *o, shi_coop_tour *t, shi_err *err)
{
    shi_status st = shi_coop_game_check(&o->game, err);
    if (st != SHI_OK) {
        return st;
    }
    if (o->reps < 1) {
        return shi_err_set(err, SHI_EUSAGE, "repetitions must be at least 1, got %ld", o->reps);
    }
    if (n < 1 || (n < 2 && !o->self_play)) {
        return shi_err_set(err, SHI_EUSAGE,
                           "a tournament needs at least 2 players (or 1 with self-play), got %zu",
                           n);
    }
    if (o->threads < 0) {
        return shi_err_set(err, SHI_EUSAGE, "threads must be >= 0, got %d", o->threads);
    }
    const double k = o->game.k;
    size_t npairs = n * (n - 1) / 2 + (o->self_play ? n : 0);
    size_t ntask = npairs * (size_t)o->reps;
    unsigned *pi = malloc(npairs * sizeof *pi), *pj = malloc(npairs * sizeof *pj);
    task_out *out = calloc(ntask, sizeof *out);
    double *psum = calloc(n * n, sizeof *psum), *usum = calloc(n * n, sizeof *usum);
    double *tsum = calloc(n * n, sizeof *tsum);
    shi_coop_tour r;
    shi_coop_tour_init(&r);
    r.n = n;
    r.payoff = malloc(n * n * sizeof *r.payoff);
    r.utility = malloc(n * n * sizeof *r.utility);
    r.score = calloc(n, sizeof *r.score);
    r.mean_payoff = calloc(n, sizeof *r.mean_payoff);
    r.coop = calloc(n, sizeof *r.coop);
    r.wins = calloc(n, sizeof *r.wins);
    r.rank = calloc(n, sizeof *r.rank);
    r.order = calloc(n, sizeof *r.order);
    if (!pi || !pj || !out || !psum || !usum || !tsum || !r.payoff || !r.utility || !r.score ||
        !r.mean_payoff || !r.coop || !r.wins || !r.rank || !r.order) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    size_t q = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = o->self_play ? i : i + 1; j < n; j++) {
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

    /* Reduce serially in task order: the sums are the same for any thread count. */
    double *paysum = r.mean_payoff; /* per-player payoff sums, normalised below */
    double *cnt = calloc(n, sizeof *cnt), *coopc = calloc(n, sizeof *coopc);
    double *usc = calloc(n, sizeof *usc);
    if (!cnt || !coopc || !usc) {
        free(cnt);
        free(coopc);
        free(usc);
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    for (size_t m = 0; m < ntask; m++) {
        const task_out *x = &out[m];
        if (x->failed) {
            free(cnt);
            free(coopc);
            free(usc);
            st = shi_err_set(err, SHI_EIO, "out of memory");
            goto cleanup;
        }
        size_t pr = m % npairs, i = pi[pr], j = pj[pr];
        double ua = shi_coop_utility(x->sa, x->sb, k), ub = shi_coop_utility(x->sb, x->sa, k);
        double L = (double)x->turns;
        psum[i * n + j] += x->sa;
        psum[j * n + i] += x->sb;
        usum[i * n + j] += ua;
        usum[j * n + i] += ub;
        tsum[i * n + j] += L;
        tsum[j * n + i] += L;
        if (i == j) {
            /* Self-play: both copies count as the player's own turns. */
            paysum[i] += x->sa + x->sb;
            usc[i] += ua + ub;
            cnt[i] += 2.0 * L;
            coopc[i] += (double)(x->ca + x->cb);
        } else {
            paysum[i] += x->sa;
            paysum[j] += x->sb;
            usc[i] += ua;
            usc[j] += ub;
            cnt[i] += L;
            cnt[j] += L;
            coopc[i] += (double)x->ca;
            coopc[j] += (double)x->cb;
            r.wins[i] += x->sa > x->sb;
            r.wins[j] += x->sb > x->sa;
        }
        r.total_turns += x->turns;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            /* On the self-play diagonal both copies' payoffs and turns were
             * added (twice L), so the ratio is already a per-turn mean. */
            double d = tsum[i * n + j];
            r.payoff[i * n + j] = d > 0.0 ? psum[i * n + j] / d : (double)NAN;
            r.utility[i * n + j] = d > 0.0 ? usum[i * n + j] / d : (double)NAN;
        }
        r.mean_payoff[i] = paysum[i] / cnt[i];
        r.score[i] = usc[i] / cnt[i];
        r.coop[i] = coopc[i] / cnt[i];
    }
    free(cnt);
    free(coopc);
    free(usc);

    /* Rank by score, ties in input order (insertion sort: stable, n is small). */
    for (size_t i = 0; i < n; i++) {
        size_t x = i, a = i;
        while (a > 0 && r.score[r.order[a - 1]] < r.score[x]) {
            r.order[a] = r.order[a - 1];
            a--;
        }
        r.order[a] = x;
    }
    for (size_t a = 0; a < n; a++) {
        size_t x = r.order[a];
        r.rank[x] =
            (a > 0 && r.score[r.order[a - 1]] == r.score[x]) ? r.rank[r.order[a - 1]] : (long)a + 1;
    }
    shi_coop_tour_destroy(t);
    *t = r;
    shi_coop_tour_init(&r);
    st = SHI_OK;

cleanup:
    shi_coop_tour_destroy(&r);
    free(pi);
    free(pj);
    free(out);
    free(psum);
    free(usum);
    free(tsum);
    return st;
}
