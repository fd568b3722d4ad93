/*
 * aligned.h - the terminal table shared by the table and frame writers
 * (internal to src/output): aligned columns, fitted to a width.
 */
#ifndef SHI_OUTPUT_ALIGNED_H
#define SHI_OUTPUT_ALIGNED_H

#include <stddef.h>
#include <stdio.h>

/* The text of cell (r, c), or NULL when missing; `buf` (SHI_ALIGNED_CELL
 * bytes) may hold it. Called more than once per cell. */
typedef const char *(*aligned_cell_fn)(const void *ctx, size_t r, size_t c, char *buf);

#define SHI_ALIGNED_CELL 512

typedef struct aligned_table {
    size_t nrow, ncol;
    const char *const *names;  /* ncol column names */
    const unsigned char *left; /* ncol flags: text, left-aligned and abbreviable */
    aligned_cell_fn cell;
    const void *ctx;
    size_t width; /* the screen's width; 0: no limit */
    size_t nkey;  /* leading columns that say what a row is (year, states):
                     repeated in every block */
} aligned_table;

/* Write `a` to f: columns two spaces apart, numbers right and text left, "-"
 * for missing, control characters as '?'. Wider than a->width, text columns
 * are abbreviated with "…" (not below 10 characters or their name), then the
 * columns that still do not fit go to further blocks under the first one,
 * each repeating the key columns (as many of the first nkey as take at most
 * half the width). Returns 0, or -1 when out of memory. */
int shi_i_aligned_write(const aligned_table *a, FILE *f);

#endif
