/*
 * test_coop_svg.c - SVG charts of the cooperation module (src/output/coop_svg.c):
 * each builder on a small deterministic input (a 4-strategy tournament with
 * 10 turns and seed 1, whose scores are worked out by hand in test_coop.c;
 * synthetic Moran counts; a replicator run over every strategy), checking
 * names, the number of bars/lines/cells, the reading, no "nan"/"inf", and
 * well-formed XML (the checker in test_util.h, shared with test_svg.c). The --svg
 * option's atomic write is pinned by tests/golden/coop_svg_*.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/coop.h>
#include <shi/coop_svg.h>
#include <shi/svg.h>

/* ---- helpers ------------------------------------------------------------------------ */

static size_t count(const char *s, const char *sub)
{
    size_t n = 0;
    for (const char *p = strstr(s, sub); p; p = strstr(p + 1, sub)) {
        n++;
    }
    return n;
}

/* Render c (then free it) to a malloc'd string; checks that it is well-formed
 * and deterministic and has no "nan" or "inf" in any case. */
static char *render(shi_svg_chart *c)
{
    shi_svg_buf b = {0}, b2 = {0};
    shi_err err = {0};
    assert_non_null(c);
    assert_int_equal(shi_svg_render(c, &b, &err), SHI_OK);
    assert_int_equal(shi_svg_render(c, &b2, &err), SHI_OK);
    assert_string_equal(b.data, b2.data);
    shi_svg_buf_free(&b2);
    shi_svg_free(c);
    char why[200] = "";
    if (!xml_well_formed(b.data, why, sizeof why)) {
        fprintf(stderr, "not well-formed: %s\n%s\n", why, b.data);
        fail();
    }
    for (char *p = b.data; *p; p++) {
        assert_false((p[0] == 'n' || p[0] == 'N') && (p[1] == 'a' || p[1] == 'A') &&
                     (p[2] == 'n' || p[2] == 'N'));
        assert_false((p[0] == 'i' || p[0] == 'I') && (p[1] == 'n' || p[1] == 'N') &&
                     (p[2] == 'f' || p[2] == 'F'));
    }
    return b.data;
}

/* The players of `list` (malloc'd) and their count. */
static shi_coop_player *players(const char *list, size_t *n)
{
    shi_coop_player *pl = NULL;
    shi_err err = {0};
    assert_int_equal(shi_coop_players_parse(list, &pl, n, &err), SHI_OK);
    return pl;
}

static void tournament(const shi_coop_player *pl, size_t n, int self_play, double delta,
                       double noise, shi_coop_tour *t)
{
    shi_coop_tour_opts o;
    memset(&o, 0, sizeof o);
    o.game = shi_coop_game_default();
    o.game.turns = 10;
    o.game.delta = delta;
    o.game.noise = noise;
    o.reps = 2;
    o.self_play = self_play;
    o.seed = 1;
    o.threads = 1;
    shi_err err = {0};
    shi_coop_tour_init(t);
    assert_int_equal(shi_coop_tournament(pl, n, &o, t, &err), SHI_OK);
}

#define FOUR "Cooperator,Defector,Tit For Tat,Grudger"

/* ---- tournament ------------------------------------------------------------------------ */

/* By hand (test_coop.c, 10 turns, no self-play, per turn over 30 turns each):
 * Defector 78/30 = 2.60 (1.4 against TFT and Grudger, 5 against Cooperator),
 * TFT and Grudger 69/30 = 2.30 (0.9 .. 3), Cooperator 60/30 = 2.00 (0 .. 3). */
