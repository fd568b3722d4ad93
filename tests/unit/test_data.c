/*
 * test_data.c - the embedded data set and the .shd format.
 */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <shi/data.h>

static void embedded_loads(void **state)
{
    (void)state;
    shi_data d;
    shi_err err = {0};
    assert_int_equal(shi_data_load(&d, NULL, &err), SHI_OK);
    assert_int_equal(d.nsrc, 4);
    assert_string_equal(shi_data_source(&d, "nmc")->version, "7.0");
    assert_string_equal(shi_data_source(&d, "states")->version, "v2016");
    assert_string_equal(shi_data_source(&d, "majors")->version, "v2024");
    assert_string_equal(shi_data_source(&d, "nmc")->loaded, "embedded");
    assert_int_equal(d.caps.year_min, 1816);
    assert_int_equal(d.caps.year_max, 2022);
    /* Missing stays missing: DOM 1900 has milex -9 in the NMC file. */
    long r = shi_panel_row(&d.caps, 42, 1900);
    assert_true(r >= 0);
    assert_false(shi_panel_ok(&d.caps, (size_t)shi_data_col(&d, "milex"), (size_t)r));
    assert_true(shi_panel_ok(&d.caps, (size_t)shi_data_col(&d, "tpop"), (size_t)r));
    shi_data_destroy(&d);
}

/* `shi data build` from ../shared/data reproduces the committed data/default.shd
 * byte for byte, so the embedded data is the project's own derivation. */
static void build_reproduces_default(void **state)
{
    (void)state;
    if (!shared_present()) {
        SHI_SKIP_NO_DATA();
    }
    char out[512];
    snprintf(out, sizeof out, "%s/rebuilt.shd", SHI_TEST_TMP);
    shi_err err = {0};
    shi_status s = shi_data_build(SHI_SHARED_DATA, out, &err);
    if (s != SHI_OK) {
        print_error("%s\n", err.msg);
    }
    assert_int_equal(s, SHI_OK);
    size_t n1 = 0, n2 = 0;
    char *a = slurp(out, &n1);
    char *b = slurp(SHI_SOURCE_DIR "/data/default.shd", &n2);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
    unlink(out);
}

/* The same for the dyadic file: data/dyadic.shd is rebuilt byte for byte, and
 * the arrays read back from it equal those built from the official files. */
static void build_reproduces_dyadic(void **state)
{
    (void)state;
    if (!shared_present()) {
        SHI_SKIP_NO_DATA();
    }
    shi_data d;
    shi_err err = {0};
    assert_int_equal(shi_data_load(&d, SHI_SHARED_DATA, &err), SHI_OK);
    char out[512];
    snprintf(out, sizeof out, "%s/rebuilt_dyadic.shd", SHI_TEST_TMP);
    shi_status s = shi_data_build_dyadic(&d, SHI_SHARED_DATA, out, &err);
    if (s != SHI_OK) {
        print_error("%s\n", err.msg);
    }
    assert_int_equal(s, SHI_OK);
    size_t n1 = 0, n2 = 0;
    char *a = slurp(out, &n1);
    char *b = slurp(SHI_SOURCE_DIR "/data/dyadic.shd", &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
    unlink(out);
    /* Official files vs the embedded spells: identical arrays. */
    shi_data e;
    assert_int_equal(shi_data_load(&e, NULL, &err), SHI_OK);
    /* shi_data_open adds the dyadic part to the loaded capabilities. */
    const shi_data_spec dyd = {.dir = SHI_SHARED_DATA, .parts = SHI_DATA_DYADIC};
    const shi_data_spec dye = {.parts = SHI_DATA_DYADIC};
    assert_int_equal(shi_data_open(&d, &dyd, &err), SHI_OK);
    assert_int_equal(shi_data_open(&e, &dye, &err), SHI_OK);
    size_t nn = (size_t)(d.dy.y1 - d.dy.y0 + 1) * d.dy.n * d.dy.n;
    size_t n1d = (size_t)(d.dy.y1 - d.dy.y0 + 1) * d.dy.n;
    assert_memory_equal(d.dy.contig, e.dy.contig, nn);
    assert_memory_equal(d.dy.ally_level, e.dy.ally_level, nn);
    assert_memory_equal(d.dy.ally, e.dy.ally, nn);
    assert_memory_equal(d.dy.cap_lat, e.dy.cap_lat, n1d * sizeof(double));
    for (size_t i = 0; i < n1d; i++) {
        double x = d.dy.ideal[i], z = e.dy.ideal[i];
        assert_true((isnan(x) && isnan(z)) || x == z);
    }
    assert_string_equal(shi_data_source(&d, "atop")->loaded + strlen(SHI_SHARED_DATA),
                        "/atop/atop5_1_ddyr_subset.csv");
    assert_string_equal(shi_data_source(&e, "atop")->loaded, "embedded");
    shi_data_destroy(&d);
    shi_data_destroy(&e);
}

/* data/relations.shd is rebuilt byte for byte from the official files. */
static void build_reproduces_relations(void **state)
{
    (void)state;
    if (!shared_present()) {
        SHI_SKIP_NO_DATA();
    }
    char out[512];
    snprintf(out, sizeof out, "%s/rebuilt_relations.shd", SHI_TEST_TMP);
    shi_err err = {0};
    shi_status s = shi_data_build_relations(SHI_SHARED_DATA, out, &err);
    if (s != SHI_OK) {
        print_error("%s\n", err.msg);
    }
    assert_int_equal(s, SHI_OK);
    size_t n1 = 0, n2 = 0;
    char *a = slurp(out, &n1);
    char *b = slurp(SHI_SOURCE_DIR "/data/relations.shd", &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
    unlink(out);
    /* The embedded subset agrees with the official files where it has data. */
    shi_data d, e;
    assert_int_equal(shi_data_load(&d, SHI_SHARED_DATA, &err), SHI_OK);
    assert_int_equal(shi_data_load(&e, NULL, &err), SHI_OK);
    const shi_data_spec reld = {.dir = SHI_SHARED_DATA, .parts = SHI_DATA_RELATIONS};
    const shi_data_spec rele = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &reld, &err), SHI_OK);
    assert_int_equal(shi_data_open(&e, &rele, &err), SHI_OK);
    double f1, f2, g1, g2;
    assert_true(shi_rel_trade(&d.rel, 365, 710, 2010, &f1, &f2));
    assert_true(shi_rel_trade(&e.rel, 710, 365, 2010, &g2, &g1));
    assert_true(f1 == g1 && f2 == g2);
    /* COW trade 2010 (rounded file): Russia's imports from China 39,124, China's from Russia
     * 26,817. */
    assert_true(f1 == 39124 && f2 == 26817);
    assert_true(shi_rel_arms(&d.rel, 365, 710, 1991, 2010) ==
                shi_rel_arms(&e.rel, 365, 710, 1991, 2010));
    assert_false(e.rel.subset == 0);
    shi_data_destroy(&d);
    shi_data_destroy(&e);
}

