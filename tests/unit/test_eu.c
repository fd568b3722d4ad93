/*
 * test_eu.c - War Trap expected utility and War and Reason equilibria on
 * small systems computed independently.
 *
 * Reference values: tests/unit/ref/eu_reference.py, a separate Python
 * implementation written from the formulas of ../shared/docs/eu-formulas.md
 * (tau-b counted by brute force over pairs of partners, the game solved by a
 * generic recursive walk over the tree), not from this C code. Its output is
 * quoted in the comments below. System 1 is the derived example of
 * eu-formulas.md section 3.7, whose six-digit values (worked out separately
 * by the note's author) the script reproduces.
 */
#include "test_util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/eu.h>

static void close_to(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol)) {
        fail_msg("got %.12f, want %.12f", got, want);
    }
}

/* System 1 (eu-formulas 3.7): A 225, B 290, C 310, all European, 1900;
 * caps 0.5 / 0.3 / 0.2; distances A-B 0, A-C 1000, B-C 500; an A-C defence
 * pact (shi level 3). */
static const int s1_cc[3] = {225, 290, 310};
static const double s1_cap[3] = {0.5, 0.3, 0.2};
static const uint8_t s1_ally[9] = {3, 0, 3, 0, 3, 0, 3, 0, 3};
static const double s1_miles[9] = {0, 0, 1000, 0, 0, 500, 1000, 500, 0};

static shi_eu_year *make(const shi_eu_system *s, const shi_eu_opts *o)
{
    shi_eu_year *y = NULL;
    assert_int_equal(shi_eu_year_new(&y, s, o, NULL), SHI_OK);
    assert_non_null(y);
    return y;
}

static void system1_eu(void **state)
{
    (void)state;
    const shi_eu_system s = {1900, 3, s1_cc, s1_cap, s1_ally, s1_miles};
    shi_eu_year *y = make(&s, NULL);
    /* eu-formulas 3.7: adj(A at B) 0.550100, adj(B at B) 0.354125,
     * adj(C at A) 0.183832, adj(C at B) 0.210696. */
    close_to(shi_eu_adj(y, 0, 1), 0.550100, 5e-7);
    close_to(shi_eu_adj(y, 1, 1), 0.354125, 5e-7);
    close_to(shi_eu_adj(y, 2, 0), 0.183832, 5e-7);
    close_to(shi_eu_adj(y, 2, 1), 0.210696, 5e-7);
    close_to(shi_eu_util_of(y, 0, 1), -1, 1e-15);
    close_to(shi_eu_util_of(y, 0, 2), 1, 1e-15);
    close_to(shi_eu_util_of(y, 1, 2), -1, 1e-15);
    shi_eu_result r;
    /* eu_reference.py: E(U)_225,290 bilateral 0.433466104438 third
     * 0.377957229941 total 0.811423334379 (3.7: 0.433466 + 0.377957 = 0.811423) */
    shi_eu_dyad(y, 0, 1, &r);
    assert_int_equal(r.reason, SHI_EU_OK);
    close_to(r.bilateral, 0.433466104438, 1e-11);
    close_to(r.third, 0.377957229941, 1e-11);
    close_to(r.eu, 0.811423334379, 1e-11);
    assert_int_equal(r.nthird, 1);
    /* E(U)_290,310 -0.693819187291 (3.7: -0.693819); E(U)_310,290 0.407744428275
     * (3.7: 0.407744); E(U)_225,310 = 0 (allies: tau 1, and C's tau terms cancel) */
    shi_eu_dyad(y, 1, 2, &r);
    close_to(r.bilateral, 0.221797591013, 1e-11);
    close_to(r.eu, -0.693819187291, 1e-11);
    shi_eu_dyad(y, 2, 1, &r);
    close_to(r.eu, 0.407744428275, 1e-11);
    shi_eu_dyad(y, 0, 2, &r);
    close_to(r.eu, 0, 1e-15);
    shi_eu_year_free(y);
}

