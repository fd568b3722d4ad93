/*
 * test_power.c - CINC, shares, concentration, polarity, trends, transitions.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/data.h>
#include <shi/io.h>
#include <shi/power.h>

/* A registry of `n` states with codes 1..n, all members and major powers in 2000-2020. */
static void toy_states(shi_states *s, int n)
{
    shi_spell_recs m = {0}, j = {0};
    m.v = calloc((size_t)n, sizeof *m.v);
    j.v = calloc((size_t)n, sizeof *j.v);
    for (int i = 0; i < n; i++) {
        shi_spell_rec r = {0};
        r.ccode = i + 1;
        snprintf(r.abb, sizeof r.abb, "S%d", (i + 1) % 100);
        snprintf(r.name, sizeof r.name, "State %d", i + 1);
        r.start = 20000101;
        r.end = 20201231;
        m.v[i] = r;
        j.v[i] = r;
    }
    m.n = j.n = (size_t)n;
    shi_err err = {0};
    assert_int_equal(shi_states_build(s, &m, "m", &j, "j", NULL, 0, 0, &err), SHI_OK);
    free(m.v);
    free(j.v);
}

/* One year, cinc values given; returns the cinc column. */
static size_t toy_panel(shi_panel *p, const double *cinc, int n, int year)
{
    int32_t unit[16], yr[16];
    for (int i = 0; i < n; i++) {
        unit[i] = i + 1;
        yr[i] = year;
    }
    shi_err err = {0};
    assert_int_equal(shi_panel_init_keys(p, unit, yr, (size_t)n, NULL, NULL, NULL, &err), SHI_OK);
    size_t col;
    assert_int_equal(shi_panel_add_column(p, "cinc", &col, &err), SHI_OK);
    for (int i = 0; i < n; i++) {
        shi_panel_set(p, col, (size_t)i, cinc[i]);
    }
    return col;
}

/* Hand computation: shares 0.5, 0.3, 0.2. sum s^2 = 0.38, poles = 1/0.38 = 2.6315789,
 * CON = sqrt((0.38 - 1/3) / (1 - 1/3)) = sqrt(0.07) = 0.2645751. Leader holds 0.5:
 * unipolar under the default rule (s1 >= 0.5). */
static void concentration_by_hand(void **state)
{
    (void)state;
    shi_states s;
    toy_states(&s, 3);
    shi_panel p = {0};
    const double c[3] = {0.25, 0.15, 0.10}; /* shares of their total: 0.5, 0.3, 0.2 */
    size_t col = toy_panel(&p, c, 3, 2010);
    shi_power_year r;
    shi_err err = {0};
    assert_int_equal(shi_power_year_compute(&p, col, &s, 2010, SHI_SCOPE_ALL, NULL, &r, &err),
                     SHI_OK);
    assert_int_equal(r.n, 3);
    assert_true(fabs(r.total - 0.5) < 1e-15);
    assert_true(fabs(r.poles - 1 / 0.38) < 1e-12);
    assert_true(fabs(r.con - sqrt(0.07)) < 1e-12);
    assert_int_equal(r.leader, 1);
    assert_int_equal(r.second, 2);
    assert_true(fabs(r.leader_share - 0.5) < 1e-12);
    assert_true(fabs(r.lead - 0.2) < 1e-12);
    assert_true(fabs(r.ratio - 0.25 / 0.15) < 1e-12);
    assert_int_equal(r.polarity, SHI_UNIPOLAR);
    /* A year without data is empty, not an error. */
    assert_int_equal(shi_power_year_compute(&p, col, &s, 2011, SHI_SCOPE_ALL, NULL, &r, &err),
                     SHI_OK);
    assert_int_equal(r.n, 0);
    shi_panel_destroy(&p);
    shi_states_destroy(&s);
}

static void polarity_labels(void **state)
{
    (void)state;
    shi_states s;
    toy_states(&s, 4);
    struct {
        double c[4];
        shi_polarity want;
    } cases[] = {
        {{0.40, 0.35, 0.15, 0.10}, SHI_BIPOLAR},    /* top two 0.75, third 0.15 <= 0.175 */
        {{0.40, 0.30, 0.20, 0.10}, SHI_MULTIPOLAR}, /* third 0.20 > half of 0.30 */
        {{0.30, 0.30, 0.20, 0.20}, SHI_MULTIPOLAR}, /* top two only 0.60 but third too big */
        {{0.55, 0.25, 0.10, 0.10}, SHI_UNIPOLAR},   {{0.49, 0.30, 0.11, 0.10}, SHI_BIPOLAR},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        shi_panel p = {0};
        size_t col = toy_panel(&p, cases[k].c, 4, 2005);
        shi_power_year r;
        shi_err err = {0};
        assert_int_equal(
            shi_power_year_compute(&p, col, &s, 2005, SHI_SCOPE_MAJORS, NULL, &r, &err), SHI_OK);
        assert_int_equal(r.polarity, cases[k].want);
        shi_panel_destroy(&p);
    }
    shi_states_destroy(&s);
}

