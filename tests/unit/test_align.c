/*
 * test_align.c - the issue-area scorecard.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/align.h>
#include <shi/data.h>

/* A synthetic scorecard: values set by hand, directions from the slopes. */
static void directions(void **state)
{
    (void)state;
    shi_align al;
    memset(&al, 0, sizeof al);
    al.y0 = al.ys = 2000;
    al.y1 = 2009;
    al.window = 5;
    double v[SHI_AL_N][10];
    for (int k = 0; k < SHI_AL_N; k++) {
        for (int t = 0; t < 10; t++) {
            v[k][t] = (double)NAN;
        }
        al.value[k] = v[k];
    }
    /* UN distance falling by 0.1 a year: closeness rises 0.1 > tol 0.02 -> converging. */
    for (int t = 0; t < 10; t++) {
        v[SHI_AL_UN_DIST][t] = 2.0 - 0.1 * t;
        v[SHI_AL_UN_AGREE][t] = 0.5 + 0.001 * t; /* below its tolerance 0.005: stable */
        v[SHI_AL_THREAT_AB][t] = 0.3 + 0.02 * t; /* threat rising: diverging */
    }
    double sl;
    assert_int_equal(shi_align_indicator_direction(&al, SHI_AL_UN_DIST, &sl), SHI_DIR_CONVERGING);
    assert_true(fabs(sl - 0.1) < 1e-12);
    assert_int_equal(shi_align_indicator_direction(&al, SHI_AL_UN_AGREE, &sl), SHI_DIR_STABLE);
    assert_int_equal(shi_align_indicator_direction(&al, SHI_AL_THREAT_AB, &sl), SHI_DIR_DIVERGING);
    assert_true(fabs(sl + 0.02) < 1e-12);
    assert_int_equal(shi_align_indicator_direction(&al, SHI_AL_TRADE_A, &sl), SHI_DIR_NA);
    /* Diplomatic area: scores 0.1/0.02 = 5 -> clipped to 3, and 0.001/0.005 = 0.2:
     * mean 1.6 > 1 -> converging. Security: -0.02/0.005 = -4 -> -3: diverging. */
    double score;
    assert_int_equal(shi_align_area_direction(&al, SHI_AREA_DIPLOMATIC, &score),
                     SHI_DIR_CONVERGING);
    assert_true(fabs(score - 1.6) < 1e-9);
    assert_int_equal(shi_align_area_direction(&al, SHI_AREA_SECURITY, &score), SHI_DIR_DIVERGING);
    assert_int_equal(shi_align_area_direction(&al, SHI_AREA_ECONOMIC, &score), SHI_DIR_NA);
    /* Spans by hand: UN distance has all ten years; trade of A only 2003 and
     * 2005 (2004 missing); trade of B none. */
    v[SHI_AL_TRADE_A][3] = v[SHI_AL_TRADE_A][5] = 0.1;
    int f0, f1;
    assert_int_equal(shi_align_indicator_span(&al, SHI_AL_UN_DIST, &f0, &f1), 1);
    assert_true(f0 == 2000 && f1 == 2009);
    assert_int_equal(shi_align_indicator_span(&al, SHI_AL_TRADE_A, &f0, &f1), 1);
    assert_true(f0 == 2003 && f1 == 2005);
    assert_int_equal(shi_align_indicator_span(&al, SHI_AL_TRADE_B, &f0, &f1), 0);
    assert_true(f0 == 0 && f1 == 0);
    assert_string_equal(shi_align_sphere_name(SHI_DIR_DIVERGING), "incongruity");
    assert_string_equal(shi_align_sphere_name(SHI_DIR_NA), "no data");
}

/* Russia-China on the embedded data. Reference values: trade dependence of
 * Russia on China in 2010 = (39,124 + 26,817) / (Russia's imports + exports) =
 * 0.111562 and of China on Russia 0.017341, computed independently from the
 * COW files when the trade importer was written (docs/sources_more.md). */
static void russia_china(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    shi_align al;
    assert_int_equal(shi_align_compute(&al, &d, NULL, 365, 710, 1992, 2014, 5, &err), SHI_OK);
    int t = 2010 - al.ys;
    assert_true(fabs(al.value[SHI_AL_TRADE_A][t] - 0.111562) < 5e-7);
    assert_true(fabs(al.value[SHI_AL_TRADE_B][t] - 0.017341) < 5e-7);
    /* The 2001 treaty: ATOP level 2 (non-aggression + consultation). */
    assert_true(al.value[SHI_AL_ALLIANCE][2005 - al.ys] == 2);
    /* Russia (USSR before 1992) supplied most of China's arms imports. */
    assert_true(al.value[SHI_AL_ARMS_AB][2000 - al.ys] > 0.8);
    /* 2009: the New Star incident, a hostility-4 dispute in GML MID. */
    assert_true(al.value[SHI_AL_DISPUTE][2009 - al.ys] == 4);
    for (int k = 0; k < SHI_AL_N; k++) {
        for (int y = 1992; y <= 2014; y++) {
            double v = al.value[k][y - al.ys];
            assert_true(isnan(v) || (v >= -1 && v <= 5));
        }
    }
    /* Trade and events are outside their data after 2014: missing, not 0. */
    shi_align_destroy(&al);
    assert_int_equal(shi_align_compute(&al, &d, NULL, 365, 710, 2015, 2016, 3, &err), SHI_OK);
    assert_true(isnan(al.value[SHI_AL_TRADE_A][2016 - al.ys]));
    assert_true(isnan(al.value[SHI_AL_EVENTS][2016 - al.ys]));
    shi_align_destroy(&al);
    assert_int_equal(shi_align_compute(&al, &d, NULL, 365, 710, 2015, 2016, 2, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "align: --window takes 3-50 years, got 2");
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(directions),
                                       cmocka_unit_test(russia_china)};
    return shi_run_group_tests(tests, NULL, NULL);
}
