/*
 * shi/io_more.h - importers for trade, disputes, nuclear status, regime and
 * event data: COW Trade 4.0 (national and dyadic), GML MID 2.1.1 dyad-years,
 * OWID/Bleek nuclear-weapons status, Polity5, ICEWS dyad-year quad counts
 * (netify) and the CAMEO/Goldstein lookup.
 *
 * As in shi/io_dyad.h, each table is columnar: every read APPENDS rows to a
 * caller-owned table (zero it before the first read: `shi_x_table t = {0};`)
 * and the matching _destroy frees it (safe on a zeroed struct). On failure the
 * rows appended before the bad one stay in the table and it stays valid. Each
 * row keeps the line and column of its first key field in the file.
 *
 * Missing values are never turned into zeros: real-valued columns hold NaN,
 * small categorical columns hold SHI_NA8 (-1).
 *
 * Sources, columns read and coding choices: docs/sources_more.md.
 */
#ifndef SHI_IO_MORE_H
#define SHI_IO_MORE_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Missing value of the small integer (int8_t) columns below. */
#define SHI_NA8 (-1)

/* ------------------------------------------------------------------------ */
/* COW Trade 4.0 (Barbieri & Keshk 2016; Barbieri, Keshk & Pollins 2009)    */
/* ------------------------------------------------------------------------ */

/** National totals (National_COW_4.0.csv), current million USD. */
typedef struct shi_trade_nat_table {
    size_t n, cap;
    int32_t *ccode;  /* COW code */
    int32_t *year;   /* 1800-2100 */
    double *imports; /* imports, million USD; NaN where "" or -9 */
    double *exports; /* exports, million USD; NaN where "" or -9 */
    int32_t *line;   /* line of each row in the file */
    int32_t *col;    /* column of its ccode field */
} shi_trade_nat_table;

SHI_API void shi_trade_nat_table_destroy(shi_trade_nat_table *t);
/** Read National_COW_4.0.csv (columns ccode, year, imports, exports; the
 *  alt_* and source columns are ignored). "", "NA" and -9 are missing.
 *  Checks: COW code 1-999, year 1800-2100, flows >= 0 or missing.
 *  \return SHI_OK, SHI_EDATA (bad row; err names file:line:column), SHI_EIO.
 *  Time complexity: O(rows). */
SHI_API shi_status shi_io_read_cow_trade_national(const char *path, shi_trade_nat_table *out,
                                                  shi_err *err);

/** Non-directed dyadic trade (dyadic_trade_ndy_*_rounded.csv[.gz]), ccode1 <
 *  ccode2, whole million USD (the files are a rounded derivative). */
typedef struct shi_trade_dyad_table {
    size_t n, cap;
    int32_t *ccode1; /* COW code, the smaller */
    int32_t *ccode2; /* COW code, the larger */
    int32_t *year;   /* 1800-2100 */
    double *flow1;   /* imports of ccode1 from ccode2; NaN where -9 */
    double *flow2;   /* imports of ccode2 from ccode1; NaN where -9 */
    double *smooth1; /* smoothflow1 (COW's smoothed flow1); NaN where -9 */
    double *smooth2; /* smoothflow2; NaN where -9 */
    int32_t *line;   /* line of each row in the (uncompressed) file */
    int32_t *col;    /* column of its ccode1 field */
} shi_trade_dyad_table;

SHI_API void shi_trade_dyad_table_destroy(shi_trade_dyad_table *t);
/** Read a dyadic trade file (columns ccode1, ccode2, year, flow1, flow2,
 *  smoothflow1, smoothflow2). A gzip file (recognised by its magic bytes, not
 *  its name) is inflated into memory with zlib first; messages still name
 *  `path`, with lines of the uncompressed text. "", "NA" and -9 are missing.
 *  Checks: COW codes 1-999, ccode1 < ccode2, year 1800-2100, flows >= 0.
 *  Time complexity: O(rows); the 673,654-row .gz reads in about 0.3 s. */
SHI_API shi_status shi_io_read_cow_trade_dyadic(const char *path, shi_trade_dyad_table *out,
                                                shi_err *err);

/* ------------------------------------------------------------------------ */
/* GML MID 2.1.1 dyad-years (Gibler, Miller & Little 2016, ISQ 60(4))       */
/* ------------------------------------------------------------------------ */

/** Dyad-years with a militarized dispute (gml-ddy-disputes-2.1.1.csv). The
 *  file lists each dyad-year twice, once in each order of (ccode1, ccode2),
 *  with the *1 and *2 columns swapped: 10,330 rows, 5,165 dyad-years. The *1
 *  columns describe ccode1, the *2 columns ccode2. -9 and "" read as SHI_NA8. */
typedef struct shi_mid_table {
    size_t n, cap;
    int32_t *dispnum;  /* dispute number */
    int32_t *ccode1;   /* COW code */
    int32_t *ccode2;   /* COW code */
    int32_t *year;     /* 1816-2100 */
    int8_t *onset;     /* midonset: 1 if the dispute began this year, else 0 */
    int8_t *sidea1;    /* 1 if ccode1 is on side A (the side that took the first action) */
    int8_t *sidea2;    /* same for ccode2 */
    int8_t *orig1;     /* 1 if ccode1 was an originator (in it from day one), 0 a joiner */
    int8_t *orig2;     /* same for ccode2 */
    int8_t *revstate1; /* 1 if ccode1 sought to revise the status quo; SHI_NA8 */
    int8_t *revstate2; /* same for ccode2 */
    int8_t *hostlev1;  /* highest hostility level of ccode1, 1-5 (1 none, 2 threat,
                          3 display, 4 use of force, 5 war) */
    int8_t *hostlev2;  /* same for ccode2 */
    int8_t *hiact1;    /* highest action of ccode1, 0-21 (COW MID action codes) */
    int8_t *hiact2;    /* same for ccode2 */
    int8_t *fatality;  /* dispute fatality level 0-6; SHI_NA8 where -9 */
    int32_t *line;     /* line of each row */
    int32_t *col;      /* column of its ccode1 field */
} shi_mid_table;

