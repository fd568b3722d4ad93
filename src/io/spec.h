/*
 * spec.h - the table-driven row reader behind the importers (private to src/io).
 *
 * An importer describes its file as an array of column specs: the header name
 * (and an alias some files use instead), how the text is parsed, the valid
 * range, whether a missing value is allowed and what it becomes, and the
 * message for a bad value. The reader opens the file, finds the columns, grows
 * the destination table, parses and range-checks each field and reports
 * problems as `file:line:col: <what> in column 'x', got 'y'` (shi_csv's
 * messages). What is left to an importer is what is particular to its data:
 * cross-field checks, derived columns. Keys are the specs' too: columns flagged
 * SHI_I_KEY make a row's key, and a key seen twice is an error at the second
 * row naming the first (`duplicate row for ccode 2, year 1946 (first on line
 * 12)`), checked once every column of the row is parsed.
 *
 * A row is read in three steps, so that an importer's own checks can come
 * between fields in the order its messages have always come in:
 *
 *     shi_i_reader rd;
 *     shi_status s = shi_i_open(&rd, path, &opts, cols, NCOLS, &dest, err);
 *     for (int got = 1; s == SHI_OK;) {
 *         if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got) break;
 *         if ((s = shi_i_parse(&rd, 0, NCOLS, err)) != SHI_OK) break;  // or in pieces
 *         ... own checks on rd.iv[k] / rd.v[k] / shi_i_text(&rd, k) ...
 *         shi_i_commit(&rd);
 *     }
 *     return shi_i_close(&rd, s, err);
 */
#ifndef SHI_IO_SPEC_H
#define SHI_IO_SPEC_H

#include <stddef.h>
#include <stdint.h>

#include <shi/csv.h>

#include "../core/mem.h"

/* Most columns of one file (MID 5.0's participant file has 18). */
#define SHI_I_MAXCOLS 24

/* How a field's text is read. */
typedef enum shi_i_type {
    SHI_I_INT,    /* an integer (shi_csv_int's rules; plain decimals take a fast path) */
    SHI_I_REAL,   /* a finite decimal number (shi_csv_real's rules), stored as double */
    SHI_I_TEXT,   /* text of lo..hi bytes, accepted by `valid` when one is given */
    SHI_I_CUSTOM, /* text that `parse` turns into a number, then range-checked */
} shi_i_type;

/* Column flags. */
enum {
    SHI_I_OPTIONAL = 1u << 0, /* a missing code (shi_csv_opts.missing) stores `na` */
    SHI_I_DOUBLE = 1u << 1,   /* INT, CUSTOM: store the number in a double column */
    SHI_I_PLAIN = 1u << 2,    /* INT: only a plain decimal of at most 15 digits is an integer;
                               * other text is a bad value (`what`), not shi_csv's error */
    SHI_I_INTS = 1u << 3,     /* REAL: a plain integer is read as an integer, so "-0" is +0
                               * (the trade files' historical behaviour) */
    SHI_I_KEY = 1u << 4,      /* part of the row's key: a second row with the same values in
                               * every key column is an error naming both lines, checked once
                               * every column of the row is parsed. A row with a key field
                               * missing (or an empty TEXT key) is not checked. */
    SHI_I_REPEAT = 1u << 5,   /* on a KEY column: a row that repeats an earlier one exactly
                               * (every field the same) is not a duplicate; the official OWID
                               * files repeat some rows */
};

/* One column of a file. Zeroed fields mean: no alias, no flags, no
 * destination, no NA codes. */
typedef struct shi_i_col {
    const char *name;         /* header name */
    const char *alias;        /* name accepted when `name` is absent, or NULL */
    shi_i_type type;          /* how the text is read */
    unsigned flags;           /* SHI_I_OPTIONAL, ... */
    double lo, hi;            /* valid range; TEXT: length in bytes */
    const char *what;         /* message for a bad value, e.g. "expected a year 1816-2100" */
    const char *what_missing; /* message for a missing value if not `what`, or NULL */
    void *dst;                /* address of the destination column (e.g. &t->ccode), or NULL */
    size_t size;              /* its element size: 1, 2, 4 or 8 (an integer column, also for CUSTOM
                               * without SHI_I_DOUBLE), 8 (double), the buffer (TEXT) */
    double na;                /* stored for a missing value or an NA code */
    double na_code[3];        /* values that mean missing (COW -9; Polity -66, -77, -88) */
    int nna;                  /* how many of them */
    int (*valid)(const char *text);            /* TEXT: further check of the text, or NULL */
    int (*parse)(const char *text, double *v); /* CUSTOM: 1 when the text is valid */
} shi_i_col;

/* The destination of a column spec: `.dst`, `.size` in a designated initializer. */
#define SHI_I_TO(col) .dst = (void *)&(col), .size = sizeof *(col)