static void shd_errors(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/bad.shd", SHI_TEST_TMP);
    shi_data d;
    shi_err err = {0};

    write_file(path, "hello\tworld\n");
    assert_int_equal(shi_data_load_shd(&d, path, &err), SHI_EDATA);
    assert_int_equal(err.line, 1);
    assert_string_equal(err.msg, "not a shi data file (version 1): expected 'shi-data\\t1'");

    write_file(path, "shi-data\t1\ncap\t2\t1816\t1\n");
    assert_int_equal(shi_data_load_shd(&d, path, &err), SHI_EDATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 1);
    assert_string_equal(err.msg, "expected 10 fields in a 'cap' record, got 4");

    write_file(path, "shi-data\t1\ncap\t2\t1816\t1\t2\t3\tx4\t5\t6\t0.1\n");
    assert_int_equal(shi_data_load_shd(&d, path, &err), SHI_EDATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col,
                     18); /* c-a-p-tab-2-tab-1816-tab-1-tab-2-tab-3-tab: x4 starts at byte 18 */
    assert_string_equal(err.msg, "expected a number in field 7, got 'x4'");

    write_file(path, "shi-data\t1\n");
    assert_int_equal(shi_data_load_shd(&d, path, &err), SHI_EDATA);
    assert_string_equal(err.msg, "incomplete shi data file: needs every source, members and "
                                 "capabilities");
    unlink(path);

    assert_int_equal(shi_data_load(&d, "/nonexistent/dir", &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "--data: '/nonexistent/dir' is not a directory");
}

/* data/econ.shd is rebuilt byte for byte from the official files, and the
 * columns loaded from those files equal the embedded ones exactly. */
static void build_reproduces_econ(void **state)
{
    (void)state;
    if (!shared_present()) {
        SHI_SKIP_NO_DATA();
    }
    shi_data d;
    shi_err err = {0};
    assert_int_equal(shi_data_load(&d, SHI_SHARED_DATA, &err), SHI_OK);
    char out[512];
    snprintf(out, sizeof out, "%s/rebuilt_econ.shd", SHI_TEST_TMP);
    shi_status s = shi_data_build_econ(&d, SHI_SHARED_DATA, out, &err);
    if (s != SHI_OK) {
        print_error("%s\n", err.msg);
    }
    assert_int_equal(s, SHI_OK);
    size_t n1 = 0, n2 = 0;
    char *a = slurp(out, &n1);
    char *b = slurp(SHI_SOURCE_DIR "/data/econ.shd", &n2);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
    unlink(out);
    shi_data e = {0};
    const shi_data_spec ecd = {.dir = SHI_SHARED_DATA, .parts = SHI_DATA_ECON};
    const shi_data_spec ece = {.parts = SHI_DATA_ECON};
    assert_int_equal(shi_data_open(&d, &ecd, &err), SHI_OK);
    assert_int_equal(shi_data_open(&e, &ece, &err), SHI_OK);
    assert_int_equal(d.caps.nrow, e.caps.nrow);
    const char *cols[] = {"gdp", "gdp_src", "gdp_ppp", "gdp_ppp_src", "gdppc", "beckley"};
    for (int k = 0; k < 6; k++) {
        long cd = shi_data_col(&d, cols[k]), ce = shi_data_col(&e, cols[k]);
        assert_true(cd >= 0 && ce >= 0);
        for (size_t r = 0; r < d.caps.nrow; r++) {
            double x = shi_panel_get(&d.caps, (size_t)cd, r);
            double z = shi_panel_get(&e.caps, (size_t)ce, r);
            assert_true((isnan(x) && isnan(z)) || x == z);
        }
    }
    assert_string_equal(shi_data_source(&e, "wdi_gdp")->loaded, "embedded");
    assert_string_equal(shi_data_source(&d, "maddison")->loaded + strlen(SHI_SHARED_DATA),
                        "/maddison_mpd2020/mpd2020_gdppc.csv");
    shi_data_destroy(&d);
    shi_data_destroy(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(embedded_loads),          cmocka_unit_test(build_reproduces_default),
        cmocka_unit_test(build_reproduces_dyadic), cmocka_unit_test(build_reproduces_relations),
        cmocka_unit_test(build_reproduces_econ),   cmocka_unit_test(shd_errors),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
