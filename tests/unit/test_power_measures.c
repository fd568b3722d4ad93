/*
 * test_power_measures.c - the power measures beyond CINC (issue 11, item 1):
 * the economic part of the data view (GDP spliced from WDI and Maddison,
 * GDP per capita, Beckley's net resources), the measures' columns, and what
 * they say about the configuration of power.
 *
 * Reference values were computed independently of shi, from the official
 * files in ../shared/data with awk:
 *   WDI cell:  awk -F'","' 'NR==5{for(i=5;i<=NF;i++){h=$i;gsub(/"|,/,"",h);c[h]=i}}
 *                           $2=="USA"{print $c[2020]}' API_NY.GDP.MKTP.KD_DS2_en_csv_v2_213435.csv
 *   Maddison:  grep '^CHN,China,1960,' mpd2020_gdppc.csv mpd2020_gdppc_pop_excel-formatted.csv
 *   splice:    awk 'BEGIN{f=161023131028.203/(1057*667070*1000);            # WDI/MPD, CHN 1960
 *                         print int(f*799*546815*1000/1e5+0.5)/10}'          # CHN 1950 -> 99776.7
 * (gdp is in millions, rounded to 0.1; docs/power.md gives the rules).
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/data.h>
#include <shi/power.h>
#include <shi/threat.h>

static shi_data D;

static int setup(void **state)
{
    (void)state;
    memset(&D, 0, sizeof D);
    return open_data(&D, SHI_DATA_ECON);
}

static int teardown(void **state)
{
    (void)state;
    shi_data_destroy(&D);
    return 0;
}

static double at(const char *col, int cc, int y)
{
    long c = shi_data_col(&D, col), r = shi_panel_row(&D.caps, cc, y);
    assert_true(c >= 0);
    assert_true(r >= 0);
    return shi_panel_get(&D.caps, (size_t)c, (size_t)r);
}

/* Values against the official files (computed with awk, see the top). */
static void reference_values(void **state)
{
    (void)state;
    assert_true(D.econ_loaded);
    /* WDI itself: USA 2020, constant 2015 US$ 19,627,632,559,934.5. */
    assert_true(at("gdp", 2, 2020) == 19627632.6);
    assert_true(at("gdp_src", 2, 2020) == 1);
    /* WDI PPP: China 2020, constant 2021 int. $ 27,114,504,049,776. */
    assert_true(at("gdp_ppp", 710, 2020) == 27114504.0);
    /* Maddison spliced at WDI's first year: China 1950 (factor of 1960; PPP: of 1990). */
    assert_true(at("gdp", 710, 1950) == 99776.7);
    assert_true(at("gdp_src", 710, 1950) == 2);
    assert_true(at("gdp_ppp", 710, 1950) == 244228.5);
    /* The USSR in 1985: Maddison SUN with Russia's factor (WDI RUS starts 1989). */
    assert_true(at("gdp", 365, 1985) == 1890785.6);
    assert_true(at("gdp_ppp", 365, 1985) == 7100821.4);
    /* GDP per capita on NMC tpop (1,433,350 thousand in 2022), and Beckley. */
    double pc = 16706875.3 * 1e6 / (1433350.0 * 1e3);
    assert_true(fabs(at("gdppc", 710, 2022) - pc) < 1e-9 * pc);
    assert_true(fabs(at("beckley", 710, 2022) - 16706875.3 * pc) < 1e-9 * 16706875.3 * pc);
    /* Germany 1990 is counted once (255, not also 260); 365 is Russia from 1991. */
    long r = shi_panel_row(&D.caps, 260, 1990);
    assert_true(r >= 0);
    assert_true(isnan(shi_panel_get(&D.caps, (size_t)shi_data_col(&D, "gdp"), (size_t)r)));
    assert_true(at("gdp_src", 365, 1991) == 1);
    /* Missing stays missing: Taiwan has no WDI series to splice Maddison to. */
    r = shi_panel_row(&D.caps, 713, 2000);
    assert_true(r >= 0);
    assert_true(isnan(shi_panel_get(&D.caps, (size_t)shi_data_col(&D, "gdp"), (size_t)r)));
}

