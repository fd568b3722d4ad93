/*
 * test_coop_stability.c - the stability rules of cooperation, the delta grid,
 * sweeps over delta and noise, one turn's payoff and shares in rank order.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/coop.h>

/* One turn with Axelrod's 5,3,1,0: CC 3, CD 0 (the sucker), DC 5, DD 1. */
static void payoff_by_hand(void **state)
{
    (void)state;
    shi_coop_payoffs p = shi_coop_payoffs_default();
    assert_true(shi_coop_payoff(&p, SHI_COOP_C, SHI_COOP_C) == 3);
    assert_true(shi_coop_payoff(&p, SHI_COOP_C, SHI_COOP_D) == 0);
    assert_true(shi_coop_payoff(&p, SHI_COOP_D, SHI_COOP_C) == 5);
    assert_true(shi_coop_payoff(&p, SHI_COOP_D, SHI_COOP_D) == 1);
}

/* Step 0.25: 0.25, 0.5, 0.75 (1 is not in the grid). Step 0.01: 0.01..0.99,
 * 99 points, the 67th exactly 0.67 (not 67 * 0.01 = 0.67000000000000004). */
static void delta_grid_by_hand(void **state)
{
    (void)state;
    shi_coop_grid g = {0};
    shi_err err = {0};
    assert_int_equal(shi_coop_delta_grid(0.25, &g, &err), SHI_OK);
    assert_int_equal(g.n, 3);
    assert_true(g.v[0] == 0.25 && g.v[1] == 0.5 && g.v[2] == 0.75);
    assert_int_equal(shi_coop_delta_grid(0.01, &g, &err), SHI_OK);
    assert_int_equal(g.n, 99);
    assert_true(g.v[66] == 0.67);
    assert_true(g.v[98] == 0.99);
    assert_int_equal(shi_coop_delta_grid(0.0001, &g, &err), SHI_EUSAGE);
    assert_int_equal(g.n, 0);
    shi_coop_grid_free(&g);
    assert_null(g.v);
}

/* Analytic thresholds by hand (docs/coop.md). With 5,3,1,0 and k = 0:
 * grim = TFT vs ALLD = (5 - 3) / (5 - 1) = 0.5, TFT vs alternation =
 * (5 - 3) / (3 - 0) = 2/3, TFT = max = 2/3. With k = 0.5: T' = 5 + 0.5 x 5 =
 * 7.5, S' = 0 - 2.5 = -2.5, grim = 4.5 / 6.5 = 9/13, alternation = 4.5 / 5.5 =
 * 9/11. The simulated thresholds are those of shi_coop_threshold_simulate
 * called directly with the rule's players, and lie within two grid steps of
 * the analytic ones (500 samples). */
static void stability_by_hand(void **state)
{
    (void)state;
    shi_coop_game g = shi_coop_game_default();
    g.k = 0.5;
    shi_coop_grid grid = {0};
    shi_err err = {0};
    assert_int_equal(shi_coop_delta_grid(0.05, &grid, &err), SHI_OK);
    shi_coop_stability st;
    assert_int_equal(shi_coop_stability_compute(&g, &grid, 500, 1, 1, &st, &err), SHI_OK);
    const double k0[4] = {0.5, 0.5, 2.0 / 3, 2.0 / 3},
                 k5[4] = {9.0 / 13, 9.0 / 13, 9.0 / 11, 9.0 / 11};
    const char *inc[4] = {"Grudger", "Tit For Tat", "Tit For Tat", "Tit For Tat"};
    const char *dev[4] = {"Defector", "Defector", "Cycler DC", "Defector, Cycler DC"};
    for (int r = 0; r < SHI_COOP_RULE_N; r++) {
        const shi_coop_stability_row *x = &st.row[r];
        assert_int_equal(x->rule, r);
        assert_true(fabs(x->analytic_k0 - k0[r]) < 1e-12);
        assert_true(fabs(x->analytic - k5[r]) < 1e-12);
        assert_string_equal(x->incumbent.name, inc[r]);
        assert_string_equal(x->deviants, dev[r]);
        assert_int_equal(x->ndev, r == SHI_COOP_RULE_TFT ? 2 : 1);
        double sim;
        assert_int_equal(shi_coop_threshold_simulate(&x->incumbent, x->dev, x->ndev, &g, grid.v,
                                                     grid.n, 500, 1, 1, &sim, NULL, &err),
                         SHI_OK);
        assert_true(sim == x->simulated);
        assert_true(fabs(x->simulated - x->analytic) <= 0.1 + 1e-9);
    }
    shi_coop_thresholds th;
    assert_int_equal(shi_coop_thresholds_compute(&g.pay, 0.5, &th, &err), SHI_OK);
    assert_true(shi_coop_rule_threshold(&th, SHI_COOP_RULE_TFT_ALT) == th.tft_alt);
    g.pay.R = 6; /* 2R > T + S still, but R > T: no dilemma */
    assert_int_equal(shi_coop_stability_compute(&g, &grid, 500, 1, 1, &st, &err), SHI_EUSAGE);
    shi_coop_grid_free(&grid);
}

