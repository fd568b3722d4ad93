/*
 * test_unsc.c - the UN Security Council veto importer (shi/io_unsc.h) and the
 * vetoes of the data view (shi_rel_vetoes).
 *
 * Small files under SHI_TEST_TMP pin the quirks and the error positions. The
 * official file (skipped when ../shared/data is absent) and the embedded data
 * pin PROVENANCE.md's check: 214 records, one an exact duplicate (1946-06-26,
 * S/PV.49, "The Spanish question"), so 213 drafts; 14 drafts vetoed by both
 * Russia and China, counted with
 *   awk -F, 'NR>1 && /Russia/ && /China/ {n++} END {print n}' unsc_vetoes_1946_sept2022.csv
 * two of them in 2012 (2/4 and 7/19, the row whose single_veto says 1).
 */
#define _POSIX_C_SOURCE 200809L
#define SHI_TEST_NAME "test_unsc"
#include "test_util.h"

#include <shi/data.h>
#include <shi/io_unsc.h>
#include <shi/relations.h>

#define HEAD                                                                                       \
    "year,date,month,draft,meeting_record,agenda_item,crisis_topic,region,member_veto1,"           \
    "member_veto2,member_veto3,single_veto,multiple_vetoes,China,France,Russia,USSR,USA,UK,"       \
    "russia_china,usa_uk,usa_france,usa_france_uk,france_uk\n"

static void quirks(void **state)
{
    (void)state;
    char path[512];
    tmp_file(path, sizeof path, "good.csv",
             HEAD
             "1946,6/26/1946,6,S/PV.49,S/PV.49,The Spanish question,Spain,W,USSR,,,1,0,0,0,0,"
             "1,0,0,0,0,0,0,0\n"
             "1946,6/26/1946,6,S/PV.49,S/PV.49,The Spanish question,Spain,W,USSR,,,1,0,0,0,0,"
             "1,0,0,0,0,0,0,0\n"
             "1946,6/26/1946,6,S/PV.49,S/PV.49,The Spanish question preliminary,Spain,W,USSR,"
             ",,1,0,0,0,0,1,0,0,0,0,0,0,0\n"
             "1976,10/19/1976,10,S/12211,S/PV.1963,Namibia,Namibia,A,USA,France,UK,0,1,0,0,0,"
             "0,1,1,0,1,0,0,0\n"
             "2012,7/19/2012,7,S/2012/538,\"S/PV.6810\nS/PV.6811\",Syria,Syria,ME,China,Russia,"
             ",1,0,1,0,1,0,0,0,1,0,0,0,0\n"
             "2022,5/26/2022,5,S/2022/431,S/PV.9048,DPRK,NK,EA,China,Russia,,0,1,1,0,1,0,0,0,"
             "1,0,0,0,0\n");
    shi_veto_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_unsc_vetoes(path, &t, &err), SHI_OK);
    /* The duplicate is dropped; the same meeting's other item is another draft. */
    assert_int_equal(t.n, 5);
    assert_int_equal(t.ndup, 1);
    assert_string_equal(t.agenda[1], "The Spanish question preliminary");
    /* Members from the names (the 0/1 columns say nobody for France here). */
    assert_int_equal(t.member[2][0], 2);
    assert_int_equal(t.member[2][1], 220);
    assert_int_equal(t.member[2][2], 200);
    /* USSR and Russia are 365; the People's Republic is 710. */
    assert_int_equal(t.member[0][0], 365);
    assert_int_equal(t.member[3][0], 710);
    assert_int_equal(t.member[3][1], 365);
    assert_int_equal(t.member[3][2], 0);
    assert_int_equal(t.date[3], 20120719);
    /* The row after the quoted two-line field is on line 8. */
    assert_int_equal(t.line[4], 8);
    shi_veto_table_destroy(&t);
}

