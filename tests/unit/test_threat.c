/*
 * test_threat.c - the balance-of-threat index and its model file.
 */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <shi/data.h>
#include <shi/dyadvars.h>
#include <shi/io.h>
#include <shi/io_dyad.h>
#include <shi/rng.h>
#include <shi/threat.h>

/* Two states 1 and 2, members 2000-2001; capabilities and capitals given, in
 * a data view built by hand (registry, capabilities with CINC, dyadic arrays). */
typedef struct toy {
    shi_data d;
} toy;

static void toy_make(toy *t, const double comp1[6], const double comp2[6], double lat2,
                     int contiguous)
{
    shi_spell_recs m = {0}, j = {0};
    shi_spell_rec r[2] = {{0}};
    for (int k = 0; k < 2; k++) {
        r[k].ccode = k + 1;
        snprintf(r[k].abb, sizeof r[k].abb, "S%d", k + 1);
        r[k].start = 20000101;
        r[k].end = 20011231;
    }
    m.v = r;
    m.n = 2;
    shi_err err = {0};
    assert_int_equal(shi_states_build(&t->d.states, &m, "m", &j, "j", NULL, 0, 0, &err), SHI_OK);
    int32_t unit[2] = {1, 2}, yr[2] = {2000, 2000};
    assert_int_equal(shi_panel_init_keys(&t->d.caps, unit, yr, 2, NULL, NULL, NULL, &err), SHI_OK);
    const char *names[6] = {"milex", "milper", "irst", "pec", "tpop", "upop"};
    for (int k = 0; k < 6; k++) {
        size_t c;
        assert_int_equal(shi_panel_add_column(&t->d.caps, names[k], &c, &err), SHI_OK);
        shi_panel_set(&t->d.caps, c, 0, comp1[k]);
        shi_panel_set(&t->d.caps, c, 1, comp2[k]);
    }
    assert_int_equal(shi_cinc_add(&t->d.caps, &t->d.cinc, &err), SHI_OK);
    /* Capitals on the meridian: state 1 at the equator, state 2 at lat2. */
    shi_capital_table caps = {0};
    int32_t cc[2] = {1, 2}, st[2] = {19000101, 19000101}, en[2] = {21001231, 21001231};
    double la[2] = {0, lat2}, lo[2] = {0, 0};
    int32_t line[2] = {1, 2};
    caps.n = 2;
    caps.ccode = cc;
    caps.start = st;
    caps.end = en;
    caps.lat = la;
    caps.lon = lo;
    caps.line = line;
    caps.col = line;
    shi_contig_table ct = {0};
    int32_t a[2] = {1, 2}, b[2] = {2, 1}, y[2] = {2000, 2000};
    int8_t type[2] = {1, 1};
    ct.n = contiguous ? 2 : 0;
    ct.ccode1 = a;
    ct.ccode2 = b;
    ct.year = y;
    ct.conttype = type;
    ct.line = line;
    ct.col = line;
    assert_int_equal(shi_dyadic_build(&t->d.dy, &t->d.states, 2000, 2001, contiguous ? &ct : NULL,
                                      &caps, NULL, NULL, NULL, &err),
                     SHI_OK);
    t->d.dy_loaded = 1;
}

static void toy_free(toy *t)
{
    shi_data_destroy(&t->d);
}

static void threat_of(toy *t, const shi_threat_model *m, int i, int j, shi_threat *out)
{
    shi_threat_ctx *c = NULL;
    shi_err err = {0};
    assert_int_equal(shi_threat_ctx_new(&c, &t->d, &err), SHI_OK);
    assert_int_equal(shi_threat_compute(c, m, i, j, 2000, out, &err), SHI_OK);
    shi_threat_ctx_free(c);
}

/* Hand case. Components: state 1 = (10, 1, 5, 5, 100, 10), state 2 = three
 * times as much in every component. CINC shares 0.25 and 0.75, so
 * strength T(1<-2) = 0.75; military shares m1 = 0.25, m2 = 0.75.
 * Capitals 0 and 13.4898 degrees apart on a meridian: d = R * 0.235445 rad
 * = 1500.0 km with R = 6371.0088 = 932.057 miles; year 2000, 500 miles a day
 * (EUGene's rate after 1945). Exponents x(d) = log10(932.057/500 + 10 - e)
 * = log10(9.145832) = 0.961223, x(0) = log10(10 - e) = 0.862234.
 * Proximity R = 0.75^(x(d) - x(0)); offensive O = 0.75^x(d) / (0.75^x(d) +
 * 0.25^x(0)); no warheads known in the toy, so no second-strike term. */
