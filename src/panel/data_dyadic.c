/*
 * data_dyadic.c - load the dyadic data sets (contiguity, capitals, ATOP
 * alliances, UN voting): the embedded data/dyadic.shd, official files in a
 * directory, or a user's generic alliance file; and build dyadic.shd.
 */
#include <shi/csv.h>
#include <shi/data.h>
#include <shi/io_dyad.h>
#include <shi/outfile.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../io/shd.h"
#include "capital_fixes.h"
#include "data_priv.h"

extern const unsigned char shi_embedded_dyadic[];
extern const size_t shi_embedded_dyadic_len;

enum { DY_CONTIG, DY_CAPITALS, DY_ATOP, DY_UNGA, DY_N };

typedef struct dy_source {
    const char *id, *name, *version, *citation;
    const char *paths[2];
} dy_source;

static const dy_source DY[DY_N] = {
    {"contig",
     "COW Direct Contiguity",
     "3.2",
     "Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl and Charles Gochman. "
     "2002. The Correlates of War Project Direct Contiguity Data, Version 3. Conflict "
     "Management and Peace Science 19(2): 58-66",
     {"contdird.csv", "cow_direct_contiguity_v3.2/contdird.csv"}},
    {"capitals",
     "Capitals with dates and coordinates (peacesciencer)",
     "2022",
     "Miller, Steven V. 2022. peacesciencer: An R Package for Quantitative Peace Science "
     "Research. Conflict Management and Peace Science 39(6): 755-779",
     {"cow_capitals_peacesciencer.csv", "gleditsch_capdist/cow_capitals_peacesciencer.csv"}},
    {"atop",
     "ATOP alliance obligations, directed dyad-year",
     "5.1",
     "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell and Andrew G. Long. "
     "2002. Alliance Treaty Obligations and Provisions, 1815-1944. International "
     "Interactions 28: 237-260. ATOP codebook v5.1",
     {"atop5_1_ddyr_subset.csv", "atop/atop5_1_ddyr_subset.csv"}},
    {"unga",
     "UN General Assembly ideal points and agreement",
     "June 2024 release",
     "Bailey, Michael A., Anton Strezhnev and Erik Voeten. 2017. Estimating Dynamic State "
     "Preferences from United Nations Voting Data. Journal of Conflict Resolution 61(2): "
     "430-456. Data: https://doi.org/10.7910/DVN/LEJUQZ",
     {"IdealpointestimatesAll_Jun2024.csv",
      "unga_voting_bailey_strezhnev_voeten/IdealpointestimatesAll_Jun2024.csv"}},
};

/* Official tables read from a directory. */
typedef struct tables {
    shi_contig_table contig;
    shi_capital_table capitals;
    shi_alliance_table ally;
    shi_unga_table unga;
    char path[DY_N][300];
    int found[DY_N];
} tables;

static void tables_destroy(tables *t)
{
    shi_contig_table_destroy(&t->contig);
    shi_capital_table_destroy(&t->capitals);
    shi_alliance_table_destroy(&t->ally);
    shi_unga_table_destroy(&t->unga);
}

static shi_status read_tables(tables *t, const char *dir, int require, shi_err *err)
{
    shi_status s = SHI_OK;
    for (int k = 0; k < DY_N && s == SHI_OK; k++) {
        for (int i = 0; i < 2 && !t->found[k]; i++) {
            snprintf(t->path[k], sizeof t->path[k], "%s/%s", dir, DY[k].paths[i]);
            t->found[k] = shi_i_file_exists(t->path[k]);
        }
        if (!t->found[k]) {
            if (require) {
                s = shi_err_set(err, SHI_EDATA, "'%s' has no %s file (looked for '%s' and '%s')",
                                dir, DY[k].name, DY[k].paths[0], DY[k].paths[1]);
            }
            continue;
        }
        switch (k) {
        case DY_CONTIG:
            s = shi_io_read_contiguity(t->path[k], &t->contig, err);
            break;
        case DY_CAPITALS:
            s = shi_io_read_capitals(t->path[k], &t->capitals, err);
            if (s == SHI_OK) {
                shi_i_capitals_fix(&t->capitals); /* centroid rows: capital_fixes.c */
            }
            break;
        case DY_ATOP:
            s = shi_io_read_atop(t->path[k], &t->ally, err);
            break;
        default:
            s = shi_io_read_unga(t->path[k], &t->unga, err);
            break;
        }
    }
    return s;
}

