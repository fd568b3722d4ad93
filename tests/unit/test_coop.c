/*
 * test_coop.c - the iterated prisoner's dilemma: known match results, a
 * hand-computed tournament, a brute-force reference tournament, determinism,
 * thread invariance, names, payoff validation, thresholds and dynamics.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/coop.h>

static shi_coop_player player(const char *name)
{
    shi_coop_player p;
    shi_err err;
    memset(&p, 0, sizeof p);
    assert_int_equal(shi_coop_player_parse(name, &p, &err), SHI_OK);
    return p;
}

static shi_coop_match_result play_fixed(const char *a, const char *b, long turns)
{
    shi_coop_player pa = player(a), pb = player(b);
    shi_coop_game g = shi_coop_game_default();
    g.turns = turns;
    shi_rng rng;
    shi_rng_init(&rng, 1, 0);
    shi_coop_match_result r;
    shi_err err;
    assert_int_equal(shi_coop_match(&pa, &pb, &g, &rng, &r, NULL, &err), SHI_OK);
    return r;
}

/* By hand, (5,3,1,0): TFT opens C against D (S = 0, T = 5), then both defect
 * for 199 turns (P = 1 each): TFT 0 + 199 = 199, Defector 5 + 199 = 204. */
static void tft_vs_defector(void **state)
{
    (void)state;
    shi_coop_match_result r = play_fixed("Tit For Tat", "Defector", 200);
    assert_int_equal(r.turns, 200);
    assert_true(r.score[0] == 199.0);
    assert_true(r.score[1] == 204.0);
    assert_int_equal(r.coop[0], 1);
    assert_int_equal(r.coop[1], 0);
}

/* By hand: Alternator plays C on turns 1, 3, ..., 25 (13 times) and D on the
 * 12 even turns. Cooperator gets 13 R + 12 S = 39; Alternator 13 R + 12 T = 99. */
static void cooperator_vs_alternator(void **state)
{
    (void)state;
    shi_coop_match_result r = play_fixed("Cooperator", "Alternator", 25);
    assert_true(r.score[0] == 39.0);
    assert_true(r.score[1] == 99.0);
    assert_int_equal(r.coop[1], 13);
}

/* The moves array: a's and b's moves interleaved. */
static void match_moves(void **state)
{
    (void)state;
    shi_coop_player a = player("tft"), b = player("Cycler DDC");
    shi_coop_game g = shi_coop_game_default();
    g.turns = 6;
    shi_rng rng;
    shi_rng_init(&rng, 1, 0);
    shi_coop_match_result r;
    unsigned char *mv = NULL;
    shi_err err;
    assert_int_equal(shi_coop_match(&a, &b, &g, &rng, &r, &mv, &err), SHI_OK);
    /* DDC DDC against TFT: TFT plays C D D C D D. */
    static const unsigned char want[12] = {0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0};
    assert_memory_equal(mv, want, 12);
    free(mv);
}

/* Moves of a fixed-length match, a's and b's interleaved. */
static void moves_of(const char *a, const char *b, const shi_coop_payoffs *pay, long turns,
                     unsigned char *out)
{
    shi_coop_player pa = player(a), pb = player(b);
    shi_coop_game g = shi_coop_game_default();
    g.turns = turns;
    if (pay) {
        g.pay = *pay;
    }
    shi_rng rng;
    shi_rng_init(&rng, 7, 0);
    shi_coop_match_result r;
    unsigned char *mv = NULL;
    shi_err err;
    assert_int_equal(shi_coop_match(&pa, &pb, &g, &rng, &r, &mv, &err), SHI_OK);
    memcpy(out, mv, (size_t)(2 * turns));
    free(mv);
}

/* Issue 18: Joss cooperates on its first move (Axelrod 1980: "Joss ... a
 * variation of TIT FOR TAT"); the coin follows a cooperation only. Traced by
 * hand: Joss(1) defects after every cooperation of the opponent, so against
 * Cooperator C, D, D, D; Joss(0) is Tit for Tat, so against Cycler DDC it
 * plays C, D, D, C, D, D. */
static void joss_first_move(void **state)
{
    (void)state;
    unsigned char mv[12];
    moves_of("Joss(1)", "Cooperator", NULL, 4, mv);
    static const unsigned char want1[8] = {0, 0, 1, 0, 1, 0, 1, 0};
    assert_memory_equal(mv, want1, 8);
    moves_of("Joss(0)", "Cycler DDC", NULL, 6, mv);
    static const unsigned char want2[12] = {0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0};
    assert_memory_equal(mv, want2, 12);
    /* The default Joss(0.1) over many seeds: never a first-move defection. */
    for (uint64_t seed = 0; seed < 200; seed++) {
        shi_coop_player pa = player("Joss"), pb = player("Cooperator");
        shi_coop_game g = shi_coop_game_default();
        g.turns = 1;
        shi_rng rng;
        shi_rng_init(&rng, seed, 0);
        shi_coop_match_result r;
        shi_err err;
        assert_int_equal(shi_coop_match(&pa, &pb, &g, &rng, &r, NULL, &err), SHI_OK);
        assert_int_equal(r.coop[0], 1);
    }
}