SHI_API void shi_mid_table_destroy(shi_mid_table *t);
/** Read the GML MID dyad-year file (columns dispnum, ccode1, ccode2, year,
 *  midonset, sidea1, sidea2, orig1, orig2, revstate1, revstate2, hostlev1,
 *  hostlev2, hiact1, hiact2, fatality; the others are ignored).
 *  Checks: COW codes 1-999 and different, year 1816-2100, dispnum >= 1, the
 *  0/1 flags, hostlev 1-5, hiact 0-21, fatality 0-6 or -9, revstate 0/1 or
 *  missing. */
SHI_API shi_status shi_io_read_gml_mid(const char *path, shi_mid_table *out, shi_err *err);

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

/* ------------------------------------------------------------------------ */
/* ICEWS dyad-year quad counts (Boschee et al. 2015; netify aggregation)    */
/* ------------------------------------------------------------------------ */

/** The four CAMEO quad classes, in the file's column order. */
enum { SHI_QUAD_VERBCOOP, SHI_QUAD_MATLCOOP, SHI_QUAD_VERBCONF, SHI_QUAD_MATLCONF, SHI_NQUAD };
/** Column names: verbCoop, matlCoop, verbConf, matlConf. */
SHI_API extern const char *const shi_quad_column[SHI_NQUAD];
/** CAMEO root codes of each quad class (GDELT's QuadClass convention):
 *  verbal cooperation 01-04, material cooperation 05-08, verbal conflict
 *  09-13, material conflict 14-20. */
SHI_API extern const int shi_quad_root_lo[SHI_NQUAD];
SHI_API extern const int shi_quad_root_hi[SHI_NQUAD];

/** Directed dyad-years of ICEWS event counts, keyed by ISO3 (the country
 *  names of columns i and j are not kept). */
typedef struct shi_icews_table {
    size_t n, cap;
    char (*iso3_i)[4];         /* i_iso3c, the source country */
    char (*iso3_j)[4];         /* j_iso3c, the target country */
    int32_t *year;             /* 1990-2100 */
    int32_t *count[SHI_NQUAD]; /* events of each quad class, >= 0 */
    int32_t *line;             /* line of each row */
    int32_t *col;              /* column of its i_iso3c field */
} shi_icews_table;

SHI_API void shi_icews_table_destroy(shi_icews_table *t);
/** Read the netify ICEWS dyad-year file (columns i_iso3c, j_iso3c, year,
 *  verbCoop, matlCoop, verbConf, matlConf; i and j, the names, are ignored).
 *  Checks: ISO3 of three letters A-Z, i != j, year 1990-2100, counts >= 0. */
SHI_API shi_status shi_io_read_icews_dyad_year(const char *path, shi_icews_table *out,
                                               shi_err *err);

/* ------------------------------------------------------------------------ */
/* CAMEO event codes and Goldstein (1992) weights (GDELT lookup)            */
/* ------------------------------------------------------------------------ */

/** CAMEO codes and their Goldstein scale values (CAMEO.goldsteinscale.txt).
 *  Codes are strings: the leading zero matters ("01" root, "010" base). */
typedef struct shi_cameo_table {
    size_t n, cap;
    char (*code)[8];   /* CAMEO event code, 2-4 digits (e.g. "0211") */
    double *goldstein; /* -10..10 */
    int32_t *line;     /* line of each row */
    int32_t *col;      /* column of its code field (always 1) */
} shi_cameo_table;

SHI_API void shi_cameo_table_destroy(shi_cameo_table *t);
/** Read the tab-separated lookup (header CAMEOEVENTCODE, GOLDSTEINSCALE).
 *  Checks: code of 2-4 digits with a root 01-20, scale -10..10. */
SHI_API shi_status shi_io_read_cameo_goldstein(const char *path, shi_cameo_table *out,
                                               shi_err *err);
/** The Goldstein weight of each quad class: the mean Goldstein value of the
 *  CAMEO codes whose root (first two digits) is in the class's range
 *  (shi_quad_root_lo/hi). With `roots_only`, only the two-digit root codes
 *  themselves count (e.g. 01, 02, 03, 04); otherwise every code of those
 *  families does. The dyad-year file has only quad-class counts, so a
 *  Goldstein-weighted score can only be approximated with these weights.
 *  \return SHI_EDATA if a class has no code in `t`. O(n). */
SHI_API shi_status shi_cameo_quad_weights(const shi_cameo_table *t, int roots_only,
                                          double w[SHI_NQUAD], shi_err *err);
/** The approximate Goldstein sum of a dyad-year: sum over classes of
 *  count[k] * w[k]. Divide by the total count for a mean. O(1). */
SHI_API double shi_icews_goldstein_approx(const int32_t count[SHI_NQUAD],
                                          const double w[SHI_NQUAD]);

#ifdef __cplusplus
}
#endif
#endif