static shi_status add_source(shi_data *d, int k, const char *version, const char *file,
                             const char *loaded, shi_err *err)
{
    if (d->nsrc >= SHI_MAX_SOURCES) {
        return shi_err_set(err, SHI_EINTERNAL, "too many data sources");
    }
    shi_source *s = &d->src[d->nsrc++];
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "%s", DY[k].id);
    snprintf(s->name, sizeof s->name, "%s", DY[k].name);
    snprintf(s->version, sizeof s->version, "%s", version);
    snprintf(s->citation, sizeof s->citation, "%s", DY[k].citation);
    snprintf(s->file, sizeof s->file, "%s", file);
    snprintf(s->loaded, sizeof s->loaded, "%s", loaded);
    return SHI_OK;
}

/* Move source k's arrays from `from` into `to`. */
static void take(shi_dyadic *to, shi_dyadic *from, int k)
{
    if (k == DY_CONTIG) {
        uint8_t *p = to->contig;
        to->contig = from->contig;
        from->contig = p;
        to->contig_y0 = from->contig_y0;
        to->contig_y1 = from->contig_y1;
    } else if (k == DY_CAPITALS) {
        double *a = to->cap_lat, *b = to->cap_lon;
        to->cap_lat = from->cap_lat;
        to->cap_lon = from->cap_lon;
        from->cap_lat = a;
        from->cap_lon = b;
    } else if (k == DY_ATOP) {
        uint8_t *a = to->ally, *b = to->ally_level;
        to->ally = from->ally;
        to->ally_level = from->ally_level;
        from->ally = a;
        from->ally_level = b;
        to->ally_y0 = from->ally_y0;
        to->ally_y1 = from->ally_y1;
        to->ally_generic = from->ally_generic;
    } else {
        double *a = to->ideal;
        to->ideal = from->ideal;
        from->ideal = a;
        for (int r = 0; r < SHI_UNGA_NREF; r++) {
            double *g = to->agree[r];
            to->agree[r] = from->agree[r];
            from->agree[r] = g;
        }
        to->unga_y0 = from->unga_y0;
        to->unga_y1 = from->unga_y1;
    }
}

