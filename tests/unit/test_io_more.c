/*
 * test_io_more.c - importers for COW Trade 4.0 (national, dyadic, gzip),
 * GML MID 2.1.1 dyad-years, OWID nuclear status, Polity5, ICEWS dyad-year
 * quad counts and the CAMEO/Goldstein lookup; trade dependence (shi/trade.h).
 *
 * Small files written under SHI_TEST_TMP pin the good rows and the error
 * messages with their positions; the real files from SHI_SHARED_DATA (skipped
 * when absent) pin PROVENANCE.md's record counts and spot checks.
 */
#define _POSIX_C_SOURCE 200809L
#define SHI_TEST_NAME "test_io_more"
#include "test_util.h"

#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include <shi/io_conflict.h>
#include <shi/io_events.h>
#include <shi/io_national.h>
#include <shi/io_trade.h>
#include <shi/trade.h>

static int near(double a, double b, double tol)
{
    return fabs(a - b) <= tol;
}

/* ---- COW trade: national ------------------------------------------------- */

#define NAT_HEADER                                                                                 \
    "ccode,statename,stateabb,year,imports,exports,alt_imports,alt_exports,source1,source2,"       \
    "version\n"

static void trade_national_good(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "nat.csv",
             NAT_HEADER "2,United States of America,USA,1873,342.0299987792969,626.59,,,1,1,4\n"
                        "365,Russia,RUS,1992,,42.5,,,1,1,4\n"
                        "710,China,CHN,1950,-9,0,,,1,1,4\n");
    shi_trade_nat_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_cow_trade_national(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 3);
    assert_int_equal(t.ccode[0], 2);
    assert_int_equal(t.year[0], 1873);
    assert_true(t.imports[0] == 342.0299987792969);
    assert_true(t.exports[0] == 626.59);
    assert_true(isnan(t.imports[1])); /* "" is missing, not 0 */
    assert_true(t.exports[1] == 42.5);
    assert_true(isnan(t.imports[2])); /* -9 is missing */
    assert_true(t.exports[2] == 0);   /* a real zero stays zero */
    assert_int_equal(t.line[2], 4);
    assert_int_equal(t.col[2], 1);
    /* Importers append. */
    assert_int_equal(shi_io_read_cow_trade_national(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 6);
    shi_trade_nat_table_destroy(&t);
    assert_int_equal(t.n, 0);
    shi_trade_nat_table_destroy(&t); /* safe twice */
    unlink(path);
}

static void trade_national_errors(void **state)
{
    (void)state;
    char path[512];
    shi_trade_nat_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "nat_bad.csv",
             NAT_HEADER "2,USA,USA,1870,450,418,,,1,1,4\n"
                        "2,USA,USA,1871,-3,475,,,1,1,4\n");
    expect_err(shi_io_read_cow_trade_national(path, &t, &err), &err, path, 3, 16,
               "expected a trade flow 0-1e8 (million US$) or -9 for missing in column 'imports', "
               "got '-3'");
    assert_int_equal(t.n, 1);
    tmp_file(path, sizeof path, "nat_bad.csv",
             NAT_HEADER "2,USA,USA,1870,450,418,,,1,1,4\n"
                        "2,USA,USA,18x1,534,475,,,1,1,4\n");
    expect_err(shi_io_read_cow_trade_national(path, &t, &err), &err, path, 3, 11,
               "expected an integer in column 'year', got '18x1'");
    tmp_file(path, sizeof path, "nat_bad.csv",
             NAT_HEADER "2,USA,USA,1870,450,418,,,1,1,4\n"
                        "2,USA,USA,1871,534,4e,,,1,1,4\n");
    expect_err(shi_io_read_cow_trade_national(path, &t, &err), &err, path, 3, 20,
               "expected a number in column 'exports', got '4e'");
    tmp_file(path, sizeof path, "nat_bad.csv", "ccode,year,imports\n2,1870,5\n");
    expect_err(shi_io_read_cow_trade_national(path, &t, &err), &err, path, 1, 1,
               "missing column 'exports' in the header");
    assert_int_equal(t.n, 3);
    shi_trade_nat_table_destroy(&t);
    unlink(path);
}

/* ---- COW trade: dyadic, plain and gzip ----------------------------------- */

#define DY_HEADER "ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2\n"
#define DY_ROWS                                                                                    \
    "2,20,1920,612,735,612,735\n"                                                                  \
    "365,710,2010,39124,26817,39124,26817\n"                                                       \
    "2,710,1950,-9,3,-9,3.5\n"

static void check_dyad_rows(const shi_trade_dyad_table *t)
{
    assert_int_equal(t->n, 3);
    assert_int_equal(t->ccode1[1], 365);
    assert_int_equal(t->ccode2[1], 710);
    assert_int_equal(t->year[1], 2010);
    assert_true(t->flow1[1] == 39124);
    assert_true(t->flow2[1] == 26817);
    assert_true(isnan(t->flow1[2]));
    assert_true(isnan(t->smooth1[2]));
    assert_true(t->flow2[2] == 3);
    assert_true(t->smooth2[2] == 3.5);
    assert_int_equal(t->line[2], 4);
    assert_int_equal(t->col[2], 1);
}

static void gz_file(const char *path, const char *text)
{
    gzFile gz = gzopen(path, "wb9");
    assert_non_null(gz);
    assert_int_equal(gzwrite(gz, text, (unsigned)strlen(text)), (int)strlen(text));
    assert_int_equal(gzclose(gz), Z_OK);
}

