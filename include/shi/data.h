/*
 * shi/data.h - the data shi works on, as one read-only view that every measure
 * and model takes (`const shi_data *`): the state registry, the state-year
 * capability panel with its CINC column, the dyadic arrays, the relations
 * (arms, trade, events counts) and the dated events, with the name, version
 * and citation of every source.
 *
 * By default everything comes from the compact data sets embedded in libshi
 * (data/default.shd, econ.shd, dyadic.shd, relations.shd, energy.shd, geo.shd
 * and events.tsv, made
 * by `shi data build` from the official files). With a directory, each official
 * file found there replaces its embedded part. shi_data_open is the one place
 * that knows the loading order: capabilities, then the economy (columns added
 * to the capability panel), then dyadic, then relations (which fill some
 * dyadic arrays), then events.
 */
#ifndef SHI_DATA_H
#define SHI_DATA_H

#include <shi/api.h>
#include <shi/dyadic.h>
#include <shi/energy.h>
#include <shi/error.h>
#include <shi/events.h>
#include <shi/geo.h>
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

/* Room for the sources of every part (23 with everything loaded) and the
 * parts still to come. */
#define SHI_MAX_SOURCES 32

/** Everything loaded. Zero-initialise, then shi_data_open; shi_data_destroy always. */
typedef struct shi_data {
    shi_states states; /* registry */
    shi_panel caps;    /* state-year: milex milper irst pec tpop upop cinc_cow cinc, and with
                          SHI_DATA_ECON gdp gdp_src gdp_ppp gdp_ppp_src gdppc beckley
                          polity2 polyarchy population pop_src */
    size_t cinc;       /* column of caps holding CINC, computed once at load */
    int econ_loaded;   /* the economic columns are in caps (SHI_DATA_ECON) */
    shi_source src[SHI_MAX_SOURCES];
    size_t nsrc;
    shi_dyadic dy; /* dyadic data (SHI_DATA_DYADIC) */
    int dy_loaded;
    shi_relations rel; /* arms, trade, events counts; disputes/nuclear go into dy */
    int rel_loaded;
    shi_events events; /* dated milestones (SHI_DATA_EVENTS) */
    int ev_loaded;
    shi_energy en; /* energy trade, annual (SHI_DATA_ENERGY) */
    int en_loaded;
    shi_geo geo; /* cshapes minimum distances (SHI_DATA_GEO) */
    int geo_loaded;
    int from;      /* first year of the dense dyadic arrays (SHI_DYADIC_Y0 unless
                      shi_data_spec.from asked for a later one); 0 before loading */
    unsigned omit; /* SHI_DATA_OMIT_* left out of the relations (shi_data_spec.omit) */
} shi_data;

/** Parts of the data. Dyadic needs the capabilities (its arrays are indexed by
 *  the registry), relations need the dyadic part (they fill some of its
 *  arrays); the economy adds columns to the capability panel; events stand
 *  alone beside the capabilities. */
enum {
    SHI_DATA_CAPS = 1u,      /* registry and capabilities (always loaded) */
    SHI_DATA_DYADIC = 2u,    /* contiguity, capitals, alliances, UN voting */
    SHI_DATA_RELATIONS = 4u, /* arms, trade, disputes, nuclear status, ICEWS */
    SHI_DATA_EVENTS = 8u,    /* the events file */
    SHI_DATA_ECON = 16u,     /* GDP (WDI spliced with Maddison) and the measures on it */
    SHI_DATA_ENERGY = 32u,   /* energy trade (China Customs, Eurostat), beside the capabilities */
    SHI_DATA_GEO = 64u,      /* cshapes 2.0 minimum distances, beside the capabilities */
    SHI_DATA_ALL = 127u
};

/** Where the data come from. Zero means: the embedded data, everything. */
typedef struct shi_data_spec {
    const char *dir;           /* official files replacing embedded parts, or NULL */
    const char *shd;           /* a .shd file replacing the embedded capabilities, or NULL */
    const char *alliance_file; /* a generic alliance file replacing ATOP, or NULL */
    const char *events_file;   /* an events file replacing data/events.tsv, or NULL */
    unsigned parts;            /* SHI_DATA_* bits; 0: SHI_DATA_CAPS */
    /* The first year the caller will read from the dyadic part (0: every
     * year). A later year leaves the years before it out of the dense
     * year x state x state arrays (most of the loading time of a command
     * that reads a few recent years) and clips every coverage of the
     * dyadic part to start there: a view, not a different data set, so a
     * measure reading a year before `from` gets missing values. Callers
     * ask for the years they read, lookbacks included (shi_align_from,
     * shi_formation_from); those measures refuse a view that starts too
     * late. The relations' lists (trade, arms, events, vetoes) are always
     * whole. */
    int from;
    /* Parts of the relations the caller does not read (SHI_DATA_OMIT_*),
     * left out of the view: their arrays stay NULL (readers take that as
     * missing) and their rows are passed over unread. 0: none. */
    unsigned omit;
} shi_data_spec;

