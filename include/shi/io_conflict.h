/*
 * shi/io_conflict.h - importers for conflict data: militarized interstate
 * disputes (GML MID 2.1.1 dyad-years; COW MID 5.0 participant and incident
 * files) and armed conflict coded with Gleditsch-Ward state numbers (the
 * UCDP/PRIO Armed Conflict Dataset 25.1, conflict-years, and the
 * Gleditsch-Ward list of independent states). Tables append and keep
 * positions as in shi/io_dyad.h; missing values follow shi/missing.h
 * (sources and coding: docs/sources_more.md, docs/sources_econ.md).
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
#include <shi/missing.h>

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

/* ------------------------------------------------------------------------ */
/* GML MID 2.1.1 dyad-years (Gibler, Miller & Little 2016, ISQ 60(4))       */
/* ------------------------------------------------------------------------ */

/** Dyad-years with a militarized dispute (gml-ddy-disputes-2.1.1.csv). The
 *  file lists each dyad-year twice, once in each order of (ccode1, ccode2),
 *  with the *1 and *2 columns swapped: 10,330 rows, 5,165 dyad-years. The *1
 *  columns describe ccode1, the *2 columns ccode2. -9 and "" read as SHI_NA_I8. */
typedef struct shi_mid_table {
    size_t n, cap;
    int32_t *dispnum;  /* dispute number */
    int32_t *ccode1;   /* COW code */
    int32_t *ccode2;   /* COW code */
    int32_t *year;     /* 1816-2100 */
    int8_t *onset;     /* midonset: 1 if the dispute began this year, else 0 */
    int8_t *sidea1;    /* 1 if ccode1 is on side A (the side that took the first action) */
    int8_t *sidea2;    /* same for ccode2 */
    int8_t *orig1;     /* 1 if ccode1 was an originator (in it from day one), 0 a joiner */
    int8_t *orig2;     /* same for ccode2 */
    int8_t *revstate1; /* 1 if ccode1 sought to revise the status quo; SHI_NA_I8 */
    int8_t *revstate2; /* same for ccode2 */
    int8_t *hostlev1;  /* highest hostility level of ccode1, 1-5 (1 none, 2 threat,
                          3 display, 4 use of force, 5 war) */
    int8_t *hostlev2;  /* same for ccode2 */
    int8_t *hiact1;    /* highest action of ccode1, 0-21 (COW MID action codes) */
    int8_t *hiact2;    /* same for ccode2 */
    int8_t *fatality;  /* dispute fatality level 0-6; SHI_NA_I8 where -9 */
    int8_t *fatality1; /* fatality level of ccode1's forces 0-6 (0 none, 1 1-25 deaths, ...,
                          6 more than 999); SHI_NA_I8 where -9 */
    int8_t *fatality2; /* same for ccode2 */
    int32_t *line;     /* line of each row */
    int32_t *col;      /* column of its ccode1 field */
} shi_mid_table;

SHI_API void shi_mid_table_destroy(shi_mid_table *t);
/** Read the GML MID dyad-year file (columns dispnum, ccode1, ccode2, year,
 *  midonset, sidea1, sidea2, orig1, orig2, revstate1, revstate2, hostlev1,
 *  hostlev2, hiact1, hiact2, fatality, fatality1, fatality2; the others are
 *  ignored). Checks: COW codes 1-999 and different, year 1816-2100, dispnum >= 1,
 *  the 0/1 flags, hostlev 1-5, hiact 0-21, the fatality levels 0-6 or -9,
 *  revstate 0/1 or missing. */
SHI_API shi_status shi_io_read_gml_mid(const char *path, shi_mid_table *out, shi_err *err);

/* ------------------------------------------------------------------------ */
/* COW Militarized Interstate Disputes 5.0 (Palmer et al. 2022, CMPS 39(4)) */
/* ------------------------------------------------------------------------ */

/** Dispute participants (MIDB_5.0.csv), 1816-2014: one row per state and
 *  dispute (a state that left and re-entered has two rows). Dates: day and
 *  month SHI_NA_I8 where -9. */
typedef struct shi_midb_table {
    size_t n, cap;
    int32_t *dispnum;  /* dispute number */
    int32_t *ccode;    /* COW code 1-999 */
    char (*stabb)[4];  /* COW letter code, e.g. "RUS" */
    int8_t *stday;     /* start day 1-31; SHI_NA_I8 */
    int8_t *stmon;     /* start month 1-12; SHI_NA_I8 */
    int32_t *styear;   /* start year 1816-2100 */
    int8_t *endday;    /* end day 1-31; SHI_NA_I8 */
    int8_t *endmon;    /* end month 1-12; SHI_NA_I8 */
    int32_t *endyear;  /* end year 1816-2100 */
    int8_t *sidea;     /* 1 if on side A (the side that took the first action) */
    int8_t *revstate;  /* 1 if it sought to revise the status quo; SHI_NA_I8 */
    int8_t *revtype1;  /* revision type 0-4 (0 none, 1 territory, 2 policy, 3 regime,
                          4 other); SHI_NA_I8 */
    int8_t *revtype2;  /* second revision type; SHI_NA_I8 */
    int8_t *fatality;  /* fatality level 0-6; SHI_NA_I8 */
    int32_t *fatalpre; /* battle deaths; -1 where -9 */
    int8_t *hiact;     /* highest action 0-21 */
    int8_t *hostlev;   /* highest hostility level 1-5 (1 none, 2 threat, 3 display,
                          4 use of force, 5 war) */
    int8_t *orig;      /* 1 if an originator, 0 a joiner */
    int32_t *line;     /* line of each row */
    int32_t *col;      /* column of its dispnum field */
} shi_midb_table;

