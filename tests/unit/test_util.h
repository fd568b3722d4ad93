/*
 * test_util.h - shared helpers for shi's cmocka tests.
 */
#ifndef SHI_TEST_UTIL_H
#define SHI_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <cmocka.h>

#include <shi/data.h>
#include <shi/error.h>

/* Path of a file in ../shared/data, or NULL (and a note) when it is absent. */
static inline const char *shared_file(char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/%s", SHI_SHARED_DATA, rel);
    struct stat st;
    if (stat(buf, &st) != 0) {
        return NULL;
    }
    return buf;
}

static inline int shared_present(void)
{
    struct stat st;
    return stat(SHI_SHARED_DATA, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Open the parts (SHI_DATA_*) of the embedded data into *d, for a group
 * setup: 0, or -1 after printing the error. */
static inline int open_data(shi_data *d, unsigned parts)
{
    shi_err err = {0};
    const shi_data_spec spec = {.parts = parts};
    memset(d, 0, sizeof *d); /* shi_data_open takes a zeroed view */
    if (shi_data_open(d, &spec, &err)) {
        print_error("%s\n", err.msg);
        return -1;
    }
    return 0;
}

/* ---- skipped tests --------------------------------------------------------------- */

/* cmocka's skip() marks a test SKIPPED, but the program still exits 0, so CTest
 * would print "Passed" for a suite whose tests did not run. So a test skips with
 * SHI_SKIP_NO_DATA() (a file of ../shared/data is absent) or SHI_SKIP(why) (the
 * system lacks something, e.g. /dev/full), never with a bare skip(), and main
 * returns shi_run_group_tests(tests, setup, teardown), whose exit status is
 *   - the number of failed tests, when any failed (CTest: Failed);
 *   - else 77, when any test skipped (CTest: Skipped: SKIP_RETURN_CODE 77 in
 *     tests/CMakeLists.txt), even if the others ran and passed: "Passed" would
 *     hide the tests that did not run (the output lists which ran);
 *   - else 0 (Passed). */
static inline int *shi_skipped_tests(void)
{
    static int n;
    return &n;
}

#define SHI_SKIP(why)                                                                              \
    do {                                                                                           \
        ++*shi_skipped_tests();                                                                    \
        print_message("    skipped: %s\n", (why));                                                 \
        skip();                                                                                    \
    } while (0)

#define SHI_SKIP_NO_DATA() SHI_SKIP("needs " SHI_SHARED_DATA ", absent or incomplete")

static inline int shi_tests_status(int failed)
{
    if (failed != 0) {
        return failed;
    }
    return *shi_skipped_tests() > 0 ? 77 : 0;
}

#define shi_run_group_tests(group, setup, teardown)                                                \
    shi_tests_status(cmocka_run_group_tests(group, setup, teardown))

/* ---- files and timing -------------------------------------------------------------- */

/* Write `text` to `path` (replacing it). */
static inline void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* The whole of file `path` in a malloc'd buffer (its length in *len), or NULL
 * when it cannot be opened. */
static inline char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!b) {
        fclose(f);
        return NULL;
    }
    *len = fread(b, 1, (size_t)n, f);
    b[*len] = '\0'; /* callers read it as a string (lines_of in test_data.c) */
    fclose(f);
    return b;
}

#ifdef SHI_TEST_NAME
/* A file SHI_TEST_TMP/<SHI_TEST_NAME>_<name> holding `text`; its path goes to
 * buf. (A test defines SHI_TEST_NAME before including this header.) */
static inline const char *tmp_file(char *buf, size_t size, const char *name, const char *text)
{
    snprintf(buf, size, "%s/" SHI_TEST_NAME "_%s", SHI_TEST_TMP, name);
    write_file(buf, text);
    return buf;
}
#endif

#ifdef _POSIX_C_SOURCE
/* Seconds on the monotonic clock. */
static inline double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Width of the name column in report_time's lines. */
#    ifndef SHI_REPORT_WIDTH
#        define SHI_REPORT_WIDTH 44
#    endif

/* Print how long reading `n` records of `what` took since t0 (never asserted). */
static inline void report_time(const char *what, double t0, size_t n)
{
    print_message("    %-*s %7zu records in %.3f s\n", SHI_REPORT_WIDTH, what, n, now_s() - t0);
}
#endif

/* ---- errors ---------------------------------------------------------------------- */

/* Expect a data error at (line, col) with exactly `msg`, in file `path`. */
static inline void expect_err(shi_status s, const shi_err *err, const char *path, long line,
                              long col, const char *msg)
{
    assert_int_equal(s, SHI_EDATA);
    assert_int_equal(err->code, SHI_EDATA);
    assert_string_equal(err->path, path);
    assert_string_equal(err->msg, msg);
    assert_int_equal(err->line, line);
    assert_int_equal(err->col, col);
}

/* ---- a small XML well-formedness checker ----------------------------------------- */

static inline int xml_is_name_start(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '_' || ch == ':';
}

static inline int xml_is_name_char(char ch)
{
    return xml_is_name_start(ch) || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.';
}

