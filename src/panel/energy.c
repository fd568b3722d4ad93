/*
 * energy.c - the annual energy aggregates of the data view (shi/energy.h,
 * docs/energy.md): months summed into years, the importer's total and the
 * months it reports kept beside every partner's figure, so that no
 * incomplete year is taken for a full one.
 */
#include <shi/energy.h>
#include <shi/io_energy.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data_priv.h"

void shi_energy_destroy(shi_energy *e)
{
    if (!e) {
        return;
    }
    free(e->imp);
    free(e->exp);
    free(e->year);
    free(e->comm);
    free(e->qty);
    free(e->qty_tm);
    free(e->usd);
    free(e->months);
    free(e->tmonths);
    free(e->ru.imp);
    free(e->ru.year);
    free(e->ru.comm);
    free(e->ru.t);
    free(e->ru.eur);
    free(e->ru.mt);
    free(e->ru.me);
    free(e->ei.exp);
    free(e->ei.imp);
    free(e->ei.year);
    free(e->ei.comm);
    free(e->ei.value);
    memset(e, 0, sizeof *e);
}

static int key_cmp(int32_t ia, int32_t ea, int ca, int32_t ya, int32_t ib, int32_t eb, int cb,
                   int32_t yb)
{
    if (ia != ib) {
        return ia < ib ? -1 : 1;
    }
    if (ea != eb) {
        return ea < eb ? -1 : 1;
    }
    if (ca != cb) {
        return ca < cb ? -1 : 1;
    }
    return ya < yb ? -1 : ya > yb;
}

