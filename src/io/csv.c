/*
 * csv.c - streaming delimited-text reader (RFC 4180) with positions in errors.
 *
 * The reader pulls 64 KiB blocks from the file (or walks a memory buffer),
 * copies each record's fields into one growing buffer, NUL-terminated, and
 * remembers where each field started (line, column in bytes, both 1-based).
 * Like SQLite's ext/misc/csv.c it keeps the line on which a quoted field opened,
 * so an unterminated quote is reported where it began, not at end of file.
 */
#include <shi/csv.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/bytes.h"
#include "../core/mem.h"

#define IBUF_SIZE 65536

struct shi_csv {
    FILE *fp;                 /* file being read, or NULL for memory input */
    const unsigned char *mem; /* memory input */
    size_t memlen;            /* its length */
    unsigned char *ibuf;      /* input block (file input) */
    size_t ilen, ipos;        /* bytes in ibuf, next byte */
    int eof;                  /* no more input */
    unsigned long long total; /* bytes read from the file so far */
    int too_big;              /* the file is longer than SHI_CSV_MAX_BYTES */
    char name[256];           /* name used in messages */
    shi_csv_opts opts;        /* options (missing codes are borrowed) */
    long line, col;           /* position of the next byte */
    char *rbuf;               /* fields of the current record, NUL-terminated */
    size_t rlen, rcap;
    size_t *fstart;     /* offset of each field in rbuf */
    long *fline, *fcol; /* where each field starts */
    size_t nf, fcap;    /* fields in the record, capacity of the arrays */
    long rec_line;      /* line where the record starts */
    char *hbuf;         /* header names, NUL-separated */
    size_t *hstart;     /* offset of each header name */
    size_t nh;          /* header columns */
    long header_line;   /* line of the header */
};

static const char *const default_missing[] = {"", NULL};

static int fill(shi_csv *c)
{
    if (c->eof) {
        return 0;
    }
    if (!c->fp) {
        c->eof = 1;
        return 0;
    }
    c->ilen = fread(c->ibuf, 1, IBUF_SIZE, c->fp);
    c->ipos = 0;
    c->total += c->ilen;
    if (c->total > SHI_CSV_MAX_BYTES) {
        c->too_big = 1;
        c->ilen = 0;
    }
    if (c->ilen == 0) {
        c->eof = 1;
        return 0;
    }
    return 1;
}

static int peekb(shi_csv *c)
{
    if (c->ipos >= c->ilen && !fill(c)) {
        return EOF;
    }
    return c->fp ? c->ibuf[c->ipos] : c->mem[c->ipos];
}

static int getb(shi_csv *c)
{
    int b = peekb(c);
    if (b == EOF) {
        return EOF;
    }
    c->ipos++;
    if (b == '\n') {
        c->line++;
        c->col = 1;
    } else {
        c->col++;
    }
    return b;
}

static shi_status io_error(shi_csv *c, shi_err *err)
{
    if (c->fp && ferror(c->fp)) {
        return shi_err_set_at(err, SHI_EIO, c->name, 0, 0, "read error: %s", strerror(errno));
    }
    if (c->too_big || (!c->fp && c->memlen > SHI_CSV_MAX_BYTES)) {
        return shi_err_set_at(err, SHI_EDATA, c->name, c->line, c->col,
                              "file longer than %llu GiB: not a data file shi reads",
                              SHI_CSV_MAX_BYTES >> 30);
    }
    return SHI_OK;
}

/* Add a byte to the record: 0, -1 out of memory, -2 past SHI_CSV_MAX_RECORD. */
static int append(shi_csv *c, unsigned char b)
{
    if (c->rlen >= SHI_CSV_MAX_RECORD) {
        return -2;
    }
    if (SHI_GROW(c->rbuf, c->rcap, c->rlen + 2) != 0) {
        return -1;
    }
    if (c->opts.latin1 && b >= 0x80) {
        /* Latin-1 code points U+0080..U+00FF take two bytes in UTF-8. */
        if (SHI_GROW(c->rbuf, c->rcap, c->rlen + 3) != 0) {
            return -1;
        }
        c->rbuf[c->rlen++] = (char)(0xC0 | (b >> 6));
        c->rbuf[c->rlen++] = (char)(0x80 | (b & 0x3F));
        return 0;
    }
    c->rbuf[c->rlen++] = (char)b;
    return 0;
}

