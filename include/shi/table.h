/*
 * shi/table.h - small result tables and their formats: aligned text for a
 * terminal, CSV (RFC 4180), TSV, JSON (an array of objects), JSON lines (one
 * object a line), and through a frame (shi/frame_io.h) SQLite and Stata .dta.
 *
 * A table is built column by column, then row by row; cells are formatted as
 * they are added, so writing computes nothing. The terminal table rounds
 * reals to their column's decimals and shows flags as yes/no; every machine
 * format writes reals at full precision (the shortest text that reads back to
 * the same double) and flags as 0/1. Missing values print as empty (CSV/TSV),
 * "-" (text) or null (JSON).
 */
#ifndef SHI_TABLE_H
#define SHI_TABLE_H

#include <stdint.h>
#include <stdio.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/frame.h>
#include <shi/frame_io.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct shi_table shi_table;

/** New empty table (NULL when out of memory); free with shi_table_free. */
SHI_API shi_table *shi_table_new(void);
SHI_API void shi_table_free(shi_table *t);

/** Add a column: type 's' text, 'i' integer, 'f' real (`digits` decimals in the
 *  terminal table, full precision elsewhere), 'b' flag (shi_table_flag). */
SHI_API shi_status shi_table_column(shi_table *t, const char *name, char type, int digits,
                                    shi_err *err);
/** Append cells to the current row, left to right; a row is complete when
 *  every column has a cell. Real NaN is missing. */
SHI_API shi_status shi_table_str(shi_table *t, const char *v, shi_err *err);
SHI_API shi_status shi_table_int(shi_table *t, int64_t v, shi_err *err);
SHI_API shi_status shi_table_real(shi_table *t, double v, shi_err *err);
SHI_API shi_status shi_table_missing(shi_table *t, shi_err *err);
/** A yes/no cell: "yes"/"no" in the terminal table, 1/0 in machine formats
 *  (and a byte in Stata). */
SHI_API shi_status shi_table_flag(shi_table *t, int v, shi_err *err);

SHI_API size_t shi_table_nrows(const shi_table *t);

/** Write the table as TABLE, CSV, TSV, JSON or JSONL; checks write errors.
 *  SQLite and dta need a file: SHI_EUSAGE here, see shi_table_write_file. */
SHI_API shi_status shi_table_write(const shi_table *t, FILE *f, shi_frame_format fmt, shi_err *err);
/** The terminal table fitted to `width` columns (0: no limit): the widest
 *  text columns abbreviated with "…", then the columns that still do not fit
 *  in further blocks, each repeating the first column. */
SHI_API shi_status shi_table_write_width(const shi_table *t, FILE *f, size_t width, shi_err *err);
/** Write `text` (lines ended by '\n') with every line longer than `width`
 *  columns (0: no limit) wrapped at spaces, continuation lines indented two
 *  more than the line; shorter lines (a fitted table) as they are. A text
 *  without a final newline gets one. */
SHI_API void shi_text_wrap(FILE *f, const char *text, size_t width);
/** The table as a frame named `name` (initialised here; shi_frame_destroy):
 *  text columns STR, flags I32 flags, integers I32 (F64 beyond its range),
 *  reals F64. Column names become [a-z_][a-z0-9_]* names (lower case, other
 *  characters '_', made unique); a changed name keeps the original as its
 *  label. */
SHI_API shi_status shi_table_to_frame(const shi_table *t, const char *name, shi_frame *f,
                                      shi_err *err);
/** Write the table to `path` as SQLite (a table named "result" and the
 *  metadata table) or Stata .dta, through shi_table_to_frame and the frame's
 *  writers, atomically. */
SHI_API shi_status shi_table_write_file(const shi_table *t, shi_frame_format fmt, const char *path,
                                        shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