static void system1_wr(void **state)
{
    (void)state;
    const shi_eu_system s = {1900, 3, s1_cc, s1_cap, s1_ally, s1_miles};
    shi_eu_year *y = make(&s, NULL);
    shi_wr_opts o = shi_wr_opts_default();
    shi_wr_result r;
    /* R_A = 0.5, R_B = -0.3. eu_reference.py: P^A 0.940723688616, P^B
     * 0.122981402045, U^A(SQ) -0.438027308409, U^B(SQ) 0.285512034294;
     * induction AcqB, logical Nego for alpha 1 and 0.5 (3.7 says the same). */
    shi_wr_dyad(y, 0, 1, 0.5, -0.3, &o, &r);
    assert_int_equal(r.reason, SHI_EU_OK);
    close_to(r.in.pa, 0.940723688616, 1e-11);
    close_to(r.in.pb, 0.122981402045, 1e-11);
    close_to(r.u.ua[SHI_WR_SQ - 1], -0.438027308409, 1e-11);
    close_to(r.u.ub[SHI_WR_SQ - 1], 0.285512034294, 1e-11);
    close_to(r.u.ua[SHI_WR_WARA - 1], 2.115681108361, 1e-11);
    close_to(r.u.ub[SHI_WR_CAPA - 1], 1.964887329722, 1e-11);
    close_to(r.u.ub[SHI_WR_NEGO - 1], -1.50807439182, 1e-11);
    assert_int_equal(r.induction, SHI_WR_ACQB);
    assert_int_equal(r.logical, SHI_WR_NEGO); /* the two methods disagree */
    assert_int_equal(r.conds, 0u);
    o.alpha = 0.5; /* EUGene 3.x: WarA 2.145319264053, B's WarB -1.981696361076 */
    shi_wr_dyad(y, 0, 1, 0.5, -0.3, &o, &r);
    close_to(r.u.ua[SHI_WR_WARA - 1], 2.145319264053, 1e-11);
    close_to(r.u.ub[SHI_WR_WARB - 1], -1.981696361076, 1e-11);
    assert_int_equal(r.induction, SHI_WR_ACQB);
    assert_int_equal(r.logical, SHI_WR_NEGO);
    shi_eu_year_free(y);
}

/* System 2: the US (2) and Canada (20) in 1950 (mpd 500), caps 0.4 / 0.1,
 * 1000 miles apart, a neutrality pact: no third party. eu_reference.py:
 * E(U)_2,20 = 1.000094230130, E(U)_20,2 = -1.232572655527, tau -1. By hand:
 * exponent log10(2 + 10 - e) = 0.967630, adj(US at CAN) = 0.4^0.967630 =
 * 0.41207, adj(CAN at CAN) = 0.1^0.862224 = 0.13734, P = 0.75003,
 * (2P - 1)(1 - (-1)) = 1.00009. */
static void system2_two_states(void **state)
{
    (void)state;
    const int cc[2] = {2, 20};
    const double cap[2] = {0.4, 0.1};
    const uint8_t ally[4] = {3, 2, 2, 3};
    const double miles[4] = {0, 1000, 1000, 0};
    const shi_eu_system s = {1950, 2, cc, cap, ally, miles};
    shi_eu_year *y = make(&s, NULL);
    shi_eu_result r;
    shi_eu_dyad(y, 0, 1, &r);
    close_to(r.eu, 1.000094230130, 1e-11);
    close_to(r.third, 0, 0);
    assert_int_equal(r.nthird, 0);
    shi_eu_dyad(y, 1, 0, &r);
    close_to(r.eu, -1.232572655527, 1e-11);
    shi_eu_year_free(y);
    /* No discount: adj = cap, P = 0.8, E(U) = 0.6 x 2 = 1.2 (by hand). */
    const shi_eu_opts nod = {SHI_EU_TAU, 0, -1};
    y = make(&s, &nod);
    shi_eu_dyad(y, 0, 1, &r);
    close_to(r.eu, 1.2, 1e-14);
    shi_eu_year_free(y);
    /* A fixed 1000 miles per day: exponent log10(11 - e) for 1 day. */
    const shi_eu_opts fixed = {SHI_EU_TAU, 0, 1000};
    y = make(&s, &fixed);
    close_to(shi_eu_adj(y, 0, 1), pow(0.4, log10(11 - 2.718281828459045)), 1e-15);
    shi_eu_year_free(y);
}

/* System 3: the US, the UK, China and Japan in 1900 (mpd 250); caps 0.3, 0.4,
 * 0.2, 0.1; a UK-Japan defence pact and a US-UK entente (shi level 1).
 * relevant_region(Japan, UK) = Europe (Japan is involved there from 1895),
 * relevant_region(UK, Japan) = Asia. eu_reference.py: */