/* The table the rows go to: its row count, its capacity, and the columns the
 * specs do not fill (derived ones, or an array of structs). */
typedef struct shi_i_dest {
    size_t *n;                /* rows in the table */
    size_t *cap;              /* the capacity every column shares */
    size_t first_cap;         /* capacity of the first allocation */
    int32_t **line, **col;    /* where each row's `pos` field starts, or NULL */
    size_t pos;               /* the spec column whose position is kept */
    const shi_col_ref *extra; /* further columns the importer fills itself */
    size_t nextra;            /* how many */
} shi_i_dest;

/* A reader: the file, its specs and the current row. */
typedef struct shi_i_reader {
    shi_csv *csv;                        /* the file */
    const char *path;                    /* as given (named in "no records after the header") */
    const shi_i_col *cols;               /* the specs */
    size_t ncols;                        /* how many */
    shi_i_dest dest;                     /* the destination table */
    shi_col_ref grow[SHI_I_MAXCOLS + 8]; /* every column of the table */
    size_t ngrow;                        /* how many */
    size_t first;                        /* rows in the table when it was opened */
    const char *int_miss[4];             /* missing codes that read as integers (COW's -9) */
    int64_t int_miss_v[4];               /* their values */
    int nint_miss;                       /* how many */
    long idx[SHI_I_MAXCOLS];             /* field index of each spec column */
    unsigned char st[SHI_I_MAXCOLS];     /* how each is stored (spec.c) */
    int64_t iv[SHI_I_MAXCOLS];           /* INT: the value as read (0 when missing) */
    double v[SHI_I_MAXCOLS]; /* INT, REAL, CUSTOM: the value as read (NaN when missing) */
    int na[SHI_I_MAXCOLS];   /* the field was missing or an NA code */
    size_t nkey;             /* key columns in the specs (SHI_I_KEY) */
    int repeat_ok;           /* a key column has SHI_I_REPEAT */
    size_t nparsed_row;      /* spec columns parsed in the current row */
    struct shi_i_keys *keys; /* the keys seen so far (spec.c), or NULL */
} shi_i_reader;

/* Open a file (shi_i_open) or a named buffer (shi_i_open_mem) and find the
 * columns: "missing column 'x' in the header" (or "... 'x' (or 'y') ..." with
 * an alias), the first missing one in spec order. `dest` may be NULL: then the
 * reader fills no table (an importer that keeps only some rows stores them
 * itself and must not call shi_i_commit). On failure the reader holds nothing;
 * shi_i_close is still safe. */
shi_status shi_i_open(shi_i_reader *rd, const char *path, const shi_csv_opts *opts,
                      const shi_i_col *cols, size_t ncols, const shi_i_dest *dest, shi_err *err);
shi_status shi_i_open_mem(shi_i_reader *rd, const char *name, const void *data, size_t len,
                          const shi_csv_opts *opts, const shi_i_col *cols, size_t ncols,
                          const shi_i_dest *dest, shi_err *err);
/* Make room for `need` rows in every column of the table. */
shi_status shi_i_reserve(shi_i_reader *rd, size_t need, shi_err *err);
/* Read the next record (*got 0 at the end) and make room for it in the table. */
shi_status shi_i_next(shi_i_reader *rd, int *got, shi_err *err);
/* Parse, check and store the spec columns [from, to) of the record. */
shi_status shi_i_parse(shi_i_reader *rd, size_t from, size_t to, shi_err *err);
/* shi_i_next, then shi_i_parse of every column. */
shi_status shi_i_row(shi_i_reader *rd, int *got, shi_err *err);
/* The text of spec column k in the record. */
const char *shi_i_text(const shi_i_reader *rd, size_t k);
/* "<what> in column 'x', got 'y'" at spec column k. */
shi_status shi_i_bad(const shi_i_reader *rd, size_t k, const char *what, shi_err *err);
/* The row being read (the table's row count). */
size_t shi_i_at(const shi_i_reader *rd);
/* Keep the row: record its position and count it. */
void shi_i_commit(shi_i_reader *rd);
/* Read every row with no check but the specs' (after a successful open,
 * s == SHI_OK), then close. */
shi_status shi_i_read_all(shi_i_reader *rd, shi_status s, shi_err *err);
/* The same for a non-directed dyad-year file whose first spec columns are
 * ccode1, ccode2 (which must be greater) and the year: with `col2` (an array
 * of the table's, grown with it), each row's column of its ccode2 field is
 * kept there (for a message naming an unknown code at its place). */
shi_status shi_i_read_nondirected(shi_i_reader *rd, shi_status s, size_t ncols, int32_t **col2,
                                  shi_err *err);
/* Close the file; with s == SHI_OK and no row kept, "no records after the
 * header". Returns the status. */
shi_status shi_i_close(shi_i_reader *rd, shi_status s, shi_err *err);

#endif
