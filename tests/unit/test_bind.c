/*
 * test_bind.c - the flat API of the bindings (shi/bind.h) and the frame
 * accessors (shi/frame.h): a session's dyads against the same frame built
 * through the lower API (shi_dyads_generate, shi_dyadvars_add) on data opened
 * separately; failing calls return NULL with shi's message and leave the
 * session usable (under make asan, a leak on any of these paths fails the
 * suite); accessors refuse wrong indexes and types.
 */
#include "test_util.h"

#include <math.h>

#include <shi/bind.h>
#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/frame.h>

static shi_session *sess;

static int setup(void **state)
{
    (void)state;
    sess = shi_session_new(NULL, NULL);
    return sess ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    shi_session_free(sess);
    return 0;
}

/* The reference: the frame as the lower API builds it. */
static void lower_api_dyads(shi_frame *f, shi_data *d, unsigned mask)
{
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_DYADIC};
    assert_int_equal(shi_data_open(d, &spec, &err), SHI_OK);
    shi_dyad_opts o = {.y0 = 2000, .y1 = 2001, .directed = 1, .threads = 1};
    assert_int_equal(shi_dyads_generate(&d->states, &o, f, &err), SHI_OK);
    const shi_dyadvars_opts vo = {.threads = 1};
    assert_int_equal(shi_dyadvars_add(f, mask, d, &vo, &err), SHI_OK);
}

static void dyads_as_lower_api(void **state)
{
    (void)state;
    unsigned mask;
    shi_err err = {0};
    assert_int_equal(shi_dyadvars_parse("cinc,contiguity,alliance,major", &mask, &err), SHI_OK);
    shi_frame ref;
    shi_data d = {0};
    lower_api_dyads(&ref, &d, mask);
    shi_frame *f =
        shi_session_dyads(sess, 2000, 2001, 1, "cinc,contiguity,alliance,major", NULL, 1);
    assert_non_null(f);
    assert_int_equal(shi_frame_nrow(f), ref.nrow);
    assert_int_equal(shi_frame_ncol(f), ref.ncol);
    for (size_t j = 0; j < ref.ncol; j++) {
        const shi_fcol *c = &ref.cols[j];
        assert_string_equal(shi_frame_col_name(f, j), c->name);
        assert_string_equal(shi_frame_col_label(f, j), c->label);
        assert_int_equal(shi_frame_col_type(f, j), c->type);
        assert_int_equal(shi_frame_col_is_flag(f, j), c->type == SHI_FCOL_I32 && c->flag);
        if (c->type == SHI_FCOL_I32) {
            assert_null(shi_frame_col_f64(f, j));
            assert_memory_equal(shi_frame_col_i32(f, j), c->i32, ref.nrow * sizeof(int32_t));
        } else if (c->type == SHI_FCOL_F64) {
            assert_null(shi_frame_col_i32(f, j));
            assert_memory_equal(shi_frame_col_f64(f, j), c->f64, ref.nrow * sizeof(double));
        }
    }
    shi_frame_free(f);
    shi_frame_destroy(&ref);
    shi_data_destroy(&d);
}