static void system3_regions(void **state)
{
    (void)state;
    const int cc[4] = {2, 200, 710, 740};
    const double cap[4] = {0.3, 0.4, 0.2, 0.1};
    const uint8_t ally[16] = {3, 1, 0, 0, 1, 3, 0, 3, 0, 0, 3, 0, 0, 3, 0, 3};
    const double miles[16] = {0,    3500, 7000, 6000, 3500, 0,    5000, 6000,
                              7000, 5000, 0,    1300, 6000, 6000, 1300, 0};
    const shi_eu_system s = {1900, 4, cc, cap, ally, miles};
    shi_eu_year *y = make(&s, NULL);
    assert_int_equal(shi_eu_region_at(y, 3, 1), SHI_EU_EUROPE);
    assert_int_equal(shi_eu_region_at(y, 1, 3), SHI_EU_ASIA);
    static const struct {
        size_t i, j;
        double bil, third, eu, tau;
    } want[] = {
        {3, 1, 0.0, 0.064572995036, 0.064572995036, 1.0},
        {1, 3, 0.031489526653, -0.077449593821, -0.045960067167, 0.894427191000},
        {0, 2, -0.353877919534, -0.106873748994, -0.460751668528, -0.516397779494},
        {2, 0, -0.941364695457, 0.106873748994, -0.834490946463, -0.516397779494},
        {2, 3, 0.173576686333, -0.635305175303, -0.461728488970, -0.577350269190},
    };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        shi_eu_result r;
        shi_eu_dyad(y, want[k].i, want[k].j, &r);
        assert_int_equal(r.reason, SHI_EU_OK);
        close_to(r.util, want[k].tau, 1e-11);
        close_to(r.bilateral, want[k].bil, 1e-11);
        close_to(r.third, want[k].third, 1e-11);
        close_to(r.eu, want[k].eu, 1e-11);
    }
    /* W&R Japan v China, risk-neutral: P^A 0.612545485229, P^B 0.387454514771;
     * induction Nego, logical WarA (another disagreement). */
    shi_wr_opts o = shi_wr_opts_default();
    shi_wr_result w;
    shi_wr_dyad(y, 3, 2, 0, 0, &o, &w);
    close_to(w.in.pa, 0.612545485229, 1e-11);
    close_to(w.in.pb, 0.387454514771, 1e-11);
    close_to(w.u.ua[SHI_WR_NEGO - 1], 0.355047302843, 1e-11);
    close_to(w.u.ub[SHI_WR_CAPB - 1], -2.189895754418, 1e-11);
    assert_int_equal(w.induction, SHI_WR_NEGO);
    assert_int_equal(w.logical, SHI_WR_WARA);
    assert_true(w.conds & (1u << SHI_WR_WARA));
    shi_eu_year_free(y);
}

static void regions_and_involvement(void **state)
{
    (void)state;
    assert_int_equal(shi_eu_home_region(2), SHI_EU_AMERICAS);
    assert_int_equal(shi_eu_home_region(255), SHI_EU_EUROPE);
    assert_int_equal(shi_eu_home_region(475), SHI_EU_AFRICA);
    assert_int_equal(shi_eu_home_region(630), SHI_EU_MIDEAST);
    assert_int_equal(shi_eu_home_region(900), SHI_EU_ASIA);
    /* eu-formulas section 0: relevant_region(Japan, UK) = Europe, (UK, Japan) = Asia. */
    assert_int_equal(shi_eu_relevant_region(740, 200, 1900), SHI_EU_EUROPE);
    assert_int_equal(shi_eu_relevant_region(200, 740, 1900), SHI_EU_ASIA);
    assert_int_equal(shi_eu_relevant_region(740, 200, 1950), SHI_EU_ASIA);
    /* The US: Europe from 1898, Africa from 1946. */
    assert_false(shi_eu_involved(2, 1897) & (1u << SHI_EU_EUROPE));
    assert_true(shi_eu_involved(2, 1898) & (1u << SHI_EU_EUROPE));
    assert_false(shi_eu_involved(2, 1945) & (1u << SHI_EU_AFRICA));
    assert_true(shi_eu_involved(2, 1946) & (1u << SHI_EU_AFRICA));
    assert_int_equal(shi_eu_involved(200, 1900), 31u);
    assert_false(shi_eu_involved(365, 1920) & (1u << SHI_EU_AMERICAS));
    assert_int_equal(shi_eu_involved(390, 1900), 1u << SHI_EU_EUROPE);
    close_to(shi_eu_era_mpd(1917), 250, 0);
    close_to(shi_eu_era_mpd(1918), 375, 0);
    close_to(shi_eu_era_mpd(1945), 375, 0);
    close_to(shi_eu_era_mpd(1946), 500, 0);
    close_to(shi_wr_risk_exponent(-1), 2, 1e-15);
    close_to(shi_wr_risk_exponent(1), 0.5, 1e-15);
}

