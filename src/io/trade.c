/*
 * trade.c - importers for the Correlates of War Trade data set, version 4.0
 * (Barbieri, Katherine, and Omar M. G. Omar Keshk. 2016. Correlates of War
 * Project Trade Data Set Codebook, Version 4.0; Barbieri, Keshk & Pollins
 * 2009, "Trading Data: Evaluating our Assumptions and Coding Rules", CMPS
 * 26(5): 471-491).
 *
 * National_COW_4.0.csv: one row per state-year, imports and exports in
 * current million USD; missing is an empty field.
 * dyadic_trade_ndy_*_rounded.csv[.gz]: non-directed dyad-years (ccode1 <
 * ccode2) from peacesciencer's cow_trade_ndy, flows rounded to whole million
 * USD, -9 missing. The full file is gzip-compressed: it is inflated into
 * memory with zlib (gzread) and parsed with shi_csv_open_mem, so messages
 * still name the .gz file and count lines of its uncompressed text.
 */
#include <shi/csv.h>
#include <shi/io_trade.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "spec.h"

static const char *const trade_na[] = {"", "NA", "-9", NULL};

/* A flow in million USD: 0-1e8, or missing (NaN) for "", "NA" and -9. The
 * bound is plausibility (issue 20, defect 6): COW trade 4.0's largest national
 * flow is 2.8e6, its largest dyadic flow 4.7e5. */
#define FLOW(col, dst)                                                                             \
    {                                                                                              \
        col, .type = SHI_I_REAL, .flags = SHI_I_OPTIONAL | SHI_I_INTS, .lo = 0, .hi = 1e8,         \
             .what = "expected a trade flow 0-1e8 (million US$) or -9 for missing",                \
             .na = (double)NAN, .na_code = {-9}, .nna = 1, SHI_I_TO(dst)                           \
    }
#define COW(col, dst)                                                                              \
    {                                                                                              \
        col, .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,                            \
             .what = "expected a COW code 1-999", SHI_I_TO(dst)                                    \
    }
#define YEAR(dst)                                                                                  \
    {                                                                                              \
        "year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1800, .hi = 2100,                     \
                .what = "expected a year 1800-2100", SHI_I_TO(dst)                                 \
    }

/* ---- national totals ----------------------------------------------------- */

void shi_trade_nat_table_destroy(shi_trade_nat_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode);
    free(t->year);
    free(t->imports);
    free(t->exports);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_cow_trade_national(const char *path, shi_trade_nat_table *out, shi_err *err)
{
    const shi_i_col cols[] = {COW("ccode", out->ccode), YEAR(out->year),
                              FLOW("imports", out->imports), FLOW("exports", out->exports)};
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, 0, NULL, 0};
    shi_csv_opts o = {0};
    o.missing = trade_na;
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &o, cols, sizeof cols / sizeof cols[0], &dest, err);
    return shi_i_read_all(&rd, s, err);
}

/* ---- dyadic flows -------------------------------------------------------- */

void shi_trade_dyad_table_destroy(shi_trade_dyad_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode1);
    free(t->ccode2);
    free(t->year);
    free(t->flow1);
    free(t->flow2);
    free(t->smooth1);
    free(t->smooth2);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

/* Does the file start with the gzip magic bytes 1f 8b? -1 if it cannot be
 * opened. For a gzip file, *isize gets its trailer's ISIZE (the uncompressed
 * size modulo 2^32; only a hint: concatenated members make it wrong). */
static int is_gzip(const char *path, size_t *isize)
{
    *isize = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        return -1;
    }
    unsigned char m[4] = {0, 0, 0, 0};
    size_t got = fread(m, 1, 2, f);
    int gz = got == 2 && m[0] == 0x1f && m[1] == 0x8b;
    if (gz && fseek(f, -4, SEEK_END) == 0 && fread(m, 1, 4, f) == 4) {
        *isize = (size_t)m[0] | (size_t)m[1] << 8 | (size_t)m[2] << 16 | (size_t)m[3] << 24;
    }
    fclose(f);
    return gz;
}

