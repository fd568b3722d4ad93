/*
 * test_drivers_id.c - the identified drivers test (shi/drivers_id.h): the
 * verdict rules, the permutation p values, and known answers on simulated
 * data (issue 12: each right in >= 90% of 200 seeded replications).
 *
 * The simulated world mimics the real case: 23 years, two external and two
 * bilateral drivers that are random walks (so levels would give a spurious
 * fit and the unit-root tests must send the model to differences), 30
 * placebo third states whose external drivers are independent random walks
 * of the same kind. The outcome's changes are
 *   external:  dy = de1 + 0.5 de2 + 0.3 u
 *   bilateral: dy = db1 + 0.5 db2 + 0.3 u
 *   neither:   dy = u
 * with u, and the drivers' steps, independent N(0, 1).
 */
#include "test_util.h"

#include <math.h>

#include <shi/drivers_id.h>
#include <shi/rng.h>

#define N 23
#define NPLACEBO 30

static double gauss(shi_rng *r)
{
    double u = shi_rng_uniform(r), v = shi_rng_uniform(r);
    if (u < 1e-300) {
        u = 1e-300;
    }
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

static void random_walk(shi_rng *g, double *x)
{
    x[0] = gauss(g);
    for (int t = 1; t < N; t++) {
        x[t] = x[t - 1] + gauss(g);
    }
}

enum { WORLD_EXTERNAL, WORLD_BILATERAL, WORLD_NEITHER };

/* One replication: the verdict of shi_drivers_identify on world `w`, seed `rep`. */
static shi_verdict simulate(int w, uint64_t rep, shi_drivers_id *res)
{
    static double y[N], X[4 * N], PX[NPLACEBO * 2 * N];
    shi_rng g;
    shi_rng_init(&g, 12000 + (uint64_t)w, rep);
    for (int j = 0; j < 4; j++) {
        random_walk(&g, X + j * N);
    }
    for (int p = 0; p < NPLACEBO * 2; p++) {
        random_walk(&g, PX + p * N);
    }
    const double *d1 = w == WORLD_EXTERNAL ? X : X + 2 * N;
    const double *d2 = d1 + N;
    y[0] = gauss(&g);
    for (int t = 1; t < N; t++) {
        double u = gauss(&g);
        double sig = w == WORLD_NEITHER ? 0.0 : (d1[t] - d1[t - 1]) + 0.5 * (d2[t] - d2[t - 1]);
        y[t] = y[t - 1] + sig + (w == WORLD_NEITHER ? u : 0.3 * u);
    }
    static const int block[4] = {SHI_BLOCK_EXTERNAL, SHI_BLOCK_EXTERNAL, SHI_BLOCK_BILATERAL,
                                 SHI_BLOCK_BILATERAL};
    static const char *const names[4] = {"e1", "e2", "b1", "b2"};
    shi_drivers_id_input in = {{N, 4, y, X, block, names}, NPLACEBO, PX, NULL};
    shi_drivers_id_opts o = shi_drivers_id_opts_default();
    o.fit.boot = 200;
    o.fit.perm = 199;
    o.fit.seed = rep + 1;
    o.fit.threads = 1;
    shi_err err = {0};
    shi_status s = shi_drivers_identify(&in, &o, res, &err);
    if (s != SHI_OK) {
        fail_msg("replication %llu: %s", (unsigned long long)rep, err.msg);
    }
    return res->verdict;
}

static void known_answers(void **state)
{
    (void)state;
    static const shi_verdict want[3] = {SHI_VERDICT_EXTERNAL, SHI_VERDICT_BILATERAL,
                                        SHI_VERDICT_NOT_IDENTIFIED};
    static const char *const world[3] = {"external", "bilateral", "neither"};
    for (int w = 0; w < 3; w++) {
        int right = 0, diffs = 0;
        for (uint64_t rep = 0; rep < 200; rep++) {
            shi_drivers_id r;
            memset(&r, 0, sizeof r);
            right += simulate(w, rep, &r) == want[w];
            diffs += r.diff;
            shi_drivers_id_destroy(&r);
        }
        print_message("    world '%s': %d/200 right (%s), differenced in %d\n", world[w], right,
                      shi_verdict_name(want[w]), diffs);
        assert_true(right >= 180);
        /* Random walks: the unit-root tests must send (nearly) every fit to differences. */
        assert_true(diffs >= 190);
    }
}

/* The placebos and the permutations rank the real third state as they should. */
static void placebo_rank_and_p(void **state)
{
    (void)state;
    shi_drivers_id r;
    memset(&r, 0, sizeof r);
    assert_int_equal(simulate(WORLD_EXTERNAL, 7, &r), SHI_VERDICT_EXTERNAL);
    assert_int_equal(r.nplacebo, NPLACEBO);
    assert_int_equal(r.placebo_valid, NPLACEBO);
    size_t ge = 0;
    for (size_t p = 0; p < NPLACEBO; p++) {
        ge += !(r.placebo_share[p] < r.fit.external_share - 1e-12);
    }
    assert_int_equal(r.rank, 1 + ge);
    assert_true(fabs(r.placebo_p - (double)(1 + ge) / (NPLACEBO + 1)) < 1e-15);
    assert_true(r.fit.perm == 199 && r.fit.perm_p[0] <= 0.05);
    assert_true(r.fit.perm_p[0] >= 1.0 / 200.0);
    shi_drivers_id_destroy(&r);
}

/* The same seed gives the same numbers on 1 and 2 threads. */
static void thread_invariant(void **state)
{
    (void)state;
    double y[N], X[2 * N];
    shi_rng g;
    shi_rng_init(&g, 99, 0);
    random_walk(&g, X);
    random_walk(&g, X + N);
    for (int t = 0; t < N; t++) {
        y[t] = X[t] + 0.5 * X[N + t] + gauss(&g);
    }
    static const int block[2] = {SHI_BLOCK_EXTERNAL, SHI_BLOCK_BILATERAL};
    shi_drivers_input in = {N, 2, y, X, block, NULL};
    double p[2][2];
    for (int th = 1; th <= 2; th++) {
        shi_drivers_opts o = shi_drivers_opts_default();
        o.diff = 1;
        o.boot = 300;
        o.perm = 300;
        o.threads = th;
        shi_drivers_result r;
        shi_drivers_result_init(&r);
        shi_err err = {0};
        assert_int_equal(shi_drivers_fit(&in, &o, &r, &err), SHI_OK);
        p[th - 1][0] = r.perm_p[0];
        p[th - 1][1] = r.perm_p[1];
        shi_drivers_result_destroy(&r);
    }
    assert_true(p[0][0] == p[1][0] && p[0][1] == p[1][1]);
}

static void verdict_rules(void **state)
{
    (void)state;
    char why[300];
    const double above[2] = {0.55, 0.90}, below[2] = {0.05, 0.45}, spans[2] = {0.38, 0.61};
    assert_int_equal(shi_drivers_verdict(above, 0.03, 0.9, 0.10, why, sizeof why),
                     SHI_VERDICT_EXTERNAL);
    assert_int_equal(shi_drivers_verdict(above, 0.11, 0.0, 0.10, why, sizeof why),
                     SHI_VERDICT_NOT_IDENTIFIED);
    assert_string_equal(why, "the interval lies above 50% but placebo third states do as well "
                             "(p = 0.110 > 0.10)");
    assert_int_equal(shi_drivers_verdict(below, 0.9, 0.01, 0.10, why, sizeof why),
                     SHI_VERDICT_BILATERAL);
    assert_int_equal(shi_drivers_verdict(below, 0.01, 0.2, 0.10, why, sizeof why),
                     SHI_VERDICT_NOT_IDENTIFIED);
    assert_int_equal(shi_drivers_verdict(spans, 0.01, 0.01, 0.10, why, sizeof why),
                     SHI_VERDICT_NOT_IDENTIFIED);
    assert_string_equal(why, "the interval [38%, 61%] spans 50%");
    const double none[2] = {(double)NAN, (double)NAN};
    assert_int_equal(shi_drivers_verdict(none, 0.01, 0.01, 0.10, NULL, 0),
                     SHI_VERDICT_NOT_IDENTIFIED);
    assert_string_equal(shi_verdict_name(SHI_VERDICT_NOT_IDENTIFIED), "not identified");
}

static void too_few_years(void **state)
{
    (void)state;
    double y[9], X[18];
    for (int t = 0; t < 9; t++) {
        y[t] = t * t * 0.1 + (t % 3);
        X[t] = t + (t % 2) * 0.7;
        X[9 + t] = (t % 4) * 1.3;
    }
    static const int block[2] = {SHI_BLOCK_EXTERNAL, SHI_BLOCK_BILATERAL};
    shi_drivers_id_input in = {{9, 2, y, X, block, NULL}, 0, NULL, NULL};
    shi_drivers_id_opts o = shi_drivers_id_opts_default();
    o.form = SHI_FORM_DIFF;
    shi_drivers_id r;
    memset(&r, 0, sizeof r);
    shi_err err = {0};
    assert_int_equal(shi_drivers_identify(&in, &o, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "too few usable years: 8 after first differences and missing "
                                 "values, 10 needed (2 regressors)");
}

/* Panel: fixed effects absorb any dyad and year constants; the share recovers
 * the block that drives the within variation. */
static void panel_fixed_effects(void **state)
{
    (void)state;
    enum { U = 12, T = 20, R = U * T };
    static double y[R], X[2 * R], y2[R], X2[2 * R];
    static int unit[R], time[R];
    static const int block[2] = {SHI_BLOCK_EXTERNAL, SHI_BLOCK_BILATERAL};
    shi_rng g;
    shi_rng_init(&g, 4242, 0);
    for (int i = 0; i < R; i++) {
        unit[i] = i / T;
        time[i] = i % T;
        X[i] = gauss(&g);
        X[R + i] = gauss(&g);
        y[i] = X[i] + 0.3 * X[R + i] + 0.3 * gauss(&g);
        /* arbitrary dyad and year constants */
        double a = 2.385 * unit[i] - 0.7 * time[i] * time[i], c = 1.1 * unit[i] + 0.4 * time[i];
        y2[i] = y[i] + a;
        X2[i] = X[i] + c;
        X2[R + i] = X[R + i] - a;
    }
    X[5] = (double)NAN; /* a missing value drops its row */
    X2[5] = (double)NAN;
    shi_panel_input in = {R, 2, y, X, block, unit, time, U, T};
    shi_panel_fit f1, f2;
    shi_err err = {0};
    assert_int_equal(shi_panel_fe_fit(&in, 200, 3, &f1, &err), SHI_OK);
    in.y = y2;
    in.X = X2;
    assert_int_equal(shi_panel_fe_fit(&in, 200, 3, &f2, &err), SHI_OK);
    assert_int_equal(f1.nobs, R - 1);
    assert_int_equal(f1.nunit, U);
    assert_true(fabs(f1.share - f2.share) < 1e-8);
    assert_true(fabs(f1.r2_within - f2.r2_within) < 1e-8);
    assert_true(f1.share > 0.8 && f1.share_ci[0] > 0.5 && f1.share_ci[1] <= 1.0 + 1e-9);
    /* too few dyads */
    in.nunit = 2;
    in.nrow = 2 * T;
    assert_int_equal(shi_panel_fe_fit(&in, 0, 3, &f1, &err), SHI_EDATA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(verdict_rules),       cmocka_unit_test(too_few_years),
        cmocka_unit_test(thread_invariant),    cmocka_unit_test(placebo_rank_and_p),
        cmocka_unit_test(panel_fixed_effects), cmocka_unit_test(known_answers)};
    return shi_run_group_tests(tests, NULL, NULL);
}