static void hand_case(void **state)
{
    (void)state;
    const double c1[6] = {10, 1, 5, 5, 100, 10}, c2[6] = {30, 3, 15, 15, 300, 30};
    double lat2 = 1500.0 / 6371.0088 * 180.0 / 3.14159265358979323846;
    toy t = {0};
    toy_make(&t, c1, c2, lat2, 0);
    shi_threat_model m = shi_threat_model_default();
    shi_threat th;
    threat_of(&t, &m, 1, 2, &th);
    assert_true(fabs(th.comp[SHI_T_STRENGTH] - 0.75) < 1e-12);
    double miles = 1500 / 1.609344;
    double xd = log10(miles / 500 + 10 - 2.718281828459045), x0 = log10(10 - 2.718281828459045);
    assert_true(fabs(xd - 0.961223) < 1e-6);
    assert_true(fabs(x0 - 0.862234) < 1e-6);
    assert_true(fabs(th.comp[SHI_T_PROXIMITY] - pow(0.75, xd - x0)) < 1e-9);
    double pj = pow(0.75, xd), pi = pow(0.25, x0);
    assert_true(fabs(th.comp[SHI_T_OFFENSIVE] - pj / (pj + pi)) < 1e-9);
    /* No UN, dispute or conflict data in the toy: intentions are missing, and
     * in the interactive form so is the total. */
    assert_true(isnan(th.comp[SHI_T_INTENTIONS]));
    assert_true(isnan(th.total));
    /* The additive form of the old index takes the mean of the three known. */
    m.form = SHI_THREAT_ARITHMETIC;
    threat_of(&t, &m, 1, 2, &th);
    double want = (0.1 * 0.75 + 0.8 * pow(0.75, xd - x0) + 0.1 * pj / (pj + pi)) / 1.0;
    assert_true(fabs(th.total - want) < 1e-9);
    /* Land contiguity: distance 0 (EUGene), full reach. Sea is not land. */
    toy_free(&t);
    memset(&t, 0, sizeof t);
    toy_make(&t, c1, c2, lat2, 1);
    threat_of(&t, &m, 1, 2, &th);
    assert_true(fabs(th.comp[SHI_T_PROXIMITY] - 1.0) < 1e-12);
    toy_free(&t);
}

/* Identical states threaten each other equally: the gap is 0. */
static void identical_inputs_symmetric(void **state)
{
    (void)state;
    const double c[6] = {10, 1, 5, 5, 100, 10};
    toy t = {0};
    toy_make(&t, c, c, 20, 1);
    shi_threat_model m = shi_threat_model_default();
    shi_threat a, b;
    threat_of(&t, &m, 1, 2, &a);
    threat_of(&t, &m, 2, 1, &b);
    for (int k = 0; k < SHI_T_N; k++) {
        assert_true((isnan(a.comp[k]) && isnan(b.comp[k])) || a.comp[k] == b.comp[k]);
    }
    assert_true((isnan(a.total) && isnan(b.total)) || a.total == b.total);
    assert_true(fabs(a.comp[SHI_T_STRENGTH] - 0.5) < 1e-15);
    toy_free(&t);
}

/* Combining: arithmetic of (0.2, 0.4, 0.6, 0.8) with weights 0.25 each =
 * 0.5; geometric = (0.2*0.4*0.6*0.8)^(1/4) = 0.0384^0.25; interactive = the
 * mean of the capability parts (0.4) times intentions^k, k = 3 * 0.25 / 0.75
 * = 1: 0.4 * 0.8 = 0.32 (Singer 1958). A missing capability part is left
 * out; missing intentions make the interactive total missing; zero
 * intentions make it zero. The total rises with each component (monotone)
 * and stays in [0, 1] in every form. */
