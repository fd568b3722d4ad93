/*
 * shi/io_dyad.h - importers for the dyadic data sets (file formats only).
 *
 * One importer per file format, as in shi/io.h: each reads one published file
 * into columnar records and checks what the file alone can tell (types,
 * ranges, calendar dates, missing codes). Whether a ccode is a state in a given
 * year, or a dyad-year is duplicated, is checked later by the panel. Every
 * record keeps the line of its row and the column of its key field, so later
 * checks can still point into the file.
 *
 * Ownership: each table is caller storage. Start from a zeroed struct; the
 * importers APPEND to it (so several files can be read into one table) and
 * the matching _destroy frees it (safe on a zeroed struct). On failure the
 * rows appended before the bad one stay in the table and it stays valid.
 *
 * Sources, columns read and coding choices: docs/dyad_sources.md.
 */
#ifndef SHI_IO_DYAD_H
#define SHI_IO_DYAD_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* COW Direct Contiguity v3.2 (Stinnett et al. 2002, CMPS 19(2): 58-66)     */
/* ------------------------------------------------------------------------ */

/** Contiguity types of the COW Direct Contiguity data. */
enum {
    SHI_CONT_LAND = 1,   /* land or river border */
    SHI_CONT_SEA12 = 2,  /* separated by 12 miles of water or less */
    SHI_CONT_SEA24 = 3,  /* 24 miles or less */
    SHI_CONT_SEA150 = 4, /* 150 miles or less */
    SHI_CONT_SEA400 = 5  /* 400 miles or less */
};

/** Directed contiguous dyad-years (contdird.csv). Only contiguous dyads are
 *  listed; a dyad-year whose type changed during the year appears once per
 *  type (58 such rows in v3.2). */
typedef struct shi_contig_table {
    size_t n, cap;
    int32_t *ccode1;  /* state1no, COW code */
    int32_t *ccode2;  /* state2no, COW code */
    int32_t *year;    /* 1816-2100 */
    int8_t *conttype; /* SHI_CONT_LAND .. SHI_CONT_SEA400 */
    int32_t *line;    /* line of each row in the file */
    int32_t *col;     /* column of its state1no field */
    char version[16]; /* the file's `version` column, e.g. "3.2" */
} shi_contig_table;

SHI_API void shi_contig_table_destroy(shi_contig_table *t);
/** Read contdird.csv (columns state1no, state2no, year, conttype, version; the
 *  others are ignored). Checks: COW codes 1-999, state1no != state2no, year
 *  1816-2100, conttype 1-5. Appends to `out`.
 *  \return SHI_OK, SHI_EDATA (bad row; err names file:line:column and the
 *  column), SHI_EIO. Time complexity: O(rows). */
SHI_API shi_status shi_io_read_contiguity(const char *path, shi_contig_table *out, shi_err *err);

/* ------------------------------------------------------------------------ */
/* Capitals with dates and coordinates (Miller 2022, peacesciencer)         */
/* ------------------------------------------------------------------------ */

#define SHI_CAPITAL_NAME_MAX 64 /* bytes, including the terminating NUL */

/** Capital spells (cow_capitals_peacesciencer.csv). A state that moved its
 *  capital has several rows, e.g. Russia: Saint Petersburg 1816-01-01 to
 *  1918-03-11, then Moscow from 1918-03-12. */
typedef struct shi_capital_table {
    size_t n, cap;
    int32_t *ccode;                     /* COW code */
    int32_t *start;                     /* first day, yyyymmdd */
    int32_t *end;                       /* last day, yyyymmdd */
    double *lat;                        /* degrees north, -90..90 */
    double *lon;                        /* degrees east, -180..180 */
    char (*name)[SHI_CAPITAL_NAME_MAX]; /* capital city, UTF-8 */
    int32_t *line;                      /* line of each row */
    int32_t *col;                       /* column of its ccode field */
} shi_capital_table;

SHI_API void shi_capital_table_destroy(shi_capital_table *t);
/** Read the capitals file (columns ccode, capital, stdate, enddate, lat, lng;
 *  ISO dates YYYY-MM-DD). Checks: COW code 1-999, real calendar dates in
 *  1800-2100, enddate not before stdate, lat in [-90, 90], lng in [-180, 180],
 *  capital non-empty and shorter than SHI_CAPITAL_NAME_MAX bytes. */
