/*
 * frame.c - the dyad-year panel ("frame"): creation, typed columns and the
 * metadata that travels with it. Its writers are views, in src/output
 * (frame_text.c, frame_sqlite.c, frame_dta.c; format names in frame_format.c).
 */
#include <shi/frame.h>

#include <ctype.h>
#include <stdio.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

/* ---- metadata ------------------------------------------------------------ */

void shi_meta_destroy(shi_meta *m)
{
    if (!m) {
        return;
    }
    for (size_t i = 0; i < m->n; i++) {
        free(m->kv[i].value);
    }
    free(m->kv);
    m->kv = NULL;
    m->n = m->cap = 0;
}

shi_status shi_meta_add(shi_meta *m, const char *key, const char *value, shi_err *err)
{
    if (!key || !key[0] || strlen(key) >= sizeof m->kv[0].key) {
        return shi_err_set(err, SHI_EUSAGE,
                           "metadata key '%.70s' is empty or longer than %zu bytes", key ? key : "",
                           sizeof m->kv[0].key - 1);
    }
    if (!value) {
        value = "";
    }
    size_t len = strlen(value);
    char *copy = malloc(len + 1);
    if (!copy || SHI_GROW(m->kv, m->cap, m->n + 1) != 0) {
        free(copy);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    memcpy(copy, value, len + 1);
    shi_meta_kv *kv = &m->kv[m->n++];
    snprintf(kv->key, sizeof kv->key, "%s", key);
    kv->value = copy;
    return SHI_OK;
}

shi_status shi_meta_addf(shi_meta *m, shi_err *err, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!buf) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
    shi_status s = shi_meta_add(m, key, buf, err);
    free(buf);
    return s;
}

/* ---- frames -------------------------------------------------------------- */

/* A name Stata, SQLite and JSON all accept unquoted: [a-z_][a-z0-9_]{0,31}. */
static int valid_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 32 || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return 0;
        }
    }
    return 1;
}

shi_status shi_frame_init(shi_frame *f, const char *name, size_t nrow, shi_err *err)
{
    memset(f, 0, sizeof *f);
    if (!name || !valid_name(name)) {
        return shi_err_set(err, SHI_EUSAGE,
                           "invalid frame name '%.60s'; expected [a-z_][a-z0-9_]*, at most 32 "
                           "characters",
                           name ? name : "");
    }
    snprintf(f->name, sizeof f->name, "%s", name);
    f->nrow = nrow;
    return SHI_OK;
}

void shi_frame_destroy(shi_frame *f)
{
    if (!f) {
        return;
    }
    for (size_t i = 0; i < f->ncol; i++) {
        free(f->cols[i].i32);
        free(f->cols[i].f64);
        for (size_t r = 0; f->cols[i].str && r < f->nrow; r++) {
            free(f->cols[i].str[r]);
        }
        free(f->cols[i].str);
    }
    free(f->cols);
    f->cols = NULL;
    f->ncol = 0;
    f->nrow = 0;
}

long shi_frame_find(const shi_frame *f, const char *name)
{
    for (size_t i = 0; i < f->ncol; i++) {
        if (strcmp(f->cols[i].name, name) == 0) {
            return (long)i;
        }
    }
    return -1;
}

/* Copy `label` into dst (size 81), cut at a UTF-8 character boundary. */
static void copy_label(char *dst, size_t size, const char *label)
{
    size_t n = label ? strlen(label) : 0;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)label[n] & 0xC0) == 0x80) {
            n--; /* label[n] continues a character: cut before that character */
        }
    }
    if (n) {
        memcpy(dst, label, n);
    }
    dst[n] = '\0';
}

static shi_status add_col(shi_frame *f, const char *name, const char *label, shi_fcol_type type,
                          int digits, shi_fcol **out, shi_err *err)
{
    if (!name || !valid_name(name)) {
        return shi_err_set(err, SHI_EUSAGE,
                           "invalid column name '%.60s' in frame '%s'; expected [a-z_][a-z0-9_]*, "
                           "at most 32 characters",
                           name ? name : "", f->name);
    }
    if (shi_frame_find(f, name) >= 0) {
        return shi_err_set(err, SHI_EUSAGE, "duplicate column '%s' in frame '%s'", name, f->name);
    }
    if (digits < 0 || digits > 17) {
        return shi_err_set(err, SHI_EUSAGE, "column '%s': digits must be 0-17, got %d", name,
                           digits);
    }
    /* Columns are few: grow by one. cols[] may move; the data blocks do not. */
    shi_fcol *cols = realloc(f->cols, (f->ncol + 1) * sizeof *cols);
    if (!cols) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    f->cols = cols;
    shi_fcol *c = &cols[f->ncol];
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    copy_label(c->label, sizeof c->label, label);
    c->type = type;
    c->digits = digits;
    size_t n = f->nrow ? f->nrow : 1;
    if (type == SHI_FCOL_I32) {
        c->i32 = malloc(n * sizeof *c->i32);
        if (!c->i32) {
            return shi_err_set(err, SHI_EIO, "out of memory for column '%s' (%zu rows)", name,
                               f->nrow);
        }
        for (size_t i = 0; i < f->nrow; i++) {
            c->i32[i] = SHI_NA_I32;
        }
    } else if (type == SHI_FCOL_STR) {
        c->str = calloc(n, sizeof *c->str);
        if (!c->str) {
            return shi_err_set(err, SHI_EIO, "out of memory for column '%s' (%zu rows)", name,
                               f->nrow);
        }
    } else {
        c->f64 = malloc(n * sizeof *c->f64);
        if (!c->f64) {
            return shi_err_set(err, SHI_EIO, "out of memory for column '%s' (%zu rows)", name,
                               f->nrow);
        }
        for (size_t i = 0; i < f->nrow; i++) {
            c->f64[i] = (double)NAN;
        }
    }
    f->ncol++;
    *out = c;
    return SHI_OK;
}

