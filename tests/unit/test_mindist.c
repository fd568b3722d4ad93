/*
 * test_mindist.c - cshapes 2.0 minimum distances (Schvitz et al. 2022): the
 * importer (src/io/mindist.c) on small files, bad input as file:line:col; the
 * geographic part's spells (SHI_DATA_GEO, embedded data/geo.shd and the
 * official file, checked against every row of it; 26,733 spells, counted
 * independently with a short python3 script over the file); that the
 * relations part does not carry them; and `shi dyads --add mindist` against
 * rows of the source file.
 */
#define _POSIX_C_SOURCE 200809L
#define SHI_TEST_NAME "test_mindist"
#include "test_util.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/io_dyad.h>

#define HDR "\"ccode1\",\"ccode2\",\"year\",\"mindist\"\n"

static void good_rows(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "md.csv",
             HDR "2,41,1886,932.508131769762\n2,70,1886,0\n2,90,1886,NA\n");
    shi_mindist_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_mindist(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 3);
    assert_true(t.km[0] == 932.508131769762);
    assert_true(t.km[1] == 0);
    assert_true(isnan(t.km[2])); /* NA is missing, not 0 (0 is contiguity) */
    assert_int_equal(t.line[2], 4);
    assert_int_equal(t.col2[2], 3);
    shi_mindist_table_destroy(&t);
    unlink(path);
}

static void bad_rows(void **state)
{
    (void)state;
    char path[512];
    shi_mindist_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "md_bad.csv", HDR "2,41,1886,far\n");
    expect_err(shi_io_read_mindist(path, &t, &err), &err, path, 2, 11,
               "expected a number in column 'mindist', got 'far'");
    tmp_file(path, sizeof path, "md_bad.csv", HDR "2,41,1886,20100.5\n");
    expect_err(shi_io_read_mindist(path, &t, &err), &err, path, 2, 11,
               "expected a distance 0-20100 km or NA in column 'mindist', got '20100.5'");
    tmp_file(path, sizeof path, "md_bad.csv", HDR "41,2,1886,1\n");
    expect_err(shi_io_read_mindist(path, &t, &err), &err, path, 2, 4,
               "expected a COW code greater than ccode1 (non-directed file) in column 'ccode2', "
               "got '2'");
    tmp_file(path, sizeof path, "md_bad.csv", HDR "2,41,2101,1\n");
    expect_err(shi_io_read_mindist(path, &t, &err), &err, path, 2, 6,
               "expected a year 1816-2100 in column 'year', got '2101'");
    tmp_file(path, sizeof path, "md_bad.csv", HDR "2,41,1886,1\n2,41,1886,1\n");
    assert_int_equal(shi_io_read_mindist(path, &t, &err), SHI_EDATA);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "duplicate row for ccode1 2, ccode2 41, year 1886"));
    tmp_file(path, sizeof path, "md_bad.csv", "ccode1,ccode2,year,capdist\n2,41,1886,1\n");
    assert_int_equal(shi_io_read_mindist(path, &t, &err), SHI_EDATA);
    assert_string_equal(err.msg, "missing column 'mindist' in the header");
    shi_mindist_table_destroy(&t);
    unlink(path);
}

/* Rows of cow_mindist.csv.gz (grep'd from the file). */
static void check_view(const shi_data *d)
{
    const shi_geo *r = &d->geo;
    assert_true(d->geo_loaded);
    assert_int_equal(r->mindist_y0, 1886);
    assert_int_equal(r->mindist_y1, 2019);
    assert_true(shi_geo_mindist(r, 2, 41, 1886) == 932.508131769762);
    assert_true(shi_geo_mindist(r, 41, 2, 1886) == 932.508131769762); /* symmetric */
    assert_true(shi_geo_mindist(r, 365, 710, 2014) == 0);             /* PROVENANCE.md */
    assert_true(shi_geo_mindist(r, 365, 369, 2019) == 0);
    assert_true(isnan(shi_geo_mindist(r, 365, 710, 2020))); /* after the data */
    assert_true(isnan(shi_geo_mindist(r, 365, 710, 1885))); /* before */
    assert_true(isnan(shi_geo_mindist(r, 365, 369, 1990))); /* Ukraine not yet a state */
    const shi_source *src = shi_data_source(d, "mindist");
    assert_non_null(src);
    assert_non_null(strstr(src->citation, "Schvitz"));
}

static void view_embedded(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    shi_data_spec spec = {.parts = SHI_DATA_GEO};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    check_view(&d);
    /* Its own part: the relations (which shi align loads) do not bring it. */
    assert_false(d.rel_loaded);
    shi_data_destroy(&d);
    shi_data_spec rel = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &rel, &err), SHI_OK);
    assert_false(d.geo_loaded);
    assert_int_equal(d.geo.n, 0);
    assert_null(shi_data_source(&d, "mindist"));
    assert_true(isnan(shi_geo_mindist(&d.geo, 2, 41, 1886)));
    shi_data_destroy(&d);
}

/* From the official file: every one of its rows is what the lookup gives,
 * and the embedded spells are the same. */
