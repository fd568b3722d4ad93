/*
 * test_dyad_drivers.c - the data of a drivers analysis for a pair.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/align.h>
#include <shi/data.h>
#include <shi/drivers.h>
#include <shi/dyad_drivers.h>
#include <shi/power.h>

static shi_data D;
static size_t CINC;

static int setup(void **state)
{
    (void)state;
    /* The relations and shi's events file: everything a series reads. */
    if (open_data(&D, SHI_DATA_RELATIONS | SHI_DATA_EVENTS) != 0) {
        return -1;
    }
    CINC = D.cinc;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    shi_data_destroy(&D);
    return 0;
}

static void series_match_measures(void **state)
{
    (void)state;
    assert_int_equal(shi_most_capable_other(&D.caps, CINC, 365, 710, 2014), 2);
    shi_dyad_series s;
    shi_err err = {0};
    assert_int_equal(
        shi_dyad_series_build(&s, &D, NULL, 365, 710, 2, 1992, 2014, SHI_OUTCOME_IDEAL, &err),
        SHI_OK);
    assert_int_equal(s.n, 23);
    assert_true(s.k >= 5);
    /* The outcome is minus the UN distance of the scorecard; concentration is CON. */
    shi_align al;
    assert_int_equal(shi_align_compute(&al, &D, NULL, 365, 710, 1992, 2014, 3, &err), SHI_OK);
    long con = -1;
    for (size_t j = 0; j < s.k; j++) {
        if (strcmp(s.name[j], "concentration") == 0) {
            con = (long)j;
            assert_int_equal(s.block[j], SHI_BLOCK_EXTERNAL);
        }
        if (strcmp(s.name[j], "trade_dep") == 0) {
            assert_int_equal(s.block[j], SHI_BLOCK_BILATERAL);
        }
    }
    assert_true(con >= 0);
    for (int y = 1992; y <= 2014; y++) {
        size_t t = (size_t)(y - 1992);
        assert_true(s.y[t] == -al.value[SHI_AL_UN_DIST][y - al.ys]);
        shi_power_year py;
        assert_int_equal(
            shi_power_year_compute(&D.caps, CINC, &D.states, y, SHI_SCOPE_MAJORS, NULL, &py, &err),
            SHI_OK);
        assert_true(s.X[(size_t)con * s.n + t] == py.con);
    }
    shi_align_destroy(&al);
    /* The analysis is reproducible for a seed. */
    const char *names[SHI_DD_MAX];
    for (size_t j = 0; j < s.k; j++) {
        names[j] = s.name[j];
    }
    shi_drivers_input di = {s.n, s.k, s.y, s.X, s.block, names};
    shi_drivers_opts o = shi_drivers_opts_default();
    o.boot = 300;
    shi_drivers_result r1, r2;
    shi_drivers_result_init(&r1);
    shi_drivers_result_init(&r2);
    assert_int_equal(shi_drivers_fit(&di, &o, &r1, &err), SHI_OK);
    assert_int_equal(shi_drivers_fit(&di, &o, &r2, &err), SHI_OK);
    assert_true(r1.external_share == r2.external_share);
    assert_true(r1.external_share_ci[0] == r2.external_share_ci[0]);
    assert_true(r1.external_share >= 0 && r1.external_share <= 1);
    shi_drivers_result_destroy(&r1);
    shi_drivers_result_destroy(&r2);
    shi_dyad_series_destroy(&s);
}

/* Five years cannot identify nine drivers: a clear message, not a number. */
static void too_few_years(void **state)
{
    (void)state;
    shi_dyad_series s;
    shi_err err = {0};
    assert_int_equal(
        shi_dyad_series_build(&s, &D, NULL, 365, 710, 2, 2006, 2010, SHI_OUTCOME_SIM, &err),
        SHI_OK);
    const char *names[SHI_DD_MAX];
    for (size_t j = 0; j < s.k; j++) {
        names[j] = s.name[j];
    }
    shi_drivers_input di = {s.n, s.k, s.y, s.X, s.block, names};
    shi_drivers_result r;
    shi_drivers_result_init(&r);
    assert_int_equal(shi_drivers_fit(&di, NULL, &r, &err), SHI_EDATA);
    assert_true(strncmp(err.msg, "too few observations", 20) == 0);
    shi_dyad_series_destroy(&s);
    shi_outcome o;
    assert_int_equal(shi_outcome_parse("votes", &o, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "unknown outcome 'votes'; valid outcomes are ideal, sim, index");
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(series_match_measures),
                                       cmocka_unit_test(too_few_years)};
    return shi_run_group_tests(tests, setup, teardown);
}