static void trade_dyadic_good(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "dyad.csv", DY_HEADER DY_ROWS);
    shi_trade_dyad_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_cow_trade_dyadic(path, &t, &err), SHI_OK);
    check_dyad_rows(&t);
    shi_trade_dyad_table_destroy(&t);
    unlink(path);

    /* The same rows compressed: recognised by the magic bytes. */
    snprintf(path, sizeof path, "%s/test_io_more_dyad.csv.gz", SHI_TEST_TMP);
    gz_file(path, DY_HEADER DY_ROWS);
    assert_int_equal(shi_io_read_cow_trade_dyadic(path, &t, &err), SHI_OK);
    check_dyad_rows(&t);
    shi_trade_dyad_table_destroy(&t);
    shi_trade_dyad_table_destroy(&t);
    unlink(path);
}

static void trade_dyadic_errors(void **state)
{
    (void)state;
    char path[512];
    shi_trade_dyad_table t = {0};
    shi_err err = {0};
    /* An error inside a gzip file names the .gz and the uncompressed line. */
    snprintf(path, sizeof path, "%s/test_io_more_dyad_bad.csv.gz", SHI_TEST_TMP);
    gz_file(path, DY_HEADER DY_ROWS "710,365,2010,1,2,1,2\n");
    expect_err(shi_io_read_cow_trade_dyadic(path, &t, &err), &err, path, 5, 5,
               "expected a COW code greater than ccode1 (non-directed file) in column 'ccode2', "
               "got '365'");
    assert_int_equal(t.n, 3);
    gz_file(path, DY_HEADER DY_ROWS "2,20,1921,335,443,-1,443\n");
    expect_err(
        shi_io_read_cow_trade_dyadic(path, &t, &err), &err, path, 5, 19,
        "expected a trade flow 0-1e8 (million US$) or -9 for missing in column 'smoothflow1', "
        "got '-1'");
    unlink(path);

    /* A truncated gzip file is bad input (exit 1, issue 20) naming the file
     * once, with where inflating stopped. */
    gz_file(path, DY_HEADER DY_ROWS DY_ROWS DY_ROWS);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char buf[4096];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(buf, 1, n / 2, f);
    fclose(f);
    assert_int_equal(shi_io_read_cow_trade_dyadic(path, &t, &err), SHI_EDATA);
    assert_string_equal(err.path, path);
    assert_non_null(strstr(err.msg, "corrupt gzip data at compressed byte "));
    assert_null(strstr(err.msg, path));
    unlink(path);

    tmp_file(path, sizeof path, "dyad_bad.csv", DY_HEADER "2,20,1799,612,735,612,735\n");
    expect_err(shi_io_read_cow_trade_dyadic(path, &t, &err), &err, path, 2, 6,
               "expected a year 1800-2100 in column 'year', got '1799'");
    unlink(path);

    snprintf(path, sizeof path, "%s/test_io_more_absent.csv.gz", SHI_TEST_TMP);
    assert_int_equal(shi_io_read_cow_trade_dyadic(path, &t, &err), SHI_EIO);
    assert_string_equal(err.path, path);
    assert_int_equal(t.n, 6);
    shi_trade_dyad_table_destroy(&t);
}

/* ---- trade dependence ---------------------------------------------------- */

static void trade_dependence(void **state)
{
    (void)state;
    /* Hand-computed: i imports 30 from j, j imports 10 from i; i's total trade
     * 100 + 60 = 160, j's 900 + 700 = 1600. trade = 40, dep_i = 40/160 =
     * 0.25, dep_j = 40/1600 = 0.025, asym = 0.225. */
    assert_true(shi_trade_dyadic(30, 10) == 40);
    assert_true(shi_trade_dependence(40, 100, 60) == 0.25);
    shi_trade_dep d = shi_trade_dependence_dyad(30, 10, 100, 60, 900, 700);
    assert_true(d.trade == 40);
    assert_true(d.dep_i == 0.25);
    assert_true(d.dep_j == 0.025);
    assert_true(near(d.asym, 0.225, 1e-15));
    /* Swapping the sides swaps the dependences and flips the asymmetry. */
    shi_trade_dep e = shi_trade_dependence_dyad(10, 30, 900, 700, 100, 60);
    assert_true(e.dep_i == d.dep_j && e.dep_j == d.dep_i && e.asym == -d.asym);
    /* Missing stays missing, never 0. */
    d = shi_trade_dependence_dyad((double)NAN, 10, 100, 60, 900, 700);
    assert_true(isnan(d.trade) && isnan(d.dep_i) && isnan(d.dep_j) && isnan(d.asym));
    d = shi_trade_dependence_dyad(30, 10, (double)NAN, 60, 900, 700);
    assert_true(d.trade == 40 && isnan(d.dep_i) && d.dep_j == 0.025 && isnan(d.asym));
    assert_true(isnan(shi_trade_dependence(40, 0, 0))); /* no recorded trade: undefined */
    assert_true(isnan(shi_trade_dyadic(-1, 10)));
    assert_true(shi_trade_dependence(0, 100, 60) == 0); /* a real zero flow stays zero */

    /* Window: sums first. Years: (30,10 | 100,60 | 900,700) and (10,10 | 60,20 |
     * 300,300): trade 60, dep_i = 60/240 = 0.25, dep_j = 60/2200. */
    double f1[] = {30, 10}, f2[] = {10, 10}, ii[] = {100, 60}, ei[] = {60, 20}, ij[] = {900, 300},
           ej[] = {700, 300};
    d = shi_trade_dependence_window(2, f1, f2, ii, ei, ij, ej);
    assert_true(d.trade == 60);
    assert_true(d.dep_i == 0.25);
    assert_true(near(d.dep_j, 60.0 / 2200.0, 1e-15));
    assert_true(near(d.asym, 0.25 - 60.0 / 2200.0, 1e-15));
    ej[1] = (double)NAN;
    d = shi_trade_dependence_window(2, f1, f2, ii, ei, ij, ej);
    assert_true(isnan(d.trade) && isnan(d.dep_i) && isnan(d.dep_j) && isnan(d.asym));
    d = shi_trade_dependence_window(0, f1, f2, ii, ei, ij, ej);
    assert_true(isnan(d.trade) && isnan(d.dep_i));
}