/* The source records of the embedded file: version and file of each id. */
static shi_status embedded_sources(shi_data *d, shi_err *err)
{
    shi_csv_opts o = {0};
    o.delim = '\t';
    o.no_header = 1;
    o.ragged = 1;
    shi_csv *c = NULL;
    shi_status s = shi_csv_open_mem(&c, "<embedded dyadic data>", shi_embedded_dyadic,
                                    shi_embedded_dyadic_len, &o, err);
    int got = 1, seen = 0;
    while (s == SHI_OK) {
        s = shi_csv_next(c, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (strcmp(shi_csv_field(c, 0), "source") != 0) {
            if (seen) {
                break; /* sources come first */
            }
            continue;
        }
        seen++;
        for (int k = 0; k < DY_N; k++) {
            if (shi_csv_nfields(c) == 6 && strcmp(shi_csv_field(c, 1), DY[k].id) == 0 &&
                !shi_data_source(d, DY[k].id)) {
                s = add_source(d, k, shi_csv_field(c, 3), shi_csv_field(c, 5), "embedded", err);
            }
        }
    }
    shi_csv_free(c);
    return s;
}

shi_status shi_i_data_load_dyadic(shi_data *d, const char *dir, const char *alliance_file, int from,
                                  shi_err *err)
{
    tables t;
    memset(&t, 0, sizeof t);
    shi_dyadic emb;
    memset(&emb, 0, sizeof emb);
    shi_status s = SHI_OK;
    if (dir) {
        s = read_tables(&t, dir, 0, err);
    }
    if (s == SHI_OK && alliance_file) {
        shi_alliance_table_destroy(&t.ally);
        s = shi_io_read_alliances(alliance_file, &t.ally, err);
        t.found[DY_ATOP] = 2;
        snprintf(t.path[DY_ATOP], sizeof t.path[DY_ATOP], "%s", alliance_file);
    }
    const char *paths[4] = {t.path[0], t.path[1], t.path[2], t.path[3]};
    if (s == SHI_OK) {
        s = shi_dyadic_build(
            &d->dy, &d->states, from, SHI_DYADIC_Y1, t.found[DY_CONTIG] ? &t.contig : NULL,
            t.found[DY_CAPITALS] ? &t.capitals : NULL, t.found[DY_ATOP] ? &t.ally : NULL,
            t.found[DY_UNGA] ? &t.unga : NULL, paths, err);
    }
    int need_embedded = 0;
    for (int k = 0; k < DY_N; k++) {
        need_embedded |= !t.found[k];
    }
    if (s == SHI_OK && need_embedded) {
        s = shi_i_dyadic_read_shd_from(&emb, &d->states, SHI_DYADIC_Y0, SHI_DYADIC_Y1, from,
                                       "<embedded dyadic data>", shi_embedded_dyadic,
                                       shi_embedded_dyadic_len, err);
        for (int k = 0; k < DY_N && s == SHI_OK; k++) {
            if (!t.found[k]) {
                take(&d->dy, &emb, k);
            }
        }
    }
    for (int k = 0; k < DY_N && s == SHI_OK; k++) {
        if (t.found[k] == 2) {
            s = add_source(d, k, "user file", shi_i_base_name(t.path[k]), t.path[k], err);
            snprintf(d->src[d->nsrc - 1].name, sizeof d->src[0].name, "%s",
                     "Alliances (user's generic file: ccode1, ccode2, year, level)");
            snprintf(d->src[d->nsrc - 1].citation, sizeof d->src[0].citation, "%s",
                     "as cited by the file's provider");
        } else if (t.found[k]) {
            s = add_source(d, k, DY[k].version, shi_i_base_name(t.path[k]), t.path[k], err);
        }
    }
    if (s == SHI_OK && need_embedded) {
        s = embedded_sources(d, err);
    }
    shi_dyadic_destroy(&emb);
    tables_destroy(&t);
    if (s == SHI_OK) {
        d->dy_loaded = 1;
    } else {
        shi_dyadic_destroy(&d->dy);
    }
    return s;
}

shi_status shi_i_data_write_dyadic(const shi_data *d, const char *dir, FILE *out, shi_err *err)
{
    tables t;
    memset(&t, 0, sizeof t);
    shi_dyadic dy;
    memset(&dy, 0, sizeof dy);
    shi_status s = read_tables(&t, dir, 1, err);
    const char *paths[4] = {t.path[0], t.path[1], t.path[2], t.path[3]};
    if (s == SHI_OK) {
        s = shi_dyadic_build(&dy, &d->states, SHI_DYADIC_Y0, SHI_DYADIC_Y1, &t.contig, &t.capitals,
                             &t.ally, &t.unga, paths, err);
    }
    shi_shd_writer w;
    if (s == SHI_OK && (s = shi_shd_write_begin(&w, err)) == SHI_OK) {
        fprintf(w.f, "note\tDyadic data derived by 'shi data build' from the official files "
                     "named below, as spells of years; only the fields shi uses. Not an "
                     "official distribution: cite the sources.\n");
        for (int k = 0; k < DY_N; k++) {
            fprintf(w.f, "source\t%s\t%s\t%s\t%s\t%s\n", DY[k].id, DY[k].name, DY[k].version,
                    DY[k].citation, shi_i_base_name(t.path[k]));
        }
        shi_dyadic_write_shd(&dy, &d->states, w.f);
        s = shi_shd_write_finish(&w, out, err);
    }
    shi_dyadic_destroy(&dy);
    tables_destroy(&t);
    return s;
}

int shi_data_dyadic_cover(const shi_data_spec *spec, int *contig_y1, int *ally_y1)
{
    *contig_y1 = *ally_y1 = 0;
    if (spec && (spec->dir || spec->alliance_file)) {
        return -1;
    }
    /* The coverage records come before the spells (shi_dyadic_write_shd). */
    const char *t = (const char *)shi_embedded_dyadic, *end = t + shi_embedded_dyadic_len;
    int found = 0;
    for (const char *p = t; p < end && found < 2;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            break;
        }
        int y0, y1;
        if (sscanf(p, "coverage\tcontig\t%d\t%d\n", &y0, &y1) == 2) {
            *contig_y1 = y1;
            found++;
        } else if (sscanf(p, "coverage\tally\t%d\t%d\n", &y0, &y1) == 2) {
            *ally_y1 = y1;
            found++;
        } else if (strncmp(p, "contig\t", 7) == 0 || strncmp(p, "ally\t", 5) == 0) {
            break;
        }
        p = nl + 1;
    }
    return found == 2 ? 0 : -1;
}
