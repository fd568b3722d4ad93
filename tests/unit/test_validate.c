/*
 * test_validate.c - AUC, top-k hits, Brier score, calibration and the logit
 * fit, against values worked out by hand or in closed form.
 */
#include "test_util.h"

#include <math.h>

#include <shi/validate.h>

static void auc_hand(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_auc_result r;
    /* Positives 0.35 and 0.8 against negatives 0.1 and 0.4: of the 4 pairs,
     * 0.35 > 0.1, 0.8 > 0.1, 0.8 > 0.4 are won, 0.35 < 0.4 lost: 3/4. */
    const double s[] = {0.1, 0.4, 0.35, 0.8};
    const int y[] = {0, 0, 1, 1};
    assert_int_equal(shi_auc(s, y, 4, &r, &err), SHI_OK);
    assert_true(fabs(r.auc - 0.75) < 1e-15);
    assert_int_equal(r.n_pos, 2);
    assert_int_equal(r.n_neg, 2);
    /* A tie between a positive and a negative counts one half: pairs
     * (0.5 vs 0.5) = 1/2, (0.5 vs 0.2) = 1, (0.9 vs 0.5) = 1, (0.9 vs 0.2) = 1
     * -> 3.5 / 4; NaN is left out and counted. */
    const double s2[] = {0.5, 0.2, 0.5, 0.9, NAN};
    const int y2[] = {0, 0, 1, 1, 1};
    assert_int_equal(shi_auc(s2, y2, 5, &r, &err), SHI_OK);
    assert_true(fabs(r.auc - 0.875) < 1e-15);
    assert_int_equal(r.n_na, 1);
    /* Perfect, reversed, constant, one class only. */
    const double s3[] = {1, 2, 3, 4};
    const int up[] = {0, 0, 1, 1}, down[] = {1, 1, 0, 0}, one[] = {1, 1, 1, 1};
    assert_int_equal(shi_auc(s3, up, 4, &r, &err), SHI_OK);
    assert_true(r.auc == 1.0);
    assert_int_equal(shi_auc(s3, down, 4, &r, &err), SHI_OK);
    assert_true(r.auc == 0.0);
    const double flat[] = {7, 7, 7, 7};
    assert_int_equal(shi_auc(flat, up, 4, &r, &err), SHI_OK);
    assert_true(r.auc == 0.5);
    assert_int_equal(shi_auc(s3, one, 4, &r, &err), SHI_OK);
    assert_true(isnan(r.auc));
    const int bad[] = {0, 2, 1, 0};
    assert_int_equal(shi_auc(s3, bad, 4, &r, &err), SHI_EUSAGE);
}

static void topk_hand(void **state)
{
    (void)state;
    /* Group 1: the positive ranks 2nd -> a top-2 hit, not a top-1 hit.
     * Group 2: the positive ties with a negative for 1st -> no top-1 hit
     * (ties count against the model), a top-2 hit. Group 3: no positive, left
     * out. Group 4 (not adjacent): the positive is 1st. */
    const double s[] = {0.9, 0.5, 0.1, 0.7, 0.7, 0.2, 0.3, 0.4, 0.8, 0.1};
    const int y[] = {0, 1, 0, 1, 0, 0, 0, 0, 1, 0};
    const long g[] = {1, 1, 1, 2, 2, 2, 3, 3, 4, 4};
    size_t groups;
    assert_true(fabs(shi_topk_hits(s, y, g, 10, 1, &groups) - 1.0 / 3) < 1e-15);
    assert_int_equal(groups, 3);
    assert_true(shi_topk_hits(s, y, g, 10, 2, &groups) == 1.0);
}

static void brier_calibration(void **state)
{
    (void)state;
    const double p[] = {0.1, 0.9, 0.8, 0.3, NAN};
    const int y[] = {0, 1, 0, 1, 1};
    /* (0.01 + 0.01 + 0.64 + 0.49) / 4 = 0.2875 */
    assert_true(fabs(shi_brier(p, y, 5) - 0.2875) < 1e-15);
    shi_calib_bin b[2];
    shi_calibration(p, y, 5, b, 2);
    assert_int_equal(b[0].n, 2); /* 0.1, 0.3 */
    assert_true(fabs(b[0].mean_p - 0.2) < 1e-15 && b[0].observed == 0.5);
    assert_int_equal(b[1].n, 2); /* 0.9, 0.8 */
    assert_true(fabs(b[1].mean_p - 0.85) < 1e-15 && b[1].observed == 0.5);
}

/* With one binary regressor the logit MLE is closed form: b0 = logit of the
 * share of positives at x = 0, b0 + b1 = logit of the share at x = 1. */
static void logit_closed_form(void **state)
{
    (void)state;
    /* x = 0: 2 of 8 positive (logit(1/4) = -ln 3); x = 1: 6 of 8 (ln 3). */
    double X[16];
    int y[16];
    for (int i = 0; i < 16; i++) {
        X[i] = i < 8 ? 0 : 1;
        y[i] = i < 8 ? (i < 2) : (i < 14);
    }
    double beta[2];
    shi_err err = {0};
    assert_int_equal(shi_logit_fit(X, y, 16, 1, beta, &err), SHI_OK);
    assert_true(fabs(beta[0] + log(3)) < 1e-9);
    assert_true(fabs(beta[1] - 2 * log(3)) < 1e-9);
    double one = 1;
    assert_true(fabs(shi_logit_prob(beta, &one, 1) - 0.75) < 1e-9);
    /* Perfect separation has no finite MLE: an error, not a number. */
    for (int i = 0; i < 16; i++) {
        y[i] = i >= 8;
    }
    assert_int_equal(shi_logit_fit(X, y, 16, 1, beta, &err), SHI_EDATA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(auc_hand),
        cmocka_unit_test(topk_hand),
        cmocka_unit_test(brier_calibration),
        cmocka_unit_test(logit_closed_form),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