/* ---- GML MID ------------------------------------------------------------- */

#define MID_HEADER                                                                                 \
    "dispnum,ccode1,ccode2,year,midongoing,midonset,sidea1,sidea2,revstate1,revstate2,revtype11,"  \
    "revtype12,revtype21,revtype22,fatality1,fatality2,fatalpre1,fatalpre2,hiact1,hiact2,"         \
    "hostlev1,hostlev2,orig1,orig2,hiact,hostlev,mindur,maxdur,outcome,settle,fatality,fatalpre,"  \
    "stmon,endmon,recip,numa,numb,ongo2010,version\n"
#define MID_ROW1                                                                                   \
    "349,365,710,1968,1,1,0,1,1,1,1,1,-9,-9,2,3,-9,-9,17,17,4,4,1,1,17,4,340,370,5,3,3,-9,12,12,"  \
    "1,1,1,0,gml-2.1.1\n"
#define MID_ROW2                                                                                   \
    "2,2,200,1902,1,1,1,0,,,1,1,-9,-9,0,0,0,0,7,0,3,1,1,0,7,3,178,208,6,1,-9,0,7,1,0,1,1,0,"       \
    "gml-2.1.1\n"

static void mid_good(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "mid.csv", MID_HEADER MID_ROW1 MID_ROW2);
    shi_mid_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_gml_mid(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.dispnum[0], 349);
    assert_int_equal(t.ccode1[0], 365);
    assert_int_equal(t.ccode2[0], 710);
    assert_int_equal(t.year[0], 1968);
    assert_int_equal(t.onset[0], 1);
    assert_int_equal(t.sidea1[0], 0);
    assert_int_equal(t.sidea2[0], 1);
    assert_int_equal(t.orig1[0], 1);
    assert_int_equal(t.revstate1[0], 1);
    assert_int_equal(t.hostlev1[0], 4);
    assert_int_equal(t.hiact2[0], 17);
    assert_int_equal(t.fatality[0], 3);
    assert_int_equal(t.revstate1[1], SHI_NA_I8); /* "" */
    assert_int_equal(t.revstate2[1], SHI_NA_I8);
    assert_int_equal(t.fatality[1], SHI_NA_I8); /* -9 */
    assert_int_equal(t.orig2[1], 0);
    assert_int_equal(t.hostlev2[1], 1);
    assert_int_equal(t.line[1], 3);
    assert_int_equal(t.col[1], 3);
    shi_mid_table_destroy(&t);
    shi_mid_table_destroy(&t);
    unlink(path);
}

static void mid_errors(void **state)
{
    (void)state;
    char path[512];
    shi_mid_table t = {0};
    shi_err err = {0};
    static const struct {
        const char *row;
        long col;
        const char *msg;
    } cases[] = {
        /* hostlev1 6 */
        {"349,365,710,1968,1,1,0,1,1,1,1,1,-9,-9,2,3,-9,-9,17,17,6,4,1,1,17,4,340,370,5,3,3,-9,"
         "12,12,1,1,1,0,gml-2.1.1\n",
         56, "expected a hostility level 1-5 in column 'hostlev1', got '6'"},
        /* sidea2 2 */
        {"349,365,710,1968,1,1,0,2,1,1,1,1,-9,-9,2,3,-9,-9,17,17,4,4,1,1,17,4,340,370,5,3,3,-9,"
         "12,12,1,1,1,0,gml-2.1.1\n",
         24, "expected 0 or 1 in column 'sidea2', got '2'"},
        /* ccode2 == ccode1 */
        {"349,365,365,1968,1,1,0,1,1,1,1,1,-9,-9,2,3,-9,-9,17,17,4,4,1,1,17,4,340,370,5,3,3,-9,"
         "12,12,1,1,1,0,gml-2.1.1\n",
         9, "expected a state other than ccode1 in column 'ccode2', got '365'"},
        /* hiact1 -9 is not allowed */
        {"349,365,710,1968,1,1,0,1,1,1,1,1,-9,-9,2,3,-9,-9,-9,17,4,4,1,1,17,4,340,370,5,3,3,-9,"
         "12,12,1,1,1,0,gml-2.1.1\n",
         50, "expected an action code 0-21 in column 'hiact1', got '-9'"},
        /* fatality 7 */
        {"349,365,710,1968,1,1,0,1,1,1,1,1,-9,-9,2,3,-9,-9,17,17,4,4,1,1,17,4,340,370,5,3,7,-9,"
         "12,12,1,1,1,0,gml-2.1.1\n",
         81, "expected a fatality level 0-6 or -9 in column 'fatality', got '7'"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[2048];
        snprintf(text, sizeof text, "%s%s%s", MID_HEADER, MID_ROW1, cases[k].row);
        tmp_file(path, sizeof path, "mid_bad.csv", text);
        expect_err(shi_io_read_gml_mid(path, &t, &err), &err, path, 3, cases[k].col, cases[k].msg);
    }
    assert_int_equal(t.n, 5);
    shi_mid_table_destroy(&t);
    unlink(path);
}

/* ---- nuclear status ------------------------------------------------------ */

#define NUC_HEADER                                                                                 \
    "Admin,Code,Year,nuclear_weapons_status,nuclear_weapons_tests,nuclear_weapons_stockpile\r\n"

static void nuclear_good(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "nuc.csv",
             NUC_HEADER "China,CHN,1964,3,1,1\r\n"
                        "Abkhazia,OWID_ABK,1938,0,0,0\r\n"
                        "German Democratic Republic,,1950,0,,\r\n");
    shi_nuclear_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_nuclear_status(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 3);
    assert_string_equal(t.iso3[0], "CHN");
    assert_string_equal(t.name[0], "China");
    assert_int_equal(t.year[0], 1964);
    assert_int_equal(t.status[0], SHI_NUC_POSSESSION);
    assert_int_equal(t.tests[0], 1);
    assert_int_equal(t.stockpile[0], 1);
    assert_string_equal(t.iso3[1], "OWID_ABK");
    assert_string_equal(t.iso3[2], "");
    assert_int_equal(t.tests[2], -1);
    assert_int_equal(t.stockpile[2], -1);
    assert_int_equal(t.line[2], 4);
    assert_int_equal(t.col[2], 28);
    shi_nuclear_table_destroy(&t);
    /* OWID's own header, Entity, works too. */
    tmp_file(path, sizeof path, "nuc.csv",
             "Entity,Code,Year,nuclear_weapons_status,nuclear_weapons_tests,"
             "nuclear_weapons_stockpile\nRussia,RUS,1949,3,1,1\n");
    assert_int_equal(shi_io_read_nuclear_status(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 1);
    assert_string_equal(t.name[0], "Russia");
    shi_nuclear_table_destroy(&t);
    shi_nuclear_table_destroy(&t);
    unlink(path);
}

static void nuclear_errors(void **state)
{
    (void)state;
    char path[512];
    shi_nuclear_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "nuc_bad.csv", NUC_HEADER "China,CHN,1964,4,1,1\r\n");
    expect_err(shi_io_read_nuclear_status(path, &t, &err), &err, path, 2, 16,
               "expected a nuclear status 0-3 in column 'nuclear_weapons_status', got '4'");
    tmp_file(path, sizeof path, "nuc_bad.csv",
             NUC_HEADER "China,CHN,1964,3,1,1\r\nFrance,FRA,1960,3,1,-2\r\n");
    expect_err(shi_io_read_nuclear_status(path, &t, &err), &err, path, 3, 21,
               "expected a number of warheads (0 or more) or nothing in column "
               "'nuclear_weapons_stockpile', got '-2'");
    tmp_file(path, sizeof path, "nuc_bad.csv", NUC_HEADER "China,C-N,1964,3,1,1\r\n");
    expect_err(shi_io_read_nuclear_status(path, &t, &err), &err, path, 2, 7,
               "expected an ISO3 or OWID code (letters, digits, '_', at most 11) or nothing in "
               "column 'Code', got 'C-N'");
    tmp_file(path, sizeof path, "nuc_bad.csv",
             "Name,Code,Year,nuclear_weapons_status,nuclear_weapons_tests,"
             "nuclear_weapons_stockpile\nChina,CHN,1964,3,1,1\n");
    expect_err(shi_io_read_nuclear_status(path, &t, &err), &err, path, 1, 1,
               "missing column 'Admin' (or 'Entity') in the header");
    assert_int_equal(t.n, 1);
    shi_nuclear_table_destroy(&t);
    unlink(path);
}