SHI_API shi_status shi_io_read_capitals(const char *path, shi_capital_table *out, shi_err *err);

/* ------------------------------------------------------------------------ */
/* Capital distances (Gleditsch & Ward 2001, JPR 38(6): 749-768)            */
/* ------------------------------------------------------------------------ */

/** Directed capital-to-capital great-circle distances (capdist.csv). Time
 *  invariant: one capital per state number. The numbers are Gleditsch-Ward
 *  numbers, not COW codes (see shi_gw_to_cow). */
typedef struct shi_capdist_table {
    size_t n, cap;
    int32_t *gw_a;   /* numa, GW number */
    int32_t *gw_b;   /* numb, GW number */
    char (*id_a)[4]; /* ida, the GW letter code (345 appears as both SER and YUG) */
    char (*id_b)[4]; /* idb */
    double *km;      /* kmdist */
    double *miles;   /* midist */
    int32_t *line;   /* line of each row */
    int32_t *col;    /* column of its numa field */
} shi_capdist_table;

SHI_API void shi_capdist_table_destroy(shi_capdist_table *t);
/** Read capdist.csv (columns numa, ida, numb, idb, kmdist, midist; CRLF or LF).
 *  Checks: numbers 1-999, ids of 1-3 characters, distances 0-20100 km and
 *  0-12500 miles (half the Earth's circumference is 20,037 km). */
SHI_API shi_status shi_io_read_capdist(const char *path, shi_capdist_table *out, shi_err *err);

/** The COW code of Gleditsch-Ward state number `gw` in `year`, for the known
 *  differences between the two lists (Gleditsch & Ward 1999, International
 *  Interactions 25(4): 393-413; checked against A. Beger's `states` package,
 *  vignette "G&W and COW country code differences", and the GW list):
 *  - 260 (GFR, continued by unified Germany) -> 255 from 1990 on, else 260;
 *  - 678 (Yemen Arab Rep., continued by unified Yemen) -> 679 from 1990 on;
 *  - 340 (Serbia 1878-1915 and from 2006) -> 345;
 *  - microstates 970 Kiribati -> 946, 971 Nauru -> 970, 972 Tonga -> 955,
 *    973 Tuvalu -> 947;
 *  - 89 (United Provinces of Central America), 99 (Great Colombia),
 *    563 (Transvaal), 564 (Orange Free State), 711 (Tibet) and 815 (Vietnam
 *    before 1893) are not COW states: -1.
 *  Any other number is returned unchanged. A year counts by its state on
 *  31 December (Germany unified on 1990-10-03, Yemen on 1990-05-22).
 *  Time complexity: O(1). */
SHI_API int shi_gw_to_cow(int gw, int year);
/** The inverse: the GW number of COW code `ccode` in `year` (255 -> 260 from
 *  1990; 679 -> 678; 345 -> 340 before 1918 and from 2006; 946 -> 970,
 *  970 -> 971, 955 -> 972, 947 -> 973). Any other code is returned unchanged.
 *  For capdist.csv, look the COW code up as it is first: the file has rows
 *  for 255 (Berlin), 260 (Bonn) and 345 (Belgrade), which are the right
 *  capitals for unified Germany and Serbia. */
SHI_API int shi_cow_to_gw(int ccode, int year);

/* ------------------------------------------------------------------------ */
/* Alliances: ATOP 5.1 ddyr (Leeds et al. 2002) and a generic file         */
/* ------------------------------------------------------------------------ */

/** ATOP obligation flags (bitmask). */
enum {
    SHI_ATOP_DEFENSE = 1,   /* atop_defense */
    SHI_ATOP_OFFENSE = 2,   /* atop_offense */
    SHI_ATOP_NEUTRAL = 4,   /* atop_neutral */
    SHI_ATOP_NONAGG = 8,    /* atop_nonagg */
    SHI_ATOP_CONSUL = 16,   /* atop_consul */
    SHI_ALLY_NO_FLAGS = 128 /* the row came from a generic file: only `level` is known */
};

