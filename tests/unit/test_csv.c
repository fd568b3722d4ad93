/*
 * test_csv.c - the streaming CSV/TSV reader (src/io/csv.c): RFC 4180 quoting,
 * line endings, encodings, missing codes, typed access, and every error with
 * its exact message and position.
 *
 * Reference values: the expected records and positions are worked out by hand
 * from the input text in each test (line and column are 1-based, columns count
 * bytes, as documented in include/shi/csv.h); the messages are those the
 * reader documents, pinned exactly so that a change in wording is a decision.
 */
#define _POSIX_C_SOURCE 200809L

#include "test_util.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <shi/csv.h>

/* ---- helpers ------------------------------------------------------------------ */

/* Open `len` bytes (or strlen(text) when len is (size_t)-1) and expect success. */
static shi_csv *open_mem_len(const char *text, size_t len, const shi_csv_opts *o)
{
    shi_csv *c = NULL;
    shi_err err = {0};
    shi_status s = shi_csv_open_mem(&c, "t.csv", text, len, o, &err);
    if (s != SHI_OK) {
        char buf[1024];
        print_error("open failed: %s\n", shi_err_format(&err, buf, sizeof buf));
    }
    assert_int_equal(s, SHI_OK);
    assert_non_null(c);
    return c;
}

static shi_csv *open_mem(const char *text, const shi_csv_opts *o)
{
    return open_mem_len(text, strlen(text), o);
}

/* Read every record and render it as "[f1][f2]...\n"; on error, append
 * "ERROR <code> <formatted message>" and stop. Returns a malloc'd string. */
static char *dump(shi_csv *c)
{
    size_t cap = 256, len = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    out[0] = '\0';
    for (;;) {
        int got = 0;
        shi_err err = {0};
        shi_status s = shi_csv_next(c, &got, &err);
        char piece[2048] = "";
        size_t pl = 0;
        if (s != SHI_OK) {
            char buf[1024];
            pl = (size_t)snprintf(piece, sizeof piece, "ERROR %d %s", (int)s,
                                  shi_err_format(&err, buf, sizeof buf));
        } else if (got) {
            for (size_t i = 0; i < shi_csv_nfields(c); i++) {
                pl += (size_t)snprintf(piece + pl, sizeof piece - pl, "[%s]", shi_csv_field(c, i));
            }
            pl += (size_t)snprintf(piece + pl, sizeof piece - pl, "\n");
        }
        while (len + pl + 1 > cap) {
            cap *= 2;
            out = realloc(out, cap);
            assert_non_null(out);
        }
        memcpy(out + len, piece, pl + 1);
        len += pl;
        if (s != SHI_OK || !got) {
            break;
        }
    }
    return out;
}

static void expect_dump(const char *text, const shi_csv_opts *o, const char *want)
{
    shi_csv *c = open_mem(text, o);
    char *got = dump(c);
    assert_string_equal(got, want);
    free(got);
    shi_csv_free(c);
}

/* Read the next record, expecting one. */
static void next_ok(shi_csv *c)
{
    int got = 0;
    shi_err err = {0};
    shi_status s = shi_csv_next(c, &got, &err);
    if (s != SHI_OK) {
        char buf[1024];
        print_error("next failed: %s\n", shi_err_format(&err, buf, sizeof buf));
    }
    assert_int_equal(s, SHI_OK);
    assert_int_equal(got, 1);
}

static void next_end(shi_csv *c)
{
    int got = 1;
    shi_err err = {0};
    assert_int_equal(shi_csv_next(c, &got, &err), SHI_OK);
    assert_int_equal(got, 0);
}

static void expect_pos(const shi_csv *c, size_t i, long line, long col)
{
    long l = -1, k = -1;
    shi_csv_field_pos(c, i, &l, &k);
    assert_int_equal(l, line);
    assert_int_equal(k, col);
}

/* Check an error record: code, position, message, and the formatted line. */
static void check_err(const shi_err *err, shi_status code, long line, long col, const char *msg,
                      const char *formatted)
{
    assert_int_equal(err->code, code);
    assert_string_equal(err->msg, msg);
    assert_string_equal(err->path, "t.csv");
    assert_int_equal(err->line, line);
    assert_int_equal(err->col, col);
    char buf[1024];
    assert_string_equal(shi_err_format(err, buf, sizeof buf), formatted);
}

/* Opening must fail with this error. */
static void expect_open_fail(const char *text, size_t len, const shi_csv_opts *o, long line,
                             long col, const char *msg, const char *formatted)
{
    shi_csv *c = (shi_csv *)&c; /* non-NULL garbage: the reader must set it to NULL */
    shi_err err = {0};
    assert_int_equal(shi_csv_open_mem(&c, "t.csv", text, len, o, &err), SHI_EDATA);
    assert_null(c);
    check_err(&err, SHI_EDATA, line, col, msg, formatted);
}

/* Reading must fail on the record after `nok` good records. */
static void expect_next_fail(const char *text, size_t len, const shi_csv_opts *o, int nok,
                             long line, long col, const char *msg, const char *formatted)
{
    shi_csv *c = open_mem_len(text, len, o);
    for (int i = 0; i < nok; i++) {
        next_ok(c);
    }
    int got = 0;
    shi_err err = {0};
    assert_int_equal(shi_csv_next(c, &got, &err), SHI_EDATA);
    check_err(&err, SHI_EDATA, line, col, msg, formatted);
    shi_csv_free(c);
}