/* Press & Dyson four-vectors from the payoffs in use. At 5,3,1,0 Stewart &
 * Plotkin's published Extort-2 (8/9, 1/2, 1/3, 0) and ZD-GTFT-2 (1, 1/8, 1,
 * 1/4). At 6,4,2,0, by hand: extortion, chi = 2, l = P: (chi-1)(R-P) = 2,
 * chi(T-P)+(P-S) = 10, (T-P)+chi(P-S) = 8, phi = 1/2 min(1/2, 1/10, 1/8) =
 * 1/20: (0.9, 0.5, 0.4, 0). Generous, l = R: (R-S)+chi(T-R) = 8,
 * (T-R)+chi(R-S) = 10, (chi-1)(R-P) = 2, phi = 1/10: (1, 0.2, 1, 0.2). */
static void zd_vectors(void **state)
{
    (void)state;
    double p[4];
    shi_coop_payoffs d = shi_coop_payoffs_default(), q = {6, 4, 2, 0};
    const double e1[4] = {8.0 / 9, 0.5, 1.0 / 3, 0}, g1[4] = {1, 0.125, 1, 0.25};
    const double e2[4] = {0.9, 0.5, 0.4, 0}, g2[4] = {1, 0.2, 1, 0.2};
    for (int k = 0; k < 4; k++) {
        shi_coop_zd_vector(&d, 0, 2, p);
        assert_true(fabs(p[k] - e1[k]) < 1e-15);
        shi_coop_zd_vector(&d, 1, 2, p);
        assert_true(fabs(p[k] - g1[k]) < 1e-15);
        shi_coop_zd_vector(&q, 0, 2, p);
        assert_true(fabs(p[k] - e2[k]) < 1e-15);
        shi_coop_zd_vector(&q, 1, 2, p);
        assert_true(fabs(p[k] - g2[k]) < 1e-15);
    }
    /* The strategy uses them: Extort-2 never cooperates after DD (p4 = 0), so
     * against Defector it opens C, then defects forever. */
    unsigned char mv[20];
    moves_of("Extort-2", "Defector", &q, 10, mv);
    for (int t = 1; t < 10; t++) {
        assert_int_equal(mv[2 * t], 1);
    }
    /* Extortion holds on long-run scores (Press & Dyson 2012): s_X - P =
     * 2 (s_Y - P) against Random(0.5) over 200,000 turns, within 2%. */
    shi_coop_player pa = player("Extort-2"), pb = player("Random");
    shi_coop_game g = shi_coop_game_default();
    g.pay = q;
    g.turns = 200000;
    shi_rng rng;
    shi_rng_init(&rng, 11, 0);
    shi_coop_match_result r;
    shi_err err;
    assert_int_equal(shi_coop_match(&pa, &pb, &g, &rng, &r, NULL, &err), SHI_OK);
    double sx = r.score[0] / (double)r.turns - q.P, sy = r.score[1] / (double)r.turns - q.P;
    assert_true(fabs(sx - 2 * sy) < 0.02 * sx);
}

/* Hand computation, 10 turns, (5,3,1,0), no self-play:
 *   Cooperator-Defector 0 : 50;  Cooperator-TFT 30 : 30;  Cooperator-Grudger 30 : 30;
 *   Defector-TFT 14 : 9 (5 + 9x1 : 0 + 9x1);  Defector-Grudger 14 : 9;  TFT-Grudger 30 : 30.
 * Totals over 3 opponents x 10 turns: Cooperator 60 -> 2.0, Defector 78 -> 2.6,
 * TFT 69 -> 2.3, Grudger 69 -> 2.3. Ranks 4, 1, 2, 2; the Defector wins 3 matches. */
static void tournament_by_hand(void **state)
{
    (void)state;
    shi_coop_player *pl;
    size_t n;
    shi_err err;
    assert_int_equal(shi_coop_players_parse("Cooperator,Defector,TFT,Grudger", &pl, &n, &err),
                     SHI_OK);
    assert_int_equal(n, 4);
    shi_coop_tour_opts o = {shi_coop_game_default(), 3, 0, 42, 1, SHI_COOP_AVG_POOLED,
                            SHI_COOP_RANK_MEAN};
    o.game.turns = 10;
    shi_coop_tour t;
    shi_coop_tour_init(&t);
    assert_int_equal(shi_coop_tournament(pl, n, &o, &t, &err), SHI_OK);
    const double want[4] = {2.0, 2.6, 2.3, 2.3};
    const long rank[4] = {4, 1, 2, 2}, wins[4] = {0, 9, 0, 0}; /* 3 wins x 3 repetitions */
    for (size_t i = 0; i < 4; i++) {
        assert_true(fabs(t.score[i] - want[i]) < 1e-12);
        assert_int_equal(t.rank[i], rank[i]);
        assert_int_equal(t.wins[i], wins[i]);
    }
    assert_int_equal(t.order[0], 1);
    assert_int_equal(t.order[1], 2); /* tie: input order */
    assert_int_equal(t.order[3], 0);
    assert_true(fabs(t.payoff[1 * 4 + 2] - 1.4) < 1e-12);
    assert_true(isnan(t.payoff[0]));
    assert_true(fabs(t.coop[2] - 21.0 / 30.0) < 1e-12); /* TFT: 10 + 1 + 10 C turns */
    assert_int_equal(t.total_turns, 3 * 6 * 10);
    shi_coop_tour_destroy(&t);
    shi_coop_players_free(pl);
}

/* ---- a brute-force reference tournament --------------------------------- *
 * The reference: an independent re-implementation, written from the
 * definitions in docs/coop.md without the library's view or memory, which
 * rescans the whole history every turn. */