static void bad_rows(void **state)
{
    (void)state;
    char path[512];
    shi_veto_table t = {0};
    shi_err err = {0};
    static const struct {
        const char *row, *msg;
        int col;
    } cases[] = {
        {"1999,2/30/1999,2,S/1,S/PV.1,X,X,X,China,,,1,0,1,0,0,0,0,0,0,0,0,0,0\n",
         "expected a calendar date M/D/YYYY", 6},
        {"1998,2/25/1999,2,S/1,S/PV.1,X,X,X,China,,,1,0,1,0,0,0,0,0,0,0,0,0,0\n",
         "expected a date in the row's year", 6},
        {"1999,2/25/1999,2,S/1,S/PV.1,X,X,X,Germany,,,1,0,1,0,0,0,0,0,0,0,0,0,0\n",
         "expected a permanent member (USSR, Russia, China, USA, UK, France) in column "
         "'member_veto1', got 'Germany'",
         35},
        {"1999,2/25/1999,2,S/1,S/PV.1,X,X,X,USSR,Russia,,1,0,1,0,0,0,0,0,0,0,0,0,0\n",
         "expected a member not already named in the row", 40},
        {"1999,2/25/1999,2,S/1,S/PV.1,X,X,X,,,,1,0,1,0,0,0,0,0,0,0,0,0,0\n", "member_veto1", 35},
    };
    /* Columns counted with awk '{print length($0) + 1}' over the row up to the field. */
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[512];
        snprintf(text, sizeof text, HEAD "%s", cases[k].row);
        tmp_file(path, sizeof path, "bad.csv", text);
        assert_int_equal(shi_io_read_unsc_vetoes(path, &t, &err), SHI_EDATA);
        assert_int_equal(err.line, 2);
        assert_int_equal(err.col, cases[k].col);
        if (!strstr(err.msg, cases[k].msg)) {
            print_error("case %zu: %s\n", k, err.msg);
        }
        assert_non_null(strstr(err.msg, cases[k].msg));
        assert_non_null(strstr(err.path, "bad.csv"));
        shi_veto_table_destroy(&t);
    }
}

static void check_view(const shi_data *d)
{
    const shi_relations *r = &d->rel;
    assert_int_equal(r->nveto, 213);
    assert_int_equal(r->veto_y0, 1946);
    assert_int_equal(r->veto_y1, 2022);
    int joint = 0, na, nb;
    for (int y = 1946; y <= 2022; y++) {
        int j = shi_rel_vetoes(r, 365, 710, y, &na, &nb);
        assert_true(y < 1971 ? j == -1 : j >= 0);
        joint += j > 0 ? j : 0;
    }
    assert_int_equal(joint, 14);
    assert_int_equal(shi_rel_vetoes(r, 710, 365, 2012, &na, &nb), 2);
    assert_true(na == 2 && nb == 2);
    /* Not a permanent member, or outside the data: -1. */
    assert_int_equal(shi_rel_vetoes(r, 365, 255, 2012, &na, &nb), -1);
    assert_int_equal(shi_rel_vetoes(r, 365, 2, 2023, &na, &nb), -1);
    /* A year without a veto between two members: 0. */
    assert_int_equal(shi_rel_vetoes(r, 2, 200, 2010, &na, &nb), 0);
    assert_true(na == 0 && nb == 0);
}

static void view_embedded(void **state)
{
    (void)state;
    shi_data d;
    assert_int_equal(open_data(&d, SHI_DATA_RELATIONS), 0);
    check_view(&d);
    shi_data_destroy(&d);
}

static void official(void **state)
{
    (void)state;
    char path[512];
    if (!shared_file(path, sizeof path, "unsc_vetoes/unsc_vetoes_1946_sept2022.csv")) {
        SHI_SKIP_NO_DATA();
    }
    shi_veto_table t = {0};
    shi_err err = {0};
    assert_int_equal(shi_io_read_unsc_vetoes(path, &t, &err), SHI_OK);
    assert_int_equal(t.n, 213);
    assert_int_equal(t.ndup, 1);
    shi_veto_table_destroy(&t);
    shi_data d;
    const shi_data_spec spec = {.dir = SHI_SHARED_DATA, .parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_load(&d, SHI_SHARED_DATA, &err), SHI_OK);
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    check_view(&d);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quirks),
        cmocka_unit_test(bad_rows),
        cmocka_unit_test(view_embedded),
        cmocka_unit_test(official),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
