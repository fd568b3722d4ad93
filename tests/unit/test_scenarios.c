/*
 * test_scenarios.c - the five futures (shi/scenarios.h): the rules on a
 * hand-made series (classified by hand below), the ranked probability score
 * (computed by hand), the AR fit on a simulated panel (its generating
 * parameters are the reference), the same results for any thread count, the
 * shocks, and the shock file's errors; the external driver: its coefficient
 * recovered from a simulated panel, its value for a named year against the
 * NMC file, the same results on 1 and 2 threads, its refusals; the pact
 * hazard from the formation model and its draws.
 */
#include "test_util.h"

#include <math.h>

#include <shi/futures.h>
#include <shi/rng.h>
#include <shi/scenarios.h>

static shi_data DATA;

static int setup(void **state)
{
    (void)state;
    /* the economic part for polity2, a covariate of the formation model
     * behind the pact hazard */
    return open_data(&DATA, SHI_DATA_RELATIONS | SHI_DATA_ECON);
}

static int teardown(void **state)
{
    (void)state;
    shi_data_destroy(&DATA);
    return 0;
}

static void classify_rules(void **state)
{
    (void)state;
    assert_int_equal(shi_future_classify(0.5, 0.1, 0, 1, 1), SHI_FUT_CONFRONT);
    assert_int_equal(shi_future_classify(-0.5, 0.1, 0, 1, 0), SHI_FUT_ALLIANCE);
    /* a pact held at the start is no new alliance */
    assert_int_equal(shi_future_classify(0.05, 0.1, 1, 1, 0), SHI_FUT_STATUSQUO);
    assert_int_equal(shi_future_classify(0.2, 0.1, 1, 1, 0), SHI_FUT_CONVERGE);
    assert_int_equal(shi_future_classify(-0.2, 0.1, 0, 0, 0), SHI_FUT_TENSION);
    assert_int_equal(shi_future_classify((double)NAN, 0.1, 0, 0, 0), -1);
}

/* One pair, 2000-2009, two components (a third seen once), band 0.1:
 *   year  2000 2001 2002 2003 2004 2005 2006 2007 2008 2009
 *   z0     0.0  0.1  0.3  0.3 0.25  0.2  NaN -0.1 -0.5 -0.5
 *   z1     1.0  1.0  1.1  1.1  1.0  1.0  1.0  1.0  1.0  1.0
 *   z2     NaN ...                        5.0  NaN ...
 *   pact     0    0    0    0    0    1    1    1    1    1
 *   fight    0    0    0    0    0    0    0    0    0    1
 * By hand, h = 2: 2000 dC = (0.3 + 0.1) / 2 = 0.2 > 0.1 convergence;
 * 2001 (0.2 + 0.1) / 2 = 0.15 convergence; 2002 (-0.05 - 0.1) / 2 = -0.075
 * status quo; 2003 and 2004 a pact forms (2005) alliance; 2005 pact held,
 * (-0.3 + 0) / 2 = -0.15 tension; 2006 only z1 in both years: none;
 * 2007 fight in 2009: confrontation. */
static void hand_panel(shi_scen_panel *p)
{
    static const double z0[10] = {0, 0.1, 0.3, 0.3, 0.25, 0.2, NAN, -0.1, -0.5, -0.5};
    static const double z1[10] = {1, 1, 1.1, 1.1, 1, 1, 1, 1, 1, 1};
    static const uint8_t pact[10] = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    static const uint8_t fight[10] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    memset(p, 0, sizeof *p);
    p->y0 = 2000;
    p->y1 = 2009;
    p->ny = 10;
    p->npair = 1;
    p->pa = malloc(sizeof *p->pa);
    p->pb = malloc(sizeof *p->pb);
    p->z = malloc(10 * SHI_SC_N * sizeof *p->z);
    p->c = malloc(10 * sizeof *p->c);
    p->pact = malloc(10);
    p->fight = malloc(10);
    assert_non_null(p->fight);
    p->pa[0] = 1;
    p->pb[0] = 2;
    for (int t = 0; t < 10; t++) {
        p->z[t * SHI_SC_N + 0] = z0[t];
        p->z[t * SHI_SC_N + 1] = z1[t];
        p->z[t * SHI_SC_N + 2] = t == 6 ? 5.0 : (double)NAN;
        p->z[t * SHI_SC_N + 3] = (double)NAN;
        p->c[t] = (double)NAN;
        p->pact[t] = pact[t];
        p->fight[t] = fight[t];
    }
    for (int h = 0; h <= SHI_SCEN_HMAX; h++) {
        p->band[h] = 0.1;
    }
}

