/*
 * sphere.c - spheres of influence of two powers over third states
 * (shi/sphere.h, docs/sphere.md).
 */
#include <shi/energy_share.h>
#include <shi/sphere.h>

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slope_priv.h"

static const int CENTRAL_ASIA[] = {705, 703, 702, 701, 704};
static const int ASIA_PACIFIC[] = {740, 732, 731, 712, 713, 816, 812, 811,
                                   800, 775, 820, 830, 850, 840, 900, 920};
static const int FORMER_USSR[] = {369, 370, 359, 371, 372, 373, 366,
                                  367, 368, 705, 703, 702, 701, 704};
static const char *const REGION_NAMES[] = {"Central Asia", "Asia-Pacific", "former Soviet Union",
                                           NULL};

static int same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) {
            return 0;
        }
    }
    return *a == *b;
}

const char *const *shi_sphere_region_names(void)
{
    return REGION_NAMES;
}

const int *shi_sphere_region(const char *name, size_t *n)
{
    const int *const v[] = {CENTRAL_ASIA, ASIA_PACIFIC, FORMER_USSR};
    const size_t len[] = {sizeof CENTRAL_ASIA / sizeof(int), sizeof ASIA_PACIFIC / sizeof(int),
                          sizeof FORMER_USSR / sizeof(int)};
    for (int k = 0; REGION_NAMES[k]; k++) {
        if (same_name(name, REGION_NAMES[k])) {
            *n = len[k];
            return v[k];
        }
    }
    *n = 0;
    return NULL;
}

void shi_sphere_free(shi_sphere_table *s)
{
    if (!s) {
        return;
    }
    free(s->third);
    free(s->v);
    free(s->index);
    free(s->slope);
    free(s->gain);
    free(s->areas);
    memset(s, 0, sizeof *s);
}

static double ratio(double part, double whole)
{
    return !isnan(part) && !isnan(whole) && whole > 0 ? part / whole : (double)NAN;
}

/* X's energy exports to P over its exports to China and Europe (crude and
 * gas, the mean of the two groups X exports). */
static double energy_area(const shi_energy *e, int p, int x, int y)
{
    double sum = 0;
    int n = 0;
    for (int g = SHI_ENG_CRUDE; g <= SHI_ENG_GAS; g++) {
        int m;
        /* China's total of the group must be there (pipeline-gas volumes end
         * in 2021), else a missing flow would read as none. */
        if (isnan(shi_energy_share(e, 710, x, g, y, &m))) {
            continue;
        }
        double c = shi_energy_flow(e, 710, x, g, y, &m);
        double u = shi_energy_flow(e, SHI_EN_EUROPE, x, g, y, &m);
        double tot = (isnan(c) ? 0 : c) + (isnan(u) ? 0 : u);
        if (tot <= 0) {
            continue;
        }
        if (p != 710) {
            return (double)NAN; /* only China's imports are known by partner state */
        }
        sum += (isnan(c) ? 0 : c) / tot;
        n++;
    }
    return n ? sum / n : (double)NAN;
}

static long reg_index(const shi_states *st, int c)
{
    for (size_t i = 0; i < st->n; i++) {
        if (st->v[i].ccode == c) {
            return (long)i;
        }
    }
    return -1;
}

static double area(const shi_data *d, int k, int p, int x, int y)
{
    const shi_dyadic *dy = &d->dy;
    long ip = reg_index(&d->states, p), ix = reg_index(&d->states, x);
    switch (k) {
    case SHI_SPH_ARMS:
        return d->rel_loaded ? ratio(shi_rel_arms(&d->rel, p, x, y - 4, y),
                                     shi_rel_arms_imports(&d->rel, x, y - 4, y))
                             : (double)NAN;
    case SHI_SPH_TRADE: {
        double xp, px, im, ex;
        if (!d->rel_loaded || !shi_rel_trade(&d->rel, x, p, y, &xp, &px)) {
            return (double)NAN;
        }
        shi_rel_trade_total(&d->rel, x, y, &im, &ex);
        return ratio(xp + px, im + ex);
    }
    case SHI_SPH_ENERGY:
        return d->en_loaded ? energy_area(&d->en, p, x, y) : (double)NAN;
    case SHI_SPH_ALLIANCE:
        if (!d->dy_loaded || ip < 0 || ix < 0 || y < dy->y0 || y > dy->y1) {
            return (double)NAN;
        }
        {
            uint8_t l1 = dy->ally_level[shi_dy_pair(dy, y, (size_t)ip, (size_t)ix)];
            uint8_t l2 = dy->ally_level[shi_dy_pair(dy, y, (size_t)ix, (size_t)ip)];
            if (l1 == SHI_NA_U8 || l2 == SHI_NA_U8) {
                return (double)NAN;
            }
            return (l1 > l2 ? l1 : l2) / 3.0;
        }
    case SHI_SPH_IGO: {
        /* Shared full memberships over X's full memberships; missing when
         * either is (after 2014, or a dyad outside the embedded subset), and
         * when X is a member of none (no share to take). */
        if (!d->rel_loaded || !dy->igo || ip < 0 || ix < 0 || y < dy->y0 || y > dy->y1) {
            return (double)NAN;
        }
        uint8_t both = dy->igo[shi_dy_pair(dy, y, (size_t)ip, (size_t)ix)];
        int16_t all = dy->igo_sy[SHI_IGO_FULL][shi_dy_one(dy, y, (size_t)ix)];
        return both == SHI_NA_U8 || all <= 0 ? (double)NAN : both / (double)all;
    }
    case SHI_SPH_UN:
        if (!d->dy_loaded || ix < 0 || y < dy->y0 || y > dy->y1) {
            return (double)NAN;
        }
        for (int q = 0; q < SHI_DY_NREF; q++) {
            if (dy->agree_ref[q] == p) {
                return dy->agree[q][shi_dy_one(dy, y, (size_t)ix)];
            }
        }
        return (double)NAN;
    default:
        return (double)NAN;
    }
}

