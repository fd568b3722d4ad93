/*
 * test_frame.c - columnar frames and their writers (src/output/frame*.c):
 * exact text in every text format, the fixed-point formatter against
 * snprintf("%.*f"), SQLite and Stata .dta round trips (read back with SQLite
 * and with ReadStat's parser), atomic failure, and the format names.
 *
 * Files are written under SHI_TEST_TMP/frame.<test>/ and the directory is
 * listed afterwards, so "no file left behind" is checked by looking.
 */
#define _POSIX_C_SOURCE 200809L

#include "test_util.h"

#include <dirent.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <readstat.h>
#include <sqlite3.h>

#include <shi/frame_io.h>
#include <shi/rng.h>

/* Make an empty directory SHI_TEST_TMP/frame.<name>. */
static void fresh_dir(char *dir, size_t size, const char *name)
{
    snprintf(dir, size, "%s/frame.%s", SHI_TEST_TMP, name);
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
                char p[2048];
                snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
                remove(p);
            }
        }
        closedir(d);
    } else {
        assert_int_equal(mkdir(dir, 0777), 0);
    }
}

/* Number of entries in `dir` other than . and .. */
static int count_dir(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    }
    closedir(d);
    return n;
}

/* The 4-row frame every format test writes:
 *   year (i32)  ccode (i32)  x (3 decimals)  y (0 decimals) */
static void small_frame(shi_frame *f)
{
    shi_err err = {0};
    int32_t *year, *ccode;
    double *x, *y;
    assert_int_equal(shi_frame_init(f, "t", 4, &err), SHI_OK);
    assert_int_equal(shi_frame_add_i32(f, "year", "Year", &year, &err), SHI_OK);
    assert_int_equal(shi_frame_add_i32(f, "ccode", "COW state code", &ccode, &err), SHI_OK);
    assert_int_equal(shi_frame_add_f64(f, "x", "A share", 3, &x, &err), SHI_OK);
    assert_int_equal(shi_frame_add_f64(f, "y", NULL, 0, &y, &err), SHI_OK);
    /* New columns start all missing. */
    assert_int_equal(year[3], SHI_NA_I32);
    assert_true(isnan(x[3]));
    year[0] = 1816, year[1] = 1817, year[3] = 2016;  /* year[2] missing */
    ccode[0] = 2, ccode[1] = -20, ccode[2] = 365;    /* ccode[3] missing */
    x[0] = 0.0625, x[1] = -1.5, x[3] = -0.0001;      /* tie to even; x[2] missing */
    y[0] = 2.5, y[1] = 3.5, y[2] = -0.4, y[3] = 1e6; /* ties to even; "-0" is "0" */
}

/* Write `f` as `fmt` into a string (caller frees). */
static char *write_string(const shi_frame *f, shi_frame_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    shi_err err = {0};
    assert_int_equal(shi_frame_write_text(f, fp, fmt, &err), SHI_OK);
    assert_int_equal(fclose(fp), 0);
    return buf;
}

static void test_csv(void **state)
{
    (void)state;
    shi_frame f;
    small_frame(&f);
    /* Machine formats write every real at full precision (issue 13): the
     * column's decimals are for the terminal only. */
    char *s = write_string(&f, SHI_FF_CSV);
    assert_string_equal(s, "year,ccode,x,y\n"
                           "1816,2,0.0625,2.5\n"
                           "1817,-20,-1.5,3.5\n"
                           ",365,,-0.4\n"
                           "2016,,-0.0001,1000000\n");
    free(s);
    s = write_string(&f, SHI_FF_TSV);
    assert_string_equal(s, "year\tccode\tx\ty\n"
                           "1816\t2\t0.0625\t2.5\n"
                           "1817\t-20\t-1.5\t3.5\n"
                           "\t365\t\t-0.4\n"
                           "2016\t\t-0.0001\t1000000\n");
    free(s);
    shi_frame_destroy(&f);
}

static void test_jsonl(void **state)
{
    (void)state;
    shi_frame f;
    small_frame(&f);
    f.cols[3].f64[1] = (double)INFINITY; /* never printed: null */
    char *s = write_string(&f, SHI_FF_JSONL);
    assert_string_equal(s, "{\"year\": 1816, \"ccode\": 2, \"x\": 0.0625, \"y\": 2.5}\n"
                           "{\"year\": 1817, \"ccode\": -20, \"x\": -1.5, \"y\": null}\n"
                           "{\"year\": null, \"ccode\": 365, \"x\": null, \"y\": -0.4}\n"
                           "{\"year\": 2016, \"ccode\": null, \"x\": -0.0001, \"y\": 1000000}\n");
    free(s);
    /* JSON is always an array (issue 13: pandas.read_json), JSON lines never. */
    s = write_string(&f, SHI_FF_JSON);
    assert_string_equal(s, "[\n {\"year\": 1816, \"ccode\": 2, \"x\": 0.0625, \"y\": 2.5},\n"
                           " {\"year\": 1817, \"ccode\": -20, \"x\": -1.5, \"y\": null},\n"
                           " {\"year\": null, \"ccode\": 365, \"x\": null, \"y\": -0.4},\n"
                           " {\"year\": 2016, \"ccode\": null, \"x\": -0.0001, \"y\": 1000000}\n"
                           "]\n");
    free(s);
    shi_frame_destroy(&f);
}