static void observed_hand_series(void **state)
{
    (void)state;
    shi_scen_panel p;
    hand_panel(&p);
    assert_float_equal(shi_scen_dc(&p, 0, 2000, 2002), 0.2, 1e-12);
    assert_int_equal(shi_scen_observed(&p, 0, 2000, 2), SHI_FUT_CONVERGE);
    assert_int_equal(shi_scen_observed(&p, 0, 2001, 2), SHI_FUT_CONVERGE);
    assert_int_equal(shi_scen_observed(&p, 0, 2002, 2), SHI_FUT_STATUSQUO);
    assert_int_equal(shi_scen_observed(&p, 0, 2003, 2), SHI_FUT_ALLIANCE);
    assert_int_equal(shi_scen_observed(&p, 0, 2004, 2), SHI_FUT_ALLIANCE);
    assert_int_equal(shi_scen_observed(&p, 0, 2005, 2), SHI_FUT_TENSION);
    assert_int_equal(shi_scen_observed(&p, 0, 2006, 2), -1);
    assert_int_equal(shi_scen_observed(&p, 0, 2007, 2), SHI_FUT_CONFRONT);
    assert_int_equal(shi_scen_observed(&p, 0, 2008, 2), -1); /* past the data */
    size_t cnt[SHI_FUT_N];
    assert_int_equal(shi_scen_history(&p, 2, 2000, 2009, cnt), 7);
    assert_int_equal(cnt[SHI_FUT_CONFRONT], 1);
    assert_int_equal(cnt[SHI_FUT_TENSION], 1);
    assert_int_equal(cnt[SHI_FUT_STATUSQUO], 1);
    assert_int_equal(cnt[SHI_FUT_CONVERGE], 2);
    assert_int_equal(cnt[SHI_FUT_ALLIANCE], 2);
    /* a missing fact leaves the window unclassified */
    p.pact[1] = SHI_SCEN_NA;
    assert_int_equal(shi_scen_observed(&p, 0, 2000, 2), -1);
    shi_scen_panel_free(&p);
}

static void rps_by_hand(void **state)
{
    (void)state;
    /* P cumulative 0.1 0.3 0.7 0.9 vs O 0 0 1 1: (0.01 + 0.09 + 0.09 + 0.01) / 4 */
    const double p[SHI_FUT_N] = {0.1, 0.2, 0.4, 0.2, 0.1};
    assert_float_equal(shi_scen_rps(p, SHI_FUT_STATUSQUO), 0.05, 1e-12);
    const double worst[SHI_FUT_N] = {1, 0, 0, 0, 0};
    assert_float_equal(shi_scen_rps(worst, SHI_FUT_ALLIANCE), 1.0, 1e-12);
    assert_float_equal(shi_scen_rps(worst, SHI_FUT_CONFRONT), 0.0, 1e-12);
}

/* The CRPS of an ensemble by the kernel form E|X - y| - 0.5 E|X - X'|
 * (Gneiting & Raftery 2007): all paths at 0.01, y = 0.51: 0.5; half at 0.01
 * and half at 0.51, y = 0.01: 0.25 - 0.5 x 0.25 = 0.125. Bin 301 holds
 * [0, 0.02) (centre 0.01), bin 326 [0.5, 0.52) (centre 0.51). */
static void crps_by_hand(void **state)
{
    (void)state;
    shi_scen_result r = {0};
    r.horizon = 1;
    r.paths = 2;
    r.hist = calloc(SHI_SCEN_NBIN, sizeof *r.hist);
    assert_non_null(r.hist);
    r.hist[301] = 2;
    assert_float_equal(shi_scen_crps(&r, 1, 0.51), 0.5, 1e-9);
    assert_float_equal(shi_scen_crps(&r, 1, 0.01), 0.0, 1e-9);
    r.hist[301] = 1;
    r.hist[326] = 1;
    assert_float_equal(shi_scen_crps(&r, 1, 0.01), 0.125, 1e-9);
    free(r.hist);
}

/* A simulated panel of 20 pairs x 60 years (1900-1959) without events,
 * its series to be filled in (with room for a driver when with_x). */
static void sim_panel(shi_scen_panel *p, int with_x)
{
    memset(p, 0, sizeof *p);
    p->y0 = 1900;
    p->y1 = 1959;
    p->ny = 60;
    p->npair = 20;
    size_t n = p->npair * p->ny;
    p->pa = calloc(p->npair, sizeof *p->pa);
    p->pb = calloc(p->npair, sizeof *p->pb);
    p->z = malloc(n * SHI_SC_N * sizeof *p->z);
    p->c = malloc(n * sizeof *p->c);
    p->x = with_x ? malloc(n * sizeof *p->x) : NULL;
    p->pact = calloc(n, 1);
    p->fight = calloc(n, 1);
    assert_true(p->pa && p->pb && p->z && p->c && p->pact && p->fight && (p->x || !with_x));
}

/* 20 pairs x 60 years of C(t+1) = a_p + 0.8 C(t) + 0.3 e: the within
 * estimator recovers rho (Nickell's bias -(1 + rho) / (T - 1) = -0.03) and
 * sigma. */
static void fit_simulated(void **state)
{
    (void)state;
    shi_scen_panel p;
    sim_panel(&p, 0);
    shi_rng g;
    shi_rng_init(&g, 7, 0);
    for (size_t q = 0; q < p.npair; q++) {
        double a = -0.5 + (double)q / 20.0, c = a / 0.2;
        for (size_t t = 0; t < p.ny; t++) {
            size_t i = q * p.ny + t;
            p.c[i] = c;
            p.z[i * SHI_SC_N] = p.z[i * SHI_SC_N + 1] = c;
            p.z[i * SHI_SC_N + 2] = p.z[i * SHI_SC_N + 3] = (double)NAN;
            double u1 = 1 - shi_rng_uniform(&g), u2 = shi_rng_uniform(&g);
            c = a + 0.8 * c + 0.3 * sqrt(-2 * log(u1)) * cos(6.283185307179586 * u2);
        }
    }
    shi_scen_params par;
    shi_err err = {0};
    assert_int_equal(shi_scen_fit(&p, 0, NULL, &par, &err), SHI_OK);
    assert_true(fabs(par.v[SHI_SP_RHO] - 0.8) < 0.06);
    assert_true(fabs(par.v[SHI_SP_SIGMA] - 0.3) < 0.03);
    /* no events: the conflict hazard stays tiny */
    assert_true(1 / (1 + exp(-par.v[SHI_SP_C0])) < 1e-3);
    shi_scen_params_free(&par);
    shi_scen_panel_free(&p);
}