static void write_bytes(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* ---- RFC 4180 ----------------------------------------------------------------- */

static void test_plain_and_header(void **state)
{
    (void)state;
    shi_csv *c = open_mem("a,b,c\n1,2,3\n4,,6\n", NULL);
    assert_int_equal(shi_csv_ncols(c), 3);
    assert_string_equal(shi_csv_colname(c, 0), "a");
    assert_string_equal(shi_csv_colname(c, 2), "c");
    assert_string_equal(shi_csv_colname(c, 3), ""); /* out of range */
    assert_int_equal(shi_csv_find(c, "b"), 1);
    assert_int_equal(shi_csv_find(c, "B"), -1); /* exact match only */
    assert_int_equal(shi_csv_find(c, "d"), -1);
    next_ok(c);
    assert_int_equal(shi_csv_line(c), 2);
    assert_int_equal(shi_csv_nfields(c), 3);
    assert_string_equal(shi_csv_field(c, 0), "1");
    assert_string_equal(shi_csv_field(c, 2), "3");
    assert_string_equal(shi_csv_field(c, 3), ""); /* out of range */
    expect_pos(c, 0, 2, 1);
    expect_pos(c, 1, 2, 3);
    expect_pos(c, 2, 2, 5);
    next_ok(c);
    assert_string_equal(shi_csv_field(c, 1), "");
    expect_pos(c, 1, 3, 3);
    expect_pos(c, 2, 3, 4); /* "4,,6": the '6' is byte 4 */
    next_end(c);
    next_end(c); /* stays at the end */
    shi_csv_free(c);
}

static void test_quoting(void **state)
{
    (void)state;
    /* Delimiters, doubled quotes and newlines inside quotes; empty quoted field. */
    expect_dump("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"l1\nl2\"\n\"\",\"\"\"\",z\n", NULL,
                "[x,y][say \"hi\"][l1\nl2]\n"
                "[][\"][z]\n");
    /* A quoted field that spans lines: its position is where it starts, and the
     * next field and record are counted on the right lines. */
    shi_csv *c = open_mem("h1,h2\n\"a\nb\nc\",x\nnext,y\n", NULL);
    next_ok(c);
    assert_int_equal(shi_csv_line(c), 2);
    assert_string_equal(shi_csv_field(c, 0), "a\nb\nc");
    expect_pos(c, 0, 2, 1);
    expect_pos(c, 1, 4, 4); /* line 4 is `c",x`: 'x' is byte 4 */
    next_ok(c);
    assert_int_equal(shi_csv_line(c), 5);
    expect_pos(c, 0, 5, 1);
    expect_pos(c, 1, 5, 6);
    next_end(c);
    shi_csv_free(c);
    /* A quoted field in the middle of a line starts at its opening quote. */
    c = open_mem("h1,h2,h3\n12,\"q\"\"x\",3\n", NULL);
    next_ok(c);
    assert_string_equal(shi_csv_field(c, 1), "q\"x");
    expect_pos(c, 1, 2, 4);
    expect_pos(c, 2, 2, 11);
    shi_csv_free(c);
}

static void test_line_endings(void **state)
{
    (void)state;
    /* LF, CRLF, mixed, and no newline at the end: the same records. */
    const char *want = "[1][2]\n[3][4]\n";
    expect_dump("a,b\n1,2\n3,4\n", NULL, want);
    expect_dump("a,b\r\n1,2\r\n3,4\r\n", NULL, want);
    expect_dump("a,b\r\n1,2\n3,4", NULL, want);
    expect_dump("a,b\r\n\"1\",\"2\"\r\n\"3\",\"4\"", NULL, want);
    /* CRLF inside quotes is data (RFC 4180 keeps it). */
    expect_dump("a,b\r\n\"x\r\ny\",2\r\n", NULL, "[x\r\ny][2]\n");
    /* Blank lines are no records, with LF or CRLF. */
    expect_dump("a,b\n\n1,2\r\n\r\n\n3,4\n\n", NULL, want);
    /* The header's last name carries no '\r'. */
    shi_csv *c = open_mem("a,b\r\n1,2\r\n", NULL);
    assert_string_equal(shi_csv_colname(c, 1), "b");
    next_ok(c);
    assert_string_equal(shi_csv_field(c, 1), "2");
    expect_pos(c, 1, 2, 3);
    shi_csv_free(c);
}

static void test_bom(void **state)
{
    (void)state;
    /* The BOM is skipped: the first column is "id", not "\xEF\xBB\xBFid", and
     * columns are counted from after it. */
    shi_csv *c = open_mem("\xEF\xBB\xBF"
                          "id,v\r\n7,8\r\n",
                          NULL);
    assert_string_equal(shi_csv_colname(c, 0), "id");
    assert_int_equal(shi_csv_find(c, "id"), 0);
    next_ok(c);
    assert_string_equal(shi_csv_field(c, 0), "7");
    expect_pos(c, 1, 2, 3);
    shi_csv_free(c);
    /* A file that is only a BOM is empty. */
    expect_open_fail("\xEF\xBB\xBF", 3, NULL, 1, 0, "empty file: expected a header line",
                     "t.csv:1: empty file: expected a header line");
}

static void test_latin1(void **state)
{
    (void)state;
    /* Latin-1 0xE9 is U+00E9 'é', UTF-8 C3 A9; 0xFC is 'ü', C3 BC; 0xA0 NBSP is C2 A0. */
    shi_csv_opts o = {0};
    o.latin1 = 1;
    expect_dump("name,x\nCaf\xE9,\"M\xFCnchen\"\n\xA0,1\n", &o,
                "[Caf\xC3\xA9][M\xC3\xBCnchen]\n[\xC2\xA0][1]\n");
    /* Header names are converted too. */
    shi_csv *c = open_mem("ann\xE9"
                          "e,x\n1,2\n",
                          &o);
    assert_int_equal(shi_csv_find(c, "ann\xC3\xA9"
                                     "e"),
                     0);
    shi_csv_free(c);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    /* The same Latin-1 bytes read as UTF-8 are rejected, at the field's start,
     * with the 1-based offset of the bad byte in the field. */
    static const char t1[] = "name,x\n1,Caf\xE9\n";
    expect_next_fail(t1, sizeof t1 - 1, NULL, 0, 2, 3,
                     "invalid UTF-8 (byte 0xE9 at offset 4 of the field); binary data, or a "
                     "Latin-1 file?",
                     "t.csv:2:3: invalid UTF-8 (byte 0xE9 at offset 4 of the field); binary data, "
                     "or a Latin-1 file?");
    /* In the header. */
    expect_open_fail("a\xFF,b\n", 5, NULL, 1, 1,
                     "invalid UTF-8 (byte 0xFF at offset 2 of the field); binary data, or a "
                     "Latin-1 file?",
                     "t.csv:1:1: invalid UTF-8 (byte 0xFF at offset 2 of the field); binary data, "
                     "or a Latin-1 file?");
    /* Overlong "/" (C0 AF), a surrogate (ED A0 80), a sequence cut by the end of
     * the field (E2 82), and a stray continuation byte (80): all rejected. */
    const char *bad[] = {"h\n\xC0\xAF\n", "h\n\xED\xA0\x80\n", "h\nx\xE2\x82\n", "h\n\x80\n",
                         "h\n\xF4\x90\x80\x80\n" /* U+110000 */};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        shi_csv *c = open_mem(bad[i], NULL);
        int got = 0;
        shi_err err = {0};
        assert_int_equal(shi_csv_next(c, &got, &err), SHI_EDATA);
        assert_int_equal(err.line, 2);
        assert_int_equal(err.col, 1);
        assert_non_null(strstr(err.msg, "invalid UTF-8"));
        shi_csv_free(c);
    }
    /* Valid multi-byte UTF-8 (2, 3 and 4 bytes) passes unchanged. */
    expect_dump("h\n\xC3\xA9\xE5\x8A\xBF\xF0\x9F\x98\x80\n", NULL,
                "[\xC3\xA9\xE5\x8A\xBF\xF0\x9F\x98\x80]\n");
}

