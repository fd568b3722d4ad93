/*
 * shi/io_sipri.h - importers for the SIPRI Arms Transfers Database (file
 * formats only): the trade register (one row per deal) and SIPRI's own yearly
 * import and export totals per country.
 *
 * Source: Stockholm International Peace Research Institute, SIPRI Arms
 * Transfers Database, https://www.sipri.org/databases/armstransfers (c) SIPRI.
 * Values are SIPRI trend-indicator values (TIV), in millions: a common unit
 * for the volume of major conventional arms, based on the unit production cost
 * of a core set of weapons, not on prices paid (SIPRI, "Sources and methods",
 * https://www.sipri.org/databases/armstransfers/sources-and-methods).
 *
 * SIPRI names are turned into COW codes by a fixed table (src/io/sipri_names.c,
 * listed by shi_sipri_name_at). Non-state actors (rebel groups, "United
 * Nations**", "unknown supplier(s)", ...) are coded SHI_SIPRI_NOT_STATE: they
 * never appear in dyads but do count in a state's totals, as in SIPRI's own
 * totals. "Soviet Union" and "Russia" are both COW 365 (COW treats Russia as
 * the continuation of the USSR). A name missing from the table is an error.
 *
 * Ownership: each table is caller storage. Start from a zeroed struct; the
 * importers APPEND to it and the matching _destroy frees it (safe on a zeroed
 * struct). Rows from two files are not merged.
 *
 * Coding choices and the checks against SIPRI's totals: docs/arms.md.
 */
#ifndef SHI_IO_SIPRI_H
#define SHI_IO_SIPRI_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SHI_SIPRI_NOT_STATE (-1) /* a SIPRI name that is not a COW state */
#define SHI_SIPRI_WORLD (-2)     /* the "Total world import/export" row of a totals file */
#define SHI_SIPRI_NAME_MAX 64    /* bytes of a SIPRI name, including the NUL */

/** The COW code of SIPRI name `name` (UTF-8) for deliveries in `year`.
 *  Sets *ccode to a COW code or SHI_SIPRI_NOT_STATE and returns 1; returns 0
 *  (and leaves *ccode alone) for a name not in the table. "Germany" is
 *  COW 260 (German Federal Republic) before 1990 and 255 from 1990 on (a
 *  year counts by its state on 31 December; unification 1990-10-03).
 *  Time complexity: O(log names). */
SHI_API int shi_sipri_name_lookup(const char *name, int year, int *ccode);
/** Number of names in the table. */
SHI_API size_t shi_sipri_name_count(void);
/** Entry i of the table (in strcmp order): its name, and its COW code (from
 *  1990 on for "Germany"). Returns NULL when i is out of range. */
SHI_API const char *shi_sipri_name_at(size_t i, int *ccode);

/** Arms transfers from the trade register, aggregated to directed
 *  supplier-recipient-delivery-year TIV (state dyads only), plus the yearly
 *  imports and exports of each state including deliveries from and to
 *  non-state actors. A deal's delivered TIV is spread equally over the years
 *  listed in `Year(s) of delivery` (the register gives no yearly numbers). */
typedef struct shi_sipri_arms {
    /* dyad-years, sorted by (supplier, recipient, year) within one file */
    size_t n, cap;
    int32_t *supplier;  /* COW code of the supplier */
    int32_t *recipient; /* COW code of the recipient */
    int32_t *year;      /* delivery year */
    double *tiv;        /* delivered TIV, millions */
    /* state-years with any delivery, sorted by (ccode, year) within one file */
    size_t ns, scap;
    int32_t *s_ccode;  /* COW code */
    int32_t *s_year;   /* delivery year */
    double *s_imports; /* TIV received from all suppliers, non-state ones included */
    double *s_exports; /* TIV sent to all recipients, non-state ones included */
    /* counts of the last file read */
    long n_records;   /* CSV records after the header (a broken deal counts twice) */
    long n_deals;     /* deals after rejoining broken ones */
    long n_rejoined;  /* deals that were split over two records and rejoined */
    long n_delivered; /* deals with at least one delivery year */
} shi_sipri_arms;

SHI_API void shi_sipri_arms_destroy(shi_sipri_arms *t);

/** Read the trade register (trade-register_*.csv: Latin-1, an 11-line
 *  preamble, 16 columns of which three are blank-named '?' flags). A deal
 *  whose Comments hold a line break arrives as a 13-field record followed by
 *  a 4-field record; the two are rejoined. Every other record must have 16
 *  fields. Checks: known names (see shi_sipri_name_lookup), year of order
 *  1900-2100, delivery years 1900-2100 separated by ';', delivered TIV a
 *  number >= 0 (empty means no deliveries), and years listed whenever the
 *  delivered TIV is above 0. Appends to `out`.
 *  \return SHI_OK, SHI_EDATA (err names file:line:column, the column and the
 *  text), SHI_EIO. Time complexity: O(deals log deals). */
SHI_API shi_status shi_io_read_sipri_register(const char *path, shi_sipri_arms *out, shi_err *err);

/** SIPRI's own yearly totals per country (tiv_imports_by_recipient_*.csv or
 *  tiv_exports_by_supplier_*.csv: a 9-line preamble, then `Recipient` or
 *  `Exports by`, one column per year, and four summary columns that are not
 *  read). Only non-empty cells become rows: empty = no deliveries. */
typedef struct shi_sipri_totals {
    size_t n, cap;
    int32_t *ccode;                   /* COW code, SHI_SIPRI_NOT_STATE or SHI_SIPRI_WORLD */
    int32_t *year;                    /* 1900-2100 */
    double *tiv;                      /* millions, as printed (SIPRI rounds to whole millions) */
    uint8_t *lt_half;                 /* 1 where the cell is '0': between 0 and 0.5 */
    char (*name)[SHI_SIPRI_NAME_MAX]; /* the SIPRI name of the row */
    int32_t *line;                    /* line of the cell */
    int32_t *col;                     /* column of the cell */
    int exports;                      /* 1 for an exports file, 0 for imports */
} shi_sipri_totals;

SHI_API void shi_sipri_totals_destroy(shi_sipri_totals *t);
/** Read a SIPRI totals file. Checks: first column `Recipient` or `Exports by`,
 *  known names, cells empty or numbers >= 0 (a trailing space is allowed).
 *  Appends to `out`. Time complexity: O(cells). */
SHI_API shi_status shi_io_read_sipri_totals(const char *path, shi_sipri_totals *out, shi_err *err);
/** Sum of a totals table over ccode `ccode` and years [y0, y1] (0 when none). */
SHI_API double shi_sipri_totals_sum(const shi_sipri_totals *t, int ccode, int y0, int y1);

#ifdef __cplusplus
}
#endif
#endif
