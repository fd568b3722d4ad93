/*
 * test_similarity.c - S, tau-b, kappa and pi of alliance portfolios: the
 * Signorino & Ritter (1999) worked example, hand cases, errors, and properties
 * on random portfolios checked against brute-force definitions.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/rng.h>
#include <shi/similarity.h>

/* --- the worked example ----------------------------------------------------
 * Germany and Russia over the 20 European states of 1914, levels 0-3 (0 none,
 * 1 entente, 2 neutrality, 3 defence; each state 3 with itself), weighted by
 * the states' share of European capabilities.
 *
 * Inputs: Signorino & Ritter (1999), Table 6, p. 134, as transcribed in the R
 * package fpsim by Steven V. Miller (CRAN, data set `gmyrus14`, "The data come
 * by way of Signorino and Ritter (1999, Table 6)"), printed in full in Miller's
 * post on weighting alliance ties by capabilities (svmiller.com); the same
 * table is the data set `alliances1914` of jrnold/r-strat ("Signorino and
 * Ritter (1999), Table 6, p. 134"). Order and codes as there.
 *
 * Expected values: S absolute 0.4, S squared 0.4444, S weighted -0.46, tau-b
 * 0.0303 (Signorino & Ritter 1999, Table 6, as given in the issue); the full
 * digits are those fpsim prints in its documented examples: taub() 0.03031695,
 * cohenk(levels = 0:3) -0.07758621 (quadratic weights, its default w_exp = 2),
 * spi(levels = 0:3) -0.04477612 (fpsim's spi() is Scott's pi with nominal
 * weights). Hand derivations of each value are in the test below. */
static const char *const ex_state[20] = {"GMY", "RUS", "UKG", "FRN", "AUH", "ITA", "BEL",
                                         "SPN", "TUR", "NTH", "SWD", "RUM", "POR", "SWZ",
                                         "GRC", "DEN", "YUG", "BUL", "NOR", "ALB"};
static const uint8_t ex_gmy[20] = {3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0};
static const uint8_t ex_rus[20] = {0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
static const double ex_cap[20] = {0.25, 0.21, 0.20, 0.08, 0.08, 0.05, 0.03, 0.03, 0.02, 0.01,
                                  0.01, 0.01, 0.01, 0.01, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00};

static void assert_close(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol)) {
        fail_msg("got %.10f, want %.10f (tolerance %g)", got, want, tol);
    }
}

