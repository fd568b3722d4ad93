/*
 * shi/table.h - result tables and their formats: aligned text for a terminal,
 * CSV (RFC 4180), TSV and JSON (an array of objects).
 *
 * A table is built column by column, then row by row; cells are formatted as
 * they are added, so writing computes nothing. Missing values print as empty
 * (CSV/TSV), "-" (text) or null (JSON).
 */
#ifndef SHI_TABLE_H
#define SHI_TABLE_H

#include <stdint.h>
#include <stdio.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum shi_format { SHI_FMT_TABLE, SHI_FMT_CSV, SHI_FMT_TSV, SHI_FMT_JSON } shi_format;

/** Parse "table", "csv", "tsv" or "json"; error lists the valid names. */
SHI_API shi_status shi_format_parse(const char *name, shi_format *out, shi_err *err);

typedef struct shi_table shi_table;

/** New empty table (NULL when out of memory); free with shi_table_free. */
SHI_API shi_table *shi_table_new(void);
SHI_API void shi_table_free(shi_table *t);

/** Add a column: type 's' text, 'i' integer, 'f' real printed with `digits` decimals. */
SHI_API shi_status shi_table_column(shi_table *t, const char *name, char type, int digits,
                                    shi_err *err);
/** Append cells to the current row, left to right; a row is complete when
 *  every column has a cell. Real NaN is missing. */
SHI_API shi_status shi_table_str(shi_table *t, const char *v, shi_err *err);
SHI_API shi_status shi_table_int(shi_table *t, int64_t v, shi_err *err);
SHI_API shi_status shi_table_real(shi_table *t, double v, shi_err *err);
SHI_API shi_status shi_table_missing(shi_table *t, shi_err *err);

SHI_API size_t shi_table_nrows(const shi_table *t);

/** Write the table; checks write errors. */
SHI_API shi_status shi_table_write(const shi_table *t, FILE *f, shi_format fmt, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