static void missing_values(void **state)
{
    (void)state;
    shi_eu_result r;
    /* No alliance data: missing with its reason, never a number. */
    const shi_eu_system noally = {1900, 3, s1_cc, s1_cap, NULL, s1_miles};
    shi_eu_year *y = make(&noally, NULL);
    shi_eu_dyad(y, 0, 1, &r);
    assert_true(isnan(r.eu));
    assert_int_equal(r.reason, SHI_EU_NO_ALLIANCE);
    shi_eu_year_free(y);
    /* A missing capability. */
    const double cap[3] = {0.5, NAN, 0.2};
    const shi_eu_system nocap = {1900, 3, s1_cc, cap, s1_ally, s1_miles};
    y = make(&nocap, NULL);
    shi_eu_dyad(y, 0, 1, &r);
    assert_true(isnan(r.eu));
    assert_int_equal(r.reason, SHI_EU_NO_CAP);
    shi_eu_dyad(y, 0, 2, &r); /* the third party 290 is skipped, not counted */
    assert_int_equal(r.reason, SHI_EU_OK);
    assert_int_equal(r.nskipped, 1);
    shi_wr_result w;
    shi_wr_opts o = shi_wr_opts_default();
    shi_wr_dyad(y, 1, 0, 0, 0, &o, &w);
    assert_int_equal(w.reason, SHI_EU_NO_CAP);
    assert_int_equal(w.induction, SHI_WR_NONE);
    shi_eu_year_free(y);
    /* A missing distance. */
    const double miles[9] = {0, NAN, 1000, NAN, 0, 500, 1000, 500, 0};
    const shi_eu_system nodist = {1900, 3, s1_cc, s1_cap, s1_ally, miles};
    y = make(&nodist, NULL);
    shi_eu_dyad(y, 0, 1, &r);
    assert_int_equal(r.reason, SHI_EU_NO_DISTANCE);
    shi_eu_year_free(y);
    /* Everyone allied with everyone: both portfolios constant, tau-b undefined. */
    const uint8_t all3[9] = {3, 3, 3, 3, 3, 3, 3, 3, 3};
    const shi_eu_system constant = {1900, 3, s1_cc, s1_cap, all3, s1_miles};
    y = make(&constant, NULL);
    shi_eu_dyad(y, 0, 1, &r);
    assert_int_equal(r.reason, SHI_EU_NO_UTILITY);
    shi_eu_year_free(y);
    /* S is defined there: identical portfolios, S = 1, E(U) = third parties' 0. */
    const shi_eu_opts s_opt = {SHI_EU_S, 0, 0};
    y = make(&constant, &s_opt);
    shi_eu_dyad(y, 0, 1, &r);
    assert_int_equal(r.reason, SHI_EU_OK);
    close_to(r.eu, 0, 1e-15);
    shi_eu_year_free(y);
}

/* Hand-built utilities where each logical condition and each branch of the
 * tree can be read off: A prefers war to everything, B capitulates. */
static void game_by_hand(void **state)
{
    (void)state;
    shi_wr_utils u;
    /* index: SQ Nego AcqA AcqB CapA CapB WarA WarB */
    const double ua[8] = {0, 0.5, -1, 1, -1, 1.5, 2, 2};
    const double ub[8] = {0, -0.5, 1, -1, 1, -2, -1.5, -1.5};
    memcpy(u.ua, ua, sizeof ua);
    memcpy(u.ub, ub, sizeof ub);
    /* By hand: node 11/10 B: CapB -2 vs WarA -1.5 -> WarA; node 12/8 A: CapA -1
     * vs WarB 2 -> WarB; 9 B: Nego -0.5 vs WarB -1.5 -> Nego; 7 A: Nego 0.5 vs
     * WarA 2 -> WarA; 6 B: WarA -1.5 vs WarB -1.5 -> tie, WarB; 5 A: Nego 0.5
     * vs WarA 2 -> WarA; 4 A: AcqA -1 vs WarB 2 -> WarB; 3 B: WarA -1.5 vs
     * AcqB -1 -> AcqB; 2 B: SQ 0 vs WarB -1.5 -> SQ; 1 A: SQ 0 vs AcqB 1 -> AcqB. */
    assert_int_equal(shi_wr_induction(&u), SHI_WR_ACQB);
    unsigned c;
    /* WarA: a(WarA) 2 > a(AcqA) -1, b(CapA) 1 > b(Nego) -0.5, b(WarA) -1.5 >
     * b(AcqB) -1 fails -> no. AcqB first branch: b(CapB) -2 > b(WarA) fails;
     * second: b(WarA) > b(CapB), a(WarA) 2 > a(CapA), b(CapA) > b(Nego),
     * a(CapA) -1 > a(WarB) 2 fails -> no. SQ: a(SQ) 0 > a(Nego) fails. AcqA:
     * first a(AcqA) > a(WarA) fails; second a(CapA) > a(WarA) fails. Nego. */
    assert_int_equal(shi_wr_logical(&u, &c), SHI_WR_NEGO);
    assert_int_equal(c, 0u);
    /* Make B prefer war to acquiescing: WarA holds. */
    u.ub[SHI_WR_ACQB - 1] = -1.6;
    assert_int_equal(shi_wr_logical(&u, &c), SHI_WR_WARA);
    assert_int_equal(c, 1u << SHI_WR_WARA);
    assert_string_equal(shi_wr_outcome_name(SHI_WR_WARA), "WarA");
    assert_string_equal(shi_wr_outcome_name(SHI_WR_NONE), "");
}

/* Risk: eu_reference.py's risk() enumerates all 4^(m-1) portfolios of i in
 * Python and sums its own E(U)_ji (an undefined tau-b counted as 0). */