/* Copy the run of plain bytes that follows in the current block (no
 * delimiter, line end, NUL, and ASCII when the input is Latin-1) into the
 * record at once: byte-by-byte getb/append was half the time of loading the
 * embedded data. Lines do not change inside such a run, only the column.
 * 0, or append's error codes. */
static int plain_run(shi_csv *c, unsigned char delim)
{
    const unsigned char *p = c->fp ? c->ibuf : c->mem;
    size_t i = c->ipos;
    while (i < c->ilen) {
        unsigned char b = p[i];
        if (b == delim || b == '\n' || b == '\r' || b == 0 || (c->opts.latin1 && b >= 0x80)) {
            break;
        }
        i++;
    }
    size_t k = i - c->ipos;
    if (k == 0) {
        return 0;
    }
    if (c->rlen + k >= SHI_CSV_MAX_RECORD) {
        return -2;
    }
    if (SHI_GROW(c->rbuf, c->rcap, c->rlen + k + 2) != 0) {
        return -1;
    }
    memcpy(c->rbuf + c->rlen, p + c->ipos, k);
    c->rlen += k;
    c->ipos = i;
    c->col += (long)k;
    return 0;
}

/* Room for `need` fields in fstart, fline and fcol (they share one capacity). */
static int grow_fields(shi_csv *c, size_t need)
{
    if (need <= c->fcap) {
        return 0;
    }
    size_t cap = c->fcap ? 2 * c->fcap : 32;
    while (cap < need) {
        cap *= 2;
    }
    size_t *s = realloc(c->fstart, cap * sizeof *s);
    if (!s) {
        return -1;
    }
    c->fstart = s;
    long *l = realloc(c->fline, cap * sizeof *l);
    if (!l) {
        return -1;
    }
    c->fline = l;
    long *k = realloc(c->fcol, cap * sizeof *k);
    if (!k) {
        return -1;
    }
    c->fcol = k;
    c->fcap = cap;
    return 0;
}

static int start_field(shi_csv *c)
{
    if (grow_fields(c, c->nf + 1) != 0) {
        return -1;
    }
    c->fstart[c->nf] = c->rlen;
    c->fline[c->nf] = c->line;
    c->fcol[c->nf] = c->col;
    c->nf++;
    return 0;
}

/* The next record when it is a whole line of the current block that needs
 * none of read_record's work: not blank, and no quote, CR, NUL or non-ASCII
 * byte (so no quoting, no line-end variants, nothing to validate as UTF-8 or
 * convert from Latin-1). It is split at the delimiters in two passes over
 * the line; read_record's byte-at-a-time loop cost about 70 instructions a
 * byte, most of the time of loading the embedded data. The fields, their
 * positions and the state after the line are the ones read_record gives.
 * 1: read; 2: passed over (opts.skip); 0: not such a line (nothing
 * consumed); -1: out of memory. */
