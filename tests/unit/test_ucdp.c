/*
 * test_ucdp.c - the UCDP/PRIO armed conflict 25.1 importer, the
 * Gleditsch-Ward state list, and the conflict dyads in the data view.
 *
 * Small files under SHI_TEST_TMP pin the parsing of multi-code fields and the
 * error positions; the embedded data (always there) and the official files
 * (skipped when ../shared/data is absent) pin the check of PROVENANCE.md:
 * conflict 13243, Government of Russia vs Government of Ukraine, interstate,
 * intensity 2 in 2022-2024; in 2014-2021 Ukraine vs DPR/LPR with Russia as a
 * secondary warring party (type 4).
 */
#define _POSIX_C_SOURCE 200809L
#define SHI_TEST_NAME "test_ucdp"
#include "test_util.h"

#include <shi/data.h>
#include <shi/io_conflict.h>
#include <shi/io_dyad.h>

#define ACD_HEADER                                                                                 \
    "conflict_id,location,side_a,side_a_id,side_a_2nd,side_b,side_b_id,side_b_2nd,"                \
    "incompatibility,territory_name,year,intensity_level,cumulative_intensity,type_of_conflict,"   \
    "start_date,start_prec,start_date2,start_prec2,ep_end,ep_end_date,ep_end_prec,gwno_a,"         \
    "gwno_a_2nd,gwno_b,gwno_b_2nd,gwno_loc,region,version\n"

static void acd_good(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "acd.csv",
             ACD_HEADER
             "420,Iraq,\"Government of Australia, Government of United Kingdom, Government of "
             "United States of America\",\"\",\"\",Government of Iraq,\"\",\"\",1,\"\",2003,2,1,2,"
             "1990-08-02,1,2003-03-20,1,1,2003-05-01,\"\",\"900,  200,  2\",\"\",645,\"\",645,2,"
             "25.1\n"
             "13243,Ukraine,Government of Ukraine,\"\",\"\",DPR,\"\",\"\",1,Donetsk,2014,2,1,4,"
             "2014-04-12,1,2014-04-12,1,0,\"\",\"\",369,\"\",\"\",365,369,1,25.1\n");
    shi_ucdp_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_ucdp_acd(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.conflict_id[0], 420);
    assert_int_equal(t.year[0], 2003);
    assert_int_equal(t.type[0], SHI_UCDP_INTERSTATE);
    assert_int_equal(t.intensity[0], 2);
    assert_int_equal(t.na[0], 3);
    assert_int_equal(t.nprim_a[0], 3);
    assert_int_equal(t.gw[t.a0[0]], 900);
    assert_int_equal(t.gw[t.a0[0] + 1], 200);
    assert_int_equal(t.gw[t.a0[0] + 2], 2);
    assert_int_equal(t.nb[0], 1);
    assert_int_equal(t.gw[t.b0[0]], 645);
    /* Row 2: side B has no state as primary party, Russia as secondary. */
    assert_int_equal(t.type[1], SHI_UCDP_INTERNATIONALISED);
    assert_int_equal(t.na[1], 1);
    assert_int_equal(t.nb[1], 1);
    assert_int_equal(t.nprim_b[1], 0);
    assert_int_equal(t.gw[t.b0[1]], 365);
    assert_int_equal(t.line[1], 3);
    shi_ucdp_table_destroy(&t);
}

static void acd_bad(void **state)
{
    (void)state;
    char path[512];
    shi_ucdp_table t = {0};
    shi_err err = {0};
    /* A code that is not a number: the error names the field. */
    tmp_file(path, sizeof path, "acd_bad.csv",
             ACD_HEADER "1,X,A,1,\"\",B,2,\"\",1,\"\",1990,1,0,2,1990-01-01,1,1990-01-01,1,0,\"\","
                        "\"\",\"2, x\",\"\",20,\"\",2,1,25.1\n");
    assert_int_equal(shi_io_read_ucdp_acd(path, &t, &err), SHI_EDATA);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "Gleditsch-Ward codes"));
    shi_ucdp_table_destroy(&t);
    /* An intensity of 3 does not exist. */
    tmp_file(path, sizeof path, "acd_bad.csv",
             ACD_HEADER "1,X,A,1,\"\",B,2,\"\",1,\"\",1990,3,0,2,1990-01-01,1,1990-01-01,1,0,\"\","
                        "\"\",2,\"\",20,\"\",2,1,25.1\n");
    assert_int_equal(shi_io_read_ucdp_acd(path, &t, &err), SHI_EDATA);
    assert_non_null(strstr(err.msg, "intensity"));
    shi_ucdp_table_destroy(&t);
}

