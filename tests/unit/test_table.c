/*
 * test_table.c - result tables (src/output/table.c): CSV quoting (RFC 4180),
 * TSV, JSON escaping and null, number formatting, aligned text, and misuse.
 *
 * Reference values: every expected output below is written out by hand from
 * the rules in include/shi/table.h (missing is empty in CSV/TSV, "-" in text,
 * null in JSON; text columns left-aligned, numbers right-aligned, two spaces
 * between columns) and RFC 4180 section 2 (fields with commas, quotes or line
 * breaks are quoted, quotes doubled).
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include <shi/table.h>

/* Write `t` in `fmt` to a temporary file and return what was written (malloc'd). */
static char *render(const shi_table *t, shi_frame_format fmt)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    shi_err err = {0};
    assert_int_equal(shi_table_write(t, f, fmt, &err), SHI_OK);
    long n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

static void expect_render(const shi_table *t, shi_frame_format fmt, const char *want)
{
    char *got = render(t, fmt);
    assert_string_equal(got, want);
    free(got);
}

/* A table of name (text), n (integer), x (real, 2 decimals). */
static shi_table *tiny(void)
{
    shi_table *t = shi_table_new();
    assert_non_null(t);
    shi_err err = {0};
    assert_int_equal(shi_table_column(t, "name", 's', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "n", 'i', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "x", 'f', 2, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "USA", &err), SHI_OK);
    assert_int_equal(shi_table_int(t, 2, &err), SHI_OK);
    assert_int_equal(shi_table_real(t, 0.14289317, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "China", &err), SHI_OK);
    assert_int_equal(shi_table_int(t, 710, &err), SHI_OK);
    assert_int_equal(shi_table_real(t, (double)NAN, &err), SHI_OK);
    assert_int_equal(shi_table_nrows(t), 2);
    return t;
}

static void test_text_aligned(void **state)
{
    (void)state;
    shi_table *t = tiny();
    /* Widths 5, 3, 4: "name" padded to 5, n and x right-aligned, missing as "-". */
    expect_render(t, SHI_FF_TABLE,
                  "name     n     x\n"
                  "USA      2  0.14\n"
                  "China  710     -\n");
    shi_table_free(t);
    /* A text column last is not padded (no trailing spaces); width counts UTF-8
     * code points, not bytes: "Côte" is 4 wide. */
    t = shi_table_new();
    shi_err err = {0};
    assert_int_equal(shi_table_column(t, "k", 'i', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "who", 's', 0, &err), SHI_OK);
    assert_int_equal(shi_table_int(t, 10, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "C\xC3\xB4te", &err), SHI_OK);
    assert_int_equal(shi_table_int(t, -3, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "a", &err), SHI_OK);
    expect_render(t, SHI_FF_TABLE,
                  " k  who\n"
                  "10  C\xC3\xB4te\n"
                  "-3  a\n");
    shi_table_free(t);
}

static void test_csv_quoting(void **state)
{
    (void)state;
    shi_table *t = tiny();
    /* Machine formats: the real at full precision, not its 2 decimals. */
    expect_render(t, SHI_FF_CSV, "name,n,x\nUSA,2,0.14289317\nChina,710,\n");
    shi_table_free(t);

    t = shi_table_new();
    shi_err err = {0};
    assert_int_equal(shi_table_column(t, "a,b", 's', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "v", 's', 0, &err), SHI_OK);
    const char *vals[] = {"plain", "x,y", "say \"hi\"", "two\nlines", "cr\rx",
                          "",      NULL,  "\"",         "tab\there"};
    const char *want_cells[] = {
        "plain", "\"x,y\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "\"cr\rx\"",
        "",      "",        "\"\"\"\"",           "tab\there"};
    /* One row per value in column v, column a,b holding its index. */
    char want[1024];
    size_t n = (size_t)snprintf(want, sizeof want, "\"a,b\",v\n");
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        char idx[8];
        snprintf(idx, sizeof idx, "%zu", i);
        assert_int_equal(shi_table_str(t, idx, &err), SHI_OK);
        assert_int_equal(shi_table_str(t, vals[i], &err), SHI_OK);
        n += (size_t)snprintf(want + n, sizeof want - n, "%zu,%s\n", i, want_cells[i]);
    }
    expect_render(t, SHI_FF_CSV, want);
    /* TSV: no quoting; tabs and line breaks inside a value become spaces; quotes
     * and commas stay as they are. */
    expect_render(t, SHI_FF_TSV,
                  "a,b\tv\n"
                  "0\tplain\n"
                  "1\tx,y\n"
                  "2\tsay \"hi\"\n"
                  "3\ttwo lines\n"
                  "4\tcr x\n"
                  "5\t\n"
                  "6\t\n"
                  "7\t\"\n"
                  "8\ttab here\n");
    shi_table_free(t);
}

