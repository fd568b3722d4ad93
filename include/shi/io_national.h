/*
 * shi/io_national.h - importers for attributes of states: nuclear-weapons status (OWID,
 * Bleek 2017, FAS stockpiles) and regime (Polity5).
 *
 * Each table is columnar: every read APPENDS rows to a caller-owned table
 * (zero it before the first read: `shi_x_table t = {0};`) and the matching
 * _destroy frees it (safe on a zeroed struct). On failure the rows appended
 * before the bad one stay in the table and it stays valid. Each row keeps the
 * line and column of a key field in the file. Every error names
 * file:line:column and the column.
 *
 * Missing values are never turned into zeros (shi/missing.h): real-valued
 * columns hold NaN, small categorical columns SHI_NA_I8 (-1), counts -1.
 *
 * Sources, columns read and coding choices: docs/sources_more.md.
 */
#ifndef SHI_IO_NATIONAL_H
#define SHI_IO_NATIONAL_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/missing.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Nuclear weapons status (Our World in Data; Bleek 2017; FAS stockpiles)   */
/* ------------------------------------------------------------------------ */

/** Nuclear-weapons status codes (Bleek 2017, as extended by OWID). */
enum {
    SHI_NUC_NONE = 0,      /* no consideration */
    SHI_NUC_CONSIDER = 1,  /* consideration */
    SHI_NUC_PURSUIT = 2,   /* pursuit */
    SHI_NUC_POSSESSION = 3 /* possession */
};

#define SHI_NUC_CODE_MAX 12 /* bytes of a Code, including the NUL ("OWID_ABK") */
#define SHI_NUC_NAME_MAX 64 /* bytes of an Admin name, including the NUL */

/** Country-years (nuclear_status_tests_stockpile_by_country_year.csv), keyed
 *  by ISO 3166 alpha-3 code. OWID codes entities without one as OWID_xxx and
 *  leaves some empty (e.g. "Antigua & Barbuda", "German Democratic
 *  Republic"); both are kept as they are. Map ISO3 to COW with the state
 *  registry (shi_states: iso3), not here. OWID's "Russia" (RUS) covers the
 *  Soviet Union before 1992. */
typedef struct shi_nuclear_table {
    size_t n, cap;
    char (*iso3)[SHI_NUC_CODE_MAX]; /* Code: ISO3, OWID_xxx or "" */
    char (*name)[SHI_NUC_NAME_MAX]; /* Admin, OWID's entity name */
    int32_t *year;                  /* 1900-2100 */
    int8_t *status;                 /* SHI_NUC_NONE .. SHI_NUC_POSSESSION */
    int32_t *tests;                 /* nuclear tests that year; -1 where missing */
    int32_t *stockpile;             /* warheads; -1 where missing */
    int32_t *line;                  /* line of each row */
    int32_t *col;                   /* column of its Code field */
} shi_nuclear_table;

SHI_API void shi_nuclear_table_destroy(shi_nuclear_table *t);
/** Read the OWID status file (columns Admin or Entity, Code, Year,
 *  nuclear_weapons_status, nuclear_weapons_tests, nuclear_weapons_stockpile;
 *  CRLF or LF). Checks: year 1900-2100, status 0-3, tests and stockpile >= 0
 *  or missing (""), Code shorter than SHI_NUC_CODE_MAX bytes. */
SHI_API shi_status shi_io_read_nuclear_status(const char *path, shi_nuclear_table *out,
                                              shi_err *err);

/* ------------------------------------------------------------------------ */
/* Polity5 (Marshall & Gurr 2020)                                           */
/* ------------------------------------------------------------------------ */

/** Polity's special codes, kept in `special`. */
enum {
    SHI_POLITY_INTERRUPTION = -66, /* foreign interruption */
    SHI_POLITY_INTERREGNUM = -77,  /* interregnum, anarchy */
    SHI_POLITY_TRANSITION = -88    /* transition */
};

/** Country-years (p5v2018.csv). ccode is Polity's own code, close to COW's
 *  (see shi_polity_to_cow). */
typedef struct shi_polity_table {
    size_t n, cap;
    int32_t *ccode;   /* Polity's ccode */
    int32_t *year;    /* 1700-2100 */
    char (*scode)[4]; /* Polity's letter code, e.g. "RUS" */
    double *democ;    /* 0-10; NaN where special or "" */
    double *autoc;    /* 0-10; NaN where special or "" */
    double *polity;   /* -10..10; NaN where special (-66/-77/-88) */
    double *polity2;  /* -10..10 as published (Polity's own interpolation of
                         -77/-88, -66 left empty); NaN where "" */
    int8_t *special;  /* 0, or the polity column's -66/-77/-88 */
    int32_t *line;    /* line of each row */
    int32_t *col;     /* column of its ccode field */
} shi_polity_table;

SHI_API void shi_polity_table_destroy(shi_polity_table *t);
/** Read p5v2018.csv (columns ccode, scode, year, democ, autoc, polity,
 *  polity2; UTF-8 BOM and CRLF are fine). Checks: ccode 1-999, year
 *  1700-2100, democ/autoc 0-10 or special, polity -10..10 or special,
 *  polity2 -10..10 or "", scode of 1-3 characters. */
SHI_API shi_status shi_io_read_polity5(const char *path, shi_polity_table *out, shi_err *err);
/** The COW code of Polity code `pcode` in `year`, for the known differences:
 *  364 (USSR 1922-1991) -> 365; 769 (Pakistan before 1972) -> 770;
 *  818 (Vietnam from 1976) -> 816; 342 (Serbia) and 347 (Yugoslavia /
 *  Serbia and Montenegro 1991-2006) -> 345; 529 (Ethiopia from 1993) -> 530;
 *  625 (Sudan) stays 625, and from 2011 626 (North Sudan) -> 625 and
 *  525 (South Sudan) -> 626. Any other code is returned unchanged (255 Germany,
 *  260 West Germany, 265 East Germany, 678/679/680 Yemen, 817 South Vietnam
 *  agree with COW). O(1). */
SHI_API int shi_polity_to_cow(int pcode, int year);

/** V-Dem's electoral democracy index by COW state-year (vdem-poly.csv). */
typedef struct shi_vdem_table {
    size_t n, cap;
    int32_t *ccode;    /* COW code */
    int32_t *year;     /* 1700-2100 */
    double *polyarchy; /* v2x_polyarchy, 0-1; NaN where empty */
    int32_t *line;     /* line of each row */
    int32_t *col;      /* column of its COWcode field */
} shi_vdem_table;

SHI_API void shi_vdem_table_destroy(shi_vdem_table *t);
/** Read vdem-poly.csv (columns year, COWcode, v2x_polyarchy). Rows with an
 *  empty COWcode (V-Dem units that are no COW state) are passed over; the
 *  others need a COW code 1-999, a year 1700-2100, an index in [0, 1] or
 *  nothing, and one row per (COWcode, year). */
SHI_API shi_status shi_io_read_vdem(const char *path, shi_vdem_table *out, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
