/*
 * test_population.c - OWID population of the state-years (shi stateyears
 * --add population; data_econ.c's territory rules): named rows of
 * owid_population/population.csv (grep'd from the file: line numbers below),
 * the state-years left missing and the reason given, every value of the
 * official file against the file read here with a plain line split, the
 * embedded data/econ.shd against the official file, and bad input.
 */
#define _POSIX_C_SOURCE 200809L /* strtok_r */
#define SHI_TEST_NAME "test_population"
#include "test_util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <shi/stateyears.h>

/* The frame's population and population_src of (year, ccode). */
static double pop_of(const shi_frame *f, int year, int ccode, const char **src)
{
    long v = shi_frame_find(f, "population"), s = shi_frame_find(f, "population_src");
    assert_true(v >= 0 && s >= 0);
    for (size_t r = 0; r < f->nrow; r++) {
        if (f->cols[0].i32[r] == year && f->cols[1].i32[r] == ccode) {
            *src = shi_frame_col_str(f, (size_t)s, r);
            return f->cols[v].f64[r];
        }
    }
    fail_msg("no row %d %d", year, ccode);
    return 0;
}

static void check_rows(const shi_data *d)
{
    shi_frame f;
    shi_err err = {0};
    const shi_stateyear_opts o = {1816, 2016, NULL, 0};
    assert_int_equal(shi_stateyears_make(d, &o, SHI_SY_POPULATION, &f, &err), SHI_OK);
    const char *src;
    /* population.csv line 54038: United States,USA,1989,244954096 */
    assert_true(pop_of(&f, 1989, 2, &src) == 244954096);
    assert_string_equal(src, "OWID");
    /* line 18981: Germany,DEU,1990,79370192 - unified Germany (255) in 1990 */
    assert_true(pop_of(&f, 1990, 255, &src) == 79370192);
    /* West Germany (260) is not present-day Germany, in 1990 nor before */
    assert_true(isnan(pop_of(&f, 1990, 260, &src)));
    assert_string_equal(src, "territory differs: West Germany");
    assert_true(isnan(pop_of(&f, 1938, 255, &src))); /* the German Reich */
    assert_non_null(strstr(src, "German Reich"));
    /* line 41959: Russia,RUS,1991,148455408 - from 1991 (COW counts the other
     * republics that year); line 41958 (1990, 148005696) is not the USSR's */
    assert_true(pop_of(&f, 1991, 365, &src) == 148455408);
    assert_true(isnan(pop_of(&f, 1990, 365, &src)));
    assert_non_null(strstr(src, "USSR"));
    /* line 44824: Serbia,SRB,2008,7722801 - COW's 345 without Kosovo from 2008
     * (the state list's ISO3 code for 345 is YUG) */
    assert_true(pop_of(&f, 2008, 345, &src) == 7722801);
    assert_true(isnan(pop_of(&f, 2007, 345, &src)));
    assert_non_null(strstr(src, "Kosovo"));
    assert_true(isnan(pop_of(&f, 1980, 345, &src)));
    assert_non_null(strstr(src, "Yugoslavia"));
    /* lines 52089-52090: Turkey 1922 (the Ottoman Empire) missing, 1923 14267020 */
    assert_true(isnan(pop_of(&f, 1922, 640, &src)));
    assert_non_null(strstr(src, "Ottoman"));
    assert_true(pop_of(&f, 1923, 640, &src) == 14267020);
    /* line 17721: France,FRA,1962,46635188 */
    assert_true(pop_of(&f, 1962, 220, &src) == 46635188);
    /* Hanover (240) has no present-day country */
    assert_true(isnan(pop_of(&f, 1850, 240, &src)));
    assert_string_equal(src, "no ISO3 code in the state list");
    /* Czechoslovakia: no OWID series */
    assert_true(isnan(pop_of(&f, 1980, 315, &src)));
    assert_non_null(strstr(src, "Czechoslovakia"));
    shi_frame_destroy(&f);
    const shi_source *s = shi_data_source(d, "owid_pop");
    assert_non_null(s);
    assert_non_null(strstr(s->citation, "Our World in Data"));
}

static void embedded_rows(void **state)
{
    (void)state;
    shi_data d = {0};
    assert_int_equal(open_data(&d, SHI_DATA_ECON), 0);
    check_rows(&d);
    shi_data_destroy(&d);
}

/* The file's value of (ISO3, year), read with a line split; NaN when absent. */
typedef struct owid_row {
    char code[4];
    int year;
    double pop;
} owid_row;

static double file_value(const owid_row *v, size_t n, const char *code, int year)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i].year == year && strcmp(v[i].code, code) == 0) {
            return v[i].pop;
        }
    }
    return (double)NAN;
}

/* Every panel row that takes OWID's value has the file's value for its ISO3
 * code (SRB for 345 from 2008) and year; every other row has none; and the
 * embedded copy gives the same two columns. */
