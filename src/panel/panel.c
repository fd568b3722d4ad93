/*
 * panel.c - the columnar state-year panel: keys, indexes, columns.
 */
#include <shi/panel.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

void shi_panel_destroy(shi_panel *p)
{
    if (!p) {
        return;
    }
    free(p->unit);
    free(p->year);
    free(p->unit_id);
    free(p->unit_start);
    free(p->year_start);
    free(p->year_rows);
    for (size_t c = 0; c < p->ncol; c++) {
        free(p->cols[c].v);
        free(p->cols[c].valid);
    }
    free(p->cols);
    memset(p, 0, sizeof *p);
}

typedef struct key {
    int32_t unit, year;
    size_t src;
} key;

static int cmp_key(const void *a, const void *b)
{
    const key *x = a, *y = b;
    if (x->unit != y->unit) {
        return x->unit < y->unit ? -1 : 1;
    }
    if (x->year != y->year) {
        return x->year < y->year ? -1 : 1;
    }
    return (x->src > y->src) - (x->src < y->src);
}

shi_status shi_panel_init_keys(shi_panel *p, const int32_t *unit, const int32_t *year, size_t n,
                               size_t *perm_out, const char *path, const int32_t *line,
                               shi_err *err)
{
    memset(p, 0, sizeof *p);
    shi_status st = SHI_OK;
    key *k = malloc((n ? n : 1) * sizeof *k);
    p->unit = malloc((n ? n : 1) * sizeof *p->unit);
    p->year = malloc((n ? n : 1) * sizeof *p->year);
    p->unit_id = malloc((n ? n : 1) * sizeof *p->unit_id);
    p->unit_start = malloc((n + 1) * sizeof *p->unit_start);
    p->year_rows = malloc((n ? n : 1) * sizeof *p->year_rows);
    if (!k || !p->unit || !p->year || !p->unit_id || !p->unit_start || !p->year_rows) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        k[i].unit = unit[i];
        k[i].year = year[i];
        k[i].src = i;
    }
    qsort(k, n, sizeof *k, cmp_key);
    p->nrow = n;
    p->year_min = n ? k[0].year : 0;
    p->year_max = n ? k[0].year : -1;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && k[i].unit == k[i - 1].unit && k[i].year == k[i - 1].year) {
            if (path && line) {
                st = shi_err_set_at(err, SHI_EDATA, path, line[k[i].src], 1,
                                    "duplicate state-year: state %d, year %d (also on line %ld)",
                                    k[i].unit, k[i].year, (long)line[k[i - 1].src]);
            } else {
                st = shi_err_set(err, SHI_EDATA,
                                 "duplicate state-year: state %d, year %d (records %zu and %zu)",
                                 k[i].unit, k[i].year, k[i - 1].src + 1, k[i].src + 1);
            }
            goto cleanup;
        }
        p->unit[i] = k[i].unit;
        p->year[i] = k[i].year;
        if (perm_out) {
            perm_out[i] = k[i].src;
        }
        if (i == 0 || k[i].unit != k[i - 1].unit) {
            p->unit_id[p->nunit] = k[i].unit;
            p->unit_start[p->nunit++] = i;
        }
        if (k[i].year < p->year_min) {
            p->year_min = k[i].year;
        }
        if (k[i].year > p->year_max) {
            p->year_max = k[i].year;
        }
    }
    p->unit_start[p->nunit] = n;
    /* Counting sort of rows by year; stable, so each year's rows stay in state order. */
    size_t ny = (size_t)(p->year_max - p->year_min + 1);
    p->year_start = calloc(ny + 1, sizeof *p->year_start);
    if (!p->year_start) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        p->year_start[p->year[i] - p->year_min + 1]++;
    }
    for (size_t y = 0; y < ny; y++) {
        p->year_start[y + 1] += p->year_start[y];
    }
    size_t *fillp = malloc((ny ? ny : 1) * sizeof *fillp);
    if (!fillp) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    memcpy(fillp, p->year_start, ny * sizeof *fillp);
    for (size_t i = 0; i < n; i++) {
        p->year_rows[fillp[p->year[i] - p->year_min]++] = i;
    }
    free(fillp);
cleanup:
    free(k);
    if (st != SHI_OK) {
        shi_panel_destroy(p);
    }
    return st;
}

shi_status shi_panel_add_column(shi_panel *p, const char *name, size_t *col, shi_err *err)
{
    shi_column *c = realloc(p->cols, (p->ncol + 1) * sizeof *c);
    if (!c) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    p->cols = c;
    shi_column *nc = &c[p->ncol];
    memset(nc, 0, sizeof *nc);
    size_t words = (p->nrow + 63) / 64;
    nc->v = malloc((p->nrow ? p->nrow : 1) * sizeof *nc->v);
    nc->valid = calloc(words ? words : 1, sizeof *nc->valid);
    if (!nc->v || !nc->valid) {
        free(nc->v);
        free(nc->valid);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t r = 0; r < p->nrow; r++) {
        nc->v[r] = (double)NAN;
    }
    size_t len = strlen(name);
    if (len >= sizeof nc->name) {
        len = sizeof nc->name - 1;
    }
    memcpy(nc->name, name, len);
    nc->name[len] = '\0';
    *col = p->ncol++;
    return SHI_OK;
}

long shi_panel_find(const shi_panel *p, const char *name)
{
    for (size_t c = 0; c < p->ncol; c++) {
        if (strcmp(p->cols[c].name, name) == 0) {
            return (long)c;
        }
    }
    return -1;
}

void shi_panel_set(shi_panel *p, size_t col, size_t row, double v)
{
    if (isnan(v)) {
        shi_panel_set_missing(p, col, row);
        return;
    }
    p->cols[col].v[row] = v;
    p->cols[col].valid[row >> 6] |= (uint64_t)1 << (row & 63);
}

void shi_panel_set_missing(shi_panel *p, size_t col, size_t row)
{
    p->cols[col].v[row] = (double)NAN;
    p->cols[col].valid[row >> 6] &= ~((uint64_t)1 << (row & 63));
}

long shi_panel_row(const shi_panel *p, int unit, int year)
{
    size_t lo = 0, hi = p->nunit;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->unit_id[mid] < unit) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == p->nunit || p->unit_id[lo] != unit) {
        return -1;
    }
    size_t a = p->unit_start[lo], b = p->unit_start[lo + 1];
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (p->year[mid] < year) {
            a = mid + 1;
        } else {
            b = mid;
        }
    }
    return a < p->unit_start[lo + 1] && p->year[a] == year ? (long)a : -1;
}

void shi_panel_year(const shi_panel *p, int year, const size_t **rows, size_t *n)
{
    if (p->nrow == 0 || year < p->year_min || year > p->year_max) {
        *rows = NULL;
        *n = 0;
        return;
    }
    size_t y = (size_t)(year - p->year_min);
    *rows = p->year_rows + p->year_start[y];
    *n = p->year_start[y + 1] - p->year_start[y];
}