/* ---- Polity5 ------------------------------------------------------------- */

#define POL_HEADER                                                                                 \
    "\xEF\xBB\xBFp5,cyear,ccode,scode,country,year,flag,fragment,democ,autoc,polity,polity2,"      \
    "durable\r\n"

static void polity_good(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "polity.csv",
             POL_HEADER "0,3652010,365,RUS,Russia,2010,0,0,5,1,4,4,17\r\n"
                        "0,7001980,700,AFG,Afghanistan,1980,0,,-66,-66,-66,,\r\n"
                        "0,3651920,365,RUS,Russia,1920,0,,-77,-77,-77,0,\r\n"
                        "0,3641991,364,USR,USSR,1991,0,,-88,-88,-88,0,\r\n");
    shi_polity_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_polity5(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 4);
    assert_int_equal(t.ccode[0], 365);
    assert_string_equal(t.scode[0], "RUS");
    assert_int_equal(t.year[0], 2010);
    assert_true(t.democ[0] == 5 && t.autoc[0] == 1 && t.polity[0] == 4 && t.polity2[0] == 4);
    assert_int_equal(t.special[0], 0);
    assert_true(isnan(t.polity[1]) && isnan(t.polity2[1]) && isnan(t.democ[1]));
    assert_int_equal(t.special[1], SHI_POLITY_INTERRUPTION);
    assert_true(isnan(t.polity[2]) && t.polity2[2] == 0); /* polity2 as published */
    assert_int_equal(t.special[2], SHI_POLITY_INTERREGNUM);
    assert_int_equal(t.special[3], SHI_POLITY_TRANSITION);
    assert_int_equal(t.line[3], 5);
    assert_int_equal(t.col[3], 11);
    shi_polity_table_destroy(&t);
    shi_polity_table_destroy(&t);
    unlink(path);

    assert_int_equal(shi_polity_to_cow(364, 1950), 365);
    assert_int_equal(shi_polity_to_cow(365, 2010), 365);
    assert_int_equal(shi_polity_to_cow(769, 1960), 770);
    assert_int_equal(shi_polity_to_cow(818, 1990), 816);
    assert_int_equal(shi_polity_to_cow(342, 2010), 345);
    assert_int_equal(shi_polity_to_cow(347, 2000), 345);
    assert_int_equal(shi_polity_to_cow(529, 2000), 530);
    assert_int_equal(shi_polity_to_cow(626, 2012), 625);
    assert_int_equal(shi_polity_to_cow(525, 2012), 626);
    assert_int_equal(shi_polity_to_cow(710, 2010), 710);
}