static void view_official(void **state)
{
    (void)state;
    char path[512];
    if (!shared_file(path, sizeof path, "cshapes_mindist_v2.0/cow_mindist.csv.gz")) {
        SHI_SKIP_NO_DATA();
    }
    shi_data d = {0}, e = {0};
    shi_err err = {0};
    shi_data_spec spec = {.dir = SHI_SHARED_DATA, .parts = SHI_DATA_GEO};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    check_view(&d);
    shi_mindist_table t = {0};
    double t0 = now_s();
    assert_int_equal(shi_io_read_mindist(path, &t, &err), SHI_OK);
    report_time("cow_mindist.csv.gz", t0, t.n);
    assert_int_equal(t.n, 952244); /* PROVENANCE.md */
    for (size_t k = 0; k < t.n; k++) {
        assert_true(shi_geo_mindist(&d.geo, t.ccode1[k], t.ccode2[k], t.year[k]) == t.km[k]);
    }
    assert_int_equal(d.geo.n, 26733);
    shi_data_spec emb = {.parts = SHI_DATA_GEO};
    assert_int_equal(shi_data_open(&e, &emb, &err), SHI_OK);
    assert_int_equal(e.geo.n, d.geo.n);
    assert_memory_equal(e.geo.md_a, d.geo.md_a, d.geo.n * sizeof *d.geo.md_a);
    assert_memory_equal(e.geo.md_b, d.geo.md_b, d.geo.n * sizeof *d.geo.md_b);
    assert_memory_equal(e.geo.md_y0, d.geo.md_y0, d.geo.n * sizeof *d.geo.md_y0);
    assert_memory_equal(e.geo.md_y1, d.geo.md_y1, d.geo.n * sizeof *d.geo.md_y1);
    assert_memory_equal(e.geo.md_km, d.geo.md_km, d.geo.n * sizeof *d.geo.md_km);
    shi_mindist_table_destroy(&t);
    shi_data_destroy(&e);
    shi_data_destroy(&d);
}

/* `shi data build --geo-output` from the official files gives data/geo.shd
 * byte for byte (the embedded file is the project's own build); a directory
 * without the file is an error naming it. */
static void rebuild(void **state)
{
    (void)state;
    char path[512], out[512];
    if (!shared_file(path, sizeof path, "cshapes_mindist_v2.0/cow_mindist.csv.gz")) {
        SHI_SKIP_NO_DATA();
    }
    snprintf(out, sizeof out, "%s/rebuilt_geo.shd", SHI_TEST_TMP);
    shi_err err = {0};
    shi_status s = shi_data_build_geo(SHI_SHARED_DATA, out, &err);
    if (s != SHI_OK) {
        print_error("%s\n", err.msg);
    }
    assert_int_equal(s, SHI_OK);
    expect_same_file(out, SHI_SOURCE_DIR "/data/geo.shd");
    unlink(out);
    assert_int_equal(shi_data_build_geo(SHI_TEST_TMP, out, &err), SHI_EDATA);
    assert_non_null(strstr(err.msg, "cshapes_mindist_v2.0/cow_mindist.csv.gz"));
}

/* An unknown state code is an error at its row and column. */
static void unknown_state(void **state)
{
    (void)state;
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/test_mindist_dir", SHI_TEST_TMP);
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/cow_mindist.csv.gz", dir); /* plain text: read as it is */
    write_file(path, HDR "2,41,1886,9\n998,999,1886,1\n");
    shi_data d = {0};
    shi_err err = {0};
    shi_data_spec spec = {.dir = dir, .parts = SHI_DATA_GEO};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_EDATA);
    expect_err(SHI_EDATA, &err, path, 3, 1,
               "unknown state code 998 in column 'ccode1' (not in the COW state system list)");
    shi_data_destroy(&d);
    unlink(path);
    rmdir(dir);
}

static void family(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    unsigned m = 0;
    assert_int_equal(shi_dyadvars_parse("mindist", &m, &err), SHI_OK);
    assert_int_equal(m, SHI_DV_MINDIST);
    assert_true(shi_dyadvars_need_geo(m));
    assert_false(shi_dyadvars_need_relations(m));
    shi_data_spec spec = {.parts = SHI_DATA_GEO};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    const int st[3] = {365, 369, 710};
    shi_dyad_opts o = {0};
    o.y0 = 2018;
    o.y1 = 2020;
    o.states = st;
    o.nstates = 3;
    o.both = 1;
    o.directed = 1;
    shi_frame f;
    assert_int_equal(shi_dyads_generate(&d.states, &o, &f, &err), SHI_OK);
    assert_int_equal(shi_dyadvars_add(&f, m, &d, NULL, &err), SHI_OK);
    long c = shi_frame_find(&f, "mindist_km");
    assert_true(c >= 0);
    assert_int_equal(f.nrow, 18);
    for (size_t r = 0; r < f.nrow; r++) {
        int y = f.cols[0].i32[r], a = f.cols[1].i32[r], b = f.cols[2].i32[r];
        double v = f.cols[c].f64[r];
        if (y == 2020) {
            assert_true(isnan(v));
        } else if ((a == 369 && b == 710) || (a == 710 && b == 369)) {
            assert_true(v == 2841.93591817214); /* 369,710,2018 and 2019 */
        } else {
            assert_true(v == 0); /* RUS touches UKR and CHN */
        }
    }
    assert_int_equal(shi_names_apply(&f, SHI_NAMES_PSCI, &err), SHI_OK);
    assert_true(shi_frame_find(&f, "mindist") >= 0);
    shi_frame_destroy(&f);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_rows),     cmocka_unit_test(bad_rows),
        cmocka_unit_test(view_embedded), cmocka_unit_test(view_official),
        cmocka_unit_test(unknown_state), cmocka_unit_test(family),
        cmocka_unit_test(rebuild),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