static void combine(void **state)
{
    (void)state;
    shi_threat_model m = shi_threat_model_default();
    for (int k = 0; k < SHI_T_N; k++) {
        m.weight[k] = 0.25;
    }
    double c[SHI_T_N] = {0.2, 0.4, 0.6, 0.8};
    assert_true(fabs(shi_threat_combine(&m, c) - 0.32) < 1e-15);
    double z[SHI_T_N] = {0.9, 1.0, 0.9, 0.0};
    assert_true(shi_threat_combine(&m, z) == 0.0); /* benign neighbour: no threat */
    double na[SHI_T_N] = {0.2, 0.4, 0.6, (double)NAN};
    assert_true(isnan(shi_threat_combine(&m, na)));
    m.form = SHI_THREAT_GEOMETRIC;
    assert_true(fabs(shi_threat_combine(&m, c) - pow(0.0384, 0.25)) < 1e-12);
    m.form = SHI_THREAT_ARITHMETIC;
    assert_true(fabs(shi_threat_combine(&m, c) - 0.5) < 1e-15);
    double d[SHI_T_N] = {0.2, (double)NAN, 0.6, 0.8};
    assert_true(fabs(shi_threat_combine(&m, d) - (0.2 + 0.6 + 0.8) / 3) < 1e-15);
    shi_rng r;
    shi_rng_init(&r, 7, 0);
    for (int it = 0; it < 3000; it++) {
        shi_threat_model w = shi_threat_model_default();
        w.form = (shi_threat_form)(it % 3);
        double x[SHI_T_N];
        for (int k = 0; k < SHI_T_N; k++) {
            w.weight[k] = 0.05 + shi_rng_uniform(&r);
            x[k] = shi_rng_uniform(&r);
        }
        double base = shi_threat_combine(&w, x);
        assert_true(base >= 0 && base <= 1);
        int k = (int)shi_rng_below(&r, SHI_T_N);
        x[k] = x[k] + (1 - x[k]) * 0.5;
        assert_true(shi_threat_combine(&w, x) >= base - 1e-15);
    }
}

/* The weight grid by hand. T(i <- j) has components (1, 0, 0, 0) and T(j <- i)
 * (0, 1, 0, 0), so with weights (a, b, c, d) / 10 the arithmetic totals are
 * a / 10 and b / 10. Over a + b + c + d = 10, all >= 1 (84 weightings):
 * a runs over 1..7, so T(i <- j) ranges over [0.1, 0.7]; the gap (a - b) / 10
 * over [-0.6, 0.6]; a > b in (84 - 16) / 2 = 34 weightings, since a = b = k
 * leaves c + d = 10 - 2k, i.e. 9 - 2k ways for k = 1..4: 7 + 5 + 3 + 1 = 16,
 * and a < b as often as a > b by symmetry. The model's own totals 0.25 and
 * 0.25 give the total and a gap of 0. */
static void sensitivity_by_hand(void **state)
{
    (void)state;
    /* The arithmetic form with equal weights (the additive model kept for comparison). */
    shi_threat_model m = shi_threat_model_default();
    m.form = SHI_THREAT_ARITHMETIC;
    for (int k = 0; k < SHI_T_N; k++) {
        m.weight[k] = 0.25;
    }
    shi_threat ab = {{1, 0, 0, 0}, {0}, 0.25, 0}, ba = {{0, 1, 0, 0}, {0}, 0.25, 0};
    shi_threat_sens x;
    shi_threat_sensitivity_of(&m, &ab, &ba, &x);
    assert_true(fabs(x.total - 0.25) < 1e-15);
    assert_true(fabs(x.min - 0.1) < 1e-12);
    assert_true(fabs(x.max - 0.7) < 1e-12);
    assert_true(fabs(x.gap) < 1e-15);
    assert_true(fabs(x.gap_min + 0.6) < 1e-12);
    assert_true(fabs(x.gap_max - 0.6) < 1e-12);
    assert_true(fabs(x.gap_positive_share - 34.0 / 84.0) < 1e-15);
}

/* On the toy of hand_case: the pair's sensitivity is that of the two threats
 * computed one by one (shi_threat_compute); the ranking of who threatens state
 * 1 holds state 2 alone, with the threat computed directly, first under every
 * weighting. A year when neither is a member (2002) leaves everything missing. */
