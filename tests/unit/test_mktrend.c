/*
 * test_mktrend.c - the Mann-Kendall test with Sen's slope (shi/mktrend.h).
 *
 * Reference values by hand (Mann 1945; Kendall 1975's tie correction; Sen
 * 1968; Gilbert 1987's interval), with erfc from Python's math module:
 *   x = 1 2 2 4 3 at t = 1..5: S = 4 + 2 + 2 - 1 = 7; one tie of two values,
 *   Var S = (5*4*15 - 2*1*9)/18 = 15.6667; Z = (7 - 1)/sqrt(15.6667) = 1.515873;
 *   p = erfc(Z/sqrt 2) = 0.129551. The ten pairwise slopes sorted are
 *   -1 0 1/3 .5 .5 .5 1 1 1 2: Sen's slope 0.5; C = 1.96 sqrt(15.6667) = 7.758,
 *   ranks (10 - C)/2 = 1.12 -> 1 and (10 + C)/2 + 1 = 9.88 -> 10: [-1, 2].
 *   x = t (10 values, no ties): S = 45, Var S = 10*9*25/18 = 125,
 *   Z = 44/sqrt(125) = 3.935480, p = 8.30307e-05, Sen's slope 1.
 */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include <math.h>

#include <shi/mktrend.h>

static void hand_example(void **state)
{
    (void)state;
    const double t[5] = {1, 2, 3, 4, 5}, x[5] = {1, 2, 2, 4, 3};
    shi_mk r;
    shi_err err = {0};
    assert_int_equal(shi_mk_test(t, x, 5, &r, &err), SHI_OK);
    assert_int_equal(r.n, 5);
    assert_true(r.s == 7);
    assert_true(fabs(r.var_s - 15.666666666666666) < 1e-12);
    assert_true(fabs(r.z - 1.5158734579197342) < 1e-12);
    assert_true(fabs(r.p - 0.1295513529044089) < 1e-12);
    assert_true(r.sen == 0.5 && r.sen_lo == -1 && r.sen_hi == 2);
}

static void monotone_and_missing(void **state)
{
    (void)state;
    double t[12], x[12];
    for (int i = 0; i < 12; i++) {
        t[i] = 1990 + i;
        x[i] = i;
    }
    /* Two missing values: the ten others are x = t - 1990 (shifted), no ties. */
    x[3] = (double)NAN;
    x[7] = (double)NAN;
    shi_mk r;
    shi_err err = {0};
    assert_int_equal(shi_mk_test(t, x, 12, &r, &err), SHI_OK);
    assert_int_equal(r.n, 10);
    assert_true(r.s == 45 && r.var_s == 125);
    assert_true(fabs(r.z - 3.9354796403996297) < 1e-12);
    assert_true(fabs(r.p - 8.303070332644999e-05) < 1e-15);
    assert_true(r.sen == 1);
    /* Reversed: the same test with the signs changed. */
    for (int i = 0; i < 12; i++) {
        x[i] = -x[i];
    }
    assert_int_equal(shi_mk_test(t, x, 12, &r, &err), SHI_OK);
    assert_true(r.s == -45 && fabs(r.z + 3.9354796403996297) < 1e-12 && r.sen == -1);
}

static void degenerate(void **state)
{
    (void)state;
    const double t[4] = {1, 2, 3, 4}, x[4] = {2, (double)NAN, 2, (double)NAN};
    const double c[4] = {5, 5, 5, 5};
    shi_mk r;
    shi_err err = {0};
    /* Fewer than 3 values: everything NaN. */
    assert_int_equal(shi_mk_test(t, x, 4, &r, &err), SHI_OK);
    assert_int_equal(r.n, 2);
    assert_true(isnan(r.s) && isnan(r.p) && isnan(r.sen));
    /* A constant series: S = 0, Var S = 0 (all tied), no trend (p = 1), slope 0. */
    assert_int_equal(shi_mk_test(t, c, 4, &r, &err), SHI_OK);
    assert_true(r.s == 0 && r.var_s == 0 && r.p == 1 && r.sen == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_example),
        cmocka_unit_test(monotone_and_missing),
        cmocka_unit_test(degenerate),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
