/*
 * test_io_spec.c - the table-driven row reader behind the importers
 * (src/io/spec.c): column specs mapped to header names (and aliases), values
 * parsed, range-checked and stored in a table of parallel columns, missing
 * values and NA codes, and every error with its exact message and position.
 *
 * Reference values: the tables and positions are worked out by hand from the
 * input text of each test (lines and columns are 1-based, columns count bytes,
 * as in include/shi/csv.h); the messages are shi_csv's, pinned exactly because
 * the importers' golden tests depend on them.
 */
#define _POSIX_C_SOURCE 200809L

#include "test_util.h"

#include <math.h>
#include <string.h>

#include "io/spec.h"

/* A small table: the shape of every importer's output. */
typedef struct table {
    int32_t *id;
    int8_t *code;
    double *val;
    char (*name)[8];
    int32_t *line, *col;
    size_t n, cap;
} table;

static void table_free(table *t)
{
    free(t->id);
    free(t->code);
    free(t->val);
    free(t->name);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

enum { C_ID, C_CODE, C_VAL, C_NAME, NCOLS };

/* id 1-99 required; code 0-5 with -9 (the file's missing code) as -1; val a
 * number >= 0 or "" (NaN); name 1-7 bytes, also found as "label". */
static void specs(table *t, shi_i_col cols[NCOLS])
{
    const shi_i_col c[NCOLS] = {
        {"id", .type = SHI_I_INT, .lo = 1, .hi = 99, .what = "expected an id 1-99",
         .what_missing = "expected an id (missing is not allowed)", SHI_I_TO(t->id)},
        {"code", .type = SHI_I_INT, .flags = SHI_I_OPTIONAL, .lo = 0, .hi = 5,
         .what = "expected a code 0-5 or -9", .na = -1, .na_code = {-9}, .nna = 1,
         SHI_I_TO(t->code)},
        {"val", .type = SHI_I_REAL, .flags = SHI_I_OPTIONAL, .lo = 0, .hi = HUGE_VAL,
         .what = "expected a value (0 or more)", .na = (double)NAN, SHI_I_TO(t->val)},
        {"name", .alias = "label", .type = SHI_I_TEXT, .lo = 1, .hi = 7,
         .what = "expected a name of 1-7 bytes", SHI_I_TO(t->name)},
    };
    memcpy(cols, c, sizeof c);
}

/* Read `text` through the specs into t; returns the status and the formatted
 * error in msg. */
static shi_status read_text(const char *text, table *t, char *msg, size_t size)
{
    static const char *const missing[] = {"", "-9", NULL};
    shi_i_col cols[NCOLS];
    specs(t, cols);
    shi_csv_opts o = {0};
    o.missing = missing;
    const shi_i_dest dest = {&t->n, &t->cap, 4, &t->line, &t->col, C_ID, NULL, 0};
    shi_i_reader rd;
    shi_err err = {0};
    shi_status s = shi_i_open_mem(&rd, "t.csv", text, strlen(text), &o, cols, NCOLS, &dest, &err);
    s = shi_i_read_all(&rd, s, &err);
    shi_err_format(&err, msg, size);
    return s;
}

static void expect_error(const char *text, const char *expected)
{
    table t = {0};
    char msg[600];
    assert_int_equal(read_text(text, &t, msg, sizeof msg), SHI_EDATA);
    assert_string_equal(msg, expected);
    table_free(&t);
}

static void test_values(void **state)
{
    (void)state;
    table t = {0};
    char msg[600];
    /* Columns in another order than the specs, an extra column, missing
     * codes, an NA code, and more rows than the first capacity (4). */
    const char *text = "name,x,val,code,id\n"
                       "a,0,1.5,3,7\n"
                       "bb,0,,-9,8\n"
                       "ccc,0,2,,9\n"
                       "d,0,0,5,10\n"
                       "e,0,7,0,11\n";
    assert_int_equal(read_text(text, &t, msg, sizeof msg), SHI_OK);
    assert_int_equal(t.n, 5);
    assert_true(t.cap >= 5);
    assert_int_equal(t.id[0], 7);
    assert_int_equal(t.code[0], 3);
    assert_true(t.val[0] == 1.5);
    assert_string_equal(t.name[0], "a");
    assert_int_equal(t.code[1], -1); /* "-9": the file's missing code */
    assert_true(isnan(t.val[1]));    /* "" */
    assert_int_equal(t.code[2], -1); /* "" */
    assert_true(t.val[2] == 2.0);
    assert_string_equal(t.name[2], "ccc");
    assert_int_equal(t.id[4], 11);
    /* Positions are those of the id field: line 2, column 11 (after "a,0,1.5,3,"). */
    assert_int_equal(t.line[0], 2);
    assert_int_equal(t.col[0], 11);
    assert_int_equal(t.line[4], 6);
    assert_int_equal(t.col[4], 9);
    table_free(&t);
}

static void test_alias(void **state)
{
    (void)state;
    table t = {0};
    char msg[600];
    assert_int_equal(read_text("id,code,val,label\n1,2,3,x\n", &t, msg, sizeof msg), SHI_OK);
    assert_string_equal(t.name[0], "x");
    table_free(&t);
}

static void test_header_errors(void **state)
{
    (void)state;
    /* The first missing column in spec order is named, as shi_csv_require does. */
    expect_error("code,val,name\n1,2,x\n", "t.csv:1:1: missing column 'id' in the header");
    expect_error("id,code,val\n1,2,3\n",
                 "t.csv:1:1: missing column 'name' (or 'label') in the header");
    expect_error("id,code,val,name\n", "t.csv:2: no records after the header");
}

static void test_value_errors(void **state)
{
    (void)state;
    expect_error("id,code,val,name\n1,2,3,x\n100,2,3,x\n",
                 "t.csv:3:1: expected an id 1-99 in column 'id', got '100'");
    expect_error("id,code,val,name\n-9,2,3,x\n",
                 "t.csv:2:1: expected an id (missing is not allowed) in column 'id', got '-9'");
    expect_error("id,code,val,name\n1x,2,3,x\n",
                 "t.csv:2:1: expected an integer in column 'id', got '1x'");
    expect_error("id,code,val,name\n1,6,3,x\n",
                 "t.csv:2:3: expected a code 0-5 or -9 in column 'code', got '6'");
    expect_error("id,code,val,name\n1,2,-0.5,x\n",
                 "t.csv:2:5: expected a value (0 or more) in column 'val', got '-0.5'");
    expect_error("id,code,val,name\n1,2,nan,x\n",
                 "t.csv:2:5: expected a number in column 'val', got 'nan'");
    expect_error("id,code,val,name\n1,2,3,toolong8\n",
                 "t.csv:2:7: expected a name of 1-7 bytes in column 'name', got 'toolong8'");
    /* Fields are checked in spec order, whatever the order of the file. */
    expect_error("name,val,code,id\n,-1,9,0\n",
                 "t.csv:2:7: expected an id 1-99 in column 'id', got '0'");
}

/* An -09 is not the missing code "-9" but the number -9: an NA code all the same. */
static void test_na_code_spelling(void **state)
{
    (void)state;
    table t = {0};
    char msg[600];
    assert_int_equal(read_text("id,code,val,name\n1,-09,3,x\n", &t, msg, sizeof msg), SHI_OK);
    assert_int_equal(t.code[0], -1);
    table_free(&t);
}

/* shi_i_parse in pieces: an importer's own check between fields, and the
 * values it reads (iv, v, na) in the reader. */
static void test_pieces(void **state)
{
    (void)state;
    table t = {0};
    shi_i_col cols[NCOLS];
    specs(&t, cols);
    const char *text = "id,code,val,name\n3,-9,2.5,a\n3,1,,b\n";
    const shi_i_dest dest = {&t.n, &t.cap, 4, &t.line, &t.col, C_ID, NULL, 0};
    shi_i_reader rd;
    shi_err err = {0};
    assert_int_equal(
        shi_i_open_mem(&rd, "t.csv", text, strlen(text), NULL, cols, NCOLS, &dest, &err), SHI_OK);
    int got = 0;
    assert_int_equal(shi_i_next(&rd, &got, &err), SHI_OK);
    assert_int_equal(got, 1);
    assert_int_equal(shi_i_parse(&rd, C_ID, C_CODE, &err), SHI_OK);
    assert_int_equal(rd.iv[C_ID], 3);
    assert_int_equal(shi_i_parse(&rd, C_CODE, NCOLS, &err), SHI_OK);
    /* Here "-9" is no missing code of the file (default: ""), but an NA code. */
    assert_int_equal(rd.na[C_CODE], 1);
    assert_int_equal(rd.iv[C_CODE], -9);
    assert_true(rd.v[C_VAL] == 2.5);
    assert_string_equal(shi_i_text(&rd, C_NAME), "a");
    assert_int_equal(shi_i_at(&rd), 0);
    shi_i_commit(&rd);
    assert_int_equal(t.n, 1);
    assert_int_equal(shi_i_row(&rd, &got, &err), SHI_OK);
    assert_int_equal(rd.na[C_VAL], 1);
    assert_true(isnan(rd.v[C_VAL]));
    assert_int_equal(shi_i_bad(&rd, C_NAME, "expected a new name", &err), SHI_EDATA);
    char msg[600];
    assert_string_equal(shi_err_format(&err, msg, sizeof msg),
                        "t.csv:3:6: expected a new name in column 'name', got 'b'");
    assert_int_equal(shi_i_close(&rd, SHI_OK, &err), SHI_OK);
    assert_int_equal(t.n, 1);
    table_free(&t);
}

/* Plain integers (SHI_I_PLAIN), numbers as doubles (SHI_I_DOUBLE), custom
 * parsers, and "-0" with and without SHI_I_INTS. */
static int yes_no(const char *f, double *v)
{
    if (strcmp(f, "yes") == 0 || strcmp(f, "no") == 0) {
        *v = f[0] == 'y';
        return 1;
    }
    return 0;
}

static void test_kinds(void **state)
{
    (void)state;
    struct {
        double *a, *b, *c, *d;
        size_t n, cap;
    } t = {0};
    const shi_i_col cols[] = {
        {"a", .type = SHI_I_INT, .flags = SHI_I_PLAIN | SHI_I_DOUBLE, .lo = -10, .hi = 10,
         .what = "expected a plain -10..10", SHI_I_TO(t.a)},
        {"b", .type = SHI_I_CUSTOM, .flags = SHI_I_DOUBLE, .lo = 0, .hi = 1, .parse = yes_no,
         .what = "expected yes or no", SHI_I_TO(t.b)},
        {"c", .type = SHI_I_REAL, .lo = -HUGE_VAL, .hi = HUGE_VAL, SHI_I_TO(t.c)},
        {"d", .type = SHI_I_REAL, .flags = SHI_I_INTS, .lo = -HUGE_VAL, .hi = HUGE_VAL,
         SHI_I_TO(t.d)},
    };
    const char *text = "a,b,c,d\n-3,yes,-0,-0\n+3,no,1,1\n";
    const shi_i_dest dest = {&t.n, &t.cap, 4, NULL, NULL, 0, NULL, 0};
    shi_i_reader rd;
    shi_err err = {0};
    assert_int_equal(shi_i_open_mem(&rd, "k.csv", text, strlen(text), NULL, cols, 4, &dest, &err),
                     SHI_OK);
    shi_status s = shi_i_read_all(&rd, SHI_OK, &err);
    assert_int_equal(s, SHI_EDATA);
    char msg[600];
    /* "+3" is an integer to shi_csv_int, but not a plain one. */
    assert_string_equal(shi_err_format(&err, msg, sizeof msg),
                        "k.csv:3:1: expected a plain -10..10 in column 'a', got '+3'");
    assert_int_equal(t.n, 1);
    assert_true(t.a[0] == -3.0);
    assert_true(t.b[0] == 1.0);
    assert_true(t.c[0] == 0.0 && signbit(t.c[0]));  /* as strtod reads it */
    assert_true(t.d[0] == 0.0 && !signbit(t.d[0])); /* as an integer */
    free(t.a);
    free(t.b);
    free(t.c);
    free(t.d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_alias),
        cmocka_unit_test(test_header_errors),
        cmocka_unit_test(test_value_errors),
        cmocka_unit_test(test_na_code_spelling),
        cmocka_unit_test(test_pieces),
        cmocka_unit_test(test_kinds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