/* A panel simulated from C(t+1) = a_p + 0.7 C(t) + 0.5 x(t) + 0.1 e and a
 * driver x(t+1) = b_p + 0.6 x(t) + 0.2 u (e, u standard normal): the fit must
 * recover the generating 0.5, 0.7 and 0.6 (the references are the values
 * the data were made with; tolerances about 3 standard errors for 20 pairs
 * x 60 years); without the driver in the panel, the same data give a
 * different rho (the omitted regressor), so the driver is used. */
static void fit_driver_simulated(void **state)
{
    (void)state;
    shi_scen_panel p;
    sim_panel(&p, 1);
    shi_rng g;
    shi_rng_init(&g, 11, 0);
    for (size_t q = 0; q < p.npair; q++) {
        double a = -0.2 + (double)q / 50.0, bq = 0.1 + (double)q / 100.0, c = 0, x = bq / 0.4;
        for (size_t t = 0; t < p.ny; t++) {
            size_t i = q * p.ny + t;
            p.c[i] = c;
            p.x[i] = x;
            p.z[i * SHI_SC_N] = p.z[i * SHI_SC_N + 1] = c;
            p.z[i * SHI_SC_N + 2] = p.z[i * SHI_SC_N + 3] = (double)NAN;
            double u1 = 1 - shi_rng_uniform(&g), u2 = shi_rng_uniform(&g);
            double r = sqrt(-2 * log(u1));
            c = a + 0.7 * c + 0.5 * x + 0.1 * r * cos(6.283185307179586 * u2);
            x = bq + 0.6 * x + 0.2 * r * sin(6.283185307179586 * u2);
        }
    }
    shi_scen_params par;
    shi_err err = {0};
    assert_int_equal(shi_scen_fit(&p, 0, NULL, &par, &err), SHI_OK);
    assert_int_equal(par.has_x, 1);
    assert_true(fabs(par.bx - 0.5) < 0.03);
    assert_true(fabs(par.v[SHI_SP_RHO] - 0.7) < 0.03);
    assert_true(fabs(par.xphi - 0.6) < 0.05);
    assert_true(fabs(par.v[SHI_SP_SIGMA] - 0.1) < 0.01);
    shi_scen_params_free(&par);
    double *x = p.x;
    p.x = NULL;
    assert_int_equal(shi_scen_fit(&p, 0, NULL, &par, &err), SHI_OK);
    assert_int_equal(par.has_x, 0);
    assert_true(fabs(par.v[SHI_SP_RHO] - 0.7) > 0.05);
    shi_scen_params_free(&par);
    p.x = x;
    shi_scen_panel_free(&p);
}

/* RUS-CHN from 2011, 11 years, 3000 paths, 8 draws, on 1 and then 2
 * threads: the probabilities, parameter intervals and fan must be the same
 * to the bit. o is left with those options. */
static void run_two_threads(const shi_scen_panel *p, shi_scen_opts *o, shi_scen_result *r1,
                            shi_scen_result *r2)
{
    shi_err err = {0};
    *o = shi_scen_opts_default();
    o->from = 2011;
    o->horizon = 11;
    o->paths = 3000;
    o->draws = 8;
    o->threads = 1;
    assert_int_equal(shi_scen_run(p, 365, 710, o, r1, &err), SHI_OK);
    o->threads = 2;
    assert_int_equal(shi_scen_run(p, 365, 710, o, r2, &err), SHI_OK);
    assert_memory_equal(r1->p, r2->p, sizeof r1->p);
    assert_memory_equal(r1->par_lo, r2->par_lo, sizeof r1->par_lo);
    assert_memory_equal(r1->fan, r2->fan, (size_t)o->horizon * 5 * sizeof *r1->fan);
}

/* The driver on the embedded data: RUS-CHN with the USA as the third state.
 * Reference: the USA's share of the world's CINC in 2000 from
 * NMC-70-abridged.csv (cinc 0.14289317 over the sum of every state's cinc
 * that year, 1.00051800; computed with awk: 0.1428191900). RUS-USA, a pair
 * with the USA in it, takes the strongest other state instead (China, by
 * CINC in 2000: the same file). */