static void polity_errors(void **state)
{
    (void)state;
    char path[512];
    shi_polity_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "polity_bad.csv",
             POL_HEADER "0,3652010,365,RUS,Russia,2010,0,0,5,1,4,4,17\r\n"
                        "0,3652011,365,RUS,Russia,2011,0,0,5,1,-11,4,17\r\n");
    expect_err(shi_io_read_polity5(path, &t, &err), &err, path, 3, 39,
               "expected -10..10, -66, -77 or -88 in column 'polity', got '-11'");
    tmp_file(path, sizeof path, "polity_bad.csv",
             POL_HEADER "0,3652010,365,RUS,Russia,2010,0,0,5,1,4,-66,17\r\n");
    expect_err(shi_io_read_polity5(path, &t, &err), &err, path, 2, 41,
               "expected -10..10 or nothing in column 'polity2', got '-66'");
    tmp_file(path, sizeof path, "polity_bad.csv",
             POL_HEADER "0,3652010,365,RUSS,Russia,2010,0,0,5,1,4,4,17\r\n");
    expect_err(shi_io_read_polity5(path, &t, &err), &err, path, 2, 15,
               "expected a country letter code of 1-3 characters in column 'scode', got 'RUSS'");
    assert_int_equal(t.n, 1);
    shi_polity_table_destroy(&t);
    unlink(path);
}

/* ---- ICEWS and CAMEO ----------------------------------------------------- */

#define ICEWS_HEADER "i,j,i_iso3c,j_iso3c,year,verbCoop,matlCoop,verbConf,matlConf\n"

static void icews_good(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "icews.csv",
             ICEWS_HEADER "China,Russian Federation,CHN,RUS,2010,1823,17,20,20\n"
                          "Afghanistan,\"Bolivia, Plurinational State Of\",AFG,BOL,2002,0,0,0,0\n");
    shi_icews_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_icews_dyad_year(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 2);
    assert_string_equal(t.iso3_i[0], "CHN");
    assert_string_equal(t.iso3_j[0], "RUS");
    assert_int_equal(t.year[0], 2010);
    assert_int_equal(t.count[SHI_QUAD_VERBCOOP][0], 1823);
    assert_int_equal(t.count[SHI_QUAD_MATLCOOP][0], 17);
    assert_int_equal(t.count[SHI_QUAD_VERBCONF][0], 20);
    assert_int_equal(t.count[SHI_QUAD_MATLCONF][0], 20);
    assert_string_equal(t.iso3_j[1], "BOL");
    assert_int_equal(t.line[1], 3);
    assert_int_equal(t.col[1], 47); /* after the quoted name with a comma */
    shi_icews_table_destroy(&t);
    shi_icews_table_destroy(&t);
    unlink(path);
}

static void icews_errors(void **state)
{
    (void)state;
    char path[512];
    shi_icews_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "icews_bad.csv",
             ICEWS_HEADER "China,Russia,CHN,RUS,2010,1823,17,20,20\n"
                          "China,Russia,CHN,RUS,2011,1823,-1,20,20\n");
    expect_err(shi_io_read_icews_dyad_year(path, &t, &err), &err, path, 3, 32,
               "expected a count of events (0 or more) in column 'matlCoop', got '-1'");
    tmp_file(path, sizeof path, "icews_bad.csv",
             ICEWS_HEADER "China,Russia,CHN,Rus,2010,1,1,1,1\n");
    expect_err(shi_io_read_icews_dyad_year(path, &t, &err), &err, path, 2, 18,
               "expected an ISO3 code of three capital letters in column 'j_iso3c', got 'Rus'");
    tmp_file(path, sizeof path, "icews_bad.csv", ICEWS_HEADER "China,China,CHN,CHN,2010,1,1,1,1\n");
    expect_err(shi_io_read_icews_dyad_year(path, &t, &err), &err, path, 2, 17,
               "expected a country other than i_iso3c in column 'j_iso3c', got 'CHN'");
    tmp_file(path, sizeof path, "icews_bad.csv",
             ICEWS_HEADER "China,Russia,CHN,RUS,2010,1,NA,1,1\n");
    expect_err(shi_io_read_icews_dyad_year(path, &t, &err), &err, path, 2, 29,
               "expected a count of events (0 or more) in column 'matlCoop', got 'NA'");
    assert_int_equal(t.n, 1);
    shi_icews_table_destroy(&t);
    unlink(path);
}

static void cameo_good(void **state)
{
    (void)state;
    char path[512];
    /* Roots 01-20 and a few base codes. */
    tmp_file(path, sizeof path, "cameo.txt",
             "CAMEOEVENTCODE\tGOLDSTEINSCALE\n"
             "01\t0.0\n02\t3.0\n03\t4.0\n04\t1.0\n05\t3.5\n06\t6.0\n07\t7.0\n08\t5.0\n"
             "09\t-2.0\n10\t-5.0\n11\t-2.0\n12\t-4.0\n13\t-6.0\n14\t-6.5\n15\t-7.2\n16\t-4.0\n"
             "17\t-7.0\n18\t-9.0\n19\t-10.0\n20\t-10.0\n"
             "010\t0.0\n0211\t3.4\n");
    shi_cameo_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_cameo_goldstein(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 22);
    assert_string_equal(t.code[0], "01"); /* the leading zero is kept */
    assert_string_equal(t.code[21], "0211");
    assert_true(t.goldstein[21] == 3.4);
    double w[SHI_NQUAD];
    assert_int_equal(shi_cameo_quad_weights(&t, 1, w, &err), SHI_OK);
    assert_true(near(w[SHI_QUAD_VERBCOOP], 2.0, 1e-12));
    assert_true(near(w[SHI_QUAD_MATLCOOP], 5.375, 1e-12));
    assert_true(near(w[SHI_QUAD_VERBCONF], -3.8, 1e-12));
    assert_true(near(w[SHI_QUAD_MATLCONF], -53.7 / 7, 1e-12));
    assert_int_equal(shi_cameo_quad_weights(&t, 0, w, &err), SHI_OK);
    assert_true(near(w[SHI_QUAD_VERBCOOP], (8 + 3.4) / 6, 1e-12)); /* 01-04, 010, 0211 */
    int32_t c[SHI_NQUAD] = {10, 2, 1, 0};
    assert_true(near(shi_icews_goldstein_approx(c, w), 10 * w[0] + 2 * w[1] + w[2], 1e-12));
    shi_cameo_table_destroy(&t);

    /* A table without material-conflict codes cannot give its weight. */
    tmp_file(path, sizeof path, "cameo.txt", "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n");
    assert_int_equal(shi_io_read_cameo_goldstein(path, &t, &err), SHI_OK);
    assert_int_equal(shi_cameo_quad_weights(&t, 1, w, &err), SHI_EDATA);
    assert_string_equal(err.msg, "no CAMEO code with a root 05-08 for quad class 'matlCoop'");
    shi_cameo_table_destroy(&t);
    shi_cameo_table_destroy(&t);
    unlink(path);
}

