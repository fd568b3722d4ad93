/*
 * data_geo.c - the geographic part of the data view (SHI_DATA_GEO, shi/geo.h):
 * cshapes 2.0 minimum distances from the official file in a directory or
 * from the embedded data/geo.shd; and building geo.shd (`shi data build
 * --geo-output`).
 *
 * A part of its own rather than records of relations.shd: every command that
 * loads the relations (shi align, shi report) would otherwise read the
 * 26,733 spells, which only `shi dyads --add mindist` uses.
 *
 * data/geo.shd ("shi data", version 1, with its 'end' record; io/shd.h):
 *   source    id  name  version  citation  file
 *   coverage  mindist  y0  y1            (the years the file covers)
 *   mindist   a  b  y0  y1  km           (a < b; the same distance on 1 January
 *                                         of every year y0..y1; sorted)
 * Dyad-years missing in the source are in no spell, as in shi_geo.
 */
#include <shi/data.h>
#include <shi/geo.h>
#include <shi/io_dyad.h>
#include <shi/outfile.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/shd.h"
#include "data_priv.h"

extern const unsigned char shi_embedded_geo[];
extern const size_t shi_embedded_geo_len;

static const struct {
    const char *id, *name, *version, *citation, *paths[2];
} GSRC = {"mindist",
          "cshapes minimum distance between states (COW codes, 1 January)",
          "2.0",
          "Schvitz, Guy, Luc Girardin, Seraina Ruegger, Nils B. Weidmann, Lars-Erik Cederman and "
          "Kristian Skrede Gleditsch. 2022. Mapping the International System, 1886-2019: The "
          "CShapes 2.0 Dataset. Journal of Conflict Resolution 66(1): 144-161; dyad-years with "
          "COW codes as in peacesciencer (Miller 2022)",
          {"cshapes_mindist_v2.0/cow_mindist.csv.gz", "cow_mindist.csv.gz"}};

/* Resize one of the spell arrays to n items: 0, or -1 (it keeps what it had). */
static int resize(void **p, size_t n, size_t size)
{
    void *q = realloc(*p, n * size);
    if (!q) {
        return -1;
    }
    *p = q;
    return 0;
}

/* Append a spell; 0, or -1 out of memory (g keeps what it had). */
static int push(shi_geo *g, size_t *cap, int a, int b, int y0, int y1, double km)
{
    if (g->n == *cap) {
        size_t nc = *cap ? 2 * *cap : 4096;
        void *v[5] = {g->md_a, g->md_b, g->md_y0, g->md_y1, g->md_km};
        int bad = 0;
        for (int k = 0; k < 5; k++) {
            bad |= resize(&v[k], nc, k < 4 ? sizeof(int32_t) : sizeof(double));
        }
        g->md_a = v[0];
        g->md_b = v[1];
        g->md_y0 = v[2];
        g->md_y1 = v[3];
        g->md_km = v[4];
        if (bad) {
            return -1;
        }
        *cap = nc;
    }
    g->md_a[g->n] = a;
    g->md_b[g->n] = b;
    g->md_y0[g->n] = y0;
    g->md_y1[g->n] = y1;
    g->md_km[g->n] = km;
    g->n++;
    return 0;
}

/* Row order of the official table: dyad, then year. */
typedef struct rowkey {
    int32_t a, b, y;
    size_t i;
} rowkey;

static int cmp_rowkey(const void *p, const void *q)
{
    const rowkey *x = p, *y = q;
    if (x->a != y->a) {
        return x->a < y->a ? -1 : 1;
    }
    if (x->b != y->b) {
        return x->b < y->b ? -1 : 1;
    }
    return (x->y > y->y) - (x->y < y->y);
}

/* The official file: every code must be a state of the registry (an unknown
 * code is an error at its row); the dyad-years become spells of equal
 * distance over consecutive years. */