static void driver_embedded(void **state)
{
    (void)state;
    shi_scen_panel p = {0};
    shi_err err = {0};
    assert_int_equal(shi_futures_panel(&DATA, 365, 710, 2, NULL, &p, &err), SHI_OK);
    assert_int_equal(shi_scen_panel_pact(&DATA, 2011, 2011, &p, &err), SHI_OK);
    assert_non_null(p.x);
    long q = shi_scen_panel_pair(&p, 365, 710), qu = shi_scen_panel_pair(&p, 2, 365);
    assert_true(q >= 0 && qu >= 0);
    assert_float_equal(p.x[(size_t)q * p.ny + (size_t)(2000 - p.y0)], 0.1428191900, 2e-6);
    double chn = p.x[(size_t)q * p.ny + (size_t)(2000 - p.y0)];
    assert_true(p.x[(size_t)qu * p.ny + (size_t)(2000 - p.y0)] != chn);
    shi_scen_opts o;
    shi_scen_result r1, r2;
    run_two_threads(&p, &o, &r1, &r2);
    assert_int_equal(r1.third, 2);
    assert_memory_equal(&r1.bx_lo, &r2.bx_lo, sizeof r1.bx_lo);
    assert_true(r1.bx_lo <= r1.point.bx && r1.point.bx <= r1.bx_hi);
    shi_scen_result_free(&r2);
    /* a forced shock on the driver moves the composite through bx */
    shi_scen_shock sh = {.name = "up", .w0 = 2012, .w1 = 2012, .forced = 2012, .duration = 1};
    sh.eff[SHI_SDRV_DRIVER] = 0.5;
    shi_scen_shocks ss = {&sh, 1};
    o.shocks = &ss;
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r2, &err), SHI_OK);
    assert_true(memcmp(r1.fan, r2.fan, (size_t)o.horizon * 5 * sizeof *r1.fan) != 0);
    shi_scen_result_free(&r1);
    shi_scen_result_free(&r2);
    shi_scen_panel_free(&p);
    /* refusals: a driver shock without a driver; a third state without data */
    assert_int_equal(shi_scen_panel_build(&DATA, 365, 710, &p, &err), SHI_OK);
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r1, &err), SHI_EUSAGE);
    assert_non_null(strstr(err.msg, "moves the driver"));
    assert_int_equal(shi_scen_panel_driver(&DATA, 99999, DATA.cinc, &p, &err), SHI_EUSAGE);
    assert_null(p.x);
    shi_scen_panel_free(&p);
}

static void panel_embedded(void **state)
{
    (void)state;
    shi_scen_panel p;
    shi_err err = {0};
    assert_int_equal(shi_scen_panel_build(&DATA, 365, 710, &p, &err), SHI_OK);
    long q = shi_scen_panel_pair(&p, 710, 365);
    assert_true(q >= 0);
    size_t b = (size_t)q * p.ny;
    /* The 1950 Sino-Soviet treaty (a defence pact) lapsed in 1980; the
     * Zhenbao (Damansky) island clashes were in March 1969. */
    assert_int_equal(p.pact[b + (size_t)(1979 - p.y0)], 1);
    assert_int_equal(p.pact[b + (size_t)(1982 - p.y0)], 0);
    assert_int_equal(p.fight[b + (size_t)(1969 - p.y0)], 1);
    for (int h = 2; h <= 20; h++) { /* volatility grows with the horizon */
        assert_true(p.band[h] > 0 && p.band[h] >= p.band[h - 1] - 0.02);
    }
    shi_scen_panel_free(&p);
}

static void run_threads_same(void **state)
{
    (void)state;
    shi_scen_panel p;
    shi_err err = {0};
    assert_int_equal(shi_scen_panel_build(&DATA, 365, 710, &p, &err), SHI_OK);
    assert_int_equal(shi_scen_panel_pact(&DATA, 2011, 2011, &p, &err), SHI_OK);
    shi_scen_opts o;
    shi_scen_result r1, r2;
    run_two_threads(&p, &o, &r1, &r2);
    for (int k = 0; k < r1.nh; k++) {
        double s = 0;
        for (int f = 0; f < SHI_FUT_N; f++) {
            s += r1.p[k][f];
            assert_true(r1.mc_lo[k][f] <= r1.p[k][f] && r1.p[k][f] <= r1.mc_hi[k][f]);
        }
        assert_float_equal(s, 1.0, 1e-12);
    }
    shi_scen_result_free(&r1);
    shi_scen_result_free(&r2);
    /* refusals */
    o.horizon = 51;
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r1, &err), SHI_EUSAGE);
    o.horizon = 5;
    o.paths = 0;
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r1, &err), SHI_EUSAGE);
    o.paths = 100;
    o.from = 1950; /* the pair's composite begins in 1950 */
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r1, &err), SHI_EUSAGE);
    assert_non_null(strstr(err.msg, "not enough history"));
    shi_scen_panel_free(&p);
}

