/*
 * test_cinc.c - shi's CINC, recomputed from the six components, equals COW's
 * own cinc column for every state-year of NMC v7.0 and v6.0.
 *
 * COW computes cinc in single precision (Stata float) and prints it to 8
 * significant digits, so the printed value carries float rounding: the
 * agreement is checked to float precision, relative 2^-23 (about 1.2e-7),
 * on ALL rows. No row needs an exception (checked for both versions).
 */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <shi/data.h>

/* Check every row; returns the number of rows checked. */
static size_t check_all_rows(const shi_data *d)
{
    /* The data view computes CINC once, at load. */
    const size_t col = d->cinc;
    assert_int_equal(shi_data_col(d, "cinc"), (long)col);
    long cow = shi_data_col(d, "cinc_cow");
    assert_true(cow >= 0);
    size_t checked = 0, bad = 0;
    for (size_t r = 0; r < d->caps.nrow; r++) {
        if (!shi_panel_ok(&d->caps, (size_t)cow, r)) {
            continue; /* COW gives no cinc: nothing to compare */
        }
        double want = shi_panel_get(&d->caps, (size_t)cow, r);
        double got = shi_panel_get(&d->caps, col, r);
        double tol = ldexp(want, -23) + 1e-300;
        if (!(fabs(got - want) <= tol)) {
            if (bad++ < 10) {
                print_error("row %zu: state %d year %d: shi %.10g, COW %.10g\n", r, d->caps.unit[r],
                            d->caps.year[r], got, want);
            }
        }
        checked++;
    }
    assert_int_equal(bad, 0);
    return checked;
}

static void embedded_v7_all_rows(void **state)
{
    (void)state;
    shi_data d;
    shi_err err = {0};
    assert_int_equal(shi_data_load(&d, NULL, &err), SHI_OK);
    assert_string_equal(shi_data_source(&d, "nmc")->version, "7.0");
    /* NMC-70-abridged.csv has 17,121 records (PROVENANCE.md), all with a cinc. */
    assert_int_equal(d.caps.nrow, 17121);
    assert_int_equal(check_all_rows(&d), 17121);
    shi_data_destroy(&d);
}

/* Load one official NMC file through a directory holding only a link to it. */
static void official_version(const char *rel, const char *name, const char *version, size_t rows)
{
    char src[512];
    if (!shared_file(src, sizeof src, rel)) {
        SHI_SKIP_NO_DATA();
    }
    char dir[512], link[600];
    snprintf(dir, sizeof dir, "%s/nmc_%s", SHI_TEST_TMP, version);
    mkdir(dir, 0777);
    snprintf(link, sizeof link, "%s/%s", dir, name);
    unlink(link);
    assert_int_equal(symlink(src, link), 0);
    shi_data d;
    shi_err err = {0};
    shi_status s = shi_data_load(&d, dir, &err);
    if (s != SHI_OK) {
        print_error("%s\n", err.msg);
    }
    assert_int_equal(s, SHI_OK);
    assert_string_equal(shi_data_source(&d, "nmc")->version, version);
    assert_int_equal(d.caps.nrow, rows);
    assert_int_equal(check_all_rows(&d), rows);
    shi_data_destroy(&d);
    unlink(link);
    rmdir(dir);
}

static void official_v7_all_rows(void **state)
{
    (void)state;
    official_version("cow_nmc_v7.0/NMC-70-abridged.csv", "NMC-70-abridged.csv", "7.0", 17121);
}

static void official_v6_all_rows(void **state)
{
    (void)state;
    /* NMC-60-abridged.csv: 15,951 records (PROVENANCE.md). */
    official_version("cow_nmc_v6.0/NMC-60-abridged.csv", "NMC-60-abridged.csv", "6.0", 15951);
}

/* Spot values: USA 1945 CINC is 0.38386354 in both versions (PROVENANCE.md). */
static void usa_1945(void **state)
{
    (void)state;
    shi_data d;
    shi_err err = {0};
    assert_int_equal(shi_data_load(&d, NULL, &err), SHI_OK);
    const size_t col = d.cinc;
    long r = shi_panel_row(&d.caps, 2, 1945);
    assert_true(r >= 0);
    assert_true(fabs(shi_panel_get(&d.caps, col, (size_t)r) - 0.38386354) < 0.38386354 * 1.2e-7);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(embedded_v7_all_rows),
        cmocka_unit_test(official_v7_all_rows),
        cmocka_unit_test(official_v6_all_rows),
        cmocka_unit_test(usa_1945),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
