/*
 * frame_text.c - a frame as text: CSV (RFC 4180), TSV, JSON, JSON lines, aligned text.
 *
 * Built for millions of rows: cells are formatted by hand, no printf per cell,
 * into blocks of rows that are formatted on several threads (OpenMP) and
 * written in row order, so the bytes are the same for any thread count and
 * memory holds one block per thread, never the whole text. Machine formats
 * (CSV, TSV, JSON, JSON lines) write reals at full precision, the shortest
 * text that reads back to the same double (shi_fmt_shortest); the terminal
 * table rounds them to the column's decimals by exact integer arithmetic (see
 * shi_frame_fmt_real), which gives the same text as printf("%.*f").
 */
#include <shi/frame_io.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#    include <omp.h>
#endif

#include "aligned.h"

/* The first size of a block's buffer; it grows when a block needs more. */
#define BUF_SIZE (1u << 20)
/* Room one cell needs at most, with its separators: a real with the largest
 * exponent and 17 decimals (< SHI_FRAME_REAL_MAX), or a quoted column name
 * (2 * 32 + 2), plus a JSON key ( ", "name": ) and the row's end. */
#define CELL_MAX (SHI_FRAME_REAL_MAX + 80)

static const char digit_pairs[201] = "00010203040506070809"
                                     "10111213141516171819"
                                     "20212223242526272829"
                                     "30313233343536373839"
                                     "40414243444546474849"
                                     "50515253545556575859"
                                     "60616263646566676869"
                                     "70717273747576777879"
                                     "80818283848586878889"
                                     "90919293949596979899";