/** Directed allied dyad-years. `level` is the ordinal alliance tie used for
 *  Signorino-Ritter S:
 *    3 = defense or offense pact, 2 = neutrality or non-aggression pact,
 *    1 = consultation only, 0 = none (ATOP ddyr rows with no flag set). */
typedef struct shi_alliance_table {
    size_t n, cap;
    int32_t *ccode1; /* ATOP stateA / the file's ccode1 */
    int32_t *ccode2; /* ATOP stateB / ccode2 */
    int32_t *year;   /* 1815-2100 */
    uint8_t *flags;  /* SHI_ATOP_* bits, or SHI_ALLY_NO_FLAGS */
    int8_t *level;   /* 0..3 */
    int32_t *line;   /* line of each row */
    int32_t *col;    /* column of its ccode1 field */
} shi_alliance_table;

SHI_API void shi_alliance_table_destroy(shi_alliance_table *t);
/** The level (0-3) of a set of ATOP obligation flags, as documented above. */
SHI_API int shi_atop_level(unsigned flags);
/** Read the ATOP 5.1 directed dyad-year file (columns ccode1, ccode2, year,
 *  atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul; each
 *  flag 0 or 1). Checks: COW codes 1-999, ccode1 != ccode2, year 1815-2100. */
SHI_API shi_status shi_io_read_atop(const char *path, shi_alliance_table *out, shi_err *err);
/** Read a user's own alliance file: CSV with columns ccode1, ccode2, year,
 *  level (0-3); other columns are ignored. Rows get flags SHI_ALLY_NO_FLAGS.
 *  Checks as shi_io_read_atop, and level 0-3. */
SHI_API shi_status shi_io_read_alliances(const char *path, shi_alliance_table *out, shi_err *err);

/* ------------------------------------------------------------------------ */
/* UN General Assembly ideal points (Bailey, Strezhnev & Voeten 2017)       */
/* ------------------------------------------------------------------------ */

/** The six reference states of the agreement columns, in file order. */
enum {
    SHI_UNGA_USA,
    SHI_UNGA_RUSSIA, /* the USSR before 1992 */
    SHI_UNGA_BRAZIL,
    SHI_UNGA_CHINA,
    SHI_UNGA_INDIA,
    SHI_UNGA_ISRAEL,
    SHI_UNGA_NREF
};
/** COW codes of the reference states: 2, 365, 140, 710, 750, 666. */
SHI_API extern const int shi_unga_ref_ccode[SHI_UNGA_NREF];
/** Their columns: USAgree, RUSSAgree, BrazilAgree, ChinaAgree, IndiaAgree, IsraelAgree. */
SHI_API extern const char *const shi_unga_ref_column[SHI_UNGA_NREF];

/** Country-session ideal points and agreement shares
 *  (IdealpointestimatesAll_Jun2024.csv). year = 1945 + session. */
typedef struct shi_unga_table {
    size_t n, cap;
    int32_t *ccode;               /* COW code */
    int32_t *session;             /* UNGA session, 1-155 */
    int32_t *year;                /* 1945 + session */
    int32_t *nvotes;              /* NVotesAll, votes cast; -1 where NA */
    double *ideal;                /* IdealPointAll; NaN where NA */
    double *agree[SHI_UNGA_NREF]; /* share of votes agreeing, 0..1; NaN where NA */
    int32_t *line;                /* line of each row */
    int32_t *col;                 /* column of its ccode field */
} shi_unga_table;

SHI_API void shi_unga_table_destroy(shi_unga_table *t);
/** Read the ideal-point file (columns ccode, session, NVotesAll, IdealPointAll
 *  and the six *Agree columns; "NA" and "" are missing; the other columns,
 *  including the unnamed R row-number column, are ignored). Checks: COW code
 *  1-999, session 1-155, NVotesAll >= 0, agreement shares in [0, 1]. */
SHI_API shi_status shi_io_read_unga(const char *path, shi_unga_table *out, shi_err *err);

/* ------------------------------------------------------------------------ */
/* COW Intergovernmental Organizations v3 (Pevehouse et al. 2020)           */
/* ------------------------------------------------------------------------ */

/** Non-directed dyad-years of shared IGO memberships (cow_igo_ndy.csv[.gz],
 *  peacesciencer's summary of COW IGO v3): every dyad-year of two system
 *  members 1816-2014, zeros included. */
