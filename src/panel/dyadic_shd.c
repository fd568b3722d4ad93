/*
 * dyadic_shd.c - the dyadic arrays in shi's .shd text format, as spells.
 *
 * Records (tab-separated; see docs/data.md):
 *   coverage  contig|ally|unga  y0  y1     years the source covers
 *   generic   0|1                          alliances from a generic level file
 *   contig    a  b  y0  y1  type           a < b (symmetric), type 1-5
 *   ally      a  b  y0  y1  flags  level   directed: a's obligations towards b
 *   capital   a  y0  y1  lat  lon          capital on 1 January of y0..y1
 *   unga      a  year  ideal  agree_usa agree_rus agree_bra agree_chn agree_ind agree_isr
 * A spell is a run of consecutive years with the same value; values not listed
 * inside a source's coverage are 0 (contiguity, alliances) or missing (others).
 */
#include <shi/csv.h>
#include <shi/dyadic.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../io/shd.h"
#include "data_priv.h"

/* Runs over the years of one byte-valued pair series. */
static void byte_runs(FILE *f, const shi_dyadic *d, const uint8_t *a, int y0, int y1, size_t i,
                      size_t j, const char *tag, int ca, int cb, const uint8_t *level)
{
    int start = 0;
    uint8_t cur = 0, curl = 0;
    for (int y = y0; y <= y1 + 1; y++) {
        uint8_t v = 0, l = 0;
        if (y <= y1) {
            size_t k = shi_dy_pair(d, y, i, j);
            v = a ? a[k] : 0;
            l = level ? level[k] : 0;
            if (v == SHI_NA_U8) {
                v = 0;
            }
            if (l == SHI_NA_U8) {
                l = 0;
            }
        }
        if (start && (v != cur || l != curl)) {
            if (level) {
                fprintf(f, "%s\t%d\t%d\t%d\t%d\t%u\t%u\n", tag, ca, cb, start, y - 1, cur, curl);
            } else {
                fprintf(f, "%s\t%d\t%d\t%d\t%d\t%u\n", tag, ca, cb, start, y - 1, cur);
            }
            start = 0;
        }
        if (!start && (v || l) && y <= y1) {
            start = y;
            cur = v;
            curl = l;
        }
    }
}

void shi_dyadic_write_shd(const shi_dyadic *d, const shi_states *s, FILE *f)
{
    fprintf(f, "coverage\tcontig\t%d\t%d\n", d->contig_y0, d->contig_y1);
    fprintf(f, "coverage\tally\t%d\t%d\n", d->ally_y0, d->ally_y1);
    fprintf(f, "coverage\tunga\t%d\t%d\n", d->unga_y0, d->unga_y1);
    fprintf(f, "generic\t%d\n", d->ally_generic);
    int cy0 = d->contig_y0 > d->y0 ? d->contig_y0 : d->y0;
    int cy1 = d->contig_y1 < d->y1 ? d->contig_y1 : d->y1;
    int ay0 = d->ally_y0 > d->y0 ? d->ally_y0 : d->y0;
    int ay1 = d->ally_y1 < d->y1 ? d->ally_y1 : d->y1;
    for (size_t i = 0; i < d->n; i++) {
        for (size_t j = 0; j < d->n; j++) {
            if (i < j) {
                byte_runs(f, d, d->contig, cy0, cy1, i, j, "contig", s->v[i].ccode, s->v[j].ccode,
                          NULL);
            }
            if (i != j) {
                byte_runs(f, d, d->ally_generic ? NULL : d->ally, ay0, ay1, i, j, "ally",
                          s->v[i].ccode, s->v[j].ccode, d->ally_level);
            }
        }
    }
    for (size_t i = 0; i < d->n; i++) {
        int start = 0;
        double la = 0, lo = 0;
        for (int y = d->y0; y <= d->y1 + 1; y++) {
            double a = (double)NAN, b = (double)NAN;
            if (y <= d->y1) {
                a = d->cap_lat[shi_dy_one(d, y, i)];
                b = d->cap_lon[shi_dy_one(d, y, i)];
            }
            if (start && (isnan(a) || a != la || b != lo)) {
                fprintf(f, "capital\t%d\t%d\t%d", s->v[i].ccode, start, y - 1);
                shi_shd_put_real(f, la);
                shi_shd_put_real(f, lo);
                fputc('\n', f);
                start = 0;
            }
            if (!start && !isnan(a)) {
                start = y;
                la = a;
                lo = b;
            }
        }
    }
    for (int y = d->y0; y <= d->y1; y++) {
        for (size_t i = 0; i < d->n; i++) {
            size_t k = shi_dy_one(d, y, i);
            int any = !isnan(d->ideal[k]);
            for (int r = 0; r < SHI_DY_NREF; r++) {
                any |= !isnan(d->agree[r][k]);
            }
            if (!any) {
                continue;
            }
            fprintf(f, "unga\t%d\t%d", s->v[i].ccode, y);
            shi_shd_put_real(f, d->ideal[k]);
            for (int r = 0; r < SHI_DY_NREF; r++) {
                shi_shd_put_real(f, d->agree[r][k]);
            }
            fputc('\n', f);
        }
    }
}

