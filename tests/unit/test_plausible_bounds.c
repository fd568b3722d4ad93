/*
 * test_plausible_bounds.c - issue 20, defect 6 (2026-12-01): reals are finite
 * and within documented plausible bounds in the column specs. Before, milex
 * 99999999999999999999 made USA's 1816 CINC 0.195, an ideal point of 1e20 and
 * huge trade values passed. (NMC's own cinc against the recomputed CINC:
 * tests/badinput/nmc-cinc-mismatch; the .shd records: test_data.c.)
 */
#define _POSIX_C_SOURCE 200809L
#define SHI_TEST_NAME "test_plausible_bounds"
#include "test_util.h"

#include <string.h>

#include <shi/io.h>
#include <shi/io_dyad.h>
#include <shi/io_trade.h>

static void nmc(void **state)
{
    (void)state;
    char path[512];
    shi_err err = {0};
    shi_nmc_table t = {0};
    tmp_file(path, sizeof path, "nmc.csv",
             "stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\n"
             "USA,2,1816,99999999999999999999,17,80,254,8659,101,.039697491,2025\n");
    expect_err(shi_io_read_nmc(path, &t, &err), &err, path, 2, 12,
               "expected 0 to 1e10 (thousand US$) or -9 (missing) in column 'milex', got "
               "'99999999999999999999'");
    shi_nmc_table_destroy(&t);
}

static void unga(void **state)
{
    (void)state;
    char path[512];
    shi_err err = {0};
    shi_unga_table t = {0};
    tmp_file(path, sizeof path, "unga.csv",
             "\"\",\"ccode\",\"session\",\"NVotesAll\",\"IdealPointAll\",\"iso3c\",\"USAgree\","
             "\"RUSSAgree\",\"BrazilAgree\",\"ChinaAgree\",\"IndiaAgree\",\"IsraelAgree\"\n"
             "\"1\",2,1,42,1e20,\"USA\",1,0.2142857,0.6428571,NA,0.4761905,NA\n");
    expect_err(shi_io_read_unga(path, &t, &err), &err, path, 2, 12,
               "expected an ideal point -10..10 or NA in column 'IdealPointAll', got '1e20'");
    shi_unga_table_destroy(&t);
}

static void trade(void **state)
{
    (void)state;
    char path[512];
    shi_err err = {0};
    shi_trade_nat_table n = {0};
    tmp_file(path, sizeof path, "national.csv", "ccode,year,imports,exports\n2,1870,1e12,418\n");
    expect_err(shi_io_read_cow_trade_national(path, &n, &err), &err, path, 2, 8,
               "expected a trade flow 0-1e8 (million US$) or -9 for missing in column 'imports', "
               "got '1e12'");
    shi_trade_nat_table_destroy(&n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nmc),
        cmocka_unit_test(unga),
        cmocka_unit_test(trade),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
