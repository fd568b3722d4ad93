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

#endif
