/*
 * test_igo.c - COW IGO v3 (Pevehouse et al. 2020): the two importers
 * (src/io/igo.c) on small files, every kind of bad input as file:line:col;
 * the relations part's arrays (embedded and from the official files, checked
 * against every row of the source files); and the families `shi stateyears
 * --add igos` and `shi dyads --add igos` against rows of the source files.
 */
#define _POSIX_C_SOURCE 200809L
#define SHI_TEST_NAME "test_igo"
#include "test_util.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/io_dyad.h>
#include <shi/stateyears.h>

#define NDY "\"ccode1\",\"ccode2\",\"year\",\"dyadigos\"\n"
#define SY                                                                                         \
    "\"ccode\",\"year\",\"sum_igo_full\",\"sum_igo_associate\",\"sum_igo_observer\","              \
    "\"sum_igo_anytype\"\n"

static void dyadic_good(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "ndy.csv", NDY "2,20,1920,7\n365,705,2014,47\n365,710,2013,NA\n");
    shi_igo_dyad_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_igo_dyadic(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 3);
    assert_int_equal(t.ccode1[1], 365);
    assert_int_equal(t.ccode2[1], 705);
    assert_int_equal(t.year[1], 2014);
    assert_int_equal(t.shared[1], 47);
    assert_int_equal(t.shared[2], -1); /* NA is missing, not 0 */
    assert_int_equal(t.line[1], 3);
    assert_int_equal(t.col[1], 1);
    assert_int_equal(t.col2[1], 5);
    shi_igo_dyad_table_destroy(&t);
    unlink(path);
}

static void dyadic_bad(void **state)
{
    (void)state;
    char path[512];
    shi_igo_dyad_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "ndy_bad.csv", NDY "2,20,1920,7\n2,20,1921,x\n");
    expect_err(shi_io_read_igo_dyadic(path, &t, &err), &err, path, 3, 11,
               "expected an integer in column 'dyadigos', got 'x'");
    tmp_file(path, sizeof path, "ndy_bad.csv", NDY "2,20,1920,-3\n");
    expect_err(shi_io_read_igo_dyadic(path, &t, &err), &err, path, 2, 11,
               "expected a count of shared full memberships 0-254 or NA in column 'dyadigos', "
               "got '-3'");
    tmp_file(path, sizeof path, "ndy_bad.csv", NDY "20,2,1920,7\n");
    expect_err(shi_io_read_igo_dyadic(path, &t, &err), &err, path, 2, 4,
               "expected a COW code greater than ccode1 (non-directed file) in column 'ccode2', "
               "got '2'");
    tmp_file(path, sizeof path, "ndy_bad.csv", NDY "2,20,1815,7\n");
    expect_err(shi_io_read_igo_dyadic(path, &t, &err), &err, path, 2, 6,
               "expected a year 1816-2100 in column 'year', got '1815'");
    tmp_file(path, sizeof path, "ndy_bad.csv", NDY "2,20,1920,7\n2,20,1920,8\n");
    assert_int_equal(shi_io_read_igo_dyadic(path, &t, &err), SHI_EDATA);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "duplicate row for ccode1 2, ccode2 20, year 1920"));
    tmp_file(path, sizeof path, "ndy_bad.csv", NDY "2,20,1920,7,1\n");
    assert_int_equal(shi_io_read_igo_dyadic(path, &t, &err), SHI_EDATA);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "expected 4 fields as in the header, got 5"));
    tmp_file(path, sizeof path, "ndy_bad.csv", "ccode1,ccode2,year\n2,20,1920\n");
    assert_int_equal(shi_io_read_igo_dyadic(path, &t, &err), SHI_EDATA);
    assert_string_equal(err.msg, "missing column 'dyadigos' in the header");
    assert_int_equal(err.line, 1);
    shi_igo_dyad_table_destroy(&t); /* the rows before an error are the caller's to free */
    unlink(path);
}