/* An entity at s ('&'): one of the five predefined or a numeric one; returns its length or 0. */
static inline size_t xml_entity_len(const char *s)
{
    static const char *const ents[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
    for (int i = 0; i < 5; i++) {
        if (strncmp(s, ents[i], strlen(ents[i])) == 0) {
            return strlen(ents[i]);
        }
    }
    if (s[1] == '#') {
        size_t i = 2;
        while (s[i] >= '0' && s[i] <= '9') {
            i++;
        }
        if (i > 2 && s[i] == ';') {
            return i + 1;
        }
    }
    return 0;
}

/* 1 when s is one well-formed element (balanced and properly nested tags,
 * attributes name="value" without duplicates, no raw '<' or stray '&' in
 * text or values, nothing but whitespace outside the root); else 0 and a
 * reason in why. */
static inline int xml_well_formed(const char *s, char *why, size_t whylen)
{
    const char *stack[256];
    size_t slen[256];
    int depth = 0, roots = 0;
    const char *p = s;
    while (*p) {
        if (*p == '<') {
            if (strncmp(p, "<!--", 4) == 0) {
                const char *e = strstr(p + 4, "-->");
                if (!e) {
                    snprintf(why, whylen, "unterminated comment");
                    return 0;
                }
                p = e + 3;
                continue;
            }
            int closing = p[1] == '/';
            p += closing ? 2 : 1;
            if (!xml_is_name_start(*p)) {
                snprintf(why, whylen, "bad tag name at offset %ld", (long)(p - s));
                return 0;
            }
            const char *name = p;
            while (xml_is_name_char(*p)) {
                p++;
            }
            size_t nlen = (size_t)(p - name);
            if (closing) {
                if (depth == 0 || slen[depth - 1] != nlen ||
                    strncmp(stack[depth - 1], name, nlen) != 0) {
                    snprintf(why, whylen, "mismatched close tag '%.*s' at offset %ld", (int)nlen,
                             name, (long)(name - s));
                    return 0;
                }
                depth--;
                if (*p != '>') {
                    snprintf(why, whylen, "junk in close tag at offset %ld", (long)(p - s));
                    return 0;
                }
                p++;
                continue;
            }
            if (depth == 0 && roots++ > 0) {
                snprintf(why, whylen, "second root element at offset %ld", (long)(name - s));
                return 0;
            }
            const char *attr[64];
            size_t alen[64];
            int nattr = 0;
            for (;;) {
                int space = 0;
                while (*p == ' ' || *p == '\n' || *p == '\t') {
                    p++;
                    space = 1;
                }
                if (p[0] == '/' && p[1] == '>') {
                    p += 2;
                    break;
                }
                if (*p == '>') {
                    p++;
                    if (depth >= 256) {
                        snprintf(why, whylen, "too deep");
                        return 0;
                    }
                    stack[depth] = name;
                    slen[depth++] = nlen;
                    break;
                }
                if (!space || !xml_is_name_start(*p)) {
                    snprintf(why, whylen, "bad attribute at offset %ld", (long)(p - s));
                    return 0;
                }
                const char *an = p;
                while (xml_is_name_char(*p)) {
                    p++;
                }
                for (int i = 0; i < nattr; i++) {
                    if (alen[i] == (size_t)(p - an) && strncmp(attr[i], an, alen[i]) == 0) {
                        snprintf(why, whylen, "duplicate attribute '%.*s'", (int)alen[i], an);
                        return 0;
                    }
                }
                if (nattr < 64) {
                    attr[nattr] = an;
                    alen[nattr++] = (size_t)(p - an);
                }
                if (p[0] != '=' || p[1] != '"') {
                    snprintf(why, whylen, "unquoted attribute at offset %ld", (long)(p - s));
                    return 0;
                }
                p += 2;
                while (*p && *p != '"') {
                    if (*p == '<' || (*p == '&' && xml_entity_len(p) == 0)) {
                        snprintf(why, whylen, "raw '%c' in attribute at offset %ld", *p,
                                 (long)(p - s));
                        return 0;
                    }
                    p++;
                }
                if (*p != '"') {
                    snprintf(why, whylen, "unterminated attribute value");
                    return 0;
                }
                p++;
            }
            continue;
        }
        if (*p == '&' && xml_entity_len(p) == 0) {
            snprintf(why, whylen, "stray '&' at offset %ld", (long)(p - s));
            return 0;
        }
        if (depth == 0 && !(*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')) {
            snprintf(why, whylen, "text outside the root at offset %ld", (long)(p - s));
            return 0;
        }
        p++;
    }
    if (depth != 0 || roots != 1) {
        snprintf(why, whylen, "%d unclosed elements, %d roots", depth, roots);
        return 0;
    }
    return 1;
}

/* A file `built` by the test has exactly the bytes of the committed file
 * `committed` (the embedded data rebuilt byte for byte); `built` is removed. */
static inline void expect_same_file(const char *built, const char *committed)
{
    size_t n1 = 0, n2 = 0;
    char *a = slurp(built, &n1);
    char *b = slurp(committed, &n2);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
    remove(built);
}

#endif