static void forced_shocks(void **state)
{
    (void)state;
    shi_scen_panel p;
    shi_err err = {0};
    assert_int_equal(shi_scen_panel_build(&DATA, 365, 710, &p, &err), SHI_OK);
    assert_int_equal(shi_scen_panel_pact(&DATA, 2011, 2011, &p, &err), SHI_OK);
    shi_scen_shock sh[2] = {{.name = "up", .w0 = 2012, .w1 = 2012, .forced = 2012, .duration = 1},
                            {.name = "war", .w0 = 2013, .w1 = 2013, .forced = 2013, .duration = 1}};
    sh[0].eff[SHI_SDRV_COMPOSITE] = 2.0; /* about 20 bands of h = 5 */
    sh[1].eff[SHI_SDRV_CONFLICT] = 20.0; /* log-odds 20: a conflict in 2014 */
    shi_scen_shocks ss = {sh, 1};
    shi_scen_opts o = shi_scen_opts_default();
    o.from = 2011;
    o.horizon = 5;
    o.paths = 2000;
    o.draws = 4;
    o.shocks = &ss;
    shi_scen_result r;
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r, &err), SHI_OK);
    /* no alliance or conflict can be ruled out, but convergence dominates */
    assert_true(r.p[0][SHI_FUT_CONVERGE] > 0.6);
    assert_true(r.p[0][SHI_FUT_TENSION] < 0.01);
    shi_scen_result_free(&r);
    ss.n = 2;
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r, &err), SHI_OK);
    assert_true(r.p[0][SHI_FUT_CONFRONT] > 0.999);
    shi_scen_result_free(&r);
    /* a pact shock adds to the formation hazard's log-odds: +20 in 2012
     * makes the pact all but certain (only a conflict, which ranks first,
     * can take a path from the alliance) */
    shi_scen_shock ps = {.name = "pact", .w0 = 2012, .w1 = 2012, .forced = 2012, .duration = 1};
    ps.eff[SHI_SDRV_PACT] = 20.0;
    shi_scen_shocks pss = {&ps, 1};
    o.shocks = &pss;
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r, &err), SHI_OK);
    assert_true(r.p[0][SHI_FUT_ALLIANCE] + r.p[0][SHI_FUT_CONFRONT] > 0.999);
    assert_true(r.p[0][SHI_FUT_ALLIANCE] > 0.8);
    shi_scen_result_free(&r);
    /* without a pact hazard from the origin, no run */
    o.shocks = NULL;
    o.from = 2010;
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r, &err), SHI_EUSAGE);
    assert_non_null(strstr(err.msg, "no pact hazard from 2010"));
    shi_scen_panel_free(&p);
}

/* |a - b| <= tol in double precision (cmocka's assert_float_equal is float). */
static int near(double a, double b, double tol)
{
    return fabs(a - b) <= tol;
}

/* The rate of new defence ties from first principles, independently of
 * shi_formation_rate_counts: over onset years [y0, y1], every state that is
 * a system member in t-1 and t and has at least one such partner without a
 * defence obligation (ATOP level 3) towards it in t-1 is a chooser-year at
 * risk; its onsets are those partners obligated in t. Major powers (COW, in
 * t-1) apart: rate[1]. */
static void rate_by_hand(int y0, int y1, double *rate)
{
    const shi_dyadic *dy = &DATA.dy;
    const shi_states *st = &DATA.states;
    double ch[2] = {0, 0}, on[2] = {0, 0};
    for (int t = y0; t <= y1; t++) {
        for (size_t i = 0; i < st->n; i++) {
            const shi_state *a = &st->v[i];
            if (!shi_states_member(st, a, t - 1) || !shi_states_member(st, a, t)) {
                continue;
            }
            int risk = 0, k = 0;
            for (size_t j = 0; j < st->n; j++) {
                const shi_state *b = &st->v[j];
                if (j == i || !shi_states_member(st, b, t - 1) || !shi_states_member(st, b, t)) {
                    continue;
                }
                uint8_t l0 = dy->ally_level[shi_dy_pair(dy, t - 1, i, j)],
                        l1 = dy->ally_level[shi_dy_pair(dy, t, i, j)];
                if (l0 != SHI_NA_U8 && l0 < 3) {
                    risk = 1;
                    k += l1 != SHI_NA_U8 && l1 >= 3;
                }
            }
            int m = shi_states_major(st, a, t - 1) != 0;
            ch[m] += risk;
            on[m] += risk ? k : 0;
        }
    }
    rate[0] = on[0] / ch[0];
    rate[1] = on[1] / ch[1];
}

/* P(j | i forms) for the pair from shi_formation_predict under one fit. */
static double predicted(const shi_formation_year *y, const shi_formation_fit *f, int a, int b)
{
    const shi_formation_fit *fits[SHI_FM_N] = {NULL};
    fits[SHI_FM_JOINT] = f;
    const shi_state *sa = shi_states_get(&DATA.states, a);
    shi_formation_pred *v = NULL;
    size_t m = 0;
    shi_err err = {0};
    assert_int_equal(shi_formation_predict(y, &DATA, SHI_FORM_DEFENCE, fits,
                                           (size_t)(sa - DATA.states.v), SHI_FM_JOINT, &v, &m,
                                           &err),
                     SHI_OK);
    double p = (double)NAN;
    for (size_t r = 0; r < m; r++) {
        p = v[r].ccode == b ? v[r].p[SHI_FM_JOINT] : p;
    }
    free(v);
    return p;
}

/* The pact hazard of RUS-CHN from 2011 (docs/scenarios.md): the product of
 * the rate (by hand, rate_by_hand) and the choice probability of
 * shi_formation_predict under a fit made here directly on onsets 1817-2011,
 * h = 1 - (1 - h_ab)(1 - h_ba), h_ab = 1 - exp(-r_a p_ab); and that fit is
 * not the shipped one, which saw the onsets to 2017. */