static void states_good_and_bad(void **state)
{
    (void)state;
    char path[512];
    shi_igo_state_table t = {0};
    shi_err err = {0};
    tmp_file(path, sizeof path, "sy.csv", SY "365,2014,88,0,2,90\n705,2014,55,NA,1,\n");
    assert_int_equal(shi_io_read_igo_states(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.full[0], 88);
    assert_int_equal(t.observer[0], 2);
    assert_int_equal(t.any[0], 90);
    assert_int_equal(t.assoc[1], -1);
    assert_int_equal(t.any[1], -1);
    shi_igo_state_table_destroy(&t);
    /* The sum of the three kinds must be the count of any type. */
    tmp_file(path, sizeof path, "sy.csv", SY "365,2014,88,0,2,91\n");
    expect_err(shi_io_read_igo_states(path, &t, &err), &err, path, 2, 17,
               "expected sum_igo_full + sum_igo_associate + sum_igo_observer in column "
               "'sum_igo_anytype', got '91'");
    tmp_file(path, sizeof path, "sy.csv", SY "365,2014,1001,0,2,1003\n");
    expect_err(shi_io_read_igo_states(path, &t, &err), &err, path, 2, 10,
               "expected a count of memberships 0-1000 or NA in column 'sum_igo_full', got "
               "'1001'");
    tmp_file(path, sizeof path, "sy.csv", SY "1000,2014,1,0,0,1\n");
    expect_err(shi_io_read_igo_states(path, &t, &err), &err, path, 2, 1,
               "expected a COW code 1-999 in column 'ccode', got '1000'");
    shi_igo_state_table_destroy(&t);
    unlink(path);
}

static long reg(const shi_data *d, int c)
{
    for (size_t i = 0; i < d->states.n; i++) {
        if (d->states.v[i].ccode == c) {
            return (long)i;
        }
    }
    fail_msg("no state %d", c);
    return -1;
}

static int igo(const shi_data *d, int a, int b, int y)
{
    const shi_dyadic *dy = &d->dy;
    return dy->igo[shi_dy_pair(dy, y, (size_t)reg(d, a), (size_t)reg(d, b))];
}

/* Rows of cow_igo_ndy.csv.gz and cow_igo_sy.csv (grep'd from the files). */
static void check_view(const shi_data *d, int subset)
{
    const shi_dyadic *dy = &d->dy;
    assert_non_null(dy->igo);
    assert_int_equal(dy->igo_y0, 1816);
    assert_int_equal(dy->igo_y1, 2014);
    assert_int_equal(dy->igo_subset, subset);
    assert_int_equal(igo(d, 365, 705, 2014), 47); /* 365,705,2014,47 */
    assert_int_equal(igo(d, 705, 365, 2014), 47);
    assert_int_equal(igo(d, 365, 705, 1995), 32);
    assert_int_equal(igo(d, 705, 710, 2014), 36);
    assert_int_equal(igo(d, 2, 20, 1920), 7);
    assert_int_equal(igo(d, 2, 20, 1919), SHI_NA_U8); /* Canada entered in 1920 */
    assert_int_equal(igo(d, 2, 200, 1816), 0);        /* listed with 0 */
    assert_int_equal(igo(d, 365, 705, 2015), SHI_NA_U8);
    /* Kazakhstan-Kyrgyzstan (703,705,2014,45): no major power, so not in the
     * embedded subset, where it is missing, never 0. */
    assert_int_equal(igo(d, 703, 705, 2014), subset ? SHI_NA_U8 : 45);
    size_t rus = (size_t)reg(d, 365), kzk = (size_t)reg(d, 705), jam = (size_t)reg(d, 51);
    /* 365,2014,88,0,2,90 and 705,1995,38,0,0,38: every state is kept. */
    assert_int_equal(dy->igo_sy[SHI_IGO_FULL][shi_dy_one(dy, 2014, rus)], 88);
    assert_int_equal(dy->igo_sy[SHI_IGO_ASSOC][shi_dy_one(dy, 2014, rus)], 0);
    assert_int_equal(dy->igo_sy[SHI_IGO_OBSERVER][shi_dy_one(dy, 2014, rus)], 2);
    assert_int_equal(dy->igo_sy[SHI_IGO_ANY][shi_dy_one(dy, 2014, rus)], 90);
    assert_int_equal(dy->igo_sy[SHI_IGO_FULL][shi_dy_one(dy, 1995, kzk)], 38);
    assert_int_equal(dy->igo_sy[SHI_IGO_FULL][shi_dy_one(dy, 2015, rus)], -1);
    /* 51,2014,59,2,1,62 (Jamaica) */
    assert_int_equal(dy->igo_sy[SHI_IGO_FULL][shi_dy_one(dy, 2014, jam)], 59);
    assert_int_equal(dy->igo_sy[SHI_IGO_ASSOC][shi_dy_one(dy, 2014, jam)], 2);
    assert_int_equal(dy->igo_sy[SHI_IGO_ANY][shi_dy_one(dy, 2014, jam)], 62);
    const shi_source *src = shi_data_source(d, "igo");
    assert_non_null(src);
    assert_non_null(strstr(src->citation, "Pevehouse"));
    assert_non_null(strstr(src->citation, "Journal of Peace Research 57(3)"));
}

static void view_embedded(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    check_view(&d, 1);
    shi_data_destroy(&d);
}

/* From the official files: every row of both files is in the arrays, and
 * the embedded subset agrees with them wherever it has a value. */
static void view_official(void **state)
{
    (void)state;
    char np[512], sp[512];
    if (!shared_file(np, sizeof np, "cow_igo_v3/cow_igo_ndy.csv.gz") ||
        !shared_file(sp, sizeof sp, "cow_igo_v3/cow_igo_sy.csv")) {
        SHI_SKIP_NO_DATA();
    }
    shi_data d = {0}, e = {0};
    shi_err err = {0};
    shi_data_spec spec = {.dir = SHI_SHARED_DATA, .parts = SHI_DATA_RELATIONS};
    double t0 = now_s();
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    report_time("relations with the official files", t0, 0);
    check_view(&d, 0);
    shi_igo_dyad_table t = {0};
    shi_igo_state_table s = {0};
    t0 = now_s();
    assert_int_equal(shi_io_read_igo_dyadic(np, &t, &err), SHI_OK);
    report_time("cow_igo_ndy.csv.gz", t0, t.n);
    assert_int_equal(t.n, 917695); /* PROVENANCE.md */
    assert_int_equal(shi_io_read_igo_states(sp, &s, &err), SHI_OK);
    assert_int_equal(s.n, 15557);
    const shi_dyadic *dy = &d.dy;
    for (size_t r = 0; r < t.n; r++) {
        assert_int_equal(igo(&d, t.ccode1[r], t.ccode2[r], t.year[r]), t.shared[r]);
    }
    for (size_t r = 0; r < s.n; r++) {
        size_t k = shi_dy_one(dy, s.year[r], (size_t)reg(&d, s.ccode[r]));
        assert_int_equal(dy->igo_sy[SHI_IGO_FULL][k], s.full[r]);
        assert_int_equal(dy->igo_sy[SHI_IGO_ASSOC][k], s.assoc[r]);
        assert_int_equal(dy->igo_sy[SHI_IGO_OBSERVER][k], s.observer[r]);
        assert_int_equal(dy->igo_sy[SHI_IGO_ANY][k], s.any[r]);
    }
    shi_data_spec emb = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&e, &emb, &err), SHI_OK);
    size_t nn = (size_t)(dy->y1 - dy->y0 + 1) * dy->n * dy->n, kept = 0;
    for (size_t k = 0; k < nn; k++) {
        if (e.dy.igo[k] != SHI_NA_U8) {
            assert_int_equal(e.dy.igo[k], dy->igo[k]);
            kept++;
        }
    }
    assert_int_equal(kept, 2 * 112584); /* the rows with a (sometime) major power, both orders */
    for (int q = 0; q < 4; q++) {
        assert_memory_equal(e.dy.igo_sy[q], dy->igo_sy[q],
                            (size_t)(dy->y1 - dy->y0 + 1) * dy->n * sizeof *dy->igo_sy[q]);
    }
    shi_igo_dyad_table_destroy(&t);
    shi_igo_state_table_destroy(&s);
    shi_data_destroy(&e);
    shi_data_destroy(&d);
}