static void test_skip_lines(void **state)
{
    (void)state;
    shi_csv_opts o = {0};
    o.skip_lines = 2;
    shi_csv *c = open_mem("Title line, with a comma\n\"unbalanced preamble\nid,v\n1,2\n", &o);
    assert_int_equal(shi_csv_ncols(c), 2);
    assert_string_equal(shi_csv_colname(c, 0), "id");
    next_ok(c);
    assert_int_equal(shi_csv_line(c), 4);
    expect_pos(c, 1, 4, 3);
    shi_csv_free(c);
    /* A file shorter than its preamble. */
    o.skip_lines = 3;
    expect_open_fail("one\ntwo\n", 8, &o, 3, 0, "file ends inside its 3-line preamble",
                     "t.csv:3: file ends inside its 3-line preamble");
}

static void test_tsv_and_no_header(void **state)
{
    (void)state;
    shi_csv_opts o = {0};
    o.delim = '\t';
    /* Commas are data in TSV; tabs inside quotes are data too. */
    shi_csv *c = open_mem("a\tb\n1,5\t\"x\ty\"\n", &o);
    assert_int_equal(shi_csv_ncols(c), 2);
    next_ok(c);
    assert_string_equal(shi_csv_field(c, 0), "1,5");
    assert_string_equal(shi_csv_field(c, 1), "x\ty");
    expect_pos(c, 1, 2, 5);
    next_end(c);
    shi_csv_free(c);
    /* Without a header the first line is data and there are no column names. */
    shi_csv_opts n = {0};
    n.no_header = 1;
    c = open_mem("1,2\n3,4,5\n", &n);
    assert_int_equal(shi_csv_ncols(c), 0);
    assert_int_equal(shi_csv_find(c, "1"), -1);
    next_ok(c);
    assert_int_equal(shi_csv_line(c), 1);
    assert_string_equal(shi_csv_field(c, 0), "1");
    next_ok(c); /* no header: no field count to match */
    assert_int_equal(shi_csv_nfields(c), 3);
    /* Errors name the field by number when there is no column name. */
    int64_t v;
    int miss;
    shi_err err = {0};
    assert_int_equal(shi_csv_int(c, 0, &v, &miss, &err), SHI_OK);
    assert_int_equal(v, 3);
    shi_csv_free(c);
    c = open_mem("x,y\n", &n);
    next_ok(c);
    assert_int_equal(shi_csv_int(c, 1, &v, &miss, &err), SHI_EDATA);
    check_err(&err, SHI_EDATA, 1, 3, "expected an integer in field 2, got 'y'",
              "t.csv:1:3: expected an integer in field 2, got 'y'");
    shi_csv_free(c);
}

static void test_ragged(void **state)
{
    (void)state;
    shi_csv_opts o = {0};
    o.ragged = 1;
    expect_dump("a,b,c\n1\n1,2,3,4\n1,2,3\n", &o, "[1]\n[1][2][3][4]\n[1][2][3]\n");
    /* Without the option: too few and too many fields, each at its last field. */
    expect_next_fail("a,b,c\n1,2,3\n4,5\n", (size_t)16, NULL, 1, 3, 3,
                     "expected 3 fields as in the header, got 2 (truncated line?)",
                     "t.csv:3:3: expected 3 fields as in the header, got 2 (truncated line?)");
    expect_next_fail("a,b,c\n1,2,3,4\n", (size_t)14, NULL, 0, 2, 7,
                     "expected 3 fields as in the header, got 4",
                     "t.csv:2:7: expected 3 fields as in the header, got 4");
}

/* ---- missing codes and typed access ------------------------------------------------ */