static void check_risk(const shi_eu_system *s, size_t i, double sec, double mx, double mn,
                       double r_raw)
{
    shi_risk_result r;
    shi_err err = {0};
    assert_int_equal(shi_risk_compute(s, NULL, i, SHI_EU_EUROPE, SHI_RISK_EXHAUSTIVE, &r, &err),
                     SHI_OK);
    close_to(r.sec, sec, 1e-11);
    close_to(r.sec_max, mx, 1e-11);
    close_to(r.sec_min, mn, 1e-11);
    close_to(r.r_raw, r_raw, 1e-10);
    close_to(r.r, shi_wr_risk_exponent(r_raw), 1e-10);
    assert_int_equal(r.evaluations, 1 + (1L << (2 * (s->n - 1))));
    /* Steepest ascent: the same Sec, bounds inside the exhaustive ones. */
    shi_risk_result h;
    assert_int_equal(shi_risk_compute(s, NULL, i, SHI_EU_EUROPE, SHI_RISK_STEEPEST, &h, &err),
                     SHI_OK);
    close_to(h.sec, sec, 1e-11);
    assert_true(h.sec_max <= mx + 1e-11 && h.sec_max >= sec - 1e-11);
    assert_true(h.sec_min >= mn - 1e-11 && h.sec_min <= sec + 1e-11);
    assert_true(h.r_raw >= -1 - 1e-12 && h.r_raw <= 1 + 1e-12);
    /* The genetic algorithm (EUGene's settings, then a hill-climb) reaches
     * the exhaustive optimum within its tolerance, never beyond it. */
    shi_risk_ga ga = shi_risk_ga_default();
    ga.seed = 7;
    assert_int_equal(shi_risk_compute_ga(s, NULL, i, SHI_EU_EUROPE, &ga, &h, &err), SHI_OK);
    close_to(h.sec, sec, 1e-11);
    assert_true(h.sec_max <= mx + 1e-11 && h.sec_max >= mx - ga.tolerance);
    assert_true(h.sec_min >= mn - 1e-11 && h.sec_min <= mn + ga.tolerance);
}

static void risk_known(void **state)
{
    (void)state;
    const shi_eu_system s1 = {1900, 3, s1_cc, s1_cap, s1_ally, s1_miles};
    /* Sec_225 = E(U)_290,225 + E(U)_310,225 = -0.811423 + 0 (system1_eu). */
    check_risk(&s1, 0, -0.811423334379, -0.736973856292, -1.527160645596, 0.811564862651);
    check_risk(&s1, 1, 1.219167762654, 1.219167762654, -0.069681902817, 1.0);
    check_risk(&s1, 2, -0.693819187291, 0.642957066210, -0.693819187291, -1.0);
    /* Four European states: 225-310 defence, 290-325 entente (shi level 1). */
    const int cc[4] = {225, 290, 310, 325};
    const double cap[4] = {0.4, 0.3, 0.2, 0.1};
    const uint8_t ally[16] = {3, 0, 3, 0, 0, 3, 0, 1, 3, 0, 3, 0, 0, 1, 0, 3};
    const double miles[16] = {0, 0, 1000, 400, 0, 0, 500, 800, 1000, 500, 0, 300, 400, 800, 300, 0};
    const shi_eu_system s4 = {1900, 4, cc, cap, ally, miles};
    check_risk(&s4, 0, -1.525935989150, -0.878577260143, -2.236470970614, 0.046525182324);
    check_risk(&s4, 1, 0.331409240332, 0.493176294806, -2.585675694769, 0.894917290587);
    check_risk(&s4, 2, -1.388431998266, 0.357507259993, -1.767056807095, -0.643574119798);
    check_risk(&s4, 3, 1.821653947447, 2.663345972812, -0.711972776749, 0.501266643054);
}

static void risk_limits(void **state)
{
    (void)state;
    int cc[10];
    double cap[10], miles[100];
    uint8_t ally[100];
    for (int k = 0; k < 10; k++) {
        cc[k] = 201 + 10 * k; /* none on the involvement list for Asia */
        cap[k] = 0.1;
    }
    for (int k = 0; k < 100; k++) {
        miles[k] = 100;
        ally[k] = k % 11 == 0 ? 3 : 0;
    }
    const shi_eu_system s = {1900, 10, cc, cap, ally, miles};
    shi_risk_result r;
    shi_err err = {0};
    /* Nine partners: over the limit of 8, a usage error naming it. */
    assert_int_equal(shi_risk_compute(&s, NULL, 0, SHI_EU_EUROPE, SHI_RISK_EXHAUSTIVE, &r, &err),
                     SHI_EUSAGE);
    assert_non_null(strstr(err.msg, "at most 8 partners"));
    assert_int_equal(shi_risk_compute(&s, NULL, 0, SHI_EU_EUROPE, SHI_RISK_STEEPEST, &r, &err),
                     SHI_OK);
    /* Ten identical states 100 miles apart, none allied. By hand: the third
     * parties cancel (U_kj = U_k0 by symmetry); tau-b of 0 and j is -1/9 (one
     * discordant pair of 45, 36 ties on each side); adj(j at 0) =
     * 0.1^log10(0.4 + 10 - e), adj(0 at 0) = 0.1^log10(10 - e), so Sec =
     * 9 (2P - 1)(1 + 1/9) = -0.267318275581 (evaluated in Python). */
    close_to(r.sec, -0.26731827558108767, 1e-12);
    /* Not involved in Asia: a usage error. */
    assert_int_equal(shi_risk_compute(&s, NULL, 0, SHI_EU_ASIA, SHI_RISK_STEEPEST, &r, &err),
                     SHI_EUSAGE);
}