static void test_table(void **state)
{
    (void)state;
    shi_frame f;
    small_frame(&f);
    char *s = write_string(&f, SHI_FF_TABLE);
    assert_string_equal(s, "year  ccode       x        y\n"
                           "1816      2   0.062        2\n"
                           "1817    -20  -1.500        4\n"
                           "   -    365       -        0\n"
                           "2016      -   0.000  1000000\n");
    free(s);
    shi_frame_destroy(&f);
}

/* An empty frame still has its header; a frame of 0 rows has nothing else. */
static void test_empty(void **state)
{
    (void)state;
    shi_frame f;
    shi_err err = {0};
    assert_int_equal(shi_frame_init(&f, "empty", 0, &err), SHI_OK);
    assert_int_equal(shi_frame_add_i32(&f, "a", "", NULL, &err), SHI_OK);
    assert_int_equal(shi_frame_add_f64(&f, "b", "", 2, NULL, &err), SHI_OK);
    char *s = write_string(&f, SHI_FF_CSV);
    assert_string_equal(s, "a,b\n");
    free(s);
    s = write_string(&f, SHI_FF_JSONL);
    assert_string_equal(s, "");
    free(s);
    shi_frame_destroy(&f);
    shi_frame_destroy(&f); /* twice is harmless */
    shi_frame z = {0};
    shi_frame_destroy(&z);
}

/* Names are validated, so quoting is never needed; the writer still quotes a
 * name someone put into the struct by hand (RFC 4180) or blanks tabs (TSV). */
static void test_names(void **state)
{
    (void)state;
    shi_frame f;
    shi_err err = {0};
    assert_int_equal(shi_frame_init(&f, "Bad", 1, &err), SHI_EUSAGE);
    assert_non_null(strstr(err.msg, "invalid frame name 'Bad'"));
    assert_int_equal(shi_frame_init(&f, "names", 1, &err), SHI_OK);
    const char *bad[] = {"Year", "1x", "a-b", "", "a b", "abcdefghijklmnopqrstuvwxyz0123456"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        shi_err_clear(&err);
        assert_int_equal(shi_frame_add_i32(&f, bad[i], "", NULL, &err), SHI_EUSAGE);
        assert_non_null(strstr(err.msg, "invalid column name"));
    }
    assert_int_equal(shi_frame_add_i32(&f, "abcdefghijklmnopqrstuvwxyz012345", "", NULL, &err),
                     SHI_OK);
    assert_int_equal(shi_frame_add_i32(&f, "_b", "", NULL, &err), SHI_OK);
    assert_int_equal(shi_frame_add_i32(&f, "_b", "", NULL, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "duplicate column '_b' in frame 'names'");
    assert_int_equal(shi_frame_add_f64(&f, "c", "", 18, NULL, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "column 'c': digits must be 0-17, got 18");
    assert_int_equal(shi_frame_find(&f, "_b"), 1);
    assert_int_equal(shi_frame_find(&f, "zz"), -1);

    /* A long label is cut to 80 bytes, never inside a UTF-8 character. */
    char label[200] = "";
    for (int i = 0; i < 40; i++) {
        strcat(label, "\xc3\xa9"); /* é: 2 bytes, 80 in all */
    }
    strcat(label, "x");
    assert_int_equal(shi_frame_add_i32(&f, "lab", label, NULL, &err), SHI_OK);
    assert_int_equal(strlen(f.cols[2].label), 80);
    label[0] = 'a'; /* "a" + 40 x "é" (81 bytes): byte 80 is inside the last é */
    label[1] = '\0';
    for (int i = 0; i < 40; i++) {
        strcat(label, "\xc3\xa9");
    }
    assert_int_equal(shi_frame_add_i32(&f, "lab2", label, NULL, &err), SHI_OK);
    assert_int_equal(strlen(f.cols[3].label), 79);

    f.cols[0].i32[0] = 7;
    f.cols[1].i32[0] = 8;
    snprintf(f.cols[0].name, sizeof f.cols[0].name, "a,\"b\"");
    snprintf(f.cols[1].name, sizeof f.cols[1].name, "c\td");
    f.ncol = 2;
    char *s = write_string(&f, SHI_FF_CSV);
    assert_string_equal(s, "\"a,\"\"b\"\"\",c\td\n7,8\n");
    free(s);
    s = write_string(&f, SHI_FF_TSV);
    assert_string_equal(s, "a,\"b\"\tc d\n7\t8\n");
    free(s);
    f.ncol = 4;
    shi_frame_destroy(&f);
}

/* snprintf("%.*f") without the sign of a negative zero. */
static void reference(char *buf, size_t size, double v, int digits)
{
    if (!isfinite(v)) {
        buf[0] = '\0';
        return;
    }
    int n = snprintf(buf, size, "%.*f", digits, v);
    assert_true(n > 0 && (size_t)n < size);
    if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1)) {
        memmove(buf, buf + 1, strlen(buf));
    }
}

