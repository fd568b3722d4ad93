/*
 * shi/frame.h - a columnar result table for large outputs (dyad-years), and
 * its writers: CSV, TSV, JSON lines, aligned text, SQLite and Stata .dta.
 *
 * Unlike shi_table (small results, cells formatted as they are added), a frame
 * holds typed columns of millions of rows and formats them only when written.
 * Missing values are sentinels here, chosen so a writer never mistakes them
 * for data: SHI_NA_I32 (INT32_MIN) in integer columns and NaN in real ones.
 *
 * Ownership: shi_frame_init/shi_frame_destroy; columns are allocated by
 * shi_frame_add_* and owned by the frame.
 */
#ifndef SHI_FRAME_H
#define SHI_FRAME_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SHI_NA_I32 INT32_MIN

typedef enum shi_fcol_type { SHI_FCOL_I32 = 0, SHI_FCOL_F64 = 1 } shi_fcol_type;

typedef struct shi_fcol {
    char name[33];  /* variable name: [a-z_][a-z0-9_]*, at most 32 chars (Stata's limit) */
    char label[81]; /* variable label (Stata allows 80) */
    shi_fcol_type type;
    int digits;   /* decimals when written as text (F64 only) */
    int32_t *i32; /* nrow values (I32) */
    double *f64;  /* nrow values (F64) */
} shi_fcol;

typedef struct shi_frame {
    char name[33]; /* table name, e.g. "dyad_year" (SQLite table, dta dataset label) */
    size_t nrow;
    shi_fcol *cols;
    size_t ncol;
} shi_frame;

/** Metadata written with a frame: sources, versions, options, shi's version. */
typedef struct shi_meta_kv {
    char key[64];
    char value[512];
} shi_meta_kv;

typedef struct shi_meta {
    shi_meta_kv *kv;
    size_t n, cap;
} shi_meta;

/** Free the entries (safe on a zeroed struct). shi_meta_add copies `key` (at
 *  most 63 bytes) and `value` (at most 511 bytes; longer is SHI_EUSAGE). */
SHI_API void shi_meta_destroy(shi_meta *m);
SHI_API shi_status shi_meta_add(shi_meta *m, const char *key, const char *value, shi_err *err);

/** An empty frame of `nrow` rows named `name` ([a-z_][a-z0-9_]*, at most 32
 *  characters). */
SHI_API shi_status shi_frame_init(shi_frame *f, const char *name, size_t nrow, shi_err *err);
SHI_API void shi_frame_destroy(shi_frame *f);

/** Add a column, all missing; returns a pointer to its data in *data. The name
 *  must be [a-z_][a-z0-9_]*, at most 32 characters, and new in the frame
 *  (SHI_EUSAGE otherwise); a longer label is cut to 80 bytes at a character
 *  boundary; `digits` is 0-17. Real columns: NaN and the infinities are missing
 *  in every writer. */
SHI_API shi_status shi_frame_add_i32(shi_frame *f, const char *name, const char *label,
                                     int32_t **data, shi_err *err);
SHI_API shi_status shi_frame_add_f64(shi_frame *f, const char *name, const char *label, int digits,
                                     double **data, shi_err *err);
/** Index of the column called `name`, or -1. */
SHI_API long shi_frame_find(const shi_frame *f, const char *name);

typedef enum shi_frame_format {
    SHI_FF_TABLE = 0, /* aligned text (for a terminal) */
    SHI_FF_CSV,
    SHI_FF_TSV,
    SHI_FF_JSONL, /* one JSON object per line */
    SHI_FF_SQLITE,
    SHI_FF_DTA
} shi_frame_format;

/** Parse a format name: table, csv, tsv, jsonl (or json), sqlite, dta. */
SHI_API shi_status shi_frame_format_parse(const char *name, shi_frame_format *out, shi_err *err);
/** The format a file name implies by its extension (.csv .tsv .jsonl .json .sqlite .db .dta),
 *  or -1 when it implies none. */
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

/** Write as text (TABLE, CSV, TSV, JSONL) to an open stream. Missing values:
 *  empty (CSV/TSV), "-" (TABLE), null (JSONL). Reals with their column's digits. */
SHI_API shi_status shi_frame_write_text(const shi_frame *f, FILE *out, shi_frame_format fmt,
                                        shi_err *err);
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