/* CINC by hand for two states (COW's rule: average over the components present).
 * A = (10, 1, 0, 5, 100, 10), B = (30, 3, 2, missing, 300, 30).
 * Totals 40, 4, 2, 5, 400, 40. A: (.25+.25+0+1+.25+.25)/6 = 1/3. B: (.75*4+1)/5 = 0.8. */
static void cinc_by_hand(void **state)
{
    (void)state;
    shi_panel p = {0};
    int32_t unit[2] = {1, 2}, yr[2] = {1900, 1900};
    shi_err err = {0};
    assert_int_equal(shi_panel_init_keys(&p, unit, yr, 2, NULL, NULL, NULL, &err), SHI_OK);
    const char *names[6] = {"milex", "milper", "irst", "pec", "tpop", "upop"};
    double a[6] = {10, 1, 0, 5, 100, 10}, b[6] = {30, 3, 2, (double)NAN, 300, 30};
    size_t comp[6];
    for (int k = 0; k < 6; k++) {
        assert_int_equal(shi_panel_add_column(&p, names[k], &comp[k], &err), SHI_OK);
        shi_panel_set(&p, comp[k], 0, a[k]);
        shi_panel_set(&p, comp[k], 1, b[k]);
    }
    assert_false(shi_panel_ok(&p, comp[3], 1));
    size_t col;
    assert_int_equal(shi_cinc_add(&p, &col, &err), SHI_OK);
    assert_true(fabs(shi_panel_get(&p, col, 0) - 1.0 / 3) < 1e-15);
    assert_true(fabs(shi_panel_get(&p, col, 1) - 0.8) < 1e-15);
    shi_panel_destroy(&p);
}

/* A share growing 5% a year exactly has a trend of 0.05; a flat one 0. */
static void trend_log_linear(void **state)
{
    (void)state;
    shi_panel p = {0};
    int32_t unit[20], yr[20];
    for (int i = 0; i < 20; i++) {
        unit[i] = i < 10 ? 1 : 2;
        yr[i] = 2000 + i % 10;
    }
    shi_err err = {0};
    assert_int_equal(shi_panel_init_keys(&p, unit, yr, 20, NULL, NULL, NULL, &err), SHI_OK);
    size_t col;
    assert_int_equal(shi_panel_add_column(&p, "cinc", &col, &err), SHI_OK);
    for (int t = 0; t < 10; t++) {
        shi_panel_set(&p, col, (size_t)shi_panel_row(&p, 1, 2000 + t), 0.1 * pow(1.05, t));
        shi_panel_set(&p, col, (size_t)shi_panel_row(&p, 2, 2000 + t), 0.2);
    }
    assert_true(fabs(shi_power_trend(&p, col, 1, 2009, 10) - 0.05) < 1e-12);
    assert_true(fabs(shi_power_trend(&p, col, 2, 2009, 10)) < 1e-12);
    /* Fewer than three points: no trend. */
    assert_true(isnan(shi_power_trend(&p, col, 1, 2001, 10)));
    shi_panel_destroy(&p);
}

/* Challenger 1 and leader 2 over `years` years from 1990, the first six with
 * ratios RATIO (challenger 0.1 x ratio, leader 0.1); the rest left missing. */
static const double RATIO[6] = {0.5, 0.85, 0.95, 1.05, 1.3, 0.9};

static size_t ratio_panel(shi_panel *p, int years)
{
    int32_t unit[16], yr[16];
    for (int i = 0; i < 2 * years; i++) {
        unit[i] = i < years ? 1 : 2;
        yr[i] = 1990 + i % years;
    }
    shi_err err = {0};
    assert_int_equal(shi_panel_init_keys(p, unit, yr, (size_t)(2 * years), NULL, NULL, NULL, &err),
                     SHI_OK);
    size_t col;
    assert_int_equal(shi_panel_add_column(p, "cinc", &col, &err), SHI_OK);
    for (int t = 0; t < 6; t++) {
        shi_panel_set(p, col, (size_t)shi_panel_row(p, 1, 1990 + t), 0.1 * RATIO[t]);
        shi_panel_set(p, col, (size_t)shi_panel_row(p, 2, 1990 + t), 0.1);
    }
    return col;
}

/* Ratios 0.5, 0.85, 0.95, 1.05, 1.3, 0.9: enters parity in year 1, overtakes in
 * year 3, leaves parity in year 4, enters parity and falls behind in year 5. */