static void worked_example_1914(void **state)
{
    (void)state;
    assert_string_equal(ex_state[0], "GMY");
    assert_int_equal(ex_gmy[0], 3); /* each state is allied with itself */
    assert_int_equal(ex_rus[1], 3);

    shi_similarity r;
    shi_err err = {0};
    assert_int_equal(shi_similarity_compute(ex_gmy, ex_rus, ex_cap, 20, 3, &r, &err), SHI_OK);

    /* Published values, to the digits published. */
    assert_close(r.s_abs, 0.4, 5e-5);
    assert_close(r.s_sq, 0.4444, 5e-5);
    assert_close(r.s_abs_w, -0.46, 5e-5);
    assert_close(r.tau_b, 0.0303, 5e-5);
    assert_close(r.kappa_sq, -0.0776, 5e-5);
    assert_close(r.pi_nom, -0.0448, 5e-5);

    /* Exact values. Table (rows Germany, columns Russia): c00 = 13, c01 = 1,
     * c03 = 2, c30 = 3, c31 = 1; n = 20.
     * S abs: distances 1+1+1/3+1+1+2/3+1 = 6; S = 1 - 2*6/20 = 0.4.
     * S sq: 1+1+1/9+1+1+4/9+1 = 50/9; S = 1 - 2*(50/9)/20 = 4/9.
     * S abs weighted: .25+.21+.2/3+.08+.08+.05*2/3+.01 = .73, sum w = 1: -0.46.
     * S sq weighted: .25+.21+.2/9+.08+.08+.05*4/9+.01 = .63+.4/9; 1 - 2x.
     * tau-b: P = 13*1 = 13, Q = 1*3 + 2*3 + 2*1 = 11, n0 = 190, ties 126 and 122:
     *        2 / sqrt(64 * 68).
     * kappa sq: R = (16,0,0,4), C = (16,2,0,2); sum c d = 50 (d = (i-j)^2),
     *        sum R_i C_j d_ij = 928; kappa = 1 - 20*50/928.
     * pi nom: p_o = 13/20, pooled m = (32,2,0,6)/40, p_e = 0.665.
     * pi sq: M = (32,2,0,6), sum M_i M_j d_ij = 3680; pi = 1 - 4*20*50/3680. */
    assert_close(r.s_abs, 0.4, 1e-15);
    assert_close(r.s_sq, 4.0 / 9.0, 1e-15);
    assert_close(r.s_abs_w, -0.46, 1e-12);
    assert_close(r.s_sq_w, 1.0 - 2.0 * (0.63 + 0.4 / 9.0), 1e-12);
    assert_close(r.tau_b, 2.0 / sqrt(64.0 * 68.0), 1e-15);
    assert_close(r.tau_b, 0.03031695, 5e-9);
    assert_close(r.kappa_sq, 1.0 - 1000.0 / 928.0, 1e-15);
    assert_close(r.kappa_sq, -0.07758621, 5e-9);
    assert_close(r.pi_nom, (0.65 - 0.665) / (1.0 - 0.665), 1e-12);
    assert_close(r.pi_nom, -0.04477612, 5e-9);
    assert_close(r.pi_sq, 1.0 - 4000.0 / 3680.0, 1e-15);

    /* The separate functions agree with the one-pass record. */
    assert_true(shi_similarity_s(ex_gmy, ex_rus, NULL, 20, 3, SHI_SIM_ABSOLUTE) == r.s_abs);
    assert_true(shi_similarity_s(ex_gmy, ex_rus, NULL, 20, 3, SHI_SIM_SQUARED) == r.s_sq);
    assert_true(shi_similarity_s(ex_gmy, ex_rus, ex_cap, 20, 3, SHI_SIM_ABSOLUTE) == r.s_abs_w);
    assert_true(shi_similarity_s(ex_gmy, ex_rus, ex_cap, 20, 3, SHI_SIM_SQUARED) == r.s_sq_w);
    assert_true(shi_similarity_tau_b(ex_gmy, ex_rus, 20, 3) == r.tau_b);
    assert_true(shi_similarity_kappa(ex_gmy, ex_rus, 20, 3, SHI_SIM_SQUARED) == r.kappa_sq);
    assert_true(shi_similarity_kappa(ex_gmy, ex_rus, 20, 3, SHI_SIM_ABSOLUTE) == r.kappa_abs);
    assert_true(shi_similarity_kappa(ex_gmy, ex_rus, 20, 3, SHI_SIM_NOMINAL) == r.kappa_nom);
    assert_true(shi_similarity_pi(ex_gmy, ex_rus, 20, 3, SHI_SIM_NOMINAL) == r.pi_nom);
    assert_true(shi_similarity_pi(ex_gmy, ex_rus, 20, 3, SHI_SIM_ABSOLUTE) == r.pi_abs);
    assert_true(shi_similarity_pi(ex_gmy, ex_rus, 20, 3, SHI_SIM_SQUARED) == r.pi_sq);
}

/* Reversed rows: a = 0,1,2,3 and b = 3,2,1,0 (L = 3). Distances 1, 1/3, 1/3, 1:
 * S abs = 1 - 2(8/3)/4 = -1/3; squared 1 - 2(20/9)/4 = -1/9. tau-b = -1.
 * Nominal: p_o = 0, p_e = 4/16, kappa = pi = -1/3. Quadratic kappa: all
 * marginals 1/4, D_e = sum_ij (i-j)^2 / 16 / 9 = 40/144, D_o = 20/36: -1. */