/* Powers of ten, exact as doubles. */
static const double pow10_d[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
/* Write v in decimal at p; returns the end. The length is found first so the
 * digits go straight to their place (no variable-length copy). */
static char *put_u64(char *p, uint64_t v)
{
    unsigned n = 1;
    for (uint64_t t = v; t >= 10; t /= 10) {
        n++;
    }
    char *q = p + n;
    while (v >= 100) {
        unsigned i = (unsigned)(v % 100) * 2;
        v /= 100;
        q -= 2;
        memcpy(q, digit_pairs + i, 2);
    }
    if (v >= 10) {
        memcpy(q - 2, digit_pairs + v * 2, 2);
    } else {
        q[-1] = (char)('0' + v);
    }
    return p + n;
}

static char *put_u32(char *p, uint32_t v)
{
    unsigned n = v < 10           ? 1
                 : v < 100        ? 2
                 : v < 1000       ? 3
                 : v < 10000      ? 4
                 : v < 100000     ? 5
                 : v < 1000000    ? 6
                 : v < 10000000   ? 7
                 : v < 100000000  ? 8
                 : v < 1000000000 ? 9
                                  : 10;
    char *q = p + n;
    while (v >= 100) {
        unsigned i = (v % 100) * 2;
        v /= 100;
        q -= 2;
        memcpy(q, digit_pairs + i, 2);
    }
    if (v >= 10) {
        memcpy(q - 2, digit_pairs + v * 2, 2);
    } else {
        q[-1] = (char)('0' + v);
    }
    return p + n;
}

/* r / 10^d and r % 10^d with constant divisors (multiplications, not divisions). */
#define SPLIT_CASE(d, p10)                                                                         \
    case d:                                                                                        \
        *ip = r / (p10);                                                                           \
        return r % (p10)
static uint64_t split10(uint64_t r, int d, uint64_t *ip)
{
    switch (d) {
        SPLIT_CASE(1, 10u);
        SPLIT_CASE(2, 100u);
        SPLIT_CASE(3, 1000u);
        SPLIT_CASE(4, 10000u);
        SPLIT_CASE(5, 100000u);
        SPLIT_CASE(6, 1000000u);
        SPLIT_CASE(7, 10000000u);
        SPLIT_CASE(8, 100000000u);
        SPLIT_CASE(9, 1000000000u);
        SPLIT_CASE(10, 10000000000u);
        SPLIT_CASE(11, 100000000000u);
        SPLIT_CASE(12, 1000000000000u);
        SPLIT_CASE(13, 10000000000000u);
        SPLIT_CASE(14, 100000000000000u);
        SPLIT_CASE(15, 1000000000000000u);
    default:
        *ip = r;
        return 0;
    }
}
#undef SPLIT_CASE

/* An int32 that is not SHI_NA_I32 (so -v cannot overflow). */
static char *put_i32(char *p, int32_t v)
{
    if (v < 0) {
        *p++ = '-';
        return put_u32(p, (uint32_t)(-(int64_t)v));
    }
    return put_u32(p, (uint32_t)v);
}

/*
 * A finite real with `digits` decimals, exactly as printf("%.*f") but never
 * "-0.000". Fast path: with a = |v| and s = 10^digits, x = fl(a * s) and the
 * rounding error e = a*s - x computed exactly by fma, so the true scaled
 * value is x + e. With r = floor(x) (x < 2^49, so x - r is exact), the true
 * fraction is f + e where f = x - r; compare d = f - 1/2 with -e exactly to
 * round half to even. d is exact when f >= 1/4 (Sterbenz); when f < 1/4,
 * |e| <= ulp(x)/2 <= 2^-5 cannot lift the fraction to 1/2, so the rounding
 * direction is right even when d is not exact.
 */
static char *put_real(char *p, double v, int digits)
{
    if (digits >= 0 && digits <= 15) {
        double a = fabs(v);
        double x = a * pow10_d[digits];
        if (x < 0x1p49) {
            uint64_t r = (uint64_t)x;
            double d = (x - (double)r) - 0.5;
            double e = fma(a, pow10_d[digits], -x);
            if (d > -e || (d == -e && (r & 1u))) {
                r++;
            }
            if (r && signbit(v)) {
                *p++ = '-';
            }
            if (digits == 0) {
                return put_u64(p, r);
            }
            uint64_t ip;
            uint64_t fr = split10(r, digits, &ip);
            p = put_u64(p, ip);
            *p++ = '.';
            char *end = p + digits;
            char *q = end;
            int k = digits;
            for (; k >= 2; k -= 2) {
                q -= 2;
                memcpy(q, digit_pairs + (fr % 100) * 2, 2);
                fr /= 100;
            }
            if (k) {
                *--q = (char)('0' + fr % 10);
            }
            return end;
        }
    }
    int n = snprintf(p, SHI_FRAME_REAL_MAX, "%.*f", digits, v);
    if (n < 0) {
        return p;
    }
    if ((size_t)n >= SHI_FRAME_REAL_MAX) {
        n = SHI_FRAME_REAL_MAX - 1; /* cannot happen for digits <= 17 */
    }
    if (p[0] == '-' && strspn(p + 1, "0.") == (size_t)n - 1) {
        memmove(p, p + 1, (size_t)n - 1); /* no "-0.000" */
        n--;
    }
    return p + n;
}

size_t shi_frame_fmt_real(char *buf, double v, int digits)
{
    char *end = buf;
    if (isfinite(v)) {
        end = put_real(buf, v, digits < 0 ? 0 : digits > 17 ? 17 : digits);
    }
    *end = '\0';
    return (size_t)(end - buf);
}

/* ---- the output buffers -------------------------------------------------- */

/* A block of rows is formatted whole into one of these, then written with one
 * fwrite: formatting needs no stream, so blocks can be formatted on several
 * threads and written in order (shi_frame_write_text_threads). The buffer
 * grows to hold its block; blocks are sized to about BLOCK_BYTES. */
typedef struct wbuf {
    char *b;    /* cap bytes */
    size_t n;   /* bytes formatted */
    size_t cap; /* size of b */
    int oom;    /* a realloc failed: the block is lost, the write fails */
} wbuf;

/* A pointer to at least `need` free bytes (need <= BUF_SIZE / 2). On failure
 * to grow the block is dropped (oom set), which leaves room for `need`. */
static char *wroom(wbuf *w, size_t need)
{
    if (w->n + need > w->cap) {
        size_t cap = w->cap * 2;
        while (w->n + need > cap) {
            cap *= 2;
        }
        char *b = realloc(w->b, cap);
        if (!b) {
            w->oom = 1;
            w->n = 0;
            return w->b;
        }
        w->b = b;
        w->cap = cap;
    }
    return w->b + w->n;
}

/* One number cell, no separators; nothing for a missing value. Machine
 * formats write reals at full precision, the terminal table with the
 * column's decimals. */
static char *put_num(char *p, const shi_fcol *c, size_t r, int machine)
{
    if (c->type == SHI_FCOL_I32) {
        int32_t v = c->i32[r];
        return v == SHI_NA_I32 ? p : put_i32(p, v);
    }
    double v = c->f64[r];
    if (!isfinite(v)) {
        return p;
    }
    return machine ? p + shi_fmt_shortest(p, v) : put_real(p, v, c->digits);
}

static void put_byte(wbuf *w, char ch)
{
    *wroom(w, 1) = ch;
    w->n++;
}

static void put_bytes(wbuf *w, const char *s, size_t n)
{
    for (size_t done = 0; done < n;) {
        size_t k = n - done < BUF_SIZE / 2 ? n - done : BUF_SIZE / 2; /* wroom's limit */
        memcpy(wroom(w, k), s + done, k);
        w->n += k;
        done += k;
    }
}

/* Text quoted for its format: RFC 4180 quoting for CSV (only when it holds a
 * delimiter, quote or newline), tabs and newlines as spaces for TSV (it has
 * no quoting), a JSON string for JSON. */
static void put_text(wbuf *w, const char *s, shi_frame_format fmt)
{
    if (fmt == SHI_FF_TSV) {
        for (; *s; s++) {
            put_byte(w, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
        }
    } else if (fmt == SHI_FF_CSV && strpbrk(s, ",\"\n\r") != NULL) {
        put_byte(w, '"');
        for (; *s; s++) {
            if (*s == '"') {
                put_byte(w, '"');
            }
            put_byte(w, *s);
        }
        put_byte(w, '"');
    } else if (fmt == SHI_FF_JSON || fmt == SHI_FF_JSONL) {
        put_byte(w, '"');
        for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
            if (*p == '"' || *p == '\\') {
                put_byte(w, '\\');
                put_byte(w, (char)*p);
            } else if (*p < 0x20 || *p == 0x7f) {
                char esc[8];
                snprintf(esc, sizeof esc, "\\u%04x", *p);
                put_bytes(w, esc, 6);
            } else {
                put_byte(w, (char)*p);
            }
        }
        put_byte(w, '"');
    } else {
        put_bytes(w, s, strlen(s));
    }
}

/* Cell (r, c) as `fmt` writes it; `null_text` for a missing value. */
static void put_cell(wbuf *w, const shi_fcol *c, size_t r, shi_frame_format fmt,
                     const char *null_text)
{
    if (c->type == SHI_FCOL_STR) {
        if (c->str[r]) {
            put_text(w, c->str[r], fmt);
        } else {
            put_bytes(w, null_text, strlen(null_text));
        }
        return;
    }
    char *p = wroom(w, CELL_MAX);
    char *q = put_num(p, c, r, 1);
    if (q == p) {
        size_t n = strlen(null_text);
        memcpy(p, null_text, n);
        q = p + n;
    }
    w->n += (size_t)(q - p);
}

/* The text before the first row: the CSV/TSV header line, JSON's '['. */
static void put_head(wbuf *w, const shi_frame *f, shi_frame_format fmt)
{
    if (fmt == SHI_FF_JSON) {
        put_byte(w, '[');
    } else if (fmt == SHI_FF_CSV || fmt == SHI_FF_TSV) {
        for (size_t c = 0; c < f->ncol; c++) {
            if (c) {
                put_byte(w, fmt == SHI_FF_CSV ? ',' : '\t');
            }
            put_text(w, f->cols[c].name, fmt);
        }
        put_byte(w, '\n');
    }
}

/* Rows [r0, r1) as `fmt` writes them: CSV/TSV lines, JSON lines (one object a
 * line) or the objects of a JSON array. A row's text depends only on the row
 * (and whether it is the first, for JSON's commas), so blocks formatted apart
 * and concatenated in order give the text of the whole. */
static void put_rows(wbuf *w, const shi_frame *f, shi_frame_format fmt, size_t r0, size_t r1)
{
    if (fmt == SHI_FF_CSV || fmt == SHI_FF_TSV) {
        char delim = fmt == SHI_FF_CSV ? ',' : '\t';
        int numeric = 1;
        for (size_t c = 0; c < f->ncol; c++) {
            numeric &= f->cols[c].type != SHI_FCOL_STR;
        }
        /* All numbers (the dyad-year frames): room for the whole line at
         * once, and the cells written into it (a missing one is empty);
         * asking room cell by cell and byte by byte was a fifth of writing
         * a large dyad-year file. Same text as the loop below. */
        size_t line_max = f->ncol * (CELL_MAX + 1) + 1;
        if (numeric && line_max <= BUF_SIZE / 2) {
            for (size_t r = r0; r < r1; r++) {
                char *p0 = wroom(w, line_max), *p = p0;
                for (size_t c = 0; c < f->ncol; c++) {
                    if (c) {
                        *p++ = delim;
                    }
                    p = put_num(p, &f->cols[c], r, 1);
                }
                *p++ = '\n';
                w->n += (size_t)(p - p0);
            }
            return;
        }
        for (size_t r = r0; r < r1; r++) {
            for (size_t c = 0; c < f->ncol; c++) {
                if (c) {
                    put_byte(w, delim);
                }
                put_cell(w, &f->cols[c], r, fmt, "");
            }
            put_byte(w, '\n');
        }
        return;
    }
    int array = fmt == SHI_FF_JSON;
    for (size_t r = r0; r < r1; r++) {
        if (array) {
            put_bytes(w, r ? ",\n {" : "\n {", r ? 4 : 3);
        } else {
            put_byte(w, '{');
        }
        for (size_t c = 0; c < f->ncol; c++) {
            const shi_fcol *col = &f->cols[c];
            if (c) {
                put_bytes(w, ", ", 2);
            }
            put_text(w, col->name, SHI_FF_JSON);
            put_bytes(w, ": ", 2);
            put_cell(w, col, r, fmt, "null");
        }
        put_byte(w, '}');
        if (!array) {
            put_byte(w, '\n');
        }
    }
}

/* The text after the last row: JSON's closing bracket. */
static void put_tail(wbuf *w, const shi_frame *f, shi_frame_format fmt)
{
    if (fmt == SHI_FF_JSON) {
        put_bytes(w, f->nrow ? "\n]\n" : "]\n", f->nrow ? 3 : 2);
    }
}

static const char *frame_cell(const void *ctx, size_t r, size_t c, char *buf)
{
    const shi_fcol *col = &((const shi_frame *)ctx)->cols[c];
    if (col->type == SHI_FCOL_STR) {
        return col->str[r];
    }
    char *end = put_num(buf, col, r, 0); /* SHI_ALIGNED_CELL > SHI_FRAME_REAL_MAX */
    *end = '\0';
    return end == buf ? NULL : buf;
}

shi_status shi_frame_write_table(const shi_frame *f, FILE *out, size_t width, shi_err *err)
{
    size_t nc = f->ncol;
    const char **names = calloc(nc ? nc : 1, sizeof *names);
    unsigned char *left = calloc(nc ? nc : 1, 1);
    aligned_table a = {f->nrow, nc, names, left, frame_cell, f, width, 0};
    int rc = -1;
    if (names && left) {
        for (size_t c = 0; c < nc; c++) {
            names[c] = f->cols[c].name;
            left[c] = f->cols[c].type == SHI_FCOL_STR;
            a.nkey += a.nkey == c && f->cols[c].type != SHI_FCOL_F64 && !f->cols[c].flag;
        }
        rc = shi_i_aligned_write(&a, out);
    }
    free(names);
    free(left);
    if (rc != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (fflush(out) != 0 || ferror(out)) {
        return shi_err_set(err, SHI_EIO, "write error: %s", strerror(errno));
    }
    return SHI_OK;
}

/* How a parallel write ended: set only inside the ordered region, so the
 * threads never race on it. */
typedef struct wstate {
    int oom;    /* a block could not be formatted */
    int failed; /* an fwrite came up short */
    int errnum; /* errno of that failure */
} wstate;

/* Write the formatted block (or remember why it cannot be). */
static void put_block(wstate *st, const wbuf *w, FILE *out)
{
    if (w->oom || !w->b) {
        st->oom = 1;
    } else if (!st->oom && !st->failed && w->n && fwrite(w->b, 1, w->n, out) != w->n) {
        st->failed = 1;
        st->errnum = errno;
    }
}

/* Rows per block: about BLOCK_CELLS cells, so a block's text is some hundreds
 * of kilobytes whatever the width of the frame; each thread holds one block,
 * so memory stays bounded by the thread count, not by the frame. */
#define BLOCK_CELLS (1u << 17)

static void write_blocks(const shi_frame *f, FILE *out, shi_frame_format fmt, int threads,
                         wstate *st)
{
    size_t per = BLOCK_CELLS / (f->ncol + 1);
    per = per < 16 ? 16 : per;
    long nblock = (long)((f->nrow + per - 1) / per);
    int nth = 1;
#ifdef _OPENMP
    nth = threads > 0 ? threads : omp_get_max_threads();
#else
    (void)threads;
#endif
    nth = nblock < nth ? (int)(nblock > 0 ? nblock : 1) : nth;
    /* Block b is formatted by thread b % nth (static, 1) while the others
     * format theirs; `ordered` writes the blocks one after another in block
     * order, so the bytes do not depend on the thread count. */
#ifdef _OPENMP
#    pragma omp parallel num_threads(nth)
#endif
    {
        wbuf w = {malloc(BUF_SIZE), 0, BUF_SIZE, 0};
#ifdef _OPENMP
#    pragma omp for ordered schedule(static, 1)
#endif
        for (long b = 0; b < nblock; b++) {
            size_t r0 = (size_t)b * per, r1 = r0 + per < f->nrow ? r0 + per : f->nrow;
            w.n = 0;
            if (w.b) {
                put_rows(&w, f, fmt, r0, r1);
            }
#ifdef _OPENMP
#    pragma omp ordered
#endif
            put_block(st, &w, out);
        }
        free(w.b);
    }
}

shi_status shi_frame_write_text_threads(const shi_frame *f, FILE *out, shi_frame_format fmt,
                                        int threads, shi_err *err)
{
    if (fmt == SHI_FF_SQLITE || fmt == SHI_FF_DTA) {
        return shi_err_set(err, SHI_EUSAGE, "format '%s' is not a text format; it needs a file",
                           fmt == SHI_FF_SQLITE ? "sqlite" : "dta");
    }
    if (fmt == SHI_FF_TABLE) {
        return shi_frame_write_table(f, out, 0, err);
    }
    wstate st = {0, 0, 0};
    wbuf w = {malloc(BUF_SIZE), 0, BUF_SIZE, 0};
    if (w.b) {
        put_head(&w, f, fmt);
        put_block(&st, &w, out);
        write_blocks(f, out, fmt, threads, &st);
        w.n = 0;
        put_tail(&w, f, fmt);
        put_block(&st, &w, out);
    }
    int nomem = !w.b || st.oom;
    free(w.b);
    if (nomem) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (!st.failed && fflush(out) != 0) {
        st.failed = 1;
        st.errnum = errno;
    }
    if (st.failed || ferror(out)) {
        return shi_err_set(err, SHI_EIO, "write error: %s",
                           strerror(st.failed ? st.errnum : errno));
    }
    return SHI_OK;
}

shi_status shi_frame_write_text(const shi_frame *f, FILE *out, shi_frame_format fmt, shi_err *err)
{
    return shi_frame_write_text_threads(f, out, fmt, 0, err);
}