static const double W[SHI_SPH_N] = {SHI_SPHERE_W_ARMS,     SHI_SPHERE_W_TRADE, SHI_SPHERE_W_ENERGY,
                                    SHI_SPHERE_W_ALLIANCE, SHI_SPHERE_W_IGO,   SHI_SPHERE_W_UN};

/* The areas of third state i's index: those both powers have in at least
 * half of the years. A fixed set, so that the index compares like with like
 * over the years: recomposing it each year (dropping trade after 2014, say)
 * moved the index by the weight of the area that ended, not by any change
 * of influence. */
static unsigned index_areas(const shi_sphere_table *s, size_t i, size_t ny)
{
    unsigned set = 0;
    for (int k = 0; k < SHI_SPH_N; k++) {
        size_t both = 0;
        for (size_t t = 0; t < ny; t++) {
            double v0 = s->v[((i * 2) * SHI_SPH_N + (size_t)k) * ny + t];
            double v1 = s->v[((i * 2 + 1) * SHI_SPH_N + (size_t)k) * ny + t];
            both += !isnan(v0) && !isnan(v1);
        }
        if (both > 0 && 2 * both >= ny) {
            set |= 1u << k;
        }
    }
    return set;
}

/* The index of both powers in one year: the weighted mean of the state's
 * index areas, missing (NaN) in a year that lacks one of them. */
static void index_year(shi_sphere_table *s, size_t i, int t, size_t ny)
{
    double num[2] = {0, 0}, wsum = 0;
    int complete = s->areas[i] != 0;
    for (int k = 0; k < SHI_SPH_N && complete; k++) {
        if (!(s->areas[i] & (1u << k))) {
            continue;
        }
        double v0 = s->v[((i * 2) * SHI_SPH_N + (size_t)k) * ny + (size_t)t];
        double v1 = s->v[((i * 2 + 1) * SHI_SPH_N + (size_t)k) * ny + (size_t)t];
        if (isnan(v0) || isnan(v1)) {
            complete = 0;
            break;
        }
        num[0] += W[k] * v0;
        num[1] += W[k] * v1;
        wsum += W[k];
    }
    for (int p = 0; p < 2; p++) {
        s->index[(i * 2 + (size_t)p) * ny + (size_t)t] =
            complete && wsum > 0 ? num[p] / wsum : (double)NAN;
    }
}

shi_status shi_sphere_compute(shi_sphere_table *s, const shi_data *d, int a, int b,
                              const int *third, size_t n, int y0, int y1, shi_err *err)
{
    memset(s, 0, sizeof *s);
    if (y1 < y0 || y1 - y0 > 200) {
        return shi_err_set(err, SHI_EUSAGE, "sphere: bad year range %d-%d", y0, y1);
    }
    s->p[0] = a;
    s->p[1] = b;
    s->y0 = y0;
    s->y1 = y1;
    size_t ny = (size_t)(y1 - y0 + 1);
    s->third = malloc((n + 1) * sizeof *s->third);
    s->v = malloc((n + 1) * 2 * SHI_SPH_N * ny * sizeof *s->v);
    s->index = malloc((n + 1) * 2 * ny * sizeof *s->index);
    s->slope = malloc((n + 1) * 2 * sizeof *s->slope);
    s->gain = malloc((n + 1) * sizeof *s->gain);
    s->areas = malloc((n + 1) * sizeof *s->areas);
    if (!s->third || !s->v || !s->index || !s->slope || !s->gain || !s->areas) {
        shi_sphere_free(s);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t j = 0; j < n; j++) {
        if (third[j] == a || third[j] == b) {
            continue;
        }
        size_t i = s->n++;
        s->third[i] = third[j];
        for (int p = 0; p < 2; p++) {
            for (int k = 0; k < SHI_SPH_N; k++) {
                for (size_t t = 0; t < ny; t++) {
                    int y = y0 + (int)t;
                    double v = area(d, k, s->p[p], third[j], y);
                    s->v[((i * 2 + (size_t)p) * SHI_SPH_N + (size_t)k) * ny + t] = v;
                    if (!isnan(v) && y > s->last[k]) {
                        s->last[k] = y;
                    }
                }
            }
        }
        s->areas[i] = index_areas(s, i, ny);
        for (size_t t = 0; t < ny; t++) {
            index_year(s, i, (int)t, ny);
        }
        for (int p = 0; p < 2; p++) {
            s->slope[i * 2 + (size_t)p] =
                shi_i_series_slope(&s->index[(i * 2 + (size_t)p) * ny], (int)ny, y0);
        }
        double d0 = s->slope[i * 2], d1 = s->slope[i * 2 + 1];
        s->gain[i] = isnan(d0) || isnan(d1)          ? -1
                     : d0 - d1 > SHI_SPHERE_GAIN_TOL ? 1
                     : d1 - d0 > SHI_SPHERE_GAIN_TOL ? 2
                                                     : 0;
    }
    return SHI_OK;
}