static void reversed_rows(void **state)
{
    (void)state;
    const uint8_t a[4] = {0, 1, 2, 3}, b[4] = {3, 2, 1, 0};
    shi_similarity r;
    assert_int_equal(shi_similarity_compute(a, b, NULL, 4, 3, &r, NULL), SHI_OK);
    assert_close(r.s_abs, -1.0 / 3.0, 1e-15);
    assert_close(r.s_sq, -1.0 / 9.0, 1e-15);
    assert_true(isnan(r.s_abs_w) && isnan(r.s_sq_w));
    assert_close(r.tau_b, -1.0, 1e-15);
    assert_close(r.kappa_nom, -1.0 / 3.0, 1e-15);
    assert_close(r.pi_nom, -1.0 / 3.0, 1e-15);
    assert_close(r.kappa_sq, -1.0, 1e-15);
    assert_close(r.pi_sq, -1.0, 1e-15);
}

/* Constant rows: tau-b has no variance to work with; kappa and pi are 0/0 when
 * both rows sit at the same level, 0 (no better than chance) otherwise. */
static void degenerate_rows(void **state)
{
    (void)state;
    const uint8_t z[5] = {0, 0, 0, 0, 0}, y[5] = {0, 1, 0, 3, 0}, t3[5] = {3, 3, 3, 3, 3};
    shi_similarity r;
    assert_int_equal(shi_similarity_compute(z, z, NULL, 5, 3, &r, NULL), SHI_OK);
    assert_true(r.s_abs == 1.0 && r.s_sq == 1.0);
    assert_true(isnan(r.tau_b) && isnan(r.kappa_sq) && isnan(r.pi_nom));
    assert_int_equal(shi_similarity_compute(z, y, NULL, 5, 3, &r, NULL), SHI_OK);
    assert_true(isnan(r.tau_b));
    assert_close(r.kappa_nom, 0.0, 1e-15);
    assert_close(r.kappa_sq, 0.0, 1e-15);
    assert_int_equal(shi_similarity_compute(z, t3, NULL, 5, 3, &r, NULL), SHI_OK);
    assert_true(r.s_abs == -1.0 && r.s_sq == -1.0);
    assert_close(r.kappa_sq, 0.0, 1e-15);
    assert_close(r.pi_sq, -1.0, 1e-15);
    /* One state: no pairs. */
    assert_int_equal(shi_similarity_compute(y, y, NULL, 1, 3, &r, NULL), SHI_OK);
    assert_true(isnan(r.tau_b) && r.s_abs == 1.0);
    /* All weights zero: weighted S undefined, the rest defined. */
    const double w0[5] = {0, 0, 0, 0, 0};
    assert_int_equal(shi_similarity_compute(z, y, w0, 5, 3, &r, NULL), SHI_OK);
    assert_true(isnan(r.s_abs_w) && isnan(r.s_sq_w) && !isnan(r.s_abs));
}