static void ranking_on_toy(void **state)
{
    (void)state;
    const double c1[6] = {10, 1, 5, 5, 100, 10}, c2[6] = {30, 3, 15, 15, 300, 30};
    toy t = {0};
    toy_make(&t, c1, c2, 20, 0);
    /* The additive form: the toy has no intentions data, which the interactive
     * default needs for a total; the ranking mechanics are the same. */
    shi_threat_model m = shi_threat_model_default();
    m.form = SHI_THREAT_ARITHMETIC;
    shi_threat ab, ba;
    threat_of(&t, &m, 1, 2, &ab);
    threat_of(&t, &m, 2, 1, &ba);
    shi_threat_sens want, got;
    shi_threat_sensitivity_of(&m, &ab, &ba, &want);
    shi_threat_ctx *c = NULL;
    shi_err err = {0};
    assert_int_equal(shi_threat_ctx_new(&c, &t.d, &err), SHI_OK);
    assert_int_equal(shi_threat_sensitivity(c, &m, 1, 2, 2000, &got, &err), SHI_OK);
    assert_memory_equal(&want, &got, sizeof want);
    assert_int_equal(shi_threat_sensitivity(c, &m, 1, 2, 2002, &got, &err), SHI_OK);
    assert_true(isnan(got.total) && isnan(got.gap_positive_share));
    shi_threat_ranking r = {0};
    assert_int_equal(shi_threat_rank_all(c, &t.d.states, &m, 1, 2000, &r, &err), SHI_OK);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.v[0].ccode, 2);
    assert_true(r.v[0].total == ab.total);
    assert_true(isnan(r.v[0].top_share));
    assert_int_equal(shi_threat_rank_sensitivity(c, &t.d.states, &m, 1, 2000, 10, &r, &err),
                     SHI_OK);
    assert_int_equal(r.v[0].rank_min, 1);
    assert_int_equal(r.v[0].rank_max, 1);
    assert_true(r.v[0].top_share == 1.0);
    assert_int_equal(shi_threat_rank_all(c, &t.d.states, &m, 1, 2002, &r, &err), SHI_OK);
    assert_int_equal(r.n, 0);
    shi_threat_ranking_free(&r);
    shi_threat_ctx_free(c);
    toy_free(&t);
}

/* Everyone that threatens `who` in `year`, by the default model: the rank
 * (1 = most) of state `x`, or 0 when it is not ranked. */
static int rank_of(const shi_threat_ctx *c, const shi_data *d, int who, int x, int year)
{
    shi_threat_model m = shi_threat_model_default();
    shi_err err = {0};
    shi_threat tx;
    assert_int_equal(shi_threat_compute(c, &m, who, x, year, &tx, &err), SHI_OK);
    if (isnan(tx.total)) {
        return 0;
    }
    int rank = 1;
    for (size_t k = 0; k < d->states.n; k++) {
        int j = d->states.v[k].ccode;
        shi_threat th;
        if (j == who || j == x) {
            continue;
        }
        assert_int_equal(shi_threat_compute(c, &m, who, j, year, &th, &err), SHI_OK);
        rank += !isnan(th.total) && th.total > tx.total;
    }
    return rank;
}

/* Sanity cases, written down with their sources before the model was tuned
 * (the tuning looked only at the validation statistics of years <= 1980):
 *  - Ukraine's top threat in 2014-2022 is Russia (annexation of Crimea 2014,
 *    war in Donbas, invasion 2022; UCDP/PRIO conflict 13243).
 *  - India's top three threats include China and Pakistan (the two enduring
 *    rivalries of Thompson & Dreyer 2012, Handbook of International
 *    Rivalries; Paul 2005, The India-Pakistan Conflict; Garver 2001,
 *    Protracted Contest), 2000-2014. Result: Pakistan first every year;
 *    China in the top three in 13 of the 15 years (4th behind Nepal in 2005
 *    and 2006): a partial failure, pinned here so that a change is noticed.
 *  - Formal allies rank below rivals: Japan's ally the USA ranks below its
 *    rivals China and North Korea (Thompson & Dreyer 2012) in 2000-2014; the
 *    UK's allies France and the USA rank below Russia in 2014.
 *  - Canada is less threatened by the USA than Ukraine by Russia (2014-2022),
 *    the example of a finding nobody defends.
 * Cases that the model fails are in docs/threat.md (e.g. the USA is not
 * among China's top threats in 2022). */
