/*
 * shd.h - the .shd format ("shi data", version 1), private to libshi: the
 * record layer shared by the three .shd files (data/default.shd, dyadic.shd,
 * relations.shd). The panel gives the records their meaning (data_caps.c,
 * dyadic_shd.c, data_relations.c); this file knows only the format:
 *
 *   shi-data  1                      first record: the format and its version
 *   <tag>  <field>  <field> ...      one record a line, tab-separated, any
 *                                    number of fields (the tag says how many)
 *
 *   ...
 *   end       <records>  <checksum>  last record: how many records come
 *                                    before it, and the FNV-1a 64 hash (16
 *                                    hex digits) of their text, each record
 *                                    its fields joined by tabs and a newline
 *
 * The end record makes a truncated file (cut at a line end) and a hand-edited
 * one an error: the first at the line where `end` is missing, the second at
 * the `end` record, after the records' own checks, which name the offending
 * line for a value out of range.
 *
 * Numbers are written so that a decimal of up to 15 significant digits reads
 * back to the same double; an empty field is a missing value. There is no
 * time stamp, so building a file twice from the same inputs gives the same
 * bytes.
 */
#ifndef SHI_IO_SHD_H
#define SHI_IO_SHD_H

#include <stdint.h>
#include <stdio.h>

#include <shi/csv.h>

/* Open a .shd for reading: from memory (`buf`, `len`, named `name` in
 * messages) or, with buf NULL, the file at path `name`. */
shi_status shi_shd_open(shi_csv **c, const char *name, const void *buf, size_t len, shi_err *err);

/* Open a slice of a .shd text in memory whose first byte is at line `line`
 * of the whole, for a reader that takes the records with shi_csv_next: the
 * caller has checked the whole text with shi_shd_check_text. */
shi_status shi_shd_open_slice(shi_csv **c, const char *name, const void *buf, size_t len, long line,
                              shi_err *err);
/* The same, passing over the lines for which skip(line, len, arg) returns 1
 * (shi_csv_opts.skip): a loader that needs only some years or records. */
shi_status shi_shd_open_slice_skip(shi_csv **c, const char *name, const void *buf, size_t len,
                                   long line, int (*skip)(const char *, size_t, void *), void *arg,
                                   shi_err *err);

/* Whether the text `buf` (len bytes) is a well-formed .shd whose 'end' record
 * matches the bytes before it: its count of lines and the FNV-1a 64 hash of
 * their bytes (which equal the records' text when no field is quoted and no
 * line ends in CR, as shi writes them). *body is the offset of the 'end'
 * record. 0: not shown to be so (read it record by record for the exact
 * message). */
int shi_shd_check_text(const char *buf, size_t len, size_t *body);

/* The current record is the header 'shi-data<TAB>1'; otherwise an error at it. */
shi_status shi_shd_header(const shi_csv *c, shi_err *err);

/* The current record has exactly n fields (the tag included). */
shi_status shi_shd_fields(const shi_csv *c, size_t n, shi_err *err);

/* Field i is an integer in [lo, hi]. */
shi_status shi_shd_int(const shi_csv *c, size_t i, long lo, long hi, int64_t *v, shi_err *err);

/* Fields from .. from + n - 1 are reals or empty (NaN). */
shi_status shi_shd_reals(const shi_csv *c, size_t from, size_t n, double *out, shi_err *err);

/* Write a tab and `v` (nothing after the tab for NaN). */
void shi_shd_put_real(FILE *f, double v);

/* The records read so far: how many and their running hash. */
typedef struct shi_shd_sum {
    uint64_t h; /* FNV-1a 64 of the records' text */
    long n;     /* records */
    long line;  /* line of the last one */
} shi_shd_sum;

/* Read the next record into c (shi_csv_next), counting it in *sum (zeroed
 * before the first call). At the 'end' record, check its count and checksum
 * and that nothing follows, and give *got = 0; a file that ends before its
 * 'end' record is an error ("truncated"). */
shi_status shi_shd_next(shi_csv *c, shi_shd_sum *sum, int *got, shi_err *err);

/* A .shd being written. Records go to `f`, a stream in memory, so that
 * shi_shd_write_finish can count and hash them and write them to the output
 * with the 'end' record. */
typedef struct shi_shd_writer {
    FILE *f;    /* write the records here (after the 'shi-data 1' record) */
    char *buf;  /* the stream's buffer */
    size_t len; /* its length */
} shi_shd_writer;

/* Open the stream and write the first record. On failure nothing is held. */
shi_status shi_shd_write_begin(shi_shd_writer *w, shi_err *err);
/* Write the records and the 'end' record to `out`, and free the stream. */
shi_status shi_shd_write_finish(shi_shd_writer *w, FILE *out, shi_err *err);
/* Free the stream (safe after finish and on a zeroed struct). */
void shi_shd_write_abort(shi_shd_writer *w);

#endif
