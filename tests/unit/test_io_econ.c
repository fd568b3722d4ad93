/*
 * test_io_econ.c - importers for GDP and population (World Bank WDI bulk CSV,
 * Maddison Project 2020, OWID population) and COW MID 5.0 (MIDB, MIDI, MIDIP).
 *
 * Small files written under SHI_TEST_TMP pin the good rows and the error
 * messages with their positions; the real files from SHI_SHARED_DATA (skipped
 * when absent) pin PROVENANCE.md's record counts and spot checks. Timings are
 * printed, never asserted (speed belongs in bench/).
 */
#define _POSIX_C_SOURCE 200809L
#define SHI_TEST_NAME "test_io_econ"
#include "test_util.h"

#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <shi/io_conflict.h>
#include <shi/io_econ.h>

/* ---- WDI ------------------------------------------------------------------ */

#define WDI_PRE                                                                                    \
    "\xEF\xBB\xBF\"Data Source\",\"World Development Indicators\",\n\n"                            \
    "\"Last Updated Date\",\"2026-02-24\",\n\n"                                                    \
    "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2019\","            \
    "\"2020\",\n"
#define WDI_IND "\"GDP, PPP (constant 2021 international $)\",\"NY.GDP.MKTP.PP.KD\""

static void wdi_good(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "wdi.csv",
             WDI_PRE "\"China\",\"CHN\"," WDI_IND ",\"26494483218696\",\"27114504049776\",\n"
                     "\"World\",\"WLD\"," WDI_IND ",\"\",\"1.5e14\",\n");
    shi_wdi_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_wdi(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 4);
    assert_int_equal(t.nrec, 2);
    assert_int_equal(t.nind, 1);
    assert_string_equal(t.indicators[0].code, "NY.GDP.MKTP.PP.KD");
    assert_string_equal(t.indicators[0].name, "GDP, PPP (constant 2021 international $)");
    assert_string_equal(t.iso3[1], "CHN");
    assert_int_equal(t.year[1], 2020);
    assert_true(t.value[1] == 27114504049776.0);
    assert_int_equal(t.kind[1], SHI_AREA_COUNTRY);
    assert_int_equal(t.line[1], 6); /* the BOM and 4 preamble lines, the header on line 5 */
    assert_int_equal(t.col[1], 95);
    assert_string_equal(t.iso3[2], "WLD");
    assert_true(isnan(t.value[2])); /* "" is missing, not 0 */
    assert_int_equal(t.kind[2], SHI_AREA_AGGREGATE);
    assert_true(t.value[3] == 1.5e14);
    assert_true(shi_wdi_value(&t, 0, "CHN", 2019) == 26494483218696.0);
    assert_true(isnan(shi_wdi_value(&t, 0, "CHN", 2021)));
    /* Appending the same indicator reuses its index. */
    assert_int_equal(shi_io_read_wdi(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 8);
    assert_int_equal(t.nrec, 4);
    assert_int_equal(t.nind, 1);
    shi_wdi_table_destroy(&t);
    assert_int_equal(t.n, 0);
    shi_wdi_table_destroy(&t); /* safe twice */
    assert_true(shi_wdi_is_aggregate("WLD") && shi_wdi_is_aggregate("EUU") &&
                shi_wdi_is_aggregate("AFE") && shi_wdi_is_aggregate("UMC"));
    assert_false(shi_wdi_is_aggregate("CHN") || shi_wdi_is_aggregate("XKX") ||
                 shi_wdi_is_aggregate(NULL));
    unlink(path);
}