/* ---- reading ------------------------------------------------------------ */

typedef struct reader {
    shi_csv *c;
    shi_err *err;
    int y0, y1; /* the file's years; the arrays hold [d->y0, d->y1] within them */
    long map[1000];
} reader;

static shi_status int_field(reader *r, size_t i, long lo, long hi, long *v)
{
    int64_t x = 0;
    shi_status s = shi_shd_int(r->c, i, lo, hi, &x, r->err);
    *v = (long)x;
    return s;
}

static shi_status state_field(reader *r, size_t i, long *idx)
{
    long cc;
    shi_status s = int_field(r, i, 1, 999, &cc);
    if (s == SHI_OK && (*idx = r->map[cc]) < 0) {
        s = shi_csv_field_error(r->c, i, r->err, "unknown state code");
    }
    return s;
}

static shi_status nfields(reader *r, size_t n)
{
    return shi_shd_fields(r->c, n, r->err);
}

/* A spell's years, checked against the file's; cut to the arrays' first
 * year (*y0 > *y1: the spell ends before it). */
static shi_status span(reader *r, const shi_dyadic *d, size_t i, long *y0, long *y1)
{
    shi_status s = int_field(r, i, r->y0, r->y1, y0);
    if (s == SHI_OK) {
        s = int_field(r, i + 1, *y0, r->y1, y1);
    }
    *y0 = *y0 < d->y0 ? d->y0 : *y0;
    return s;
}

static shi_status record(reader *r, shi_dyadic *d)
{
    const char *tag = shi_csv_field(r->c, 0);
    shi_status s = SHI_OK;
    long a, b, y0, y1, v, l;
    if (strcmp(tag, "coverage") == 0) {
        if ((s = nfields(r, 4)) || (s = int_field(r, 2, 0, 3000, &y0)) ||
            (s = int_field(r, 3, 0, 3000, &y1))) {
            return s;
        }
        const char *what = shi_csv_field(r->c, 1);
        uint8_t *arrays[2] = {NULL, NULL};
        if (strcmp(what, "contig") == 0) {
            d->contig_y0 = (int)y0;
            d->contig_y1 = (int)y1;
            arrays[0] = d->contig;
        } else if (strcmp(what, "ally") == 0) {
            d->ally_y0 = (int)y0;
            d->ally_y1 = (int)y1;
            arrays[0] = d->ally;
            arrays[1] = d->ally_level;
        } else if (strcmp(what, "unga") == 0) {
            d->unga_y0 = (int)y0;
            d->unga_y1 = (int)y1;
        } else {
            return shi_csv_field_error(r->c, 1, r->err, "unknown coverage");
        }
        for (int k = 0; k < 2; k++) {
            for (long y = y0 > d->y0 ? y0 : d->y0; arrays[k] && y <= y1 && y <= d->y1; y++) {
                memset(arrays[k] + shi_dy_pair(d, (int)y, 0, 0), 0, d->n * d->n);
            }
        }
    } else if (strcmp(tag, "generic") == 0) {
        if ((s = nfields(r, 2)) || (s = int_field(r, 1, 0, 1, &v))) {
            return s;
        }
        d->ally_generic = (int)v;
        if (v) {
            memset(d->ally, SHI_NA_U8, (size_t)(d->y1 - d->y0 + 1) * d->n * d->n);
        }
    } else if (strcmp(tag, "contig") == 0) {
        if ((s = nfields(r, 6)) || (s = state_field(r, 1, &a)) || (s = state_field(r, 2, &b)) ||
            (s = span(r, d, 3, &y0, &y1)) || (s = int_field(r, 5, 1, 5, &v))) {
            return s;
        }
        for (long y = y0; y <= y1; y++) {
            d->contig[shi_dy_pair(d, (int)y, (size_t)a, (size_t)b)] = (uint8_t)v;
            d->contig[shi_dy_pair(d, (int)y, (size_t)b, (size_t)a)] = (uint8_t)v;
        }
    } else if (strcmp(tag, "ally") == 0) {
        if ((s = nfields(r, 7)) || (s = state_field(r, 1, &a)) || (s = state_field(r, 2, &b)) ||
            (s = span(r, d, 3, &y0, &y1)) || (s = int_field(r, 5, 0, 255, &v)) ||
            (s = int_field(r, 6, 0, 3, &l))) {
            return s;
        }
        for (long y = y0; y <= y1; y++) {
            size_t k = shi_dy_pair(d, (int)y, (size_t)a, (size_t)b);
            if (!d->ally_generic) {
                d->ally[k] = (uint8_t)v;
            }
            d->ally_level[k] = (uint8_t)l;
        }
    } else if (strcmp(tag, "capital") == 0) {
        double la, lo;
        int m1, m2;
        if ((s = nfields(r, 6)) || (s = state_field(r, 1, &a)) || (s = span(r, d, 2, &y0, &y1)) ||
            (s = shi_csv_real(r->c, 4, &la, &m1, r->err)) ||
            (s = shi_csv_real(r->c, 5, &lo, &m2, r->err))) {
            return s;
        }
        for (long y = y0; y <= y1; y++) {
            d->cap_lat[shi_dy_one(d, (int)y, (size_t)a)] = la;
            d->cap_lon[shi_dy_one(d, (int)y, (size_t)a)] = lo;
        }
    } else if (strcmp(tag, "unga") == 0) {
        if ((s = nfields(r, 4 + SHI_DY_NREF)) || (s = state_field(r, 1, &a)) ||
            (s = int_field(r, 2, r->y0, r->y1, &y0))) {
            return s;
        }
        if (y0 < d->y0) {
            return SHI_OK;
        }
        size_t k = shi_dy_one(d, (int)y0, (size_t)a);
        int miss;
        if ((s = shi_csv_real(r->c, 3, &d->ideal[k], &miss, r->err)) != SHI_OK) {
            return s;
        }
        for (int q = 0; q < SHI_DY_NREF && s == SHI_OK; q++) {
            s = shi_csv_real(r->c, (size_t)(4 + q), &d->agree[q][k], &miss, r->err);
        }
    } else if (strcmp(tag, "shi-data") != 0 && strcmp(tag, "note") != 0 &&
               strcmp(tag, "source") != 0) {
        s = shi_csv_field_error(r->c, 0, r->err, "unknown record type");
    }
    return s;
}

