/*
 * shi/csv.h - a streaming reader for delimited text (RFC 4180 CSV, TSV).
 *
 * Quoted fields may hold delimiters, doubled quotes and newlines; records end
 * in LF or CRLF; a UTF-8 byte-order mark is skipped; Latin-1 input can be
 * converted to UTF-8. Every field remembers the line and column where it
 * starts, so each error names `file:line:column` and, with a header, the
 * column's name. Typed accessors map the data set's missing codes to
 * "missing", never to a number.
 *
 * Limits: a NUL byte is an error at its position (binary data), so is a
 * record longer than SHI_CSV_MAX_RECORD bytes and a file longer than
 * SHI_CSV_MAX_BYTES, so that binary or endless input (/dev/zero, a pipe that
 * never ends) stops with a message instead of filling memory.
 *
 * Ownership: shi_csv_open* returns a reader that the caller frees with
 * shi_csv_free. Field strings belong to the reader and are valid until the
 * next call to shi_csv_next.
 */
#ifndef SHI_CSV_H
#define SHI_CSV_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The longest record (or preamble line): 16 MiB; the official files' longest is 3 KiB. */
#define SHI_CSV_MAX_RECORD ((size_t)16 << 20)
/** The largest input: 4 GiB; the largest official file is 60 MiB inflated. */
#define SHI_CSV_MAX_BYTES ((unsigned long long)4 << 30)

/** Options; a zeroed struct means: comma, UTF-8, header row, no preamble,
 *  fixed field count, and only the empty field is missing. */
typedef struct shi_csv_opts {
    char delim;                 /* field delimiter; 0 means ',' */
    int latin1;                 /* input is Latin-1: convert to UTF-8 */
    long skip_lines;            /* preamble lines to skip before the header */
    int no_header;              /* the first record is data, not column names */
    int ragged;                 /* allow records with differing field counts */
    const char *const *missing; /* NULL-terminated codes meaning missing, or NULL for {""} */
    long first_line;            /* line number of the first byte in messages; 0 means 1 (a
                                   reader over a slice of a larger text) */
    /* A line of plain bytes for which skip(line, len, skip_arg) returns 1
     * (len without the newline) is passed over without being split or
     * checked: a loader that needs only some records of a text it has
     * checked already (the embedded data: shi_shd_check_text). NULL: none. */
    int (*skip)(const char *line, size_t len, void *skip_arg);
    void *skip_arg;
} shi_csv_opts;

typedef struct shi_csv shi_csv;

/** Open a file; a `path` of "-" is not accepted (data files must be named). */
SHI_API shi_status shi_csv_open(shi_csv **out, const char *path, const shi_csv_opts *opts,
                                shi_err *err);
/** Read from memory; `name` is used in messages. `data` must outlive the reader. */
SHI_API shi_status shi_csv_open_mem(shi_csv **out, const char *name, const void *data, size_t len,
                                    const shi_csv_opts *opts, shi_err *err);
/** Free a reader (NULL-safe). */
SHI_API void shi_csv_free(shi_csv *csv);

/** Read the next data record. Sets *got to 1, or to 0 at end of input. */
SHI_API shi_status shi_csv_next(shi_csv *csv, int *got, shi_err *err);

/** Number of fields in the current record. */
SHI_API size_t shi_csv_nfields(const shi_csv *csv);

/** The current record's fields as stored: each NUL-terminated, one after the
 *  other, *len bytes in all (every field's terminator included). */
SHI_API const char *shi_csv_record(const shi_csv *csv, size_t *len);
/** Field i of the current record (NUL-terminated UTF-8), or "" if i is out of range. */
SHI_API const char *shi_csv_field(const shi_csv *csv, size_t i);
/** Line on which the current record starts. */
SHI_API long shi_csv_line(const shi_csv *csv);
/** Line and column on which field i starts. */
SHI_API void shi_csv_field_pos(const shi_csv *csv, size_t i, long *line, long *col);
/** Name used for the file in messages. */
SHI_API const char *shi_csv_name(const shi_csv *csv);

/** Number of header columns (0 without a header). */
SHI_API size_t shi_csv_ncols(const shi_csv *csv);
/** Name of header column i, or "" */
SHI_API const char *shi_csv_colname(const shi_csv *csv, size_t i);
/** Index of the header column called `name` (exact match), or -1. */
SHI_API long shi_csv_find(const shi_csv *csv, const char *name);
/** Find each of `n` named columns; error "missing column 'x'" naming the header line. */
SHI_API shi_status shi_csv_require(const shi_csv *csv, const char *const *names, size_t n,
                                   long *idx, shi_err *err);

/** Is field i one of the missing codes? */
SHI_API int shi_csv_is_missing(const shi_csv *csv, size_t i);
/** Field i as an integer; *missing is set when it is a missing code. Any other
 *  non-integer text is an error naming the position and column. */
SHI_API shi_status shi_csv_int(const shi_csv *csv, size_t i, int64_t *v, int *missing,
                               shi_err *err);
/** Field i as a finite real number (as shi_csv_int). */
SHI_API shi_status shi_csv_real(const shi_csv *csv, size_t i, double *v, int *missing,
                                shi_err *err);
/** Report a problem with field i: "<msg> in column '<name>', got '<text>'" at its position. */
SHI_API shi_status shi_csv_field_error(const shi_csv *csv, size_t i, shi_err *err,
                                       const char *what);

#ifdef __cplusplus
}
#endif
#endif