long shi_energy_find(const shi_energy *e, int imp, int exp, int comm, int year)
{
    size_t lo = 0, hi = e->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = key_cmp(e->imp[mid], e->exp[mid], e->comm[mid], e->year[mid], imp, exp, comm, year);
        if (c == 0) {
            return (long)mid;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}

/* ---- building --------------------------------------------------------------- */

/* One month of one flow, after the commodity mapping. */
typedef struct item {
    int32_t imp, exp, year;
    int8_t comm, month, is_usd;
    int32_t src;  /* 0 China Customs, 1 Eurostat */
    int32_t row;  /* row in its table */
    int32_t orig; /* the reporting country (Eurostat), for the duplicate check */
    int8_t label, measure;
    double v;
} item;

/* The commodity a row counts in, or -1 (a part of a total counted elsewhere, a
 * value-only series, a commodity no measure uses). */
static int comm_of(int src, int label, int measure, int partner)
{
    if (src == 0) {
        if (measure != SHI_ENM_TONNES && measure != SHI_ENM_USD) {
            return -1;
        }
        switch (label) {
        case SHI_ENL_CRUDE:
            return SHI_EN_CRUDE;
        case SHI_ENL_PIPEGAS:
            return partner == SHI_EN_WORLD ? -1 : SHI_EN_PIPEGAS;
        case SHI_ENL_LNG:
            /* China's LNG total exists only for 2019-2022: the partners are summed */
            return partner == SHI_EN_WORLD ? -1 : SHI_EN_LNG;
        case SHI_ENL_COAL:
        case SHI_ENL_LIGNITE:
            return partner == SHI_EN_WORLD ? -1 : SHI_EN_COAL;
        case SHI_ENL_COAL_LIGNITE:
            return partner == SHI_EN_WORLD ? SHI_EN_COAL : -1;
        default:
            return -1;
        }
    }
    if (label == SHI_ENL_CRUDE && measure == SHI_ENM_TONNES) {
        return SHI_EN_CRUDE;
    }
    if (label == SHI_ENL_COAL && measure == SHI_ENM_TONNES) {
        return SHI_EN_COAL;
    }
    if (label == SHI_ENL_GAS_ALL && measure == SHI_ENM_TJ) {
        return SHI_EN_GAS_TJ;
    }
    return -1;
}

/* Order for the duplicate check: the file's own key, then the month. */
static int dup_cmp(const void *p, const void *q)
{
    const item *a = p, *b = q;
    if (a->src != b->src) {
        return a->src - b->src;
    }
    if (a->orig != b->orig) {
        return a->orig < b->orig ? -1 : 1;
    }
    int c = key_cmp(a->label, a->exp, a->measure, a->year, b->label, b->exp, b->measure, b->year);
    if (c) {
        return c;
    }
    if (a->month != b->month) {
        return a->month - b->month;
    }
    return a->row < b->row ? -1 : a->row > b->row;
}

static int agg_cmp(const void *p, const void *q)
{
    const item *a = p, *b = q;
    int c = key_cmp(a->imp, a->exp, a->comm, a->year, b->imp, b->exp, b->comm, b->year);
    if (c) {
        return c;
    }
    return a->month - b->month;
}

/* Months the importer's total reports: [importer 0 China, 1 Europe][comm][year - 1990]. */
#define EN_Y0 1990
#define EN_NY 41
typedef uint16_t tmask_t[2][SHI_EN_NCOMM][EN_NY];

static shi_status collect(item **out, size_t *nout, const shi_energy_table *t, int src,
                          shi_err *err)
{
    if (!t || t->n == 0) {
        return SHI_OK;
    }
    /* One allocation for every row the table could give: growing by one item
     * per row was quadratic (minutes under AddressSanitizer's allocator). */
    item *g = realloc(*out, (*nout + t->n) * sizeof *g);
    if (!g) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    *out = g;
    for (size_t i = 0; i < t->n; i++) {
        int c = comm_of(src, t->label[i], t->measure[i], t->partner[i]);
        int y = t->ym[i] / 100;
        if (c < 0 || y < EN_Y0 || y >= EN_Y0 + EN_NY) {
            continue;
        }
        item it = {src ? SHI_EN_EUROPE : 710,
                   t->partner[i],
                   y,
                   (int8_t)c,
                   (int8_t)(t->ym[i] % 100),
                   t->measure[i] == SHI_ENM_USD,
                   src,
                   (int32_t)i,
                   t->importer[i],
                   t->label[i],
                   t->measure[i],
                   t->value[i]};
        if ((c == SHI_EN_PIPEGAS || c == SHI_EN_LNG) && !it.is_usd) {
            it.v *= SHI_EN_M3_PER_TONNE / 1e9; /* tonnes -> bcm */
        }
        g[(*nout)++] = it;
    }
    return SHI_OK;
}

/* Totals the files do not give, as the sum of the partners: China's gas
 * (no World series before 2019), Europe's everything. */
static shi_status add_totals(item **v, size_t *n, shi_err *err)
{
    size_t n0 = *n, add = 0;
    for (size_t i = 0; i < n0; i++) {
        add += (*v)[i].src == 1 || (*v)[i].comm == SHI_EN_PIPEGAS || (*v)[i].comm == SHI_EN_LNG;
    }
    item *g = realloc(*v, (n0 + add + 1) * sizeof *g);
    if (!g) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    *v = g;
    for (size_t i = 0; i < n0; i++) {
        if (g[i].src == 1 || g[i].comm == SHI_EN_PIPEGAS || g[i].comm == SHI_EN_LNG) {
            g[*n] = g[i];
            g[(*n)++].exp = SHI_EN_WORLD;
        }
    }
    return SHI_OK;
}

/* Conflicting duplicates (same series and month, another value) are errors;
 * identical ones (the file repeats some Wind series) are counted once. */
static shi_status dedupe(item *v, size_t *n, const shi_energy_table *const tabs[2],
                         const char *const paths[2], shi_err *err)
{
    if (*n > 1) { /* qsort's pointer must not be NULL, even for no items (C11 7.22.5) */
        qsort(v, *n, sizeof *v, dup_cmp);
    }
    size_t w = 0;
    for (size_t i = 0; i < *n; i++) {
        if (w > 0) {
            item *p = &v[w - 1];
            int same = p->src == v[i].src && p->orig == v[i].orig && p->label == v[i].label &&
                       p->exp == v[i].exp && p->measure == v[i].measure && p->year == v[i].year &&
                       p->month == v[i].month;
            /* Several names map to "not a state": those rows are distinct. */
            if (same && v[i].exp != SHI_EN_NOT_STATE) {
                if (p->v != v[i].v) {
                    const shi_energy_table *t = tabs[v[i].src];
                    return shi_err_set_at(err, SHI_EDATA, paths[v[i].src], t->line[v[i].row],
                                          t->col[v[i].row],
                                          "month %d-%02d of this series is also at line %d with "
                                          "another value",
                                          v[i].year, v[i].month, (int)t->line[p->row]);
                }
                continue;
            }
        }
        v[w++] = v[i];
    }
    *n = w;
    return SHI_OK;
}

static int grow_all(shi_energy *e, size_t cap)
{
    e->imp = realloc(e->imp, cap * sizeof *e->imp);
    e->exp = realloc(e->exp, cap * sizeof *e->exp);
    e->year = realloc(e->year, cap * sizeof *e->year);
    e->comm = realloc(e->comm, cap * sizeof *e->comm);
    e->qty = realloc(e->qty, cap * sizeof *e->qty);
    e->qty_tm = realloc(e->qty_tm, cap * sizeof *e->qty_tm);
    e->usd = realloc(e->usd, cap * sizeof *e->usd);
    e->months = realloc(e->months, cap * sizeof *e->months);
    e->tmonths = realloc(e->tmonths, cap * sizeof *e->tmonths);
    return e->imp && e->exp && e->year && e->comm && e->qty && e->qty_tm && e->usd && e->months &&
                   e->tmonths
               ? 0
               : -1;
}

/* Sum the (sorted) months into records; shares keep to the total's months. */
static shi_status aggregate(shi_energy *e, const item *v, size_t n, tmask_t tm, shi_err *err)
{
    for (size_t i = 0; i < n; i++) {
        const item *it = &v[i];
        int bi = it->imp == 710 ? 0 : 1;
        if (it->exp == SHI_EN_WORLD && !it->is_usd) {
            tm[bi][it->comm][it->year - EN_Y0] |= (uint16_t)(1u << (it->month - 1));
        }
    }
    if (grow_all(e, n + 1) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t i = 0; i < n;) {
        const item *it = &v[i];
        size_t k = e->n++;
        e->imp[k] = it->imp;
        e->exp[k] = it->exp;
        e->year[k] = it->year;
        e->comm[k] = it->comm;
        e->qty[k] = e->qty_tm[k] = e->usd[k] = (double)NAN;
        e->months[k] = 0;
        uint16_t tmask = tm[it->imp == 710 ? 0 : 1][it->comm][it->year - EN_Y0];
        e->tmonths[k] = tmask;
        for (; i < n && key_cmp(v[i].imp, v[i].exp, v[i].comm, v[i].year, it->imp, it->exp,
                                it->comm, it->year) == 0;
             i++) {
            double x = v[i].v;
            uint16_t bit = (uint16_t)(1u << (v[i].month - 1));
            if (v[i].is_usd) {
                e->usd[k] = isnan(e->usd[k]) ? x : e->usd[k] + x;
                continue;
            }
            e->qty[k] = isnan(e->qty[k]) ? x : e->qty[k] + x;
            e->months[k] |= bit;
            if (tmask & bit) {
                e->qty_tm[k] = isnan(e->qty_tm[k]) ? x : e->qty_tm[k] + x;
            }
        }
        /* A partner that reports nothing in the total's months had none then. */
        if (!isnan(e->qty[k]) && isnan(e->qty_tm[k]) && tmask) {
            e->qty_tm[k] = 0;
        }
    }
    return SHI_OK;
}

shi_status shi_energy_build(shi_energy *e, const shi_energy_table *cn, const shi_energy_table *eu,
                            const char *const paths[2], shi_err *err)
{
    memset(e, 0, sizeof *e);
    item *v = NULL;
    size_t n = 0;
    const shi_energy_table *const tabs[2] = {cn, eu};
    tmask_t *tm = calloc(1, sizeof *tm);
    shi_status s = tm ? SHI_OK : shi_err_set(err, SHI_EIO, "out of memory");
    if (s == SHI_OK) {
        s = collect(&v, &n, cn, 0, err);
    }
    if (s == SHI_OK) {
        s = collect(&v, &n, eu, 1, err);
    }
    if (s == SHI_OK) {
        s = dedupe(v, &n, tabs, paths, err);
    }
    if (s == SHI_OK) {
        s = add_totals(&v, &n, err);
    }
    if (s == SHI_OK) {
        qsort(v, n, sizeof *v, agg_cmp);
        s = aggregate(e, v, n, *tm, err);
    }
    free(v);
    free(tm);
    if (s != SHI_OK) {
        shi_energy_destroy(e);
    }
    return s;
}

/* Sort order of records by index (qsort_r is not C11: a small struct array). */
typedef struct rec_key {
    int32_t imp, exp, year;
    int8_t comm;
    size_t at;
} rec_key;

static int rec_cmp(const void *p, const void *q)
{
    const rec_key *a = p, *b = q;
    return key_cmp(a->imp, a->exp, a->comm, a->year, b->imp, b->exp, b->comm, b->year);
}

#define EN_PERMUTE(f)                                                                              \
    do {                                                                                           \
        void *tmp = malloc(e->n * sizeof *e->f + 1);                                               \
        if (!tmp) {                                                                                \
            free(k);                                                                               \
            return shi_err_set(err, SHI_EIO, "out of memory");                                     \
        }                                                                                          \
        for (size_t i = 0; i < e->n; i++) {                                                        \
            memcpy((char *)tmp + i * sizeof *e->f, &e->f[k[i].at], sizeof *e->f);                  \
        }                                                                                          \
        free(e->f);                                                                                \
        e->f = tmp;                                                                                \
    } while (0)

shi_status shi_i_energy_finish(shi_energy *e, shi_err *err)
{
    rec_key *k = malloc((e->n + 1) * sizeof *k);
    if (!k) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t i = 0; i < e->n; i++) {
        k[i] = (rec_key){e->imp[i], e->exp[i], e->year[i], e->comm[i], i};
    }
    qsort(k, e->n, sizeof *k, rec_cmp);
    EN_PERMUTE(imp);
    EN_PERMUTE(exp);
    EN_PERMUTE(year);
    EN_PERMUTE(comm);
    EN_PERMUTE(qty);
    EN_PERMUTE(qty_tm);
    EN_PERMUTE(usd);
    EN_PERMUTE(months);
    EN_PERMUTE(tmonths);
    free(k);
    memset(e->y0, 0, sizeof e->y0);
    memset(e->y1, 0, sizeof e->y1);
    e->china_y1 = e->europe_y1 = 0;
    for (size_t i = 0; i < e->n; i++) {
        int c = e->comm[i], y = e->year[i];
        e->y0[c] = e->y0[c] && e->y0[c] < y ? e->y0[c] : y;
        e->y1[c] = e->y1[c] > y ? e->y1[c] : y;
        int *last = e->imp[i] == 710 ? &e->china_y1 : &e->europe_y1;
        *last = *last > y ? *last : y;
    }
    return SHI_OK;
}