static void sanity_cases(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    shi_threat_ctx *c = NULL;
    assert_int_equal(shi_threat_ctx_new(&c, &d, &err), SHI_OK);
    shi_threat_model m = shi_threat_model_default();
    for (int y = 2014; y <= 2022; y++) {
        assert_int_equal(rank_of(c, &d, 369, 365, y), 1);
        shi_threat cu, ur;
        assert_int_equal(shi_threat_compute(c, &m, 20, 2, y, &cu, &err), SHI_OK);
        assert_int_equal(shi_threat_compute(c, &m, 369, 365, y, &ur, &err), SHI_OK);
        assert_true(cu.total < ur.total);
    }
    int india_china = 0;
    for (int y = 2000; y <= 2014; y++) {
        int chn = rank_of(c, &d, 750, 710, y), pak = rank_of(c, &d, 750, 770, y);
        india_china += chn >= 1 && chn <= 3;
        assert_int_equal(pak, 1);
        int usa = rank_of(c, &d, 740, 2, y);
        assert_true(usa > rank_of(c, &d, 740, 710, y));
        assert_true(usa > rank_of(c, &d, 740, 731, y));
    }
    assert_int_equal(india_china, 13);
    int rus = rank_of(c, &d, 200, 365, 2014);
    assert_true(rank_of(c, &d, 200, 220, 2014) > rus);
    assert_true(rank_of(c, &d, 200, 2, 2014) > rus);
    shi_threat_ctx_free(c);
    shi_data_destroy(&d);
}

/* The study's "threat perception gap": on the embedded data Russia is more
 * threatened by China than China by Russia in 1992-2008, and less from 2009
 * (under the additive model before 2026-12 it held to 2014). This is a
 * property of the data under the default model, checked so that a change of
 * the model that moves it is noticed. All components lie in [0, 1]. */