static void official_file(void **state)
{
    (void)state;
    char path[512], line[512];
    if (!shared_file(path, sizeof path, "owid_population/population.csv")) {
        SHI_SKIP_NO_DATA();
    }
    shi_data d = {0}, e = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.dir = SHI_SHARED_DATA, .parts = SHI_DATA_ECON};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    check_rows(&d);
    assert_string_equal(shi_data_source(&d, "owid_pop")->loaded, path);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    size_t n = 0, cap = 60000;
    owid_row *v = malloc(cap * sizeof *v);
    assert_non_null(v);
    while (fgets(line, sizeof line, fp)) {
        char *save, *name = strtok_r(line, ",", &save), *code = strtok_r(NULL, ",", &save);
        char *year = strtok_r(NULL, ",", &save), *pop = strtok_r(NULL, ",\n", &save);
        (void)name;
        if (code && year && pop && strlen(code) == 3 && atoi(year) >= 1816 && n < cap) {
            snprintf(v[n].code, sizeof v[n].code, "%s", code);
            v[n].year = atoi(year);
            v[n].pop = atof(pop);
            n++;
        }
    }
    fclose(fp);
    const shi_panel *p = &d.caps;
    long pop = shi_data_col(&d, "population"), src = shi_data_col(&d, "pop_src");
    assert_true(pop >= 0 && src >= 0);
    size_t owid = 0;
    for (size_t r = 0; r < p->nrow; r++) {
        const shi_state *st = shi_states_get(&d.states, p->unit[r]);
        int y = p->year[r];
        if (shi_panel_ok(p, (size_t)src, r) && shi_panel_get(p, (size_t)src, r) == 1) {
            const char *code = st->ccode == 345 && y >= 2008 ? "SRB" : st->iso3;
            assert_true(shi_panel_get(p, (size_t)pop, r) == file_value(v, n, code, y));
            owid++;
        } else {
            assert_false(shi_panel_ok(p, (size_t)pop, r));
        }
    }
    /* 14,743: counted independently by a short python3 script over
     * NMC-70-abridged.csv, the state list's ISO3 codes, POP_RULES and the file. */
    assert_int_equal(owid, 14743);
    free(v);
    assert_int_equal(open_data(&e, SHI_DATA_ECON), 0);
    long epop = shi_data_col(&e, "population"), esrc = shi_data_col(&e, "pop_src");
    assert_int_equal(e.caps.nrow, p->nrow);
    for (size_t r = 0; r < p->nrow; r++) {
        assert_int_equal(shi_panel_ok(&e.caps, (size_t)epop, r), shi_panel_ok(p, (size_t)pop, r));
        assert_int_equal(shi_panel_ok(&e.caps, (size_t)esrc, r), shi_panel_ok(p, (size_t)src, r));
        if (shi_panel_ok(p, (size_t)pop, r)) {
            assert_true(shi_panel_get(&e.caps, (size_t)epop, r) ==
                        shi_panel_get(p, (size_t)pop, r));
        }
        if (shi_panel_ok(p, (size_t)src, r)) {
            assert_true(shi_panel_get(&e.caps, (size_t)esrc, r) ==
                        shi_panel_get(p, (size_t)src, r));
        }
    }
    shi_data_destroy(&e);
    shi_data_destroy(&d);
}

#define HDR "Entity,Code,Year,Population (historical estimates)\n"

/* The file in a directory of its own (the other parts embedded): bad input
 * is an error at its line and column. */
static void bad_file(void **state)
{
    (void)state;
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/test_population_dir", SHI_TEST_TMP);
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/population.csv", dir);
    const shi_data_spec spec = {.dir = dir, .parts = SHI_DATA_ECON};
    shi_data d = {0};
    shi_err err = {0};
    /* The same code twice for a year: which would the state take? */
    write_file(path, HDR "United States,USA,1989,244954096\nAmerica,USA,1989,5\n");
    expect_err(shi_data_open(&d, &spec, &err), &err, path, 3, 9,
               "code 'USA' is given twice for year 1989 in column 'Code' (entity 'America')");
    write_file(path, HDR "United States,USA,1989,many\n");
    expect_err(shi_data_open(&d, &spec, &err), &err, path, 2, 24,
               "expected a population (a whole number, 0 or more) or nothing in column "
               "'Population (historical estimates)', got 'many'");
    write_file(path, "Entity,Code,Year\nUnited States,USA,1989\n");
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_EDATA);
    assert_non_null(strstr(err.msg, "missing column 'Population (historical estimates)'"));
    /* A good file: its rows replace the embedded population, nothing else. */
    write_file(path, HDR "United States,USA,1989,5\n");
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    long pop = shi_data_col(&d, "population"), gdp = shi_data_col(&d, "gdp");
    long r89 = shi_panel_row(&d.caps, 2, 1989), r90 = shi_panel_row(&d.caps, 2, 1990);
    assert_true(shi_panel_get(&d.caps, (size_t)pop, (size_t)r89) == 5);
    assert_false(shi_panel_ok(&d.caps, (size_t)pop, (size_t)r90));
    assert_true(shi_panel_ok(&d.caps, (size_t)gdp, (size_t)r89)); /* embedded GDP */
    assert_string_equal(shi_data_source(&d, "owid_pop")->loaded, path);
    assert_string_equal(shi_data_source(&d, "wdi_gdp")->loaded, "embedded");
    shi_data_destroy(&d);
    unlink(path);
    rmdir(dir);
}

static void family(void **state)
{
    (void)state;
    unsigned m = 0;
    shi_err err = {0};
    assert_int_equal(shi_stateyears_parse("population", &m, &err), SHI_OK);
    assert_int_equal(m, SHI_SY_POPULATION);
    assert_int_equal(shi_stateyears_parts(m), SHI_DATA_CAPS | SHI_DATA_ECON);
    assert_int_equal(shi_stateyears_parse("all", &m, &err), SHI_OK);
    assert_true(m & SHI_SY_POPULATION);
    assert_string_equal(shi_data_pop_note(1), "OWID");
    assert_null(shi_data_pop_note(0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(embedded_rows),
        cmocka_unit_test(official_file),
        cmocka_unit_test(bad_file),
        cmocka_unit_test(family),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
