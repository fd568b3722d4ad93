/*
 * spec.c - the table-driven row reader behind the importers (see spec.h).
 *
 * Messages are shi_csv's own (shi_csv_require, shi_csv_int, shi_csv_real,
 * shi_csv_field_error), so a file that an importer rejected before it used
 * this reader is rejected with the same text at the same position.
 */
#include "spec.h"

#include <math.h>
#include <string.h>

#include "fields.h"

static const char *const default_missing[] = {"", NULL};

/* How a column is stored, worked out once at open (store() runs per field). */
enum { ST_NONE, ST_F64, ST_I8, ST_I16, ST_I32, ST_I64 };

static unsigned char store_kind(const shi_i_col *c)
{
    if (!c->dst || c->type == SHI_I_TEXT) {
        return ST_NONE; /* TEXT copies its bytes itself */
    }
    if (c->type == SHI_I_REAL || (c->flags & SHI_I_DOUBLE)) {
        return ST_F64;
    }
    return c->size == 1 ? ST_I8 : c->size == 2 ? ST_I16 : c->size == 4 ? ST_I32 : ST_I64;
}

static shi_status open_common(shi_i_reader *rd, const char *path, const shi_csv_opts *opts,
                              const shi_i_col *cols, size_t ncols, const shi_i_dest *dest,
                              shi_err *err)
{
    if (ncols > SHI_I_MAXCOLS) {
        shi_csv_free(rd->csv);
        rd->csv = NULL;
        return shi_err_set(err, SHI_EINTERNAL, "importer of '%s': more than %d columns", path,
                           SHI_I_MAXCOLS);
    }
    rd->path = path;
    rd->cols = cols;
    rd->ncols = ncols;
    if (dest) {
        rd->dest = *dest;
        rd->first = *dest->n;
    }
    for (size_t k = 0; k < ncols; k++) {
        rd->st[k] = store_kind(&cols[k]);
        if (cols[k].dst) {
            rd->grow[rd->ngrow++] = (shi_col_ref){(void **)cols[k].dst, cols[k].size};
        }
    }
    if (dest && dest->line) {
        rd->grow[rd->ngrow++] = (shi_col_ref){(void **)dest->line, sizeof **dest->line};
        rd->grow[rd->ngrow++] = (shi_col_ref){(void **)dest->col, sizeof **dest->col};
    }
    for (size_t k = 0; dest && k < dest->nextra; k++) {
        rd->grow[rd->ngrow++] = dest->extra[k];
    }
    /* The fast path would read a missing code such as -9 as a number: keep
     * those codes, to test a number against them (one comparison of values
     * per field instead of a string comparison per code). */
    const char *const *miss = opts && opts->missing ? opts->missing : default_missing;
    for (; *miss; miss++) {
        int64_t x;
        if (!shi_i_plain_int(*miss, &x, 15)) {
            continue;
        }
        if (rd->nint_miss == 4) {
            shi_csv_free(rd->csv);
            rd->csv = NULL;
            return shi_err_set(err, SHI_EINTERNAL,
                               "importer of '%s': more than 4 integer missing codes", path);
        }
        rd->int_miss[rd->nint_miss] = *miss;
        rd->int_miss_v[rd->nint_miss++] = x;
    }
    /* Columns are required in spec order, so the first missing one is named. */
    for (size_t k = 0; k < ncols; k++) {
        rd->idx[k] = shi_csv_find(rd->csv, cols[k].name);
        if (rd->idx[k] >= 0) {
            continue;
        }
        shi_status s;
        if (cols[k].alias && (rd->idx[k] = shi_csv_find(rd->csv, cols[k].alias)) >= 0) {
            continue;
        }
        if (cols[k].alias) {
            s = shi_err_set_at(err, SHI_EDATA, shi_csv_name(rd->csv), 1, 1,
                               "missing column '%s' (or '%s') in the header", cols[k].name,
                               cols[k].alias);
        } else {
            s = shi_csv_require(rd->csv, &cols[k].name, 1, &rd->idx[k], err);
        }
        shi_csv_free(rd->csv);
        rd->csv = NULL;
        return s;
    }
    return SHI_OK;
}

shi_status shi_i_open(shi_i_reader *rd, const char *path, const shi_csv_opts *opts,
                      const shi_i_col *cols, size_t ncols, const shi_i_dest *dest, shi_err *err)
{
    memset(rd, 0, sizeof *rd);
    shi_status s = shi_csv_open(&rd->csv, path, opts, err);
    if (s != SHI_OK) {
        return s;
    }
    return open_common(rd, path, opts, cols, ncols, dest, err);
}

shi_status shi_i_open_mem(shi_i_reader *rd, const char *name, const void *data, size_t len,
                          const shi_csv_opts *opts, const shi_i_col *cols, size_t ncols,
                          const shi_i_dest *dest, shi_err *err)
{
    memset(rd, 0, sizeof *rd);
    shi_status s = shi_csv_open_mem(&rd->csv, name, data, len, opts, err);
    if (s != SHI_OK) {
        return s;
    }
    return open_common(rd, name, opts, cols, ncols, dest, err);
}

