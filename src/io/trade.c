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
#include <shi/io_more.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "../core/mem.h"
#include "fields.h"

static const char *const trade_na[] = {"", "NA", "-9", NULL};

/* A flow in million USD: >= 0, or missing (NaN) for "", "NA" and -9. */
static shi_status flow_at(const shi_csv *csv, long i, double *v, shi_err *err)
{
    int64_t x;
    if (shi_i_plain_int(shi_csv_field(csv, (size_t)i), &x, 9)) {
        *v = (double)x;
    } else {
        int miss = 0;
        shi_status s = shi_csv_real(csv, (size_t)i, v, &miss, err);
        if (s != SHI_OK) {
            return s;
        }
        if (miss) {
            *v = (double)NAN;
            return SHI_OK;
        }
    }
    if (*v == -9.0) {
        *v = (double)NAN;
    } else if (*v < 0) {
        return shi_csv_field_error(csv, (size_t)i, err,
                                   "expected a trade flow (0 or more) or -9 for missing");
    }
    return SHI_OK;
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

static int reserve_nat(shi_trade_nat_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {SHI_COL_REF(t->ccode),   SHI_COL_REF(t->year),
                                SHI_COL_REF(t->imports), SHI_COL_REF(t->exports),
                                SHI_COL_REF(t->line),    SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

shi_status shi_io_read_cow_trade_national(const char *path, shi_trade_nat_table *out, shi_err *err)
{
    enum { C_CCODE, C_YEAR, C_IMP, C_EXP, NCOLS };
    static const char *const cols[NCOLS] = {"ccode", "year", "imports", "exports"};
    shi_csv_opts o = {0};
    o.missing = trade_na;
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, &o, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[NCOLS];
    s = shi_csv_require(csv, cols, NCOLS, idx, err);
    size_t first = out->n;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (reserve_nat(out, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        size_t r = out->n;
        int64_t cc, yr;
        if ((s = shi_i_int_in(csv, idx[C_CCODE], 1, 999, "expected a COW code 1-999", &cc, err)) !=
                SHI_OK ||
            (s = shi_i_int_in(csv, idx[C_YEAR], 1800, 2100, "expected a year 1800-2100", &yr,
                              err)) != SHI_OK ||
            (s = flow_at(csv, idx[C_IMP], &out->imports[r], err)) != SHI_OK ||
            (s = flow_at(csv, idx[C_EXP], &out->exports[r], err)) != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_CCODE], &line, &col);
        out->ccode[r] = (int32_t)cc;
        out->year[r] = (int32_t)yr;
        out->line[r] = (int32_t)line;
        out->col[r] = (int32_t)col;
        out->n++;
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, path, 2, 0, "no records after the header");
    }
    shi_csv_free(csv);
    return s;
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

static int reserve_dyad(shi_trade_dyad_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {
        SHI_COL_REF(t->ccode1),  SHI_COL_REF(t->ccode2), SHI_COL_REF(t->year),
        SHI_COL_REF(t->flow1),   SHI_COL_REF(t->flow2),  SHI_COL_REF(t->smooth1),
        SHI_COL_REF(t->smooth2), SHI_COL_REF(t->line),   SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
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
    enum { C_C1, C_C2, C_YEAR, C_F1, C_F2, C_S1, C_S2, NCOLS };
    static const char *const cols[NCOLS] = {"ccode1", "ccode2",      "year",       "flow1",
                                            "flow2",  "smoothflow1", "smoothflow2"};
    shi_csv_opts o = {0};
    o.missing = trade_na;
    shi_csv *csv = NULL;
    char *data = NULL;
    size_t len = 0;
    shi_status s;
    size_t isize = 0;
    if (is_gzip(path, &isize) == 1) {
        if ((s = gunzip_file(path, isize, &data, &len, err)) != SHI_OK) {
            return s;
        }
        /* Reserve all rows at once: one line per row after the header. */
        size_t lines = 0;
        for (const char *p = data, *end = data + len; (p = memchr(p, '\n', (size_t)(end - p)));
             p++) {
            lines++;
        }
        if (lines > 0 && reserve_dyad(out, out->n + lines) != 0) {
            free(data);
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        s = shi_csv_open_mem(&csv, path, data, len, &o, err);
    } else {
        s = shi_csv_open(&csv, path, &o, err);
    }
    if (s != SHI_OK) {
        free(data);
        return s;
    }
    long idx[NCOLS];
    s = shi_csv_require(csv, cols, NCOLS, idx, err);
    size_t first = out->n;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (reserve_dyad(out, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        size_t r = out->n;
        int64_t c1, c2, yr;
        if ((s = shi_i_int_in(csv, idx[C_C1], 1, 999, "expected a COW code 1-999", &c1, err)) !=
                SHI_OK ||
            (s = shi_i_int_in(csv, idx[C_C2], 1, 999, "expected a COW code 1-999", &c2, err)) !=
                SHI_OK) {
            break;
        }
        if (c2 <= c1) {
            s = shi_csv_field_error(csv, (size_t)idx[C_C2], err,
                                    "expected a COW code greater than ccode1 (non-directed file)");
            break;
        }
        if ((s = shi_i_int_in(csv, idx[C_YEAR], 1800, 2100, "expected a year 1800-2100", &yr,
                              err)) != SHI_OK ||
            (s = flow_at(csv, idx[C_F1], &out->flow1[r], err)) != SHI_OK ||
            (s = flow_at(csv, idx[C_F2], &out->flow2[r], err)) != SHI_OK ||
            (s = flow_at(csv, idx[C_S1], &out->smooth1[r], err)) != SHI_OK ||
            (s = flow_at(csv, idx[C_S2], &out->smooth2[r], err)) != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_C1], &line, &col);
        out->ccode1[r] = (int32_t)c1;
        out->ccode2[r] = (int32_t)c2;
        out->year[r] = (int32_t)yr;
        out->line[r] = (int32_t)line;
        out->col[r] = (int32_t)col;
        out->n++;
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, path, 2, 0, "no records after the header");
    }
    shi_csv_free(csv);
    free(data);
    return s;
}
