/*
 * shi/io.h - importers: one per public data set, file format only.
 *
 * Each importer reads one official file into plain records and checks what the
 * file alone can tell (types, ranges, missing codes). Meaning across sources
 * (is this ccode a state? is a state-year duplicated?) is checked by the panel.
 * Every record remembers the line and column it came from so that later checks
 * can still point into the file.
 */
#ifndef SHI_IO_H
#define SHI_IO_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A dated spell of a state: a system-membership or a major-power spell.
 *  Dates are integers yyyymmdd. */
typedef struct shi_spell_rec {
    int ccode;      /* COW country code */
    char abb[8];    /* COW abbreviation */
    char name[64];  /* English name (membership file only) */
    int32_t start;  /* first day, yyyymmdd */
    int32_t end;    /* last day, yyyymmdd */
    long line, col; /* where the record's ccode is in the file */
} shi_spell_rec;

typedef struct shi_spell_recs {
    shi_spell_rec *v;
    size_t n, cap;
    int version; /* the file's `version` column */
} shi_spell_recs;

/** Free the records (safe on a zeroed struct). */
SHI_API void shi_spell_recs_destroy(shi_spell_recs *r);

/** COW State System Membership list (states2016.csv: stateabb, ccode, statenme,
 *  styear..endday, version). Appends to `out`. */
SHI_API shi_status shi_io_read_cow_states(const char *path, shi_spell_recs *out, shi_err *err);
/** COW Major Powers list (majors2024.csv: stateabb, ccode, styear..endday, version). */
SHI_API shi_status shi_io_read_cow_majors(const char *path, shi_spell_recs *out, shi_err *err);

/** A COW code's ISO 3166 alpha-3 code. */
typedef struct shi_iso_rec {
    int ccode;
    char iso3[4];
} shi_iso_rec;

typedef struct shi_iso_recs {
    shi_iso_rec *v;
    size_t n, cap;
} shi_iso_recs;

SHI_API void shi_iso_recs_destroy(shi_iso_recs *r);
/** The (ccode, iso3c) pairs of the Bailey-Strezhnev-Voeten UN ideal-point file,
 *  one per ccode (its first non-empty iso3c). */
SHI_API shi_status shi_io_read_unga_iso3(const char *path, shi_iso_recs *out, shi_err *err);

/** The six NMC capability components, in COW's column order. */
enum { SHI_MILEX, SHI_MILPER, SHI_IRST, SHI_PEC, SHI_TPOP, SHI_UPOP, SHI_NCOMP };
/** Column names of the components, in the order above. */
SHI_API extern const char *const shi_nmc_component_names[SHI_NCOMP];
/** The largest plausible value of each component, in its NMC unit: about ten
 *  times the largest in NMC v6.0 and v7.0 (milex 8.4e8 thousand US$, milper
 *  12,500 thousand, irst 1.06e6 thousand tons, pec 7.4e6 thousand coal-ton
 *  equivalents, tpop 1.43e6 and upop 6.3e5 thousand). A larger value is an
 *  error (issue 20, defect 6): 1e20 would still be finite but would make
 *  every other state's share zero. */
SHI_API extern const double shi_nmc_component_max[SHI_NCOMP];

/** COW National Material Capabilities, abridged file (v6.0 or v7.0), as columns.
 *  Missing values (-9) are NaN with the matching bit of `present` cleared. */
typedef struct shi_nmc_table {
    size_t n, cap;
    int32_t *ccode;
    int32_t *year;
    double *comp[SHI_NCOMP]; /* NaN where missing */
    double *cinc;            /* COW's own cinc column; NaN where missing */
    int32_t *line;           /* line of each row in the file */
    int32_t *col;            /* column of its ccode field */
    int version;             /* the file's `version` column (e.g. 2021, 2025) */
} shi_nmc_table;

SHI_API void shi_nmc_table_destroy(shi_nmc_table *t);
/** Read an NMC abridged CSV (columns stateabb, ccode, year, milex, milper, irst, pec,
 *  tpop, upop, cinc, version; -9 = missing). */
SHI_API shi_status shi_io_read_nmc(const char *path, shi_nmc_table *out, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