static void test_missing_codes(void **state)
{
    (void)state;
    static const char *const codes[] = {"-9", "NA", "", NULL};
    shi_csv_opts o = {0};
    o.missing = codes;
    shi_csv *c = open_mem("milex,year\n-9,NA\n,1990\n-9.0,-90\n", &o);
    int64_t iv = 123;
    double dv = 0;
    int miss = 0;
    shi_err err = {0};
    next_ok(c);
    assert_true(shi_csv_is_missing(c, 0));
    assert_true(shi_csv_is_missing(c, 1));
    assert_int_equal(shi_csv_real(c, 0, &dv, &miss, &err), SHI_OK);
    assert_int_equal(miss, 1);
    assert_true(isnan(dv)); /* never -9 */
    assert_int_equal(shi_csv_int(c, 1, &iv, &miss, &err), SHI_OK);
    assert_int_equal(miss, 1);
    assert_int_equal(iv, 0);
    next_ok(c);
    assert_true(shi_csv_is_missing(c, 0)); /* empty */
    assert_int_equal(shi_csv_real(c, 0, &dv, &miss, &err), SHI_OK);
    assert_int_equal(miss, 1);
    assert_int_equal(shi_csv_int(c, 1, &iv, &miss, &err), SHI_OK);
    assert_int_equal(miss, 0);
    assert_int_equal(iv, 1990);
    next_ok(c);
    /* Only exact codes are missing: "-9.0" and "-90" are numbers. */
    assert_false(shi_csv_is_missing(c, 0));
    assert_int_equal(shi_csv_real(c, 0, &dv, &miss, &err), SHI_OK);
    assert_int_equal(miss, 0);
    assert_true(dv == -9.0);
    assert_int_equal(shi_csv_int(c, 1, &iv, &miss, &err), SHI_OK);
    assert_int_equal(iv, -90);
    shi_csv_free(c);
    /* Default codes: only the empty field; "NA" is then an error, not a number. */
    c = open_mem("v\nNA\n\"\"\n", NULL);
    next_ok(c);
    assert_false(shi_csv_is_missing(c, 0));
    assert_int_equal(shi_csv_real(c, 0, &dv, &miss, &err), SHI_EDATA);
    check_err(&err, SHI_EDATA, 2, 1, "expected a number in column 'v', got 'NA'",
              "t.csv:2:1: expected a number in column 'v', got 'NA'");
    next_ok(c); /* a quoted empty field is a record, and missing */
    assert_true(shi_csv_is_missing(c, 0));
    shi_csv_free(c);
}

static void test_typed_values(void **state)
{
    (void)state;
    shi_csv *c = open_mem("i,r\n-42,2.385\n+7,1e3\n9223372036854775807,-0.5\n", NULL);
    int64_t iv = 0;
    double dv = 0;
    int miss = 1;
    shi_err err = {0};
    next_ok(c);
    assert_int_equal(shi_csv_int(c, 0, &iv, &miss, &err), SHI_OK);
    assert_int_equal(iv, -42);
    assert_int_equal(miss, 0);
    assert_int_equal(shi_csv_real(c, 1, &dv, &miss, &err), SHI_OK);
    assert_true(dv == 2.385);
    next_ok(c);
    assert_int_equal(shi_csv_int(c, 0, &iv, &miss, &err), SHI_OK);
    assert_int_equal(iv, 7);
    assert_int_equal(shi_csv_real(c, 1, &dv, &miss, &err), SHI_OK);
    assert_true(dv == 1000.0);
    next_ok(c);
    assert_int_equal(shi_csv_int(c, 0, &iv, &miss, &err), SHI_OK);
    assert_true(iv == INT64_MAX);
    assert_int_equal(shi_csv_real(c, 1, &dv, &miss, &err), SHI_OK);
    assert_true(dv == -0.5);
    shi_csv_free(c);
}

static void test_typed_errors(void **state)
{
    (void)state;
    /* The example of STYLE.md: a typo in a number names file:line:col and column. */
    shi_csv *c = open_mem("stateabb,ccode,year,milex\nUSA,2,2000,19x5\n", NULL);
    next_ok(c);
    double dv = 0;
    int64_t iv = 0;
    int miss = 0;
    shi_err err = {0};
    assert_int_equal(shi_csv_real(c, 3, &dv, &miss, &err), SHI_EDATA);
    check_err(&err, SHI_EDATA, 2, 12, "expected a number in column 'milex', got '19x5'",
              "t.csv:2:12: expected a number in column 'milex', got '19x5'");
    assert_int_equal(shi_csv_int(c, 3, &iv, &miss, &err), SHI_EDATA);
    check_err(&err, SHI_EDATA, 2, 12, "expected an integer in column 'milex', got '19x5'",
              "t.csv:2:12: expected an integer in column 'milex', got '19x5'");
    /* shi_csv_field_error with the caller's own wording. */
    assert_int_equal(shi_csv_field_error(c, 1, &err, "expected a COW code 1-999"), SHI_EDATA);
    check_err(&err, SHI_EDATA, 2, 5, "expected a COW code 1-999 in column 'ccode', got '2'",
              "t.csv:2:5: expected a COW code 1-999 in column 'ccode', got '2'");
    shi_csv_free(c);

    /* Text that strtod/strtoll would partly or loosely accept is rejected. */
    const char *not_real[] = {"nan", "inf", "-Infinity", "0x1p3", "1e999", " 5", "5 ", "1,5", "."};
    const char *not_int[] = {"2.0", "1e3", " 5", "5 ", "0x10", "99999999999999999999", "-"};
    for (size_t i = 0; i < sizeof not_real / sizeof not_real[0]; i++) {
        char text[64];
        snprintf(text, sizeof text, "v\n\"%s\"\n", not_real[i]);
        c = open_mem(text, NULL);
        next_ok(c);
        char want[128];
        snprintf(want, sizeof want, "expected a number in column 'v', got '%s'", not_real[i]);
        assert_int_equal(shi_csv_real(c, 0, &dv, &miss, &err), SHI_EDATA);
        assert_string_equal(err.msg, want);
        shi_csv_free(c);
    }
    for (size_t i = 0; i < sizeof not_int / sizeof not_int[0]; i++) {
        char text[64];
        snprintf(text, sizeof text, "v\n\"%s\"\n", not_int[i]);
        c = open_mem(text, NULL);
        next_ok(c);
        char want[128];
        snprintf(want, sizeof want, "expected an integer in column 'v', got '%s'", not_int[i]);
        assert_int_equal(shi_csv_int(c, 0, &iv, &miss, &err), SHI_EDATA);
        assert_string_equal(err.msg, want);
        shi_csv_free(c);
    }
    /* A long value is cut to 40 bytes and "..." in the message. */
    c = open_mem("v\n12345678901234567890123456789012345678901234567890x\n", NULL);
    next_ok(c);
    assert_int_equal(shi_csv_real(c, 0, &dv, &miss, &err), SHI_EDATA);
    assert_string_equal(err.msg, "expected a number in column 'v', got "
                                 "'1234567890123456789012345678901234567890...'");
    shi_csv_free(c);
    /* A value with a newline keeps the message on one line. */
    c = open_mem("v\n\"1\n2\"\n", NULL);
    next_ok(c);
    assert_int_equal(shi_csv_int(c, 0, &iv, &miss, &err), SHI_EDATA);
    assert_string_equal(err.msg, "expected an integer in column 'v', got '1 2'");
    shi_csv_free(c);
}