static void test_tournament(void **state)
{
    (void)state;
    size_t n;
    shi_coop_player *pl = players(FOUR, &n);
    shi_coop_tour t;
    tournament(pl, n, 0, 0.0, 0.0, &t);
    shi_svg_chart *c = NULL;
    shi_err err = {0};
    assert_int_equal(shi_coop_svg_tournament(&t, pl, &c, &err), SHI_OK);
    char *s = render(c);
    assert_non_null(strstr(s, ">Tournament standings</text>"));
    assert_non_null(strstr(s, "Defector ranks first with 2.60 points per turn"));
    assert_int_equal(count(s, "fill=\"#0072b2\"/>"), 4);         /* four bars */
    assert_int_equal(count(s, "stroke-width=\"1.5\" d=\"M"), 4); /* four whiskers */
    assert_non_null(strstr(s, ">2.60 [1.40, 5.00]</text>"));
    assert_int_equal(count(s, ">2.30 [0.90, 3.00]</text>"), 2);
    assert_non_null(strstr(s, ">2.00 [0.00, 3.00]</text>"));
    assert_non_null(strstr(s, "points per turn (whiskers: against the worst and the best"));
    /* Sorted by rank: Defector above Tit For Tat above Grudger above Cooperator. */
    const char *d = strstr(s, ">Defector</text>"), *tf = strstr(s, ">Tit For Tat</text>");
    const char *g = strstr(s, ">Grudger</text>"), *co = strstr(s, ">Cooperator</text>");
    assert_true(d && tf && g && co && d < tf && tf < g && g < co);
    free(s);
    shi_coop_tour_destroy(&t);
    shi_coop_players_free(pl);
}

/* Two reciprocators alone tie for first at 3 points per turn; with relative
 * gains the axis says utility. */
static void test_tournament_tie(void **state)
{
    (void)state;
    size_t n;
    shi_coop_player *pl = players("Cooperator,TFT", &n);
    shi_coop_tour t;
    tournament(pl, n, 0, 0.0, 0.0, &t);
    shi_svg_chart *c = NULL;
    shi_err err = {0};
    assert_int_equal(shi_coop_svg_tournament(&t, pl, &c, &err), SHI_OK);
    char *s = render(c);
    assert_non_null(
        strstr(s, "Cooperator and 1 other strategy tie for first with 3.00 points per turn"));
    free(s);
    /* Relative gains: scores are utilities. */
    t.score[0] += 0.5;
    assert_int_equal(shi_coop_svg_tournament(&t, pl, &c, &err), SHI_OK);
    s = render(c);
    assert_non_null(strstr(s, "utility per turn, relative gains"));
    free(s);
    shi_coop_tour_destroy(&t);
    shi_coop_players_free(pl);
}

/* ---- Moran ----------------------------------------------------------------------------- */