static void pact_hazard_product(void **state)
{
    (void)state;
    shi_scen_panel p;
    shi_err err = {0};
    assert_int_equal(shi_scen_panel_build(&DATA, 365, 710, &p, &err), SHI_OK);
    p.pact_ndraw = 8; /* run_two_threads' draws and the default seed */
    p.pact_seed = shi_scen_opts_default().seed;
    assert_int_equal(shi_scen_panel_pact(&DATA, 2011, 2011, &p, &err), SHI_OK);
    long q = shi_scen_panel_pair(&p, 365, 710);
    const shi_scen_pact *ph = &p.pact_h[(size_t)q * p.ny + (size_t)(2011 - p.y0)];
    assert_int_equal(ph->ok, 1);
    assert_int_equal(ph->cov_year, 2011);
    assert_int_equal(ph->fit_y1, 2011);
    /* both directions in the panel's order (a, b) */
    int a = p.pa[q], b = p.pb[q];
    int c0, c1;
    shi_formation_years(&DATA, &c0, &c1, NULL);
    assert_int_equal(ph->fit_y0, c0);
    double rate[2];
    rate_by_hand(c0, 2011, rate);
    /* Russia and China are both COW major powers in 2011 */
    assert_true(near(ph->rate_a, rate[1], 1e-12));
    assert_true(near(ph->rate_b, rate[1], 1e-12));
    shi_formation_opts fo = shi_formation_opts_default();
    fo.y1 = 2011;
    shi_formation_design x;
    assert_int_equal(shi_formation_design_build(&DATA, &fo, &x, &err), SHI_OK);
    shi_formation_fit f;
    assert_int_equal(shi_formation_fit_model(&x, SHI_FM_JOINT, c0, 2011, &f, &err), SHI_OK);
    assert_int_equal(f.ok, 1);
    const shi_formation_fit *emb = shi_formation_fit_embedded(SHI_FORM_DEFENCE, SHI_FM_JOINT);
    assert_true(emb->y1 > 2011 && f.beta[SHI_FV_THREAT_IJ] != emb->beta[SHI_FV_THREAT_IJ]);
    shi_threat_ctx *ctx = NULL;
    assert_int_equal(shi_threat_ctx_new(&ctx, &DATA, &err), SHI_OK);
    shi_formation_year y;
    assert_int_equal(shi_formation_year_compute(&DATA, ctx, &fo, 2012, &y, &err), SHI_OK);
    double pab = predicted(&y, &f, a, b), pba = predicted(&y, &f, b, a);
    assert_true(near(ph->p_ab, pab, 1e-12));
    assert_true(near(ph->p_ba, pba, 1e-12));
    double hab = 1 - exp(-rate[1] * pab), hba = 1 - exp(-rate[1] * pba);
    assert_true(near(ph->h, 1 - (1 - hab) * (1 - hba), 1e-12));
    /* under the shipped fit the same year gives another probability */
    assert_true(fabs(predicted(&y, emb, a, b) - pab) > 1e-6);
    /* draw k of the refit's coefficients (its own covariance, the stream of
     * draw k), through shi_formation_predict: the hazard of draw k */
    const double *hd = &p.pact_hd[((size_t)q * p.ny + (size_t)(2011 - p.y0)) * 8];
    for (int k = 0; k < 8; k++) {
        shi_formation_fit fk = f;
        assert_int_equal(shi_formation_fit_draw(&f, p.pact_seed, SHI_SCEN_PACT_STREAM + (uint64_t)k,
                                                fk.beta, &err),
                         SHI_OK);
        double qab = predicted(&y, &fk, a, b), qba = predicted(&y, &fk, b, a);
        double kab = 1 - exp(-rate[1] * qab), kba = 1 - exp(-rate[1] * qba);
        assert_true(near(hd[k], 1 - (1 - kab) * (1 - kba), 1e-12));
        assert_true(hd[k] != ph->h);
    }
    shi_formation_year_free(&y);
    shi_threat_ctx_free(ctx);
    shi_formation_design_free(&x);
    /* the same numbers on 1 and 2 threads with the drawn hazards; a run
     * with other draws than the panel's is refused */
    shi_scen_opts o;
    shi_scen_result r1, r2;
    run_two_threads(&p, &o, &r1, &r2);
    shi_scen_result_free(&r1);
    shi_scen_result_free(&r2);
    o.draws = 4;
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r1, &err), SHI_EUSAGE);
    assert_non_null(strstr(err.msg, "8 draws"));
    shi_scen_panel_free(&p);
}

/* The draws of the formation coefficients (shi_formation_fit_draw) from the
 * shipped joint defence fit: over N = 20000 draws the sample mean of each
 * coefficient is within 5 standard errors of the mean, 5 se_v / sqrt(N), of
 * beta_hat, and each sample covariance within 5 of its standard error
 * sqrt((S_vv S_uu + S_vu^2) / N) (the variance of a sample covariance of
 * normal draws, from Isserlis's fourth moments) of Sigma; |Z| > 5 has probability
 * 6e-7, so over the 135 checks a false alarm is below 1e-4 (and the seed is
 * fixed). A zero covariance reproduces the point hazard of every pair in
 * every draw exactly, and the shipped covariance moves it. */
