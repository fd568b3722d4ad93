/*
 * test_stateyears.c - the state-year data set (shi/stateyears.h) against the
 * rows of the official files, read here with a plain line split of their own.
 */
#define _POSIX_C_SOURCE 200809L /* strtok_r */
#include "test_util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <shi/stateyears.h>

static shi_data D;

static int setup(void **state)
{
    (void)state;
    return open_data(&D, SHI_DATA_ECON | SHI_DATA_RELATIONS);
}

static int teardown(void **state)
{
    (void)state;
    shi_data_destroy(&D);
    return 0;
}

static void make(shi_frame *f, int y0, int y1, unsigned mask)
{
    shi_err err = {0};
    const shi_stateyear_opts o = {y0, y1, NULL, 0};
    assert_int_equal(shi_stateyears_make(&D, &o, mask, f, &err), SHI_OK);
}

static long row_of(const shi_frame *f, int year, int ccode)
{
    for (size_t r = 0; r < f->nrow; r++) {
        if (f->cols[0].i32[r] == year && f->cols[1].i32[r] == ccode) {
            return (long)r;
        }
    }
    return -1;
}

/* Every row of NMC-70-abridged.csv from 1816 to 2016 is a row of the frame
 * with the same six components (-9 missing) and CINC to float precision
 * (COW computes it in single precision: test_cinc.c), and the frame has no other rows: COW's NMC
 * lists exactly the system members' state-years. */
static void nmc_matches_the_file(void **state)
{
    (void)state;
    char path[512], line[512];
    if (!shared_file(path, sizeof path, "cow_nmc_v7.0/NMC-70-abridged.csv")) {
        SHI_SKIP_NO_DATA();
    }
    shi_frame f;
    make(&f, 1816, 2016, SHI_SY_NMC);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    assert_non_null(fgets(line, sizeof line, fp)); /* header */
    size_t n = 0;
    while (fgets(line, sizeof line, fp)) {
        char *fld[11], *save = NULL;
        int k = 0;
        for (char *t = strtok_r(line, ",", &save); t && k < 11; t = strtok_r(NULL, ",", &save)) {
            fld[k++] = t;
        }
        assert_int_equal(k, 11);
        int ccode = atoi(fld[1]), year = atoi(fld[2]);
        if (year > 2016) {
            continue;
        }
        long r = row_of(&f, year, ccode);
        assert_true(r >= 0);
        for (int c = 0; c < 6; c++) {
            double want = strtod(fld[3 + c], NULL), got = f.cols[3 + c].f64[r];
            if (want == -9) {
                assert_true(isnan(got));
            } else {
                assert_true(got == want);
            }
        }
        double cinc = strtod(fld[9], NULL);
        assert_true(fabs(f.cols[9].f64[r] - cinc) <= ldexp(cinc, -23));
        n++;
    }
    fclose(fp);
    assert_int_equal(n, f.nrow);
    assert_string_equal(f.cols[9].name, "cinc");
    shi_frame_destroy(&f);
}

/* COW majors (cow_state_system_v2024/majors2024.csv): the United States from 1898 (not 1897), Japan
 * 1895-1945 and from 1991, China from 1950. */
static void major_status(void **state)
{
    (void)state;
    shi_frame f;
    make(&f, 1890, 2000, SHI_SY_MAJOR);
    long m = shi_frame_find(&f, "major");
    assert_int_equal(m, 3);
    assert_int_equal(f.cols[m].i32[row_of(&f, 1897, 2)], 0);
    assert_int_equal(f.cols[m].i32[row_of(&f, 1898, 2)], 1);
    assert_int_equal(f.cols[m].i32[row_of(&f, 1945, 740)], 1);
    assert_int_equal(f.cols[m].i32[row_of(&f, 1990, 740)], 0);
    assert_int_equal(f.cols[m].i32[row_of(&f, 1991, 740)], 1);
    assert_int_equal(f.cols[m].i32[row_of(&f, 1949, 710)], 0);
    assert_int_equal(f.cols[m].i32[row_of(&f, 1950, 710)], 1);
    assert_true(f.cols[m].flag);
    shi_frame_destroy(&f);
}

/* GDP names its source per row: the United States in 2010 is WDI's
 * NY.GDP.MKTP.KD (16,259,610,790,677 constant 2015 US$ in the WDI file,
 * 16,259,610.8 millions rounded to 0.1 as data_econ.c says); in 1870 it is
 * Maddison's, spliced. Missing stays missing: no value, no source. */
