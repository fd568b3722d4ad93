/*
 * spec.c - the table-driven row reader behind the importers (see spec.h).
 *
 * Messages are shi_csv's own (shi_csv_require, shi_csv_int, shi_csv_real,
 * shi_csv_field_error), so a file that an importer rejected before it used
 * this reader is rejected with the same text at the same position.
 */
#include "spec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* ---- duplicate keys (SHI_I_KEY) ----------------------------------------------
 *
 * Each key is encoded as bytes (an INT as its 64-bit value, a REAL or CUSTOM as
 * its double, a TEXT as its bytes and a NUL), kept in one arena, and found
 * through an open-addressing table of (hash, offset, length, line). Keys are
 * compared byte for byte, so a hash collision is never taken for a duplicate.
 */
typedef struct key_slot {
    uint64_t h;   /* FNV-1a of the key's bytes */
    uint32_t off; /* where the bytes start in the arena */
    uint32_t len; /* how many */
    int32_t line; /* line of the row's first key field; 0: an empty slot */
    uint64_t row; /* FNV-1a of every field of the row (SHI_I_REPEAT), else 0 */
} key_slot;

typedef struct shi_i_keys {
    key_slot *slot;      /* the table, `cap` slots (a power of two) */
    size_t cap, n;       /* slots and keys */
    unsigned char *byte; /* the arena */
    size_t nbyte, capbyte;
} shi_i_keys;

static void keys_free(shi_i_keys *k)
{
    if (k) {
        free(k->slot);
        free(k->byte);
        free(k);
    }
}

static uint64_t fnv1a(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 1099511628211u;
    }
    return h;
}

static int keys_grow(shi_i_keys *k)
{
    size_t cap = k->cap ? 2 * k->cap : 1024;
    key_slot *ns = calloc(cap, sizeof *ns);
    if (!ns) {
        return -1;
    }
    for (size_t i = 0; i < k->cap; i++) {
        if (k->slot[i].line) {
            size_t j = (size_t)k->slot[i].h & (cap - 1);
            while (ns[j].line) {
                j = (j + 1) & (cap - 1);
            }
            ns[j] = k->slot[i];
        }
    }
    free(k->slot);
    k->slot = ns;
    k->cap = cap;
    return 0;
}

/* The key of the current row as text for a message: "ccode 2, year 1946". */
static void key_text(const shi_i_reader *rd, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < rd->ncols && used < size; k++) {
        const shi_i_col *c = &rd->cols[k];
        if (!(c->flags & SHI_I_KEY)) {
            continue;
        }
        int w;
        const char *sep = used ? ", " : "";
        if (c->type == SHI_I_TEXT) {
            w = snprintf(buf + used, size - used, "%s%s '%.40s'", sep, c->name, shi_i_text(rd, k));
        } else if (c->type == SHI_I_INT) {
            w = snprintf(buf + used, size - used, "%s%s %lld", sep, c->name, (long long)rd->iv[k]);
        } else {
            w = snprintf(buf + used, size - used, "%s%s %.15g", sep, c->name, rd->v[k]);
        }
        if (w < 0) {
            break;
        }
        used += (size_t)w;
    }
}

/* The first key column's field index (for positions). */
static size_t key_field(const shi_i_reader *rd)
{
    for (size_t k = 0; k < rd->ncols; k++) {
        if (rd->cols[k].flags & SHI_I_KEY) {
            return (size_t)rd->idx[k];
        }
    }
    return 0;
}

