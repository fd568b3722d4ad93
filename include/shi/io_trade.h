/*
 * shi/io_trade.h - importers for trade: COW Trade 4.0, national totals and dyadic flows
 * (plain or gzip-compressed).
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
#ifndef SHI_IO_TRADE_H
#define SHI_IO_TRADE_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/missing.h>

#ifdef __cplusplus
extern "C" {
#endif

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

#ifdef __cplusplus
}
#endif
#endif