/* Inflate a whole gzip file into a malloc'd buffer. */
static shi_status gunzip_file(const char *path, size_t hint, char **data, size_t *len, shi_err *err)
{
    *data = NULL;
    *len = 0;
    gzFile gz = gzopen(path, "rb");
    if (!gz) {
        return shi_err_set_at(err, SHI_EIO, path, 0, 0, "cannot open for reading: %s",
                              strerror(errno));
    }
    gzbuffer(gz, 1u << 18);
    /* One allocation when the size hint is right: + 1 MiB so that the loop's
     * headroom test does not grow the buffer before the end is seen. */
    size_t cap = (hint > 0 && hint < ((size_t)1 << 31) ? hint : (size_t)1 << 24) + (1u << 20),
           n = 0;
    char *buf = malloc(cap);
    shi_status s = SHI_OK;
    for (;;) {
        if (!buf) {
            s = shi_err_set_at(err, SHI_EIO, path, 0, 0, "out of memory inflating the file");
            break;
        }
        if (cap - n < (1u << 20)) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                continue;
            }
            buf = nb;
            cap *= 2;
        }
        size_t want = cap - n;
        if (want > (1u << 30)) {
            want = 1u << 30;
        }
        int r = gzread(gz, buf + n, (unsigned)want);
        /* A truncated stream ends with r == 0 and Z_BUF_ERROR, not r < 0. */
        int zerr = Z_OK;
        const char *m = r <= 0 ? gzerror(gz, &zerr) : NULL;
        if (r < 0 || (r == 0 && (zerr != Z_OK || !gzeof(gz)))) {
            /* Corrupt or cut input is bad data (exit 1), not an I/O error;
             * zlib's message starts with the path, which the error names
             * already. The position is where inflating stopped. */
            size_t plen = strlen(path);
            if (m && strncmp(m, path, plen) == 0 && strncmp(m + plen, ": ", 2) == 0) {
                m += plen + 2;
            }
            s = shi_err_set_at(err, SHI_EDATA, path, 0, 0,
                               "corrupt gzip data at compressed byte %ld (%zu bytes inflated): %s",
                               (long)gzoffset(gz), n + (size_t)(r > 0 ? r : 0),
                               m && *m && zerr != Z_OK ? m : "truncated file");
            break;
        }
        if (r == 0) {
            break;
        }
        n += (size_t)r;
        if ((unsigned long long)n > SHI_CSV_MAX_BYTES) {
            s = shi_err_set_at(err, SHI_EDATA, path, 0, 0,
                               "inflates to more than %llu GiB: not a data file shi reads",
                               SHI_CSV_MAX_BYTES >> 30);
            break;
        }
    }
    gzclose(gz);
    if (s != SHI_OK) {
        free(buf);
        return s;
    }
    *data = buf;
    *len = n;
    return SHI_OK;
}

shi_status shi_io_read_cow_trade_dyadic(const char *path, shi_trade_dyad_table *out, shi_err *err)
{
    enum { C_C1, C_C2, C_YEAR, NCOLS = 7 };
    const shi_i_col cols[NCOLS] = {
        COW("ccode1", out->ccode1),
        COW("ccode2", out->ccode2),
        YEAR(out->year),
        FLOW("flow1", out->flow1),
        FLOW("flow2", out->flow2),
        FLOW("smoothflow1", out->smooth1),
        FLOW("smoothflow2", out->smooth2),
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_C1, NULL, 0};
    shi_csv_opts o = {0};
    o.missing = trade_na;
    shi_i_reader rd;
    char *data = NULL;
    size_t len = 0;
    shi_status s;
    size_t isize = 0;
    if (is_gzip(path, &isize) == 1) {
        if ((s = gunzip_file(path, isize, &data, &len, err)) != SHI_OK) {
            return s;
        }
        s = shi_i_open_mem(&rd, path, data, len, &o, cols, NCOLS, &dest, err);
        /* Reserve all rows at once: one line per row after the header. */
        size_t lines = 0;
        for (const char *p = data, *end = data + len; (p = memchr(p, '\n', (size_t)(end - p)));
             p++) {
            lines++;
        }
        if (s == SHI_OK && lines > 0) {
            s = shi_i_reserve(&rd, out->n + lines, err);
        }
    } else {
        s = shi_i_open(&rd, path, &o, cols, NCOLS, &dest, err);
    }
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, C_C1, C_YEAR, err)) != SHI_OK) {
            break;
        }
        if (rd.iv[C_C2] <= rd.iv[C_C1]) {
            s = shi_i_bad(&rd, C_C2, "expected a COW code greater than ccode1 (non-directed file)",
                          err);
            break;
        }
        if ((s = shi_i_parse(&rd, C_YEAR, NCOLS, err)) != SHI_OK) {
            break;
        }
        shi_i_commit(&rd);
    }
    s = shi_i_close(&rd, s, err);
    free(data);
    return s;
}