static void wdi_errors(void **state)
{
    (void)state;
    char path[512];
    shi_wdi_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "wdi_bad.csv",
             WDI_PRE "\"China\",\"CHN\"," WDI_IND ",\"1\",\"2\",\n"
                     "\"Aruba\",\"ABW\"," WDI_IND ",\"3\",\"1.2.3\",\n");
    expect_err(shi_io_read_wdi(path, &t, &err), &err, path, 7, 82,
               "expected a number in column '2020', got '1.2.3'");
    assert_int_equal(t.n, 2); /* the good record stays, none of the bad one */
    assert_int_equal(t.nrec, 1);
    tmp_file(path, sizeof path, "wdi_bad.csv",
             WDI_PRE "\"China\",\"CH1\"," WDI_IND ",\"1\",\"2\",\n");
    expect_err(shi_io_read_wdi(path, &t, &err), &err, path, 6, 9,
               "expected a country code of 3 letters A-Z in column 'Country Code', got 'CH1'");
    tmp_file(path, sizeof path, "wdi_bad.csv",
             WDI_PRE "\"China\",\"CHN\"," WDI_IND ",\"1\",\"2\",\n"
                     "\"Aruba\",\"ABW\",\"GDP\",\"NY.GDP.MKTP.CD\",\"3\",\"4\",\n");
    expect_err(shi_io_read_wdi(path, &t, &err), &err, path, 7, 21,
               "expected the file's one indicator code 'NY.GDP.MKTP.PP.KD' in column "
               "'Indicator Code', got 'NY.GDP.MKTP.CD'");
    tmp_file(path, sizeof path, "wdi_bad.csv",
             "\"Data Source\",\"x\",\n\n\"Last Updated Date\",\"y\",\n\n"
             "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"1960\","
             "\"Y61\",\n");
    expect_err(shi_io_read_wdi(path, &t, &err), &err, path, 5, 0,
               "expected a year 1900-2100 as the name of column 6, got 'Y61'");
    tmp_file(path, sizeof path, "wdi_bad.csv", "\"Data Source\",\"x\",\n\n");
    expect_err(shi_io_read_wdi(path, &t, &err), &err, path, 3, 0,
               "file ends inside its 4-line preamble");
    shi_wdi_table_destroy(&t);
    unlink(path);
}

/* ---- Maddison -------------------------------------------------------------- */

static void grouped_numbers(void **state)
{
    (void)state;
    double v = -1;
    assert_true(shi_econ_parse_grouped("1,385,439", &v) && v == 1385439.0);
    assert_true(shi_econ_parse_grouped("17", &v) && v == 17.0);
    assert_true(shi_econ_parse_grouped("1385439", &v) && v == 1385439.0);
    assert_true(shi_econ_parse_grouped("12,734", &v) && v == 12734.0);
    assert_true(shi_econ_parse_grouped("0", &v) && v == 0.0);
    assert_true(shi_econ_parse_grouped("1,000.5", &v) && v == 1000.5);
    v = -1;
    const char *bad[] = {"", "1,38", ",123", "-1", "1 000", "1234,567", "1,2345", "1,", "1.", "x"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        assert_false(shi_econ_parse_grouped(bad[k], &v));
        assert_true(v == -1); /* untouched */
    }
}

#define MPD_G_HEADER "countrycode,country,year,gdppc\n"
#define MPD_P_HEADER "countrycode,country,year,gdppc,pop\n"

static void maddison_good(void **state)
{
    (void)state;
    char gpath[512], ppath[512];
    tmp_file(gpath, sizeof gpath, "mpd_g.csv",
             MPD_G_HEADER "CHN,China,2017,12733.9314\n"
                          "CHN,China,2018,13101.7064\n"
                          "HKG,\"China, Hong Kong SAR\",1820,1132\n"
                          "SUN,Former USSR,1991,10388.1\n"
                          "AFG,Afghanistan,1820,\n");
    /* Same rows, another order (exercises the by-key match), one row absent. */
    tmp_file(ppath, sizeof ppath, "mpd_p.csv",
             MPD_P_HEADER "CHN,China,2018,\"13,102\",\"1,385,439\"\n"
                          "CHN,China,2017,\"12,734\",\"1,380,177\"\n"
                          "AFG,Afghanistan,1820,,\"3,280\"\n"
                          "HKG,\"China, Hong Kong SAR\",1820,\"1,132\",17\n");
    shi_maddison_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_maddison(gpath, ppath, &t, &err), SHI_OK);
    assert_int_equal(t.n, 5);
    assert_string_equal(t.iso3[1], "CHN");
    assert_int_equal(t.year[1], 2018);
    assert_true(t.gdppc[1] == 13101.7064); /* full precision, from the first file */
    assert_true(t.pop_thousands[1] == 1385439.0);
    assert_true(t.pop_thousands[0] == 1380177.0);
    assert_true(t.pop_thousands[2] == 17.0);
    assert_true(isnan(t.pop_thousands[3])); /* SUN 1991: no row in the pop file */
    assert_int_equal(t.kind[3], SHI_AREA_HISTORICAL);
    assert_int_equal(t.kind[0], SHI_AREA_COUNTRY);
    assert_true(isnan(t.gdppc[4])); /* "" is missing */
    assert_true(t.pop_thousands[4] == 3280.0);
    assert_int_equal(t.line[2], 4);
    assert_int_equal(t.col[2], 1);
    /* Appending: the second merge only touches the rows of its own call. */
    assert_int_equal(shi_io_read_maddison(gpath, NULL, &t, &err), SHI_OK);
    assert_int_equal(t.n, 10);
    assert_true(isnan(t.pop_thousands[6]));
    shi_maddison_table_destroy(&t);
    shi_maddison_table_destroy(&t);
    assert_int_equal(shi_io_read_maddison(NULL, ppath, &t, &err), SHI_EUSAGE);
    unlink(gpath);
    unlink(ppath);
}