shi_status shi_frame_add_i32(shi_frame *f, const char *name, const char *label, int32_t **data,
                             shi_err *err)
{
    shi_fcol *c = NULL;
    shi_status s = add_col(f, name, label, SHI_FCOL_I32, 0, &c, err);
    if (s == SHI_OK && data) {
        *data = c->i32;
    }
    return s;
}

shi_status shi_frame_add_f64(shi_frame *f, const char *name, const char *label, int digits,
                             double **data, shi_err *err)
{
    shi_fcol *c = NULL;
    shi_status s = add_col(f, name, label, SHI_FCOL_F64, digits, &c, err);
    if (s == SHI_OK && data) {
        *data = c->f64;
    }
    return s;
}

shi_status shi_frame_add_str(shi_frame *f, const char *name, const char *label, shi_err *err)
{
    shi_fcol *c = NULL;
    return add_col(f, name, label, SHI_FCOL_STR, 0, &c, err);
}

shi_status shi_frame_set_str(shi_frame *f, size_t col, size_t row, const char *v, shi_err *err)
{
    if (col >= f->ncol || f->cols[col].type != SHI_FCOL_STR || row >= f->nrow) {
        return shi_err_set(err, SHI_EINTERNAL, "frame '%s': no text cell (%zu, %zu)", f->name, col,
                           row);
    }
    char *copy = NULL;
    if (v) {
        size_t n = strlen(v) + 1;
        if (!(copy = malloc(n))) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        memcpy(copy, v, n);
    }
    free(f->cols[col].str[row]);
    f->cols[col].str[row] = copy;
    return SHI_OK;
}

/* The I32 column `name`, or NULL after setting the error. */
static shi_fcol *i32_col(shi_frame *f, const char *name, shi_err *err)
{
    long c = shi_frame_find(f, name);
    if (c < 0 || f->cols[c].type != SHI_FCOL_I32) {
        shi_err_set(err, SHI_EUSAGE, "frame '%s' has no integer column '%.40s'", f->name, name);
        return NULL;
    }
    return &f->cols[c];
}

shi_status shi_frame_set_flag(shi_frame *f, const char *name, shi_err *err)
{
    shi_fcol *c = i32_col(f, name, err);
    if (!c) {
        return SHI_EUSAGE;
    }
    c->flag = 1;
    return SHI_OK;
}

shi_status shi_frame_set_labels(shi_frame *f, const char *name, const char *set,
                                const shi_value_label *vl, size_t n, shi_err *err)
{
    shi_fcol *c = i32_col(f, name, err);
    if (!c) {
        return SHI_EUSAGE;
    }
    if (!set || !valid_name(set)) {
        return shi_err_set(err, SHI_EUSAGE, "invalid value-label set name '%.40s'", set ? set : "");
    }
    c->vl_name = set;
    c->vl = vl;
    c->nvl = n;
    return SHI_OK;
}

/* ---- accessors (shi/frame.h): for the bindings, which see no struct ---- */

shi_frame *shi_frame_alloc(void)
{
    return calloc(1, sizeof(shi_frame));
}

void shi_frame_free(shi_frame *f)
{
    if (f) {
        shi_frame_destroy(f);
        free(f);
    }
}

size_t shi_frame_nrow(const shi_frame *f)
{
    return f ? f->nrow : 0;
}

size_t shi_frame_ncol(const shi_frame *f)
{
    return f ? f->ncol : 0;
}

static const shi_fcol *col_at(const shi_frame *f, size_t col)
{
    return f && col < f->ncol ? &f->cols[col] : NULL;
}

const char *shi_frame_col_name(const shi_frame *f, size_t col)
{
    const shi_fcol *c = col_at(f, col);
    return c ? c->name : NULL;
}

const char *shi_frame_col_label(const shi_frame *f, size_t col)
{
    const shi_fcol *c = col_at(f, col);
    return c ? c->label : NULL;
}

shi_fcol_type shi_frame_col_type(const shi_frame *f, size_t col)
{
    const shi_fcol *c = col_at(f, col);
    return c ? c->type : SHI_FCOL_I32;
}

int shi_frame_col_is_flag(const shi_frame *f, size_t col)
{
    const shi_fcol *c = col_at(f, col);
    return c && c->type == SHI_FCOL_I32 && c->flag;
}

const int32_t *shi_frame_col_i32(const shi_frame *f, size_t col)
{
    const shi_fcol *c = col_at(f, col);
    return c && c->type == SHI_FCOL_I32 ? c->i32 : NULL;
}

const double *shi_frame_col_f64(const shi_frame *f, size_t col)
{
    const shi_fcol *c = col_at(f, col);
    return c && c->type == SHI_FCOL_F64 ? c->f64 : NULL;
}

const char *shi_frame_col_str(const shi_frame *f, size_t col, size_t row)
{
    const shi_fcol *c = col_at(f, col);
    return c && c->type == SHI_FCOL_STR && row < f->nrow ? c->str[row] : NULL;
}
