/*
 * fuzz_csv.c - libFuzzer target for the CSV/TSV reader (src/io/csv.c).
 *
 * Each input is read with several option sets (header or not, ragged, Latin-1,
 * TSV with a preamble line, a missing-code list), and every field goes through
 * the typed accessors. Besides the sanitizers, the target checks invariants the
 * reader documents, and aborts when one fails:
 *   - every field is valid UTF-8 (the reader rejects or converts the rest) and
 *     holds no NUL, so its strlen is its length;
 *   - field positions are 1-based and never before the record's first line;
 *   - an error has a code, a non-empty one-line message, and a position that
 *     is not past the end of the input.
 *
 * Build with -DSHI_FUZZ=ON and clang (fuzz/CMakeLists.txt); fuzz_main.c replays
 * a corpus without libFuzzer.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <shi/csv.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static int valid_utf8(const unsigned char *s)
{
    while (*s) {
        unsigned char b = *s;
        size_t k;
        unsigned long cp;
        if (b < 0x80) {
            s++;
            continue;
        } else if (b >= 0xC2 && b <= 0xDF) {
            k = 1;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            k = 2;
            cp = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            k = 3;
            cp = b & 0x07;
        } else {
            return 0;
        }
        for (size_t j = 1; j <= k; j++) {
            if ((s[j] & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (s[j] & 0x3F);
        }
        if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (k == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return 0;
        }
        s += k + 1;
    }
    return 1;
}

static void check_err(const shi_err *err, size_t size)
{
    CHECK(err->code != SHI_OK);
    CHECK(err->msg[0] != '\0');
    CHECK(strchr(err->msg, '\n') == NULL);
    CHECK(err->line >= 0 && err->col >= 0);
    /* A position can never be beyond the input: at most one line per byte,
     * plus the line after the last newline. */
    CHECK((size_t)err->line <= size + 1);
    CHECK((size_t)err->col <= size + 1);
    char buf[1024];
    shi_err_format(err, buf, sizeof buf);
    CHECK(buf[0] != '\0');
}

static void run(const uint8_t *data, size_t size, const shi_csv_opts *o)
{
    shi_csv *c = NULL;
    shi_err err = {0};
    if (shi_csv_open_mem(&c, "fuzz.csv", data, size, o, &err) != SHI_OK) {
        CHECK(c == NULL);
        check_err(&err, size);
        return;
    }
    CHECK(c != NULL);
    size_t nh = shi_csv_ncols(c);
    CHECK(!o->no_header || nh == 0);
    for (size_t i = 0; i < nh; i++) {
        const char *name = shi_csv_colname(c, i);
        CHECK(valid_utf8((const unsigned char *)name));
        CHECK(shi_csv_find(c, name) >= 0 && shi_csv_find(c, name) <= (long)i);
    }
    static const char *const want[] = {"ccode", "year"};
    long idx[2];
    if (shi_csv_require(c, want, 2, idx, &err) != SHI_OK) {
        check_err(&err, size);
    }
    long prev_line = 0;
    for (int rec = 0; rec < 100000; rec++) {
        int got = 0;
        shi_err_clear(&err);
        if (shi_csv_next(c, &got, &err) != SHI_OK) {
            check_err(&err, size);
            break;
        }
        if (!got) {
            break;
        }
        long line = shi_csv_line(c);
        CHECK(line > prev_line);
        prev_line = line;
        size_t nf = shi_csv_nfields(c);
        CHECK(nf >= 1);
        CHECK(o->ragged || nh == 0 || nf == nh);
        for (size_t i = 0; i <= nf; i++) { /* i == nf: out of range */
            const char *f = shi_csv_field(c, i);
            CHECK(f != NULL);
            CHECK(valid_utf8((const unsigned char *)f));
            long fl, fc;
            shi_csv_field_pos(c, i, &fl, &fc);
            if (i < nf) {
                CHECK(fl >= line && fc >= 1);
                CHECK((size_t)fl <= size + 1 && (size_t)fc <= size + 1);
            } else {
                CHECK(f[0] == '\0');
            }
            int64_t iv;
            double dv;
            int miss = 0;
            shi_err_clear(&err);
            if (shi_csv_int(c, i, &iv, &miss, &err) != SHI_OK) {
                check_err(&err, size);
            } else {
                CHECK(miss == shi_csv_is_missing(c, i));
            }
            shi_err_clear(&err);
            if (shi_csv_real(c, i, &dv, &miss, &err) != SHI_OK) {
                check_err(&err, size);
            } else {
                CHECK(miss == shi_csv_is_missing(c, i));
                CHECK(miss || (dv == dv && dv - dv == 0)); /* finite unless missing */
            }
            shi_err_clear(&err);
            CHECK(shi_csv_field_error(c, i, &err, "fuzz") == SHI_EDATA);
            CHECK(err.code == SHI_EDATA && strchr(err.msg, '\n') == NULL);
        }
    }
    CHECK(strcmp(shi_csv_name(c), "fuzz.csv") == 0);
    shi_csv_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const codes[] = {"-9", "NA", ".", "", NULL};
    shi_csv_opts o;

    memset(&o, 0, sizeof o); /* the defaults: comma, UTF-8, header */
    run(data, size, &o);

    memset(&o, 0, sizeof o); /* no header, ragged, missing codes */
    o.no_header = 1;
    o.ragged = 1;
    o.missing = codes;
    run(data, size, &o);

    memset(&o, 0, sizeof o); /* Latin-1, ragged */
    o.latin1 = 1;
    o.ragged = 1;
    run(data, size, &o);

    memset(&o, 0, sizeof o); /* TSV after a one-line preamble */
    o.delim = '\t';
    o.skip_lines = 1;
    o.missing = codes;
    run(data, size, &o);

    memset(&o, 0, sizeof o); /* semicolons, Latin-1, no header */
    o.delim = ';';
    o.latin1 = 1;
    o.no_header = 1;
    run(data, size, &o);
    return 0;
}