static void check_fmt(double v, int digits)
{
    char got[SHI_FRAME_REAL_MAX], want[SHI_FRAME_REAL_MAX];
    size_t n = shi_frame_fmt_real(got, v, digits);
    reference(want, sizeof want, v, digits);
    if (strcmp(got, want) != 0 || n != strlen(want)) {
        fail_msg("%.17g with %d digits: got '%s', snprintf gives '%s'", v, digits, got, want);
    }
}

static void test_fmt_fixed(void **state)
{
    (void)state;
    char buf[SHI_FRAME_REAL_MAX];
    /* Hand-picked cases. */
    shi_frame_fmt_real(buf, -0.0, 3);
    assert_string_equal(buf, "0.000");
    shi_frame_fmt_real(buf, -0.0004, 3);
    assert_string_equal(buf, "0.000");
    shi_frame_fmt_real(buf, -0.0005, 3); /* just above 0.0005 in binary */
    assert_string_equal(buf, "-0.001");
    shi_frame_fmt_real(buf, 0.125, 2); /* exact tie: to even */
    assert_string_equal(buf, "0.12");
    shi_frame_fmt_real(buf, 0.375, 2);
    assert_string_equal(buf, "0.38");
    shi_frame_fmt_real(buf, 2.5, 0);
    assert_string_equal(buf, "2");
    shi_frame_fmt_real(buf, 1.005, 2); /* 1.00499999999999989... */
    assert_string_equal(buf, "1.00");
    shi_frame_fmt_real(buf, 1e300, 2);
    assert_int_equal(strlen(buf), 304);
    assert_int_equal(shi_frame_fmt_real(buf, (double)NAN, 3), 0);
    assert_string_equal(buf, "");
    assert_int_equal(shi_frame_fmt_real(buf, -(double)INFINITY, 3), 0);

    const double special[] = {
        0.0,        -0.0,   0.5,          1.5,       -2.5,         0.125,
        1e15 + 0.5, 0x1p49, 0x1p49 - 0.5, 0x1p52,    0x1p53 + 2.0, 1e22,
        1e23,       -1e300, DBL_MAX,      -DBL_MAX,  DBL_MIN,      5e-324,
        0.1,        0.7,    2.675,        1234.5678, -999.9995,    0.00049999999999999999};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++) {
        for (int d = 0; d <= 17; d++) {
            check_fmt(special[i], d);
        }
    }

    /* 400,000 random values of four kinds, with random digits. */
    shi_rng rng;
    shi_rng_init(&rng, 20261128, 7);
    for (int i = 0; i < 400000; i++) {
        int digits = (int)shi_rng_below(&rng, 18);
        double v;
        switch (i % 4) {
        case 0: /* uniform magnitudes over 10^-12 .. 10^18 */
            v = (shi_rng_uniform(&rng) * 2.0 - 1.0) *
                pow(10.0, (double)shi_rng_below(&rng, 31) - 12.0);
            break;
        case 1: { /* any finite bit pattern */
            uint64_t bits = shi_rng_u64(&rng);
            memcpy(&v, &bits, sizeof v);
            if (!isfinite(v)) {
                v = 0.0;
            }
            break;
        }
        case 2: /* exact binary fractions: many exact ties */
            v = ((double)(int64_t)shi_rng_below(&rng, 1u << 30) - (double)(1u << 29)) /
                (double)(1u << shi_rng_below(&rng, 20));
            break;
        default: /* decimals near a rounding boundary: k/10^d +- 1/2 unit */
            v = ((double)shi_rng_below(&rng, 100000000) + 0.5) / pow(10.0, (double)digits);
            if (shi_rng_u32(&rng) & 1u) {
                v = -v;
            }
            break;
        }
        check_fmt(v, digits);
    }
}

/* A write to a full device fails with SHI_EIO. */
static void test_write_error(void **state)
{
    (void)state;
    FILE *fp = fopen("/dev/full", "w");
    if (!fp) {
        SHI_SKIP("no /dev/full");
    }
    shi_frame f;
    small_frame(&f);
    shi_err err = {0};
    assert_int_equal(shi_frame_write_text(&f, fp, SHI_FF_CSV, &err), SHI_EIO);
    assert_non_null(strstr(err.msg, "write error"));
    fclose(fp);
    shi_err_clear(&err);
    assert_int_equal(shi_frame_write_text(&f, stdout, SHI_FF_SQLITE, &err), SHI_EUSAGE);
    shi_frame_destroy(&f);
}

/* Write `f` as `fmt` on `threads` threads into a string (caller frees); its
 * length in *len. */
static char *write_threads(const shi_frame *f, shi_frame_format fmt, int threads, size_t *len)
{
    char *buf = NULL;
    FILE *fp = open_memstream(&buf, len);
    assert_non_null(fp);
    shi_err err = {0};
    assert_int_equal(shi_frame_write_text_threads(f, fp, fmt, threads, &err), SHI_OK);
    assert_int_equal(fclose(fp), 0);
    return buf;
}