/** Parts a view may leave out (shi_data_spec.omit). */
enum {
    SHI_DATA_OMIT_IGO = 1u /* shared IGO memberships (shi_dyadic.igo, igo_sy) */
};

SHI_API void shi_data_destroy(shi_data *d);

/** Load the parts `spec->parts` asks for that `d` does not hold yet, in the
 *  fixed order capabilities, dyadic, relations, events (with the parts each
 *  needs, see above; the capabilities always). `d` must be zeroed (`= {0}`)
 *  or the result of an earlier call; a later call adds parts and does not
 *  reload those held, so it should name the same sources. On failure the
 *  parts loaded by this call are left out. */
SHI_API shi_status shi_data_open(shi_data *d, const shi_data_spec *spec, shi_err *err);

/** The last years of contiguity and alliances the dyadic part of `spec`
 *  will have, read from the embedded data's coverage records without
 *  loading anything (a caller choosing shi_data_spec.from by them): 0, or
 *  -1 when `spec` names other sources (a directory or an alliance file). */
SHI_API int shi_data_dyadic_cover(const shi_data_spec *spec, int *contig_y1, int *ally_y1);

/** SHI_EINTERNAL naming `who` when the view `d` leaves out year `first`,
 *  which the caller reads (shi_data_spec.from later than it); SHI_OK when
 *  the view starts at or before it, or at the first year of the arrays. */
SHI_API shi_status shi_data_check_from(const shi_data *d, int first, const char *who, shi_err *err);

/** The capabilities only: shi_data_open with SHI_DATA_CAPS from `dir` (NULL:
 *  embedded only). Looks for each file directly in `dir` and in the sub-folder
 *  used by ../shared/data (e.g. cow_nmc_v7.0/NMC-70-abridged.csv). */
SHI_API shi_status shi_data_load(shi_data *d, const char *dir, shi_err *err);

/** The capabilities only, from a shi data file (.shd) instead of the embedded one. */
SHI_API shi_status shi_data_load_shd(shi_data *d, const char *path, shi_err *err);

/** Build a shi data file from the official files in `dir` (all must be there)
 *  and write it atomically to `out`. */
SHI_API shi_status shi_data_build(const char *dir, const char *out, shi_err *err);

/** First and last year of the dyadic arrays. */
#define SHI_DYADIC_Y0 1816
#define SHI_DYADIC_Y1 2024

/** Build the dyadic .shd file from the official files in `dir` (all must be
 *  there) for the registry of `d`, and write it atomically to `out`. */
SHI_API shi_status shi_data_build_dyadic(const shi_data *d, const char *dir, const char *out,
                                         shi_err *err);

/** Build data/econ.shd (GDP at constant prices of the state-years of `d`'s
 *  capability panel, spliced from WDI and Maddison: docs/power.md) from the
 *  official files in `dir` (all needed), and write it atomically to `out`. */
SHI_API shi_status shi_data_build_econ(const shi_data *d, const char *dir, const char *out,
                                       shi_err *err);

/** The note of a value of the capability panel's column `pop_src` (SHI_DATA_ECON):
 *  "OWID" where `population` is OWID's present-day country's, else why the
 *  state-year has none (its territory is not that country's: docs/stateyears.md);
 *  NULL for 0 (OWID has no value that year). */
SHI_API const char *shi_data_pop_note(int code);

/** Build data/relations.shd from the official files in `dir` (all needed). */
SHI_API shi_status shi_data_build_relations(const char *dir, const char *out, shi_err *err);

/** Build data/energy.shd from the official files in `dir` (both needed). */
SHI_API shi_status shi_data_build_energy(const char *dir, const char *out, shi_err *err);

/** Build data/geo.shd (cshapes 2.0 minimum distances, as spells) from the
 *  official file in `dir` (needed), its codes checked against the registry
 *  of the official files there. */
SHI_API shi_status shi_data_build_geo(const char *dir, const char *out, shi_err *err);

/** `shi data build`: the main file `out` and, when not NULL, the dyadic and
 *  relations files, all from the official files in `dir`, committed together
 *  or not at all: every file is written and flushed in full (a full disk
 *  fails here, and no file is replaced) before the first is put in place.
 *  Two outputs naming the same file are SHI_EUSAGE. */
SHI_API shi_status shi_data_build_all(const char *dir, const char *out, const char *dyadic_out,
                                      const char *relations_out, shi_err *err);

/** The source with this id, or NULL. */
SHI_API const shi_source *shi_data_source(const shi_data *d, const char *id);

/** Column indexes of the capability panel. */
SHI_API long shi_data_col(const shi_data *d, const char *name);

#ifdef __cplusplus
}
#endif
#endif