static void maddison_errors(void **state)
{
    (void)state;
    char gpath[512], ppath[512];
    shi_maddison_table t = {0};
    shi_err err = {0};
    tmp_file(gpath, sizeof gpath, "mpd_g_bad.csv",
             MPD_G_HEADER "CHN,China,2017,12733.9314\n"
                          "CHN,China,2018,13101.7064\n");
    tmp_file(ppath, sizeof ppath, "mpd_p_bad.csv",
             MPD_P_HEADER "CHN,China,2017,\"12,734\",\"1,380,177\"\n"
                          "CHN,China,2018,\"13,102\",\"1,38\"\n");
    expect_err(shi_io_read_maddison(gpath, ppath, &t, &err), &err, ppath, 3, 25,
               "expected a population like 1,385,439 or nothing in column 'pop', got '1,38'");
    assert_int_equal(t.n, 2);
    assert_true(t.pop_thousands[0] == 1380177.0); /* rows merged before the bad one stay */
    tmp_file(ppath, sizeof ppath, "mpd_p_bad.csv",
             MPD_P_HEADER "CHN,China,2018,\"13,202\",\"1,385,439\"\n");
    expect_err(shi_io_read_maddison(gpath, ppath, &t, &err), &err, ppath, 2, 16,
               "expected the rounded gdppc of the gdppc file (13101.7064 at its line 3) in "
               "column 'gdppc', got '13,202'");
    tmp_file(ppath, sizeof ppath, "mpd_p_bad.csv",
             MPD_P_HEADER "CHN,China,2016,\"12,000\",\"1,375,000\"\n");
    expect_err(shi_io_read_maddison(gpath, ppath, &t, &err), &err, ppath, 2, 1,
               "no row with this countrycode and year 2016 in the gdppc file in column "
               "'countrycode', got 'CHN'");
    tmp_file(gpath, sizeof gpath, "mpd_g_bad.csv",
             MPD_G_HEADER "CHN,China,2017,12733.9314\n"
                          "CHN,China,2017,1\n");
    expect_err(shi_io_read_maddison(gpath, ppath, &t, &err), &err, gpath, 3, 1,
               "duplicate row for 'CHN' in 2017 (first at line 2)");
    tmp_file(gpath, sizeof gpath, "mpd_g_bad.csv", MPD_G_HEADER "CHN,China,0,1\n");
    expect_err(shi_io_read_maddison(gpath, NULL, &t, &err), &err, gpath, 2, 11,
               "expected a year 1-2100 in column 'year', got '0'");
    tmp_file(gpath, sizeof gpath, "mpd_g_bad.csv", MPD_G_HEADER "CHN,China,2000,-5\n");
    expect_err(shi_io_read_maddison(gpath, NULL, &t, &err), &err, gpath, 2, 16,
               "expected GDP per capita (0 or more) or nothing in column 'gdppc', got '-5'");
    shi_maddison_table_destroy(&t);
    unlink(gpath);
    unlink(ppath);
}

/* ---- OWID population ------------------------------------------------------ */

#define OWID_HEADER "Entity,Code,Year,Population (historical estimates)\n"