static void test_json(void **state)
{
    (void)state;
    shi_table *t = tiny();
    expect_render(t, SHI_FF_JSON,
                  "[\n"
                  " {\"name\": \"USA\", \"n\": 2, \"x\": 0.14289317},\n"
                  " {\"name\": \"China\", \"n\": 710, \"x\": null}\n"
                  "]\n");
    /* JSON lines: one object a line, no array. */
    expect_render(t, SHI_FF_JSONL,
                  "{\"name\": \"USA\", \"n\": 2, \"x\": 0.14289317}\n"
                  "{\"name\": \"China\", \"n\": 710, \"x\": null}\n");
    shi_table_free(t);
    /* Escapes (RFC 8259 section 7): quote, backslash and control characters;
     * UTF-8 passes through; a missing text value is null, not "". */
    t = shi_table_new();
    shi_err err = {0};
    assert_int_equal(shi_table_column(t, "q\"k", 's', 0, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "a\"b\\c\nd\te\x01\xC3\xA9", &err), SHI_OK);
    assert_int_equal(shi_table_str(t, NULL, &err), SHI_OK);
    assert_int_equal(shi_table_missing(t, &err), SHI_OK);
    expect_render(t, SHI_FF_JSON,
                  "[\n"
                  " {\"q\\\"k\": \"a\\\"b\\\\c\\u000ad\\u0009e\\u0001\xC3\xA9\"},\n"
                  " {\"q\\\"k\": null},\n"
                  " {\"q\\\"k\": null}\n"
                  "]\n");
    shi_table_free(t);
    /* No rows: an empty array; columns but no rows in CSV: the header only. */
    t = shi_table_new();
    assert_int_equal(shi_table_column(t, "a", 'i', 0, &err), SHI_OK);
    expect_render(t, SHI_FF_JSON, "[]\n");
    expect_render(t, SHI_FF_JSONL, "");
    expect_render(t, SHI_FF_CSV, "a\n");
    expect_render(t, SHI_FF_TABLE, "a\n");
    shi_table_free(t);
}

static void test_number_format(void **state)
{
    (void)state;
    shi_table *t = shi_table_new();
    shi_err err = {0};
    assert_int_equal(shi_table_column(t, "v", 'f', 4, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "w", 'f', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "i", 'i', 0, &err), SHI_OK);
    /* Row 1: 2.385 to 4 decimals; 1234.5678 to 0 decimals is 1235. */
    assert_int_equal(shi_table_real(t, 2.385, &err), SHI_OK);
    assert_int_equal(shi_table_real(t, 1234.5678, &err), SHI_OK);
    assert_int_equal(shi_table_int(t, INT64_MIN, &err), SHI_OK);
    /* Row 2: negative values that round to zero print without the sign. */
    assert_int_equal(shi_table_real(t, -0.00001, &err), SHI_OK);
    assert_int_equal(shi_table_real(t, -0.3, &err), SHI_OK);
    assert_int_equal(shi_table_int(t, 0, &err), SHI_OK);
    /* Row 3: negative zero itself. */
    assert_int_equal(shi_table_real(t, -0.0, &err), SHI_OK);
    assert_int_equal(shi_table_real(t, -0.0, &err), SHI_OK);
    assert_int_equal(shi_table_int(t, -1, &err), SHI_OK);
    /* Row 4: real negatives keep it. */
    assert_int_equal(shi_table_real(t, -0.25, &err), SHI_OK);
    assert_int_equal(shi_table_real(t, -7.6, &err), SHI_OK);
    assert_int_equal(shi_table_int(t, INT64_MAX, &err), SHI_OK);
    expect_render(t, SHI_FF_TABLE,
                  "      v     w                     i\n"
                  " 2.3850  1235  -9223372036854775808\n"
                  " 0.0000     0                     0\n"
                  " 0.0000     0                    -1\n"
                  "-0.2500    -8   9223372036854775807\n");
    /* Machine formats carry the value itself (issue 13): no rounding, no "-0". */
    expect_render(t, SHI_FF_CSV,
                  "v,w,i\n"
                  "2.385,1234.5678,-9223372036854775808\n"
                  "-0.00001,-0.3,0\n"
                  "0,0,-1\n"
                  "-0.25,-7.6,9223372036854775807\n");
    shi_table_free(t);
}