static void test_moran(void **state)
{
    (void)state;
    size_t n;
    shi_coop_player *pl = players(FOUR, &n);
    shi_svg_chart *c = NULL;
    shi_err err = {0};
    /* Equal start (N = 20, 5 each): neutral fixation 0.25 for every type. */
    const long fixed[5] = {1, 6, 3, 0, 0}, five[4] = {5, 5, 5, 5};
    shi_coop_moran_opts o = {20, NULL, 1.0, 1000, 10, 1, 1};
    long start[4];
    shi_coop_moran_start(&o, n, start);
    assert_memory_equal(start, five, sizeof five);
    assert_int_equal(shi_coop_svg_moran(pl, n, &o, start, fixed, 123.4, &c, &err), SHI_OK);
    char *s = render(c);
    assert_non_null(strstr(s, "Defector fixed in 6 of 10 runs (0.60); neutral drift would fix it "
                              "with probability 0.25, its initial share (1/N = 0.05"));
    assert_non_null(strstr(s, "took 123 steps on average"));
    assert_int_equal(count(s, "fill=\"#0072b2\"/>"), 4); /* Grudger's bar has width 0 */
    assert_non_null(strstr(s, ">0.00</text>"));
    assert_int_equal(count(s, "&gt;</text>"), 0);
    const char *d = strstr(s, ">Defector</text>"), *tf = strstr(s, ">Tit For Tat</text>");
    const char *co = strstr(s, ">Cooperator</text>"), *g = strstr(s, ">Grudger</text>");
    assert_true(d && tf && co && g && d < tf && tf < co && co < g);
    assert_null(strstr(s, "not fixed"));
    assert_null(strstr(s, "(neutral"));
    free(s);

    /* A single mutant TFT among 9 Defectors; two runs hit max_steps. */
    const long init[4] = {0, 9, 1, 0}, fixed2[5] = {0, 7, 1, 0, 2};
    shi_coop_moran_opts o2 = {10, init, 1.0, 500, 10, 1, 1};
    assert_int_equal(shi_coop_svg_moran(pl, n, &o2, init, fixed2, 42.0, &c, &err), SHI_OK);
    s = render(c);
    assert_non_null(strstr(s, ">Tit For Tat (neutral 0.10)</text>"));
    assert_non_null(strstr(s, ">Defector (neutral 0.90)</text>"));
    assert_non_null(strstr(s, ">not fixed in 500 steps</text>"));
    assert_int_equal(count(s, "fill=\"#0072b2\"/>"), 5); /* four types (two at 0) and "not fixed" */
    free(s);

    /* No run fixed. */
    const long none[5] = {0, 0, 0, 0, 10};
    assert_int_equal(shi_coop_svg_moran(pl, n, &o, start, none, (double)NAN, &c, &err), SHI_OK);
    s = render(c);
    assert_non_null(strstr(s, "No type fixed within 1000 steps in any of 10 runs"));
    free(s);

    /* The real process over the hand tournament's payoffs, with self-play. */
    shi_coop_tour t;
    tournament(pl, n, 1, 0.0, 0.0, &t);
    long fx[5];
    double steps, share[4];
    shi_coop_moran_opts o3 = {12, NULL, 1.0, 100000, 8, 1, 1};
    assert_int_equal(shi_coop_moran(t.utility, n, &o3, fx, &steps, share, &err), SHI_OK);
    long start3[4];
    shi_coop_moran_start(&o3, n, start3);
    assert_int_equal(shi_coop_svg_moran(pl, n, &o3, start3, fx, steps, &c, &err), SHI_OK);
    s = render(c);
    for (size_t i = 0; i < n; i++) {
        assert_non_null(strstr(s, pl[i].name));
    }
    free(s);
    shi_coop_tour_destroy(&t);

    assert_int_equal(shi_coop_svg_moran(pl, 0, &o, start, fixed, 1.0, &c, &err), SHI_EUSAGE);
    assert_null(c);
    shi_coop_players_free(pl);
}

/* ---- replicator ------------------------------------------------------------------------ */

static void test_replicator(void **state)
{
    (void)state;
    size_t n;
    shi_coop_player *pl = players(FOUR, &n);
    shi_coop_tour t;
    tournament(pl, n, 1, 0.0, 0.0, &t);
    const long gens = 40;
    double traj[41 * 4];
    shi_err err = {0};
    assert_int_equal(shi_coop_replicator(t.utility, n, NULL, gens, traj, &err), SHI_OK);
    shi_svg_chart *c = NULL;
    assert_int_equal(shi_coop_svg_replicator(pl, n, traj, gens, &c, &err), SHI_OK);
    char *s = render(c);
    assert_int_equal(count(s, "stroke-linejoin=\"round\" d=\"M"), 4); /* four lines */
    for (size_t i = 0; i < n; i++) {
        char want[80];
        snprintf(want, sizeof want, ">%s</text>", pl[i].name);
        assert_non_null(strstr(s, want));
    }
    assert_non_null(strstr(s, ">population share</text>"));
    assert_non_null(strstr(s, ">generation</text>"));
    assert_non_null(strstr(s, "After 40 generations "));
    /* Tit For Tat and Grudger play alike here: level at the top. */
    assert_non_null(strstr(s, "Tit For Tat and Grudger hold "));
    assert_non_null(strstr(s, "% of the population each."));
    assert_null(strstr(s, "others"));
    free(s);
    shi_coop_tour_destroy(&t);
    shi_coop_players_free(pl);

    /* Every strategy: more than 8, so 7 lines and "others". Thinned: 2500
     * generations become every 3rd (834 points) and the last. */
    pl = players("all", &n);
    assert_true(n > SHI_COOP_SVG_MAX_LINES);
    tournament(pl, n, 1, 0.0, 0.0, &t);
    const long g2 = 2500;
    double *tr = malloc((size_t)(g2 + 1) * n * sizeof *tr);
    assert_non_null(tr);
    assert_int_equal(shi_coop_replicator(t.utility, n, NULL, g2, tr, &err), SHI_OK);
    assert_int_equal(shi_coop_svg_replicator(pl, n, tr, g2, &c, &err), SHI_OK);
    s = render(c);
    assert_int_equal(count(s, "stroke-linejoin=\"round\" d=\"M"), SHI_COOP_SVG_MAX_LINES);
    char want[64];
    snprintf(want, sizeof want, ">others (%zu strategies)</text>",
             n - (SHI_COOP_SVG_MAX_LINES - 1));
    assert_non_null(strstr(s, want));
    const char *path = strstr(s, "stroke-linejoin=\"round\" d=\"M");
    const char *pend = strstr(path, "\"/>");
    assert_int_equal(count(path, " L") - count(pend, " L"), 834);
    free(s);
    free(tr);
    shi_coop_tour_destroy(&t);

    assert_int_equal(shi_coop_svg_replicator(pl, n, traj, -1, &c, &err), SHI_EUSAGE);
    assert_null(c);
    shi_coop_players_free(pl);
}