static void owid_good(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "owid.csv",
             OWID_HEADER "Afghanistan,AFG,-10000,14737\n"
                         "China,CHN,2018,1417069440\n"
                         "World,OWID_WRL,2021,7909295104\n"
                         "Africa,,2000,818946032\n"
                         "Kosovo,OWID_KOS,2000,1700000\n"
                         "Saint Barthelemy,,2000,\n");
    shi_owid_pop_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_owid_population(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 6);
    assert_int_equal(t.year[0], -10000);
    assert_true(t.pop[0] == 14737.0);
    assert_string_equal(t.code[1], "CHN");
    assert_string_equal(t.name[1], "China");
    assert_int_equal(t.kind[1], SHI_AREA_COUNTRY);
    assert_true(t.pop[2] == 7909295104.0); /* beyond int32 */
    assert_int_equal(t.kind[2], SHI_AREA_AGGREGATE);
    assert_string_equal(t.code[3], "");
    assert_int_equal(t.kind[3], SHI_AREA_AGGREGATE);
    assert_int_equal(t.kind[4], SHI_AREA_OTHER);
    assert_int_equal(t.kind[5], SHI_AREA_OTHER);
    assert_true(isnan(t.pop[5]));
    assert_int_equal(t.line[1], 3);
    assert_int_equal(t.col[1], 7);
    assert_int_equal(shi_io_read_owid_population(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 12);
    shi_owid_pop_table_destroy(&t);
    shi_owid_pop_table_destroy(&t);
    unlink(path);
}

static void owid_errors(void **state)
{
    (void)state;
    char path[512];
    shi_owid_pop_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "owid_bad.csv",
             OWID_HEADER "China,CHN,2018,1417069440\n"
                         "China,CHN,2019,1.4e9\n");
    expect_err(shi_io_read_owid_population(path, &t, &err), &err, path, 3, 16,
               "expected a population (a whole number, 0 or more) or nothing in column "
               "'Population (historical estimates)', got '1.4e9'");
    assert_int_equal(t.n, 1);
    tmp_file(path, sizeof path, "owid_bad.csv", OWID_HEADER "China,CHN,-10001,5\n");
    expect_err(shi_io_read_owid_population(path, &t, &err), &err, path, 2, 11,
               "expected a year -10000..2100 in column 'Year', got '-10001'");
    tmp_file(path, sizeof path, "owid_bad.csv", OWID_HEADER "China,CH-N,2000,5\n");
    expect_err(shi_io_read_owid_population(path, &t, &err), &err, path, 2, 7,
               "expected an ISO3 or OWID code (letters, digits, '_', at most 15) or nothing in "
               "column 'Code', got 'CH-N'");
    tmp_file(path, sizeof path, "owid_bad.csv", "Entity,Code,Year,pop\nChina,CHN,2000,5\n");
    expect_err(shi_io_read_owid_population(path, &t, &err), &err, path, 1, 1,
               "missing column 'Population (historical estimates)' (or 'population') in the "
               "header");
    shi_owid_pop_table_destroy(&t);
    unlink(path);
}

/* ---- COW MID 5.0 ------------------------------------------------------------ */

#define MIDB_HEADER                                                                                \
    "dispnum,stabb,ccode,stday,stmon,styear,endday,endmon,endyear,sidea,revstate,revtype1,"        \
    "revtype2,fatality,fatalpre,hiact,hostlev,orig,version\r\n"
#define MIDI_HEADER                                                                                \
    "dispnum,incidnum,stday,stmon,styear,endday,endmon,endyear,duration,tbi,fatality,fatalpre,"    \
    "action,hostlev,numa,version\r\n"
#define MIDIP_HEADER                                                                               \
    "dispnum,incidnum,stabb,ccode,stday,stmon,styear,endday,endmon,endyear,insidea,sidea,"         \
    "fatality,fatalpre,action,hostlev,revtype1,revtype2,version\r\n"

