/*
 * test_duplicate_keys.c - issue 20, defect 5 (2026-12-01): every importer
 * rejects a second row with the key of an earlier one, naming both lines.
 * Before, UNGA kept the last row (USA's 1946 ideal point changed), contiguity
 * the first, and trade, ATOP, nuclear, ICEWS, majors and user alliance files
 * took both. The check is the table-driven reader's (src/io/spec.c, columns
 * flagged SHI_I_KEY); these files pin it for each importer, with the message
 * and the position of the second row.
 */
#define _POSIX_C_SOURCE 200809L
#define SHI_TEST_NAME "test_duplicate_keys"
#include "test_util.h"

#include <string.h>

#include <shi/io.h>
#include <shi/io_dyad.h>
#include <shi/io_events.h>
#include <shi/io_national.h>
#include <shi/io_trade.h>

static void unga(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "unga.csv",
             "\"\",\"ccode\",\"session\",\"NVotesAll\",\"IdealPointAll\",\"iso3c\",\"USAgree\","
             "\"RUSSAgree\",\"BrazilAgree\",\"ChinaAgree\",\"IndiaAgree\",\"IsraelAgree\"\n"
             "\"1\",2,1,42,1.67635,\"USA\",1,0.2142857,0.6428571,NA,0.4761905,NA\n"
             "\"2\",710,1,42,0.5,\"CHN\",1,0.2,0.6,NA,0.4,NA\n"
             "\"3\",2,1,42,-3,\"USA\",1,0.2142857,0.6428571,NA,0.4761905,NA\n");
    shi_unga_table t = {0};
    shi_err err = {0};
    expect_err(shi_io_read_unga(path, &t, &err), &err, path, 4, 5,
               "duplicate row for ccode 2, session 1 (first on line 2)");
    shi_unga_table_destroy(&t);
}

static void contiguity(void **state)
{
    (void)state;
    char path[512];
    shi_contig_table t = {0};
    shi_err err = {0};
    /* One row per type when the type changed within the year (the official
     * file has 58): accepted, and the loader keeps the closest type. */
    tmp_file(path, sizeof path, "contdird.csv",
             "dyad,state1no,state1ab,state2no,state2ab,year,conttype,version\n"
             "2020,2,\"USA\",20,\"CAN\",1920,1,3.2\n2020,2,\"USA\",20,\"CAN\",1920,5,3.2\n");
    assert_int_equal(shi_io_read_contiguity(path, &t, &err), SHI_OK);
    shi_contig_table_destroy(&t);
    tmp_file(path, sizeof path, "contdird.csv",
             "dyad,state1no,state1ab,state2no,state2ab,year,conttype,version\n"
             "2020,2,\"USA\",20,\"CAN\",1920,1,3.2\n2020,2,\"USA\",20,\"CAN\",1921,1,3.2\n"
             "2020,2,\"USA\",20,\"CAN\",1920,1,3.2\n");
    expect_err(shi_io_read_contiguity(path, &t, &err), &err, path, 4, 6,
               "duplicate row for state1no 2, state2no 20, year 1920, conttype 1 (first on "
               "line 2)");
    shi_contig_table_destroy(&t);
}

static void trade(void **state)
{
    (void)state;
    char path[512];
    shi_err err = {0};
    shi_trade_nat_table n = {0};
    tmp_file(path, sizeof path, "national.csv",
             "ccode,year,imports,exports\n2,1870,450,418\n2,1871,1,2\n2,1870,1,2\n");
    expect_err(shi_io_read_cow_trade_national(path, &n, &err), &err, path, 4, 1,
               "duplicate row for ccode 2, year 1870 (first on line 2)");
    shi_trade_nat_table_destroy(&n);
    shi_trade_dyad_table d = {0};
    tmp_file(path, sizeof path, "dyadic.csv",
             "ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2\n"
             "2,20,1920,612,735,612,735\n2,20,1920,1,1,1,1\n");
    expect_err(shi_io_read_cow_trade_dyadic(path, &d, &err), &err, path, 3, 1,
               "duplicate row for ccode1 2, ccode2 20, year 1920 (first on line 2)");
    shi_trade_dyad_table_destroy(&d);
}