/* A frame of many blocks (the writer formats about 2^17 cells a block, so
 * 120,001 rows of 6 columns are 6 blocks and a piece): integers, reals of every
 * kind, text that CSV must quote and JSON escape, missing values. */
static void big_frame(shi_frame *f, size_t nrow)
{
    shi_err err = {0};
    int32_t *year;
    double *share, *ratio, *whole;
    assert_int_equal(shi_frame_init(f, "big", nrow, &err), SHI_OK);
    assert_int_equal(shi_frame_add_i32(f, "year", "Year", &year, &err), SHI_OK);
    assert_int_equal(shi_frame_add_f64(f, "share", NULL, 6, &share, &err), SHI_OK);
    assert_int_equal(shi_frame_add_f64(f, "ratio", NULL, 4, &ratio, &err), SHI_OK);
    assert_int_equal(shi_frame_add_f64(f, "whole", NULL, 0, &whole, &err), SHI_OK);
    assert_int_equal(shi_frame_add_str(f, "name", NULL, &err), SHI_OK);
    assert_int_equal(shi_frame_add_str(f, "note", NULL, &err), SHI_OK);
    shi_rng rng;
    shi_rng_init(&rng, 20261201, 7);
    static const char *const names[] = {"USA",       "a,b",         "say \"hi\"",
                                        "tab\there", "line\nbreak", "\x01"};
    for (size_t r = 0; r < nrow; r++) {
        year[r] = r % 97 == 5 ? SHI_NA_I32 : 1816 + (int32_t)(r % 201);
        share[r] = r % 89 == 3 ? (double)NAN : shi_rng_uniform(&rng) * 0.2;
        ratio[r] = (double)(shi_rng_below(&rng, 100000) + 1) / 997.0;
        whole[r] = (double)shi_rng_below(&rng, 1000000) - 500000.0;
        assert_int_equal(shi_frame_set_str(f, 4, r, names[r % 6], &err), SHI_OK);
        assert_int_equal(shi_frame_set_str(f, 5, r, r % 3 ? NULL : "x", &err), SHI_OK);
    }
}

/* The machine formats give the same bytes on 1, 2, 3 and 8 threads, and the
 * CSV is the one written cell by cell here: blocks neither lose nor repeat a
 * row, whatever the thread count. */
static void test_threads(void **state)
{
    (void)state;
    shi_frame f;
    const size_t nrow = 120001;
    big_frame(&f, nrow);
    const shi_frame_format fmts[] = {SHI_FF_CSV, SHI_FF_TSV, SHI_FF_JSON, SHI_FF_JSONL};
    for (size_t k = 0; k < sizeof fmts / sizeof fmts[0]; k++) {
        size_t n1, n;
        char *one = write_threads(&f, fmts[k], 1, &n1);
        const int threads[] = {2, 3, 8, 0};
        for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
            char *other = write_threads(&f, fmts[k], threads[t], &n);
            assert_int_equal(n, n1);
            if (memcmp(one, other, n1) != 0) {
                fail_msg("format %d: %d threads differ from 1", (int)fmts[k], threads[t]);
            }
            free(other);
        }
        if (fmts[k] == SHI_FF_CSV) {
            char *want = NULL;
            size_t nw = 0;
            FILE *fp = open_memstream(&want, &nw);
            assert_non_null(fp);
            fputs("year,share,ratio,whole,name,note\n", fp);
            for (size_t r = 0; r < nrow; r++) {
                char cell[4][SHI_SHORTEST_MAX];
                for (size_t c = 1; c <= 3; c++) {
                    shi_fmt_shortest(cell[c], f.cols[c].f64[r]);
                }
                if (f.cols[0].i32[r] != SHI_NA_I32) {
                    fprintf(fp, "%d", (int)f.cols[0].i32[r]);
                }
                const char *name = f.cols[4].str[r];
                int quote = strpbrk(name, ",\"\n") != NULL;
                fprintf(fp, ",%s,%s,%s,%s", cell[1], cell[2], cell[3], quote ? "\"" : "");
                for (const char *p = name; *p; p++) {
                    if (*p == '"') {
                        fputc('"', fp);
                    }
                    fputc(*p, fp);
                }
                fprintf(fp, "%s,%s\n", quote ? "\"" : "", f.cols[5].str[r] ? "x" : "");
            }
            assert_int_equal(fclose(fp), 0);
            assert_int_equal(nw, n1);
            assert_memory_equal(want, one, n1);
            free(want);
        }
        free(one);
    }
    shi_frame_destroy(&f);
}

/* ---- SQLite -------------------------------------------------------------- */

static void meta_fill(shi_meta *m)
{
    shi_err err = {0};
    assert_int_equal(shi_meta_add(m, "source", "COW NMC v7", &err), SHI_OK);
    assert_int_equal(shi_meta_add(m, "shi_version", "0.1.0", &err), SHI_OK);
}

