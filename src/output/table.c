/*
 * table.c - result tables: cells stored as their terminal text (and reals as
 * their value too), written as aligned text, CSV, TSV, JSON or JSON lines, or
 * converted to a frame for the SQLite and Stata writers (so there is one of
 * each). Machine formats write reals at full precision and flags as 0/1; only
 * the terminal table rounds and says yes/no.
 */
#include <shi/table.h>

#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "aligned.h"

typedef struct col {
    char name[48];
    char type;
    int digits;
} col;

typedef struct cell {
    char *text; /* the terminal text; NULL = missing */
    double v;   /* the value of a real ('f') or flag ('b') cell */
} cell;

struct shi_table {
    col *cols;
    size_t ncol, colcap;
    cell *cells;
    size_t ncell, cellcap;
};

shi_table *shi_table_new(void)
{
    return calloc(1, sizeof(shi_table));
}

void shi_table_free(shi_table *t)
{
    if (!t) {
        return;
    }
    for (size_t i = 0; i < t->ncell; i++) {
        free(t->cells[i].text);
    }
    free(t->cells);
    free(t->cols);
    free(t);
}

shi_status shi_table_column(shi_table *t, const char *name, char type, int digits, shi_err *err)
{
    if (t->ncell > 0) {
        return shi_err_set(err, SHI_EINTERNAL, "table: column '%s' added after the first row",
                           name);
    }
    if (SHI_GROW(t->cols, t->colcap, t->ncol + 1) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    col *c = &t->cols[t->ncol++];
    snprintf(c->name, sizeof c->name, "%s", name);
    c->type = type;
    c->digits = digits;
    return SHI_OK;
}

static shi_status push(shi_table *t, char *text, double v, shi_err *err)
{
    if (t->ncol == 0) {
        free(text);
        return shi_err_set(err, SHI_EINTERNAL, "table: cell added before any column");
    }
    if (SHI_GROW(t->cells, t->cellcap, t->ncell + 1) != 0) {
        free(text);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    t->cells[t->ncell].text = text;
    t->cells[t->ncell++].v = v;
    return SHI_OK;
}

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) {
        memcpy(p, s, n);
    }
    return p;
}

/* A cell with text `v` (NULL: missing) and value x. */
static shi_status push_text(shi_table *t, const char *v, double x, shi_err *err)
{
    if (!v) {
        return push(t, NULL, x, err);
    }
    char *p = dup(v);
    if (!p) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return push(t, p, x, err);
}

shi_status shi_table_str(shi_table *t, const char *v, shi_err *err)
{
    return push_text(t, v, (double)NAN, err);
}

shi_status shi_table_flag(shi_table *t, int v, shi_err *err)
{
    return push_text(t, v ? "yes" : "no", v ? 1.0 : 0.0, err);
}

shi_status shi_table_int(shi_table *t, int64_t v, shi_err *err)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRId64, v);
    return shi_table_str(t, buf, err);
}

shi_status shi_table_real(shi_table *t, double v, shi_err *err)
{
    if (!isfinite(v)) {
        return push(t, NULL, (double)NAN, err);
    }
    int digits = t->ncol ? t->cols[t->ncell % t->ncol].digits : 6;
    char buf[SHI_FRAME_REAL_MAX];
    shi_frame_fmt_real(buf, v, digits);
    return push_text(t, buf, v, err);
}

shi_status shi_table_missing(shi_table *t, shi_err *err)
{
    return push(t, NULL, (double)NAN, err);
}

size_t shi_table_nrows(const shi_table *t)
{
    return t->ncol ? t->ncell / t->ncol : 0;
}

static void put_csv(FILE *f, const char *s, char delim)
{
    if (delim == '\t') {
        /* TSV has no quoting: tabs and newlines inside a value become spaces. */
        for (const char *p = s; *p; p++) {
            fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, f);
        }
        return;
    }
    if (strpbrk(s, ",\"\n\r") == NULL) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"') {
            fputc('"', f);
        }
        fputc(*p, f);
    }
    fputc('"', f);
}

static void put_json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            fprintf(f, "\\%c", *p);
        } else if (*p < 0x20) {
            fprintf(f, "\\u%04x", *p);
        } else {
            fputc(*p, f);
        }
    }
    fputc('"', f);
}

/* The text of cell i in a machine format (CSV, TSV, JSON): reals at full
 * precision, flags 0/1; NULL when missing. `buf` holds SHI_SHORTEST_MAX bytes. */
static const char *machine_text(const shi_table *t, size_t i, char *buf)
{
    const cell *c = &t->cells[i];
    if (!c->text) {
        return NULL;
    }
    switch (t->cols[i % t->ncol].type) {
    case 'f':
        shi_fmt_shortest(buf, c->v);
        return buf;
    case 'b':
        return c->v != 0 ? "1" : "0";
    default:
        return c->text;
    }
}