static shi_status from_official(const shi_data *d, const char *path, shi_geo *g, shi_err *err)
{
    shi_mindist_table t;
    memset(&t, 0, sizeof t);
    shi_status s = shi_io_read_mindist(path, &t, err);
    for (size_t r = 0; s == SHI_OK && r < t.n; r++) {
        int first = !shi_states_get(&d->states, t.ccode1[r]);
        if (first || !shi_states_get(&d->states, t.ccode2[r])) {
            s = shi_err_set_at(
                err, SHI_EDATA, path, t.line[r], first ? t.col[r] : t.col2[r],
                "unknown state code %d in column '%s' (not in the COW state system list)",
                first ? t.ccode1[r] : t.ccode2[r], first ? "ccode1" : "ccode2");
        }
    }
    rowkey *k = s == SHI_OK ? malloc((t.n ? t.n : 1) * sizeof *k) : NULL;
    if (s == SHI_OK && !k) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t r = 0; k && r < t.n; r++) {
        k[r] = (rowkey){t.ccode1[r], t.ccode2[r], t.year[r], r};
        g->mindist_y0 = r == 0 || t.year[r] < g->mindist_y0 ? t.year[r] : g->mindist_y0;
        g->mindist_y1 = r == 0 || t.year[r] > g->mindist_y1 ? t.year[r] : g->mindist_y1;
    }
    if (k) {
        qsort(k, t.n, sizeof *k, cmp_rowkey);
    }
    size_t cap = 0;
    int oom = 0;
    for (size_t q = 0, e; k && q < t.n && !oom; q = e) {
        /* A spell: the same dyad, consecutive years, the same distance (a
         * missing year ends a spell and is in none). */
        double km = t.km[k[q].i];
        for (e = q + 1;
             e < t.n && k[e].a == k[q].a && k[e].b == k[q].b && k[e].y == k[e - 1].y + 1 &&
             (t.km[k[e].i] == km || (isnan(km) && isnan(t.km[k[e].i])));
             e++) {
        }
        if (!isnan(km)) {
            oom = push(g, &cap, k[q].a, k[q].b, k[q].y, k[e - 1].y, km);
        }
    }
    if (s == SHI_OK && oom) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    free(k);
    shi_mindist_table_destroy(&t);
    return s;
}

/* One 'mindist' record, after the one before it. */
static shi_status shd_spell(const shi_csv *c, shi_geo *g, size_t *cap, shi_err *err)
{
    int64_t a, b, y0, y1;
    double km;
    shi_status s;
    if ((s = shi_shd_fields(c, 6, err)) || (s = shi_shd_int(c, 1, 1, 998, &a, err)) ||
        (s = shi_shd_int(c, 2, a + 1, 999, &b, err)) ||
        (s = shi_shd_int(c, 3, 1816, 2100, &y0, err)) ||
        (s = shi_shd_int(c, 4, y0, 2100, &y1, err)) || (s = shi_shd_reals(c, 5, 1, &km, err))) {
        return s;
    }
    if (!(km >= 0 && km <= 20100)) {
        return shi_csv_field_error(c, 5, err, "expected a distance 0-20100 km");
    }
    size_t n = g->n;
    if (n && (g->md_a[n - 1] > a ||
              (g->md_a[n - 1] == a &&
               (g->md_b[n - 1] > b || (g->md_b[n - 1] == b && g->md_y1[n - 1] >= y0))))) {
        return shi_csv_field_error(c, 1, err, "mindist record out of order");
    }
    if (push(g, cap, (int)a, (int)b, (int)y0, (int)y1, km) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return SHI_OK;
}

static shi_status from_shd(shi_geo *g, shi_err *err)
{
    shi_csv *c = NULL;
    shi_status s =
        shi_shd_open(&c, "<embedded geo data>", shi_embedded_geo, shi_embedded_geo_len, err);
    shi_shd_sum sum = {0};
    size_t cap = 0;
    for (int got = 1, header = 0; s == SHI_OK;) {
        if ((s = shi_shd_next(c, &sum, &got, err)) != SHI_OK || !got) {
            break;
        }
        const char *tag = shi_csv_field(c, 0);
        if (!header) {
            s = shi_shd_header(c, err);
            header = 1;
        } else if (strcmp(tag, "mindist") == 0) {
            s = shd_spell(c, g, &cap, err);
        } else if (strcmp(tag, "coverage") == 0) {
            int64_t y0, y1;
            if ((s = shi_shd_fields(c, 4, err)) == SHI_OK &&
                (s = shi_shd_int(c, 2, 1816, 2100, &y0, err)) == SHI_OK &&
                (s = shi_shd_int(c, 3, y0, 2100, &y1, err)) == SHI_OK) {
                g->mindist_y0 = (int)y0;
                g->mindist_y1 = (int)y1;
            }
        } else if (strcmp(tag, "source") != 0 && strcmp(tag, "note") != 0) {
            s = shi_csv_field_error(c, 0, err, "unknown record type");
        }
    }
    shi_csv_free(c);
    return s;
}

static shi_status add_source(shi_data *d, const char *loaded, shi_err *err)
{
    if (d->nsrc >= SHI_MAX_SOURCES) {
        return shi_err_set(err, SHI_EINTERNAL, "too many data sources");
    }
    shi_source *s = &d->src[d->nsrc++];
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "%s", GSRC.id);
    snprintf(s->name, sizeof s->name, "%s", GSRC.name);
    snprintf(s->version, sizeof s->version, "%s", GSRC.version);
    snprintf(s->citation, sizeof s->citation, "%s", GSRC.citation);
    snprintf(s->file, sizeof s->file, "%s", shi_i_base_name(GSRC.paths[0]));
    snprintf(s->loaded, sizeof s->loaded, "%.*s", (int)sizeof s->loaded - 1, loaded);
    return SHI_OK;
}

