/*
 * test_dyadvars_psci.c - the peace-science families of shi dyads --add (nmc,
 * mids, peaceyears, ucdp, trade) on the embedded data, against rows of the
 * official files and a hand-made peace-year series.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/geography.h>

static shi_data D;

static int setup(void **state)
{
    (void)state;
    return open_data(&D, SHI_DATA_RELATIONS | SHI_DATA_ECON);
}

static int teardown(void **state)
{
    (void)state;
    shi_data_destroy(&D);
    return 0;
}

/* The undirected dyad-years of two states in [y0, y1] with `mask`. */
static void pair(shi_frame *f, int a, int b, int y0, int y1, unsigned mask)
{
    shi_err err = {0};
    const int st[2] = {a, b};
    shi_dyad_opts o = {0};
    o.y0 = y0;
    o.y1 = y1;
    o.states = st;
    o.nstates = 2;
    o.both = 1;
    assert_int_equal(shi_dyads_generate(&D.states, &o, f, &err), SHI_OK);
    assert_int_equal(shi_dyadvars_add(f, mask, &D, NULL, &err), SHI_OK);
}

static const int32_t *icol(const shi_frame *f, const char *name)
{
    long c = shi_frame_find(f, name);
    assert_true(c >= 0);
    return f->cols[c].i32;
}

static const double *dcol(const shi_frame *f, const char *name)
{
    long c = shi_frame_find(f, name);
    assert_true(c >= 0);
    return f->cols[c].f64;
}

/* By hand, with the rule of Carter & Signorino (2010) as btscs/sbtscs code
 * it: 0 in the first year and after an event year, +1 otherwise; years not
 * observed are missing and do not reset the count. */
static void peace_spells_by_hand(void **state)
{
    (void)state;
    const int8_t ev[13] = {0, 0, 1, 0, 0, 1, 1, 0, -1, -1, 0, 1, 0};
    const int32_t want[13] = {0, 1, 2, 0, 1, 2, 0, 0, SHI_NA_I32, SHI_NA_I32, 1, 2, 0};
    int32_t got[13];
    shi_peace_spells(ev, 13, got);
    for (int t = 0; t < 13; t++) {
        assert_int_equal(got[t], want[t]);
    }
    const int8_t lead[4] = {-1, 1, 0, 0}; /* the series may start unobserved */
    const int32_t want2[4] = {SHI_NA_I32, 0, 0, 1};
    shi_peace_spells(lead, 4, got);
    for (int t = 0; t < 4; t++) {
        assert_int_equal(got[t], want2[t]);
    }
}

/* United States - United Kingdom: the years with a dispute onset in
 * gml-ddy-disputes-2.1.1.csv are 1837 1839 1846 1854 1856 1858 1860 1861
 * 1881 1902 1939 1953 1961 (a Python scan of the file for midonset == 1);
 * from them, by the rule above starting in 1816, the peace years are 0
 * (1816), 14 (1830), 19 (1881), 0 (1882), 18 (1900), 20 (1902), 0 (1903),
 * 1 (1904, 1941), 10 (1950), 48 (2010). MID 5.0 has no onset of the pair
 * in 2011-2014 (the scan of onsets_usa_iran), so the count goes on to 52 in 2014;
 * after the dispute data (2015) they are missing. */
static void peaceyears_usa_ukg(void **state)
{
    (void)state;
    shi_frame f;
    pair(&f, 2, 200, 1816, 2015, SHI_DV_PEACE | SHI_DV_MIDS);
    const int years[] = {1816, 1830, 1881, 1882, 1900, 1902, 1903, 1904, 1941, 1950, 2010, 2014};
    const int32_t want[] = {0, 14, 19, 0, 18, 20, 0, 1, 1, 10, 48, 52};
    const int32_t *py = icol(&f, "peaceyears"), *py3 = icol(&f, "peaceyears3"),
                  *on = icol(&f, "mid_ongoing");
    for (size_t k = 0; k < sizeof years / sizeof years[0]; k++) {
        size_t r = (size_t)(years[k] - 1816);
        assert_int_equal(f.cols[0].i32[r], years[k]);
        assert_int_equal(py[r], want[k]);
        assert_int_equal(py3[r], want[k] * want[k] * want[k]);
    }
    assert_int_equal(on[1902 - 1816], 1);
    assert_int_equal(py[2015 - 1816], SHI_NA_I32);
    assert_int_equal(on[1900 - 1816], 0);
    shi_frame_destroy(&f);
}