/* The measure table, columns and errors. */
static void measure_lookup(void **state)
{
    (void)state;
    size_t col;
    shi_err err = {0};
    assert_int_equal(shi_power_measure_col(&D, "cinc", &col, &err), SHI_OK);
    assert_int_equal(col, D.cinc);
    assert_int_equal(shi_power_measure_col(&D, "beckley", &col, &err), SHI_OK);
    assert_int_equal((long)col, shi_data_col(&D, "beckley"));
    assert_int_equal(shi_power_measure_col(&D, "gdpp", &col, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "unknown power measure 'gdpp'; valid are cinc, gdp, gdp_ppp, "
                                 "beckley, milex, milper, irst, pec, tpop, upop");
    assert_non_null(shi_power_measure_find("milex"));
    assert_int_equal(shi_power_measure_find("gdp")->parts, SHI_DATA_ECON);
    /* Without the economic part: a data error, not a wrong column. */
    shi_data caps = {0};
    assert_int_equal(open_data(&caps, SHI_DATA_CAPS), 0);
    assert_int_equal(shi_power_measure_col(&caps, "gdp", &col, &err), SHI_EDATA);
    assert_string_equal(err.msg, "power measure 'gdp' needs the economic (SHI_DATA_ECON) data, "
                                 "which are not loaded");
    assert_int_equal(shi_power_measure_col(&caps, "milex", &col, &err), SHI_OK);
    shi_data_destroy(&caps);
}

/* Every measure gives shares that sum to 1 and a polarity; what they say in
 * 1992 and 2022 (docs/power.md). */
static void polarity_by_measure(void **state)
{
    (void)state;
    static const struct {
        const char *m;
        int year;
        shi_polarity pol;
        int leader;
    } cases[] = {
        {"cinc", 1992, SHI_MULTIPOLAR, 2},    {"cinc", 2022, SHI_UNIPOLAR, 710},
        {"gdp", 1992, SHI_MULTIPOLAR, 2},     {"gdp", 2022, SHI_BIPOLAR, 2},
        {"gdp_ppp", 1992, SHI_MULTIPOLAR, 2}, {"gdp_ppp", 2022, SHI_BIPOLAR, 710},
        {"beckley", 1992, SHI_UNIPOLAR, 2},   {"beckley", 2022, SHI_UNIPOLAR, 2},
        {"milex", 1992, SHI_UNIPOLAR, 2},     {"milex", 2022, SHI_UNIPOLAR, 2},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        size_t col;
        shi_err err = {0};
        shi_power_year r;
        assert_int_equal(shi_power_measure_col(&D, cases[k].m, &col, &err), SHI_OK);
        assert_int_equal(shi_power_year_compute(&D.caps, col, &D.states, cases[k].year,
                                                SHI_SCOPE_MAJORS, NULL, &r, &err),
                         SHI_OK);
        assert_int_equal(r.polarity, cases[k].pol);
        assert_int_equal(r.leader, cases[k].leader);
        double sum = 0;
        const size_t *rows;
        size_t n;
        shi_panel_year(&D.caps, cases[k].year, &rows, &n);
        for (size_t i = 0; i < n; i++) {
            double s = shi_power_share(&D.caps, col, &D.states, D.caps.unit[rows[i]], cases[k].year,
                                       SHI_SCOPE_ALL);
            sum += isnan(s) ? 0 : s;
        }
        assert_true(fabs(sum - 1) < 1e-12);
    }
}

/* When China passes the USA: CINC 1995, GDP at PPP 2016, never by GDP at
 * market exchange rates (ratio 0.78 in 2022). */
static void transitions_by_measure(void **state)
{
    (void)state;
    size_t col;
    shi_err err = {0};
    shi_transitions t = {0};
    assert_int_equal(shi_power_measure_col(&D, "gdp_ppp", &col, &err), SHI_OK);
    assert_int_equal(shi_power_transitions(&D.caps, col, 710, 2, 1990, 2022, 0.8, 1.2, &t, &err),
                     SHI_OK);
    int over = 0;
    for (size_t i = 0; i < t.n; i++) {
        over = t.v[i].kind == SHI_OVERTAKES && !over ? t.v[i].year : over;
    }
    assert_int_equal(over, 2016);
    assert_int_equal(shi_power_measure_col(&D, "gdp", &col, &err), SHI_OK);
    assert_int_equal(shi_power_transitions(&D.caps, col, 710, 2, 1990, 2022, 0.8, 1.2, &t, &err),
                     SHI_OK);
    for (size_t i = 0; i < t.n; i++) {
        assert_int_not_equal(t.v[i].kind, SHI_OVERTAKES);
    }
    shi_transitions_free(&t);
    /* The threat model's strength on GDP needs the economic part of the data. */
    shi_threat_model m = shi_threat_model_default();
    snprintf(m.measure, sizeof m.measure, "%s", "gdp");
    shi_data rel = {0};
    assert_int_equal(open_data(&rel, SHI_DATA_RELATIONS), 0);
    shi_threat_ctx *ctx = NULL;
    assert_int_equal(shi_threat_ctx_new(&ctx, &rel, &err), SHI_OK);
    shi_threat th;
    assert_int_equal(shi_threat_compute(ctx, &m, 710, 2, 2020, &th, &err), SHI_EDATA);
    shi_threat_ctx_free(ctx);
    shi_data_destroy(&rel);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reference_values),
        cmocka_unit_test(measure_lookup),
        cmocka_unit_test(polarity_by_measure),
        cmocka_unit_test(transitions_by_measure),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