/* An unknown state code in an official file is an error at its row. */
static void unknown_state(void **state)
{
    (void)state;
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/test_igo_dir", SHI_TEST_TMP);
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/cow_igo_ndy.csv.gz", dir); /* plain text: read as it is */
    write_file(path, NDY "2,20,1920,7\n2,999,1920,1\n");
    char spath[600];
    snprintf(spath, sizeof spath, "%s/cow_igo_sy.csv", dir);
    write_file(spath, SY "2,1920,5,0,0,5\n");
    shi_data d = {0};
    shi_err err = {0};
    shi_data_spec spec = {.dir = dir, .parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_EDATA);
    expect_err(SHI_EDATA, &err, path, 3, 3,
               "unknown state code 999 in column 'ccode2' (not in the COW state system list)");
    shi_data_destroy(&d);
    write_file(path, NDY "2,20,1920,7\n");
    write_file(spath, SY "2,1920,5,0,0,5\n998,1920,1,0,0,1\n");
    memset(&d, 0, sizeof d);
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_EDATA);
    expect_err(SHI_EDATA, &err, spath, 3, 1,
               "unknown state code 998 in column 'ccode' (not in the COW state system list)");
    shi_data_destroy(&d);
    unlink(path);
    unlink(spath);
    rmdir(dir);
}

