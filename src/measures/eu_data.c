/*
 * eu_data.c - one year's expected-utility system from the data view: members,
 * CINC, alliance levels and distances (shi/eu.h; conventions in docs/eu.md).
 */
#include <shi/eu.h>
#include <shi/geography.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct sysbuf {
    int *ccode;
    size_t *idx; /* registry index of each member */
    double *cap, *miles;
    uint8_t *ally;
} sysbuf;

static void sysbuf_free(sysbuf *b)
{
    free(b->ccode);
    free(b->idx);
    free(b->cap);
    free(b->miles);
    free(b->ally);
}

/* Alliance levels among the members: the stronger of the two directions
 * (ATOP's obligations are directed; EUGene's COW codes are symmetric), none
 * where the data list nothing. */
static void fill_ally(const shi_dyadic *dy, int year, const size_t *idx, size_t m, uint8_t *out)
{
    for (size_t p = 0; p < m; p++) {
        for (size_t q = 0; q < m; q++) {
            uint8_t v = 3;
            if (p != q) {
                uint8_t a = dy->ally_level[shi_dy_pair(dy, year, idx[p], idx[q])];
                uint8_t b = dy->ally_level[shi_dy_pair(dy, year, idx[q], idx[p])];
                a = a == SHI_NA_U8 ? 0 : a;
                b = b == SHI_NA_U8 ? 0 : b;
                v = a > b ? a : b;
            }
            out[p * m + q] = v;
        }
    }
}

/* Great-circle miles between the capitals on 1 January; 0 for direct land
 * contiguity (EUGene's default contiguity level 1, Bennett & Stam fn. 21). */
static void fill_miles(const shi_dyadic *dy, int year, const size_t *idx, size_t m, double *out)
{
    int have_contig = year >= dy->contig_y0 && year <= dy->contig_y1;
    for (size_t p = 0; p < m; p++) {
        size_t ip = shi_dy_one(dy, year, idx[p]);
        for (size_t q = 0; q < m; q++) {
            size_t iq = shi_dy_one(dy, year, idx[q]);
            double d = NAN;
            if (p == q) {
                d = 0;
            } else if (have_contig && dy->contig[shi_dy_pair(dy, year, idx[p], idx[q])] == 1) {
                d = 0;
            } else if (!isnan(dy->cap_lat[ip]) && !isnan(dy->cap_lat[iq])) {
                d = shi_great_circle_km(dy->cap_lat[ip], dy->cap_lon[ip], dy->cap_lat[iq],
                                        dy->cap_lon[iq]) /
                    SHI_KM_PER_MILE;
            }
            out[p * m + q] = d;
        }
    }
}

shi_status shi_eu_year_from_data(shi_eu_year **out, const shi_data *d, int year,
                                 const shi_eu_opts *o, shi_err *err)
{
    *out = NULL;
    if (!d->dy_loaded || year < d->dy.y0 || year > d->dy.y1) {
        return SHI_OK;
    }
    const shi_states *s = &d->states;
    const shi_dyadic *dy = &d->dy;
    size_t n = s->n, m = 0;
    sysbuf b = {0};
    b.ccode = malloc((n ? n : 1) * sizeof *b.ccode);
    b.idx = malloc((n ? n : 1) * sizeof *b.idx);
    b.cap = malloc((n ? n : 1) * sizeof *b.cap);
    if (!b.ccode || !b.idx || !b.cap) {
        sysbuf_free(&b);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        if (!shi_states_member(s, &s->v[i], year)) {
            continue;
        }
        long row = shi_panel_row(&d->caps, s->v[i].ccode, year);
        b.ccode[m] = s->v[i].ccode;
        b.idx[m] = i;
        b.cap[m] = row >= 0 ? shi_panel_get(&d->caps, d->cinc, (size_t)row) : (double)NAN;
        m++;
    }
    int have_ally = year >= dy->ally_y0 && year <= dy->ally_y1;
    size_t mm = m * m > 0 ? m * m : 1;
    b.miles = malloc(mm * sizeof *b.miles);
    b.ally = have_ally ? malloc(mm) : NULL;
    if (!b.miles || (have_ally && !b.ally)) {
        sysbuf_free(&b);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (have_ally) {
        fill_ally(dy, year, b.idx, m, b.ally);
    }
    fill_miles(dy, year, b.idx, m, b.miles);
    const shi_eu_system sys = {year, m, b.ccode, b.cap, b.ally, b.miles};
    shi_status st = shi_eu_year_new(out, &sys, o, err);
    sysbuf_free(&b);
    return st;
}