static int fast_line(shi_csv *c, unsigned char delim)
{
    const unsigned char *p = (c->fp ? c->ibuf : c->mem) + c->ipos;
    size_t avail = c->ilen - c->ipos;
    const unsigned char *nl = memchr(p, '\n', avail);
    if (!nl || nl == p || (size_t)(nl - p) >= SHI_CSV_MAX_RECORD) {
        return 0;
    }
    size_t n = (size_t)(nl - p), nf = 1;
    if (c->opts.skip && c->opts.skip((const char *)p, n, c->opts.skip_arg)) {
        c->ipos += n + 1;
        c->line++;
        c->col = 1;
        return 2;
    }
    /* Eight bytes at a time (core/bytes.h): a quote, CR, NUL or a byte
     * >= 0x80 sends the line to read_record; delimiters are counted. */
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, sizeof w);
        uint64_t bad = shi_i_eq_bytes(w, '"') | shi_i_eq_bytes(w, '\r') | shi_i_eq_bytes(w, 0) |
                       (w & 0x8080808080808080ull);
        if (bad) {
            return 0;
        }
        uint64_t d = shi_i_eq_bytes(w, delim);
        while (d) {
            nf++;
            d &= d - 1;
        }
    }
    for (; i < n; i++) {
        unsigned char b = p[i];
        if (b == '"' || b == '\r' || b == 0 || b >= 0x80) {
            return 0;
        }
        nf += b == delim;
    }
    /* Room for a whole last word of the split below. */
    if (SHI_GROW(c->rbuf, c->rcap, n + 8) != 0 || grow_fields(c, nf) != 0) {
        return -1;
    }
    memcpy(c->rbuf, p, n);
    memset(c->rbuf + n, 0, 8);
    c->rec_line = c->line;
    c->fstart[0] = 0;
    c->fline[0] = c->line;
    c->fcol[0] = c->col;
    size_t k = 1;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* The delimiters eight bytes at a time, lowest address first. */
    for (i = 0; k < nf; i += 8) {
        uint64_t w;
        memcpy(&w, c->rbuf + i, sizeof w);
        for (uint64_t d = shi_i_eq_bytes(w, delim); d && k < nf; d &= d - 1) {
            size_t at = i + (size_t)__builtin_ctzll(d) / 8;
            c->rbuf[at] = '\0';
            c->fstart[k] = at + 1;
            c->fline[k] = c->line;
            c->fcol[k] = c->col + (long)at + 1;
            k++;
        }
    }
#else
    for (i = 0; k < nf; i++) {
        if (c->rbuf[i] == (char)delim) {
            c->rbuf[i] = '\0';
            c->fstart[k] = i + 1;
            c->fline[k] = c->line;
            c->fcol[k] = c->col + (long)i + 1;
            k++;
        }
    }
#endif
    c->nf = nf;
    c->rlen = n + 1;
    c->ipos += n + 1;
    c->line++;
    c->col = 1;
    return 1;
}

/* Length of the valid UTF-8 prefix of s (strict: no overlongs, no surrogates). */
static size_t utf8_valid_prefix(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char b = s[i];
        size_t k;
        unsigned int cp;
        if (b < 0x80) {
            i++;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            k = 1;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            k = 2;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            k = 3;
            cp = b & 0x07;
        } else {
            return i;
        }
        if (i + k >= n) { /* truncated sequence */
            return i;
        }
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) {
                return i;
            }
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return i;
        }
        i += k + 1;
    }
    return n;
}

static shi_status oom(shi_csv *c, shi_err *err)
{
    return shi_err_set_at(err, SHI_EIO, c->name, c->line, 0, "out of memory");
}

/* append() failed with r: out of memory, or a record too long. */
static shi_status append_failed(shi_csv *c, int r, shi_err *err)
{
    if (r == -1) {
        return oom(c, err);
    }
    return shi_err_set_at(err, SHI_EDATA, c->name, c->rec_line, 1,
                          "record longer than %zu MiB (binary data, or no line ends?)",
                          SHI_CSV_MAX_RECORD >> 20);
}

static shi_status nul_byte(shi_csv *c, shi_err *err)
{
    return shi_err_set_at(err, SHI_EDATA, c->name, c->line, c->col - 1,
                          "binary data (a NUL byte) in a text file");
}

