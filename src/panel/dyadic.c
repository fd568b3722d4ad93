/*
 * dyadic.c - dense year x state x state arrays from the dyadic importers'
 * tables (contiguity, capitals, alliances, UN voting).
 */
#include <shi/dyadic.h>
#include <shi/io_dyad.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data_priv.h"

_Static_assert(SHI_DY_NREF == SHI_UNGA_NREF,
               "dyadic.h and io_dyad.h disagree on the UN reference states");

void shi_dyadic_destroy(shi_dyadic *d)
{
    if (!d) {
        return;
    }
    free(d->contig);
    free(d->ally);
    free(d->ally_level);
    free(d->cap_lat);
    free(d->cap_lon);
    free(d->ideal);
    for (int r = 0; r < SHI_UNGA_NREF; r++) {
        free(d->agree[r]);
    }
    free(d->mid_host);
    free(d->mid_onset);
    free(d->mid_attr);
    free(d->nuclear);
    free(d->warheads);
    free(d->ucdp);
    free(d->igo);
    for (int k = 0; k < 4; k++) {
        free(d->igo_sy[k]);
    }
    memset(d, 0, sizeof *d);
}

/* Registry index of a COW code, via a 1000-entry map; -1 if unknown. */
static void make_map(const shi_states *s, long *map)
{
    for (int c = 0; c < 1000; c++) {
        map[c] = -1;
    }
    for (size_t i = 0; i < s->n; i++) {
        if (s->v[i].ccode >= 0 && s->v[i].ccode < 1000) {
            map[s->v[i].ccode] = (long)i;
        }
    }
}

static shi_status unknown(const char *path, int32_t line, int32_t col, int ccode, shi_err *err)
{
    return shi_err_set_at(err, SHI_EDATA, path ? path : "", line, col,
                          "unknown state code %d (not in the COW state system list)", ccode);
}

static uint8_t *filled_bytes(size_t n, uint8_t v)
{
    uint8_t *p = malloc(n ? n : 1);
    if (p) {
        memset(p, v, n);
    }
    return p;
}

static double *filled_nan(size_t n)
{
    double *p = malloc((n ? n : 1) * sizeof *p);
    if (p) {
        for (size_t i = 0; i < n; i++) {
            p[i] = (double)NAN;
        }
    }
    return p;
}

/* Set the source's years to 0 ("not listed") and the rest to missing. */
static void open_years(shi_dyadic *d, uint8_t *a, int y0, int y1)
{
    for (int y = y0 > d->y0 ? y0 : d->y0; y <= y1 && y <= d->y1; y++) {
        memset(a + shi_dy_pair(d, y, 0, 0), 0, d->n * d->n);
    }
}

static shi_status build_contig(shi_dyadic *d, const long *map, const shi_contig_table *t,
                               const char *path, shi_err *err)
{
    size_t nn = (size_t)(d->y1 - d->y0 + 1) * d->n * d->n;
    d->contig = filled_bytes(nn, SHI_NA_U8);
    if (!d->contig) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (!t || t->n == 0) {
        d->contig_y0 = 1;
        d->contig_y1 = 0;
        return SHI_OK;
    }
    int y0 = t->year[0], y1 = t->year[0];
    for (size_t r = 0; r < t->n; r++) {
        y0 = t->year[r] < y0 ? t->year[r] : y0;
        y1 = t->year[r] > y1 ? t->year[r] : y1;
    }
    d->contig_y0 = y0;
    d->contig_y1 = y1;
    open_years(d, d->contig, y0, y1);
    for (size_t r = 0; r < t->n; r++) {
        long a = map[t->ccode1[r]], b = map[t->ccode2[r]];
        if (a < 0 || b < 0) {
            return unknown(path, t->line[r], t->col[r], a < 0 ? t->ccode1[r] : t->ccode2[r], err);
        }
        if (t->year[r] < d->y0 || t->year[r] > d->y1) {
            continue;
        }
        /* A dyad-year whose type changed within the year is listed once per type:
         * keep the closest (lowest) type. Contiguity is symmetric. */
        uint8_t *p = &d->contig[shi_dy_pair(d, t->year[r], (size_t)a, (size_t)b)];
        uint8_t *q = &d->contig[shi_dy_pair(d, t->year[r], (size_t)b, (size_t)a)];
        uint8_t v = (uint8_t)t->conttype[r];
        if (*p == 0 || v < *p) {
            *p = v;
            *q = v;
        }
    }
    return SHI_OK;
}

