/*
 * shi/data.h - the data shi works on: the state registry and the state-year
 * capability panel, with the name, version and citation of every source.
 *
 * By default everything comes from the compact data set embedded in libshi
 * (data/default.shd, made by `shi data build` from the official files). With a
 * directory, each official file found there replaces its embedded part.
 */
#ifndef SHI_DATA_H
#define SHI_DATA_H

#include <shi/api.h>
#include <shi/dyadic.h>
#include <shi/error.h>
#include <shi/panel.h>
#include <shi/relations.h>
#include <shi/states.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Where a part of the data came from. */
typedef struct shi_source {
    char id[16];        /* short id: "states", "majors", "iso3", "nmc" */
    char name[96];      /* data set, e.g. "COW National Material Capabilities" */
    char version[32];   /* e.g. "7.0" */
    char citation[400]; /* how to cite it */
    char file[128];     /* official file name */
    char loaded[300];   /* where this run read it: "embedded" or a path */
} shi_source;

#define SHI_MAX_SOURCES 24

/** Everything loaded. Zero-initialise, then shi_data_load; shi_data_destroy always. */
typedef struct shi_data {
    shi_states states; /* registry */
    shi_panel caps;    /* state-year: milex milper irst pec tpop upop cinc_cow (+ derived) */
    shi_source src[SHI_MAX_SOURCES];
    size_t nsrc;
    shi_dyadic dy; /* dyadic data, after shi_data_load_dyadic */
    int dy_loaded;
    shi_relations rel; /* arms, trade; disputes/nuclear/events go into dy */
    int rel_loaded;
} shi_data;

SHI_API void shi_data_destroy(shi_data *d);

/** Load the embedded data, then replace each part whose official file is found
 *  in `dir` (NULL: embedded only). Looks for each file directly in `dir` and in
 *  the sub-folder used by ../shared/data (e.g. cow_nmc_v7.0/NMC-70-abridged.csv). */
SHI_API shi_status shi_data_load(shi_data *d, const char *dir, shi_err *err);

/** Load from a shi data file (.shd) instead of the embedded one. */
SHI_API shi_status shi_data_load_shd(shi_data *d, const char *path, shi_err *err);

/** Build a shi data file from the official files in `dir` (all must be there)
 *  and write it atomically to `out`. */
SHI_API shi_status shi_data_build(const char *dir, const char *out, shi_err *err);

/** First and last year of the dyadic arrays. */
#define SHI_DYADIC_Y0 1816
#define SHI_DYADIC_Y1 2024

/** Load the dyadic data (contiguity, capitals, ATOP alliances, UN voting) into
 *  d->dy: each official file found in `dir` (NULL: none) replaces its embedded
 *  part (data/dyadic.shd). With `alliance_file`, a user's generic alliance
 *  file (ccode1, ccode2, year, level) replaces ATOP. Needs shi_data_load first. */
SHI_API shi_status shi_data_load_dyadic(shi_data *d, const char *dir, const char *alliance_file,
                                        shi_err *err);

/** Build the dyadic .shd file from the official files in `dir` (all must be
 *  there) for the registry of `d`, and write it atomically to `out`. */
SHI_API shi_status shi_data_build_dyadic(const shi_data *d, const char *dir, const char *out,
                                         shi_err *err);

/** Load the relations data (SIPRI arms transfers, COW trade, GML disputes,
 *  nuclear status, ICEWS events) into d->rel and the dense arrays of d->dy
 *  (loading the dyadic data first if needed): official files found in `dir`
 *  replace their embedded part (data/relations.shd). */
SHI_API shi_status shi_data_load_relations(shi_data *d, const char *dir, shi_err *err);

/** Build data/relations.shd from the official files in `dir` (all needed). */
SHI_API shi_status shi_data_build_relations(const char *dir, const char *out, shi_err *err);

/** The source with this id, or NULL. */
SHI_API const shi_source *shi_data_source(const shi_data *d, const char *id);

/** Column indexes of the capability panel. */
SHI_API long shi_data_col(const shi_data *d, const char *name);

#ifdef __cplusplus
}
#endif
#endif
