/*
 * shi/panel.h - the state-year panel: one contiguous array per variable.
 *
 * Rows are sorted by (state, year). `unit_start` (CSR offsets) makes one
 * state's series an O(1) slice; `year_rows` lists the rows of each year so that
 * system-wide measures (shares, concentration) walk one year at a time.
 * Missing values are recorded in a validity bitmap per column (and the value
 * is NaN, so that an accidental read cannot pass for a number).
 */
#ifndef SHI_PANEL_H
#define SHI_PANEL_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One real-valued column. */
typedef struct shi_column {
    char name[32];   /* variable name, e.g. "milex" */
    double *v;       /* nrow values; NaN where missing */
    uint64_t *valid; /* validity bitmap, bit r set when row r is present */
} shi_column;

/** The panel. A zeroed struct is an empty panel; destroy is always safe. */
typedef struct shi_panel {
    size_t nrow;
    int32_t *unit;      /* COW code of each row */
    int32_t *year;      /* year of each row */
    size_t nunit;       /* distinct states */
    int32_t *unit_id;   /* their codes, ascending */
    size_t *unit_start; /* rows of unit k: [unit_start[k], unit_start[k+1]) */
    int year_min, year_max;
    size_t *year_start; /* rows of year y: year_rows[year_start[y-year_min] .. +1) */
    size_t *year_rows;  /* row indices grouped by year, each group by state */
    shi_column *cols;
    size_t ncol;
} shi_panel;

SHI_API void shi_panel_destroy(shi_panel *p);

/** Make a panel of `n` rows from (unit, year) keys, in any order; rows are
 *  sorted and indexed, and perm_out[i] (if not NULL) is the input index of row i.
 *  A duplicate key is an error; when `path` and `line` (the input line of each
 *  key) are given, the message points into that file. */
SHI_API shi_status shi_panel_init_keys(shi_panel *p, const int32_t *unit, const int32_t *year,
                                       size_t n, size_t *perm_out, const char *path,
                                       const int32_t *line, shi_err *err);

/** Add a column (all missing); returns its index in *col. */
SHI_API shi_status shi_panel_add_column(shi_panel *p, const char *name, size_t *col, shi_err *err);
/** Index of the column called `name`, or -1. */
SHI_API long shi_panel_find(const shi_panel *p, const char *name);

/** Set / clear / read a value. */
SHI_API void shi_panel_set(shi_panel *p, size_t col, size_t row, double v);
SHI_API void shi_panel_set_missing(shi_panel *p, size_t col, size_t row);
/** Is the value present? */
static inline int shi_panel_ok(const shi_panel *p, size_t col, size_t row)
{
    return (int)((p->cols[col].valid[row >> 6] >> (row & 63)) & 1u);
}
/** The value (NaN when missing). */
static inline double shi_panel_get(const shi_panel *p, size_t col, size_t row)
{
    return p->cols[col].v[row];
}

/** Row of (unit, year), or -1. O(log n). */
SHI_API long shi_panel_row(const shi_panel *p, int unit, int year);
/** Rows of one year: sets *rows and *n (n = 0 outside the panel's years). */
SHI_API void shi_panel_year(const shi_panel *p, int year, const size_t **rows, size_t *n);

/* ---- CINC (Singer, Bremer & Stuckey 1972) ----------------------------------
 * Each state's yearly share of the system total of each of the six NMC
 * components, averaged over the components it has (a missing component is
 * left out, not counted as 0). Computed by the panel when the data are loaded
 * (shi_data.cinc), so that every measure reads one column. */

/** Compute CINC into column `out` of `p` from the six component columns
 *  `comp` (milex, milper, irst, pec, tpop, upop). A state-year with no
 *  component present has no CINC. O(rows). */
SHI_API shi_status shi_cinc_compute(shi_panel *p, const size_t comp[6], size_t out, shi_err *err);

/** Add a column "cinc" computed by shi_cinc_compute from the panel's columns
 *  milex, milper, irst, pec, tpop and upop (once; later calls return it). */
SHI_API shi_status shi_cinc_add(shi_panel *p, size_t *col, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