static shi_status build_ally(shi_dyadic *d, const long *map, const shi_alliance_table *t,
                             const char *path, shi_err *err)
{
    size_t nn = (size_t)(d->y1 - d->y0 + 1) * d->n * d->n;
    d->ally = filled_bytes(nn, SHI_NA_U8);
    d->ally_level = filled_bytes(nn, SHI_NA_U8);
    if (!d->ally || !d->ally_level) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (!t || t->n == 0) {
        d->ally_y0 = 1;
        d->ally_y1 = 0;
        return SHI_OK;
    }
    int y0 = t->year[0], y1 = t->year[0];
    for (size_t r = 0; r < t->n; r++) {
        y0 = t->year[r] < y0 ? t->year[r] : y0;
        y1 = t->year[r] > y1 ? t->year[r] : y1;
    }
    d->ally_y0 = y0 > d->y0 ? y0 : d->y0;
    d->ally_y1 = y1;
    open_years(d, d->ally, y0, y1);
    open_years(d, d->ally_level, y0, y1);
    for (size_t r = 0; r < t->n; r++) {
        long a = map[t->ccode1[r]], b = map[t->ccode2[r]];
        if (a < 0 || b < 0) {
            return unknown(path, t->line[r], t->col[r], a < 0 ? t->ccode1[r] : t->ccode2[r], err);
        }
        if (t->year[r] < d->y0 || t->year[r] > d->y1) {
            continue;
        }
        size_t k = shi_dy_pair(d, t->year[r], (size_t)a, (size_t)b);
        if (t->flags[r] & SHI_ALLY_NO_FLAGS) {
            d->ally_generic = 1;
        } else {
            d->ally[k] |= t->flags[r];
        }
        if (t->level[r] > d->ally_level[k]) {
            d->ally_level[k] = (uint8_t)t->level[r];
        }
    }
    if (d->ally_generic) {
        /* A generic file gives levels only: obligation flags are unknown. */
        memset(d->ally, SHI_NA_U8, nn);
    }
    return SHI_OK;
}

static shi_status build_capitals(shi_dyadic *d, const long *map, const shi_capital_table *t,
                                 const char *path, shi_err *err)
{
    size_t n1 = (size_t)(d->y1 - d->y0 + 1) * d->n;
    d->cap_lat = filled_nan(n1);
    d->cap_lon = filled_nan(n1);
    if (!d->cap_lat || !d->cap_lon) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (!t) {
        return SHI_OK;
    }
    for (size_t r = 0; r < t->n; r++) {
        long a = map[t->ccode[r]];
        if (a < 0) {
            return unknown(path, t->line[r], t->col[r], t->ccode[r], err);
        }
        for (int y = d->y0; y <= d->y1; y++) {
            int32_t jan1 = y * 10000 + 101, dec31 = y * 10000 + 1231;
            size_t k = shi_dy_one(d, y, (size_t)a);
            if (t->start[r] <= jan1 && t->end[r] >= jan1) {
                /* The capital on 1 January of the year. */
                d->cap_lat[k] = t->lat[r];
                d->cap_lon[k] = t->lon[r];
            } else if (t->start[r] > jan1 && t->start[r] <= dec31 && isnan(d->cap_lat[k])) {
                /* No capital on 1 January (the state entered during the year):
                 * its first capital of the year. */
                d->cap_lat[k] = t->lat[r];
                d->cap_lon[k] = t->lon[r];
            }
        }
    }
    return SHI_OK;
}