static void test_require(void **state)
{
    (void)state;
    shi_csv_opts o = {0};
    o.skip_lines = 1;
    shi_csv *c = open_mem("preamble\nccode,year\n", &o);
    static const char *const names[] = {"year", "ccode", "milex"};
    long idx[3] = {-5, -5, -5};
    shi_err err = {0};
    assert_int_equal(shi_csv_require(c, names, 2, idx, &err), SHI_OK);
    assert_int_equal(idx[0], 1);
    assert_int_equal(idx[1], 0);
    assert_int_equal(shi_csv_require(c, names, 3, idx, &err), SHI_EDATA);
    check_err(&err, SHI_EDATA, 2, 1, "missing column 'milex' in the header",
              "t.csv:2:1: missing column 'milex' in the header");
    next_end(c); /* a header and no data is not an error for the reader */
    shi_csv_free(c);
}

/* ---- structural errors ------------------------------------------------------------ */

static void test_unterminated_quote(void **state)
{
    (void)state;
    /* The quote opens on line 3, byte 3; the file ends four lines later. */
    const char *text = "a,b\n1,2\n3,\"open\n\n4,5\n6,7\n";
    expect_next_fail(text, strlen(text), NULL, 1, 3, 3,
                     "unterminated quoted field (the file ends inside the quotes opened here)",
                     "t.csv:3:3: unterminated quoted field (the file ends inside the quotes "
                     "opened here)");
    /* In the header. */
    expect_open_fail("\"a,b\n", 5, NULL, 1, 1,
                     "unterminated quoted field (the file ends inside the quotes opened here)",
                     "t.csv:1:1: unterminated quoted field (the file ends inside the quotes "
                     "opened here)");
    /* Text after a closing quote. */
    expect_next_fail("a,b\n\"x\"y,2\n", 11, NULL, 0, 2, 4,
                     "unexpected character 'y' after a closing quote",
                     "t.csv:2:4: unexpected character 'y' after a closing quote");
}

static void test_empty_file(void **state)
{
    (void)state;
    expect_open_fail("", 0, NULL, 1, 0, "empty file: expected a header line",
                     "t.csv:1: empty file: expected a header line");
    /* Only blank lines: still no header. */
    expect_open_fail("\n\r\n\n", 4, NULL, 4, 0, "empty file: expected a header line",
                     "t.csv:4: empty file: expected a header line");
    /* Without a header, an empty file is simply no records. */
    shi_csv_opts o = {0};
    o.no_header = 1;
    shi_csv *c = open_mem("", &o);
    next_end(c);
    shi_csv_free(c);
}

static void test_nul_byte(void **state)
{
    (void)state;
    /* The NUL is byte 4 of line 2, unquoted or quoted. */
    static const char t1[] = "a,b\n1,x\0y\n";
    expect_next_fail(t1, sizeof t1 - 1, NULL, 0, 2, 4, "binary data (a NUL byte) in a text file",
                     "t.csv:2:4: binary data (a NUL byte) in a text file");
    static const char t2[] = "a,b\n1,\"\0\"\n";
    expect_next_fail(t2, sizeof t2 - 1, NULL, 0, 2, 4, "binary data (a NUL byte) in a text file",
                     "t.csv:2:4: binary data (a NUL byte) in a text file");
    static const char t3[] = "\0\x01\x02\xFF";
    expect_open_fail(t3, sizeof t3 - 1, NULL, 1, 1, "binary data (a NUL byte) in a text file",
                     "t.csv:1:1: binary data (a NUL byte) in a text file");
}

/* ---- files ------------------------------------------------------------------------ */

static void test_file_errors(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/test_csv_does_not_exist.csv", SHI_TEST_TMP);
    remove(path);
    shi_csv *c = (shi_csv *)&c;
    shi_err err = {0};
    assert_int_equal(shi_csv_open(&c, path, NULL, &err), SHI_EIO);
    assert_null(c);
    assert_string_equal(err.path, path);
    assert_string_equal(err.msg, "cannot open for reading: No such file or directory");
    /* The file name is the name in messages. */
    snprintf(path, sizeof path, "%s/test_csv_small.csv", SHI_TEST_TMP);
    write_bytes(path, "a,b\r\n1,2\r\n3", 11);
    c = NULL;
    assert_int_equal(shi_csv_open(&c, path, NULL, &err), SHI_OK);
    assert_string_equal(shi_csv_name(c), path);
    next_ok(c);
    int got = 0;
    assert_int_equal(shi_csv_next(c, &got, &err), SHI_EDATA);
    assert_string_equal(err.path, path);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.col, 1);
    assert_string_equal(err.msg, "expected 2 fields as in the header, got 1 (truncated line?)");
    shi_csv_free(c);
    remove(path);
    /* An empty file on disk. */
    write_bytes(path, "", 0);
    assert_int_equal(shi_csv_open(&c, path, NULL, &err), SHI_EDATA);
    assert_null(c);
    assert_string_equal(err.msg, "empty file: expected a header line");
    remove(path);
}

/* A file larger than the 64 KiB read block, with a tricky record placed so that
 * the block boundary falls at every byte of it in turn: inside the doubled
 * quote, between the CR and LF inside the quotes, between the closing quote and
 * the delimiter, between the record's CR and LF. Each is read from the file and
 * from memory, and must give the same records and positions as worked out here. */