static void midb_good_and_errors(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "midb.csv",
             MIDB_HEADER "2,\"UKG\",200,-9,7,1902,24,1,1903,0,1,1,-9,0,0,0,1,1,5\r\n"
                         "2,\"USA\",2,-9,7,1902,24,1,1903,1,1,1,-9,0,0,7,3,1,5\r\n");
    shi_midb_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_midb5(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.dispnum[1], 2);
    assert_int_equal(t.ccode[1], 2);
    assert_string_equal(t.stabb[1], "USA");
    assert_int_equal(t.stday[1], SHI_NA_I8); /* -9 is missing */
    assert_int_equal(t.stmon[1], 7);
    assert_int_equal(t.styear[1], 1902);
    assert_int_equal(t.endyear[1], 1903);
    assert_int_equal(t.sidea[1], 1);
    assert_int_equal(t.revtype2[1], SHI_NA_I8);
    assert_int_equal(t.fatality[1], 0); /* a real zero stays zero */
    assert_int_equal(t.hiact[1], 7);
    assert_int_equal(t.hostlev[1], 3);
    assert_int_equal(t.orig[1], 1);
    assert_int_equal(t.line[1], 3);
    assert_int_equal(t.col[1], 1);
    tmp_file(path, sizeof path, "midb_bad.csv",
             MIDB_HEADER "2,\"UKG\",200,-9,7,1902,24,1,1903,0,1,1,-9,0,0,0,6,1,5\r\n");
    expect_err(shi_io_read_midb5(path, &t, &err), &err, path, 2, 48,
               "expected a hostility level 1-5 in column 'hostlev', got '6'");
    tmp_file(path, sizeof path, "midb_bad.csv",
             MIDB_HEADER "2,\"UKG\",200,-9,7,1904,24,1,1903,0,1,1,-9,0,0,0,1,1,5\r\n");
    expect_err(shi_io_read_midb5(path, &t, &err), &err, path, 2, 28,
               "expected an end year >= the start year in column 'endyear', got '1903'");
    tmp_file(path, sizeof path, "midb_bad.csv",
             MIDB_HEADER "2,\"\",200,-9,7,1902,24,1,1903,0,1,1,-9,0,0,0,1,1,5\r\n");
    expect_err(shi_io_read_midb5(path, &t, &err), &err, path, 2, 3,
               "expected a country letter code of 1-3 characters in column 'stabb', got ''");
    assert_int_equal(t.n, 2);
    shi_midb_table_destroy(&t);
    shi_midb_table_destroy(&t);
    unlink(path);
}

static void midi_good_and_errors(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "midi.csv",
             MIDI_HEADER "3551,3551010,18,10,1993,18,10,1993,1,-9,0,0,1,2,1,5\r\n"
                         "3551,3551002,21,11,1992,24,9,1996,1404,-9,-9,-9,13,4,9,5\r\n");
    shi_midi_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_midi5(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.incidnum[1], 3551002);
    assert_int_equal(t.duration[1], 1404);
    assert_int_equal(t.fatality[1], SHI_NA_I8);
    assert_int_equal(t.fatalpre[1], -1);
    assert_int_equal(t.action[1], 13);
    assert_int_equal(t.hostlev[1], 4);
    assert_int_equal(t.numa[1], 9);
    assert_int_equal(t.endmon[1], 9);
    tmp_file(path, sizeof path, "midi_bad.csv",
             MIDI_HEADER "3551,3551010,18,10,1993,18,10,1993,1,-9,0,0,22,2,1,5\r\n");
    expect_err(shi_io_read_midi5(path, &t, &err), &err, path, 2, 45,
               "expected an action code 0-21 in column 'action', got '22'");
    tmp_file(path, sizeof path, "midi_bad.csv",
             MIDI_HEADER "3551,3551010,18,13,1993,18,10,1993,1,-9,0,0,1,2,1,5\r\n");
    expect_err(shi_io_read_midi5(path, &t, &err), &err, path, 2, 17,
               "expected a month 1-12 or -9 in column 'stmon', got '13'");
    shi_midi_table_destroy(&t);
    shi_midi_table_destroy(&t);
    unlink(path);
}