/* United States - Iraq 2003: GML dispute 4273 gives hostility 5 to both; UCDP
 * conflict 420 (2003, intensity_level 2) has them on opposite sides; COW
 * trade 4.0 lists flow1 4913 and flow2 347. After the dispute data (2014)
 * disputes and peace years are missing, not 0. */
static void usa_iraq(void **state)
{
    (void)state;
    shi_frame f;
    pair(&f, 2, 645, 2003, 2016,
         SHI_DV_MIDS | SHI_DV_PEACE | SHI_DV_UCDP | SHI_DV_TRADE | SHI_DV_NMC);
    assert_int_equal(icol(&f, "mid_hostlev1")[0], 5);
    assert_int_equal(icol(&f, "mid_hostlev2")[0], 5);
    assert_int_equal(icol(&f, "mid_ongoing")[0], 1);
    assert_int_equal(icol(&f, "ucdp_intensity")[0], 2);
    assert_int_equal(icol(&f, "ucdp_ongoing")[0], 1);
    assert_true(dcol(&f, "flow1")[0] == 4913);
    assert_true(dcol(&f, "flow2")[0] == 347);
    assert_int_equal(icol(&f, "mid_ongoing")[2015 - 2003], SHI_NA_I32);
    assert_int_equal(icol(&f, "peaceyears")[2015 - 2003], SHI_NA_I32);
    assert_true(icol(&f, "peaceyears")[2014 - 2003] >= 0);
    shi_frame_destroy(&f);
}

/* NMC-70-abridged.csv: USA 1900 milex 41481, tpop 76094; UKG 1900 milex
 * 119587, upop 13513. Trade of a dyad without a major power is not in the
 * embedded subset: missing, not 0 (Belgium - Luxembourg 2000, 982 and 3939 in
 * the COW file). */
static void nmc_and_missing_trade(void **state)
{
    (void)state;
    shi_frame f;
    pair(&f, 2, 200, 1900, 1900, SHI_DV_NMC | SHI_DV_TRADE);
    assert_true(dcol(&f, "milex1")[0] == 41481);
    assert_true(dcol(&f, "tpop1")[0] == 76094);
    assert_true(dcol(&f, "milex2")[0] == 119587);
    assert_true(dcol(&f, "upop2")[0] == 13513);
    assert_true(dcol(&f, "flow1")[0] == 143);
    assert_true(dcol(&f, "flow2")[0] == 669);
    shi_frame_destroy(&f);
    pair(&f, 211, 212, 2000, 2000, SHI_DV_TRADE);
    assert_true(isnan(dcol(&f, "flow1")[0]) && isnan(dcol(&f, "flow2")[0]));
    shi_frame_destroy(&f);
}

/* geosphere::distVincentySphere(p1, p2, r = 6378137) / 1000, the formula
 * peacesciencer's add_capital_distance uses, evaluated in Python 3 (math
 * module, the same libm) with the same operations in the same order:
 * t = pi/180; x = sqrt((cos(lat2) sin(lon1 t - lon2 t))^2 + (cos(lat1)
 * sin(lat2) - sin(lat1) cos(lat2) cos(...))^2); y = ...; r atan2(x, y) /
 * 1000. The doubles must be identical, not close. */