#define BLOCK 65536
static void test_block_boundary(void **state)
{
    (void)state;
    static const char special[] = "77,\"ab\"\"c\r\nd,e\",\xC3\xA9\xC3\xA9\r\n";
    const size_t slen = sizeof special - 1;
    char path[1024];
    snprintf(path, sizeof path, "%s/test_csv_block.csv", SHI_TEST_TMP);
    size_t cap = 3 * BLOCK;
    char *buf = malloc(cap);
    assert_non_null(buf);
    for (size_t j = 1; j <= slen + 1; j++) {
        /* Header, then filler rows "k,filler,k" up to a little before the block. */
        size_t len = (size_t)snprintf(buf, cap, "id,text,n\r\n");
        long line = 2;
        long k = 0;
        while (len + 40 + slen < BLOCK) {
            len += (size_t)snprintf(buf + len, cap - len, "%ld,filler,%ld\r\n", k, k);
            k++;
            line++;
        }
        /* One adjusting row "x,yyy...,x\r\n" so that `special` starts j bytes
         * before the block boundary. */
        size_t target = BLOCK - j;
        size_t ylen = target - len - 6; /* "x," + ",x\r\n" is 6 bytes */
        assert_true(ylen >= 1 && ylen < 64);
        len +=
            (size_t)snprintf(buf + len, cap - len, "x,%.*s,x\r\n", (int)ylen,
                             "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy");
        long adjust_line = line++;
        assert_int_equal(len, target);
        memcpy(buf + len, special, slen);
        len += slen;
        long special_line = line;
        line += 2; /* the special record spans two lines */
        /* Then more rows, past the second block. */
        long after = 0;
        while (len < 2 * BLOCK + 100) {
            len += (size_t)snprintf(buf + len, cap - len, "%ld,\"q\",%ld\r\n", after, after);
            after++;
        }
        long nrec = k + 1 + 1 + after;

        write_bytes(path, buf, len);
        for (int from_file = 0; from_file <= 1; from_file++) {
            shi_csv *c = NULL;
            shi_err err = {0};
            if (from_file) {
                assert_int_equal(shi_csv_open(&c, path, NULL, &err), SHI_OK);
            } else {
                c = open_mem_len(buf, len, NULL);
            }
            long n = 0;
            for (;;) {
                int got = 0;
                shi_status s = shi_csv_next(c, &got, &err);
                if (s != SHI_OK) {
                    char eb[1024];
                    print_error("j=%zu file=%d: %s\n", j, from_file,
                                shi_err_format(&err, eb, sizeof eb));
                }
                assert_int_equal(s, SHI_OK);
                if (!got) {
                    break;
                }
                n++;
                assert_int_equal(shi_csv_nfields(c), 3);
                if (n <= k) {
                    assert_int_equal(shi_csv_line(c), n + 1);
                    assert_string_equal(shi_csv_field(c, 1), "filler");
                } else if (n == k + 1) {
                    assert_int_equal(shi_csv_line(c), adjust_line);
                    assert_int_equal(strlen(shi_csv_field(c, 1)), ylen);
                    assert_string_equal(shi_csv_field(c, 2), "x");
                } else if (n == k + 2) {
                    assert_int_equal(shi_csv_line(c), special_line);
                    assert_string_equal(shi_csv_field(c, 0), "77");
                    assert_string_equal(shi_csv_field(c, 1), "ab\"c\r\nd,e");
                    assert_string_equal(shi_csv_field(c, 2), "\xC3\xA9\xC3\xA9");
                    expect_pos(c, 0, special_line, 1);
                    expect_pos(c, 1, special_line, 4);
                    expect_pos(c, 2, special_line + 1, 6); /* `d,e",éé`: byte 6 */
                } else {
                    long a = n - k - 3;
                    char want[32];
                    snprintf(want, sizeof want, "%ld", a);
                    assert_int_equal(shi_csv_line(c), special_line + 2 + a);
                    assert_string_equal(shi_csv_field(c, 0), want);
                    assert_string_equal(shi_csv_field(c, 1), "q");
                    assert_string_equal(shi_csv_field(c, 2), want);
                    expect_pos(c, 2, special_line + 2 + a, (long)strlen(want) + 6);
                }
            }
            assert_int_equal(n, nrec);
            shi_csv_free(c);
        }
    }
    free(buf);
    remove(path);
}

/* A single field longer than the read block. */
/* Plain lines (no quote, CR or non-ASCII byte) take the reader's one-line
 * fast path; a quote, a CRLF or a blank line sends a line through the general
 * loop. Random mixes of both, from memory and from a file long enough to cut
 * lines at the block boundary, must give every field and its line and column
 * as a plain split of the text at tabs and newlines gives them (the reference
 * splitter below, written for this test). */
static void test_fast_lines_match_split(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/test_csv_fast.tsv", SHI_TEST_TMP);
    size_t cap = 3 * BLOCK, len = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    uint64_t x = 88172645463325252ull; /* xorshift64 (Marsaglia 2003) */
    while (len < 2 * BLOCK + 200) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int nf = 1 + (int)(x % 7), quoted = (x >> 8) % 5 == 0;
        for (int f = 0; f < nf; f++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            int n = (int)(x % 7);
            if (quoted && f == 1) {
                len += (size_t)snprintf(buf + len, cap - len, "\"q%d\"", n);
            } else {
                for (int k = 0; k < n; k++) {
                    buf[len++] = "abc0123.-9"[(x >> (4 * k + 8)) % 10];
                }
            }
            if (f + 1 < nf) {
                buf[len++] = '\t';
            }
        }
        buf[len++] = '\n';
    }
    write_bytes(path, buf, len);
    shi_csv_opts o = {0};
    o.delim = '\t';
    o.no_header = 1;
    o.ragged = 1;
    for (int from_file = 0; from_file <= 1; from_file++) {
        shi_csv *c = NULL;
        shi_err err = {0};
        assert_int_equal(from_file ? shi_csv_open(&c, path, &o, &err)
                                   : shi_csv_open_mem(&c, "t.tsv", buf, len, &o, &err),
                         SHI_OK);
        size_t p = 0;
        long line = 1;
        int got = 0;
        while (p < len) {
            if (buf[p] == '\n') { /* a blank line is no record */
                p++;
                line++;
                continue;
            }
            assert_int_equal(shi_csv_next(c, &got, &err), SHI_OK);
            assert_int_equal(got, 1);
            assert_int_equal(shi_csv_line(c), line);
            size_t f = 0, start = p, line_start = p;
            for (;; p++) {
                if (buf[p] != '\t' && buf[p] != '\n') {
                    continue;
                }
                long fl, fc;
                shi_csv_field_pos(c, f, &fl, &fc);
                assert_int_equal(fl, line);
                assert_int_equal(fc, (long)(start - line_start) + 1);
                const char *want = buf + start;
                size_t wn = p - start;
                const char *have = shi_csv_field(c, f);
                if (wn >= 2 && want[0] == '"') { /* a quoted field: its inside */
                    want++;
                    wn -= 2;
                }
                assert_int_equal(strlen(have), wn);
                assert_memory_equal(have, want, wn);
                f++;
                if (buf[p] == '\n') {
                    break;
                }
                start = p + 1;
            }
            assert_int_equal(shi_csv_nfields(c), f);
            p++;
            line++;
        }
        assert_int_equal(shi_csv_next(c, &got, &err), SHI_OK);
        assert_int_equal(got, 0);
        shi_csv_free(c);
    }
    remove(path);
    free(buf);
}

