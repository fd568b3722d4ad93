/*
 * shd.c - the record layer of the .shd format (shd.h).
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "shd.h"

#include "fields.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

shi_status shi_shd_open(shi_csv **c, const char *name, const void *buf, size_t len, shi_err *err)
{
    shi_csv_opts o = {0};
    o.delim = '\t';
    o.no_header = 1;
    o.ragged = 1;
    return buf ? shi_csv_open_mem(c, name, buf, len, &o, err) : shi_csv_open(c, name, &o, err);
}

shi_status shi_shd_open_slice(shi_csv **c, const char *name, const void *buf, size_t len, long line,
                              shi_err *err)
{
    return shi_shd_open_slice_skip(c, name, buf, len, line, NULL, NULL, err);
}

shi_status shi_shd_open_slice_skip(shi_csv **c, const char *name, const void *buf, size_t len,
                                   long line, int (*skip)(const char *, size_t, void *), void *arg,
                                   shi_err *err)
{
    shi_csv_opts o = {0};
    o.delim = '\t';
    o.no_header = 1;
    o.ragged = 1;
    o.first_line = line;
    o.skip = skip;
    o.skip_arg = arg;
    return shi_csv_open_mem(c, name, buf, len, &o, err);
}

shi_status shi_shd_header(const shi_csv *c, shi_err *err)
{
    if (strcmp(shi_csv_field(c, 0), "shi-data") != 0 || strcmp(shi_csv_field(c, 1), "1") != 0) {
        long line, col;
        shi_csv_field_pos(c, 0, &line, &col);
        return shi_err_set_at(err, SHI_EDATA, shi_csv_name(c), line, col,
                              "not a shi data file (version 1): expected 'shi-data\\t1'");
    }
    return SHI_OK;
}

shi_status shi_shd_fields(const shi_csv *c, size_t n, shi_err *err)
{
    if (shi_csv_nfields(c) != n) {
        long line, col;
        shi_csv_field_pos(c, 0, &line, &col);
        return shi_err_set_at(err, SHI_EDATA, shi_csv_name(c), line, col,
                              "expected %zu fields in a '%s' record, got %zu", n,
                              shi_csv_field(c, 0), shi_csv_nfields(c));
    }
    return SHI_OK;
}

shi_status shi_shd_int(const shi_csv *c, size_t i, long lo, long hi, int64_t *v, shi_err *err)
{
    /* Most fields are plain decimals in range: read them here (strtoll was a
     * tenth of loading the relations part); anything else takes shi_csv_int,
     * which gives the same values and the same messages (a .shd has no
     * missing code but the empty field). */
    if (shi_i_plain_int(shi_csv_field(c, i), v, 18) && *v >= lo && *v <= hi) {
        return SHI_OK;
    }
    int miss = 0;
    shi_status s = shi_csv_int(c, i, v, &miss, err);
    if (s == SHI_OK && (miss || *v < lo || *v > hi)) {
        char what[80];
        snprintf(what, sizeof what, "expected an integer %ld-%ld", lo, hi);
        s = shi_csv_field_error(c, i, err, what);
    }
    return s;
}

shi_status shi_shd_reals(const shi_csv *c, size_t from, size_t n, double *out, shi_err *err)
{
    shi_status s = SHI_OK;
    for (size_t k = 0; k < n && s == SHI_OK; k++) {
        int miss;
        s = shi_csv_real(c, from + k, &out[k], &miss, err);
    }
    return s;
}

void shi_shd_put_real(FILE *f, double v)
{
    /* %.15g reads back to the same double for any decimal of up to 15
     * significant digits, which covers the values of the official files. */
    if (isnan(v)) {
        fputs("\t", f);
    } else {
        fprintf(f, "\t%.15g", v);
    }
}

/* ---- the 'end' record -------------------------------------------------------- */

#define FNV_OFFSET 1469598103934665603u
#define FNV_PRIME 1099511628211u

static uint64_t fnv(uint64_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)p[i]) * FNV_PRIME;
    }
    return h;
}