static void test_sqlite(void **state)
{
    (void)state;
    char dir[1024], path[1100];
    fresh_dir(dir, sizeof dir, "sqlite");
    snprintf(path, sizeof path, "%s/out.sqlite", dir);
    shi_frame f;
    small_frame(&f);
    shi_meta m = {0};
    meta_fill(&m);
    shi_err err = {0};
    const char *keys[] = {"year", "ccode"};
    assert_int_equal(shi_frame_write_sqlite(&f, keys, 2, &m, path, &err), SHI_OK);
    assert_int_equal(count_dir(dir), 1); /* no temporary file left */

    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT year, ccode, x, y, typeof(year), typeof(x) "
                                        "FROM t ORDER BY rowid",
                                        -1, &st, NULL),
                     SQLITE_OK);
    /* row 1: 1816, 2, 0.0625, 2.5 */
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1816);
    assert_int_equal(sqlite3_column_int(st, 1), 2);
    assert_true(sqlite3_column_double(st, 2) == 0.0625);
    assert_true(sqlite3_column_double(st, 3) == 2.5);
    assert_string_equal((const char *)sqlite3_column_text(st, 4), "integer");
    assert_string_equal((const char *)sqlite3_column_text(st, 5), "real");
    /* row 2 */
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 1), -20);
    assert_true(sqlite3_column_double(st, 2) == -1.5);
    /* row 3: year and x missing */
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_type(st, 0), SQLITE_NULL);
    assert_int_equal(sqlite3_column_int(st, 1), 365);
    assert_int_equal(sqlite3_column_type(st, 2), SQLITE_NULL);
    /* row 4: ccode missing; reals are stored exactly, not rounded to digits */
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_type(st, 1), SQLITE_NULL);
    assert_true(sqlite3_column_double(st, 2) == -0.0001);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);

    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT sql FROM sqlite_master WHERE type = 'index' "
                                        "AND name = 't_key'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0),
                        "CREATE INDEX \"t_key\" ON \"t\" (\"year\", \"ccode\")");
    sqlite3_finalize(st);

    assert_int_equal(
        sqlite3_prepare_v2(db, "SELECT key, value FROM metadata ORDER BY rowid", -1, &st, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "source");
    assert_string_equal((const char *)sqlite3_column_text(st, 1), "COW NMC v7");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "shi_version");
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    sqlite3_close(db);

    /* Writing again replaces the file. */
    f.cols[0].i32[0] = 1900;
    assert_int_equal(shi_frame_write_sqlite(&f, NULL, 0, NULL, path, &err), SHI_OK);
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(
        sqlite3_prepare_v2(db,
                           "SELECT min(year), (SELECT count(*) FROM metadata), "
                           "(SELECT count(*) FROM sqlite_master WHERE type = 'index') FROM t",
                           -1, &st, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1817);
    assert_int_equal(sqlite3_column_int(st, 1), 0);
    assert_int_equal(sqlite3_column_int(st, 2), 0);
    sqlite3_finalize(st);
    sqlite3_close(db);

    /* Usage errors come before any file is made. */
    const char *badkey[] = {"nope"};
    assert_int_equal(shi_frame_write_sqlite(&f, badkey, 1, NULL, path, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "index key 'nope' is not a column of 't'");
    assert_int_equal(shi_frame_write_sqlite(&f, NULL, 0, NULL, "-", &err), SHI_EUSAGE);
    assert_int_equal(count_dir(dir), 1);

    shi_meta_destroy(&m);
    shi_frame_destroy(&f);
}

/* ---- Stata .dta ---------------------------------------------------------- */

typedef struct dta_read {
    int nobs, nvar;
    char label[300];
    char names[8][64];
    char labels[8][128];
    readstat_type_t types[8];
    double values[8][8]; /* [row][var], NAN for system missing */
    int32_t ints[8][8];
    char notes[4][600];
    int nnotes;
    char vlsets[8][33];  /* value-label set of each variable */
    char strs[8][8][64]; /* [row][var] text values */
    char vl[8][64];      /* "set:value=label" of the first value labels */
    int nvl;
} dta_read;

static int on_value_label(const char *set, readstat_value_t value, const char *label, void *ctx)
{
    dta_read *d = ctx;
    if (d->nvl < 8) {
        snprintf(d->vl[d->nvl++], sizeof d->vl[0], "%s:%d=%s", set, readstat_int32_value(value),
                 label);
    }
    return READSTAT_HANDLER_OK;
}

static int on_meta(readstat_metadata_t *md, void *ctx)
{
    dta_read *d = ctx;
    d->nobs = readstat_get_row_count(md);
    d->nvar = readstat_get_var_count(md);
    const char *l = readstat_get_file_label(md);
    snprintf(d->label, sizeof d->label, "%s", l ? l : "");
    return READSTAT_HANDLER_OK;
}

static int on_note(int i, const char *note, void *ctx)
{
    dta_read *d = ctx;
    if (i >= 1 && i <= 4) { /* ReadStat numbers Stata's notes from 1 */
        snprintf(d->notes[i - 1], sizeof d->notes[i - 1], "%s", note);
        d->nnotes = i;
    }
    return READSTAT_HANDLER_OK;
}

static int on_var(int i, readstat_variable_t *v, const char *val_labels, void *ctx)
{
    dta_read *d = ctx;
    if (i < 8) {
        snprintf(d->vlsets[i], sizeof d->vlsets[i], "%s", val_labels ? val_labels : "");
        const char *l = readstat_variable_get_label(v);
        snprintf(d->names[i], sizeof d->names[i], "%s", readstat_variable_get_name(v));
        snprintf(d->labels[i], sizeof d->labels[i], "%s", l ? l : "");
        d->types[i] = readstat_variable_get_type(v);
    }
    return READSTAT_HANDLER_OK;
}

static int on_value(int obs, readstat_variable_t *v, readstat_value_t val, void *ctx)
{
    dta_read *d = ctx;
    int i = readstat_variable_get_index(v);
    if (obs < 8 && i < 8) {
        if (readstat_value_is_system_missing(val)) {
            d->values[obs][i] = (double)NAN;
            d->ints[obs][i] = SHI_NA_I32;
        } else if (readstat_value_type(val) == READSTAT_TYPE_INT32 ||
                   readstat_value_type(val) == READSTAT_TYPE_INT8) {
            d->ints[obs][i] = readstat_value_type(val) == READSTAT_TYPE_INT8
                                  ? readstat_int8_value(val)
                                  : readstat_int32_value(val);
            d->values[obs][i] = (double)d->ints[obs][i];
        } else if (readstat_value_type(val) == READSTAT_TYPE_STRING) {
            const char *t = readstat_string_value(val);
            snprintf(d->strs[obs][i], sizeof d->strs[obs][i], "%s", t ? t : "");
        } else {
            d->values[obs][i] = readstat_double_value(val);
        }
    }
    return READSTAT_HANDLER_OK;
}

static void read_dta(const char *path, dta_read *d)
{
    memset(d, 0, sizeof *d);
    readstat_parser_t *p = readstat_parser_init();
    assert_non_null(p);
    readstat_set_metadata_handler(p, on_meta);
    readstat_set_note_handler(p, on_note);
    readstat_set_variable_handler(p, on_var);
    readstat_set_value_handler(p, on_value);
    readstat_set_value_label_handler(p, on_value_label);
    readstat_error_t rc = readstat_parse_dta(p, path, d);
    readstat_parser_free(p);
    if (rc != READSTAT_OK) {
        fail_msg("readstat_parse_dta('%s'): %s", path, readstat_error_message(rc));
    }
}

static char *slurp_checked(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    rewind(fp);
    char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, fp), (size_t)n);
    fclose(fp);
    *len = (size_t)n;
    return b;
}