/* Every key column of the row is parsed: a key seen before is an error. */
static shi_status key_check(shi_i_reader *rd, shi_err *err)
{
    unsigned char buf[256];
    size_t n = 0;
    for (size_t k = 0; k < rd->ncols; k++) {
        const shi_i_col *c = &rd->cols[k];
        if (!(c->flags & SHI_I_KEY)) {
            continue;
        }
        if (rd->na[k]) {
            return SHI_OK;
        }
        if (c->type == SHI_I_TEXT) {
            const char *t = shi_i_text(rd, k);
            size_t len = strlen(t);
            if (len == 0) {
                return SHI_OK;
            }
            if (len > sizeof buf - n - 1) {
                len = sizeof buf - n - 1; /* a key this long is compared by its start */
            }
            memcpy(buf + n, t, len);
            n += len;
            buf[n++] = '\0';
        } else {
            int64_t x = rd->iv[k];
            double v = rd->v[k] == 0 ? 0.0 : rd->v[k]; /* -0 is 0 */
            if (n + 8 > sizeof buf) {
                break;
            }
            if (c->type == SHI_I_INT) {
                memcpy(buf + n, &x, 8);
            } else {
                memcpy(buf + n, &v, 8);
            }
            n += 8;
        }
    }
    shi_i_keys *ks = rd->keys;
    if (!ks) {
        if (!(ks = rd->keys = calloc(1, sizeof *ks))) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
    }
    if ((ks->n + 1) * 4 > ks->cap * 3 && keys_grow(ks) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    uint64_t h = fnv1a(buf, n), row = 0;
    for (size_t i = 0, nf = shi_csv_nfields(rd->csv); rd->repeat_ok && i < nf; i++) {
        const char *f = shi_csv_field(rd->csv, i);
        row = (row ^ fnv1a((const unsigned char *)f, strlen(f) + 1)) * 1099511628211u;
    }
    size_t j = (size_t)h & (ks->cap - 1);
    for (; ks->slot[j].line; j = (j + 1) & (ks->cap - 1)) {
        const key_slot *e = &ks->slot[j];
        if (e->h == h && e->len == n && memcmp(ks->byte + e->off, buf, n) == 0) {
            if (rd->repeat_ok && e->row == row) {
                return SHI_OK; /* the same row again (by its 64-bit hash) */
            }
            char what[200];
            key_text(rd, what, sizeof what);
            long line, col;
            shi_csv_field_pos(rd->csv, key_field(rd), &line, &col);
            return shi_err_set_at(err, SHI_EDATA, shi_csv_name(rd->csv), line, col,
                                  "duplicate row for %s (first on line %ld)", what, (long)e->line);
        }
    }
    if (ks->nbyte + n > ks->capbyte) {
        size_t cap = ks->capbyte ? 2 * ks->capbyte : 16384;
        while (cap < ks->nbyte + n) {
            cap *= 2;
        }
        unsigned char *nb = cap <= UINT32_MAX ? realloc(ks->byte, cap) : NULL;
        if (!nb) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        ks->byte = nb;
        ks->capbyte = cap;
    }
    memcpy(ks->byte + ks->nbyte, buf, n);
    long line, col;
    shi_csv_field_pos(rd->csv, key_field(rd), &line, &col);
    ks->slot[j] =
        (key_slot){h, (uint32_t)ks->nbyte, (uint32_t)n, (int32_t)(line > 0 ? line : 1), row};
    ks->nbyte += n;
    ks->n++;
    return SHI_OK;
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
        rd->nkey += (cols[k].flags & SHI_I_KEY) ? 1 : 0;
        rd->repeat_ok |= (cols[k].flags & SHI_I_REPEAT) ? 1 : 0;
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
    rd->nparsed_row = 0;
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
                goto parsed;
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
    parsed:
        /* The key once the whole row is read, so that a bad value is named
         * before a duplicate. */
        if (++rd->nparsed_row == rd->ncols && rd->nkey && (s = key_check(rd, err)) != SHI_OK) {
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
    keys_free(rd->keys);
    rd->keys = NULL;
    return s;
}

shi_status shi_i_read_nondirected(shi_i_reader *rd, shi_status s, size_t ncols, int32_t **col2,
                                  shi_err *err)
{
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(rd, 0, 2, err)) != SHI_OK) {
            break;
        }
        if (rd->iv[1] <= rd->iv[0]) {
            s = shi_i_bad(rd, 1, "expected a COW code greater than ccode1 (non-directed file)",
                          err);
            break;
        }
        if ((s = shi_i_parse(rd, 2, ncols, err)) != SHI_OK) {
            break;
        }
        if (col2) {
            long line, col;
            shi_csv_field_pos(rd->csv, (size_t)rd->idx[1], &line, &col);
            (*col2)[shi_i_at(rd)] = (int32_t)col;
        }
        shi_i_commit(rd);
    }
    return shi_i_close(rd, s, err);
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