/* first_line: a reader over a slice of a larger text names the lines of the
 * whole (line 41 here for the slice's first byte), in positions and errors. */
static void test_first_line(void **state)
{
    (void)state;
    shi_csv_opts o = {0};
    o.delim = '\t';
    o.no_header = 1;
    o.ragged = 1;
    o.first_line = 41;
    shi_csv *c = open_mem("a\t1\nb\tx\n", &o);
    shi_err err = {0};
    int got = 0;
    assert_int_equal(shi_csv_next(c, &got, &err), SHI_OK);
    assert_int_equal(shi_csv_line(c), 41);
    assert_int_equal(shi_csv_next(c, &got, &err), SHI_OK);
    long line, col;
    shi_csv_field_pos(c, 1, &line, &col);
    assert_int_equal(line, 42);
    assert_int_equal(col, 3);
    int64_t v;
    int miss;
    assert_int_equal(shi_csv_int(c, 1, &v, &miss, &err), SHI_EDATA);
    assert_int_equal(err.line, 42);
    assert_int_equal(err.col, 3);
    shi_csv_free(c);
}

static void test_long_field(void **state)
{
    (void)state;
    size_t n = 3 * BLOCK + 17;
    char *buf = malloc(n + 32);
    assert_non_null(buf);
    size_t len = (size_t)snprintf(buf, 32, "a,b\n\"");
    for (size_t i = 0; i < n; i++) {
        buf[len++] = (char)('a' + i % 26);
    }
    memcpy(buf + len, "\",z\n", 4);
    len += 4;
    char path[1024];
    snprintf(path, sizeof path, "%s/test_csv_long.csv", SHI_TEST_TMP);
    write_bytes(path, buf, len);
    shi_csv *c = NULL;
    shi_err err = {0};
    assert_int_equal(shi_csv_open(&c, path, NULL, &err), SHI_OK);
    next_ok(c);
    const char *f = shi_csv_field(c, 0);
    assert_int_equal(strlen(f), n);
    assert_memory_equal(f, buf + 5, n);
    assert_string_equal(shi_csv_field(c, 1), "z");
    expect_pos(c, 1, 2, (long)n + 4);
    next_end(c);
    shi_csv_free(c);
    free(buf);
    remove(path);
}

/* Issue 20, defect 8 (2026-12-01): endless input stops with a message. A
 * record past SHI_CSV_MAX_RECORD is an error at its start, in a record and in
 * a preamble line; a NUL in the preamble is an error at its position (before,
 * `--events /dev/zero` never returned and 200 MB of zeros said "file ends
 * inside its preamble"). */
static void test_limits(void **state)
{
    (void)state;
    size_t n = SHI_CSV_MAX_RECORD + 10;
    char *buf = malloc(n + 8);
    assert_non_null(buf);
    memcpy(buf, "a,b\n", 4);
    memset(buf + 4, 'x', n - 4);
    shi_csv *c = NULL;
    shi_err err = {0};
    assert_int_equal(shi_csv_open_mem(&c, "long.csv", buf, n, NULL, &err), SHI_OK);
    int got = 0;
    assert_int_equal(shi_csv_next(c, &got, &err), SHI_EDATA);
    assert_string_equal(err.msg, "record longer than 16 MiB (binary data, or no line ends?)");
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 1);
    shi_csv_free(c);
    shi_csv_opts o = {0};
    o.skip_lines = 2;
    c = NULL;
    assert_int_equal(shi_csv_open_mem(&c, "long.csv", buf, n, &o, &err), SHI_EDATA);
    assert_null(c);
    assert_int_equal(err.line, 2);
    memcpy(buf, "pre\namble\0\n", 12);
    assert_int_equal(shi_csv_open_mem(&c, "nul.csv", buf, 12, &o, &err), SHI_EDATA);
    assert_string_equal(err.msg, "binary data (a NUL byte) in a text file");
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 6);
    free(buf);
}

/* Polity5 (../shared/data/polity5/p5v2018.csv): a real file with a UTF-8 BOM and
 * CRLF line endings. PROVENANCE.md: "17,575 lines, 17,574 records", 37 columns
 * beginning `p5,cyear,ccode` and ending `regtrans`. */