static shi_status build_unga(shi_dyadic *d, const long *map, const shi_unga_table *t,
                             const char *path, shi_err *err)
{
    size_t n1 = (size_t)(d->y1 - d->y0 + 1) * d->n;
    d->ideal = filled_nan(n1);
    for (int r = 0; r < SHI_UNGA_NREF; r++) {
        d->agree[r] = filled_nan(n1);
        if (!d->agree[r]) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
    }
    if (!d->ideal) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    d->unga_y0 = 1;
    d->unga_y1 = 0;
    if (!t || t->n == 0) {
        return SHI_OK;
    }
    d->unga_y0 = t->year[0];
    d->unga_y1 = t->year[0];
    for (size_t r = 0; r < t->n; r++) {
        long a = map[t->ccode[r]];
        if (a < 0) {
            return unknown(path, t->line[r], t->col[r], t->ccode[r], err);
        }
        d->unga_y0 = t->year[r] < d->unga_y0 ? t->year[r] : d->unga_y0;
        d->unga_y1 = t->year[r] > d->unga_y1 ? t->year[r] : d->unga_y1;
        if (t->year[r] < d->y0 || t->year[r] > d->y1) {
            continue;
        }
        size_t k = shi_dy_one(d, t->year[r], (size_t)a);
        d->ideal[k] = t->ideal[r];
        for (int q = 0; q < SHI_UNGA_NREF; q++) {
            d->agree[q][k] = t->agree[q][r];
        }
    }
    return SHI_OK;
}

shi_status shi_dyadic_build(shi_dyadic *d, const shi_states *s, int y0, int y1,
                            const shi_contig_table *contig, const shi_capital_table *capitals,
                            const shi_alliance_table *ally, const shi_unga_table *unga,
                            const char *const paths[4], shi_err *err)
{
    memset(d, 0, sizeof *d);
    if (y1 < y0 || y0 < 1000 || y1 > 2200) {
        return shi_err_set(err, SHI_EINTERNAL, "dyadic: bad year range %d-%d", y0, y1);
    }
    d->y0 = y0;
    d->y1 = y1;
    d->n = s->n;
    for (int r = 0; r < SHI_DY_NREF; r++) {
        d->agree_ref[r] = shi_unga_ref_ccode[r];
    }
    long map[1000];
    make_map(s, map);
    static const char *const none[4] = {NULL, NULL, NULL, NULL};
    if (!paths) {
        paths = none;
    }
    shi_status st = build_contig(d, map, contig, paths[0], err);
    if (st == SHI_OK) {
        st = build_capitals(d, map, capitals, paths[1], err);
    }
    if (st == SHI_OK) {
        st = build_ally(d, map, ally, paths[2], err);
    }
    if (st == SHI_OK) {
        st = build_unga(d, map, unga, paths[3], err);
    }
    if (st != SHI_OK) {
        shi_dyadic_destroy(d);
    }
    return st;
}

static void clip_one(const shi_dyadic *d, int *y0, int *y1)
{
    if (*y1 < d->y0 || *y0 > *y1) {
        *y0 = 1;
        *y1 = 0;
    } else if (*y0 < d->y0) {
        *y0 = d->y0;
    }
}

void shi_i_dyadic_clip_from(shi_dyadic *d)
{
    clip_one(d, &d->contig_y0, &d->contig_y1);
    clip_one(d, &d->ally_y0, &d->ally_y1);
    clip_one(d, &d->unga_y0, &d->unga_y1);
    clip_one(d, &d->mid_y0, &d->mid_y1);
    clip_one(d, &d->onset_y0, &d->onset_y1);
    clip_one(d, &d->ucdp_y0, &d->ucdp_y1);
    clip_one(d, &d->igo_y0, &d->igo_y1);
}
