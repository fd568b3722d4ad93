/*
 * table.c - result tables: cells stored as formatted text, written as aligned
 * text, CSV, TSV or JSON.
 */
#include <shi/table.h>

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

typedef struct col {
    char name[48];
    char type;
    int digits;
} col;

typedef struct cell {
    char *text; /* NULL = missing */
} cell;

struct shi_table {
    col *cols;
    size_t ncol, colcap;
    cell *cells;
    size_t ncell, cellcap;
};

shi_status shi_format_parse(const char *name, shi_format *out, shi_err *err)
{
    static const char *const names[] = {"table", "csv", "tsv", "json"};
    for (int i = 0; i < 4; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (shi_format)i;
            return SHI_OK;
        }
    }
    return shi_err_set(err, SHI_EUSAGE,
                       "unknown format '%s'; valid formats are table, csv, tsv, json", name);
}

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

static shi_status push(shi_table *t, char *text, shi_err *err)
{
    if (t->ncol == 0) {
        free(text);
        return shi_err_set(err, SHI_EINTERNAL, "table: cell added before any column");
    }
    if (SHI_GROW(t->cells, t->cellcap, t->ncell + 1) != 0) {
        free(text);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    t->cells[t->ncell++].text = text;
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

shi_status shi_table_str(shi_table *t, const char *v, shi_err *err)
{
    if (!v) {
        return push(t, NULL, err);
    }
    char *p = dup(v);
    if (!p) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return push(t, p, err);
}

shi_status shi_table_int(shi_table *t, int64_t v, shi_err *err)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRId64, v);
    return shi_table_str(t, buf, err);
}

shi_status shi_table_real(shi_table *t, double v, shi_err *err)
{
    if (isnan(v)) {
        return push(t, NULL, err);
    }
    int digits = t->ncol ? t->cols[t->ncell % t->ncol].digits : 6;
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", digits, v);
    if (strcmp(buf, "-0") == 0 || (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))) {
        memmove(buf, buf + 1, strlen(buf)); /* no "-0.000" */
    }
    return shi_table_str(t, buf, err);
}

shi_status shi_table_missing(shi_table *t, shi_err *err)
{
    return push(t, NULL, err);
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

/* Display width of UTF-8 text: code points, not bytes. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        w += (*p & 0xC0) != 0x80;
    }
    return w;
}

shi_status shi_table_write(const shi_table *t, FILE *f, shi_format fmt, shi_err *err)
{
    size_t nrow = shi_table_nrows(t), nc = t->ncol;
    if (t->ncell != nrow * nc) {
        return shi_err_set(err, SHI_EINTERNAL, "table: last row is incomplete");
    }
    if (fmt == SHI_FMT_CSV || fmt == SHI_FMT_TSV) {
        char d = fmt == SHI_FMT_CSV ? ',' : '\t';
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
                const char *s = t->cells[r * nc + c].text;
                if (s) {
                    put_csv(f, s, d);
                }
            }
            fputc('\n', f);
        }
    } else if (fmt == SHI_FMT_JSON) {
        fputs("[", f);
        for (size_t r = 0; r < nrow; r++) {
            fputs(r ? ",\n {" : "\n {", f);
            for (size_t c = 0; c < nc; c++) {
                if (c) {
                    fputs(", ", f);
                }
                put_json_str(f, t->cols[c].name);
                fputs(": ", f);
                const char *s = t->cells[r * nc + c].text;
                if (!s) {
                    fputs("null", f);
                } else if (t->cols[c].type == 's') {
                    put_json_str(f, s);
                } else {
                    fputs(s, f);
                }
            }
            fputs("}", f);
        }
        fputs(nrow ? "\n]\n" : "]\n", f);
    } else {
        size_t *w = calloc(nc ? nc : 1, sizeof *w);
        if (!w) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        for (size_t c = 0; c < nc; c++) {
            w[c] = width(t->cols[c].name);
        }
        for (size_t i = 0; i < t->ncell; i++) {
            const char *s = t->cells[i].text ? t->cells[i].text : "-";
            if (width(s) > w[i % nc]) {
                w[i % nc] = width(s);
            }
        }
        for (size_t r = 0; r <= nrow; r++) {
            for (size_t c = 0; c < nc; c++) {
                const char *s = r == 0 ? t->cols[c].name : t->cells[(r - 1) * nc + c].text;
                if (!s) {
                    s = "-";
                }
                size_t pad = w[c] - width(s);
                int right = t->cols[c].type != 's';
                if (c) {
                    fputs("  ", f);
                }
                if (right) {
                    fprintf(f, "%*s", (int)pad, "");
                }
                fputs(s, f);
                if (!right && c + 1 < nc) {
                    fprintf(f, "%*s", (int)pad, "");
                }
            }
            fputc('\n', f);
        }
        free(w);
    }
    if (ferror(f)) {
        return shi_err_set(err, SHI_EIO, "write error");
    }
    return SHI_OK;
}