static void pact_draws(void **state)
{
    (void)state;
    const shi_formation_fit *emb = shi_formation_fit_embedded(SHI_FORM_DEFENCE, SHI_FM_JOINT);
    enum { N = 20000 };
    double sum[SHI_FV_N] = {0}, cross[SHI_FV_N][SHI_FV_N] = {{0}};
    shi_err err = {0};
    static double b[N][SHI_FV_N];
    for (int k = 0; k < N; k++) {
        assert_int_equal(shi_formation_fit_draw(emb, 11, (uint64_t)k, b[k], &err), SHI_OK);
        for (int v = 0; v < SHI_FV_N; v++) {
            sum[v] += b[k][v];
        }
    }
    for (int k = 0; k < N; k++) {
        for (int v = 0; v < SHI_FV_N; v++) {
            for (int u = 0; u < SHI_FV_N; u++) {
                cross[v][u] += (b[k][v] - sum[v] / N) * (b[k][u] - sum[u] / N);
            }
        }
    }
    for (int v = 0; v < SHI_FV_N; v++) {
        assert_true(emb->cov[v][v] > 0); /* every covariate is in the joint model */
        assert_true(fabs(sum[v] / N - emb->beta[v]) < 5 * emb->se[v] / sqrt((double)N));
        for (int u = 0; u <= v; u++) {
            double sv = emb->cov[v][u], sd = sqrt((emb->cov[v][v] * emb->cov[u][u] + sv * sv) / N);
            assert_true(fabs(cross[v][u] / (N - 1) - sv) < 5 * sd);
        }
    }
    shi_formation_fit zero = *emb;
    memset(zero.cov, 0, sizeof zero.cov);
    double bz[SHI_FV_N];
    assert_int_equal(shi_formation_fit_draw(&zero, 11, 0, bz, &err), SHI_OK);
    assert_memory_equal(bz, emb->beta, sizeof bz);
    shi_scen_panel p, pz;
    assert_int_equal(shi_scen_panel_build(&DATA, 365, 710, &p, &err), SHI_OK);
    assert_int_equal(shi_scen_panel_build(&DATA, 365, 710, &pz, &err), SHI_OK);
    p.pact_ndraw = pz.pact_ndraw = 5;
    pz.pact_fit = &zero;
    assert_int_equal(shi_scen_panel_pact(&DATA, 2018, 2018, &p, &err), SHI_OK);
    assert_int_equal(shi_scen_panel_pact(&DATA, 2018, 2018, &pz, &err), SHI_OK);
    size_t moved = 0;
    for (size_t q = 0; q < p.npair; q++) {
        size_t i = q * p.ny + (size_t)(2018 - p.y0);
        assert_memory_equal(&p.pact_h[i], &pz.pact_h[i], sizeof p.pact_h[i]);
        for (size_t k = 0; k < 5; k++) {
            double h = p.pact_h[i].h, hz = pz.pact_hd[i * 5 + k];
            assert_true(hz == h || (isnan(hz) && isnan(h)));
            moved += !isnan(h) && p.pact_hd[i * 5 + k] != h;
        }
    }
    assert_true(moved > 0);
    shi_scen_panel_free(&p);
    shi_scen_panel_free(&pz);
}

/* A back-test origin's hazard is fitted on the onsets up to it: origins
 * 1979 and 1980 (the second warm-started from the first) match direct fits
 * on 1817-1979 and 1817-1980; the default origin (after the shipped fit's
 * last onset year) uses the shipped fit. */
static void pact_origin_fit(void **state)
{
    (void)state;
    shi_scen_panel p;
    shi_err err = {0};
    assert_int_equal(shi_scen_panel_build(&DATA, 365, 710, &p, &err), SHI_OK);
    assert_int_equal(shi_scen_panel_pact(&DATA, 1979, 1980, &p, &err), SHI_OK);
    int c0, c1;
    shi_formation_years(&DATA, &c0, &c1, NULL);
    shi_formation_opts fo = shi_formation_opts_default();
    fo.y1 = 1980;
    shi_formation_design x;
    assert_int_equal(shi_formation_design_build(&DATA, &fo, &x, &err), SHI_OK);
    shi_threat_ctx *ctx = NULL;
    assert_int_equal(shi_threat_ctx_new(&ctx, &DATA, &err), SHI_OK);
    long q = shi_scen_panel_pair(&p, 2, 365); /* USA-RUS: no pact */
    assert_true(q >= 0);
    for (int o = 1979; o <= 1980; o++) {
        const shi_scen_pact *ph = &p.pact_h[(size_t)q * p.ny + (size_t)(o - p.y0)];
        assert_int_equal(ph->fit_y1, o);
        shi_formation_fit f;
        assert_int_equal(shi_formation_fit_model(&x, SHI_FM_JOINT, c0, o, &f, &err), SHI_OK);
        shi_formation_year y;
        assert_int_equal(shi_formation_year_compute(&DATA, ctx, &fo, o + 1, &y, &err), SHI_OK);
        /* the same maximum of the likelihood, reached from another start */
        assert_true(near(ph->p_ab, predicted(&y, &f, p.pa[q], p.pb[q]), 1e-7));
        shi_formation_year_free(&y);
    }
    /* 1981 was not asked for */
    assert_int_equal(p.pact_h[(size_t)q * p.ny + (size_t)(1981 - p.y0)].ok, 0);
    shi_threat_ctx_free(ctx);
    shi_formation_design_free(&x);
    int pmax;
    shi_formation_years(&DATA, &c0, &c1, &pmax);
    assert_int_equal(shi_scen_panel_pact(&DATA, 2018, 2018, &p, &err), SHI_OK);
    const shi_scen_pact *ph = &p.pact_h[(size_t)q * p.ny + (size_t)(2018 - p.y0)];
    const shi_formation_fit *emb = shi_formation_fit_embedded(SHI_FORM_DEFENCE, SHI_FM_JOINT);
    assert_int_equal(ph->fit_y1, emb->y1);
    assert_int_equal(ph->cov_year, pmax - 1);
    shi_scen_panel_free(&p);
}