typedef struct shi_igo_dyad_table {
    size_t n, cap;
    int32_t *ccode1; /* COW code, the smaller */
    int32_t *ccode2; /* COW code, the larger */
    int32_t *year;   /* 1816-2100 */
    int16_t *shared; /* dyadigos: IGOs in which both are full members; -1 where missing */
    int32_t *line;   /* line of each row in the (uncompressed) file */
    int32_t *col;    /* column of its ccode1 field */
    int32_t *col2;   /* column of its ccode2 field */
} shi_igo_dyad_table;

SHI_API void shi_igo_dyad_table_destroy(shi_igo_dyad_table *t);
/** Read the dyadic IGO file (columns ccode1, ccode2, year, dyadigos; others
 *  ignored). A gzip file (by its magic bytes) is inflated into memory first;
 *  messages name `path` with lines of the uncompressed text. "", "NA" and -9
 *  are missing. Checks: COW codes 1-999, ccode1 < ccode2, year 1816-2100,
 *  dyadigos 0-254 (the most in v3 is 106), no dyad-year twice.
 *  Time complexity: O(rows); the 917,695-row .gz reads in about 0.3 s. */
SHI_API shi_status shi_io_read_igo_dyadic(const char *path, shi_igo_dyad_table *out, shi_err *err);

/** IGO memberships per state-year (cow_igo_sy.csv). */
typedef struct shi_igo_state_table {
    size_t n, cap;
    int32_t *ccode;    /* COW code */
    int32_t *year;     /* 1816-2100 */
    int16_t *full;     /* sum_igo_full: full memberships; -1 where missing */
    int16_t *assoc;    /* sum_igo_associate: associate memberships; -1 where missing */
    int16_t *observer; /* sum_igo_observer: observer status; -1 where missing */
    int16_t *any;      /* sum_igo_anytype: memberships of any type; -1 where missing */
    int32_t *line;     /* line of each row */
    int32_t *col;      /* column of its ccode field */
} shi_igo_state_table;

SHI_API void shi_igo_state_table_destroy(shi_igo_state_table *t);
/** Read the state-year IGO file (columns ccode, year, sum_igo_full,
 *  sum_igo_associate, sum_igo_observer, sum_igo_anytype). "", "NA" and -9 are
 *  missing. Checks: COW code 1-999, year 1816-2100, counts 0-1000, no
 *  state-year twice, and where all four are there, sum_igo_anytype = full +
 *  associate + observer (as in every row of v3). */
SHI_API shi_status shi_io_read_igo_states(const char *path, shi_igo_state_table *out, shi_err *err);

/* ------------------------------------------------------------------------ */
/* cshapes 2.0 minimum distances (Schvitz et al. 2022)                      */
/* ------------------------------------------------------------------------ */

/** Non-directed dyad-years of minimum distance between two states' territories
 *  on 1 January (cow_mindist.csv[.gz], peacesciencer's cow_mindist from
 *  cshapes 2.0, COW codes), 1886-2019. */
typedef struct shi_mindist_table {
    size_t n, cap;
    int32_t *ccode1; /* COW code, the smaller */
    int32_t *ccode2; /* COW code, the larger */
    int32_t *year;   /* 1816-2100 */
    double *km;      /* mindist: kilometres, 0 for contiguous territories; NaN where missing */
    int32_t *line;   /* line of each row in the (uncompressed) file */
    int32_t *col;    /* column of its ccode1 field */
    int32_t *col2;   /* column of its ccode2 field */
} shi_mindist_table;

SHI_API void shi_mindist_table_destroy(shi_mindist_table *t);
/** Read the minimum-distance file (columns ccode1, ccode2, year, mindist;
 *  others ignored); a gzip file is inflated first, messages name `path` with
 *  lines of the uncompressed text. "", "NA" and -9 are missing. Checks: COW
 *  codes 1-999, ccode1 < ccode2, year 1816-2100, mindist 0-20100 km (half
 *  the Earth's circumference is 20,037 km), no dyad-year twice.
 *  Time complexity: O(rows); 952,244 rows in the shared file. */
SHI_API shi_status shi_io_read_mindist(const char *path, shi_mindist_table *out, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