static void errors(void **state)
{
    (void)state;
    const uint8_t a[3] = {0, 3, 1}, bad[3] = {0, 4, 1};
    const double wneg[3] = {0.5, -0.1, 0.2}, wnan[3] = {0.5, (double)NAN, 0.2},
                 winf[3] = {0.5, (double)INFINITY, 0.2};
    shi_similarity r;
    shi_err err = {0};
    assert_int_equal(shi_similarity_compute(a, bad, NULL, 3, 3, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "similarity: level of state 1 must be 0-3, got 4 in row b");
    assert_true(isnan(r.s_abs) && isnan(r.tau_b) && isnan(r.pi_sq));
    assert_int_equal(shi_similarity_compute(bad, a, NULL, 3, 3, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "similarity: level of state 1 must be 0-3, got 4 in row a");
    assert_int_equal(shi_similarity_compute(a, bad, NULL, 3, 4, &r, &err), SHI_OK);
    assert_int_equal(shi_similarity_compute(a, a, wneg, 3, 3, &r, &err), SHI_EDATA);
    assert_string_equal(err.msg, "similarity: weight of state 1 must be finite and >= 0, got -0.1");
    assert_int_equal(shi_similarity_compute(a, a, wnan, 3, 3, &r, &err), SHI_EDATA);
    assert_int_equal(shi_similarity_compute(a, a, winf, 3, 3, &r, &err), SHI_EDATA);
    assert_int_equal(shi_similarity_compute(a, a, NULL, 3, 0, &r, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "similarity: top level must be 1-15, got 0");
    assert_int_equal(shi_similarity_compute(a, a, NULL, 3, 16, &r, &err), SHI_EUSAGE);
    assert_int_equal(shi_similarity_compute(a, a, NULL, 0, 3, &r, &err), SHI_EUSAGE);
    assert_int_equal(shi_similarity_compute(NULL, a, NULL, 3, 3, &r, &err), SHI_EUSAGE);
    assert_int_equal(shi_similarity_compute(a, a, NULL, 3, 3, NULL, &err), SHI_EUSAGE);
    assert_true(isnan(shi_similarity_s(a, bad, NULL, 3, 3, SHI_SIM_ABSOLUTE)));
    assert_true(isnan(shi_similarity_s(a, a, NULL, 3, 3, (shi_sim_metric)7)));
    assert_true(isnan(shi_similarity_tau_b(a, bad, 3, 3)));
    assert_true(isnan(shi_similarity_kappa(a, a, 3, 3, (shi_sim_metric)7)));
    assert_true(isnan(shi_similarity_pi(a, a, 0, 3, SHI_SIM_NOMINAL)));
    assert_string_equal(shi_sim_metric_name(SHI_SIM_SQUARED), "squared");
}

/* The fast checks (eight levels at a time; weights by sign bit and by the
 * finiteness of the cell sums) against the plain rule, for every top level,
 * every byte value and every position in a row long enough for both the
 * word-at-a-time loop and the tail. */
static void validation_exhaustive(void **state)
{
    (void)state;
    enum { N = 19 };
    uint8_t a[N], b[N];
    double w[N];
    shi_similarity r;
    for (unsigned int L = 1; L <= SHI_SIM_MAX_LEVEL; L++) {
        for (size_t pos = 0; pos < N; pos++) {
            for (unsigned int v = 0; v < 256; v++) {
                for (size_t k = 0; k < N; k++) {
                    a[k] = (uint8_t)(k % (L + 1));
                    b[k] = (uint8_t)((k * 7) % (L + 1));
                    w[k] = 0.05;
                }
                a[pos] = (uint8_t)v;
                shi_status want = v > L ? SHI_EDATA : SHI_OK;
                assert_int_equal(shi_similarity_compute(a, b, NULL, N, L, &r, NULL), want);
                assert_int_equal(shi_similarity_compute(b, a, w, N, L, &r, NULL), want);
            }
        }
    }
    /* Weights: -0.0 is a valid weight of 0; NaN, infinities and negatives are not,
     * wherever they are. */
    for (size_t k = 0; k < N; k++) {
        a[k] = (uint8_t)(k % 4);
        b[k] = (uint8_t)(k % 3);
    }
    const double badw[4] = {-1e-300, (double)NAN, (double)INFINITY, -(double)INFINITY};
    for (size_t pos = 0; pos < N; pos++) {
        for (int i = 0; i < 5; i++) {
            for (size_t k = 0; k < N; k++) {
                w[k] = 1.0 / N;
            }
            w[pos] = i < 4 ? badw[i] : -0.0;
            shi_err err = {0};
            shi_status st = shi_similarity_compute(a, b, w, N, 3, &r, &err);
            assert_int_equal(st, i < 4 ? SHI_EDATA : SHI_OK);
            if (i < 4) {
                char want[64];
                snprintf(want, sizeof want, "similarity: weight of state %zu must", pos);
                assert_true(strncmp(err.msg, want, strlen(want)) == 0);
            }
        }
    }
    /* Finite weights whose sum overflows: accepted; weighted S then undefined. */
    for (size_t k = 0; k < N; k++) {
        w[k] = 1e308;
    }
    assert_int_equal(shi_similarity_compute(a, b, w, N, 3, &r, NULL), SHI_OK);
    assert_true(isnan(r.s_abs_w) || (r.s_abs_w >= -1.0 && r.s_abs_w <= 1.0));
}

/* --- brute force, straight from the definitions ------------------------------ */

static double d_of(shi_sim_metric m, int i, int j, int levels)
{
    double g = fabs((double)(i - j)) / (double)levels;
    return m == SHI_SIM_NOMINAL ? (double)(i != j) : m == SHI_SIM_ABSOLUTE ? g : g * g;
}

static double brute_s(const uint8_t *a, const uint8_t *b, const double *w, size_t n, int levels,
                      shi_sim_metric m)
{
    double d = 0.0, dmax = 0.0;
    for (size_t k = 0; k < n; k++) {
        double wk = w ? w[k] : 1.0;
        d += wk * d_of(m, a[k], b[k], levels);
        dmax += wk;
    }
    return 1.0 - 2.0 * d / dmax;
}

/* O(n^2) over pairs of states. */
static double brute_tau_b(const uint8_t *a, const uint8_t *b, size_t n)
{
    double s = 0.0, ta = 0.0, tb = 0.0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            int da = (a[i] > a[j]) - (a[i] < a[j]);
            int db = (b[i] > b[j]) - (b[i] < b[j]);
            s += (double)(da * db);
            ta += (double)(da != 0);
            tb += (double)(db != 0);
        }
    }
    return s / sqrt(ta * tb);
}

/* 1 - D_o / D_e with proportions, as in Häge (2011). */
static double brute_chance(const uint8_t *a, const uint8_t *b, size_t n, int levels,
                           shi_sim_metric m, int pooled)
{
    double r[16] = {0}, c[16] = {0}, dobs = 0.0, dexp = 0.0;
    for (size_t k = 0; k < n; k++) {
        r[a[k]] += 1.0 / (double)n;
        c[b[k]] += 1.0 / (double)n;
        dobs += d_of(m, a[k], b[k], levels) / (double)n;
    }
    for (int i = 0; i <= levels; i++) {
        for (int j = 0; j <= levels; j++) {
            double pi = pooled ? (r[i] + c[i]) / 2 : r[i], pj = pooled ? (r[j] + c[j]) / 2 : c[j];
            dexp += pi * pj * d_of(m, i, j, levels);
        }
    }
    return 1.0 - dobs / dexp;
}

/* --- random portfolios -------------------------------------------------------- */

/* Alliance-like rows: mostly 0, some 1..L; state `self_a` of a and `self_b`
 * of b at L. Weights: capability-like shares (skewed, summing to 1). */
static void random_pair(shi_rng *g, uint8_t *a, uint8_t *b, double *w, size_t n, int levels)
{
    double p0 = shi_rng_uniform(g); /* share of "no alliance" */
    for (size_t k = 0; k < n; k++) {
        a[k] = shi_rng_uniform(g) < p0 ? 0 : (uint8_t)(1 + shi_rng_below(g, (uint64_t)levels));
        b[k] = shi_rng_uniform(g) < p0 ? 0 : (uint8_t)(1 + shi_rng_below(g, (uint64_t)levels));
        /* correlate b with a half of the time */
        if (shi_rng_uniform(g) < 0.3) {
            b[k] = a[k];
        }
        double u = shi_rng_uniform(g);
        w[k] = u * u * u * u;
    }
    a[shi_rng_below(g, n)] = (uint8_t)levels;
    b[shi_rng_below(g, n)] = (uint8_t)levels;
    double sum = 0.0;
    for (size_t k = 0; k < n; k++) {
        sum += w[k];
    }
    for (size_t k = 0; k < n; k++) {
        w[k] /= sum;
    }
}

static int same(double x, double y)
{
    return (isnan(x) && isnan(y)) || x == y;
}

static void assert_same_record(const shi_similarity *x, const shi_similarity *y)
{
    assert_true(same(x->s_abs, y->s_abs) && same(x->s_sq, y->s_sq));
    assert_true(same(x->s_abs_w, y->s_abs_w) && same(x->s_sq_w, y->s_sq_w));
    assert_true(same(x->tau_b, y->tau_b));
    assert_true(same(x->kappa_nom, y->kappa_nom) && same(x->kappa_abs, y->kappa_abs) &&
                same(x->kappa_sq, y->kappa_sq));
    assert_true(same(x->pi_nom, y->pi_nom) && same(x->pi_abs, y->pi_abs) &&
                same(x->pi_sq, y->pi_sq));
}

static void in_bounds(double v, double lo, double hi)
{
    if (isnan(v)) {
        return;
    }
    if (!(v >= lo - 1e-12 && v <= hi + 1e-12)) {
        fail_msg("%.17g outside [%g, %g]", v, lo, hi);
    }
}

#define MAXN 200

static const size_t sizes[] = {2, 3, 5, 8, 20, 60, 195, 200};
static const int levels_of[] = {1, 2, 3, 3, 3, 5, 15};

static void against_brute_force(void **state)
{
    (void)state;
    shi_rng g;
    shi_rng_init(&g, 20261128, 1);
    uint8_t a[MAXN], b[MAXN];
    double w[MAXN];
    for (int rep = 0; rep < 400; rep++) {
        size_t n = sizes[rep % 8];
        int L = levels_of[(rep / 8) % 7];
        random_pair(&g, a, b, w, n, L);
        shi_similarity r;
        assert_int_equal(shi_similarity_compute(a, b, w, n, (unsigned)L, &r, NULL), SHI_OK);
        assert_close(r.s_abs, brute_s(a, b, NULL, n, L, SHI_SIM_ABSOLUTE), 1e-12);
        assert_close(r.s_sq, brute_s(a, b, NULL, n, L, SHI_SIM_SQUARED), 1e-12);
        assert_close(r.s_abs_w, brute_s(a, b, w, n, L, SHI_SIM_ABSOLUTE), 1e-12);
        assert_close(r.s_sq_w, brute_s(a, b, w, n, L, SHI_SIM_SQUARED), 1e-12);
        assert_close(shi_similarity_s(a, b, w, n, (unsigned)L, SHI_SIM_NOMINAL),
                     brute_s(a, b, w, n, L, SHI_SIM_NOMINAL), 1e-12);
        double tb = brute_tau_b(a, b, n);
        if (isnan(tb)) {
            assert_true(isnan(r.tau_b));
        } else {
            assert_close(r.tau_b, tb, 1e-12);
        }
        const double *kv[3] = {&r.kappa_nom, &r.kappa_abs, &r.kappa_sq};
        const double *pv[3] = {&r.pi_nom, &r.pi_abs, &r.pi_sq};
        for (int m = 0; m < 3; m++) {
            double bk = brute_chance(a, b, n, L, (shi_sim_metric)m, 0);
            double bp = brute_chance(a, b, n, L, (shi_sim_metric)m, 1);
            if (isnan(bk) || isinf(bk)) {
                assert_true(isnan(*kv[m]));
            } else {
                assert_close(*kv[m], bk, 1e-12);
            }
            if (isnan(bp) || isinf(bp)) {
                assert_true(isnan(*pv[m]));
            } else {
                assert_close(*pv[m], bp, 1e-12);
            }
        }
    }
}

static void properties(void **state)
{
    (void)state;
    shi_rng g;
    shi_rng_init(&g, 20261128, 2);
    uint8_t a[MAXN], b[MAXN], pa[MAXN], pb[MAXN];
    double w[MAXN], pw[MAXN];
    size_t perm[MAXN];
    for (int rep = 0; rep < 400; rep++) {
        size_t n = sizes[rep % 8];
        int L = levels_of[(rep / 8) % 7];
        random_pair(&g, a, b, w, n, L);
        shi_similarity r, rt, rp, self;

        /* S(i,i) = 1 for any weights; kappa, pi and tau-b are 1 unless undefined. */
        assert_int_equal(shi_similarity_compute(a, a, w, n, (unsigned)L, &self, NULL), SHI_OK);
        assert_true(self.s_abs == 1.0 && self.s_sq == 1.0);
        assert_true(self.s_abs_w == 1.0 && self.s_sq_w == 1.0);
        int a_const = 1, b_const = 1;
        for (size_t k = 1; k < n; k++) {
            a_const &= a[k] == a[0];
            b_const &= b[k] == b[0];
        }
        if (a_const) {
            assert_true(isnan(self.tau_b) && isnan(self.kappa_sq) && isnan(self.pi_nom));
        } else {
            assert_true(self.tau_b == 1.0);
            assert_true(self.kappa_sq == 1.0 && self.kappa_nom == 1.0 && self.pi_abs == 1.0);
        }

        /* Bounds. */
        assert_int_equal(shi_similarity_compute(a, b, w, n, (unsigned)L, &r, NULL), SHI_OK);
        in_bounds(r.s_abs, -1, 1);
        in_bounds(r.s_sq, -1, 1);
        in_bounds(r.s_abs_w, -1, 1);
        in_bounds(r.s_sq_w, -1, 1);
        in_bounds(r.tau_b, -1, 1);
        in_bounds(r.kappa_nom, -1, 1); /* Cohen (1960): lower limit in [-1, 0] */
        in_bounds(r.kappa_abs, -HUGE_VAL, 1);
        in_bounds(r.kappa_sq, -HUGE_VAL, 1);
        in_bounds(r.pi_nom, -1, 1);
        in_bounds(r.pi_abs, -1, 1);
        in_bounds(r.pi_sq, -1, 1);
        assert_false(isnan(r.s_abs) || isnan(r.s_abs_w));
        assert_true(isnan(r.tau_b) == (a_const || b_const));
        if (!(a_const && b_const && a[0] == b[0])) {
            assert_false(isnan(r.kappa_sq) || isnan(r.pi_sq));
        }

        /* Symmetry: exact, for every measure. */
        assert_int_equal(shi_similarity_compute(b, a, w, n, (unsigned)L, &rt, NULL), SHI_OK);
        assert_same_record(&r, &rt);

        /* Permuting the states consistently (Fisher-Yates). */
        for (size_t k = 0; k < n; k++) {
            perm[k] = k;
        }
        for (size_t k = n; k-- > 1;) {
            size_t j = (size_t)shi_rng_below(&g, k + 1), t = perm[k];
            perm[k] = perm[j];
            perm[j] = t;
        }
        for (size_t k = 0; k < n; k++) {
            pa[k] = a[perm[k]];
            pb[k] = b[perm[k]];
            pw[k] = w[perm[k]];
        }
        assert_int_equal(shi_similarity_compute(pa, pb, pw, n, (unsigned)L, &rp, NULL), SHI_OK);
        /* weighted sums are added in another order: equal up to rounding */
        assert_close(rp.s_abs_w, r.s_abs_w, 1e-13);
        assert_close(rp.s_sq_w, r.s_sq_w, 1e-13);
        rp.s_abs_w = r.s_abs_w;
        rp.s_sq_w = r.s_sq_w;
        assert_same_record(&r, &rp); /* the rest are integer sums: exact */
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(worked_example_1914),
        cmocka_unit_test(reversed_rows),
        cmocka_unit_test(degenerate_rows),
        cmocka_unit_test(errors),
        cmocka_unit_test(validation_exhaustive),
        cmocka_unit_test(against_brute_force),
        cmocka_unit_test(properties),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