static void write_delimited(const shi_table *t, FILE *f, char d)
{
    size_t nrow = shi_table_nrows(t), nc = t->ncol;
    char buf[SHI_SHORTEST_MAX];
    for (size_t c = 0; c < nc; c++) {
        if (c) {
            fputc(d, f);
        }
        put_csv(f, t->cols[c].name, d);
    }
    fputc('\n', f);
    for (size_t r = 0; r < nrow; r++) {
        for (size_t c = 0; c < nc; c++) {
            if (c) {
                fputc(d, f);
            }
            const char *s = machine_text(t, r * nc + c, buf);
            if (s) {
                put_csv(f, s, d);
            }
        }
        fputc('\n', f);
    }
}

/* JSON (one array of objects) or JSON lines (one object a line). */
static void write_json(const shi_table *t, FILE *f, int array)
{
    size_t nrow = shi_table_nrows(t), nc = t->ncol;
    char buf[SHI_SHORTEST_MAX];
    if (array) {
        fputs("[", f);
    }
    for (size_t r = 0; r < nrow; r++) {
        fputs(!array ? "{" : r ? ",\n {" : "\n {", f);
        for (size_t c = 0; c < nc; c++) {
            if (c) {
                fputs(", ", f);
            }
            put_json_str(f, t->cols[c].name);
            fputs(": ", f);
            const char *s = machine_text(t, r * nc + c, buf);
            if (!s) {
                fputs("null", f);
            } else if (t->cols[c].type == 's') {
                put_json_str(f, s);
            } else {
                fputs(s, f);
            }
        }
        fputs(array ? "}" : "}\n", f);
    }
    if (array) {
        fputs(nrow ? "\n]\n" : "]\n", f);
    }
}

static const char *table_cell(const void *ctx, size_t r, size_t c, char *buf)
{
    const shi_table *t = ctx;
    (void)buf;
    return t->cells[r * t->ncol + c].text;
}

/* Aligned columns for a terminal (aligned.c), fitted to `width` (0: none). */
static shi_status write_aligned(const shi_table *t, FILE *f, size_t width, shi_err *err)
{
    size_t nc = t->ncol;
    const char **names = calloc(nc ? nc : 1, sizeof *names);
    unsigned char *left = calloc(nc ? nc : 1, 1);
    aligned_table a = {shi_table_nrows(t), nc, names, left, table_cell, t, width, 0};
    int rc = -1;
    if (names && left) {
        for (size_t c = 0; c < nc; c++) {
            names[c] = t->cols[c].name;
            left[c] = t->cols[c].type == 's' || t->cols[c].type == 'b';
            /* The leading integers and texts say what a row is. */
            a.nkey += a.nkey == c && (t->cols[c].type == 'i' || t->cols[c].type == 's');
        }
        rc = shi_i_aligned_write(&a, f);
    }
    free(names);
    free(left);
    return rc == 0 ? SHI_OK : shi_err_set(err, SHI_EIO, "out of memory");
}

shi_status shi_table_write_width(const shi_table *t, FILE *f, size_t width, shi_err *err)
{
    if (t->ncell != shi_table_nrows(t) * t->ncol) {
        return shi_err_set(err, SHI_EINTERNAL, "table: last row is incomplete");
    }
    shi_status s = write_aligned(t, f, width, err);
    if (s == SHI_OK && ferror(f)) {
        return shi_err_set(err, SHI_EIO, "write error");
    }
    return s;
}

shi_status shi_table_write(const shi_table *t, FILE *f, shi_frame_format fmt, shi_err *err)
{
    size_t nrow = shi_table_nrows(t), nc = t->ncol;
    if (t->ncell != nrow * nc) {
        return shi_err_set(err, SHI_EINTERNAL, "table: last row is incomplete");
    }
    shi_status s = SHI_OK;
    switch (fmt) {
    case SHI_FF_CSV:
    case SHI_FF_TSV:
        write_delimited(t, f, fmt == SHI_FF_CSV ? ',' : '\t');
        break;
    case SHI_FF_JSON:
    case SHI_FF_JSONL:
        write_json(t, f, fmt == SHI_FF_JSON);
        break;
    case SHI_FF_TABLE:
        s = write_aligned(t, f, 0, err);
        break;
    case SHI_FF_SQLITE:
    case SHI_FF_DTA:
        return shi_err_set(err, SHI_EUSAGE, "the %s format needs an output file (-o FILE)",
                           fmt == SHI_FF_SQLITE ? "sqlite" : "dta");
    }
    if (s == SHI_OK && ferror(f)) {
        return shi_err_set(err, SHI_EIO, "write error");
    }
    return s;
}