/* Every cell of a sweep is the tournament played directly with its delta
 * and noise; a bad delta fails the sweep and leaves it empty. */
static void sweep_matches_tournaments(void **state)
{
    (void)state;
    shi_coop_player *pl;
    size_t n;
    shi_err err = {0};
    assert_int_equal(shi_coop_players_parse("TFT,Defector,Grudger", &pl, &n, &err), SHI_OK);
    shi_coop_tour_opts o = {shi_coop_game_default(), 2, 0, 5, 1, SHI_COOP_AVG_POOLED,
                            SHI_COOP_RANK_MEAN};
    o.game.turns = 20;
    const double dv[2] = {0, 0.9}, ev[2] = {0, 0.05};
    shi_coop_sweep_result sw;
    assert_int_equal(shi_coop_sweep(pl, n, &o, dv, 2, ev, 2, &sw, &err), SHI_OK);
    assert_int_equal(sw.nd, 2);
    assert_int_equal(sw.ne, 2);
    for (size_t e = 0; e < 2; e++) {
        for (size_t d = 0; d < 2; d++) {
            shi_coop_tour_opts oc = o;
            oc.game.delta = dv[d];
            oc.game.noise = ev[e];
            shi_coop_tour t;
            shi_coop_tour_init(&t);
            assert_int_equal(shi_coop_tournament(pl, n, &oc, &t, &err), SHI_OK);
            const shi_coop_tour *c = &sw.tour[e * 2 + d];
            assert_memory_equal(c->score, t.score, n * sizeof *t.score);
            assert_memory_equal(c->rank, t.rank, n * sizeof *t.rank);
            assert_int_equal(c->total_turns, t.total_turns);
            shi_coop_tour_destroy(&t);
        }
    }
    shi_coop_sweep_free(&sw);
    const double bad[2] = {0.5, 1.5};
    assert_int_equal(shi_coop_sweep(pl, n, &o, bad, 2, ev, 1, &sw, &err), SHI_EUSAGE);
    assert_null(sw.tour);
    shi_coop_players_free(pl);
}

/* Shares 0.2, 0.5, 0.2, 0.1: largest first, the tie in input order. */
static void order_by_share(void **state)
{
    (void)state;
    const double x[4] = {0.2, 0.5, 0.2, 0.1};
    size_t ord[4];
    shi_coop_order_by_share(x, 4, ord);
    assert_int_equal(ord[0], 1);
    assert_int_equal(ord[1], 0);
    assert_int_equal(ord[2], 2);
    assert_int_equal(ord[3], 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(payoff_by_hand),    cmocka_unit_test(delta_grid_by_hand),
        cmocka_unit_test(stability_by_hand), cmocka_unit_test(sweep_matches_tournaments),
        cmocka_unit_test(order_by_share),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