static void transitions_sequence(void **state)
{
    (void)state;
    shi_panel p = {0};
    size_t col = ratio_panel(&p, 6);
    shi_err err = {0};
    shi_transitions tr = {0};
    assert_int_equal(shi_power_transitions(&p, col, 1, 2, 1990, 1995, 0.8, 1.2, &tr, &err), SHI_OK);
    const shi_transition *ev = tr.v;
    const size_t n = tr.n;
    assert_int_equal(n, 5);
    const int years[5] = {1991, 1993, 1994, 1995, 1995};
    const shi_transition_kind kinds[5] = {SHI_ENTERS_PARITY, SHI_OVERTAKES, SHI_LEAVES_PARITY,
                                          SHI_ENTERS_PARITY, SHI_FALLS_BEHIND};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(ev[i].year, years[i]);
        assert_int_equal(ev[i].kind, kinds[i]);
    }
    /* The events do not depend on the window (issue 13): opened in 1992, at
     * parity since 1991, it is "already at parity (since 1991)", not "enters
     * parity 1992"; the later events are the same. */
    assert_int_equal(shi_power_transitions(&p, col, 1, 2, 1992, 1995, 0.8, 1.2, &tr, &err), SHI_OK);
    assert_int_equal(tr.n, 5);
    assert_int_equal(tr.v[0].kind, SHI_ALREADY_AT_PARITY);
    assert_int_equal(tr.v[0].year, 1992);
    assert_int_equal(tr.v[0].since, 1991);
    assert_string_equal(shi_transition_name(tr.v[0].kind), "already at parity");
    for (size_t i = 1; i < 5; i++) {
        assert_int_equal(tr.v[i].year, years[i]);
        assert_int_equal(tr.v[i].kind, kinds[i]);
        assert_int_equal(tr.v[i].since, 0);
    }
    /* Opened in 1995: the ratio was above parity in 1994, so 1995's entry is real. */
    assert_int_equal(shi_power_transitions(&p, col, 1, 2, 1995, 1995, 0.8, 1.2, &tr, &err), SHI_OK);
    assert_int_equal(tr.n, 2);
    assert_int_equal(tr.v[0].kind, SHI_ENTERS_PARITY);
    assert_int_equal(shi_power_transitions(&p, col, 1, 2, 1990, 1995, 1.1, 1.2, &tr, &err),
                     SHI_EUSAGE);
    shi_transitions_free(&tr);
    shi_panel_destroy(&p);
}

/* The ratio series of the transitions above, by hand: challenger 0.1 x ratio
 * over a leader at 0.1 gives the ratios themselves; against [0.8, 1.2] the
 * phases are below (0.5), parity (0.85, 0.95, 1.05), above (1.3), parity
 * (0.9). A leader at 0 (1996) and a missing challenger value (1997) are
 * skipped. The events of shi_power_transitions are the changes of phase and
 * of side of 1 in this same series (checked against the list above). */
static void ratio_series_by_hand(void **state)
{
    (void)state;
    shi_panel p = {0};
    size_t col = ratio_panel(&p, 8);
    shi_err err = {0};
    shi_panel_set(&p, col, (size_t)shi_panel_row(&p, 1, 1996), 0.1);
    shi_panel_set(&p, col, (size_t)shi_panel_row(&p, 2, 1996), 0.0);
    shi_panel_set(&p, col, (size_t)shi_panel_row(&p, 2, 1997), 0.1);
    shi_power_ratios rs = {0};
    assert_int_equal(shi_power_ratio_series(&p, col, 1, 2, 1990, 1997, 0.8, 1.2, &rs, &err),
                     SHI_OK);
    assert_int_equal(rs.n, 6);
    const shi_parity_phase ph[6] = {SHI_BELOW_PARITY, SHI_AT_PARITY,    SHI_AT_PARITY,
                                    SHI_AT_PARITY,    SHI_ABOVE_PARITY, SHI_AT_PARITY};
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(rs.v[i].year, 1990 + (int)i);
        assert_true(fabs(rs.v[i].ratio - RATIO[i]) < 1e-12);
        assert_int_equal(rs.v[i].phase, ph[i]);
    }
    assert_string_equal(shi_parity_phase_name(rs.v[4].phase), "above parity");
    /* A sub-range empties the series first. */
    assert_int_equal(shi_power_ratio_series(&p, col, 1, 2, 1994, 1994, 0.8, 1.2, &rs, &err),
                     SHI_OK);
    assert_int_equal(rs.n, 1);
    assert_int_equal(rs.v[0].phase, SHI_ABOVE_PARITY);
    shi_power_ratios_free(&rs);
    assert_null(rs.v);
    shi_panel_destroy(&p);
}

/* Ranks by hand: CINC 0.25, 0.15, 0.15, 0.10 rank 1, 2, 2, 4 (ties share the
 * better rank); a state without a row and a year without data have rank 0. */