static void cameo_errors(void **state)
{
    (void)state;
    char path[512];
    shi_cameo_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "cameo_bad.txt",
             "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n21\t1.0\n");
    expect_err(shi_io_read_cameo_goldstein(path, &t, &err), &err, path, 3, 1,
               "expected a CAMEO code of 2-4 digits with a root 01-20 in column "
               "'CAMEOEVENTCODE', got '21'");
    tmp_file(path, sizeof path, "cameo_bad.txt",
             "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n1\t1.0\n");
    expect_err(shi_io_read_cameo_goldstein(path, &t, &err), &err, path, 3, 1,
               "expected a CAMEO code of 2-4 digits with a root 01-20 in column "
               "'CAMEOEVENTCODE', got '1'");
    tmp_file(path, sizeof path, "cameo_bad.txt",
             "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n190\t-10.5\n");
    expect_err(shi_io_read_cameo_goldstein(path, &t, &err), &err, path, 3, 5,
               "expected a Goldstein value -10..10 in column 'GOLDSTEINSCALE', got '-10.5'");
    assert_int_equal(t.n, 3);
    shi_cameo_table_destroy(&t);
    unlink(path);
}

/* ---- real files ---------------------------------------------------------- */

/* Row of a non-directed dyad-year in a trade table, or (size_t)-1. */
static size_t find_dyad(const shi_trade_dyad_table *t, int c1, int c2, int year)
{
    for (size_t i = 0; i < t->n; i++) {
        if (t->ccode1[i] == c1 && t->ccode2[i] == c2 && t->year[i] == year) {
            return i;
        }
    }
    return (size_t)-1;
}

static size_t find_nat(const shi_trade_nat_table *t, int cc, int year)
{
    for (size_t i = 0; i < t->n; i++) {
        if (t->ccode[i] == cc && t->year[i] == year) {
            return i;
        }
    }
    return (size_t)-1;
}

static void real_trade(void **state)
{
    (void)state;
    char b1[512], b2[512], b3[512];
    const char *nat = shared_file(b1, sizeof b1, "cow_trade_v4.0/National_COW_4.0.csv");
    const char *gz =
        shared_file(b2, sizeof b2, "cow_trade_v4.0/dyadic_trade_ndy_all_rounded.csv.gz");
    const char *sub =
        shared_file(b3, sizeof b3, "cow_trade_v4.0/dyadic_trade_ndy_USA_RUS_CHN_rounded.csv");
    if (!nat || !gz || !sub) {
        SHI_SKIP_NO_DATA();
    }
    shi_trade_nat_table n = {0};
    shi_trade_dyad_table all = {0}, s = {0};
    shi_err err = {0};
    double t0 = now_s();
    assert_int_equal(shi_io_read_cow_trade_national(nat, &n, &err), SHI_OK);
    report_time("National_COW_4.0.csv", t0, n.n);
    assert_int_equal(n.n, 14410);
    t0 = now_s();
    assert_int_equal(shi_io_read_cow_trade_dyadic(gz, &all, &err), SHI_OK);
    /* Timings are printed for information only: speed is measured in bench/. */
    report_time("dyadic_trade_ndy_all_rounded.csv.gz", t0, all.n);
    assert_int_equal(all.n, 673654);
    t0 = now_s();
    assert_int_equal(shi_io_read_cow_trade_dyadic(sub, &s, &err), SHI_OK);
    report_time("dyadic_trade_ndy_USA_RUS_CHN_rounded.csv", t0, s.n);
    assert_int_equal(s.n, 31853);

    size_t nmiss = 0;
    for (size_t i = 0; i < n.n; i++) {
        nmiss += isnan(n.imports[i]);
    }
    assert_int_equal(nmiss, 1548); /* empty imports fields */

    /* USA-China 2014: US imports from China 472,525, China's from the US 183,283. */
    size_t r = find_dyad(&all, 2, 710, 2014);
    assert_true(r != (size_t)-1);
    assert_true(all.flow1[r] == 472525 && all.flow2[r] == 183283);
    size_t q = find_dyad(&s, 2, 710, 2014);
    assert_true(q != (size_t)-1);
    assert_true(s.flow1[q] == 472525 && s.flow2[q] == 183283);

    /* China-Russia 2010, dependence both ways. */
    r = find_dyad(&all, 365, 710, 2010);
    assert_true(r != (size_t)-1);
    assert_true(all.flow1[r] == 39124 && all.flow2[r] == 26817);
    size_t rus = find_nat(&n, 365, 2010), chn = find_nat(&n, 710, 2010);
    assert_true(rus != (size_t)-1 && chn != (size_t)-1);
    shi_trade_dep d = shi_trade_dependence_dyad(all.flow1[r], all.flow2[r], n.imports[rus],
                                                n.exports[rus], n.imports[chn], n.exports[chn]);
    print_message("    RUS-CHN 2010: trade %.0f, dep RUS on CHN %.6f, CHN on RUS %.6f\n", d.trade,
                  d.dep_i, d.dep_j);
    assert_true(d.trade == 65941);
    assert_true(near(d.dep_i, 0.11156165227608, 1e-12)); /* Russia on China */
    assert_true(near(d.dep_j, 0.01734088674320, 1e-12)); /* China on Russia */
    assert_true(near(d.asym, 0.09422076553288, 1e-12));

    /* Window 2009-2011 from the same files. */
    double f1[3], f2[3], ii[3], ei[3], ij[3], ej[3];
    for (int k = 0; k < 3; k++) {
        size_t a = find_dyad(&all, 365, 710, 2009 + k);
        size_t x = find_nat(&n, 365, 2009 + k), y = find_nat(&n, 710, 2009 + k);
        assert_true(a != (size_t)-1 && x != (size_t)-1 && y != (size_t)-1);
        f1[k] = all.flow1[a];
        f2[k] = all.flow2[a];
        ii[k] = n.imports[x];
        ei[k] = n.exports[x];
        ij[k] = n.imports[y];
        ej[k] = n.exports[y];
    }
    shi_trade_dep w = shi_trade_dependence_window(3, f1, f2, ii, ei, ij, ej);
    print_message("    RUS-CHN 2009-2011: trade %.0f, dep RUS %.6f, CHN %.6f\n", w.trade, w.dep_i,
                  w.dep_j);
    assert_true(w.dep_i > w.dep_j);

    /* Every -9 is NaN, never 0 or negative. */
    for (size_t i = 0; i < all.n; i++) {
        assert_false(all.flow1[i] < 0 || all.flow2[i] < 0);
    }
    shi_trade_nat_table_destroy(&n);
    shi_trade_dyad_table_destroy(&all);
    shi_trade_dyad_table_destroy(&s);
}