static void midip_good_and_errors(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "midip.csv",
             MIDIP_HEADER "3551,3551001,\"USA\",2,16,7,1992,16,7,1992,1,1,2,0,7,3,2,0,5\r\n"
                          "4052,4052001,\"CHN\",710,9,6,1993,12,6,1993,1,0,0,0,15,4,4,0,5\r\n");
    shi_midip_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_midip5(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.ccode[1], 710);
    assert_string_equal(t.stabb[1], "CHN");
    assert_int_equal(t.insidea[1], 1);
    assert_int_equal(t.sidea[1], 0);
    assert_int_equal(t.action[1], 15);
    assert_int_equal(t.hostlev[1], 4);
    assert_int_equal(t.revtype1[1], 4);
    assert_int_equal(t.fatality[0], 2);
    assert_int_equal(t.stday[1], 9);
    assert_int_equal(t.endday[1], 12);
    tmp_file(path, sizeof path, "midip_bad.csv",
             MIDIP_HEADER "3551,3551001,\"USA\",2,16,7,1992,16,7,1992,2,1,2,0,7,3,2,0,5\r\n");
    expect_err(shi_io_read_midip5(path, &t, &err), &err, path, 2, 42,
               "expected 0 or 1 in column 'insidea', got '2'");
    tmp_file(path, sizeof path, "midip_bad.csv",
             MIDIP_HEADER "3551,3551001,\"USA\",1000,16,7,1992,16,7,1992,1,1,2,0,7,3,2,0,5\r\n");
    expect_err(shi_io_read_midip5(path, &t, &err), &err, path, 2, 20,
               "expected a country code 1-999 in column 'ccode', got '1000'");
    tmp_file(path, sizeof path, "midip_bad.csv",
             MIDIP_HEADER "3551,3551001,\"USA\",2,16,7,1992,16,7,1992,1,1,2,0,7,3,,0,5\r\n");
    expect_err(shi_io_read_midip5(path, &t, &err), &err, path, 2, 54,
               "expected a revision type 0-4 or -9 in column 'revtype1', got ''");
    assert_int_equal(t.n, 2);
    shi_midip_table_destroy(&t);
    shi_midip_table_destroy(&t);
    unlink(path);
}

/* ---- the real files ---------------------------------------------------------- */

static const char *const wdi_files[] = {
    "worldbank_wdi_gdp/API_NY.GDP.MKTP.PP.KD_DS2_en_csv_v2_1004.csv",
    "worldbank_wdi_gdp/API_NY.GDP.MKTP.KD_DS2_en_csv_v2_213435.csv",
    "worldbank_wdi_gdp/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_5607117.csv",
    "worldbank_wdi_gdp/API_NY.GDP.MKTP.PP.CD_DS2_en_csv_v2_1090665.csv"};

static void real_wdi(void **state)
{
    (void)state;
    char buf[1024];
    if (!shared_present() || !shared_file(buf, sizeof buf, wdi_files[0])) {
        SHI_SKIP_NO_DATA();
    }
    shi_wdi_table t = {0};
    shi_err err = {0};
    size_t n_before = 0;
    for (size_t k = 0; k < sizeof wdi_files / sizeof wdi_files[0]; k++) {
        const char *p = shared_file(buf, sizeof buf, wdi_files[k]);
        if (!p) {
            continue;
        }
        size_t rec0 = t.nrec;
        double t0 = now_s();
        shi_status s = shi_io_read_wdi(p, &t, &err);
        report_time(wdi_files[k] + 18, t0, t.nrec - rec0);
        if (s != SHI_OK) {
            char m[1024];
            fail_msg("%s", shi_err_format(&err, m, sizeof m));
        }
        assert_int_equal(t.nrec - rec0, 266); /* PROVENANCE.md: 266 records each */
        assert_int_equal(t.nind, k + 1);
        size_t agg = 0;
        for (size_t r = n_before; r < t.n; r++) {
            agg += t.kind[r] == SHI_AREA_AGGREGATE;
        }
        /* 49 aggregates and 217 economies, every year column of each. */
        assert_int_equal(agg * 266, (t.n - n_before) * 49);
        n_before = t.n;
    }
    /* The PP.KD file's header says constant 2021 international $ (the source
     * repository's CITATION.md says 2017). */
    assert_string_equal(t.indicators[0].code, "NY.GDP.MKTP.PP.KD");
    assert_string_equal(t.indicators[0].name, "GDP, PPP (constant 2021 international $)");
    /* China's GDP, PPP, constant 2021 international $, 2020: "27114504049776" in
     * API_NY.GDP.MKTP.PP.KD_DS2_en_csv_v2_1004.csv (WDI, last updated 2026-02-24). */
    assert_true(shi_wdi_value(&t, 0, "CHN", 2020) == 27114504049776.0);
    /* The 2025 column of that file is still empty for China. */
    assert_true(isnan(shi_wdi_value(&t, 0, "CHN", 2025)));
    shi_wdi_table_destroy(&t);
}