static void rank_by_hand(void **state)
{
    (void)state;
    shi_states s;
    toy_states(&s, 4);
    shi_panel p = {0};
    const double c[4] = {0.25, 0.15, 0.15, 0.10};
    size_t col = toy_panel(&p, c, 4, 2010);
    const long want[4] = {1, 2, 2, 4};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(shi_power_rank(&p, col, &s, i + 1, 2010, SHI_SCOPE_ALL), want[i]);
        assert_int_equal(shi_power_rank(&p, col, &s, i + 1, 2010, SHI_SCOPE_MAJORS), want[i]);
    }
    assert_int_equal(shi_power_rank(&p, col, &s, 9, 2010, SHI_SCOPE_ALL), 0);
    assert_int_equal(shi_power_rank(&p, col, &s, 1, 2011, SHI_SCOPE_ALL), 0);
    shi_panel_destroy(&p);
    shi_states_destroy(&s);
}

/* Reference values from tests/reference/power_ref.py, an independent Python
 * computation from COW's own cinc column and majors2024.csv. COW's cinc is
 * single precision, so shi's recomputed CINC agrees to about 1e-6. */
static void majors_match_reference(void **state)
{
    (void)state;
    shi_data d;
    shi_err err = {0};
    assert_int_equal(shi_data_load(&d, NULL, &err), SHI_OK);
    const size_t col = d.cinc;
    struct {
        int year, n;
        double con, poles;
        int leader, second;
        double share, share2;
    } ref[] = {
        {1816, 5, 0.329629, 3.485243, 200, 365, 0.444980, 0.217195},
        {1913, 8, 0.237797, 5.731354, 2, 255, 0.284864, 0.185648},
        {1946, 4, 0.451614, 2.481596, 2, 365, 0.574105, 0.193279},
        {1989, 5, 0.312260, 3.597055, 2, 365, 0.333869, 0.308152},
        {2010, 7, 0.422905, 3.376597, 710, 2, 0.432182, 0.305442},
        {2022, 7, 0.485348, 2.900502, 710, 2, 0.509998, 0.269198},
    };
    for (size_t k = 0; k < sizeof ref / sizeof ref[0]; k++) {
        shi_power_year r;
        assert_int_equal(shi_power_year_compute(&d.caps, col, &d.states, ref[k].year,
                                                SHI_SCOPE_MAJORS, NULL, &r, &err),
                         SHI_OK);
        assert_int_equal(r.n, ref[k].n);
        assert_int_equal(r.leader, ref[k].leader);
        assert_int_equal(r.second, ref[k].second);
        assert_true(fabs(r.con - ref[k].con) < 5e-6);
        assert_true(fabs(r.poles - ref[k].poles) < 5e-5);
        assert_true(fabs(r.leader_share - ref[k].share) < 5e-6);
        assert_true(fabs(r.second_share - ref[k].share2) < 5e-6);
    }
    shi_data_destroy(&d);
}

/* Properties over every year 1816-2022: CON in [0, 1]; 1 <= poles <= n; the
 * leader's share is the largest; shares within a scope sum to 1. */
static void properties_all_years(void **state)
{
    (void)state;
    shi_data d;
    shi_err err = {0};
    assert_int_equal(shi_data_load(&d, NULL, &err), SHI_OK);
    const size_t col = d.cinc;
    int years = 0;
    for (int y = d.caps.year_min; y <= d.caps.year_max; y++) {
        for (int sc = 0; sc < 2; sc++) {
            shi_power_year r;
            assert_int_equal(
                shi_power_year_compute(&d.caps, col, &d.states, y, (shi_scope)sc, NULL, &r, &err),
                SHI_OK);
            assert_true(r.n >= 2);
            assert_true(r.con >= 0 && r.con <= 1);
            assert_true(r.poles >= 1 - 1e-12 && r.poles <= (double)r.n + 1e-9);
            assert_true(r.leader_share >= r.second_share);
            assert_true(r.polarity != SHI_POLARITY_NONE);
            const size_t *rows;
            size_t n;
            shi_panel_year(&d.caps, y, &rows, &n);
            double sum = 0;
            for (size_t i = 0; i < n; i++) {
                double sh = shi_power_share(&d.caps, col, &d.states, d.caps.unit[rows[i]], y,
                                            (shi_scope)sc);
                if (!isnan(sh)) {
                    sum += sh;
                }
            }
            assert_true(fabs(sum - 1) < 1e-9);
        }
        years++;
    }
    assert_int_equal(years, 2022 - 1816 + 1);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(concentration_by_hand), cmocka_unit_test(polarity_labels),
        cmocka_unit_test(cinc_by_hand),          cmocka_unit_test(trend_log_linear),
        cmocka_unit_test(transitions_sequence),  cmocka_unit_test(majors_match_reference),
        cmocka_unit_test(properties_all_years),  cmocka_unit_test(ratio_series_by_hand),
        cmocka_unit_test(rank_by_hand),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