static void test_real_polity5(void **state)
{
    (void)state;
    char path[1024];
    if (!shared_file(path, sizeof path, "polity5/p5v2018.csv")) {
        SHI_SKIP_NO_DATA();
    }
    shi_csv *c = NULL;
    shi_err err = {0};
    static const char *const codes[] = {"", "-66", "-77", "-88", NULL};
    shi_csv_opts o = {0};
    o.missing = codes;
    assert_int_equal(shi_csv_open(&c, path, &o, &err), SHI_OK);
    assert_int_equal(shi_csv_ncols(c), 37);
    assert_string_equal(shi_csv_colname(c, 0), "p5"); /* the BOM is not part of the name */
    assert_string_equal(shi_csv_colname(c, 1), "cyear");
    assert_string_equal(shi_csv_colname(c, 36), "regtrans"); /* no '\r' */
    long year = shi_csv_find(c, "year");
    assert_int_equal(year, 5);
    long n = 0, ymin = 99999, ymax = 0;
    for (;;) {
        int got = 0;
        shi_status s = shi_csv_next(c, &got, &err);
        if (s != SHI_OK) {
            char eb[1024];
            print_error("%s\n", shi_err_format(&err, eb, sizeof eb));
        }
        assert_int_equal(s, SHI_OK);
        if (!got) {
            break;
        }
        n++;
        assert_int_equal(shi_csv_line(c), n + 1); /* no quoted newlines in this file */
        int64_t y;
        int miss;
        assert_int_equal(shi_csv_int(c, (size_t)year, &y, &miss, &err), SHI_OK);
        assert_int_equal(miss, 0);
        ymin = y < ymin ? (long)y : ymin;
        ymax = y > ymax ? (long)y : ymax;
    }
    assert_int_equal(n, 17574);
    /* PROVENANCE.md: years 1776-2018, plus United States rows for 2019 and 2020. */
    assert_int_equal(ymin, 1776);
    assert_int_equal(ymax, 2020);
    shi_csv_free(c);
}

/* shi_csv_real takes short decimals through Clinger's fast path and the rest
 * through strtod: every value must be the very double strtod gives. Seeded
 * decimals of every shape the fast path sees or refuses (1-20 digits, signs,
 * leading zeros, a point anywhere, exponents -30..30), checked bit for bit. */
static void test_real_matches_strtod(void **state)
{
    (void)state;
    enum { N = 20000 };
    char *text = malloc((size_t)N * 48 + 8), *vals = malloc((size_t)N * 48);
    assert_non_null(text);
    assert_non_null(vals);
    uint64_t r = 0x9E3779B97F4A7C15u;
    size_t len = (size_t)sprintf(text, "x\n");
    for (int k = 0; k < N; k++) {
        char *v = vals + (size_t)k * 48, *q = v;
        r = r * 6364136223846793005u + 1442695040888963407u;
        int nd = 1 + (int)((r >> 33) % 20), point = (int)((r >> 20) % (unsigned)(nd + 2));
        *q++ = (r >> 7) & 1 ? '-' : (r >> 8) & 1 ? '+' : '0';
        for (int d = 0; d < nd; d++) {
            r = r * 6364136223846793005u + 1442695040888963407u;
            if (d == point) {
                *q++ = '.';
            }
            *q++ = (char)('0' + (r >> 40) % 10);
        }
        if ((r >> 5) & 1) {
            q += sprintf(q, "e%d", (int)((r >> 50) % 61) - 30);
        }
        *q = '\0';
        len += (size_t)sprintf(text + len, "%s\n", v);
    }
    shi_csv *c = open_mem_len(text, len, NULL);
    shi_err err = {0};
    int got, missing;
    for (int k = 0; k < N; k++) {
        assert_int_equal(shi_csv_next(c, &got, &err), SHI_OK);
        assert_int_equal(got, 1);
        double x;
        assert_int_equal(shi_csv_real(c, 0, &x, &missing, &err), SHI_OK);
        double y = strtod(vals + (size_t)k * 48, NULL);
        if (memcmp(&x, &y, sizeof x) != 0) {
            print_error("'%s': %.17g, strtod %.17g\n", vals + (size_t)k * 48, x, y);
        }
        assert_memory_equal(&x, &y, sizeof x);
    }
    shi_csv_free(c);
    free(text);
    free(vals);
}

/* shi_csv_int reads up to 18 digits itself and leaves the rest to strtoll:
 * seeded integers of 1-19 digits, signed or not, with leading zeros, must be
 * what strtoll reads, and 19-digit values past INT64_MAX an error. */
static void test_int_matches_strtoll(void **state)
{
    (void)state;
    const char *text = "x\n0\n-0\n+7\n007\n-000123\n999999999999999999\n"
                       "-999999999999999999\n1234567890123456789\n9223372036854775807\n"
                       "-9223372036854775808\n9223372036854775808\n";
    const char *vals[] = {"0",
                          "-0",
                          "+7",
                          "007",
                          "-000123",
                          "999999999999999999",
                          "-999999999999999999",
                          "1234567890123456789",
                          "9223372036854775807",
                          "-9223372036854775808"};
    shi_csv *c = open_mem(text, NULL);
    shi_err err = {0};
    int got, missing;
    int64_t x;
    for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) {
        assert_int_equal(shi_csv_next(c, &got, &err), SHI_OK);
        assert_int_equal(shi_csv_int(c, 0, &x, &missing, &err), SHI_OK);
        assert_true(x == (int64_t)strtoll(vals[k], NULL, 10));
    }
    assert_int_equal(shi_csv_next(c, &got, &err), SHI_OK);
    assert_int_equal(shi_csv_int(c, 0, &x, &missing, &err), SHI_EDATA); /* past INT64_MAX */
    shi_csv_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_and_header),
        cmocka_unit_test(test_quoting),
        cmocka_unit_test(test_line_endings),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_latin1),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_skip_lines),
        cmocka_unit_test(test_tsv_and_no_header),
        cmocka_unit_test(test_ragged),
        cmocka_unit_test(test_missing_codes),
        cmocka_unit_test(test_typed_values),
        cmocka_unit_test(test_typed_errors),
        cmocka_unit_test(test_require),
        cmocka_unit_test(test_unterminated_quote),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_nul_byte),
        cmocka_unit_test(test_file_errors),
        cmocka_unit_test(test_block_boundary),
        cmocka_unit_test(test_fast_lines_match_split),
        cmocka_unit_test(test_first_line),
        cmocka_unit_test(test_long_field),
        cmocka_unit_test(test_real_polity5),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_real_matches_strtod),
        cmocka_unit_test(test_int_matches_strtoll),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