static void real_maddison(void **state)
{
    (void)state;
    char gbuf[1024], pbuf[1024];
    const char *g = shared_file(gbuf, sizeof gbuf, "maddison_mpd2020/mpd2020_gdppc.csv");
    const char *p =
        shared_file(pbuf, sizeof pbuf, "maddison_mpd2020/mpd2020_gdppc_pop_excel-formatted.csv");
    if (!g || !p) {
        SHI_SKIP_NO_DATA();
    }
    shi_maddison_table t = {0};
    shi_err err = {0};
    double t0 = now_s();
    shi_status s = shi_io_read_maddison(g, NULL, &t, &err);
    report_time("mpd2020_gdppc.csv", t0, t.n);
    assert_int_equal(s, SHI_OK);
    assert_int_equal(t.n, 21682); /* PROVENANCE.md */
    shi_maddison_table_destroy(&t);
    t0 = now_s();
    s = shi_io_read_maddison(g, p, &t, &err);
    report_time("mpd2020 gdppc + excel-formatted pop (merged)", t0, t.n);
    if (s != SHI_OK) {
        char m[1024];
        fail_msg("%s", shi_err_format(&err, m, sizeof m));
    }
    assert_int_equal(t.n, 21682); /* both files: 21,682 records, the same keys */
    size_t with_pop = 0, hist = 0;
    long chn2018 = -1, sun1991 = -1, rus1991 = -1;
    for (size_t r = 0; r < t.n; r++) {
        with_pop += !isnan(t.pop_thousands[r]);
        hist += t.kind[r] == SHI_AREA_HISTORICAL;
        if (t.year[r] == 2018 && strcmp(t.iso3[r], "CHN") == 0) {
            chn2018 = (long)r;
        }
        if (t.year[r] == 1991 && strcmp(t.iso3[r], "SUN") == 0) {
            sun1991 = (long)r;
        }
        if (t.year[r] == 1991 && strcmp(t.iso3[r], "RUS") == 0) {
            rus1991 = (long)r;
        }
    }
    assert_int_equal(with_pop, 21682 - 4483); /* 4,483 rows have no pop */
    assert_int_equal(hist, 137 + 111 + 105);  /* SUN, CSK, YUG rows */
    /* China 2018: gdppc 13101.7064 (mpd2020_gdppc.csv line 3154), pop "1,385,439"
     * thousand (the excel-formatted file, same line). */
    assert_true(chn2018 >= 0);
    assert_true(t.gdppc[chn2018] == 13101.7064);
    assert_true(t.pop_thousands[chn2018] == 1385439.0);
    assert_int_equal(t.line[chn2018], 3154);
    /* Former USSR and Russia are separate series: SUN 1991 289,949 thousand,
     * RUS 1991 147,973 thousand. */
    assert_true(sun1991 >= 0 && rus1991 >= 0);
    assert_true(t.pop_thousands[sun1991] == 289949.0);
    assert_true(t.pop_thousands[rus1991] == 147973.0);
    shi_maddison_table_destroy(&t);
}

static void real_owid(void **state)
{
    (void)state;
    char buf[1024];
    const char *p = shared_file(buf, sizeof buf, "owid_population/population.csv");
    if (!p) {
        SHI_SKIP_NO_DATA();
    }
    shi_owid_pop_table t = {0};
    shi_err err = {0};
    double t0 = now_s();
    shi_status s = shi_io_read_owid_population(p, &t, &err);
    report_time("owid population.csv", t0, t.n);
    if (s != SHI_OK) {
        char m[1024];
        fail_msg("%s", shi_err_format(&err, m, sizeof m));
    }
    assert_int_equal(t.n, 57172); /* PROVENANCE.md */
    size_t agg = 0, other = 0;
    int found = 0;
    for (size_t r = 0; r < t.n; r++) {
        agg += t.kind[r] == SHI_AREA_AGGREGATE;
        other += t.kind[r] == SHI_AREA_OTHER;
        if (t.year[r] == 2018 && strcmp(t.code[r], "CHN") == 0) {
            assert_true(t.pop[r] == 1417069440.0); /* "China,CHN,2018,1417069440" */
            found = 1;
        }
    }
    assert_true(found);
    print_message("    owid kinds: %zu aggregate rows, %zu other rows\n", agg, other);
    assert_true(agg > 0 && other > 0);
    assert_int_equal(t.year[0], -10000);
    shi_owid_pop_table_destroy(&t);
}