/** Incidents (MIDI_5.0.csv), 1992-2014: one row per militarized incident. */
typedef struct shi_midi_table {
    size_t n, cap;
    int32_t *dispnum;  /* dispute number */
    int32_t *incidnum; /* incident number (dispnum * 1000 + sequence) */
    int8_t *stday;     /* start day 1-31; SHI_NA_I8 */
    int8_t *stmon;     /* start month 1-12; SHI_NA_I8 */
    int32_t *styear;   /* start year 1816-2100 */
    int8_t *endday;    /* end day; SHI_NA_I8 */
    int8_t *endmon;    /* end month; SHI_NA_I8 */
    int32_t *endyear;  /* end year */
    int32_t *duration; /* days; -1 where -9 */
    int8_t *fatality;  /* fatality level 0-6; SHI_NA_I8 */
    int32_t *fatalpre; /* battle deaths; -1 where -9 */
    int8_t *action;    /* highest action of the incident 0-21 */
    int8_t *hostlev;   /* its hostility level 1-5 */
    int32_t *numa;     /* states on side A */
    int32_t *line;     /* line of each row */
    int32_t *col;      /* column of its dispnum field */
} shi_midi_table;

/** Incident participants (MIDIP_5.0.csv), 1992-2014: one row per state and
 *  incident. action 0 / hostlev 1 marks a target that did nothing. */
typedef struct shi_midip_table {
    size_t n, cap;
    int32_t *dispnum;  /* dispute number */
    int32_t *incidnum; /* incident number */
    int32_t *ccode;    /* COW code 1-999 */
    char (*stabb)[4];  /* COW letter code */
    int8_t *stday;     /* start day 1-31; SHI_NA_I8 */
    int8_t *stmon;     /* start month 1-12; SHI_NA_I8 */
    int32_t *styear;   /* start year 1816-2100 */
    int8_t *endday;    /* end day; SHI_NA_I8 */
    int8_t *endmon;    /* end month; SHI_NA_I8 */
    int32_t *endyear;  /* end year */
    int8_t *insidea;   /* 1 if on side A of the incident */
    int8_t *sidea;     /* 1 if on side A of the dispute */
    int8_t *fatality;  /* fatality level 0-6; SHI_NA_I8 */
    int32_t *fatalpre; /* battle deaths; -1 where -9 */
    int8_t *action;    /* its action 0-21 */
    int8_t *hostlev;   /* its hostility level 1-5 */
    int8_t *revtype1;  /* revision type 0-4; SHI_NA_I8 */
    int8_t *revtype2;  /* second revision type 0-4; SHI_NA_I8 */
    int32_t *line;     /* line of each row */
    int32_t *col;      /* column of its dispnum field */
} shi_midip_table;

SHI_API void shi_midb_table_destroy(shi_midb_table *t);
SHI_API void shi_midi_table_destroy(shi_midi_table *t);
SHI_API void shi_midip_table_destroy(shi_midip_table *t);

/** Read MIDB_5.0.csv (columns dispnum, stabb, ccode, stday, stmon, styear,
 *  endday, endmon, endyear, sidea, revstate, revtype1, revtype2, fatality,
 *  fatalpre, hiact, hostlev, orig; version is ignored). CRLF is fine.
 *  Checks: dispnum >= 1, ccode 1-999, stabb 1-3 characters, day 1-31 or -9,
 *  month 1-12 or -9, year 1816-2100, styear <= endyear, 0/1 flags, revstate
 *  0/1 or -9, revtype 0-4 or -9, fatality 0-6 or -9, fatalpre >= 0 or -9,
 *  hiact 0-21, hostlev 1-5. Time complexity: O(rows). */
SHI_API shi_status shi_io_read_midb5(const char *path, shi_midb_table *out, shi_err *err);
/** Read MIDI_5.0.csv (columns dispnum, incidnum, stday, stmon, styear,
 *  endday, endmon, endyear, duration, fatality, fatalpre, action, hostlev,
 *  numa; tbi and version are ignored). Checks as shi_io_read_midb5, plus
 *  incidnum >= 1, duration >= 0 or -9, action 0-21, numa >= 0. */
SHI_API shi_status shi_io_read_midi5(const char *path, shi_midi_table *out, shi_err *err);
/** Read MIDIP_5.0.csv (columns dispnum, incidnum, stabb, ccode, stday, stmon,
 *  styear, endday, endmon, endyear, insidea, sidea, fatality, fatalpre,
 *  action, hostlev, revtype1, revtype2; version is ignored). Checks as
 *  shi_io_read_midi5. */
SHI_API shi_status shi_io_read_midip5(const char *path, shi_midip_table *out, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