/* Read one raw record into rbuf/fstart. *got = 0 at end of input. */
static shi_status read_record(shi_csv *c, int *got, shi_err *err)
{
    const unsigned char delim = (unsigned char)(c->opts.delim ? c->opts.delim : ',');
    for (;;) {
        c->nf = 0;
        c->rlen = 0;
        int b = peekb(c);
        if (b == EOF) {
            *got = 0;
            return io_error(c, err);
        }
        int fast = fast_line(c, delim);
        if (fast == 2) {
            continue;
        }
        if (fast != 0) {
            if (fast < 0) {
                return oom(c, err);
            }
            *got = 1;
            return SHI_OK;
        }
        c->rec_line = c->line;
        int quoted_any = 0;
        for (;;) { /* one field per iteration */
            if (start_field(c) != 0) {
                return oom(c, err);
            }
            long fl = c->line, fc = c->col;
            b = getb(c);
            if (b == '"') {
                quoted_any = 1;
                for (;;) {
                    b = getb(c);
                    if (b == EOF) {
                        shi_status s = io_error(c, err);
                        if (s != SHI_OK) {
                            return s;
                        }
                        return shi_err_set_at(err, SHI_EDATA, c->name, fl, fc,
                                              "unterminated quoted field (the file ends inside "
                                              "the quotes opened here)");
                    }
                    if (b == '"') {
                        if (peekb(c) == '"') {
                            getb(c);
                        } else {
                            break;
                        }
                    } else if (b == 0) {
                        return nul_byte(c, err);
                    }
                    int r = append(c, (unsigned char)b);
                    if (r != 0) {
                        return append_failed(c, r, err);
                    }
                }
                b = getb(c);
                if (b == '\r' && (peekb(c) == '\n' || peekb(c) == EOF)) {
                    b = getb(c); /* CRLF, or a final CR at the end of the file */
                }
                if (b != EOF && b != '\n' && b != delim) {
                    return shi_err_set_at(err, SHI_EDATA, c->name, c->line, c->col - 1,
                                          "unexpected character '%c' after a closing quote",
                                          b >= 0x20 && b < 0x7F ? b : '?');
                }
            } else {
                while (b != EOF && b != '\n' && b != delim) {
                    if (b == '\r' && peekb(c) == '\n') {
                        b = getb(c);
                        break;
                    }
                    if (b == 0) {
                        return nul_byte(c, err);
                    }
                    int r = append(c, (unsigned char)b);
                    if (r != 0) {
                        return append_failed(c, r, err);
                    }
                    r = plain_run(c, delim);
                    if (r != 0) {
                        return append_failed(c, r, err);
                    }
                    b = getb(c);
                }
            }
            if (SHI_GROW(c->rbuf, c->rcap, c->rlen + 1) != 0) {
                return oom(c, err);
            }
            c->rbuf[c->rlen++] = '\0';
            if (!c->opts.latin1) {
                const unsigned char *f = (const unsigned char *)c->rbuf + c->fstart[c->nf - 1];
                size_t n = c->rlen - 1 - c->fstart[c->nf - 1];
                size_t ok = utf8_valid_prefix(f, n);
                if (ok != n) {
                    return shi_err_set_at(err, SHI_EDATA, c->name, fl, fc,
                                          "invalid UTF-8 (byte 0x%02X at offset %zu of the "
                                          "field); binary data, or a Latin-1 file?",
                                          f[ok], ok + 1);
                }
            }
            if (b == delim) {
                continue;
            }
            break; /* end of line or end of input */
        }
        if (b == EOF) {
            shi_status s = io_error(c, err);
            if (s != SHI_OK) {
                return s;
            }
        }
        /* A blank line is no record. */
        if (c->nf == 1 && c->rbuf[0] == '\0' && !quoted_any) {
            if (b == EOF) {
                *got = 0;
                return SHI_OK;
            }
            continue;
        }
        *got = 1;
        return SHI_OK;
    }
}