static void real_mid5(void **state)
{
    (void)state;
    char bb[1024], ib[1024], pb[1024];
    const char *b = shared_file(bb, sizeof bb, "cow_mid_v5.0/MIDB_5.0.csv");
    const char *i = shared_file(ib, sizeof ib, "cow_mid_v5.0/MIDI_5.0.csv");
    const char *p = shared_file(pb, sizeof pb, "cow_mid_v5.0/MIDIP_5.0.csv");
    if (!b || !i || !p) {
        SHI_SKIP_NO_DATA();
    }
    shi_err err = {0};
    char m[1024];
    shi_midb_table tb = {0};
    double t0 = now_s();
    if (shi_io_read_midb5(b, &tb, &err) != SHI_OK) {
        fail_msg("%s", shi_err_format(&err, m, sizeof m));
    }
    report_time("MIDB_5.0.csv", t0, tb.n);
    assert_int_equal(tb.n, 5883);
    shi_midi_table ti = {0};
    t0 = now_s();
    if (shi_io_read_midi5(i, &ti, &err) != SHI_OK) {
        fail_msg("%s", shi_err_format(&err, m, sizeof m));
    }
    report_time("MIDI_5.0.csv", t0, ti.n);
    assert_int_equal(ti.n, 4483);
    shi_midip_table tp = {0};
    t0 = now_s();
    if (shi_io_read_midip5(p, &tp, &err) != SHI_OK) {
        fail_msg("%s", shi_err_format(&err, m, sizeof m));
    }
    report_time("MIDIP_5.0.csv", t0, tp.n);
    assert_int_equal(tp.n, 9619);
    int lo = 9999, hi = 0;
    for (size_t r = 0; r < ti.n; r++) {
        lo = ti.styear[r] < lo ? ti.styear[r] : lo;
        hi = ti.endyear[r] > hi ? ti.endyear[r] : hi;
    }
    assert_int_equal(lo, 1992);
    assert_int_equal(hi, 2014);
    /* Russia-China incidents: four, in disputes 4052 (1993), 4104 (1994),
     * 4485 (2009) and 4640 (2012). In 4052001 (9-12 June 1993) China (710)
     * acted on side A of the incident: action 15, hostility 4 (use of force),
     * revision type 4; Russia (365) took no militarized action (action 0,
     * hostlev 1). */
    size_t n_rc = 0;
    for (size_t r = 0; r + 1 < tp.n; r++) {
        if (tp.incidnum[r] != tp.incidnum[r + 1]) {
            continue;
        }
        int a = tp.ccode[r], c = tp.ccode[r + 1];
        if ((a == 365 && c == 710) || (a == 710 && c == 365)) {
            n_rc++;
        }
    }
    assert_int_equal(n_rc, 4);
    int seen = 0;
    for (size_t r = 0; r < tp.n; r++) {
        if (tp.incidnum[r] == 4052001 && tp.ccode[r] == 710) {
            assert_int_equal(tp.dispnum[r], 4052);
            assert_int_equal(tp.styear[r], 1993);
            assert_int_equal(tp.stmon[r], 6);
            assert_int_equal(tp.stday[r], 9);
            assert_int_equal(tp.endday[r], 12);
            assert_int_equal(tp.insidea[r], 1);
            assert_int_equal(tp.action[r], 15);
            assert_int_equal(tp.hostlev[r], 4);
            assert_int_equal(tp.revtype1[r], 4);
            seen |= 1;
        }
        if (tp.incidnum[r] == 4052001 && tp.ccode[r] == 365) {
            assert_int_equal(tp.action[r], 0);
            assert_int_equal(tp.hostlev[r], 1);
            seen |= 2;
        }
    }
    assert_int_equal(seen, 3);
    shi_midb_table_destroy(&tb);
    shi_midi_table_destroy(&ti);
    shi_midip_table_destroy(&tp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wdi_good),
        cmocka_unit_test(wdi_errors),
        cmocka_unit_test(grouped_numbers),
        cmocka_unit_test(maddison_good),
        cmocka_unit_test(maddison_errors),
        cmocka_unit_test(owid_good),
        cmocka_unit_test(owid_errors),
        cmocka_unit_test(midb_good_and_errors),
        cmocka_unit_test(midi_good_and_errors),
        cmocka_unit_test(midip_good_and_errors),
        cmocka_unit_test(real_wdi),
        cmocka_unit_test(real_maddison),
        cmocka_unit_test(real_owid),
        cmocka_unit_test(real_mid5),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