/* ---- sweep ------------------------------------------------------------------------- */

static void test_sweep(void **state)
{
    (void)state;
    size_t n;
    shi_coop_player *pl = players(FOUR, &n);
    const double deltas[3] = {0.0, 0.5, 0.9}, noises[2] = {0.0, 0.05};
    shi_coop_tour grid[6];
    for (size_t e = 0; e < 2; e++) {
        for (size_t d = 0; d < 3; d++) {
            tournament(pl, n, 0, deltas[d], noises[e], &grid[e * 3 + d]);
        }
    }
    shi_svg_chart *c = NULL;
    shi_err err = {0};
    assert_int_equal(
        shi_coop_svg_sweep(grid, pl, deltas, 3, noises, 2, SHI_COOP_SVG_COOPERATION, &c, &err),
        SHI_OK);
    char *s = render(c);
    assert_int_equal(count(s, "</title></rect>"), 6); /* six cells */
    assert_non_null(strstr(s, ">\xce\xb5 = 0</text>"));
    assert_non_null(strstr(s, ">\xce\xb5 = 0.05</text>"));
    assert_non_null(strstr(s, "\xce\xb4: 0, 0.5, 0.9 (0 = fixed length)"));
    assert_non_null(strstr(s, "Cooperation (share of turns, mean over the strategies) is highest"));
    /* Fixed length, no noise: the hand tournament, mean cooperation
     * (1 + 0 + 0.7 + 0.7) / 4 = 60% (TFT and Grudger cooperate 21 of 30 turns). */
    assert_non_null(strstr(s, "\xce\xb5 = 0, 0.0: 60.0%</title>"));
    free(s);

    assert_int_equal(
        shi_coop_svg_sweep(grid, pl, deltas, 3, noises, 2, SHI_COOP_SVG_WINNER, &c, &err), SHI_OK);
    s = render(c);
    assert_int_equal(count(s, "</title></rect>"), 6);
    assert_non_null(strstr(s, "winner&#39;s score (points per turn)"));
    assert_non_null(strstr(s, "\xce\xb5 = 0, 0.0: 2.60</title>"));
    free(s);

    assert_int_equal(
        shi_coop_svg_sweep(grid, pl, deltas, 0, noises, 2, SHI_COOP_SVG_WINNER, &c, &err),
        SHI_EUSAGE);
    assert_null(c);
    for (size_t i = 0; i < 6; i++) {
        shi_coop_tour_destroy(&grid[i]);
    }
    shi_coop_players_free(pl);
}

static void test_errors(void **state)
{
    (void)state;
    shi_coop_tour t;
    shi_coop_tour_init(&t);
    shi_svg_chart *c = NULL;
    shi_err err = {0};
    assert_int_equal(shi_coop_svg_tournament(&t, NULL, &c, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "coop svg: the tournament has no players");
    assert_null(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tournament), cmocka_unit_test(test_tournament_tie),
        cmocka_unit_test(test_moran),      cmocka_unit_test(test_replicator),
        cmocka_unit_test(test_sweep),      cmocka_unit_test(test_errors),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
