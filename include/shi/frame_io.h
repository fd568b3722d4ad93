/*
 * shi/frame_io.h - the writers of a frame (shi/frame.h): CSV, TSV, JSON, JSON lines,
 * aligned text, SQLite and Stata .dta, and the names of those formats.
 */
#ifndef SHI_FRAME_IO_H
#define SHI_FRAME_IO_H

#include <stddef.h>
#include <stdio.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/frame.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum shi_frame_format {
    SHI_FF_TABLE = 0, /* aligned text (for a terminal) */
    SHI_FF_CSV,
    SHI_FF_TSV,
    SHI_FF_JSONL, /* one JSON object per line */
    SHI_FF_SQLITE,
    SHI_FF_DTA,
    SHI_FF_JSON /* one JSON array of objects */
} shi_frame_format;

/** Parse a format name, in any case: table, csv, tsv, json, jsonl, sqlite
 *  (or db), dta; the error lists them. */
SHI_API shi_status shi_frame_format_parse(const char *name, shi_frame_format *out, shi_err *err);
/** The format a file name implies by its extension, in any case (.csv .tsv
 *  .json .jsonl .sqlite .db .dta), or -1 when it implies none. */
SHI_API int shi_frame_format_from_path(const char *path);

/** Longest text shi_frame_fmt_real writes, with its terminating NUL. */
#define SHI_FRAME_REAL_MAX 400

/** Format `v` with `digits` (0-17) decimals into `buf` (at least SHI_FRAME_REAL_MAX
 *  bytes) exactly as snprintf("%.*f", digits, v) does (the exact binary value
 *  rounded half to even), except that a value that rounds to zero never carries
 *  a sign ("0.000", not "-0.000"). A non-finite `v` writes "" (missing).
 *  Returns the length written. Exact integer arithmetic up to |v|*10^digits <
 *  2^49, snprintf beyond. */
SHI_API size_t shi_frame_fmt_real(char *buf, double v, int digits);

/** Longest text shi_fmt_shortest writes, with its terminating NUL. */
#define SHI_SHORTEST_MAX 32

/** The shortest decimal text that strtod reads back as `v` exactly: the
 *  first of 15, 16 and 17 significant digits that does, correctly rounded,
 *  trailing zeros removed (for normal doubles the shortest there is), into `buf`
 *  (at least SHI_SHORTEST_MAX bytes): plain decimals ("0.0396971", "5898.5",
 *  "12") for 1e-7 < |v| < 1e21, else "1.5e-8", "2e+21". Zero is "0" (never
 *  "-0"); a non-finite `v` writes "" (missing). Returns the length. This is
 *  how every machine format writes a real: full precision, no rounding. */
SHI_API size_t shi_fmt_shortest(char *buf, double v);

/** Write as text (TABLE, CSV, TSV, JSON, JSONL) to an open stream. Missing
 *  values: empty (CSV/TSV), "-" (TABLE), null (JSON). Reals at full precision
 *  (shi_fmt_shortest) except in TABLE, which uses the column's digits. */
SHI_API shi_status shi_frame_write_text(const shi_frame *f, FILE *out, shi_frame_format fmt,
                                        shi_err *err);
/** shi_frame_write_text with the rows formatted on `threads` threads (0: all
 *  cores; the machine formats only). Blocks of rows are formatted apart and
 *  written in row order, so the bytes are the same for any thread count;
 *  memory holds one block (some hundreds of kB) per thread.
 *  shi_frame_write_text is this with `threads` 0. */
SHI_API shi_status shi_frame_write_text_threads(const shi_frame *f, FILE *out, shi_frame_format fmt,
                                                int threads, shi_err *err);
/** The terminal table (aligned text) fitted to `width` columns (0: no
 *  limit), as shi_table_write_width does. */
SHI_API shi_status shi_frame_write_table(const shi_frame *f, FILE *out, size_t width, shi_err *err);
/** Write a SQLite database at `path` (atomically: temporary file, then rename):
 *  one table named after the frame, an index on `keys` (column names, may be
 *  NULL), and a table `metadata(key TEXT, value TEXT)` from `meta`. */
SHI_API shi_status shi_frame_write_sqlite(const shi_frame *f, const char *const *keys, size_t nkeys,
                                          const shi_meta *meta, const char *path, shi_err *err);
/** Write a Stata .dta file at `path` (atomically) via ReadStat, with variable
 *  labels; metadata go into the dataset's notes / label. Missing values are
 *  Stata's system missing (.). */
SHI_API shi_status shi_frame_write_dta(const shi_frame *f, const shi_meta *meta, const char *path,
                                       shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