/* Column name `name` as a frame column name ([a-z_][a-z0-9_]*, at most 32
 * characters), unique among the first `c` columns of f. */
static void frame_name(const shi_frame *f, const char *name, char *out)
{
    size_t n = 0;
    for (const char *p = name; *p && n < 32; p++) {
        int ch = tolower((unsigned char)*p);
        out[n++] = (char)(isalnum(ch) && ch < 0x80 ? ch : '_');
    }
    if (n == 0 || isdigit((unsigned char)out[0])) {
        memmove(out + 1, out, n < 32 ? n : 31);
        out[0] = '_';
        n = n < 32 ? n + 1 : 32;
    }
    out[n] = '\0';
    for (int k = 2; shi_frame_find(f, out) >= 0; k++) {
        char suffix[16];
        int m = snprintf(suffix, sizeof suffix, "_%d", k);
        size_t keep = n + (size_t)m > 32 ? 32 - (size_t)m : n;
        snprintf(out + keep, 33 - keep, "%s", suffix);
    }
}

/* Whether every cell of integer column c fits a frame's int32. */
static int fits_i32(const shi_table *t, size_t c)
{
    for (size_t r = 0; r < shi_table_nrows(t); r++) {
        const char *s = t->cells[r * t->ncol + c].text;
        long long v = s ? strtoll(s, NULL, 10) : 0;
        if (s && (v <= INT32_MIN || v > INT32_MAX)) {
            return 0;
        }
    }
    return 1;
}

/* Add column c of t to f and fill it. */
static shi_status frame_column(const shi_table *t, size_t c, shi_frame *f, shi_err *err)
{
    const col *tc = &t->cols[c];
    size_t nrow = shi_table_nrows(t), nc = t->ncol;
    char name[33];
    frame_name(f, tc->name, name);
    const char *label = strcmp(name, tc->name) != 0 ? tc->name : NULL;
    int32_t *i32 = NULL;
    double *f64 = NULL;
    shi_status s;
    if (tc->type == 's') {
        s = shi_frame_add_str(f, name, label, err);
    } else if (tc->type == 'f' || (tc->type == 'i' && !fits_i32(t, c))) {
        s = shi_frame_add_f64(f, name, label, tc->digits, &f64, err);
    } else {
        s = shi_frame_add_i32(f, name, label, &i32, err);
        if (s == SHI_OK && tc->type == 'b') {
            f->cols[f->ncol - 1].flag = 1;
        }
    }
    for (size_t r = 0; r < nrow && s == SHI_OK; r++) {
        const cell *x = &t->cells[r * nc + c];
        if (tc->type == 's') {
            s = shi_frame_set_str(f, f->ncol - 1, r, x->text, err);
        } else if (x->text && tc->type == 'b') {
            i32[r] = x->v != 0;
        } else if (x->text && tc->type == 'f') {
            f64[r] = x->v;
        } else if (x->text && f64) {
            f64[r] = (double)strtoll(x->text, NULL, 10);
        } else if (x->text) {
            i32[r] = (int32_t)strtoll(x->text, NULL, 10);
        }
    }
    return s;
}

shi_status shi_table_to_frame(const shi_table *t, const char *name, shi_frame *f, shi_err *err)
{
    size_t nrow = shi_table_nrows(t);
    if (t->ncell != nrow * t->ncol) {
        return shi_err_set(err, SHI_EINTERNAL, "table: last row is incomplete");
    }
    shi_status s = shi_frame_init(f, name, nrow, err);
    for (size_t c = 0; c < t->ncol && s == SHI_OK; c++) {
        s = frame_column(t, c, f, err);
    }
    if (s != SHI_OK) {
        shi_frame_destroy(f);
    }
    return s;
}

shi_status shi_table_write_file(const shi_table *t, shi_frame_format fmt, const char *path,
                                shi_err *err)
{
    if (fmt != SHI_FF_SQLITE && fmt != SHI_FF_DTA) {
        return shi_err_set(err, SHI_EINTERNAL, "table: format %d is not a database format",
                           (int)fmt);
    }
    shi_frame f;
    shi_status s = shi_table_to_frame(t, "result", &f, err);
    if (s != SHI_OK) {
        return s;
    }
    shi_meta meta = {0};
    s = shi_meta_add(&meta, "software", "shi " SHI_VERSION, err);
    if (s == SHI_OK) {
        s = fmt == SHI_FF_SQLITE ? shi_frame_write_sqlite(&f, NULL, 0, &meta, path, err)
                                 : shi_frame_write_dta(&f, &meta, path, err);
    }
    shi_meta_destroy(&meta);
    shi_frame_destroy(&f);
    return s;
}
