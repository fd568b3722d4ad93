/*
 * shi/io_events.h - importers for event data: ICEWS dyad-year quad counts (netify
 * aggregation) and the CAMEO event codes with their Goldstein (1992) weights.
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
#ifndef SHI_IO_EVENTS_H
#define SHI_IO_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/missing.h>

#ifdef __cplusplus
extern "C" {
#endif

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