static void test_dta(void **state)
{
    (void)state;
    char dir[1024], path[1100], path2[1100];
    fresh_dir(dir, sizeof dir, "dta");
    snprintf(path, sizeof path, "%s/out.dta", dir);
    snprintf(path2, sizeof path2, "%s/again.dta", dir);
    shi_frame f;
    small_frame(&f);
    shi_meta m = {0};
    meta_fill(&m);
    shi_err err = {0};
    assert_int_equal(shi_frame_write_dta(&f, &m, path, &err), SHI_OK);
    assert_int_equal(count_dir(dir), 1);

    dta_read d;
    read_dta(path, &d);
    assert_int_equal(d.nobs, 4);
    assert_int_equal(d.nvar, 4);
    assert_string_equal(d.label, "t: source=COW NMC v7; shi_version=0.1.0");
    assert_int_equal(d.nnotes, 2);
    assert_string_equal(d.notes[0], "source: COW NMC v7");
    assert_string_equal(d.notes[1], "shi_version: 0.1.0");
    assert_string_equal(d.names[0], "year");
    assert_string_equal(d.labels[0], "Year");
    assert_string_equal(d.labels[1], "COW state code");
    assert_string_equal(d.labels[3], "");
    assert_int_equal(d.types[0], READSTAT_TYPE_INT32);
    assert_int_equal(d.types[2], READSTAT_TYPE_DOUBLE);
    assert_int_equal(d.ints[0][0], 1816);
    assert_int_equal(d.ints[1][1], -20);
    assert_int_equal(d.ints[2][0], SHI_NA_I32);
    assert_int_equal(d.ints[3][1], SHI_NA_I32);
    assert_true(d.values[0][2] == 0.0625);
    assert_true(d.values[1][2] == -1.5);
    assert_true(isnan(d.values[2][2]));
    assert_true(d.values[3][2] == -0.0001);
    assert_true(d.values[3][3] == 1e6);

    /* The same frame gives the same bytes (fixed time stamp). */
    assert_int_equal(shi_frame_write_dta(&f, &m, path2, &err), SHI_OK);
    size_t n1, n2;
    char *b1 = slurp_checked(path, &n1), *b2 = slurp_checked(path2, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(b1, b2, n1);
    free(b1);
    free(b2);

    /* ... in any time zone: ReadStat prints the stamp in local time. */
    const char *tz = getenv("TZ");
    char oldtz[256];
    snprintf(oldtz, sizeof oldtz, "%s", tz ? tz : "");
    setenv("TZ", "America/New_York", 1);
    tzset();
    assert_int_equal(shi_frame_write_dta(&f, &m, path2, &err), SHI_OK);
    if (tz) {
        setenv("TZ", oldtz, 1);
    } else {
        unsetenv("TZ");
    }
    tzset();
    b1 = slurp_checked(path, &n1);
    b2 = slurp_checked(path2, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(b1, b2, n1);
    free(b1);
    free(b2);

    /* A long label is cut to Stata's 80 bytes at a word boundary (issue 13);
     * the notes keep everything. */
    char longv[400];
    memset(longv, 'v', sizeof longv - 1);
    longv[sizeof longv - 1] = '\0';
    assert_int_equal(shi_meta_add(&m, "long", longv, &err), SHI_OK);
    assert_int_equal(shi_frame_write_dta(&f, &m, path, &err), SHI_OK);
    read_dta(path, &d);
    assert_string_equal(d.label, "t: source=COW NMC v7; shi_version=0.1.0");
    assert_int_equal(strlen(d.notes[2]), strlen("long: ") + 399);

    /* A value Stata cannot hold fails the write and leaves the old file alone. */
    f.cols[0].i32[0] = INT32_MAX;
    assert_int_equal(shi_frame_write_dta(&f, &m, path, &err), SHI_EDATA);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "column 'year', row 1"));
    assert_int_equal(count_dir(dir), 2);
    read_dta(path, &d);
    assert_int_equal(d.ints[0][0], 1816);

    shi_meta_destroy(&m);
    shi_frame_destroy(&f);
}