static void test_errors(void **state)
{
    (void)state;
    shi_err err = {0};
    /* An incomplete last row is a bug in the caller, and nothing is written. */
    shi_table *t = shi_table_new();
    assert_int_equal(shi_table_column(t, "a", 'i', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "b", 'i', 0, &err), SHI_OK);
    assert_int_equal(shi_table_int(t, 1, &err), SHI_OK);
    assert_int_equal(shi_table_nrows(t), 0);
    FILE *f = tmpfile();
    assert_non_null(f);
    for (int fmt = SHI_FF_TABLE; fmt <= SHI_FF_JSON; fmt++) {
        shi_err_clear(&err);
        assert_int_equal(shi_table_write(t, f, (shi_frame_format)fmt, &err), SHI_EINTERNAL);
        assert_string_equal(err.msg, "table: last row is incomplete");
    }
    assert_int_equal(ftell(f), 0);
    fclose(f);
    /* A column after the first cell. */
    assert_int_equal(shi_table_column(t, "c", 'i', 0, &err), SHI_EINTERNAL);
    assert_string_equal(err.msg, "table: column 'c' added after the first row");
    shi_table_free(t);
    /* A cell before any column. */
    t = shi_table_new();
    assert_int_equal(shi_table_str(t, "x", &err), SHI_EINTERNAL);
    assert_string_equal(err.msg, "table: cell added before any column");
    assert_int_equal(shi_table_real(t, (double)NAN, &err), SHI_EINTERNAL);
    assert_int_equal(shi_table_nrows(t), 0);
    shi_table_free(t);
    shi_table_free(NULL);
    /* Format names. */
    shi_frame_format fmt = SHI_FF_TABLE;
    assert_int_equal(shi_frame_format_parse("json", &fmt, &err), SHI_OK);
    assert_int_equal(fmt, SHI_FF_JSON);
    assert_int_equal(shi_frame_format_parse("tsv", &fmt, &err), SHI_OK);
    assert_int_equal(fmt, SHI_FF_TSV);
    assert_int_equal(shi_frame_format_parse("xml", &fmt, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "unknown format 'xml'; valid formats are table, csv, tsv, json, "
                                 "jsonl, sqlite, dta");
    /* Any case (issue 13). */
    assert_int_equal(shi_frame_format_parse("CSV", &fmt, &err), SHI_OK);
    assert_int_equal(fmt, SHI_FF_CSV);
    assert_int_equal(shi_frame_format_parse("Jsonl", &fmt, &err), SHI_OK);
    assert_int_equal(fmt, SHI_FF_JSONL);
    /* The databases need a file. */
    t = tiny();
    f = tmpfile();
    assert_int_equal(shi_table_write(t, f, SHI_FF_SQLITE, &err), SHI_EUSAGE);
    fclose(f);
    shi_table_free(t);
}

/* Flags: yes/no on a terminal, 0/1 in every machine format (issue 13). */
static void test_flags(void **state)
{
    (void)state;
    shi_table *t = shi_table_new();
    shi_err err = {0};
    assert_int_equal(shi_table_column(t, "state", 's', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "major", 'b', 0, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "USA", &err), SHI_OK);
    assert_int_equal(shi_table_flag(t, 1, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "TUV", &err), SHI_OK);
    assert_int_equal(shi_table_flag(t, 0, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "XXX", &err), SHI_OK);
    assert_int_equal(shi_table_missing(t, &err), SHI_OK);
    expect_render(t, SHI_FF_TABLE, "state  major\nUSA    yes\nTUV    no\nXXX    -\n");
    expect_render(t, SHI_FF_CSV, "state,major\nUSA,1\nTUV,0\nXXX,\n");
    expect_render(t, SHI_FF_JSONL,
                  "{\"state\": \"USA\", \"major\": 1}\n"
                  "{\"state\": \"TUV\", \"major\": 0}\n"
                  "{\"state\": \"XXX\", \"major\": null}\n");
    shi_table_free(t);
    /* A control character of the data never reaches a terminal (issue 20);
     * machine formats keep the bytes (JSON escapes them). */
    t = shi_table_new();
    assert_int_equal(shi_table_column(t, "name", 's', 0, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "a\x1b[2Jb\bc", &err), SHI_OK);
    expect_render(t, SHI_FF_TABLE, "name\na?[2Jb?c\n");
    expect_render(t, SHI_FF_JSONL, "{\"name\": \"a\\u001b[2Jb\\u0008c\"}\n");
    shi_table_free(t);
}

/* A table as a frame, for the SQLite and Stata writers: types, names made
 * valid and unique (the original kept as the label), values exact. */
static void test_to_frame(void **state)
{
    (void)state;
    shi_table *t = shi_table_new();
    shi_err err = {0};
    assert_int_equal(shi_table_column(t, "Tit For Tat", 'f', 2, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "tit_for_tat", 's', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "2x", 'i', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "big", 'i', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "ok", 'b', 0, &err), SHI_OK);
    assert_int_equal(shi_table_real(t, 1.0 / 3.0, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "a", &err), SHI_OK);
    assert_int_equal(shi_table_int(t, 7, &err), SHI_OK);
    assert_int_equal(shi_table_int(t, INT64_C(5000000000), &err), SHI_OK);
    assert_int_equal(shi_table_flag(t, 1, &err), SHI_OK);
    shi_frame f;
    assert_int_equal(shi_table_to_frame(t, "result", &f, &err), SHI_OK);
    assert_int_equal(f.ncol, 5);
    assert_int_equal(f.nrow, 1);
    assert_string_equal(f.cols[0].name, "tit_for_tat");
    assert_string_equal(f.cols[0].label, "Tit For Tat");
    assert_true(f.cols[0].f64[0] == 1.0 / 3.0);
    assert_string_equal(f.cols[1].name, "tit_for_tat_2");
    assert_string_equal(f.cols[1].str[0], "a");
    assert_string_equal(f.cols[2].name, "_2x");
    assert_int_equal(f.cols[2].i32[0], 7);
    assert_int_equal(f.cols[3].type, SHI_FCOL_F64);
    assert_true(f.cols[3].f64[0] == 5e9);
    assert_int_equal(f.cols[4].type, SHI_FCOL_I32);
    assert_int_equal(f.cols[4].flag, 1);
    assert_int_equal(f.cols[4].i32[0], 1);
    shi_frame_destroy(&f);
    shi_table_free(t);
}

/* A write error (the disk is full) is reported. /dev/full fails every write
 * with ENOSPC (Linux, FreeBSD); unbuffered, so the error shows at once. */
static void test_write_error(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f) {
        SHI_SKIP("no /dev/full");
    }
    setvbuf(f, NULL, _IONBF, 0);
    shi_table *t = tiny();
    shi_err err = {0};
    assert_int_equal(shi_table_write(t, f, SHI_FF_CSV, &err), SHI_EIO);
    assert_string_equal(err.msg, "write error");
    shi_table_free(t);
    fclose(f);
}

