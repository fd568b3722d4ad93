/*
 * test_coop_dyad.c - the prisoner's dilemma calibrated from a pair's data.
 */
#include "test_util.h"

#include <math.h>

#include <shi/coop_dyad.h>
#include <shi/data.h>

static void russia_china(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    shi_coop_dyad c;
    assert_int_equal(shi_coop_dyad_calibrate(&c, &d, NULL, 365, 710, 2010, &err), SHI_OK);
    /* The mapping of docs/coop.md, recomputed from the calibration's inputs. */
    double dd = fmin(1.0, c.trade_dep / 0.1);
    assert_true(fabs(c.payoffs.R - (3 + 2 * dd)) < 1e-12);
    assert_true(fabs(c.payoffs.T - c.payoffs.R - 2) < 1e-12);
    assert_true(c.payoffs.P == 1 && c.payoffs.S == 0);
    assert_true(fabs(c.k - (c.threat_ab + c.threat_ba) / 2) < 1e-12);
    double h = (c.alliance / 3 + (c.similarity + 1) / 2 + c.peace) / 3;
    assert_true(fabs(c.delta - (0.5 + 0.45 * h)) < 1e-12);
    /* Grim trigger with relative gains (Grieco utilities): T' = T + k(T - S),
     * threshold (T' - R) / (T' - P). */
    double Tp = c.payoffs.T + c.k * (c.payoffs.T - c.payoffs.S);
    assert_true(fabs(c.thr.grim - (Tp - c.payoffs.R) / (Tp - c.payoffs.P)) < 1e-12);
    /* Each rule's margin is delta minus its threshold (read from c.thr field by
     * field), and it is sustainable when the margin is not negative. */
    const double thr[SHI_COOP_RULE_N] = {c.thr.grim, c.thr.tft_alld, c.thr.tft_alt, c.thr.tft};
    for (int r = 0; r < SHI_COOP_RULE_N; r++) {
        assert_true(c.margin[r] == c.delta - thr[r]);
        assert_int_equal(c.sustainable[r], c.delta >= thr[r]);
    }
    /* 2009 had a dispute (hostility 4): 9 of the 10 years 2001-2010 were calm. */
    assert_true(fabs(c.peace - 0.9) < 1e-12);
    assert_true(c.delta > 0.5 && c.delta < 0.95);
    /* Ukraine in 1985 was not a state: a clear error. */
    assert_int_equal(shi_coop_dyad_calibrate(&c, &d, NULL, 369, 710, 1985, &err), SHI_EDATA);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(russia_china)};
    return shi_run_group_tests(tests, NULL, NULL);
}
