/*
 * test_coop_dyad.c - the prisoner's dilemma estimated from what states did
 * (include/shi/coop_dyad.h): the default coefficients are the fit on the
 * embedded record, the game follows from them by the documented identities,
 * missing inputs give no verdict, and the out-of-sample validation.
 */
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <shi/coop_dyad.h>
#include <shi/data.h>
#include <shi/pair.h>

static shi_data D;

static int setup(void **state)
{
    (void)state;
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    if (shi_data_open(&D, &spec, &err)) {
        print_error("%s\n", err.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    shi_data_destroy(&D);
    return 0;
}

/* The coefficients named in coop_dyad.c are the maximum-likelihood fit on the
 * embedded record (refitted here), to the 6 significant digits written. */
static void default_is_the_fit(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_coop_fit f, def = shi_coop_fit_default();
    assert_int_equal(shi_coop_history_fit(&D, D.dy.mid_y0, D.dy.mid_y1, &f, &err), SHI_OK);
    assert_int_equal(f.y0, def.y0);
    assert_int_equal(f.y1, def.y1);
    assert_int_equal(f.n, def.n);
    assert_int_equal(f.n_events, def.n_events);
    for (int k = 0; k <= SHI_CV_N; k++) {
        assert_true(fabs(f.beta[k] - def.beta[k]) <= 1e-5 * fmax(1.0, fabs(f.beta[k])));
    }
}

/* The game from the regressors, by the identities of coop_dyad.h. */
static void russia_china(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_coop_dyad c;
    assert_int_equal(shi_coop_dyad_calibrate(&c, &D, NULL, 365, 710, 2010, &err), SHI_OK);
    assert_true(c.computable);
    shi_coop_fit f = shi_coop_fit_default();
    double ties = f.beta[0], tempt = 0;
    for (int k = 0; k < SHI_CV_N; k++) {
        assert_false(isnan(c.x[k]));
        if (k < SHI_CV_TIES) {
            ties += f.beta[1 + k] * c.x[k];
        } else {
            tempt += f.beta[1 + k] * c.x[k];
        }
    }
    assert_true(fabs(c.delta - 1 / (1 + exp(-ties))) < 1e-12);
    assert_true(fabs(c.g - exp(-tempt)) < 1e-12);
    assert_true(fabs(c.p_coop - 1 / (1 + exp(-(ties + tempt)))) < 1e-12);
    /* R - P = 2, T - R = P - S = 2g; grim trigger's threshold (T-R)/(T-P). */
    assert_true(c.payoffs.R == 3 && c.payoffs.P == 1);
    assert_true(fabs(c.payoffs.T - 3 - 2 * c.g) < 1e-12);
    assert_true(fabs(c.payoffs.S - 1 + 2 * c.g) < 1e-12);
    double T = c.payoffs.T, R = c.payoffs.R, P = c.payoffs.P, S = c.payoffs.S;
    assert_true(fabs(c.thr.grim - (T - R) / (T - P)) < 1e-12);
    assert_true(fabs(c.thr.tft_alt - (T - R) / (R - S)) < 1e-12);
    assert_true(fabs(c.thr.tft - c.thr.grim) < 1e-12);
    /* The verdict is the sign of the logit: delta >= g/(1+g) iff p_coop >= 1/2. */
    assert_int_equal(c.delta >= c.thr.grim, c.p_coop >= 0.5);
    /* Russia and China: land border, Russia a major power, China too (1950-). */
    assert_true(c.x[SHI_CV_CONTIG] == 1 && c.x[SHI_CV_MAJOR] == 1);
    /* GML MID 2.1.1: their last dispute year before 2010 is 2009 (hostility 4
     * of Russia, the Chinese freighter New Star sunk off Nakhodka), so 1 year. */
    assert_true(c.peace_years == 1);
    assert_true(fabs(c.x[SHI_CV_PEACE] - log(2.0)) < 1e-12);
}

/* A year whose inputs are missing has no verdict, and says what is missing. */
static void missing_gives_no_verdict(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_coop_dyad c;
    assert_int_equal(shi_coop_dyad_calibrate(&c, &D, NULL, 365, 369, 2022, &err), SHI_OK);
    assert_false(c.computable);
    assert_true(isnan(c.delta) && isnan(c.thr.grim));
    assert_non_null(strstr(c.missing, "trade (COW trade) after 2014"));
    assert_non_null(strstr(c.missing, "disputes (MID) after"));
    /* Ukraine in 1985 was not a state: no verdict, and the reason. */
    assert_int_equal(shi_coop_dyad_calibrate(&c, &D, NULL, 369, 710, 1985, &err), SHI_OK);
    assert_false(c.computable);
    assert_string_equal(c.missing, "UKR not a system member in 1985");
    /* Before the trade data (1870): not computable, whatever else is there. */
    assert_int_equal(shi_coop_dyad_calibrate(&c, &D, NULL, 365, 200, 1850, &err), SHI_OK);
    assert_false(c.computable);
    assert_non_null(strstr(c.missing, "trade (COW trade) before 1870"));
}

/* Regression (issue 18, 2026-12): `shi report RUS CHN --years 1816-1816` read
 * the alignment scorecard before its first year (year - 9 < 1816) in the old
 * calibration. Every year back to 1816 must now be analysed without reading
 * outside the data (run under `make asan`), and simply be not computable. */
static void report_first_years(void **state)
{
    (void)state;
    shi_data full = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_ALL};
    assert_int_equal(shi_data_open(&full, &spec, &err), SHI_OK);
    for (int y1 = 1816; y1 <= 1824; y1 += 8) {
        shi_pair_opts o = {365, 710, 0, 1816, y1, NULL, 0, NULL};
        shi_pair_analysis pa;
        assert_int_equal(shi_pair_analyze(&pa, &full, &o, &err), SHI_OK);
        assert_int_equal(pa.coop_end_status, SHI_OK);
        assert_false(pa.coop_end.computable);
        assert_false(pa.coop_have);
        shi_pair_free(&pa);
    }
    shi_data_destroy(&full);
}

/* Out of sample: fitted on dyad-years up to 1980, tested after. */
static void validation(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_coop_validation v;
    assert_int_equal(shi_coop_validate(&D, 1980, &v, &err), SHI_OK);
    /* Fitted on t = 1870-1979 (outcome in t+1 <= 1980), tested on t >= 1981. */
    assert_int_equal(v.fit.y0, 1870);
    assert_int_equal(v.fit.y1, 1979);
    assert_int_equal(v.fit.n, 34580);
    assert_int_equal(v.ncell, 4);
    /* The published table (docs/coop.md, "Validation"), H = 1, every dyad-year:
     * the game's probability ranks best; the verdict separates almost nothing. */
    const shi_coop_vcell *c = &v.cell[0];
    assert_true(c->horizon == 1 && !c->at_peace && c->n == 40501 && c->n_pos == 438);
    assert_true(fabs(c->row[SHI_CVS_MODEL].auc - 0.9114) < 1e-4);
    assert_true(fabs(c->row[SHI_CVS_PEACE].auc - 0.8744) < 1e-4);
    assert_true(fabs(c->row[SHI_CVS_RATIO].auc - 0.7231) < 1e-4);
    assert_true(fabs(c->row[SHI_CVS_CONTIG].auc - 0.6444) < 1e-4);
    assert_true(fabs(c->row[SHI_CVS_ALLY].auc - 0.6344) < 1e-4);
    assert_true(fabs(c->row[SHI_CVS_VERDICT].auc - 0.5260) < 1e-4);
    assert_int_equal(c->n_sust, 40456);
    for (size_t k = 0; k < v.ncell; k++) {
        c = &v.cell[k];
        for (int sc = SHI_CVS_VERDICT + 1; sc < SHI_CVS_N; sc++) {
            assert_true(c->row[SHI_CVS_MODEL].auc > c->row[sc].auc);
            assert_true(c->row[SHI_CVS_MODEL].brier < c->row[sc].brier);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_is_the_fit), cmocka_unit_test(russia_china),
        cmocka_unit_test(missing_gives_no_verdict), cmocka_unit_test(report_first_years),
        cmocka_unit_test(validation)};
    return shi_run_group_tests(tests, setup, teardown);
}