/* Every table writes SQLite (issue 13): through the frame writer, values exact. */
static void test_sqlite_file(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/table.sqlite", SHI_TEST_TMP);
    remove(path);
    shi_table *t = tiny();
    shi_err err = {0};
    assert_int_equal(shi_table_write_file(t, SHI_FF_SQLITE, path, &err), SHI_OK);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(
        sqlite3_prepare_v2(db, "SELECT name, n, x FROM result ORDER BY n", -1, &st, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "USA");
    assert_int_equal(sqlite3_column_int(st, 1), 2);
    assert_true(sqlite3_column_double(st, 2) == 0.14289317);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_type(st, 2), SQLITE_NULL);
    sqlite3_finalize(st);
    sqlite3_close(db);
    remove(path);
    shi_table_free(t);
}

/* Fitted to a terminal (issue 13): text abbreviated with "…", then the
 * columns that do not fit in a second block repeating the key columns; long
 * prose lines wrapped at spaces with a hanging indent. */
static void test_fit_width(void **state)
{
    (void)state;
    shi_table *t = shi_table_new();
    shi_err err = {0};
    assert_int_equal(shi_table_column(t, "year", 'i', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "name", 's', 0, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "a", 'f', 2, &err), SHI_OK);
    assert_int_equal(shi_table_column(t, "b", 'f', 2, &err), SHI_OK);
    assert_int_equal(shi_table_int(t, 2022, &err), SHI_OK);
    assert_int_equal(shi_table_str(t, "United States of America", &err), SHI_OK);
    assert_int_equal(shi_table_real(t, 1234.5, &err), SHI_OK);
    assert_int_equal(shi_table_real(t, 0.25, &err), SHI_OK);
    FILE *f = tmpfile();
    assert_int_equal(shi_table_write_width(t, f, 30, &err), SHI_OK);
    char got[512];
    size_t n = (size_t)ftell(f);
    rewind(f);
    got[fread(got, 1, n, f)] = '\0';
    fclose(f);
    /* "year" and "name" together would take more than half the width: only
     * "year" is repeated. */
    assert_string_equal(got, "year  name              a\n"
                             "2022  United St\xE2\x80\xA6  1234.50\n"
                             "\n"
                             "year     b\n"
                             "2022  0.25\n");
    shi_table_free(t);
    f = tmpfile();
    shi_text_wrap(f, "short\n  a line that is longer than twenty columns\n", 20);
    n = (size_t)ftell(f);
    rewind(f);
    got[fread(got, 1, n, f)] = '\0';
    fclose(f);
    assert_string_equal(got, "short\n  a line that is\n    longer than\n    twenty columns\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_aligned), cmocka_unit_test(test_csv_quoting),
        cmocka_unit_test(test_json),         cmocka_unit_test(test_number_format),
        cmocka_unit_test(test_errors),       cmocka_unit_test(test_write_error),
        cmocka_unit_test(test_flags),        cmocka_unit_test(test_to_frame),
        cmocka_unit_test(test_sqlite_file),  cmocka_unit_test(test_fit_width),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