shi_status shi_i_reserve(shi_i_reader *rd, size_t need, shi_err *err)
{
    if (rd->dest.n &&
        shi_grow_columns(rd->grow, rd->ngrow, rd->dest.cap, need, rd->dest.first_cap) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return SHI_OK;
}

shi_status shi_i_next(shi_i_reader *rd, int *got, shi_err *err)
{
    shi_status s = shi_csv_next(rd->csv, got, err);
    if (s != SHI_OK || !*got || !rd->dest.n || *rd->dest.n < *rd->dest.cap) {
        return s;
    }
    return shi_i_reserve(rd, *rd->dest.n + 1, err);
}

const char *shi_i_text(const shi_i_reader *rd, size_t k)
{
    return shi_csv_field(rd->csv, (size_t)rd->idx[k]);
}

shi_status shi_i_bad(const shi_i_reader *rd, size_t k, const char *what, shi_err *err)
{
    return shi_csv_field_error(rd->csv, (size_t)rd->idx[k], err, what);
}

size_t shi_i_at(const shi_i_reader *rd)
{
    return rd->dest.n ? *rd->dest.n : 0;
}

/* Store a value into element r of column k: v in a double column, else x
 * or, without x (CUSTOM, or `na`), v converted; the conversion happens only
 * for an int column and after the range check, so it is defined. */
static inline void store(const shi_i_reader *rd, size_t k, size_t r, int has_x, int64_t x, double v)
{
    void *dst = rd->cols[k].dst;
    switch (rd->st[k]) {
    case ST_NONE:
        return;
    case ST_F64:
        (*(double **)dst)[r] = v;
        return;
    default:
        break;
    }
    int64_t xi = has_x ? x : (int64_t)v;
    switch (rd->st[k]) {
    case ST_I8:
        (*(int8_t **)dst)[r] = (int8_t)xi;
        break;
    case ST_I16:
        (*(int16_t **)dst)[r] = (int16_t)xi;
        break;
    case ST_I32:
        (*(int32_t **)dst)[r] = (int32_t)xi;
        break;
    default:
        (*(int64_t **)dst)[r] = xi;
        break;
    }
}

static inline int is_na_code(const shi_i_col *c, double v)
{
    for (int j = 0; j < c->nna; j++) {
        if (v == c->na_code[j]) {
            return 1;
        }
    }
    return 0;
}

/* A missing field: `na` when the column allows it, else the column's message. */
static shi_status missing(shi_i_reader *rd, size_t k, size_t r, shi_err *err)
{
    const shi_i_col *c = &rd->cols[k];
    if (!(c->flags & SHI_I_OPTIONAL)) {
        return shi_i_bad(rd, k, c->what_missing ? c->what_missing : c->what, err);
    }
    rd->na[k] = 1;
    rd->iv[k] = 0;
    rd->v[k] = (double)NAN;
    store(rd, k, r, 0, 0, c->na);
    return SHI_OK;
}

/* Is the plain integer f (of value x) one of the file's missing codes? */
static inline int int_missing(const shi_i_reader *rd, const char *f, int64_t x)
{
    for (int j = 0; j < rd->nint_miss; j++) {
        if (x == rd->int_miss_v[j] && strcmp(f, rd->int_miss[j]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Keep the value read for column k (x for INT, v for every type), map an NA
 * code to `na`, range-check and store it. */
static inline shi_status finish(shi_i_reader *rd, size_t k, size_t r, int64_t x, double v,
                                shi_err *err)
{
    const shi_i_col *c = &rd->cols[k];
    rd->iv[k] = x;
    rd->v[k] = v;
    if (c->nna && is_na_code(c, v)) {
        rd->na[k] = 1;
        store(rd, k, r, 0, 0, c->na);
        return SHI_OK;
    }
    if (v < c->lo || v > c->hi) {
        return shi_i_bad(rd, k, c->what, err);
    }
    store(rd, k, r, c->type == SHI_I_INT, x, v);
    return SHI_OK;
}

static shi_status parse_int(shi_i_reader *rd, size_t k, size_t r, shi_err *err)
{
    const shi_i_col *c = &rd->cols[k];
    size_t i = (size_t)rd->idx[k];
    const char *f = shi_csv_field(rd->csv, i);
    int64_t x = 0;
    if (shi_i_plain_int(f, &x, (c->flags & SHI_I_PLAIN) ? 15 : 9)) {
        if (int_missing(rd, f, x)) {
            return missing(rd, k, r, err);
        }
    } else {
        if (c->flags & SHI_I_PLAIN) {
            return shi_csv_is_missing(rd->csv, i) ? missing(rd, k, r, err)
                                                  : shi_i_bad(rd, k, c->what, err);
        }
        int miss = 0;
        shi_status s = shi_csv_int(rd->csv, i, &x, &miss, err);
        if (s != SHI_OK) {
            return s;
        }
        if (miss) {
            return missing(rd, k, r, err);
        }
    }
    return finish(rd, k, r, x, (double)x, err);
}

/* A number of the column: REAL (shi_csv_real) or CUSTOM (its parse function). */
static shi_status parse_num(shi_i_reader *rd, size_t k, size_t r, shi_err *err)
{
    const shi_i_col *c = &rd->cols[k];
    size_t i = (size_t)rd->idx[k];
    const char *f = shi_csv_field(rd->csv, i);
    double v = 0;
    int64_t x;
    if (c->type == SHI_I_CUSTOM) {
        if ((c->flags & SHI_I_OPTIONAL) && shi_csv_is_missing(rd->csv, i)) {
            return missing(rd, k, r, err);
        }
        if (!c->parse(f, &v)) {
            return shi_i_bad(rd, k, c->what, err);
        }
    } else if (((f[0] >= '0' && f[0] <= '9') || (c->flags & SHI_I_INTS)) &&
               shi_i_plain_int(f, &x, (c->flags & SHI_I_INTS) ? 9 : 15)) {
        /* A plain integer is exact in a double and strtod would give the same
         * (but for "-0", hence the sign only with SHI_I_INTS). */
        if (int_missing(rd, f, x)) {
            return missing(rd, k, r, err);
        }
        v = (double)x;
    } else {
        int miss = 0;
        shi_status s = shi_csv_real(rd->csv, i, &v, &miss, err);
        if (s != SHI_OK) {
            return s;
        }
        if (miss) {
            return missing(rd, k, r, err);
        }
    }
    return finish(rd, k, r, 0, v, err);
}

static shi_status parse_text(shi_i_reader *rd, size_t k, size_t r, shi_err *err)
{
    const shi_i_col *c = &rd->cols[k];
    const char *f = shi_i_text(rd, k);
    if ((c->flags & SHI_I_OPTIONAL) && shi_csv_is_missing(rd->csv, (size_t)rd->idx[k])) {
        rd->na[k] = 1; /* nothing stored: the importer decides what a missing text means */
        return SHI_OK;
    }
    size_t len = strlen(f);
    if ((double)len < c->lo || (double)len > c->hi || (c->valid && !c->valid(f))) {
        return shi_i_bad(rd, k, c->what, err);
    }
    if (c->dst) {
        memcpy(*(char **)c->dst + r * c->size, f, len + 1);
    }
    return SHI_OK;
}

shi_status shi_i_parse(shi_i_reader *rd, size_t from, size_t to, shi_err *err)
{
    size_t r = shi_i_at(rd);
    for (size_t k = from; k < to; k++) {
        shi_status s;
        const shi_i_col *c = &rd->cols[k];
        rd->na[k] = 0;
        if (c->type == SHI_I_INT && !(c->flags & SHI_I_PLAIN) && !c->nna) {
            /* The common case (a plain integer in range, no missing code)
             * first: most fields of the large files are that. Anything else
             * takes the general path below, which reads it again. */
            const char *f = shi_csv_field(rd->csv, (size_t)rd->idx[k]);
            int64_t x;
            if (shi_i_plain_int(f, &x, 9) && (double)x >= c->lo && (double)x <= c->hi &&
                !int_missing(rd, f, x)) {
                rd->iv[k] = x;
                rd->v[k] = (double)x;
                store(rd, k, r, 1, x, (double)x);
                continue;
            }
        }
        switch (c->type) {
        case SHI_I_INT:
            s = parse_int(rd, k, r, err);
            break;
        case SHI_I_TEXT:
            s = parse_text(rd, k, r, err);
            break;
        default:
            s = parse_num(rd, k, r, err);
            break;
        }
        if (s != SHI_OK) {
            return s;
        }
    }
    return SHI_OK;
}

shi_status shi_i_row(shi_i_reader *rd, int *got, shi_err *err)
{
    shi_status s = shi_i_next(rd, got, err);
    if (s != SHI_OK || !*got) {
        return s;
    }
    return shi_i_parse(rd, 0, rd->ncols, err);
}

void shi_i_commit(shi_i_reader *rd)
{
    size_t r = *rd->dest.n;
    if (rd->dest.line) {
        long line, col;
        shi_csv_field_pos(rd->csv, (size_t)rd->idx[rd->dest.pos], &line, &col);
        (*rd->dest.line)[r] = (int32_t)line;
        (*rd->dest.col)[r] = (int32_t)col;
    }
    (*rd->dest.n)++;
}

shi_status shi_i_close(shi_i_reader *rd, shi_status s, shi_err *err)
{
    if (s == SHI_OK && rd->dest.n && *rd->dest.n == rd->first) {
        s = shi_err_set_at(err, SHI_EDATA, rd->path, 2, 0, "no records after the header");
    }
    shi_csv_free(rd->csv);
    rd->csv = NULL;
    return s;
}

shi_status shi_i_read_all(shi_i_reader *rd, shi_status s, shi_err *err)
{
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        shi_i_commit(rd);
    }
    return shi_i_close(rd, s, err);
}