/* Text columns, 0/1 flags stored as bytes and value labels of codes (issue
 * 13), in Stata and SQLite; text in JSON and CSV escaped and quoted. */
static void test_text_flags_labels(void **state)
{
    (void)state;
    static const shi_value_label conttype[] = {{0, "none"}, {1, "land"}, {2, "12 miles"}};
    char dir[1024], path[1100];
    fresh_dir(dir, sizeof dir, "labels");
    shi_err err = {0};
    shi_frame f;
    int32_t *ct, *ally;
    assert_int_equal(shi_frame_init(&f, "t", 2, &err), SHI_OK);
    assert_int_equal(shi_frame_add_str(&f, "name", "State", &err), SHI_OK);
    assert_int_equal(shi_frame_add_i32(&f, "conttype", "Contiguity", &ct, &err), SHI_OK);
    assert_int_equal(shi_frame_add_i32(&f, "ally", "Allied", &ally, &err), SHI_OK);
    assert_int_equal(shi_frame_set_labels(&f, "conttype", "conttype", conttype, 3, &err), SHI_OK);
    assert_int_equal(shi_frame_set_flag(&f, "ally", &err), SHI_OK);
    assert_int_equal(shi_frame_set_flag(&f, "name", &err), SHI_EUSAGE);
    assert_int_equal(shi_frame_set_str(&f, 0, 0, "C\xc3\xb4te, \"d\"", &err), SHI_OK);
    ct[0] = 1, ct[1] = 2, ally[0] = 1, ally[1] = 0;
    char *s = write_string(&f, SHI_FF_CSV);
    assert_string_equal(s, "name,conttype,ally\n\"C\xc3\xb4te, \"\"d\"\"\",1,1\n,2,0\n");
    free(s);
    s = write_string(&f, SHI_FF_JSONL);
    assert_string_equal(s, "{\"name\": \"C\xc3\xb4te, \\\"d\\\"\", \"conttype\": 1, \"ally\": 1}\n"
                           "{\"name\": null, \"conttype\": 2, \"ally\": 0}\n");
    free(s);
    s = write_string(&f, SHI_FF_TABLE);
    assert_string_equal(s, "name       conttype  ally\n" /* text left, numbers right */
                           "C\xc3\xb4te, \"d\"         1     1\n"
                           "-                 2     0\n");
    free(s);

    snprintf(path, sizeof path, "%s/t.dta", dir);
    assert_int_equal(shi_frame_write_dta(&f, NULL, path, &err), SHI_OK);
    dta_read d;
    read_dta(path, &d);
    assert_int_equal(d.types[0], READSTAT_TYPE_STRING);
    assert_int_equal(d.types[1], READSTAT_TYPE_INT32);
    assert_int_equal(d.types[2], READSTAT_TYPE_INT8);
    assert_string_equal(d.strs[0][0], "C\xc3\xb4te, \"d\"");
    assert_string_equal(d.strs[1][0], "");
    assert_int_equal(d.ints[1][2], 0);
    assert_int_equal(d.ints[0][2], 1);
    assert_string_equal(d.vlsets[1], "conttype");
    assert_string_equal(d.vlsets[2], "");
    assert_int_equal(d.nvl, 3);
    assert_string_equal(d.vl[2], "conttype:2=12 miles");

    snprintf(path, sizeof path, "%s/t.sqlite", dir);
    assert_int_equal(shi_frame_write_sqlite(&f, NULL, 0, NULL, path, &err), SHI_OK);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT name, typeof(name) FROM t", -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "C\xc3\xb4te, \"d\"");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 1), "null");
    sqlite3_finalize(st);
    sqlite3_close(db);
    shi_frame_destroy(&f);
}

