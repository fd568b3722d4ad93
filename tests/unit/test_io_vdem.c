/*
 * test_io_vdem.c - the V-Dem polyarchy importer (src/io/vdem.c): good rows,
 * the units without a COW code passed over, and every kind of bad input
 * reported as file:line:col with the column, nothing kept.
 */
#define _POSIX_C_SOURCE 200809L
#define SHI_TEST_NAME "test_io_vdem"
#include "test_util.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <shi/io_national.h>

#define HDR "year,COWcode,v2x_polyarchy\n"

static void good_rows(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "vdem.csv",
             HDR "1900,2,0.3\n1948,,0.054\n2000,710,0.096\n2001,710,\n");
    shi_vdem_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_vdem(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 3); /* the row without a COW code is passed over */
    assert_int_equal(t.ccode[1], 710);
    assert_int_equal(t.year[1], 2000);
    assert_true(t.polyarchy[1] == 0.096);
    assert_true(isnan(t.polyarchy[2]));
    assert_int_equal(t.line[2], 5);
    shi_vdem_table_destroy(&t);
    unlink(path);
}

static void bad_rows(void **state)
{
    (void)state;
    char path[512];
    shi_vdem_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "vdem_bad.csv", HDR "1900,2,0.3\n1901,2,1.5\n");
    expect_err(shi_io_read_vdem(path, &t, &err), &err, path, 3, 8,
               "expected an index in [0, 1] or nothing in column 'v2x_polyarchy', got '1.5'");
    tmp_file(path, sizeof path, "vdem_bad.csv", HDR "1900,2x,0.3\n");
    expect_err(shi_io_read_vdem(path, &t, &err), &err, path, 2, 6,
               "expected an integer in column 'COWcode', got '2x'");
    tmp_file(path, sizeof path, "vdem_bad.csv", HDR "1600,2,0.3\n");
    expect_err(shi_io_read_vdem(path, &t, &err), &err, path, 2, 1,
               "expected a year 1700-2100 in column 'year', got '1600'");
    tmp_file(path, sizeof path, "vdem_bad.csv", HDR "1900,2,0.3\n1900,2,0.4\n");
    assert_int_equal(shi_io_read_vdem(path, &t, &err), SHI_EDATA);
    assert_non_null(strstr(err.msg, "duplicate row"));
    shi_vdem_table_destroy(&t); /* the rows before an error are the caller's to free */
    tmp_file(path, sizeof path, "vdem_bad.csv", "year,COWcode\n1900,2\n");
    assert_int_equal(shi_io_read_vdem(path, &t, &err), SHI_EDATA);
    assert_non_null(strstr(err.msg, "v2x_polyarchy"));
    assert_int_equal(t.n, 0);
    shi_vdem_table_destroy(&t);
    unlink(path);
}

/* The shared file: 27,013 records, 26,9xx with a COW code. */
static void real_file(void **state)
{
    (void)state;
    char path[512];
    if (!shared_file(path, sizeof path, "vdem_polyarchy_extract/vdem-poly.csv")) {
        SHI_SKIP_NO_DATA();
    }
    shi_vdem_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_vdem(path, &t, &err), SHI_OK);
    assert_true(t.n > 25000 && t.n < 27013);
    shi_vdem_table_destroy(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_rows),
        cmocka_unit_test(bad_rows),
        cmocka_unit_test(real_file),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