/* Each failing call: NULL, the message, and the session still works. */
static void failing_calls(void **state)
{
    (void)state;
    assert_null(shi_session_dyads(sess, 2000, 2000, 0, "bogus", NULL, 1));
    assert_non_null(strstr(shi_session_error(sess), "unknown variable family 'bogus'"));
    assert_int_equal(shi_session_status(sess), SHI_EUSAGE);
    assert_null(shi_session_dyads(sess, 2000, 2000, 0, NULL, "XYZQ", 1));
    assert_non_null(strstr(shi_session_error(sess), "unknown state 'XYZQ'"));
    assert_null(shi_session_dyads(sess, 1700, 1720, 0, NULL, NULL, 1));
    assert_null(shi_session_dyads(sess, 2001, 2000, 0, NULL, NULL, 1));
    assert_null(shi_session_stateyears(sess, 0, 0, "bogus", NULL, NULL));
    assert_non_null(strstr(shi_session_error(sess), "bogus"));
    assert_null(shi_session_stateyears(sess, 0, 0, NULL, NULL, "bogus"));
    assert_null(shi_session_stateyears(sess, 2000, 2000, NULL, "XYZQ", NULL));
    assert_non_null(strstr(shi_session_error(sess), "unknown state 'XYZQ'"));
    assert_null(shi_session_stateyears(sess, 1700, 1720, NULL, NULL, NULL));
    assert_null(shi_session_power(sess, 0, 0, NULL, "bogus", 0, 10));
    assert_non_null(strstr(shi_session_error(sess), "unknown --measure 'bogus'"));
    assert_null(shi_session_power(sess, 0, 0, NULL, NULL, 0, 2));
    assert_null(shi_session_power(sess, 0, 0, "XYZQ", NULL, 0, 10));
    assert_null(shi_session_threat(sess, "RUS", "RUS", 0, 0));
    assert_non_null(strstr(shi_session_error(sess), "the two states are the same"));
    assert_null(shi_session_threat(sess, NULL, "RUS", 0, 0));
    assert_null(shi_session_drivers(sess, "RUS", "CHN", NULL, 0, 0, "bogus", NULL, 10, 1, 1));
    assert_null(shi_session_drivers(sess, "RUS", "CHN", "RUS", 0, 0, NULL, NULL, 10, 1, 1));
    assert_null(shi_session_drivers(sess, "RUS", "CHN", NULL, 0, 0, NULL, NULL, 0, 1, 1));
    assert_null(shi_session_scenarios(sess, "RUS", "CHN", 0, 20, 0, 1, 0, NULL, 1));
    assert_non_null(strstr(shi_session_error(sess), "--paths must be at least 1"));
    assert_null(shi_session_scenarios(sess, "RUS", "CHN", 0, 51, 10, 1, 0, NULL, 1));
    assert_null(shi_session_scenarios(sess, "RUS", "RUS", 0, 20, 10, 1, 0, NULL, 1));
    assert_non_null(strstr(shi_session_error(sess), "name two different states"));
    assert_null(shi_session_scenarios(sess, "RUS", "XYZQ", 0, 20, 10, 1, 0, NULL, 1));
    assert_null(shi_session_scenarios(sess, "RUS", "CHN", 0, 20, 10, 1, 2, "/nonexistent.yaml", 1));
    assert_null(shi_session_scenarios(sess, "RUS", "CHN", 1850, 20, 10, 1, 2, NULL, 1));
    assert_null(shi_session_report(sess, "RUS", "XYZQ", 0, 0, NULL, NULL));
    assert_non_null(strstr(shi_session_error(sess), "unknown state 'XYZQ'"));
    assert_null(shi_session_report(sess, "RUS", "CHN", 2020, 2010, NULL, NULL));
    assert_null(shi_session_report(sess, "RUS", "CHN", 2016, 2022, NULL, "/nonexistent/x.html"));
    /* Still usable, and the error cleared by a call that succeeds. */
    shi_frame *f = shi_session_power(sess, 2000, 2000, "USA", NULL, 0, 10);
    assert_non_null(f);
    assert_string_equal(shi_session_error(sess), "");
    assert_int_equal(shi_frame_nrow(f), 1);
    long rank = shi_frame_find(f, "rank");
    assert_true(rank >= 0);
    assert_int_equal(shi_frame_col_type(f, (size_t)rank), SHI_FCOL_I32);
    long abb = shi_frame_find(f, "state");
    assert_string_equal(shi_frame_col_str(f, (size_t)abb, 0), "USA");
    assert_null(shi_frame_col_str(f, (size_t)abb, 1)); /* past the last row */
    shi_frame_free(f);
}

/* Accessors on a wrong index, a wrong type or no frame: NULL, never a read. */
static void accessors_refuse(void **state)
{
    (void)state;
    shi_frame *f = shi_session_dyads(sess, 2000, 2000, 0, NULL, "USA", 1);
    assert_non_null(f);
    assert_int_equal(shi_frame_ncol(f), 3);
    assert_null(shi_frame_col_name(f, 3));
    assert_null(shi_frame_col_i32(f, 3));
    assert_null(shi_frame_col_f64(f, 0));
    assert_null(shi_frame_col_str(f, 0, 0));
    assert_int_equal(shi_frame_col_is_flag(f, 0), 0);
    shi_frame_free(f);
    assert_int_equal(shi_frame_nrow(NULL), 0);
    assert_int_equal(shi_frame_ncol(NULL), 0);
    assert_null(shi_frame_col_name(NULL, 0));
    shi_frame_free(NULL);
    assert_null(shi_session_dyads(NULL, 2000, 2000, 0, NULL, NULL, 1));
    assert_string_equal(shi_session_error(NULL), "no session");
    shi_session_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dyads_as_lower_api),
        cmocka_unit_test(failing_calls),
        cmocka_unit_test(accessors_refuse),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
