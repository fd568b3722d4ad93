/*
 * test_unitroot.c - ADF and KPSS (include/shi/unitroot.h).
 *
 * Where the reference values come from:
 *  - critical values: Fuller (1976), Table 8.5.2, as reprinted in Hamilton
 *    (1994), Time Series Analysis, Table B.6 (cases 2 and 4, the tau
 *    statistic); MacKinnon's (2010) response surfaces are a refinement of
 *    those simulations, so they must agree to about the tables' precision;
 *  - p values: MacKinnon's (1994) polynomials are a separate publication from
 *    the 2010 critical values, so p(asymptotic critical value) must give back
 *    the level;
 *  - statistics on a fixed series: the ADF regressions and the KPSS sums
 *    evaluated in exact rational arithmetic (Python's fractions module, normal
 *    equations by Gauss-Jordan), independently of src/models/unitroot.c;
 *  - KPSS by hand on 1..5 (worked below);
 *  - size and power by simulation (5000 / 1000 seeded replications).
 */
#include "test_util.h"

#include <math.h>

#include <shi/rng.h>
#include <shi/unitroot.h>

/* |got - want| <= tol, in double (cmocka's assert_float_equal works in float). */
static void assert_near(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol)) {
        fail_msg("got %.17g, want %.17g (tolerance %g)", got, want, tol);
    }
}