/* A path in a directory that does not exist: SHI_EIO naming the path, no file. */
static void test_bad_path(void **state)
{
    (void)state;
    char dir[1024], path[1100];
    fresh_dir(dir, sizeof dir, "badpath");
    shi_frame f;
    small_frame(&f);
    shi_err err = {0};
    snprintf(path, sizeof path, "%s/no-such-dir/out.sqlite", dir);
    assert_int_equal(shi_frame_write_sqlite(&f, NULL, 0, NULL, path, &err), SHI_EIO);
    assert_non_null(strstr(err.msg, path));
    snprintf(path, sizeof path, "%s/no-such-dir/out.dta", dir);
    shi_err_clear(&err);
    assert_int_equal(shi_frame_write_dta(&f, NULL, path, &err), SHI_EIO);
    assert_non_null(strstr(err.msg, path));
    assert_int_equal(count_dir(dir), 0);

    /* A target that is a directory: the temporary file is made, the rename
     * fails, and the temporary file is removed again. */
    snprintf(path, sizeof path, "%s/isdir", dir);
    assert_int_equal(mkdir(path, 0777), 0);
    assert_int_equal(shi_frame_write_sqlite(&f, NULL, 0, NULL, path, &err), SHI_EIO);
    assert_non_null(strstr(err.msg, path));
    assert_int_equal(shi_frame_write_dta(&f, NULL, path, &err), SHI_EIO);
    assert_non_null(strstr(err.msg, path));
    assert_int_equal(count_dir(dir), 1);
    rmdir(path);
    shi_frame_destroy(&f);
}

static void test_formats(void **state)
{
    (void)state;
    shi_frame_format fmt = SHI_FF_TABLE;
    shi_err err = {0};
    assert_int_equal(shi_frame_format_parse("jsonl", &fmt, &err), SHI_OK);
    assert_int_equal(fmt, SHI_FF_JSONL);
    assert_int_equal(shi_frame_format_parse("json", &fmt, &err), SHI_OK);
    assert_int_equal(fmt, SHI_FF_JSON);
    assert_int_equal(shi_frame_format_parse("dta", &fmt, &err), SHI_OK);
    assert_int_equal(fmt, SHI_FF_DTA);
    assert_int_equal(shi_frame_format_parse("xlsx", &fmt, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "unknown format 'xlsx'; valid formats are table, csv, tsv, "
                                 "json, jsonl, sqlite, dta");
    assert_int_equal(shi_frame_format_parse("CSV", &fmt, &err), SHI_OK); /* any case */
    assert_int_equal(fmt, SHI_FF_CSV);

    assert_int_equal(shi_frame_format_from_path("out/dyads.csv"), SHI_FF_CSV);
    assert_int_equal(shi_frame_format_from_path("a.TSV"), SHI_FF_TSV);
    assert_int_equal(shi_frame_format_from_path("a.jsonl"), SHI_FF_JSONL);
    assert_int_equal(shi_frame_format_from_path("a.json"), SHI_FF_JSON);
    assert_int_equal(shi_frame_format_from_path("a.db"), SHI_FF_SQLITE);
    assert_int_equal(shi_frame_format_from_path("a.sqlite"), SHI_FF_SQLITE);
    assert_int_equal(shi_frame_format_from_path("a.dta"), SHI_FF_DTA);
    assert_int_equal(shi_frame_format_from_path("a.txt"), -1);
    assert_int_equal(shi_frame_format_from_path("dir/.csv"), -1);
    assert_int_equal(shi_frame_format_from_path("csv"), -1);
    assert_int_equal(shi_frame_format_from_path(NULL), -1);

    shi_meta m = {0};
    char big[600];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    /* Any length (issue 20, defect 10: 120 states in --states broke at 511 bytes). */
    assert_int_equal(shi_meta_add(&m, "k", big, &err), SHI_OK);
    assert_string_equal(m.kv[0].value, big);
    assert_int_equal(shi_meta_addf(&m, &err, "f", "%s-%d", big, 7), SHI_OK);
    assert_int_equal(strlen(m.kv[1].value), sizeof big + 1);
    assert_int_equal(shi_meta_add(&m, "", "v", &err), SHI_EUSAGE);
    shi_meta_destroy(&m);
    shi_meta_destroy(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv),         cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_table),       cmocka_unit_test(test_empty),
        cmocka_unit_test(test_names),       cmocka_unit_test(test_fmt_fixed),
        cmocka_unit_test(test_write_error), cmocka_unit_test(test_sqlite),
        cmocka_unit_test(test_dta),         cmocka_unit_test(test_bad_path),
        cmocka_unit_test(test_formats),     cmocka_unit_test(test_text_flags_labels),
        cmocka_unit_test(test_threads),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