static shi_status begin(shi_csv *c, shi_err *err)
{
    if (c->fp && !fill(c)) {
        shi_status s = io_error(c, err);
        if (s != SHI_OK) {
            return s;
        }
    }
    /* Skip a UTF-8 byte-order mark. */
    const unsigned char *p = c->fp ? c->ibuf : c->mem;
    size_t n = c->fp ? c->ilen : c->memlen;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        c->ipos = 3;
    }
    for (long k = 0; k < c->opts.skip_lines; k++) {
        int b;
        size_t len = 0;
        c->rec_line = c->line;
        while ((b = getb(c)) != EOF && b != '\n') {
            if (b == 0) {
                return nul_byte(c, err);
            }
            if (++len > SHI_CSV_MAX_RECORD) {
                return append_failed(c, -2, err);
            }
        }
        if (b == EOF) {
            shi_status s = io_error(c, err);
            if (s != SHI_OK) {
                return s;
            }
            return shi_err_set_at(err, SHI_EDATA, c->name, c->line, 0,
                                  "file ends inside its %ld-line preamble", c->opts.skip_lines);
        }
    }
    if (c->opts.no_header) {
        return SHI_OK;
    }
    int got = 0;
    shi_status s = read_record(c, &got, err);
    if (s != SHI_OK) {
        return s;
    }
    if (!got) {
        return shi_err_set_at(err, SHI_EDATA, c->name, c->line, 0,
                              "empty file: expected a header line");
    }
    c->header_line = c->rec_line;
    c->hbuf = malloc(c->rlen ? c->rlen : 1);
    c->hstart = malloc(c->nf * sizeof *c->hstart);
    if (!c->hbuf || !c->hstart) {
        return oom(c, err);
    }
    memcpy(c->hbuf, c->rbuf, c->rlen);
    memcpy(c->hstart, c->fstart, c->nf * sizeof *c->hstart);
    c->nh = c->nf;
    c->nf = 0;
    return SHI_OK;
}

static shi_status make(shi_csv **out, const char *name, const shi_csv_opts *opts, shi_csv **cp,
                       shi_err *err)
{
    *out = NULL;
    shi_csv *c = calloc(1, sizeof *c);
    if (!c) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    snprintf(c->name, sizeof c->name, "%s", name ? name : "<input>");
    if (opts) {
        c->opts = *opts;
    }
    if (!c->opts.missing) {
        c->opts.missing = default_missing;
    }
    c->line = c->opts.first_line > 0 ? c->opts.first_line : 1;
    c->col = 1;
    *cp = c;
    return SHI_OK;
}

