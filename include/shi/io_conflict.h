/*
 * shi/io_conflict.h - importers for armed-conflict data coded with
 * Gleditsch-Ward state numbers: the UCDP/PRIO Armed Conflict Dataset 25.1
 * (conflict-years) and the Gleditsch-Ward list of independent states.
 *
 * UCDP/PRIO: Davies, Shawn, Therese Pettersson, Margareta Sollenberg and
 * Magnus Oberg. 2025. "Organized violence 1989-2024, and the challenges of
 * identifying civilian victims". Journal of Peace Research 62(4); Gleditsch,
 * Nils Petter et al. 2002. "Armed Conflict 1946-2001: A New Dataset". Journal
 * of Peace Research 39(5): 615-637. Codebook: UCDP/PRIO Armed Conflict Dataset
 * Codebook, version 25.1.
 *
 * Gleditsch, Kristian S. and Michael D. Ward. 1999. "A revised list of
 * independent states since the Congress of Vienna". International
 * Interactions 25(4): 393-413.
 */
#ifndef SHI_IO_CONFLICT_H
#define SHI_IO_CONFLICT_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** UCDP type_of_conflict codes. */
enum {
    SHI_UCDP_EXTRASYSTEMIC = 1,
    SHI_UCDP_INTERSTATE = 2,
    SHI_UCDP_INTRASTATE = 3,
    SHI_UCDP_INTERNATIONALISED = 4
};

/** Conflict-years of ucdp-prio-acd-251.csv. The states of each side (primary
 *  party and secondary warring parties, which UCDP defines as states that send
 *  troops to fight beside a primary party) are slices of `gw`: side A is
 *  gw[a0[r] .. a0[r] + na[r]), side B gw[b0[r] .. b0[r] + nb[r]), primaries
 *  first; `nprim_a`/`nprim_b` say how many of them are primary parties. */
typedef struct shi_ucdp_table {
    size_t n, cap;
    int32_t *conflict_id; /* UCDP conflict id */
    int32_t *year;        /* 1946-2100 */
    int8_t *type;         /* type_of_conflict 1-4 */
    int8_t *intensity;    /* intensity_level: 1 minor (25-999 deaths), 2 war (1,000+) */
    uint32_t *a0, *b0;    /* first code of each side in gw */
    uint8_t *na, *nb;     /* codes of each side */
    uint8_t *nprim_a, *nprim_b;
    int32_t *line; /* line of each row */
    int32_t *col;  /* column of its gwno_a field */
    /* The pool of Gleditsch-Ward codes, and where each was read (for messages). */
    size_t ngw, capgw;
    int16_t *gw;
    int32_t *gw_line, *gw_col;
} shi_ucdp_table;

SHI_API void shi_ucdp_table_destroy(shi_ucdp_table *t);

/** Read the UCDP/PRIO conflict-year file (columns conflict_id, year,
 *  type_of_conflict, intensity_level, gwno_a, gwno_a_2nd, gwno_b, gwno_b_2nd;
 *  the others are ignored). A gwno field holds nothing (a non-state side) or
 *  comma-separated numbers 2-999 ("200,  2"); at most 255 codes a side.
 *  Checks: year 1946-2100, type 1-4, intensity 1-2, conflict_id >= 1. */
SHI_API shi_status shi_io_read_ucdp_acd(const char *path, shi_ucdp_table *out, shi_err *err);

/** The Gleditsch-Ward list of independent states (gw_states.csv: gwcode,
 *  stateabb, statename, startdate, enddate; dates YYYY-MM-DD). */
typedef struct shi_gw_table {
    size_t n, cap;
    int16_t *gwcode;
    int32_t *start, *end; /* dates as YYYYMMDD */
} shi_gw_table;

SHI_API void shi_gw_table_destroy(shi_gw_table *t);
SHI_API shi_status shi_io_read_gw_states(const char *path, shi_gw_table *out, shi_err *err);

/** 1 when `gw` is in the list (any dates). */
SHI_API int shi_gw_known(const shi_gw_table *t, int gw);

/* Gleditsch-Ward numbers are converted to COW codes with shi_gw_to_cow
 * (shi/io_dyad.h), whose exceptions are documented there (GW 260 -> COW 255
 * from 1990, GW 678 -> COW 679 from 1990, GW 340 -> COW 345, four Pacific
 * microstates; -1 for GW states COW does not have, e.g. 711 Tibet). */

#ifdef __cplusplus
}
#endif
#endif
