/*
 * test_events.c - the events file.
 */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include <string.h>
#include <unistd.h>

#include <shi/events.h>

static void embedded(void **state)
{
    (void)state;
    shi_events e;
    shi_err err = {0};
    assert_int_equal(shi_events_load(&e, NULL, &err), SHI_OK);
    assert_true(e.n >= 15);
    int found = 0;
    for (size_t i = 0; i < e.n; i++) {
        assert_true(e.v[i].source[0] != '\0');                 /* every event has a source */
        assert_true(i == 0 || e.v[i].date >= e.v[i - 1].date); /* in date order */
        if (e.v[i].date == 19970423) {
            found = 1;
            assert_true(shi_event_concerns(&e.v[i], 365, 710));
            assert_true(shi_event_concerns(&e.v[i], 710, 365));
            assert_false(shi_event_concerns(&e.v[i], 2, 710)); /* bilateral RUS-CHN only */
        }
        if (e.v[i].date == 19990312) { /* NATO enlargement: system-wide, external */
            assert_int_equal(e.v[i].kind, SHI_EV_EXTERNAL);
            assert_true(shi_event_concerns(&e.v[i], 365, 710));
        }
    }
    assert_true(found);
    shi_events_destroy(&e);
}

static void bad_file(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/events.tsv", SHI_TEST_TMP);
    write_file(path, "#\n#\n#\ndate\tstates\tkind\tlabel\tdescription\tsource\n"
                     "2001-02-29\t365,710\tbilateral\tx\ty\tz\n");
    shi_events e;
    shi_err err = {0};
    assert_int_equal(shi_events_load(&e, path, &err), SHI_EDATA);
    assert_int_equal(err.line, 5);
    assert_int_equal(err.col, 1);
    assert_string_equal(err.msg, "expected a date YYYY-MM-DD in column 'date', got '2001-02-29'");
    write_file(path, "#\n#\n#\ndate\tstates\tkind\tlabel\tdescription\tsource\n"
                     "2001-02-28\t365,710\tsummit\tx\ty\tz\n");
    assert_int_equal(shi_events_load(&e, path, &err), SHI_EDATA);
    assert_string_equal(err.msg,
                        "expected bilateral, external or crisis in column 'kind', got 'summit'");
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(embedded), cmocka_unit_test(bad_file)};
    return shi_run_group_tests(tests, NULL, NULL);
}