static void frame_eu(shi_frame *f, const shi_data *d, int threads)
{
    shi_dyad_opts o = {0};
    o.y0 = 1913;
    o.y1 = 1914;
    o.directed = 1;
    shi_err err = {0};
    assert_int_equal(shi_dyads_generate(&d->states, &o, f, &err), SHI_OK);
    const shi_dyadvars_opts vo = {.threads = threads};
    assert_int_equal(shi_dyadvars_add(f, SHI_DV_EU | SHI_DV_WR, d, &vo, &err), SHI_OK);
}

/* The same bytes in every column after the keys. */
static void same_frames(const shi_frame *a, const shi_frame *b)
{
    assert_int_equal(a->ncol, b->ncol);
    for (size_t c = 3; c < a->ncol; c++) {
        for (size_t r = 0; r < a->nrow; r++) {
            if (a->cols[c].type == SHI_FCOL_F64) {
                double x = a->cols[c].f64[r], y = b->cols[c].f64[r];
                assert_true((isnan(x) && isnan(y)) || memcmp(&x, &y, sizeof x) == 0);
            } else if (a->cols[c].type == SHI_FCOL_I32) {
                assert_int_equal(a->cols[c].i32[r], b->cols[c].i32[r]);
            }
        }
    }
}

/* On the real data: the same bytes on 1 and 2 threads, and E(U)21 of row
 * (i, j) is E(U)12 of row (j, i). */
static void real_data_threads(void **state)
{
    (void)state;
    shi_data d;
    memset(&d, 0, sizeof d);
    if (!shared_present() || open_data(&d, SHI_DATA_DYADIC) != 0) {
        SHI_SKIP_NO_DATA();
        return;
    }
    shi_frame a, b;
    frame_eu(&a, &d, 1);
    frame_eu(&b, &d, 2);
    assert_int_equal(a.nrow, b.nrow);
    assert_true(a.nrow > 1000);
    same_frames(&a, &b);
    long e12 = shi_frame_find(&a, "eu12"), e21 = shi_frame_find(&a, "eu21");
    size_t checked = 0;
    for (size_t r = 0; r + 1 < a.nrow && checked < 50; r++) {
        for (size_t q = r + 1; q < a.nrow && a.cols[0].i32[q] == a.cols[0].i32[r]; q++) {
            if (a.cols[1].i32[q] == a.cols[2].i32[r] && a.cols[2].i32[q] == a.cols[1].i32[r]) {
                assert_true(a.cols[e21].f64[r] == a.cols[e12].f64[q]);
                checked++;
                break;
            }
        }
    }
    assert_int_equal(checked, 50);
    shi_frame_destroy(&a);
    shi_frame_destroy(&b);
    shi_data_destroy(&d);
}

/* The risk family of shi dyads (--add risk, and wr,risk): each side's R in its
 * relevant region with the other equals shi_risk_frame's row for that state,
 * year and region (another code path); wr with risk equals shi_wr_dyad with
 * those attitudes; a non-member gets the reason; 1 and 2 threads agree. */