static void real_mid(void **state)
{
    (void)state;
    char buf[512];
    const char *path = shared_file(buf, sizeof buf, "gml_mid_v2.1.1/gml-ddy-disputes-2.1.1.csv");
    if (!path) {
        SHI_SKIP_NO_DATA();
    }
    shi_mid_table t = {0};
    shi_err err = {0};
    double t0 = now_s();
    assert_int_equal(shi_io_read_gml_mid(path, &t, &err), SHI_OK);
    report_time("gml-ddy-disputes-2.1.1.csv", t0, t.n);
    assert_int_equal(t.n, 10330);
    size_t lower = 0, rev_na = 0, fat_na = 0;
    int ussuri = 0;
    for (size_t i = 0; i < t.n; i++) {
        lower += t.ccode1[i] < t.ccode2[i];
        rev_na += t.revstate1[i] == SHI_NA_I8;
        fat_na += t.fatality[i] == SHI_NA_I8;
        /* The 1969 Sino-Soviet border clashes (Zhenbao/Damansky island on the
         * Ussuri): GML dispute 349, dated from 1968, so 1969 is not an onset
         * year. China (710) is on side A; both sides originators, use of
         * force (hostlev 4, highest action 17 = clash), fatality level 3
         * (101-250 deaths). */
        if (t.ccode1[i] == 365 && t.ccode2[i] == 710 && t.year[i] == 1969) {
            assert_int_equal(t.dispnum[i], 349);
            assert_int_equal(t.onset[i], 0);
            assert_int_equal(t.sidea1[i], 0);
            assert_int_equal(t.sidea2[i], 1);
            assert_int_equal(t.orig1[i], 1);
            assert_int_equal(t.orig2[i], 1);
            assert_int_equal(t.hostlev1[i], 4);
            assert_int_equal(t.hostlev2[i], 4);
            assert_int_equal(t.hiact1[i], 17);
            assert_int_equal(t.fatality[i], 3);
            assert_int_equal(t.revstate1[i], 1);
            assert_int_equal(t.revstate2[i], 1);
            ussuri++;
        }
        /* 1968 also has dispute 2711 between them. */
        if (t.ccode1[i] == 710 && t.ccode2[i] == 365 && t.year[i] == 1968 && t.dispnum[i] == 349) {
            assert_int_equal(t.onset[i], 1);
            assert_int_equal(t.sidea1[i], 1);
            ussuri++;
        }
    }
    assert_int_equal(ussuri, 2);
    assert_int_equal(lower, 5165); /* each dyad-year in both orders */
    assert_int_equal(rev_na, 84);
    assert_int_equal(fat_na, 610);
    shi_mid_table_destroy(&t);
}

static void real_nuclear(void **state)
{
    (void)state;
    char buf[512];
    const char *path = shared_file(
        buf, sizeof buf, "nuclear_weapons_owid/nuclear_status_tests_stockpile_by_country_year.csv");
    if (!path) {
        SHI_SKIP_NO_DATA();
    }
    shi_nuclear_table t = {0};
    shi_err err = {0};
    double t0 = now_s();
    assert_int_equal(shi_io_read_nuclear_status(path, &t, &err), SHI_OK);
    report_time("nuclear_status_tests_stockpile_...csv", t0, t.n);
    assert_int_equal(t.n, 18121);
    size_t poss = 0, empty = 0;
    int china = 0;
    for (size_t i = 0; i < t.n; i++) {
        poss += t.status[i] == SHI_NUC_POSSESSION;
        empty += t.iso3[i][0] == '\0';
        if (strcmp(t.iso3[i], "CHN") == 0) {
            /* China: pursuit until 1963, possession from its first test in 1964. */
            assert_int_equal(t.status[i], t.year[i] >= 1964   ? 3
                                          : t.year[i] == 1963 ? 2
                                                              : t.status[i]);
            if (t.year[i] == 1964) {
                assert_int_equal(t.tests[i], 1);
                assert_int_equal(t.stockpile[i], 1);
            }
            china++;
        }
        if (strcmp(t.iso3[i], "RUS") == 0 && t.year[i] == 1949) {
            assert_int_equal(t.status[i], 3); /* the Soviet Union, coded as Russia */
        }
    }
    assert_int_equal(china, 85);
    assert_int_equal(poss, 503);
    assert_int_equal(empty, 419);
    shi_nuclear_table_destroy(&t);
}