static void gw_list(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "gw.csv",
             "\"gwcode\",\"stateabb\",\"statename\",\"startdate\",\"enddate\"\n"
             "2,\"USA\",\"United States of America\",\"1816-01-01\",\"2017-12-31\"\n"
             "260,\"GFR\",\"German Federal Republic\",\"1949-09-21\",\"2017-12-31\"\n");
    shi_gw_table g = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_gw_states(path, &g, &err), SHI_OK);
    assert_int_equal(g.n, 2);
    assert_int_equal(g.start[1], 19490921);
    assert_true(shi_gw_known(&g, 260));
    assert_false(shi_gw_known(&g, 255));
    shi_gw_table_destroy(&g);
    tmp_file(path, sizeof path, "gw_bad.csv",
             "gwcode,stateabb,statename,startdate,enddate\n2,USA,USA,1816-13-01,2017-12-31\n");
    assert_int_equal(shi_io_read_gw_states(path, &g, &err), SHI_EDATA);
    assert_int_equal(err.line, 2);
    shi_gw_table_destroy(&g);
    /* The conversion's exceptions (Gleditsch & Ward 1999; COW states2016). */
    assert_int_equal(shi_gw_to_cow(260, 1989), 260);
    assert_int_equal(shi_gw_to_cow(260, 1991), 255);
    assert_int_equal(shi_gw_to_cow(678, 1994), 679);
    assert_int_equal(shi_gw_to_cow(340, 2008), 345);
    assert_int_equal(shi_gw_to_cow(365, 2022), 365);
}

/* The conflict dyads in the data view (embedded, or rebuilt from the files). */
static void check_view(const shi_data *d)
{
    const shi_dyadic *dy = &d->dy;
    assert_non_null(dy->ucdp);
    assert_int_equal(dy->ucdp_y0, 1946);
    assert_int_equal(dy->ucdp_y1, 2024);
    long rus = -1, ukr = -1, usa = -1, prc = -1;
    for (size_t i = 0; i < d->states.n; i++) {
        int c = d->states.v[i].ccode;
        rus = c == 365 ? (long)i : rus;
        ukr = c == 369 ? (long)i : ukr;
        usa = c == 2 ? (long)i : usa;
        prc = c == 710 ? (long)i : prc;
    }
    /* PROVENANCE.md's check: Russia-Ukraine interstate war 2022-2024 ... */
    for (int y = 2022; y <= 2024; y++) {
        assert_int_equal(dy->ucdp[shi_dy_pair(dy, y, (size_t)rus, (size_t)ukr)], 2);
        assert_int_equal(dy->ucdp[shi_dy_pair(dy, y, (size_t)ukr, (size_t)rus)], 2);
    }
    /* ... and Russia as secondary warring party of the DPR/LPR from 2014. */
    assert_true(dy->ucdp[shi_dy_pair(dy, 2014, (size_t)rus, (size_t)ukr)] >= 1);
    assert_int_equal(dy->ucdp[shi_dy_pair(dy, 2013, (size_t)rus, (size_t)ukr)], 0);
    /* Korea 1950: China (secondary on the North's side) against the USA. */
    assert_int_equal(dy->ucdp[shi_dy_pair(dy, 1950, (size_t)usa, (size_t)prc)], 2);
    /* Before 1946 the data say nothing: missing, not 0. */
    assert_int_equal(dy->ucdp[shi_dy_pair(dy, 1945, (size_t)usa, (size_t)prc)], SHI_NA_U8);
    /* Warheads: China's stockpile in 2022 (FAS via OWID: 390; PROVENANCE). */
    assert_true(dy->warheads[shi_dy_one(dy, 2022, (size_t)prc)] == 390.0f);
}

static void view_embedded(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    check_view(&d);
    shi_data_destroy(&d);
}

static void view_official(void **state)
{
    (void)state;
    char buf[512];
    if (!shared_file(buf, sizeof buf, "ucdp_v25.1/ucdp-prio-acd-251.csv")) {
        SHI_SKIP_NO_DATA();
    }
    shi_data d = {0};
    shi_err err = {0};
    shi_data_spec spec = {.dir = SHI_SHARED_DATA, .parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    check_view(&d);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(acd_good),      cmocka_unit_test(acd_bad),       cmocka_unit_test(gw_list),
        cmocka_unit_test(view_embedded), cmocka_unit_test(view_official),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