shi_status shi_csv_open(shi_csv **out, const char *path, const shi_csv_opts *opts, shi_err *err)
{
    shi_csv *c = NULL;
    shi_status s = make(out, path, opts, &c, err);
    if (s != SHI_OK) {
        return s;
    }
    c->fp = fopen(path, "rb");
    if (!c->fp) {
        s = shi_err_set_at(err, SHI_EIO, path, 0, 0, "cannot open for reading: %s",
                           strerror(errno));
        shi_csv_free(c);
        return s;
    }
    c->ibuf = malloc(IBUF_SIZE);
    if (!c->ibuf) {
        shi_csv_free(c);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    s = begin(c, err);
    if (s != SHI_OK) {
        shi_csv_free(c);
        return s;
    }
    *out = c;
    return SHI_OK;
}

shi_status shi_csv_open_mem(shi_csv **out, const char *name, const void *data, size_t len,
                            const shi_csv_opts *opts, shi_err *err)
{
    shi_csv *c = NULL;
    shi_status s = make(out, name, opts, &c, err);
    if (s != SHI_OK) {
        return s;
    }
    c->mem = data;
    c->memlen = len;
    c->ilen = len;
    s = begin(c, err);
    if (s != SHI_OK) {
        shi_csv_free(c);
        return s;
    }
    *out = c;
    return SHI_OK;
}

void shi_csv_free(shi_csv *c)
{
    if (!c) {
        return;
    }
    if (c->fp) {
        fclose(c->fp);
    }
    free(c->ibuf);
    free(c->rbuf);
    free(c->fstart);
    free(c->fline);
    free(c->fcol);
    free(c->hbuf);
    free(c->hstart);
    free(c);
}

shi_status shi_csv_next(shi_csv *c, int *got, shi_err *err)
{
    shi_status s = read_record(c, got, err);
    if (s != SHI_OK || !*got) {
        return s;
    }
    if (c->nh > 0 && !c->opts.ragged && c->nf != c->nh) {
        size_t last = c->nf - 1;
        return shi_err_set_at(err, SHI_EDATA, c->name, c->fline[last], c->fcol[last],
                              "expected %zu fields as in the header, got %zu%s", c->nh, c->nf,
                              c->nf < c->nh ? " (truncated line?)" : "");
    }
    return SHI_OK;
}

size_t shi_csv_nfields(const shi_csv *c)
{
    return c->nf;
}

const char *shi_csv_record(const shi_csv *c, size_t *len)
{
    *len = c->nf ? c->rlen : 0;
    return c->rbuf;
}

const char *shi_csv_field(const shi_csv *c, size_t i)
{
    return i < c->nf ? c->rbuf + c->fstart[i] : "";
}

long shi_csv_line(const shi_csv *c)
{
    return c->rec_line;
}

void shi_csv_field_pos(const shi_csv *c, size_t i, long *line, long *col)
{
    if (i < c->nf) {
        *line = c->fline[i];
        *col = c->fcol[i];
    } else {
        *line = c->rec_line;
        *col = 0;
    }
}

const char *shi_csv_name(const shi_csv *c)
{
    return c->name;
}

size_t shi_csv_ncols(const shi_csv *c)
{
    return c->nh;
}

const char *shi_csv_colname(const shi_csv *c, size_t i)
{
    return i < c->nh ? c->hbuf + c->hstart[i] : "";
}

long shi_csv_find(const shi_csv *c, const char *name)
{
    for (size_t i = 0; i < c->nh; i++) {
        if (strcmp(c->hbuf + c->hstart[i], name) == 0) {
            return (long)i;
        }
    }
    return -1;
}

shi_status shi_csv_require(const shi_csv *c, const char *const *names, size_t n, long *idx,
                           shi_err *err)
{
    for (size_t k = 0; k < n; k++) {
        idx[k] = shi_csv_find(c, names[k]);
        if (idx[k] < 0) {
            return shi_err_set_at(err, SHI_EDATA, c->name, c->header_line ? c->header_line : 1, 1,
                                  "missing column '%s' in the header", names[k]);
        }
    }
    return SHI_OK;
}

int shi_csv_is_missing(const shi_csv *c, size_t i)
{
    const char *f = shi_csv_field(c, i);
    for (const char *const *m = c->opts.missing; *m; m++) {
        /* The first byte decides most comparisons without a call. */
        if (f[0] == (*m)[0] && strcmp(f, *m) == 0) {
            return 1;
        }
    }
    return 0;
}

shi_status shi_csv_field_error(const shi_csv *c, size_t i, shi_err *err, const char *what)
{
    long line, col;
    shi_csv_field_pos(c, i, &line, &col);
    const char *f = shi_csv_field(c, i);
    char shown[64];
    size_t n = strlen(f);
    if (n > 40) {
        snprintf(shown, sizeof shown, "%.40s...", f);
    } else {
        snprintf(shown, sizeof shown, "%s", f);
    }
    if (c->nh > 0 && i < c->nh) {
        return shi_err_set_at(err, SHI_EDATA, c->name, line, col, "%s in column '%s', got '%s'",
                              what, shi_csv_colname(c, i), shown);
    }
    return shi_err_set_at(err, SHI_EDATA, c->name, line, col, "%s in field %zu, got '%s'", what,
                          i + 1, shown);
}

shi_status shi_csv_int(const shi_csv *c, size_t i, int64_t *v, int *missing, shi_err *err)
{
    *missing = 0;
    if (shi_csv_is_missing(c, i)) {
        *missing = 1;
        *v = 0;
        return SHI_OK;
    }
    const char *f = shi_csv_field(c, i);
    /* Up to 18 digits with an optional sign cannot overflow: read them here
     * (strtoll was a twentieth of loading the embedded data); longer or
     * stranger text goes to strtoll and its checks. */
    const char *p = f + (f[0] == '-' || f[0] == '+');
    int64_t w = 0;
    size_t nd = 0;
    for (; nd < 18 && p[nd] >= '0' && p[nd] <= '9'; nd++) {
        w = w * 10 + (p[nd] - '0');
    }
    if (nd > 0 && p[nd] == '\0') {
        *v = f[0] == '-' ? -w : w;
        return SHI_OK;
    }
    char *end = NULL;
    errno = 0;
    long long x = strtoll(f, &end, 10);
    /* strtoll skips leading white space: a data value may not start with it. */
    if (f[0] == '\0' || *end != '\0' || errno == ERANGE || isspace((unsigned char)f[0])) {
        return shi_csv_field_error(c, i, err, "expected an integer");
    }
    *v = (int64_t)x;
    return SHI_OK;
}

/* Clinger's (1990) fast path: a plain decimal whose digits w are at most
 * 2^53 and whose power of ten is within 10^-22..10^22 is w * 10^e or
 * w / 10^-e, with w and 10^|e| exact doubles, so one correctly rounded IEEE
 * operation gives the correctly rounded value: the double strtod gives.
 * Anything else (more digits, larger exponents, anything not plain) returns
 * 0 and goes to strtod. strtod was a seventh of loading the embedded data.
 * W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990. */
static int fast_decimal(const char *p, double *out)
{
    static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    int neg = *p == '-';
    p += *p == '-' || *p == '+';
    uint64_t w = 0;
    int sig = 0, frac = 0, seen = 0, e = 0;
    for (int part = 0; part < 2; part++) {
        for (; *p >= '0' && *p <= '9'; p++, seen = 1) {
            if ((w || *p != '0') && ++sig > 19) {
                return 0;
            }
            w = w * 10 + (uint64_t)(*p - '0');
            frac += part;
        }
        if (part == 0 && *p == '.') {
            p++;
        } else {
            break;
        }
    }
    if (!seen) {
        return 0;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        int eneg = *p == '-';
        p += *p == '-' || *p == '+';
        if (*p < '0' || *p > '9') {
            return 0;
        }
        for (; *p >= '0' && *p <= '9'; p++) {
            if ((e = e * 10 + (*p - '0')) > 400) {
                return 0;
            }
        }
        e = eneg ? -e : e;
    }
    int ex = e - frac;
    /* Up to 19 digits fit w without overflow; shi's files write 15-17
     * (shortest round trip), and most 16-digit values are below 2^53. */
    if (*p != '\0' || ex < -22 || ex > 22 || w > (UINT64_C(1) << 53)) {
        return 0;
    }
    double x = (double)w;
    x = ex < 0 ? x / p10[-ex] : x * p10[ex];
    *out = neg ? -x : x;
    return 1;
}

shi_status shi_csv_real(const shi_csv *c, size_t i, double *v, int *missing, shi_err *err)
{
    *missing = 0;
    if (shi_csv_is_missing(c, i)) {
        *missing = 1;
        *v = (double)NAN;
        return SHI_OK;
    }
    const char *f = shi_csv_field(c, i);
    if (fast_decimal(f, v)) {
        return SHI_OK;
    }
    char *end = NULL;
    errno = 0;
    double x = strtod(f, &end);
    /* strtod accepts "nan", "inf" and hex floats: data files must hold plain decimals. */
    int plain = f[0] != '\0' && strpbrk(f, "nNiIxX") == NULL && !isspace((unsigned char)f[0]);
    if (!plain || *end != '\0' || !isfinite(x)) {
        return shi_csv_field_error(c, i, err, "expected a number");
    }
    *v = x;
    return SHI_OK;
}