static double gauss(shi_rng *r)
{
    double u = shi_rng_uniform(r), v = shi_rng_uniform(r);
    if (u < 1e-300) {
        u = 1e-300;
    }
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* Fuller's tau tables (Hamilton Table B.6): n, then 1%, 5%, 10%. */
static void critical_values_match_fuller(void **state)
{
    (void)state;
    static const double c[4][4] = {{25, -3.75, -3.00, -2.63},
                                   {50, -3.58, -2.93, -2.60},
                                   {100, -3.51, -2.89, -2.58},
                                   {250, -3.46, -2.88, -2.57}};
    static const double ct[4][4] = {{25, -4.38, -3.60, -3.24},
                                    {50, -4.15, -3.50, -3.18},
                                    {100, -4.04, -3.45, -3.15},
                                    {250, -3.99, -3.43, -3.13}};
    const double lv[3] = {0.01, 0.05, 0.10};
    for (int r = 0; r < 4; r++) {
        for (int i = 0; i < 3; i++) {
            assert_near(shi_adf_crit(SHI_UR_CONST, lv[i], (size_t)c[r][0]), c[r][i + 1], 0.04);
            assert_near(shi_adf_crit(SHI_UR_TREND, lv[i], (size_t)ct[r][0]), ct[r][i + 1], 0.04);
        }
    }
    /* Asymptotic values (T -> infinity): the b_inf of MacKinnon (2010). */
    assert_near(shi_adf_crit(SHI_UR_CONST, 0.05, 100000000), -2.86154, 1e-6);
    assert_near(shi_adf_crit(SHI_UR_TREND, 0.01, 100000000), -3.95877, 1e-6);
    assert_true(isnan(shi_adf_crit(SHI_UR_CONST, 0.02, 50)));
}

static void p_values_give_back_the_levels(void **state)
{
    (void)state;
    const double lv[3] = {0.01, 0.05, 0.10};
    for (int d = 0; d < 2; d++) {
        for (int i = 0; i < 3; i++) {
            double cv = shi_adf_crit((shi_ur_det)d, lv[i], 100000000);
            assert_near(shi_adf_pvalue((shi_ur_det)d, cv), lv[i], 0.004);
        }
    }
    assert_near(shi_adf_pvalue(SHI_UR_CONST, 3.0), 1.0, 0);
    assert_near(shi_adf_pvalue(SHI_UR_CONST, -30.0), 0.0, 0);
    /* continuous where the two polynomials meet (tau* = -1.61 and -2.89) */
    assert_near(shi_adf_pvalue(SHI_UR_CONST, -1.6100001), shi_adf_pvalue(SHI_UR_CONST, -1.6099999),
                0.002);
    assert_near(shi_adf_pvalue(SHI_UR_TREND, -2.8900001), shi_adf_pvalue(SHI_UR_TREND, -2.8899999),
                0.002);
}

/* A trending series with "high entropy" values (GSL's advice). */
static const double X20[20] = {2.385, 3.017, 2.641, 3.902, 4.455,  3.870, 4.990,
                               5.612, 5.101, 6.334, 6.020, 7.245,  6.811, 7.903,
                               8.442, 8.017, 9.310, 9.004, 10.221, 10.870};

static void adf_statistic_matches_exact_arithmetic(void **state)
{
    (void)state;
    /* det, lag, nobs, tau from exact rational arithmetic */
    static const struct {
        shi_ur_det det;
        int lag;
        size_t nobs;
        double tau;
    } ref[4] = {{SHI_UR_CONST, 0, 19, -0.25494426410741244},
                {SHI_UR_CONST, 1, 18, 0.6857663275795729},
                {SHI_UR_TREND, 0, 19, -6.874302740721352},
                {SHI_UR_TREND, 1, 18, -4.814571789734991}};
    shi_err err = {0};
    for (int i = 0; i < 4; i++) {
        shi_adf a;
        assert_int_equal(shi_adf_test(X20, 20, ref[i].det, ref[i].lag, &a, &err), SHI_OK);
        assert_int_equal(a.lag, ref[i].lag);
        assert_int_equal(a.nobs, ref[i].nobs);
        assert_near(a.stat, ref[i].tau, 1e-9);
        assert_near(a.crit[1], shi_adf_crit(ref[i].det, 0.05, ref[i].nobs), 0);
    }
    /* Around a trend the series is clearly stationary; around a level it is not. */
    shi_adf a;
    assert_int_equal(shi_adf_test(X20, 20, SHI_UR_TREND, 0, &a, &err), SHI_OK);
    assert_true(a.stat < a.crit[0] && a.p < 0.01);
    /* Automatic lag: one of 0..floor(4 (20/100)^(1/4)) = 0..2. */
    assert_int_equal(shi_adf_test(X20, 20, SHI_UR_CONST, -1, &a, &err), SHI_OK);
    assert_true(a.lag >= 0 && a.lag <= 2);
}

static void kpss_matches_exact_arithmetic_and_hand(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_kpss k;
    static const double ref[2][3] = {{1.9373193467435108, 1.0779144955203928, 0.7729096307179266},
                                     {0.051997793226607, 0.10256309247647229, 0.13876237897814758}};
    for (int d = 0; d < 2; d++) {
        for (int l = 0; l < 3; l++) {
            assert_int_equal(shi_kpss_test(X20, 20, (shi_ur_det)d, l, &k, &err), SHI_OK);
            assert_near(k.stat, ref[d][l], 1e-12);
        }
    }
    /* By hand, x = 1..5 around its mean 3: e = -2 -1 0 1 2, partial sums
     * -2 -3 -3 -2 0, sum S^2 = 26; s^2(0) = 10/5 = 2, eta = 26 / (25 * 2) =
     * 0.52; lag 1: sum e_t e_{t-1} = 4, s^2(1) = (10 + 2 * 1/2 * 4) / 5 = 2.8,
     * eta = 26 / 70. */
    const double x5[5] = {1, 2, 3, 4, 5};
    assert_int_equal(shi_kpss_test(x5, 5, SHI_UR_CONST, 0, &k, &err), SHI_OK);
    assert_near(k.stat, 0.52, 1e-15);
    assert_near(k.p, 0.05 + (0.52 - 0.463) / (0.574 - 0.463) * (0.025 - 0.05), 1e-12);
    assert_int_equal(shi_kpss_test(x5, 5, SHI_UR_CONST, 1, &k, &err), SHI_OK);
    assert_near(k.stat, 26.0 / 70.0, 1e-15);
    /* A straight line has nothing around its trend. */
    assert_int_equal(shi_kpss_test(x5, 5, SHI_UR_TREND, 0, &k, &err), SHI_EDATA);
    assert_string_equal(err.msg, "KPSS: the series has no variation around its trend");
}

static void bad_input(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_adf a;
    shi_kpss k;
    const double x5[5] = {1, 2, 3, 4, 5};
    assert_int_equal(shi_adf_test(x5, 5, SHI_UR_CONST, 0, &a, &err), SHI_EDATA);
    assert_string_equal(err.msg, "ADF needs at least 8 years with 0 lag(s), got 5");
    assert_int_equal(shi_adf_test(x5, 5, SHI_UR_CONST, -1, &a, &err), SHI_EDATA);
    assert_string_equal(err.msg, "ADF needs at least 8 years, got 5");
    assert_int_equal(shi_adf_test(X20, 20, SHI_UR_CONST, -2, &a, &err), SHI_EUSAGE);
    double flat[10] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    assert_int_equal(shi_adf_test(flat, 10, SHI_UR_CONST, 0, &a, &err), SHI_EDATA);
    assert_int_equal(shi_kpss_test(flat, 10, SHI_UR_CONST, 0, &k, &err), SHI_EDATA);
    double gap[10] = {1, 2, 3, (double)NAN, 5, 6, 7, 8, 9, 10};
    assert_int_equal(shi_kpss_test(gap, 10, SHI_UR_CONST, 0, &k, &err), SHI_EDATA);
    assert_string_equal(err.msg, "KPSS: the series has a missing or infinite value");
    assert_int_equal(shi_kpss_test(x5, 5, SHI_UR_CONST, 5, &k, &err), SHI_EUSAGE);
}

/* Size and power: random walks and white noise of 100 years. */
static void size_and_power(void **state)
{
    (void)state;
    shi_err err = {0};
    double x[100];
    int adf_rw = 0, adf_wn = 0, kpss_rw = 0, kpss_wn = 0;
    const int R = 1000;
    for (int r = 0; r < R; r++) {
        shi_rng g;
        shi_rng_init(&g, 2385, (uint64_t)r);
        double w = 0;
        for (int t = 0; t < 100; t++) {
            w += gauss(&g);
            x[t] = w;
        }
        shi_adf a;
        shi_kpss k;
        assert_int_equal(shi_adf_test(x, 100, SHI_UR_CONST, 0, &a, &err), SHI_OK);
        assert_int_equal(shi_kpss_test(x, 100, SHI_UR_CONST, -1, &k, &err), SHI_OK);
        adf_rw += a.stat < a.crit[1];
        kpss_rw += k.stat > k.crit[1];
        for (int t = 0; t < 100; t++) {
            x[t] = gauss(&g);
        }
        assert_int_equal(shi_adf_test(x, 100, SHI_UR_CONST, 0, &a, &err), SHI_OK);
        assert_int_equal(shi_kpss_test(x, 100, SHI_UR_CONST, -1, &k, &err), SHI_OK);
        adf_wn += a.stat < a.crit[1];
        kpss_wn += k.stat > k.crit[1];
    }
    /* Size 5%: binomial sd sqrt(.05 .95 / 1000) = 0.0069; allow 3 sd. KPSS with
     * l4 = 4 lags is a little undersized at n = 100 (KPSS 1992, Table 3). */
    assert_true(adf_rw > 29 && adf_rw < 71);
    assert_true(kpss_wn > 15 && kpss_wn < 71);
    /* Power against the other hypothesis. */
    assert_true(adf_wn > 990);
    assert_true(kpss_rw > 600);
    print_message("    ADF rejects %d/1000 random walks, %d/1000 white noises; KPSS %d and %d\n",
                  adf_rw, adf_wn, kpss_rw, kpss_wn);
}

static void classify(void **state)
{
    (void)state;
    shi_adf a = {-4.0, 0, 50, {-3.57, -2.92, -2.60}, 0.001};
    shi_kpss k = {0.2, 3, 50, {0.347, 0.463, 0.574, 0.739}, 0.10};
    assert_int_equal(shi_ur_classify(&a, &k), SHI_UR_STATIONARY);
    k.stat = 0.9;
    assert_int_equal(shi_ur_classify(&a, &k), SHI_UR_INCONCLUSIVE);
    a.stat = -1.0;
    assert_int_equal(shi_ur_classify(&a, &k), SHI_UR_UNIT_ROOT);
    k.stat = 0.2;
    assert_int_equal(shi_ur_classify(&a, &k), SHI_UR_INCONCLUSIVE);
    assert_string_equal(shi_ur_class_name(SHI_UR_UNIT_ROOT), "unit root");
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(critical_values_match_fuller),
                                       cmocka_unit_test(p_values_give_back_the_levels),
                                       cmocka_unit_test(adf_statistic_matches_exact_arithmetic),
                                       cmocka_unit_test(kpss_matches_exact_arithmetic_and_hand),
                                       cmocka_unit_test(bad_input),
                                       cmocka_unit_test(size_and_power),
                                       cmocka_unit_test(classify)};
    return shi_run_group_tests(tests, NULL, NULL);
}