static void alliances(void **state)
{
    (void)state;
    char path[512];
    shi_err err = {0};
    shi_alliance_table t = {0};
    tmp_file(path, sizeof path, "atop.csv",
             "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
             "710,365,2001,0,0,0,1,1\n365,710,2001,0,0,0,1,1\n710,365,2001,1,0,0,0,0\n");
    expect_err(shi_io_read_atop(path, &t, &err), &err, path, 4, 1,
               "duplicate row for ccode1 710, ccode2 365, year 2001 (first on line 2)");
    shi_alliance_table_destroy(&t);
    tmp_file(path, sizeof path, "alliances.csv",
             "ccode1,ccode2,year,level\n2,20,1950,3\n2,20,1950,1\n");
    expect_err(shi_io_read_alliances(path, &t, &err), &err, path, 3, 1,
               "duplicate row for ccode1 2, ccode2 20, year 1950 (first on line 2)");
    shi_alliance_table_destroy(&t);
}

static void nuclear(void **state)
{
    (void)state;
    char path[512];
    shi_err err = {0};
    shi_nuclear_table t = {0};
    /* A row repeated exactly is accepted (the OWID file repeats Greenland's). */
    tmp_file(path, sizeof path, "nuclear.csv",
             "Admin,Code,Year,nuclear_weapons_status,nuclear_weapons_tests,"
             "nuclear_weapons_stockpile\n"
             "Greenland,ANT,1938,0,0,0\nAntarctica,ANT,1938,0,0,0\nGreenland,ANT,1938,0,0,0\n"
             "Russia,RUS,2023,3,0,4489\nRussia,RUS,2023,3,0,1\n");
    expect_err(shi_io_read_nuclear_status(path, &t, &err), &err, path, 6, 8,
               "duplicate row for Code 'RUS', Year 2023, Admin 'Russia' (first on line 5)");
    shi_nuclear_table_destroy(&t);
}

static void icews(void **state)
{
    (void)state;
    char path[512];
    shi_err err = {0};
    shi_icews_table t = {0};
    tmp_file(path, sizeof path, "icews.csv",
             "i,j,i_iso3c,j_iso3c,year,verbCoop,matlCoop,verbConf,matlConf\n"
             "Afghanistan,Albania,AFG,ALB,2002,6,1,0,0\nAlbania,Afghanistan,ALB,AFG,2002,6,1,0,0\n"
             "Afghanistan,Albania,AFG,ALB,2002,60,1,0,0\n");
    expect_err(shi_io_read_icews_dyad_year(path, &t, &err), &err, path, 4, 21,
               "duplicate row for i_iso3c 'AFG', j_iso3c 'ALB', year 2002 (first on line 2)");
    shi_icews_table_destroy(&t);
}

static void majors(void **state)
{
    (void)state;
    char path[512];
    shi_err err = {0};
    shi_spell_recs r = {0};
    tmp_file(path, sizeof path, "majors.csv",
             "stateabb,ccode,styear,stmonth,stday,endyear,endmonth,endday,version\n"
             "USA,2,1898,8,13,2024,12,31,2024\nUSA,2,1898,8,13,1950,12,31,2024\n");
    expect_err(shi_io_read_cow_majors(path, &r, &err), &err, path, 3, 5,
               "duplicate row for ccode 2, styear 1898, stmonth 8, stday 13 (first on line 2)");
    shi_spell_recs_destroy(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unga),      cmocka_unit_test(contiguity), cmocka_unit_test(trade),
        cmocka_unit_test(alliances), cmocka_unit_test(nuclear),    cmocka_unit_test(icews),
        cmocka_unit_test(majors),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