/* The official file in `dir`, if there: its path in `path`. */
static int find_file(const char *dir, char *path, size_t size)
{
    for (int i = 0; i < 2 && dir; i++) {
        snprintf(path, size, "%s/%s", dir, GSRC.paths[i]);
        if (shi_i_file_exists(path)) {
            return 1;
        }
    }
    return 0;
}

shi_status shi_i_data_load_geo(shi_data *d, const char *dir, shi_err *err)
{
    char path[400];
    int have = find_file(dir, path, sizeof path);
    shi_status s = have ? from_official(d, path, &d->geo, err) : from_shd(&d->geo, err);
    if (s == SHI_OK) {
        s = add_source(d, have ? path : "embedded", err);
    }
    if (s != SHI_OK) {
        shi_geo_destroy(&d->geo);
    }
    d->geo_loaded = s == SHI_OK;
    return s;
}

shi_status shi_data_build_geo(const char *dir, const char *out, shi_err *err)
{
    char path[400];
    if (!find_file(dir, path, sizeof path)) {
        return shi_err_set(err, SHI_EDATA, "'%s' has no %s file (looked for '%s')", dir, GSRC.name,
                           GSRC.paths[0]);
    }
    /* The codes are checked against the registry of the official files. */
    shi_data d;
    memset(&d, 0, sizeof d);
    shi_status s = shi_i_data_load_caps(&d, dir, NULL, err);
    if (s == SHI_OK) {
        s = from_official(&d, path, &d.geo, err);
    }
    shi_shd_writer w;
    memset(&w, 0, sizeof w);
    shi_outfile o;
    memset(&o, 0, sizeof o);
    if (s == SHI_OK && (s = shi_shd_write_begin(&w, err)) == SHI_OK) {
        FILE *f = w.f;
        const shi_geo *g = &d.geo;
        fprintf(f, "note\tMinimum distances derived by 'shi data build' from the official file "
                   "named below, as spells of equal distance (docs/dyad_sources.md). Not an "
                   "official distribution: cite the source.\n");
        fprintf(f, "source\t%s\t%s\t%s\t%s\t%s\n", GSRC.id, GSRC.name, GSRC.version, GSRC.citation,
                shi_i_base_name(GSRC.paths[0]));
        fprintf(f, "coverage\tmindist\t%d\t%d\n", g->mindist_y0, g->mindist_y1);
        for (size_t k = 0; k < g->n; k++) {
            fprintf(f, "mindist\t%d\t%d\t%d\t%d", g->md_a[k], g->md_b[k], g->md_y0[k], g->md_y1[k]);
            shi_shd_put_real(f, g->md_km[k]);
            fputc('\n', f);
        }
        if ((s = shi_outfile_open(&o, out, err)) == SHI_OK &&
            (s = shi_shd_write_finish(&w, o.fp, err)) == SHI_OK) {
            s = shi_outfile_commit(&o, err);
        }
    }
    shi_shd_write_abort(&w);
    shi_outfile_abort(&o);
    shi_states_destroy(&d.states);
    shi_panel_destroy(&d.caps);
    shi_geo_destroy(&d.geo);
    return s;
}