static void gdp_source_per_row(void **state)
{
    (void)state;
    shi_frame f;
    make(&f, 1870, 2010, SHI_SY_GDP);
    long g = shi_frame_find(&f, "gdp"), s = shi_frame_find(&f, "gdp_src");
    assert_true(g >= 0 && s >= 0);
    long r = row_of(&f, 2010, 2);
    assert_true(fabs(f.cols[g].f64[r] - 16259610.8) < 0.051);
    assert_string_equal(f.cols[s].str[r], "WDI");
    r = row_of(&f, 1870, 2);
    assert_false(isnan(f.cols[g].f64[r]));
    assert_string_equal(f.cols[s].str[r], "Maddison");
    for (size_t k = 0; k < f.nrow; k++) {
        assert_int_equal(isnan(f.cols[g].f64[k]), f.cols[s].str[k] == NULL);
    }
    shi_frame_destroy(&f);
}

/* OWID nuclear status: China possesses weapons from 1964 (first test
 * 16 October 1964; one warhead that year in the stockpile file), pursues them
 * in 1960 (status 2 of nuclear_status_tests_stockpile_by_country_year.csv); outside the data's
 * years both are missing. */
static void nuclear_status(void **state)
{
    (void)state;
    shi_frame f;
    make(&f, 1816, 2024, SHI_SY_NUCLEAR);
    long n = shi_frame_find(&f, "nuclear"), w = shi_frame_find(&f, "warheads");
    assert_int_equal(f.cols[n].i32[row_of(&f, 1964, 710)], 3);
    assert_int_equal(f.cols[n].i32[row_of(&f, 1960, 710)], 2); /* pursuit */
    assert_true(f.cols[w].f64[row_of(&f, 1964, 710)] == 1);
    assert_int_equal(f.cols[n].i32[row_of(&f, 1900, 200)], SHI_NA_I32);
    assert_true(isnan(f.cols[w].f64[row_of(&f, 1900, 200)]));
    shi_frame_destroy(&f);
}

/* Rows of p5v2018.csv and vdem-poly.csv: the United States 2000 has polity2
 * 10 and v2x_polyarchy 0.863, China -7 and 0.096. Ethiopia 1993 has two
 * Polity rows (530, polity2 0, ending that year; 529, polity2 1, going on):
 * the successor's 1 is kept. The Polity5 file ends in 2020 (USA 5), the
 * V-Dem extract in 2019: polyarchy is missing in 2020, both in 2021. */
static void democracy_rows(void **state)
{
    (void)state;
    shi_frame f;
    make(&f, 1993, 2021, SHI_SY_DEMOCRACY);
    long p = shi_frame_find(&f, "polity2"), v = shi_frame_find(&f, "polyarchy");
    assert_true(p >= 0 && v >= 0);
    assert_true(f.cols[p].f64[row_of(&f, 2000, 2)] == 10);
    assert_true(f.cols[v].f64[row_of(&f, 2000, 2)] == 0.863);
    assert_true(f.cols[p].f64[row_of(&f, 2000, 710)] == -7);
    assert_true(f.cols[v].f64[row_of(&f, 2000, 710)] == 0.096);
    assert_true(f.cols[p].f64[row_of(&f, 1993, 530)] == 1);
    assert_true(f.cols[v].f64[row_of(&f, 1993, 530)] == 0.241);
    assert_true(f.cols[p].f64[row_of(&f, 2020, 2)] == 5);
    assert_true(isnan(f.cols[v].f64[row_of(&f, 2020, 2)]));
    assert_true(isnan(f.cols[p].f64[row_of(&f, 2021, 2)]));
    shi_frame_destroy(&f);
}

static void parse_and_select(void **state)
{
    (void)state;
    unsigned m;
    shi_err err = {0};
    assert_int_equal(shi_stateyears_parse("nmc,gdp", &m, &err), SHI_OK);
    assert_int_equal(m, SHI_SY_NMC | SHI_SY_GDP);
    assert_int_equal(shi_stateyears_parts(m), SHI_DATA_CAPS | SHI_DATA_ECON);
    assert_int_equal(shi_stateyears_parse("nmc,nm", &m, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "--add: unknown variable family 'nm'; valid families are nmc, "
                                 "major, gdp, nuclear, democracy, igos, population, all");
    const int only[] = {710, 2};
    const shi_stateyear_opts o = {2000, 2001, only, 2};
    shi_frame f;
    assert_int_equal(shi_stateyears_make(&D, &o, 0, &f, &err), SHI_OK);
    assert_int_equal(f.nrow, 4); /* ordered by year, then code */
    assert_int_equal(f.cols[1].i32[0], 2);
    assert_int_equal(f.cols[1].i32[1], 710);
    assert_string_equal(f.cols[2].str[1], "CHN");
    assert_int_equal(f.cols[0].i32[3], 2001);
    shi_frame_destroy(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nmc_matches_the_file), cmocka_unit_test(major_status),
        cmocka_unit_test(gdp_source_per_row),   cmocka_unit_test(nuclear_status),
        cmocka_unit_test(parse_and_select),     cmocka_unit_test(democracy_rows),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