int shi_shd_check_text(const char *buf, size_t len, size_t *body)
{
    /* The last line: 'end', the count, 16 hex digits, a newline. */
    static const char head[] = "shi-data\t1\n";
    if (len < sizeof head || memcmp(buf, head, sizeof head - 1) != 0 || buf[len - 1] != '\n') {
        return 0;
    }
    size_t e = len - 1;
    while (e > 0 && buf[e - 1] != '\n') {
        e--;
    }
    char tail[64];
    size_t tn = len - e;
    if (e == 0 || tn >= sizeof tail) {
        return 0;
    }
    memcpy(tail, buf + e, tn);
    tail[tn] = '\0';
    char hex[17], nl;
    long n = -1;
    if (sscanf(tail, "end\t%ld\t%16[0-9a-f]%c", &n, hex, &nl) != 3 || nl != '\n' ||
        strlen(hex) != 16) {
        return 0;
    }
    uint64_t h = FNV_OFFSET;
    long lines = 0;
    for (size_t i = 0; i < e; i++) {
        unsigned char b = (unsigned char)buf[i];
        if (b == '"' || b == '\r' || b == 0) {
            return 0; /* quoting or CRs: the bytes are not the records' text */
        }
        lines += b == '\n';
        h = (h ^ b) * FNV_PRIME;
    }
    char want[17];
    snprintf(want, sizeof want, "%016" PRIx64, h);
    if (lines != n || strcmp(want, hex) != 0) {
        return 0;
    }
    *body = e;
    return 1;
}

static shi_status check_end(shi_csv *c, const shi_shd_sum *sum, shi_err *err)
{
    shi_status s = shi_shd_fields(c, 3, err);
    int64_t n = 0;
    if (s == SHI_OK) {
        s = shi_shd_int(c, 1, 0, 2000000000L, &n, err);
    }
    if (s != SHI_OK) {
        return s;
    }
    if (n != sum->n) {
        return shi_csv_field_error(c, 1, err,
                                   "the file has another number of records before "
                                   "its 'end' record (truncated or edited)");
    }
    char want[17];
    snprintf(want, sizeof want, "%016" PRIx64, sum->h);
    if (strcmp(shi_csv_field(c, 2), want) != 0) {
        return shi_csv_field_error(c, 2, err,
                                   "checksum does not match the records above (the file was "
                                   "edited or is damaged; rebuild it with 'shi data build')");
    }
    int got = 0;
    if ((s = shi_csv_next(c, &got, err)) != SHI_OK) {
        return s;
    }
    if (got) {
        return shi_csv_field_error(c, 0, err, "record after the 'end' record");
    }
    return SHI_OK;
}

shi_status shi_shd_next(shi_csv *c, shi_shd_sum *sum, int *got, shi_err *err)
{
    shi_status s = shi_csv_next(c, got, err);
    if (s != SHI_OK) {
        return s;
    }
    if (!*got) {
        return shi_err_set_at(err, SHI_EDATA, shi_csv_name(c), sum->line + 1, 1,
                              "the file ends without its 'end' record (truncated?)");
    }
    if (strcmp(shi_csv_field(c, 0), "end") == 0 && sum->n > 0) {
        *got = 0;
        return check_end(c, sum, err);
    }
    if (sum->n == 0) {
        sum->h = FNV_OFFSET;
    }
    /* The record's text is its fields joined by tabs and ended by a newline:
     * the stored fields with each terminator read as a tab, the last as the
     * newline (one pass, no strlen a field). */
    size_t len;
    const unsigned char *p = (const unsigned char *)shi_csv_record(c, &len);
    uint64_t h = sum->h;
    for (size_t i = 0; i + 1 < len; i++) {
        h = (h ^ (p[i] ? p[i] : (unsigned char)'\t')) * FNV_PRIME;
    }
    sum->h = (h ^ (unsigned char)'\n') * FNV_PRIME;
    sum->n++;
    sum->line = shi_csv_line(c);
    return SHI_OK;
}

shi_status shi_shd_write_begin(shi_shd_writer *w, shi_err *err)
{
    memset(w, 0, sizeof *w);
    w->f = open_memstream(&w->buf, &w->len);
    if (!w->f) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    fputs("shi-data\t1\n", w->f);
    return SHI_OK;
}

shi_status shi_shd_write_finish(shi_shd_writer *w, FILE *out, shi_err *err)
{
    int bad = fclose(w->f) != 0;
    w->f = NULL;
    if (bad || !w->buf) {
        shi_shd_write_abort(w);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    long n = 0;
    for (size_t i = 0; i < w->len; i++) {
        n += w->buf[i] == '\n';
    }
    fwrite(w->buf, 1, w->len, out);
    fprintf(out, "end\t%ld\t%016" PRIx64 "\n", n, fnv(FNV_OFFSET, w->buf, w->len));
    shi_shd_write_abort(w);
    return SHI_OK;
}

void shi_shd_write_abort(shi_shd_writer *w)
{
    if (w->f) {
        fclose(w->f);
    }
    free(w->buf);
    memset(w, 0, sizeof *w);
}