static void real_data_risk_family(void **state)
{
    (void)state;
    shi_data d;
    memset(&d, 0, sizeof d);
    if (!shared_present() || open_data(&d, SHI_DATA_DYADIC) != 0) {
        SHI_SKIP_NO_DATA();
        return;
    }
    /* Rows: USA-UKG (both in the Americas: the US is not in Europe before
     * 1898), Switzerland-USA (Switzerland is in Europe only, so its region
     * is Europe and the US's the Americas), USA-West Germany (no member). */
    static const int rows[3][2] = {{2, 200}, {225, 2}, {2, 260}};
    shi_frame f[2];
    shi_err err = {0};
    for (int t = 0; t < 2; t++) {
        int32_t *yr, *c1, *c2;
        assert_int_equal(shi_frame_init(&f[t], "dyad_year", 3, &err), SHI_OK);
        assert_int_equal(shi_frame_add_i32(&f[t], "year", "", &yr, &err), SHI_OK);
        assert_int_equal(shi_frame_add_i32(&f[t], "ccode1", "", &c1, &err), SHI_OK);
        assert_int_equal(shi_frame_add_i32(&f[t], "ccode2", "", &c2, &err), SHI_OK);
        for (int r = 0; r < 3; r++) {
            yr[r] = 1816;
            c1[r] = rows[r][0];
            c2[r] = rows[r][1];
        }
        const shi_dyadvars_opts vo = {.threads = t + 1};
        assert_int_equal(shi_dyadvars_add(&f[t], SHI_DV_WR | SHI_DV_RISK, &d, &vo, &err), SHI_OK);
    }
    shi_frame rf;
    const int want[3] = {2, 200, 225};
    const shi_risk_request q = {1816, 1816, want, 3, SHI_RISK_STEEPEST, NULL, 1, NULL, NULL};
    assert_int_equal(shi_risk_frame(&rf, &d, &q, &err), SHI_OK);
    long rk1 = shi_frame_find(&f[0], "risk1"), rk2 = shi_frame_find(&f[0], "risk2");
    long rg1 = shi_frame_find(&f[0], "risk_region1"), rg2 = shi_frame_find(&f[0], "risk_region2");
    long rr1 = shi_frame_find(&f[0], "risk_r1"), why = shi_frame_find(&f[0], "risk_reason");
    long ind = shi_frame_find(&f[0], "wr_induction"), pa = shi_frame_find(&f[0], "wr_pa");
    /* R of (1816, ccode, region) from shi risk's frame. */
    double rf_r[3][SHI_EU_NREGION];
    for (size_t r = 0; r < rf.nrow; r++) {
        int c = rf.cols[1].i32[r];
        rf_r[c == 2     ? 0
             : c == 200 ? 1
                        : 2][rf.cols[2].i32[r]] = rf.cols[shi_frame_find(&rf, "risk")].f64[r];
    }
    assert_int_equal(f[0].cols[rg1].i32[0], SHI_EU_AMERICAS);
    assert_int_equal(f[0].cols[rg2].i32[0], SHI_EU_AMERICAS);
    assert_true(f[0].cols[rk1].f64[0] == rf_r[0][SHI_EU_AMERICAS]);
    assert_true(f[0].cols[rk2].f64[0] == rf_r[1][SHI_EU_AMERICAS]);
    assert_true(f[0].cols[rr1].f64[0] == shi_wr_risk_exponent(rf_r[0][SHI_EU_AMERICAS]));
    assert_int_equal(f[0].cols[rg1].i32[1], SHI_EU_EUROPE);
    assert_int_equal(f[0].cols[rg2].i32[1], SHI_EU_AMERICAS);
    assert_true(f[0].cols[rk1].f64[1] == rf_r[2][SHI_EU_EUROPE]);
    assert_true(f[0].cols[rk2].f64[1] == rf_r[0][SHI_EU_AMERICAS]);
    assert_null(shi_frame_col_str(&f[0], (size_t)why, 0)); /* empty: computed */
    assert_string_equal(shi_frame_col_str(&f[0], (size_t)why, 2), "not a system member");
    assert_true(isnan(f[0].cols[rk1].f64[2]));
    /* The game of row 0 with these attitudes. */
    shi_eu_year *y = NULL;
    assert_int_equal(shi_eu_year_from_data(&y, &d, 1816, NULL, &err), SHI_OK);
    shi_wr_opts wo = shi_wr_opts_default();
    shi_wr_result w;
    shi_wr_dyad(y, (size_t)shi_eu_year_pos(y, 2), (size_t)shi_eu_year_pos(y, 200),
                rf_r[0][SHI_EU_AMERICAS], rf_r[1][SHI_EU_AMERICAS], &wo, &w);
    assert_int_equal(f[0].cols[ind].i32[0], (int)w.induction);
    assert_true(f[0].cols[pa].f64[0] == w.in.pa);
    /* ... which differs from the risk-neutral P^A (R_A = 0.146 here). */
    shi_wr_dyad(y, (size_t)shi_eu_year_pos(y, 2), (size_t)shi_eu_year_pos(y, 200), 0, 0, &wo, &w);
    assert_true(f[0].cols[pa].f64[0] != w.in.pa);
    same_frames(&f[0], &f[1]);
    shi_eu_year_free(y);
    shi_frame_destroy(&rf);
    shi_frame_destroy(&f[0]);
    shi_frame_destroy(&f[1]);
    shi_data_destroy(&d);
}

/* The GA on real regions: within tolerance of the exhaustive search where
 * that can run (the USA in 1816: 6 partners in Asia and in the Americas),
 * and the same bytes on 1 and 2 threads (its streams are keyed by state,
 * year and region). */