/* shi_csv_opts.skip: 1 for a row whose (last) year comes before the
 * arrays' first (a view: shi_data_spec.from), read off the raw line; the
 * field of that year by record type (see the top of this file). Anything
 * unexpected is left to the full reader. */
static int skip_early(const char *p, size_t n, void *arg)
{
    const shi_dyadic *d = arg;
    const char *e = p + n, *t = memchr(p, '\t', n);
    size_t tn = t ? (size_t)(t - p) : 0;
    int want = tn == 6 && memcmp(p, "contig", 6) == 0    ? 4
               : tn == 4 && memcmp(p, "ally", 4) == 0    ? 4
               : tn == 7 && memcmp(p, "capital", 7) == 0 ? 3
               : tn == 4 && memcmp(p, "unga", 4) == 0    ? 2
                                                         : -1;
    for (int k = 1; want > 0 && t && k < want; k++) {
        t = memchr(t + 1, '\t', (size_t)(e - t - 1));
    }
    if (want <= 0 || !t) {
        return 0;
    }
    long y = 0;
    int nd = 0;
    for (const char *q = t + 1; q < e && *q >= '0' && *q <= '9' && nd < 5; q++, nd++) {
        y = y * 10 + (*q - '0');
    }
    const char *q = t + 1 + nd;
    return nd > 0 && (q == e || *q == '\t') && y < d->y0;
}

shi_status shi_dyadic_read_shd(shi_dyadic *d, const shi_states *st, int y0, int y1,
                               const char *name, const void *text, size_t len, shi_err *err)
{
    return shi_i_dyadic_read_shd_from(d, st, y0, y1, y0, name, text, len, err);
}

shi_status shi_i_dyadic_read_shd_from(shi_dyadic *d, const shi_states *st, int y0, int y1, int from,
                                      const char *name, const void *text, size_t len, shi_err *err)
{
    /* Start from empty tables: everything missing, then coverage opens years. */
    shi_status s =
        shi_dyadic_build(d, st, from > y0 ? from : y0, y1, NULL, NULL, NULL, NULL, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    reader r;
    r.err = err;
    r.y0 = y0;
    r.y1 = y1;
    for (int c = 0; c < 1000; c++) {
        r.map[c] = -1;
    }
    for (size_t i = 0; i < st->n; i++) {
        r.map[st->v[i].ccode] = (long)i;
    }
    r.c = NULL;
    /* A view from a later year: when the text checks out as a whole, its
     * records are read without the running check, and the rows that end
     * before the view are passed over unsplit. */
    size_t body = 0;
    int slice = d->y0 > y0 && shi_shd_check_text(text, len, &body);
    s = slice ? shi_shd_open_slice_skip(&r.c, name, text, body, 1, skip_early, d, err)
              : shi_shd_open(&r.c, name, text, len, err);
    int got = 1;
    shi_shd_sum sum = {0};
    while (s == SHI_OK) {
        s = slice ? shi_csv_next(r.c, &got, err) : shi_shd_next(r.c, &sum, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        s = record(&r, d);
    }
    shi_csv_free(r.c);
    if (s != SHI_OK) {
        shi_dyadic_destroy(d);
    }
    return s;
}