/* The families, against rows of the source files. */
static void families(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    unsigned m = 0;
    assert_int_equal(shi_stateyears_parse("igos", &m, &err), SHI_OK);
    assert_int_equal(m, SHI_SY_IGOS);
    assert_int_equal(shi_stateyears_parts(m), SHI_DATA_CAPS | SHI_DATA_RELATIONS);
    shi_data_spec spec = {.parts = shi_stateyears_parts(m)};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    const int only[] = {365, 705};
    const shi_stateyear_opts o = {2014, 2015, only, 2};
    shi_frame f;
    assert_int_equal(shi_stateyears_make(&d, &o, m, &f, &err), SHI_OK);
    assert_int_equal(f.nrow, 4);
    static const char *const cols[4] = {"igo_full", "igo_associate", "igo_observer", "igo_any"};
    static const int want[2][4] = {{88, 0, 2, 90}, {55, 0, 1, 56}}; /* 365 and 705 in 2014 */
    for (int k = 0; k < 4; k++) {
        long c = shi_frame_find(&f, cols[k]);
        assert_true(c >= 0);
        assert_int_equal(f.cols[c].i32[0], want[0][k]);
        assert_int_equal(f.cols[c].i32[1], want[1][k]);
        assert_int_equal(f.cols[c].i32[2], SHI_NA_I32); /* 2015: after the data */
        assert_int_equal(f.cols[c].i32[3], SHI_NA_I32);
    }
    assert_int_equal(shi_names_apply(&f, SHI_NAMES_PSCI, &err), SHI_OK);
    assert_true(shi_frame_find(&f, "sum_igo_full") >= 0);
    assert_true(shi_frame_find(&f, "sum_igo_anytype") >= 0);
    shi_frame_destroy(&f);

    assert_int_equal(shi_dyadvars_parse("igos", &m, &err), SHI_OK);
    assert_int_equal(m, SHI_DV_IGOS);
    assert_true(shi_dyadvars_need_relations(m));
    const int st[3] = {365, 705, 703};
    shi_dyad_opts dopt = {0};
    dopt.y0 = 2013;
    dopt.y1 = 2015;
    dopt.states = st;
    dopt.nstates = 3;
    dopt.both = 1;
    dopt.directed = 1;
    assert_int_equal(shi_dyads_generate(&d.states, &dopt, &f, &err), SHI_OK);
    assert_int_equal(shi_dyadvars_add(&f, m, &d, NULL, &err), SHI_OK);
    long c = shi_frame_find(&f, "igo_shared");
    assert_true(c >= 0);
    for (size_t r = 0; r < f.nrow; r++) {
        int y = f.cols[0].i32[r], a = f.cols[1].i32[r], b = f.cols[2].i32[r];
        int32_t v = f.cols[c].i32[r];
        if (y == 2015 || (a != 365 && b != 365)) {
            assert_int_equal(v, SHI_NA_I32); /* after 2014; KZK-KYR outside the subset */
        } else if ((a == 705 || b == 705) && y == 2014) {
            assert_int_equal(v, 47); /* 365,705,2014,47 */
        } else if ((a == 705 || b == 705) && y == 2013) {
            assert_int_equal(v, 48); /* 365,705,2013,48 */
        } else if (y == 2014) {
            assert_int_equal(v, 41); /* 365,703,2014,41 */
        }
    }
    assert_int_equal(shi_names_apply(&f, SHI_NAMES_PSCI, &err), SHI_OK);
    assert_true(shi_frame_find(&f, "dyadigos") >= 0);
    shi_frame_destroy(&f);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dyadic_good),
        cmocka_unit_test(dyadic_bad),
        cmocka_unit_test(states_good_and_bad),
        cmocka_unit_test(view_embedded),
        cmocka_unit_test(view_official),
        cmocka_unit_test(unknown_state),
        cmocka_unit_test(families),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