enum { RC, RD, RTFT, RTF2T, RGRIM, RWSLS, RALT, RBULLY, RSTFT, RCCD, NREF };
static const char *const ref_names[NREF] = {
    "Cooperator", "Defector",   "Tit For Tat", "Tit For Two Tats", "Grudger",
    "Pavlov",     "Alternator", "Bully",       "Suspicious TFT",   "Cycler CCD"};

static int ref_move(int s, const int *mine, const int *theirs, int t)
{
    int any_d = 0;
    for (int u = 0; u < t; u++) {
        any_d |= theirs[u];
    }
    switch (s) {
    case RC:
        return 0;
    case RD:
        return 1;
    case RTFT:
        return t ? theirs[t - 1] : 0;
    case RTF2T:
        return t >= 2 && theirs[t - 1] && theirs[t - 2];
    case RGRIM:
        return any_d;
    case RWSLS:
        if (t == 0) {
            return 0;
        }
        /* won (R or T, the opponent cooperated): stay; lost: shift */
        return theirs[t - 1] == 0 ? mine[t - 1] : !mine[t - 1];
    case RALT:
        return t & 1;
    case RBULLY:
        return t ? !theirs[t - 1] : 1;
    case RSTFT:
        return t ? theirs[t - 1] : 1;
    default: /* RCCD */
        return (t % 3) == 2;
    }
}

static void ref_match(int a, int b, int turns, double *sa, double *sb)
{
    int ma[64], mb[64];
    const double pay[2][2] = {{3, 0}, {5, 1}};
    *sa = *sb = 0;
    for (int t = 0; t < turns; t++) {
        ma[t] = ref_move(a, ma, mb, t);
        mb[t] = ref_move(b, mb, ma, t);
        *sa += pay[ma[t]][mb[t]];
        *sb += pay[mb[t]][ma[t]];
    }
}

static void tournament_vs_reference(void **state)
{
    (void)state;
    const int turns = 37;
    shi_coop_player pl[NREF];
    for (int i = 0; i < NREF; i++) {
        pl[i] = player(ref_names[i]);
    }
    shi_coop_tour_opts o = {shi_coop_game_default(), 2, 1, 7, 2, SHI_COOP_AVG_POOLED,
                            SHI_COOP_RANK_MEAN};
    o.game.turns = turns;
    shi_coop_tour t;
    shi_coop_tour_init(&t);
    shi_err err;
    assert_int_equal(shi_coop_tournament(pl, NREF, &o, &t, &err), SHI_OK);
    double tot[NREF] = {0};
    for (int i = 0; i < NREF; i++) {
        for (int j = i; j < NREF; j++) {
            double sa, sb;
            ref_match(i, j, turns, &sa, &sb);
            if (i == j) {
                assert_true(fabs(t.payoff[i * NREF + i] - (sa + sb) / (2.0 * turns)) < 1e-12);
                tot[i] += sa + sb;
            } else {
                assert_true(fabs(t.payoff[i * NREF + j] - sa / turns) < 1e-12);
                assert_true(fabs(t.payoff[j * NREF + i] - sb / turns) < 1e-12);
                tot[i] += sa;
                tot[j] += sb;
            }
        }
    }
    /* Each player: NREF - 1 opponents plus two self-play copies, per repetition. */
    for (int i = 0; i < NREF; i++) {
        double want = tot[i] / ((double)(NREF + 1) * turns);
        assert_true(fabs(t.score[i] - want) < 1e-12);
        long better = 0;
        for (int j = 0; j < NREF; j++) {
            better += tot[j] > tot[i] + 1e-9;
        }
        assert_int_equal(t.rank[i], better + 1);
    }
    shi_coop_tour_destroy(&t);
}

/* ---- reproducibility ------------------------------------------------------ */

static void run_noisy(uint64_t seed, int threads, shi_coop_tour *t)
{
    shi_coop_player *pl;
    size_t n;
    shi_err err;
    assert_int_equal(
        shi_coop_players_parse("all,Random(0.2),Generous TFT(0.1),Joss(0.3)", &pl, &n, &err),
        SHI_OK);
    shi_coop_tour_opts o = {shi_coop_game_default(), 3, 1, seed, threads, SHI_COOP_AVG_POOLED,
                            SHI_COOP_RANK_MEAN};
    o.game.delta = 0.98;
    o.game.noise = 0.05;
    o.game.k = 0.5;
    shi_coop_tour_init(t);
    assert_int_equal(shi_coop_tournament(pl, n, &o, t, &err), SHI_OK);
    shi_coop_players_free(pl);
}

static int same_tour(const shi_coop_tour *a, const shi_coop_tour *b)
{
    size_t n = a->n;
    return a->n == b->n && a->total_turns == b->total_turns &&
           memcmp(a->payoff, b->payoff, n * n * sizeof(double)) == 0 &&
           memcmp(a->utility, b->utility, n * n * sizeof(double)) == 0 &&
           memcmp(a->score, b->score, n * sizeof(double)) == 0 &&
           memcmp(a->coop, b->coop, n * sizeof(double)) == 0 &&
           memcmp(a->wins, b->wins, n * sizeof(long)) == 0 &&
           memcmp(a->rank, b->rank, n * sizeof(long)) == 0;
}

static void same_seed_same_result(void **state)
{
    (void)state;
    shi_coop_tour a, b, c;
    run_noisy(11, 1, &a);
    run_noisy(11, 1, &b);
    run_noisy(12, 1, &c);
    assert_true(same_tour(&a, &b));
    assert_false(same_tour(&a, &c)); /* the seed matters */
    shi_coop_tour_destroy(&a);
    shi_coop_tour_destroy(&b);
    shi_coop_tour_destroy(&c);
}

