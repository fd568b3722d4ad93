/*
 * test_mnl.c - the multinomial logit (shi/mnl.h) against an independent fit.
 *
 * Reference: tests/unit/ref/mnl_reference.py, a numpy Newton fit written for
 * this check (the softmax Hessian built with numpy.einsum, solved with
 * numpy.linalg.solve), run with Debian's python3-numpy 1.24.2; its printed
 * output is quoted below. The same script makes the data.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/mnl.h>

static void close_to(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol)) {
        fail_msg("got %.15g, want %.15g", got, want);
    }
}

/* y printed by mnl_reference.py for its 60 rows. */
static const int Y60[60] = {2, 1, 1, 0, 1, 1, 1, 1, 2, 2, 2, 0, 0, 1, 2, 2, 1, 2, 2, 2,
                            0, 1, 1, 2, 0, 1, 2, 2, 2, 0, 1, 0, 1, 0, 2, 1, 2, 2, 2, 1,
                            1, 2, 2, 2, 2, 0, 2, 2, 2, 1, 1, 2, 2, 0, 1, 0, 2, 2, 0, 1};

static void synthetic_x(double *x)
{
    for (int i = 0; i < 60; i++) {
        x[i * 3] = 1.0;
        x[i * 3 + 1] = sin(1.3 * i);
        x[i * 3 + 2] = cos(0.7 * i) + i / 60.0;
    }
}

static void against_numpy(void **state)
{
    (void)state;
    double x[180];
    synthetic_x(x);
    shi_mnl_fit f;
    shi_err err = {0};
    assert_int_equal(shi_mnl_fit_weighted(x, Y60, NULL, 60, 3, 3, &f, &err), SHI_OK);
    assert_true(f.converged);
    /* mnl_reference.py: beta = 0.3475544898665318, 1.3776753051064061,
     * -1.229286333156317, -0.10694278694872203, -1.833908409845994,
     * 1.2023586009380391; se = 0.45364289126442336, 0.7161399148665989,
     * 0.6272587699889819, 0.5258973821808545, 0.6948273677377707,
     * 0.5699176200877873; ll = -43.232162834418034,
     * ll_null = -62.62542217988451. */
    static const double beta[6] = {0.3475544898665318,   1.3776753051064061, -1.229286333156317,
                                   -0.10694278694872203, -1.833908409845994, 1.2023586009380391};
    static const double se[6] = {0.45364289126442336, 0.7161399148665989, 0.6272587699889819,
                                 0.5258973821808545,  0.6948273677377707, 0.5699176200877873};
    for (int a = 0; a < 6; a++) {
        close_to(f.beta[a], beta[a], 1e-8);
        close_to(f.se[a], se[a], 1e-8);
    }
    close_to(f.ll, -43.232162834418034, 1e-9);
    close_to(f.ll_null, -62.62542217988451, 1e-9);
    close_to(f.nobs, 60, 0);
    shi_mnl_fit_free(&f);
}

/* Frequency weights: rows given twice and the same rows with weight 2 give
 * the same estimates; the log-likelihood doubles against the single set. */
static void weights_are_counts(void **state)
{
    (void)state;
    double x[360], w[60];
    int y[120];
    synthetic_x(x);
    synthetic_x(x + 180);
    memcpy(y, Y60, sizeof Y60);
    memcpy(y + 60, Y60, sizeof Y60);
    for (int i = 0; i < 60; i++) {
        w[i] = 2;
    }
    shi_mnl_fit a, b;
    assert_int_equal(shi_mnl_fit_weighted(x, y, NULL, 120, 3, 3, &a, NULL), SHI_OK);
    assert_int_equal(shi_mnl_fit_weighted(x, Y60, w, 60, 3, 3, &b, NULL), SHI_OK);
    for (int q = 0; q < 6; q++) {
        close_to(a.beta[q], b.beta[q], 1e-10);
        close_to(a.se[q], b.se[q], 1e-10);
    }
    close_to(a.ll, 2 * -43.232162834418034, 1e-8);
    close_to(b.ll, a.ll, 1e-8);
    shi_mnl_fit_free(&a);
    shi_mnl_fit_free(&b);
}

/* Dummies only (a saturated model): the estimates are the log odds of the
 * table's cells, computed here by hand. Group 0 (x = 1, 0): counts 50, 30,
 * 20 of categories 0, 1, 2; group 1 (x = 1, 1): 10, 0, 40. The constant of
 * category 2 is log(20/50); its dummy log(40/10) - log(20/50); category 1's
 * dummy runs off to -inf (an empty cell), and the log-likelihood is
 * 50 log .5 + 30 log .3 + 20 log .2 + 10 log .2 + 40 log .8. */
static void saturated_and_separated(void **state)
{
    (void)state;
    const double x[12] = {1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1};
    const int y[6] = {0, 1, 2, 0, 1, 2};
    const double w[6] = {50, 30, 20, 10, 0, 40};
    shi_mnl_fit f;
    assert_int_equal(shi_mnl_fit_weighted(x, y, w, 6, 2, 3, &f, NULL), SHI_OK);
    close_to(f.beta[0], log(30.0 / 50), 1e-9);
    assert_true(f.beta[1] < -15);
    close_to(f.beta[2], log(20.0 / 50), 1e-9);
    close_to(f.beta[3], log(40.0 / 10) - log(20.0 / 50), 1e-9);
    double ll = 50 * log(.5) + 30 * log(.3) + 20 * log(.2) + 10 * log(.2) + 40 * log(.8);
    close_to(f.ll, ll, 1e-6);
    /* Null: 60, 30, 60 of 150. */
    close_to(f.ll_null, 60 * log(.4) + 30 * log(.2) + 60 * log(.4), 1e-9);
    shi_mnl_fit_free(&f);
}

static void bad_input(void **state)
{
    (void)state;
    const double x[2] = {1, 1};
    const int y[2] = {0, 3};
    shi_mnl_fit f;
    shi_err err = {0};
    assert_int_equal(shi_mnl_fit_weighted(x, y, NULL, 2, 1, 3, &f, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "mnl: row 1: category 3 is outside 0-2");
    assert_null(f.beta);
    const int y2[2] = {0, 1};
    const double w[2] = {1, -1};
    assert_int_equal(shi_mnl_fit_weighted(x, y2, w, 2, 1, 3, &f, &err), SHI_EUSAGE);
    assert_int_equal(shi_mnl_fit_weighted(x, y2, NULL, 2, 1, 1, &f, &err), SHI_EUSAGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(against_numpy),
        cmocka_unit_test(weights_are_counts),
        cmocka_unit_test(saturated_and_separated),
        cmocka_unit_test(bad_input),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