static void vincenty_sphere_exact(void **state)
{
    (void)state;
    static const struct {
        double lat1, lon1, lat2, lon2, km;
    } c[] = {
        {55.75, 37.6167, 39.9167, 116.3833, 5798.087125143577},
        {38.8951, -77.0364, 51.5072, -0.1276, 5905.090401780583},
        {-33.8688, 151.2093, 40.4168, -3.7038, 17704.465726431183},
        {0, 0, 0, 180, 20037.508342789242},
        {10, 20, 10, 20, 0.0},
    };
    for (size_t k = 0; k < sizeof c / sizeof c[0]; k++) {
        double got =
            shi_vincenty_sphere_km(c[k].lat1, c[k].lon1, c[k].lat2, c[k].lon2, SHI_WGS84_A_M);
        assert_true(got == c[k].km);
    }
}

/* --names peacesciencer renames and switches the distance convention: on a
 * sphere both formulas are exact, so capdist / capdist_km is the ratio of the
 * radii, 6378.137 / 6371.0088 (to rounding). */
static void peacesciencer_names_and_distance(void **state)
{
    (void)state;
    shi_frame a, b;
    shi_err err = {0};
    pair(&a, 365, 710, 2000, 2000, SHI_DV_DISTANCE | SHI_DV_MAJOR | SHI_DV_MIDS);
    const int st[2] = {365, 710};
    shi_dyad_opts o = {0};
    o.y0 = o.y1 = 2000;
    o.states = st;
    o.nstates = 2;
    o.both = 1;
    assert_int_equal(shi_dyads_generate(&D.states, &o, &b, &err), SHI_OK);
    shi_dyadvars_opts vo = {0};
    vo.psci_distance = 1;
    assert_int_equal(
        shi_dyadvars_add(&b, SHI_DV_DISTANCE | SHI_DV_MAJOR | SHI_DV_MIDS, &D, &vo, &err), SHI_OK);
    shi_names n;
    assert_int_equal(shi_names_parse("peacesciencer", &n, &err), SHI_OK);
    assert_int_equal(shi_names_apply(&b, n, &err), SHI_OK);
    double ratio = dcol(&b, "capdist")[0] / dcol(&a, "capdist_km")[0];
    assert_true(fabs(ratio - 6378.137 / 6371.0088) < 1e-12);
    assert_true(shi_frame_find(&b, "cowmaj1") >= 0 && shi_frame_find(&b, "major1") < 0);
    assert_true(shi_frame_find(&b, "gmlmidongoing") >= 0 && shi_frame_find(&b, "hostlev2") >= 0);
    assert_int_equal(shi_names_parse("stata", &n, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "--names: unknown scheme 'stata'; valid schemes are shi, "
                                 "peacesciencer");
    shi_frame_destroy(&a);
    shi_frame_destroy(&b);
}

/* Weak link (Dixon 1994): USA (polity2 10, polyarchy 0.863 in 2000) and
 * China (-7, 0.096), rows of p5v2018.csv and vdem-poly.csv: the minimum of
 * each is China's; in 2021, after both files end, everything is missing. */
static void democracy_weak_link(void **state)
{
    (void)state;
    shi_frame f;
    pair(&f, 2, 710, 2000, 2021, SHI_DV_DEMO);
    assert_true(dcol(&f, "polity2_1")[0] == 10 && dcol(&f, "polity2_2")[0] == -7);
    assert_true(dcol(&f, "polyarchy1")[0] == 0.863 && dcol(&f, "polyarchy2")[0] == 0.096);
    assert_true(dcol(&f, "polity2_min")[0] == -7);
    assert_true(dcol(&f, "polyarchy_min")[0] == 0.096);
    assert_true(isnan(dcol(&f, "polity2_min")[21]) && isnan(dcol(&f, "polyarchy1")[21]));
    shi_frame_destroy(&f);
}

/* GDP of both sides: the United States in 2010 is WDI's 16,259,610,790,677
 * constant 2015 US$ (NY.GDP.MKTP.KD), 16,259,610.8 millions at the 0.1
 * million the economic part keeps; gdppc = gdp / NMC tpop (312,247 thousand). */
static void gdp_both_sides(void **state)
{
    (void)state;
    shi_frame f;
    pair(&f, 2, 710, 2010, 2010, SHI_DV_GDP);
    assert_true(fabs(dcol(&f, "gdp1")[0] - 16259610.8) < 0.051);
    assert_true(fabs(dcol(&f, "gdppc1")[0] - 16259610.8e6 / 312247e3) < 1e-6);
    assert_false(isnan(dcol(&f, "gdp2")[0]));
    shi_frame_destroy(&f);
}

/* GML onsets, United States - Iran: the years with midonset == 1 in
 * gml-ddy-disputes-2.1.1.csv (a Python scan, either order of the pair) are
 * 1979 1983 1986 1987 1988 1991 1997 2003 2004 2007 2008 2009; the file has
 * 3,133 such unordered dyad-years. After GML, MID 5.0: a Python scan of
 * MIDIP_5.0.csv (for each dispute and
 * each pair on opposite sides of an incident, the later of the two start
 * years, the earliest over the dispute's incidents, kept when after 2010)
 * gives 181 dyad-year onsets in 2011-2014, USA-IRN in 2011 and 2012. Every
 * other year to 2014 is 0; after 2014 onset is missing. 3,133 + 181 = 3,314
 * in the embedded data. */
static void onsets_usa_iran(void **state)
{
    (void)state;
    static const int on[] = {1979, 1983, 1986, 1987, 1988, 1991, 1997,
                             2003, 2004, 2007, 2008, 2009, 2011, 2012};
    shi_frame f;
    pair(&f, 2, 630, 1979, 2015, SHI_DV_MIDS);
    const int32_t *o = icol(&f, "mid_onset");
    for (int y = 1979; y <= 2014; y++) {
        int want = 0;
        for (size_t k = 0; k < sizeof on / sizeof on[0]; k++) {
            want |= on[k] == y;
        }
        assert_int_equal(o[y - 1979], want);
    }
    assert_int_equal(o[2015 - 1979], SHI_NA_I32);
    shi_frame_destroy(&f);
    size_t n = 0;
    const shi_dyadic *dy = &D.dy;
    for (int y = dy->y0; y <= dy->y1; y++) {
        for (size_t i = 0; i < dy->n; i++) {
            for (size_t j = i + 1; j < dy->n; j++) {
                n += dy->mid_onset[shi_dy_pair(dy, y, i, j)] == 1;
            }
        }
    }
    assert_int_equal(n, 3314);
}

/* The spline terms against an independent computation: Python 3,
 * [[(x - k)**3 if x > k else 0 for k in (1, 4, 7)] for x in t], pasted here;
 * and in the frame, United States - United Kingdom 1950 (10 peace years, above):
 * 9^3, 6^3, 3^3. */
static void peace_splines_python(void **state)
{
    (void)state;
    static const int32_t t[10] = {0, 1, 2, 4, 5, 7, 8, 10, 48, 200};
    static const int32_t want[10][3] = {{0, 0, 0},
                                        {0, 0, 0},
                                        {1, 0, 0},
                                        {27, 0, 0},
                                        {64, 1, 0},
                                        {216, 27, 0},
                                        {343, 64, 1},
                                        {729, 216, 27},
                                        {103823, 85184, 68921},
                                        {7880599, 7529536, 7189057}};
    for (int k = 0; k < 10; k++) {
        int32_t got[3];
        shi_peace_splines(t[k], got);
        for (int q = 0; q < 3; q++) {
            assert_int_equal(got[q], want[k][q]);
        }
    }
    int32_t na[3];
    shi_peace_splines(SHI_NA_I32, na);
    assert_int_equal(na[2], SHI_NA_I32);
    shi_frame f;
    pair(&f, 2, 200, 1950, 1950, SHI_DV_PEACE);
    assert_int_equal(icol(&f, "peaceyears")[0], 10);
    assert_int_equal(icol(&f, "spline1")[0], 729);
    assert_int_equal(icol(&f, "spline2")[0], 216);
    assert_int_equal(icol(&f, "spline3")[0], 27);
    shi_frame_destroy(&f);
}

/* UCDP onsets, India - Pakistan (GW = COW 750, 770): a Python scan of
 * ucdp-prio-acd-251.csv (type 2 or 4, the two on opposite sides, primary or
 * secondary) gives the active years 1948, 1964-1965, 1971, 1984, 1987,
 * 1989-1992, 1994, 1996-2003, 2013-2020; onsets are the first year of each
 * run. Russia - Ukraine: active 2014-2024, one onset (2014). */
static void ucdp_onsets_ind_pak(void **state)
{
    (void)state;
    static const int on[] = {1948, 1964, 1971, 1984, 1987, 1989, 1994, 1996, 2013};
    shi_frame f;
    pair(&f, 750, 770, 1947, 2024, SHI_DV_UCDP);
    const int32_t *o = icol(&f, "ucdp_onset"), *act = icol(&f, "ucdp_ongoing");
    for (int y = 1947; y <= 2024; y++) {
        int want = 0;
        for (size_t k = 0; k < sizeof on / sizeof on[0]; k++) {
            want |= on[k] == y;
        }
        assert_int_equal(f.cols[0].i32[y - 1947], y);
        assert_int_equal(o[y - 1947], want);
    }
    assert_int_equal(act[1965 - 1947], 1);
    assert_int_equal(act[1993 - 1947], 0);
    shi_frame_destroy(&f);
    pair(&f, 365, 369, 2013, 2024, SHI_DV_UCDP);
    o = icol(&f, "ucdp_onset");
    for (int y = 2013; y <= 2024; y++) {
        assert_int_equal(o[y - 2013], y == 2014);
    }
    shi_frame_destroy(&f);
}

/* Trade dependence, United States - Iraq 2003: flows 4913 and 347 (COW trade,
 * above) over GDP in constant 2015 US$ from the WDI file
 * API_NY.GDP.MKTP.KD_DS2_en_csv_v2_213435.csv, rows USA and IRQ, column 2003:
 * 14407558345762.9 and 60307856288.9303, divided by 1e6 (millions). 2016 is
 * after the trade data: missing. */
static void trade_dependence_usa_irq(void **state)
{
    (void)state;
    shi_frame f;
    pair(&f, 2, 645, 2003, 2016, SHI_DV_TRADE | SHI_DV_GDP);
    const double *d1 = dcol(&f, "dep1"), *d2 = dcol(&f, "dep2");
    /* The embedded economic data keep GDP to 0.1 million (gdp_both_sides):
     * within 0.05 / 60307.9 of the file's ratio; and exactly the definition
     * on the GDP shi holds. */
    assert_true(fabs(d1[0] / ((4913.0 + 347.0) / 14407558.3457629) - 1) < 1e-6);
    assert_true(fabs(d2[0] / ((4913.0 + 347.0) / 60307.8562889303) - 1) < 1e-6);
    assert_true(d1[0] == (4913.0 + 347.0) / dcol(&f, "gdp1")[0]);
    assert_true(d2[0] == (4913.0 + 347.0) / dcol(&f, "gdp2")[0]);
    assert_true(isnan(d1[2016 - 2003]) && isnan(d2[2016 - 2003]));
    shi_frame_destroy(&f);
}

/* The parts of each state, directed. United States - Cuba 1962 (GML dispute
 * 61, gml-ddy-disputes-2.1.1.csv line 456, ccode1 2, ccode2 40): sidea1 1,
 * sidea2 0, revstate1 1, revstate2 0, fatality1 0, fatality2 0, hiact1 13,
 * hiact2 16, orig1 1, orig2 1; the only dispute of the pair that year. So the
 * USA originated on side A (init 1), Cuba did not. */
static void mid_parts_usa_cuba_1962(void **state)
{
    (void)state;
    shi_frame f;
    pair(&f, 2, 40, 1962, 1962, SHI_DV_MIDS);
    static const char *const n1[] = {"mid_init1",        "mid_sidea1", "mid_orig1",
                                     "mid_revisionist1", "mid_hiact1", "mid_fatality1"};
    static const char *const n2[] = {"mid_init2",        "mid_sidea2", "mid_orig2",
                                     "mid_revisionist2", "mid_hiact2", "mid_fatality2"};
    static const int32_t w1[] = {1, 1, 1, 1, 13, 0}, w2[] = {0, 0, 1, 0, 16, 0};
    for (int q = 0; q < 6; q++) {
        assert_int_equal(icol(&f, n1[q])[0], w1[q]);
        assert_int_equal(icol(&f, n2[q])[0], w2[q]);
    }
    assert_int_equal(icol(&f, "mid_onset")[0], 1);
    shi_frame_destroy(&f);
}

/* Russia - Ukraine 2014 from COW MID 5.0 incident participants (MIDIP_5.0.csv,
 * disputes 4682 and 4683, every row of the two states): Russia is on side A of
 * 4683 (sidea 1) and Ukraine of 4682, so both are on side A of some dispute;
 * revtype1 is 1 (territory) for both in both; Russia's highest action is 15
 * (rows 4682016, 4682024), Ukraine's 16 (4682013, 4682021, 4682025); every
 * fatality is 0. The incident file has no originator field; the dispute
 * participants (MIDB_5.0.csv) give orig 1 for both states in both disputes
 * (rows "4682,RUS,...,1,5", "4682,UKR,...", "4683,UKR,...", "4683,RUS,...":
 * orig is the second-to-last field), so both originated on side A of one of
 * them: init 1 and orig 1 for both. Onset 2014 (a Python scan, above). United States - United
 * Kingdom 2014 had no dispute: every part is 0. */
static void mid_parts_rus_ukr_2014(void **state)
{
    (void)state;
    shi_frame f;
    pair(&f, 365, 369, 2014, 2014, SHI_DV_MIDS);
    assert_int_equal(icol(&f, "mid_sidea1")[0], 1);
    assert_int_equal(icol(&f, "mid_sidea2")[0], 1);
    assert_int_equal(icol(&f, "mid_revisionist1")[0], 1);
    assert_int_equal(icol(&f, "mid_revisionist2")[0], 1);
    assert_int_equal(icol(&f, "mid_hiact1")[0], 15);
    assert_int_equal(icol(&f, "mid_hiact2")[0], 16);
    assert_int_equal(icol(&f, "mid_fatality1")[0], 0);
    assert_int_equal(icol(&f, "mid_init1")[0], 1);
    assert_int_equal(icol(&f, "mid_init2")[0], 1);
    assert_int_equal(icol(&f, "mid_orig1")[0], 1);
    assert_int_equal(icol(&f, "mid_orig2")[0], 1);
    assert_int_equal(icol(&f, "mid_onset")[0], 1);
    assert_int_equal(icol(&f, "mid_hostlev1")[0], 4);
    shi_frame_destroy(&f);
    pair(&f, 2, 200, 2014, 2015, SHI_DV_MIDS);
    static const char *const z[] = {"mid_init1",        "mid_sidea2", "mid_orig1",
                                    "mid_revisionist2", "mid_hiact1", "mid_fatality2"};
    for (int q = 0; q < 6; q++) {
        assert_int_equal(icol(&f, z[q])[0], 0);
        assert_int_equal(icol(&f, z[q])[1], SHI_NA_I32); /* 2015: after the data */
    }
    shi_frame_destroy(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(peace_spells_by_hand),
        cmocka_unit_test(peaceyears_usa_ukg),
        cmocka_unit_test(usa_iraq),
        cmocka_unit_test(nmc_and_missing_trade),
        cmocka_unit_test(vincenty_sphere_exact),
        cmocka_unit_test(peacesciencer_names_and_distance),
        cmocka_unit_test(democracy_weak_link),
        cmocka_unit_test(gdp_both_sides),
        cmocka_unit_test(onsets_usa_iran),
        cmocka_unit_test(peace_splines_python),
        cmocka_unit_test(ucdp_onsets_ind_pak),
        cmocka_unit_test(trade_dependence_usa_irq),
        cmocka_unit_test(mid_parts_usa_cuba_1962),
        cmocka_unit_test(mid_parts_rus_ukr_2014),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