static void threads_invariant(void **state)
{
    (void)state;
    shi_coop_tour a, b;
    run_noisy(5, 1, &a);
    run_noisy(5, 2, &b);
    assert_true(same_tour(&a, &b));
    shi_coop_tour_destroy(&a);
    shi_coop_tour_destroy(&b);
}

/* ---- validation and names ------------------------------------------------- */

static void invalid_payoffs(void **state)
{
    (void)state;
    shi_err err;
    shi_coop_payoffs p;
    assert_int_equal(shi_coop_payoffs_parse("5,3,3,0", &p, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "payoffs must satisfy T > R > P > S, got T=5 R=3 P=3 S=0");
    assert_int_equal(shi_coop_payoffs_parse("7,3,1,0", &p, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "payoffs must satisfy 2R > T + S, got 2R=6 T+S=7");
    assert_int_equal(shi_coop_payoffs_parse("5,3,1", &p, &err), SHI_EUSAGE);
    assert_string_equal(err.msg,
                        "payoffs must be four numbers T,R,P,S (e.g. 5,3,1,0), got '5,3,1'");
    assert_int_equal(shi_coop_payoffs_parse("4, 3, 2, 1.5", &p, &err), SHI_OK);
    assert_true(p.T == 4.0 && p.S == 1.5);

    /* A game with bad payoffs is rejected by the match engine too. */
    shi_coop_player a = player("TFT");
    shi_coop_game g = shi_coop_game_default();
    g.pay.T = 2.0;
    shi_rng rng;
    shi_rng_init(&rng, 1, 0);
    shi_coop_match_result r;
    assert_int_equal(shi_coop_match(&a, &a, &g, &rng, &r, NULL, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "payoffs must satisfy T > R > P > S, got T=2 R=3 P=1 S=0");
    g = shi_coop_game_default();
    g.noise = 0.6;
    assert_int_equal(shi_coop_match(&a, &a, &g, &rng, &r, NULL, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "noise must be in [0, 0.5], got 0.6");
    g = shi_coop_game_default();
    g.delta = 1.0;
    assert_int_equal(shi_coop_match(&a, &a, &g, &rng, &r, NULL, &err), SHI_EUSAGE);
}

static void strategy_names(void **state)
{
    (void)state;
    shi_coop_player p;
    shi_err err;
    assert_string_equal(player("tft").name, "Tit For Tat");
    assert_string_equal(player("TIT-FOR-TAT").name, "Tit For Tat");
    assert_string_equal(player("grim trigger").name, "Grudger");
    assert_string_equal(player("pavlov").name, "Win-Stay Lose-Shift");
    p = player("Generous TFT(0.3)");
    assert_string_equal(p.name, "Generous TFT(0.3)");
    assert_true(p.par == 0.3);
    p = player("random");
    assert_true(p.par == 0.5);
    assert_int_equal(shi_coop_player_parse("Tit For Tap", &p, &err), SHI_EUSAGE);
    assert_non_null(strstr(err.msg, "did you mean 'Tit For Tat'"));
    assert_int_equal(shi_coop_player_parse("TFT(0.3)", &p, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "strategy 'Tit For Tat' takes no parameter");
    assert_int_equal(shi_coop_player_parse("Random(1.5)", &p, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "parameter of 'Random' must be in [0, 1], got 1.5");
    assert_int_equal(shi_coop_player_parse("Random(x)", &p, &err), SHI_EUSAGE);

    shi_coop_player *pl;
    size_t n;
    assert_int_equal(shi_coop_players_parse("tft, Random(0.7),gtft", &pl, &n, &err), SHI_OK);
    assert_int_equal(n, 3);
    assert_string_equal(pl[1].name, "Random(0.7)");
    shi_coop_players_free(pl);
    assert_int_equal(shi_coop_players_parse(" , ", &pl, &n, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "empty list of strategies");
}

/* The table: at least 30 strategies, every row documented and cited, and no
 * name or alias that resolves to a different row. */
static void strategy_table(void **state)
{
    (void)state;
    size_t n;
    const shi_coop_strategy *tab = shi_coop_strategies(&n);
    assert_true(n >= 30);
    for (size_t i = 0; i < n; i++) {
        assert_non_null(tab[i].fn);
        assert_true(strlen(tab[i].desc) > 10);
        assert_true(strlen(tab[i].cite) > 5);
        assert_true(player(tab[i].name).s == &tab[i]);
        if (tab[i].has_par) {
            assert_true(tab[i].par >= tab[i].lo && tab[i].par <= tab[i].hi);
        }
    }
    /* Every strategy plays a full match against every other without trouble,
     * and deterministic ones give the same moves twice. */
    for (size_t i = 0; i < n; i++) {
        shi_coop_match_result r1 = play_fixed(tab[i].name, "Random", 300);
        shi_coop_match_result r2 = play_fixed(tab[i].name, "Random", 300);
        assert_int_equal(r1.turns, 300);
        assert_true(r1.score[0] == r2.score[0]);
    }
}

/* ---- stochastic parts: 5-sigma checks (GSL randist/test.c style) ----------- */

static void delta_length(void **state)
{
    (void)state;
    shi_coop_player a = player("Cooperator");
    shi_coop_game g = shi_coop_game_default();
    g.delta = 0.9; /* E[L] = 10, Var[L] = delta / (1 - delta)^2 = 90 */
    shi_err err;
    double sum = 0.0;
    const int m = 20000;
    for (int s = 0; s < m; s++) {
        shi_rng rng;
        shi_rng_init(&rng, 3, (uint64_t)s);
        shi_coop_match_result r;
        assert_int_equal(shi_coop_match(&a, &a, &g, &rng, &r, NULL, &err), SHI_OK);
        assert_true(r.turns >= 1);
        sum += (double)r.turns;
    }
    assert_true(fabs(sum / m - 10.0) < 5.0 * sqrt(90.0 / m));
}

static void noise_rate(void **state)
{
    (void)state;
    shi_coop_player a = player("Cooperator");
    shi_coop_game g = shi_coop_game_default();
    g.turns = 100000;
    g.noise = 0.1;
    shi_rng rng;
    shi_rng_init(&rng, 9, 0);
    shi_coop_match_result r;
    shi_err err;
    assert_int_equal(shi_coop_match(&a, &a, &g, &rng, &r, NULL, &err), SHI_OK);
    double rate = (double)r.coop[0] / 100000.0;
    assert_true(fabs(rate - 0.9) < 5.0 * sqrt(0.09 / 100000.0));
}

/* ---- thresholds ----------------------------------------------------------- */

static void thresholds(void **state)
{
    (void)state;
    shi_coop_payoffs p = shi_coop_payoffs_default();
    shi_coop_thresholds th;
    shi_err err;
    assert_int_equal(shi_coop_thresholds_compute(&p, 0.0, &th, &err), SHI_OK);
    assert_true(fabs(th.grim - 0.5) < 1e-15);          /* (5-3)/(5-1) */
    assert_true(fabs(th.tft_alt - 2.0 / 3.0) < 1e-15); /* (5-3)/(3-0) */
    assert_true(fabs(th.tft - 2.0 / 3.0) < 1e-15);
    /* k = 1: T' = 5 + 5 = 10, S' = 0 - 5 = -5: grim 7/9, TFT 7/8. */
    assert_int_equal(shi_coop_thresholds_compute(&p, 1.0, &th, &err), SHI_OK);
    assert_true(fabs(th.grim - 7.0 / 9.0) < 1e-15);
    assert_true(fabs(th.tft - 7.0 / 8.0) < 1e-15);
    assert_int_equal(shi_coop_thresholds_compute(&p, -1.0, &th, &err), SHI_EUSAGE);
}

/* Grim Trigger against Always Defect: analytic threshold 1/2. On a grid that
 * avoids 1/2 itself the per-turn gaps are about +-0.16 at 0.46 and 0.54, far
 * beyond the Monte Carlo error with 20000 samples. */
static void threshold_simulated(void **state)
{
    (void)state;
    shi_coop_player inc = player("Grudger"), dev = player("Defector");
    shi_coop_game g = shi_coop_game_default();
    const double grid[] = {0.30, 0.38, 0.46, 0.54, 0.62, 0.70};
    double dstar, gap[6];
    shi_err err;
    assert_int_equal(
        shi_coop_threshold_simulate(&inc, &dev, 1, &g, grid, 6, 20000, 1, 2, &dstar, gap, &err),
        SHI_OK);
    assert_true(dstar == 0.54);
    assert_true(gap[2] < 0.0 && gap[3] > 0.0);
}

/* ---- dynamics ------------------------------------------------------------- */

/* Cooperator vs Defector, U = [[3,0],[5,1]], x0 = (1/2, 1/2), c = 0:
 * f_C = 1.5, f_D = 3, mean 2.25, so x_C' = 0.75 / 2.25 = 1/3. */
static void replicator_step(void **state)
{
    (void)state;
    const double U[4] = {3, 0, 5, 1};
    double traj[3 * 2];
    shi_err err;
    assert_int_equal(shi_coop_replicator(U, 2, NULL, 2, traj, &err), SHI_OK);
    assert_true(fabs(traj[2] - 1.0 / 3.0) < 1e-15);
    assert_true(traj[4] < traj[2]);
    assert_true(fabs(traj[4] + traj[5] - 1.0) < 1e-15);
    const double bad[2] = {0.7, 0.7};
    assert_int_equal(shi_coop_replicator(U, 2, bad, 2, traj, &err), SHI_EUSAGE);
}

/* Neutral drift: a type starting as 1 of N fixes with probability 1/N. */
static void moran_neutral(void **state)
{
    (void)state;
    const double U[4] = {2, 2, 2, 2};
    const long init[2] = {1, 9};
    shi_coop_moran_opts o = {10, init, 1.0, 1000000, 4000, 21, 2};
    long fixed[3];
    double steps, share[2];
    shi_err err;
    assert_int_equal(shi_coop_moran(U, 2, &o, fixed, &steps, share, &err), SHI_OK);
    assert_int_equal(fixed[0] + fixed[1], 4000);
    double p = (double)fixed[0] / 4000.0;
    assert_true(fabs(p - 0.1) < 5.0 * sqrt(0.1 * 0.9 / 4000.0));

    /* Same seed, other thread count: same outcome. */
    long fixed1[3];
    double steps1, share1[2];
    o.threads = 1;
    assert_int_equal(shi_coop_moran(U, 2, &o, fixed1, &steps1, share1, &err), SHI_OK);
    assert_memory_equal(fixed, fixed1, sizeof fixed);
    assert_true(steps == steps1);
}

/* Strong selection: Defectors take over a half-Cooperator population. */
static void moran_defectors(void **state)
{
    (void)state;
    const double U[4] = {3, 0, 5, 1};
    shi_coop_moran_opts o = {20, NULL, 2.0, 1000000, 200, 4, 0};
    long fixed[3];
    double steps, share[2];
    shi_err err;
    assert_int_equal(shi_coop_moran(U, 2, &o, fixed, &steps, share, &err), SHI_OK);
    assert_true(fixed[1] >= 195);
    assert_true(share[1] > 0.97);
    o.pop = 1;
    assert_int_equal(shi_coop_moran(U, 2, &o, fixed, &steps, share, &err), SHI_EUSAGE);
}

/* ---- named readings (issue 18): match-level, hand-traced ------------------- */

/* Play `name` against the scripted opponent moves opp[0..n) (a match against
 * a fixed sequence), its own moves into me[0..n). */
static void play_script(const char *name, const unsigned char *opp, size_t n, uint64_t seed,
                        unsigned char *me)
{
    shi_coop_player p = player(name);
    shi_coop_payoffs pay = shi_coop_payoffs_default();
    shi_coop_mem mem;
    memset(&mem, 0, sizeof mem);
    shi_rng rng;
    shi_rng_init(&rng, seed, 0);
    shi_coop_view v = {me, opp, 0, 0, 0, &pay};
    for (size_t t = 0; t < n; t++) {
        v.t = t;
        me[t] = (unsigned char)p.s->fn(&v, p.par, &mem, &rng);
        v.my_d += me[t];
        v.opp_d += opp[t];
    }
}

/* Adaptive (Li, Hingston & Kendall 2011) opens C x6, D x5. Traced by hand
 * against Cooperator with payoffs T,R,P,S = 5,4.5,1,0: after 11 turns C has
 * earned 6R = 27 (average 4.5) and D 5T = 25 (average 5). The default reading
 * compares averages, 4.5 < 5, and defects from turn 12 on (D keeps averaging
 * 5). Adaptive(total), the Axelrod library's reading, compares totals,
 * 27 > 25, and cooperates; each C adds 4.5, so it cooperates forever. */
static void adaptive_readings(void **state)
{
    (void)state;
    const shi_coop_payoffs pay = {5, 4.5, 1, 0};
    unsigned char mv[28];
    const unsigned char open[11] = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    moves_of("Adaptive", "Cooperator", &pay, 14, mv);
    for (int t = 0; t < 14; t++) {
        assert_int_equal(mv[2 * t], t < 11 ? open[t] : 1);
    }
    moves_of("Adaptive(total)", "Cooperator", &pay, 14, mv);
    for (int t = 0; t < 14; t++) {
        assert_int_equal(mv[2 * t], t < 11 ? open[t] : 0);
    }
    assert_string_equal(player("adaptive(TOTAL)").name, "Adaptive(total)");
    assert_true(player("Adaptive(average)").par == 0.0);
    shi_coop_player p;
    shi_err err;
    assert_int_equal(shi_coop_player_parse("Adaptive(sum)", &p, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "reading of 'Adaptive' must be one of average,total, got 'sum'");
    assert_int_equal(shi_coop_player_parse("Adaptive(0.5)", &p, &err), SHI_EUSAGE);
}

/* Gradual against Defector, 20 turns, traced by hand (turns from 0).
 * Default reading (n = every defection of the opponent so far, the Axelrod
 * library's Gradual): t0 C; t1 D (n = 1), calm t2-t3 C; t4: n = 4, D t4-t7,
 * calm t8-t9; t10: n = 10, D t10-t19.
 * Gradual(original) (n = punishments begun, the library's OriginalGradual):
 * t0 C; t1 D (1), C C; t4-t5 D (2), C C; t8-t10 D (3), C C; t13-t16 D (4),
 * C C; t19 D (5). */
static void gradual_readings(void **state)
{
    (void)state;
    static const unsigned char all[20] = {0, 1, 0, 0, 1, 1, 1, 1, 0, 0,
                                          1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    static const unsigned char orig[20] = {0, 1, 0, 0, 1, 1, 0, 0, 1, 1,
                                           1, 0, 0, 1, 1, 1, 1, 0, 0, 1};
    unsigned char mv[40];
    moves_of("Gradual", "Defector", NULL, 20, mv);
    for (int t = 0; t < 20; t++) {
        assert_int_equal(mv[2 * t], all[t]);
    }
    moves_of("Gradual(original)", "Defector", NULL, 20, mv);
    for (int t = 0; t < 20; t++) {
        assert_int_equal(mv[2 * t], orig[t]);
    }
}

/* Worse And Worse defects with probability t/1000 on 0-based turn t, so its
 * first move is always C and it defects surely from t = 1000; the reading
 * "t+1" (the Axelrod library's) uses (t+1)/1000: a first-move defection with
 * probability 1/1000 and sure defection from t = 999. */
static void worse_readings(void **state)
{
    (void)state;
    static const unsigned char coop[1003] = {0};
    unsigned char me[1003];
    play_script("Worse And Worse(t+1)", coop, 1003, 3, me);
    assert_int_equal(me[999] + me[1000] + me[1001] + me[1002], 4);
    play_script("Worse And Worse", coop, 1003, 3, me);
    assert_int_equal(me[1000] + me[1001] + me[1002], 3);
    long d0 = 0, d1 = 0;
    const long n = 20000;
    for (long s = 0; s < n; s++) {
        play_script("Worse And Worse", coop, 1, (uint64_t)s, me);
        d0 += me[0];
        play_script("Worse And Worse(t+1)", coop, 1, (uint64_t)s, me);
        d1 += me[0];
    }
    assert_int_equal(d0, 0);
    assert_true(d1 > 0 && fabs((double)d1 - 20.0) < 5.0 * sqrt(20.0));
}

/* Champion against the script C C C D D repeated five times (25 turns):
 * C on t0-t9, then Tit for Tat to t24 (the opponent's move of t-1): t10 D,
 * t11-t13 C, t14-t15 D, t16-t18 C, t19-t20 D, t21-t23 C, t24 D. At t25 the
 * opponent has cooperated exactly 15/25 = 60 % and defected last: the default
 * reading (strictly below 60 %) cooperates; Champion(inclusive), the Axelrod
 * library's, defects when a uniform draw is at most the 40 % defection share,
 * so with probability 0.4. */
static void champion_readings(void **state)
{
    (void)state;
    unsigned char opp[26], me[26];
    static const unsigned char want[25] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
                                           0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1};
    for (int t = 0; t < 26; t++) {
        opp[t] = t % 5 >= 3;
    }
    long strict = 0, incl = 0;
    const long n = 2000;
    for (long s = 0; s < n; s++) {
        play_script("Champion", opp, 26, (uint64_t)s, me);
        assert_memory_equal(me, want, 25);
        strict += me[25];
        play_script("Champion(inclusive)", opp, 26, (uint64_t)s, me);
        assert_memory_equal(me, want, 25);
        incl += me[25];
    }
    assert_int_equal(strict, 0);
    assert_true(fabs((double)incl - 0.4 * n) < 5.0 * sqrt(0.24 * n));
}

/* ---- tournament conventions (issue 18) ------------------------------------ */

static void hand_tournament(int self_play, shi_coop_tour *t)
{
    shi_coop_player *pl;
    size_t n;
    shi_err err;
    assert_int_equal(shi_coop_players_parse("Cooperator,Defector,TFT,Grudger", &pl, &n, &err),
                     SHI_OK);
    shi_coop_tour_opts o = {shi_coop_game_default(), 3, self_play, 42, 1, SHI_COOP_AVG_POOLED,
                            SHI_COOP_RANK_MEAN};
    o.game.turns = 10;
    shi_coop_tour_init(t);
    assert_int_equal(shi_coop_tournament(pl, n, &o, t, &err), SHI_OK);
    shi_coop_players_free(pl);
}

/* The hand tournament of tournament_by_hand with self-play. Against itself,
 * over 10 turns: Cooperator 30 + 30, Defector 10 + 10, TFT and Grudger 30 + 30
 * (diagonal 3, 1, 3, 3 per turn). Counted, each player's totals gain both
 * copies over 50 turns: Cooperator (60 + 60)/50 = 2.4, Defector (78 + 20)/50 =
 * 1.96, TFT and Grudger (69 + 60)/50 = 2.58: ranks 3, 4, 1, 1. Axelrod's
 * convention plays the same matches and shows the same diagonal, but the
 * standings are those without self-play: 2.0, 2.6, 2.3, 2.3, ranks 4, 1, 2, 2,
 * and TFT's cooperation 21/30 as before. */
static void self_play_conventions(void **state)
{
    (void)state;
    shi_coop_tour c, a;
    hand_tournament(SHI_COOP_SELF_COUNTED, &c);
    hand_tournament(SHI_COOP_SELF_AXELROD, &a);
    const double diag[4] = {3, 1, 3, 3}, sc[4] = {2.4, 1.96, 2.58, 2.58},
                 sa[4] = {2, 2.6, 2.3, 2.3};
    const long rc[4] = {3, 4, 1, 1}, ra[4] = {4, 1, 2, 2};
    for (size_t i = 0; i < 4; i++) {
        assert_true(fabs(c.payoff[i * 5] - diag[i]) < 1e-12);
        assert_true(fabs(a.payoff[i * 5] - diag[i]) < 1e-12);
        assert_true(fabs(c.score[i] - sc[i]) < 1e-12);
        assert_true(fabs(a.score[i] - sa[i]) < 1e-12);
        assert_int_equal(c.rank[i], rc[i]);
        assert_int_equal(a.rank[i], ra[i]);
    }
    assert_true(fabs(a.coop[2] - 21.0 / 30.0) < 1e-12);
    assert_int_equal(a.wins[1], 9);
    assert_int_equal(a.total_turns, c.total_turns);
    assert_int_equal(a.total_turns, 3 * 10 * 10);
    shi_coop_tour_destroy(&c);
    shi_coop_tour_destroy(&a);
    /* The names the command line takes. */
    int sp = 0;
    shi_err err;
    assert_int_equal(shi_coop_self_play_parse("axelrod", &sp, &err), SHI_OK);
    assert_int_equal(sp, SHI_COOP_SELF_AXELROD);
    assert_int_equal(shi_coop_self_play_parse("yes", &sp, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "self-play must be none, counted or axelrod, got 'yes'");
}

/* TFT against Defector with random lengths: a match of L turns pays TFT
 * L - 1 (S once, then P) and Defector L + 4 (T once, then P). Replaying each
 * repetition's match on its documented stream (r * n + 0) * n + 1 gives the
 * lengths L_r; then pooled = sum (L_r - 1) / sum L_r, per match = the mean of
 * (L_r - 1) / L_r, rep_score[r] = (L_r - 1) / L_r and the median is the middle
 * one of the five. */
static void averaging_and_median(void **state)
{
    (void)state;
    shi_coop_player pl[2] = {player("TFT"), player("Defector")};
    shi_coop_tour_opts o = {shi_coop_game_default(), 5, 0, 99, 2, SHI_COOP_AVG_POOLED,
                            SHI_COOP_RANK_MEAN};
    o.game.delta = 0.6;
    double L[5], sumL = 0, sumL1 = 0, mean = 0, sorted[5];
    for (int r = 0; r < 5; r++) {
        shi_rng rng;
        shi_rng_init(&rng, 99, (uint64_t)r * 2 * 2 + 1);
        shi_coop_match_result m;
        shi_err err;
        assert_int_equal(shi_coop_match(&pl[0], &pl[1], &o.game, &rng, &m, NULL, &err), SHI_OK);
        L[r] = (double)m.turns;
        sumL += L[r];
        sumL1 += L[r] - 1;
        mean += (L[r] - 1) / L[r] / 5;
        sorted[r] = (L[r] - 1) / L[r];
    }
    for (int a = 1; a < 5; a++) { /* insertion sort, for the median */
        for (int b = a; b > 0 && sorted[b - 1] > sorted[b]; b--) {
            double x = sorted[b];
            sorted[b] = sorted[b - 1];
            sorted[b - 1] = x;
        }
    }
    shi_coop_tour p, m;
    shi_err err;
    shi_coop_tour_init(&p);
    shi_coop_tour_init(&m);
    assert_int_equal(shi_coop_tournament(pl, 2, &o, &p, &err), SHI_OK);
    o.averaging = SHI_COOP_AVG_PER_MATCH;
    o.rank_by = SHI_COOP_RANK_MEDIAN;
    assert_int_equal(shi_coop_tournament(pl, 2, &o, &m, &err), SHI_OK);
    assert_true(fabs(p.score[0] - sumL1 / sumL) < 1e-12);
    assert_true(fabs(m.score[0] - mean) < 1e-12);
    assert_true(fabs(m.payoff[1] - mean) < 1e-12);
    assert_true(fabs(p.score[0] - m.score[0]) > 1e-6); /* the lengths differ at this seed */
    for (int r = 0; r < 5; r++) {
        assert_true(fabs(m.rep_score[r] - (L[r] - 1) / L[r]) < 1e-12);
    }
    assert_true(fabs(m.median_score[0] - sorted[2]) < 1e-12);
    assert_int_equal(m.rank[1], 1); /* Defector's median is above TFT's */
    assert_int_equal(m.reps, 5);
    shi_coop_tour_destroy(&p);
    shi_coop_tour_destroy(&m);
}

/* The conventions keep results independent of the thread count. */
static void conventions_threads_invariant(void **state)
{
    (void)state;
    shi_coop_player *pl;
    size_t n;
    shi_err err;
    assert_int_equal(shi_coop_players_parse("all,Adaptive(total),Gradual(original)", &pl, &n, &err),
                     SHI_OK);
    shi_coop_tour_opts o = {
        shi_coop_game_default(), 4, SHI_COOP_SELF_AXELROD, 5, 1, SHI_COOP_AVG_PER_MATCH,
        SHI_COOP_RANK_MEDIAN};
    o.game.delta = 0.95;
    o.game.noise = 0.02;
    shi_coop_tour a, b;
    shi_coop_tour_init(&a);
    shi_coop_tour_init(&b);
    assert_int_equal(shi_coop_tournament(pl, n, &o, &a, &err), SHI_OK);
    o.threads = 2;
    assert_int_equal(shi_coop_tournament(pl, n, &o, &b, &err), SHI_OK);
    assert_true(same_tour(&a, &b));
    assert_memory_equal(a.rep_score, b.rep_score, n * 4 * sizeof(double));
    assert_memory_equal(a.median_score, b.median_score, n * sizeof(double));
    shi_coop_tour_destroy(&a);
    shi_coop_tour_destroy(&b);
    shi_coop_players_free(pl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tft_vs_defector),
        cmocka_unit_test(cooperator_vs_alternator),
        cmocka_unit_test(match_moves),
        cmocka_unit_test(tournament_by_hand),
        cmocka_unit_test(tournament_vs_reference),
        cmocka_unit_test(same_seed_same_result),
        cmocka_unit_test(threads_invariant),
        cmocka_unit_test(invalid_payoffs),
        cmocka_unit_test(strategy_names),
        cmocka_unit_test(strategy_table),
        cmocka_unit_test(delta_length),
        cmocka_unit_test(noise_rate),
        cmocka_unit_test(thresholds),
        cmocka_unit_test(threshold_simulated),
        cmocka_unit_test(replicator_step),
        cmocka_unit_test(moran_neutral),
        cmocka_unit_test(moran_defectors),
        cmocka_unit_test(joss_first_move),
        cmocka_unit_test(zd_vectors),
        cmocka_unit_test(adaptive_readings),
        cmocka_unit_test(gradual_readings),
        cmocka_unit_test(worse_readings),
        cmocka_unit_test(champion_readings),
        cmocka_unit_test(self_play_conventions),
        cmocka_unit_test(averaging_and_median),
        cmocka_unit_test(conventions_threads_invariant),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