static void real_data_ga(void **state)
{
    (void)state;
    shi_data d;
    memset(&d, 0, sizeof d);
    if (!shared_present() || open_data(&d, SHI_DATA_DYADIC) != 0) {
        SHI_SKIP_NO_DATA();
        return;
    }
    const int three[3] = {200, 220, 365}, usa[1] = {2};
    shi_risk_ga ga = shi_risk_ga_default();
    ga.seed = 1;
    shi_frame f[2], g, e;
    shi_err err = {0};
    for (int t = 0; t < 2; t++) {
        const shi_risk_request q = {1816, 1817, three, 3, SHI_RISK_GA, NULL, t + 1, &ga, NULL};
        assert_int_equal(shi_risk_frame(&f[t], &d, &q, &err), SHI_OK);
    }
    assert_true(f[0].nrow >= 20);
    same_frames(&f[0], &f[1]);
    const shi_risk_request qg = {1816, 1816, usa, 1, SHI_RISK_GA, NULL, 1, &ga, NULL};
    const shi_risk_request qe = {1816, 1816, usa, 1, SHI_RISK_EXHAUSTIVE, NULL, 1, NULL, NULL};
    assert_int_equal(shi_risk_frame(&g, &d, &qg, &err), SHI_OK);
    assert_int_equal(shi_risk_frame(&e, &d, &qe, &err), SHI_OK);
    assert_int_equal(g.nrow, 2);
    long mx = shi_frame_find(&g, "sec_max"), mn = shi_frame_find(&g, "sec_min");
    for (size_t r = 0; r < 2; r++) {
        double gx = g.cols[mx].f64[r], ex = e.cols[mx].f64[r];
        double gn = g.cols[mn].f64[r], en = e.cols[mn].f64[r];
        assert_true(gx <= ex + 1e-11 && gx >= ex - ga.tolerance);
        assert_true(gn >= en - 1e-11 && gn <= en + ga.tolerance);
    }
    shi_frame_destroy(&g);
    shi_frame_destroy(&e);
    shi_frame_destroy(&f[0]);
    shi_frame_destroy(&f[1]);
    shi_data_destroy(&d);
}

/* A split of shi_risk_frame's rows over two "processes" in one: rank 1 runs
 * first and its sums record its arrays; rank 0's sums add them (the calls
 * come in the same order in both). The sum of the two equals one process's
 * frame byte for byte. */
typedef struct fake_mpi {
    uint64_t *u[4];
    double *f[8];
    size_t nu, nf;
    int replay;
} fake_mpi;

static int fake_u64(uint64_t *v, size_t n, void *ctx)
{
    fake_mpi *m = ctx;
    if (!m->replay) {
        m->u[m->nu] = malloc(n * sizeof *v);
        memcpy(m->u[m->nu++], v, n * sizeof *v);
        return 0;
    }
    for (size_t k = 0; k < n; k++) {
        v[k] += m->u[m->nu][k];
    }
    free(m->u[m->nu++]);
    return 0;
}

static int fake_f64(double *v, size_t n, void *ctx)
{
    fake_mpi *m = ctx;
    if (!m->replay) {
        m->f[m->nf] = malloc(n * sizeof *v);
        memcpy(m->f[m->nf++], v, n * sizeof *v);
        return 0;
    }
    for (size_t k = 0; k < n; k++) {
        v[k] += m->f[m->nf][k];
    }
    free(m->f[m->nf++]);
    return 0;
}

static void risk_split_two(void **state)
{
    (void)state;
    shi_data d;
    memset(&d, 0, sizeof d);
    if (!shared_present() || open_data(&d, SHI_DATA_DYADIC) != 0) {
        SHI_SKIP_NO_DATA();
        return;
    }
    const int three[3] = {2, 200, 365};
    fake_mpi m;
    memset(&m, 0, sizeof m);
    shi_risk_split sp[2] = {{0, 2, fake_u64, fake_f64, &m}, {1, 2, fake_u64, fake_f64, &m}};
    shi_frame one, r1, r0;
    shi_err err = {0};
    shi_risk_request q = {1816, 1817, three, 3, SHI_RISK_STEEPEST, NULL, 1, NULL, NULL};
    assert_int_equal(shi_risk_frame(&one, &d, &q, &err), SHI_OK);
    q.split = &sp[1];
    assert_int_equal(shi_risk_frame(&r1, &d, &q, &err), SHI_OK);
    m.replay = 1;
    m.nu = m.nf = 0;
    q.split = &sp[0];
    assert_int_equal(shi_risk_frame(&r0, &d, &q, &err), SHI_OK);
    assert_int_equal(m.nu, 2);
    assert_int_equal(m.nf, 5);
    assert_int_equal(one.nrow, r0.nrow);
    same_frames(&one, &r0);
    long why = shi_frame_find(&one, "risk_reason");
    for (size_t r = 0; r < one.nrow; r++) {
        const char *a = shi_frame_col_str(&one, (size_t)why, r);
        const char *b = shi_frame_col_str(&r0, (size_t)why, r);
        assert_true((!a && !b) || (a && b && strcmp(a, b) == 0));
    }
    shi_frame_destroy(&one);
    shi_frame_destroy(&r0);
    shi_frame_destroy(&r1);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(system1_eu),
        cmocka_unit_test(system1_wr),
        cmocka_unit_test(system2_two_states),
        cmocka_unit_test(system3_regions),
        cmocka_unit_test(regions_and_involvement),
        cmocka_unit_test(missing_values),
        cmocka_unit_test(game_by_hand),
        cmocka_unit_test(real_data_threads),
        cmocka_unit_test(real_data_risk_family),
        cmocka_unit_test(real_data_ga),
        cmocka_unit_test(risk_split_two),
        cmocka_unit_test(risk_known),
        cmocka_unit_test(risk_limits),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