/* The futures by year (the stacked chart) count each path over every
 * horizon by the same rules as the reported horizons: at 5, 10 and 12 years
 * their shares are the reported probabilities, and every year's counts sum
 * to at most the paths. */
static void futures_by_year(void **state)
{
    (void)state;
    shi_scen_panel p;
    shi_err err = {0};
    assert_int_equal(shi_scen_panel_build(&DATA, 365, 710, &p, &err), SHI_OK);
    assert_int_equal(shi_scen_panel_pact(&DATA, 2011, 2011, &p, &err), SHI_OK);
    shi_scen_opts o = shi_scen_opts_default();
    o.from = 2011;
    o.horizon = 12;
    o.paths = 3000;
    o.draws = 3;
    shi_scen_result r;
    assert_int_equal(shi_scen_run(&p, 365, 710, &o, &r, &err), SHI_OK);
    assert_non_null(r.ycnt);
    assert_int_equal(r.nh, 3);
    for (int k = 0; k < r.nh; k++) {
        const uint64_t *row = &r.ycnt[(size_t)(r.h[k] - 1) * SHI_FUT_N];
        uint64_t tot = 0;
        for (int f = 0; f < SHI_FUT_N; f++) {
            tot += row[f];
        }
        for (int f = 0; f < SHI_FUT_N; f++) {
            assert_true(r.p[k][f] == (double)row[f] / (double)tot);
        }
    }
    for (int y = 0; y < o.horizon; y++) {
        uint64_t tot = 0;
        for (int f = 0; f < SHI_FUT_N; f++) {
            tot += r.ycnt[(size_t)y * SHI_FUT_N + (size_t)f];
        }
        assert_true(tot > 0 && tot <= o.paths);
    }
    shi_scen_result_free(&r);
    shi_scen_panel_free(&p);
}

static const char *write_tmp(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", SHI_TEST_TMP, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void shock_file(void **state)
{
    (void)state;
    shi_scen_shocks s;
    shi_err err = {0};
    const char *good = write_tmp("scen_good.yaml", "shocks:\n"
                                                   "  - name: a\n"
                                                   "    window: [2020, 2030]\n"
                                                   "    probability: 0.25\n"
                                                   "    duration: 3\n"
                                                   "    effects: {composite: -0.5, conflict: 1}\n"
                                                   "  - name: b\n"
                                                   "    window: [2021, 2021]\n"
                                                   "    forced: 2021\n"
                                                   "    effects: {pact: 2}\n");
    assert_int_equal(shi_scen_shocks_read(good, 1946, 2070, &s, &err), SHI_OK);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.v[0].name, "a");
    assert_int_equal(s.v[0].w0, 2020);
    assert_float_equal(s.v[0].prob, 0.25, 0);
    assert_int_equal(s.v[0].duration, 3);
    assert_float_equal(s.v[0].eff[SHI_SDRV_COMPOSITE], -0.5, 0);
    assert_float_equal(s.v[0].eff[SHI_SDRV_CONFLICT], 1, 0);
    assert_int_equal(s.v[1].forced, 2021);
    assert_int_equal(s.v[1].duration, 1);
    shi_scen_shocks_free(&s);
    static const struct {
        const char *text;
        long line, col;
        const char *what;
    } bad[] = {
        {"shocks:\n  - name: a\n    windw: [2020, 2030]\n", 3, 5, "unknown key 'windw'"},
        {"shocks:\n  - name: a\n    window: [2020, 2030]\n    probability: 1.5\n"
         "    effects: {pact: 1}\n",
         4, 18, "[0, 1]"},
        {"shocks:\n  - name: a\n    window: [2020, 2030]\n    probability: 0.1\n"
         "    effects: {gdp: 1}\n",
         5, 15, "unknown driver 'gdp'"},
        {"shocks:\n  - name: a\n    window: [1800, 2030]\n", 3, 14, "a year in 1946-2070"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        const char *path = write_tmp("scen_bad.yaml", bad[k].text);
        memset(&err, 0, sizeof err);
        assert_int_equal(shi_scen_shocks_read(path, 1946, 2070, &s, &err), SHI_EDATA);
        assert_int_equal(err.line, bad[k].line);
        assert_int_equal(err.col, bad[k].col);
        assert_non_null(strstr(err.msg, bad[k].what));
        assert_int_equal(s.n, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(classify_rules),       cmocka_unit_test(observed_hand_series),
        cmocka_unit_test(rps_by_hand),          cmocka_unit_test(crps_by_hand),
        cmocka_unit_test(fit_simulated),        cmocka_unit_test(panel_embedded),
        cmocka_unit_test(run_threads_same),     cmocka_unit_test(forced_shocks),
        cmocka_unit_test(shock_file),           cmocka_unit_test(futures_by_year),
        cmocka_unit_test(fit_driver_simulated), cmocka_unit_test(driver_embedded),
        cmocka_unit_test(pact_hazard_product),  cmocka_unit_test(pact_origin_fit),
        cmocka_unit_test(pact_draws),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