static void real_polity(void **state)
{
    (void)state;
    char buf[512];
    const char *path = shared_file(buf, sizeof buf, "polity5/p5v2018.csv");
    if (!path) {
        SHI_SKIP_NO_DATA();
    }
    shi_polity_table t = {0};
    shi_err err = {0};
    double t0 = now_s();
    assert_int_equal(shi_io_read_polity5(path, &t, &err), SHI_OK);
    report_time("p5v2018.csv", t0, t.n);
    assert_int_equal(t.n, 17574);
    size_t n66 = 0, n77 = 0, n88 = 0, p2na = 0;
    int russia = 0, ussr = 0;
    for (size_t i = 0; i < t.n; i++) {
        n66 += t.special[i] == SHI_POLITY_INTERRUPTION;
        n77 += t.special[i] == SHI_POLITY_INTERREGNUM;
        n88 += t.special[i] == SHI_POLITY_TRANSITION;
        p2na += isnan(t.polity2[i]);
        assert_true(t.special[i] == 0 ? !isnan(t.polity[i]) : isnan(t.polity[i]));
        if (t.ccode[i] == 365 && t.year[i] == 2010) {
            assert_true(t.polity2[i] == 4);
            assert_true(t.polity[i] == 4);
            assert_string_equal(t.scode[i], "RUS");
            russia++;
        }
        ussr += t.ccode[i] == 364;
    }
    assert_int_equal(russia, 1);
    assert_int_equal(ussr, 70); /* 1922-1991 */
    assert_int_equal(n66, 260);
    assert_int_equal(n77, 237);
    assert_int_equal(n88, 312);
    assert_int_equal(p2na, 267);
    shi_polity_table_destroy(&t);
}

static void real_icews(void **state)
{
    (void)state;
    char b1[512], b2[512];
    const char *path =
        shared_file(b1, sizeof b1, "icews_dyad_year_netify/icews_dyad_year_2002-2014.csv");
    const char *cam = shared_file(b2, sizeof b2, "cameo_goldstein/CAMEO.goldsteinscale.txt");
    if (!path || !cam) {
        SHI_SKIP_NO_DATA();
    }
    shi_icews_table t = {0};
    shi_cameo_table c = {0};
    shi_err err = {0};
    double t0 = now_s();
    assert_int_equal(shi_io_read_icews_dyad_year(path, &t, &err), SHI_OK);
    report_time("icews_dyad_year_2002-2014.csv", t0, t.n);
    assert_int_equal(t.n, 298376);
    assert_int_equal(shi_io_read_cameo_goldstein(cam, &c, &err), SHI_OK);
    assert_int_equal(c.n, 311);
    double w[SHI_NQUAD], wa[SHI_NQUAD];
    assert_int_equal(shi_cameo_quad_weights(&c, 1, w, &err), SHI_OK);
    assert_int_equal(shi_cameo_quad_weights(&c, 0, wa, &err), SHI_OK);
    print_message("    quad weights, roots: %.6f %.6f %.6f %.6f\n", w[0], w[1], w[2], w[3]);
    print_message("    quad weights, all codes: %.6f %.6f %.6f %.6f\n", wa[0], wa[1], wa[2], wa[3]);
    assert_true(near(w[0], 2.0, 1e-12) && near(w[1], 5.375, 1e-12) && near(w[2], -3.8, 1e-12) &&
                near(w[3], -53.7 / 7, 1e-12));
    assert_true(near(wa[0], 3.273684, 1e-6) && near(wa[1], 6.53125, 1e-6) &&
                near(wa[2], -4.474227, 1e-6) && near(wa[3], -7.63, 1e-6));
    int found = 0;
    for (size_t i = 0; i < t.n; i++) {
        if (t.year[i] != 2010) {
            continue;
        }
        if (strcmp(t.iso3_i[i], "CHN") == 0 && strcmp(t.iso3_j[i], "RUS") == 0) {
            const int32_t e[SHI_NQUAD] = {1823, 17, 20, 20};
            for (int k = 0; k < SHI_NQUAD; k++) {
                assert_int_equal(t.count[k][i], e[k]);
            }
            int32_t cnt[SHI_NQUAD];
            for (int k = 0; k < SHI_NQUAD; k++) {
                cnt[k] = t.count[k][i];
            }
            double g = shi_icews_goldstein_approx(cnt, w);
            print_message("    CHN->RUS 2010 approx. Goldstein: sum %.3f, mean %.4f\n", g,
                          g / 1880.0);
            assert_true(near(g, 1823 * 2.0 + 17 * 5.375 - 20 * 3.8 - 20 * 53.7 / 7, 1e-9));
            found++;
        }
        if (strcmp(t.iso3_i[i], "USA") == 0 && strcmp(t.iso3_j[i], "CHN") == 0) {
            const int32_t e[SHI_NQUAD] = {4937, 65, 791, 94};
            for (int k = 0; k < SHI_NQUAD; k++) {
                assert_int_equal(t.count[k][i], e[k]);
            }
            found++;
        }
    }
    assert_int_equal(found, 2);
    shi_icews_table_destroy(&t);
    shi_cameo_table_destroy(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trade_national_good),
        cmocka_unit_test(trade_national_errors),
        cmocka_unit_test(trade_dyadic_good),
        cmocka_unit_test(trade_dyadic_errors),
        cmocka_unit_test(trade_dependence),
        cmocka_unit_test(mid_good),
        cmocka_unit_test(mid_errors),
        cmocka_unit_test(nuclear_good),
        cmocka_unit_test(nuclear_errors),
        cmocka_unit_test(polity_good),
        cmocka_unit_test(polity_errors),
        cmocka_unit_test(icews_good),
        cmocka_unit_test(icews_errors),
        cmocka_unit_test(cameo_good),
        cmocka_unit_test(cameo_errors),
        cmocka_unit_test(real_trade),
        cmocka_unit_test(real_mid),
        cmocka_unit_test(real_nuclear),
        cmocka_unit_test(real_polity),
        cmocka_unit_test(real_icews),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
