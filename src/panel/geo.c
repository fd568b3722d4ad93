/*
 * geo.c - the geographic part of the data view (shi/geo.h): its lookups.
 * Loading and building it are in data_geo.c.
 */
#include <shi/geo.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

void shi_geo_destroy(shi_geo *g)
{
    if (!g) {
        return;
    }
    free(g->md_a);
    free(g->md_b);
    free(g->md_y0);
    free(g->md_y1);
    free(g->md_km);
    memset(g, 0, sizeof *g);
}

double shi_geo_mindist(const shi_geo *g, int a, int b, int year)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;
    if (g->n == 0 || year < g->mindist_y0 || year > g->mindist_y1) {
        return (double)NAN;
    }
    /* The first spell after (lo, hi, year): the one before it holds the year if any. */
    size_t l = 0, h = g->n;
    while (l < h) {
        size_t m = l + (h - l) / 2;
        int after = g->md_a[m] != lo   ? g->md_a[m] > lo
                    : g->md_b[m] != hi ? g->md_b[m] > hi
                                       : g->md_y0[m] > year;
        if (after) {
            h = m;
        } else {
            l = m + 1;
        }
    }
    if (l == 0 || g->md_a[l - 1] != lo || g->md_b[l - 1] != hi || g->md_y1[l - 1] < year) {
        return (double)NAN;
    }
    return g->md_km[l - 1];
}