static void china_russia_gap(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    shi_threat_ctx *c = NULL;
    assert_int_equal(shi_threat_ctx_new(&c, &d, &err), SHI_OK);
    shi_threat_model m = shi_threat_model_default();
    for (int y = 1992; y <= 2014; y++) {
        shi_threat rc, cr;
        assert_int_equal(shi_threat_compute(c, &m, 365, 710, y, &rc, &err), SHI_OK);
        assert_int_equal(shi_threat_compute(c, &m, 710, 365, y, &cr, &err), SHI_OK);
        assert_true(y <= 2008 ? rc.total > cr.total : rc.total < cr.total);
        for (int k = 0; k < SHI_T_N; k++) {
            assert_true(rc.comp[k] >= 0 && rc.comp[k] <= 1);
        }
    }
    shi_threat x;
    assert_int_equal(shi_threat_compute(c, &m, 365, 365, 2000, &x, &err), SHI_EUSAGE);
    /* Codes outside 1-999 are named without reading past the code map. */
    assert_int_equal(shi_threat_compute(c, &m, 1000, 710, 2000, &x, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "threat: unknown state code 1000");
    assert_int_equal(shi_threat_compute(c, &m, -5, 710, 2000, &x, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "threat: unknown state code -5");
    assert_int_equal(shi_threat_compute(c, &m, 365, 1000, 2000, &x, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "threat: unknown state code 1000");
    shi_threat_ctx_free(c);
    shi_data_destroy(&d);
}

static shi_status load_text(const char *text, shi_threat_model *m, shi_err *err)
{
    char path[512];
    snprintf(path, sizeof path, "%s/model.yaml", SHI_TEST_TMP);
    write_file(path, text);
    *m = shi_threat_model_default();
    shi_status s = shi_threat_model_load(m, path, err);
    unlink(path);
    return s;
}

static void model_file(void **state)
{
    (void)state;
    shi_threat_model m;
    shi_err err = {0};
    assert_int_equal(load_text("form: geometric\nweights:\n  strength: 0.4\n  proximity: 0.1\n"
                               "strength: {measure: milex}\n"
                               "proximity: {miles_per_day: [200, 300, 400]}\n"
                               "offensive: {second_strike: 50}\n"
                               "intentions:\n  window: 5\n  baseline: 0\n"
                               "  weights: {un: 1, disputes: 0}\n",
                               &m, &err),
                     SHI_OK);
    assert_int_equal(m.form, SHI_THREAT_GEOMETRIC);
    assert_true(m.weight[SHI_T_STRENGTH] == 0.4 && m.weight[SHI_T_PROXIMITY] == 0.1);
    assert_true(m.weight[SHI_T_OFFENSIVE] == 0.1); /* default kept */
    assert_string_equal(m.measure, "milex");
    assert_true(m.miles_per_day[1] == 300 && m.second_strike == 50);
    assert_int_equal(m.window, 5);
    assert_true(m.baseline == 0);
    assert_true(m.intent_weight[SHI_TI_UN] == 1 && m.intent_weight[SHI_TI_DISPUTES] == 0);
    assert_int_equal(load_text("form: additive\n", &m, &err), SHI_EDATA);
    assert_string_equal(
        err.msg, "expected 'interactive', 'arithmetic' or 'geometric' for 'form', got 'additive'");

    assert_int_equal(load_text("form: arithmetic\nweights:\n  strenght: 0.4\n", &m, &err),
                     SHI_EDATA);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.col, 3);
    assert_string_equal(err.msg, "unknown key 'strenght' in 'weights'");

    assert_int_equal(load_text("weights: {strength: heavy}\n", &m, &err), SHI_EDATA);
    assert_int_equal(err.line, 1);
    assert_string_equal(err.msg, "expected a number for 'strength', got 'heavy'");

    /* A negative weight: its line and column. */
    assert_int_equal(load_text("weights:\n  proximity: -0.5\n", &m, &err), SHI_EDATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 14);
    assert_string_equal(err.msg, "'weights.proximity' must be >= 0");

    /* An unknown power measure names the valid ones. */
    assert_int_equal(load_text("strength:\n  measure: gdpp\n", &m, &err), SHI_EDATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 12);
    assert_string_equal(err.msg, "unknown power measure 'gdpp' (valid: cinc, gdp, gdp_ppp, "
                                 "beckley, milex, milper, irst, pec, tpop, upop)");

    assert_int_equal(load_text("weights: [1, 2\n", &m, &err), SHI_EDATA);
    assert_true(strncmp(err.msg, "YAML syntax error", 17) == 0);
    assert_int_equal(err.line, 2);

    assert_int_equal(
        load_text("weights: {strength: 0, proximity: 0, offensive: 0, intentions: 0}\n", &m, &err),
        SHI_EDATA);
    assert_string_equal(err.msg, "the weights in 'weights' sum to 0"); /* now at the mapping */
    assert_int_equal(err.line, 1);
    assert_int_equal(err.col, 10);
    assert_int_equal(load_text("proximity: {miles_per_day: [1, 2]}\n", &m, &err), SHI_EDATA);
    assert_string_equal(err.msg, "expected a list of 3 numbers (before 1918, 1918-1945, after "
                                 "1945) for 'miles_per_day'");
    assert_int_equal(load_text("proximity: {half_distance_km: 1500}\n", &m, &err), SHI_EDATA);
    assert_string_equal(err.msg, "unknown key 'half_distance_km' in 'proximity'");
    /* The shipped example file is the default model. */
    shi_threat_model def = shi_threat_model_default();
    m = def;
    assert_int_equal(shi_threat_model_load(&m, SHI_SOURCE_DIR "/examples/threat-model.yaml", &err),
                     SHI_OK);
    assert_memory_equal(&m, &def, sizeof m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_case),
        cmocka_unit_test(identical_inputs_symmetric),
        cmocka_unit_test(combine),
        cmocka_unit_test(china_russia_gap),
        cmocka_unit_test(sanity_cases),
        cmocka_unit_test(model_file),
        cmocka_unit_test(sensitivity_by_hand),
        cmocka_unit_test(ranking_on_toy),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
